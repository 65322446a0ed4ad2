// CiteGraphExtract module.
