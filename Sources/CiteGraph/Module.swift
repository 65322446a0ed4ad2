// CiteGraph module.
