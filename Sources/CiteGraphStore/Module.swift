// CiteGraphStore module.
