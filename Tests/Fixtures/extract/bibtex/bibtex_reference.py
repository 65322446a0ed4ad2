"""Outside reference counts for the BibTeX reader tests.

Parses the shared KRR bibliography with bibtexparser (PyPI, v2) and writes
bibtex_reference.json: per file, the number of entries (excluding @string,
@preamble, @comment), @string macros and failed blocks, the entry keys in file
order, the entry types, the number of entries with a crossref field, and for a
few sample keys the raw (macro-expanded, not LaTeX-decoded) title, author and year.

Run (from Tests/Fixtures/extract/bibtex): pip install bibtexparser==2.*; python3 bibtex_reference.py /path/to/shared/data
"""
import json
import sys
from collections import Counter
from pathlib import Path

import bibtexparser

data = Path(sys.argv[1] if len(sys.argv) > 1 else "../../../../../shared/data") / "bibtex_krr_potsdam"
SAMPLES = ["abdsch99a", "abcacechcolesttazd03a", "abgehaug23a", "aaai99", "jelia14"]

out = {"bibtexparser": bibtexparser.__version__, "files": {}}
# krr.bib alone, procs.bib alone, and both concatenated (procs.bib uses macros from krr.bib).
texts = {name: (data / name).read_text(encoding="utf-8") for name in ["krr.bib", "procs.bib"]}
texts["krr.bib+procs.bib"] = texts["krr.bib"] + "\n" + texts["procs.bib"]
for name, text in texts.items():
    # The default parse stack resolves @string macros and removes enclosing braces/quotes.
    lib = bibtexparser.parse_string(text)
    entries = lib.entries
    samples = {}
    for e in entries:
        if e.key in SAMPLES:
            samples[e.key] = {f: e.fields_dict[f].value for f in ["title", "author", "year", "crossref", "booktitle"]
                              if f in e.fields_dict}
    out["files"][name] = {
        "entries": len(entries),
        "strings": len(lib.strings),
        "preambles": len(lib.preambles),
        "comments": len(lib.comments),
        "failed_blocks": len(lib.failed_blocks),
        "duplicate_keys": sorted(k for k, c in Counter(e.key for e in entries).items() if c > 1),
        "entry_types": dict(sorted(Counter(e.entry_type.lower() for e in entries).items())),
        "with_crossref": sum(1 for e in entries if "crossref" in e.fields_dict),
        "with_doi": sum(1 for e in entries if "doi" in e.fields_dict),
        "without_title": sorted(e.key for e in entries if "title" not in e.fields_dict),
        "samples": samples,
        "keys": [e.key for e in entries] if "+" not in name else None,
    }
Path("bibtex_reference.json").write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
for name, f in out["files"].items():
    print(name, {k: v for k, v in f.items() if k not in ("keys", "samples")})
