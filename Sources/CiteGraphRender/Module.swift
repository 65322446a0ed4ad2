// CiteGraphRender module.
