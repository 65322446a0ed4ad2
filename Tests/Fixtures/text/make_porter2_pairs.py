#!/usr/bin/env python3
"""Writes porter2_pairs.tsv: word<TAB>stem pairs from the reference Porter2 (English
Snowball) stemmer, for Tests/CiteGraphTextTests/StemmerTests.swift.

    pip install snowballstemmer==3.1.1   # Snowball 3.1.1, english.sbl
    python3 Tests/Fixtures/text/make_porter2_pairs.py

Two parts: (1) hand-picked words from Snowball's English voc.txt that exercise every step
and exception of the algorithm; (2) a deterministic sample of words from the bundled
sample corpus (Sources/CiteGraph/SampleCorpus), each also with common suffixes attached.
"""
import glob
import os
import re

import snowballstemmer

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))

HAND = """
consign consigned consigning consignment consist consisted consistency consistent
consistently consisting consists consolation consolations consolatory console consoled
consoles consolidate consolidated consolidating consoling consolingly consols consonant
consort consorted consorting conspicuous conspicuously conspiracy conspirator
conspirators conspire conspired conspiring constable constables constance constancy
constant knack knackeries knacks knag knave knaves knavish kneaded kneading knee kneel
kneeled kneeling kneels knees knell knelt knew knick knif knife knight knightly knights
knit knits knitted knitting knives knob knobs knock knocked knocker knockers knocking
knocks knopp knot knots
skis skies sky idly gently ugly early only singly news howe atlas cosmos bias andes
dying lying tying eying flying crying inning innings outing outings canning cannings
herring herrings earring earrings evening evenings proceed proceeds proceeded proceeding
exceed exceeded exceeding succeed succeeded succeeding agreed agreeing feed feedly
generate generates generated generously general generalization communism communication
arsenal arsenals past pasted pastes universal university universities later lateral
emerge emergency organ organization organizations international interest interests
caresses ponies ties ied cries gaps gas kiwis cactus abyss us its hopping hoped hoping
tanned filing falling fizzed failing luxuriated luxuriating controlling add adding egg
off happy happily youth yelling boy boys sayings apologies coyote
relational conditional rational valenci hesitanci digitizer conformabli radicalli
differentli vileli analogousli vietnamization predication operator feudalism
decisiveness hopefulness callousness formaliti sensitiviti sensibiliti
triplicate formative formalize electriciti electrical hopeful goodness
revival allowance inference airliner gyroscopic adjustable defensible irritant
replacement adjustment dependent adoption homologou communism activate angulariti
homologous effective bowdlerize
geology biology apology archaeologist ecologist
fullness fulli endlessli
'tis didn't dogs' dog's
a an i by the
"""

def corpus_sample():
    words = set()
    for path in sorted(glob.glob(os.path.join(ROOT, "Sources", "CiteGraph", "SampleCorpus", "*.txt"))):
        with open(path, encoding="utf-8") as f:
            words.update(w for w in re.findall(r"[a-z]+", f.read().lower()))
    base = sorted(words)[::10]  # every tenth word, deterministic
    suffixes = ["", "s", "ing", "ed", "ly", "ness", "ation", "izer", "ogist", "ies", "eedly"]
    out = []
    for k, w in enumerate(base):
        out.append(w + suffixes[k % len(suffixes)])
    return out

def main():
    stemmer = snowballstemmer.stemmer("english")
    seen = set()
    rows = []
    for w in HAND.split() + corpus_sample():
        if w in seen:
            continue
        seen.add(w)
        rows.append(f"{w}\t{stemmer.stemWord(w)}\n")
    with open(os.path.join(HERE, "porter2_pairs.tsv"), "w", encoding="utf-8") as f:
        f.write("# word<TAB>Porter2 stem, from make_porter2_pairs.py (snowballstemmer %s)\n"
                % getattr(snowballstemmer, "__version__", "3.1.1"))
        f.writelines(rows)
    print(len(rows), "pairs")

if __name__ == "__main__":
    main()
