#!/usr/bin/env python3
"""Cited references of a Web of Science file that name another record of the same file by
(first author family + first initial, year, volume, first page) — the reference values for
citegraph's bibliographic reference resolution. Independent of citegraph: plain Python
parsing of the tagged format (metaknowledge's rules: two-letter tag, continuation lines
indented by three spaces).

Prints one line per matched pair: citing UT, cited UT (sorted, unique), then a count.
Usage: wos_bibliographic_matches.py FILE.isi
"""
import sys, unicodedata

def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower().strip()

def number(s):
    s = s.strip().lower()
    t = s.lstrip("0")
    return t if t else s

def records(path):
    rec, tag = {}, None
    for raw in open(path, encoding="utf-8-sig", errors="replace"):
        line = raw.rstrip("\n").rstrip("\r")
        if line.startswith("ER"):
            if rec: yield rec
            rec, tag = {}, None
            continue
        if line[:2].strip() and len(line) >= 2 and line[2:3] in (" ", ""):
            tag = line[:2]
            rec.setdefault(tag, []).append(line[3:].strip())
        elif line.startswith("   ") and tag:
            rec[tag].append(line[3:].strip())

by_key, cites = {}, []
for r in records(sys.argv[1]):
    ut = (r.get("UT") or [""])[0]
    au, py, vl = (r.get("AU") or [""])[0], (r.get("PY") or [""])[0], (r.get("VL") or [""])[0]
    bp = (r.get("BP") or r.get("AR") or [""])[0]
    if au and py.isdigit() and vl and bp:
        family, _, given = au.partition(",")
        initial = next((c for c in given if c.isalpha()), "").lower()
        by_key.setdefault(f"{fold(family)}|{initial}|{int(py)}|{number(vl)}|{number(bp)}", ut)
    for cr in r.get("CR", []):
        cites.append((ut, cr))

pairs = set()
for ut, cr in cites:
    parts = [p.strip() for p in cr.split(",")]
    if len(parts) < 4 or not parts[1].isdigit():
        continue
    author = parts[0].split(" ")
    family, given = author[0], " ".join(author[1:])
    initial = next((c for c in given if c.isalpha()), "").lower()
    vol = next((p[1:] for p in parts[2:] if len(p) > 1 and p[0] == "V" and p[1:].isalnum()), None)
    page = next((p[1:] for p in parts[2:] if len(p) > 1 and p[0] == "P" and p[1:].isalnum()), None)
    if vol is None or page is None:
        continue
    cited = by_key.get(f"{fold(family)}|{initial}|{int(parts[1])}|{number(vol)}|{number(page)}")
    if cited and cited != ut:
        pairs.add((ut, cited))
for a, b in sorted(pairs):
    print(a, b)
print(len(pairs), file=sys.stderr)
