#!/usr/bin/env python3
"""Authors with an ORCID iD, per file: the reference numbers for citegraph's Web of Science
(OI field) and PubMed XML (Author/Identifier[@Source="ORCID"]) readers
(Tests/CiteGraphExtractTests/AuthorORCIDTests.swift). Independent of citegraph: plain
Python parsing of the WoS tagged format and xml.etree.ElementTree.

WoS rules: OI is "Name/ORCID; Name/ORCID; …" (continuation lines joined with a space). An
entry's name matches the author whose AF name (AU when AF is missing or not parallel) is
equal after folding (accents and case folded, punctuation dropped, words split at spaces,
dots and hyphens); entries matching no author that way match the only author still without
an iD who has the same folded family name and first initial. An entry matching several
authors is skipped; an author gets one iD at most.

Usage: author_orcid_counts.py [DATA_DIR]   (default: ../shared/data beside the repository)
Prints: file, records, records with an ORCID, authors with an ORCID, OI entries with an iD;
and for PubMed XML each record's ORCIDs ("-" for none) in author order.
"""
import os, re, unicodedata

from shared_data import DATA, parse_xml

WOS_FILES = [
    "wos_pices_wg49_savedrecs/savedrecs.txt",
    "metaknowledge_testfiles_wos_scopus_medline/savedrecs.txt",
    "metaknowledge_testfiles_wos_scopus_medline/ManyAuthors.isi",
    "metaknowledge_testfiles_wos_scopus_medline/testFile.isi",
]
PUBMED_FILES = ["biopython_entrez_medline_fixtures/Entrez/pubmed7.xml"]
ORCID = re.compile(r"(\d{4})-?(\d{4})-?(\d{4})-?(\d{3}[\dXx])\s*$")


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return " ".join(re.findall(r"\w+", s.replace("_", " ")))


def split_name(name):
    name = name.strip()
    if "," in name:
        family, given = name.split(",", 1)
        return family.strip(), given.strip()
    words = name.split()
    return (words[-1], " ".join(words[:-1])) if len(words) > 1 else (name, "")


def full_key(name):
    family, given = split_name(name)
    return fold(family) + "," + " ".join(w for w in (fold(p) for p in re.split(r"[ .\-]", given)) if w)


def short_key(name):
    family, given = split_name(name)
    return fold(family) + "," + fold(given)[:1]


def orcid(text):
    m = ORCID.search(text.strip())
    return "-".join(m.groups()).upper() if m else None


def wos_records(path):
    rec, tag = {}, None
    for raw in open(path, encoding="utf-8-sig", errors="replace"):
        line = raw.rstrip("\n").rstrip("\r")
        if line.startswith("ER") and line[2:].strip() == "":
            if rec:
                yield rec
            rec, tag = {}, None
        elif len(line) >= 2 and line[:2].strip() and line[2:3] in (" ", ""):
            tag = line[:2]
            rec.setdefault(tag, []).append(line[3:].strip())
        elif line.startswith("   ") and tag:
            rec[tag].append(line[3:].strip())


def wos_counts(path):
    records = with_orcid = authors = entries = 0
    for r in wos_records(path):
        if not " ".join(r.get("TI", [])).strip():
            continue
        records += 1
        au, af = r.get("AU", []), r.get("AF", [])
        names = af if len(af) == len(au) else au
        got = [None] * len(au)
        pending = []
        for entry in " ".join(r.get("OI", [])).split(";"):
            if "/" not in entry:
                continue
            name, value = entry.rsplit("/", 1)
            iD = orcid(value)
            if not iD:
                continue
            entries += 1
            hits = [i for i, n in enumerate(names) if got[i] is None and full_key(n) == full_key(name)]
            if len(hits) == 1:
                got[hits[0]] = iD
            elif not hits:
                pending.append((name, iD))
        for name, iD in pending:
            hits = [i for i, n in enumerate(names) if got[i] is None and short_key(n) == short_key(name)]
            if len(hits) == 1:
                got[hits[0]] = iD
        n = sum(g is not None for g in got)
        authors += n
        with_orcid += n > 0
    return records, with_orcid, authors, entries


def pubmed_orcids(path):
    out = []
    for article in parse_xml(path).iter("PubmedArticle"):
        ids = []
        for author in article.findall("MedlineCitation/Article/AuthorList/Author"):
            if author.get("ValidYN") == "N":
                continue
            if not ((author.findtext("LastName") or "").strip() or (author.findtext("CollectiveName") or "").strip()):
                continue
            found = [orcid(i.text or "") for i in author.findall("Identifier") if i.get("Source") == "ORCID"]
            ids.append(next((f for f in found if f), None) or "-")
        out.append(" ".join(ids))
    return out


for f in WOS_FILES:
    print(f, *wos_counts(os.path.join(DATA, f)))
for f in PUBMED_FILES:
    print(f, *pubmed_orcids(os.path.join(DATA, f)))
