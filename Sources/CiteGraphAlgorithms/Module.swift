// CiteGraphAlgorithms module.
