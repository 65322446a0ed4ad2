// CiteGraphText module.
