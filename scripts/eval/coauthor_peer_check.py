#!/usr/bin/env python3
"""Co-author graph of metaknowledge's ManyAuthors.isi with networkx, two ways.

1. nodes = exact AU strings (the definition of peer_metrics_ManyAuthors.isi.json):
   reproduces the peer numbers 2540 nodes / 34215 edges / 305 components / largest 326.
2. nodes = citegraph's author name key (AuthorName.key: family name and given-name parts,
   case-, accent- and punctuation-folded, so "BREVIK, I" and "Brevik, I." are one author):
   the numbers citegraph's coauthor graph must equal (CoauthorGraphTests).

Usage: python3 scripts/eval/coauthor_peer_check.py [ManyAuthors.isi|savedrecs.txt path]
"""
import itertools, os, re, sys, unicodedata
import networkx as nx

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
default = os.path.join(os.path.dirname(root), "shared/data/metaknowledge_testfiles_wos_scopus_medline/ManyAuthors.isi")
path = sys.argv[1] if len(sys.argv) > 1 else default

def fold(text):
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.findall(r"[^\W_]+", text))

def key(name):
    name = name.strip()
    if "," in name:
        family, given = name.split(",", 1)
    else:
        words = name.split()
        family, given = (words[-1], " ".join(words[:-1])) if len(words) > 1 else (name, "")
    parts = [fold(p) for p in re.split(r"[ .\-]", given)]
    return fold(family) + "," + " ".join(p for p in parts if p)

records, current, tag = [], None, None
for line in open(path, encoding="utf-8-sig"):
    line = line.rstrip("\n")
    if line.startswith("PT "):
        current = []
        records.append(current)
    if len(line) > 2 and line[:2].strip() and line[2] == " ":
        tag, value = line[:2], line[3:]
    elif line.startswith("   "):
        value = line[3:]
    else:
        tag = None
        continue
    if tag == "AU" and current is not None:
        current.append(value.strip())

for label, f in (("exact AU strings", lambda n: n), ("citegraph name key", key)):
    g = nx.Graph()
    for names in records:
        names = list(dict.fromkeys(f(n) for n in names))
        g.add_nodes_from(names)
        g.add_edges_from(itertools.combinations(names, 2))
    comps = list(nx.connected_components(g))
    print(f"{label}: nodes {g.number_of_nodes()} edges {g.number_of_edges()} components {len(comps)} largest {max(map(len, comps))}")
