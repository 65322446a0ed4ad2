#!/usr/bin/env python3
"""Writes tfidf_reference.json: TF-IDF weights computed by scikit-learn for a tiny corpus,
the reference for Tests/CiteGraphTextTests/KeyPhraseExtractorTests.swift.

    pip install scikit-learn==1.9.1
    python3 Tests/Fixtures/text/make_tfidf_reference.py

The documents are comma-separated single words, so that the citegraph extractor sees each
word as its own phrase (commas end candidate phrases) and its candidates are exactly
these words; scikit-learn gets the same words through a custom analyzer. The words are
chosen so that Porter2 maps no two of them to one stem. Settings match
KeyPhraseExtractor's TF-IDF: smooth_idf=True (idf = ln((1+N)/(1+df)) + 1), norm='l2',
with min_df / max_df / sublinear_tf as given per case.
"""
import json
import os

import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer

DOCUMENTS = [
    "graph, graph, kernel, tensor",
    "graph, lattice, manifold, manifold, manifold",
    "kernel, tensor, tensor, entropy",
    "entropy, gradient, graph, kernel, lattice",
    "manifold, gradient, gradient, tensor, kernel, kernel",
    "entropy, entropy, graph",
]

CASES = [
    {"name": "all terms", "min_df": 1, "max_df": 1.0, "sublinear_tf": False},
    {"name": "min_df 2, max_df 0.5", "min_df": 2, "max_df": 0.5, "sublinear_tf": False},
    {"name": "sublinear tf", "min_df": 1, "max_df": 1.0, "sublinear_tf": True},
]

def analyzer(doc):
    return [w.strip() for w in doc.split(",") if w.strip()]

def main():
    out = {"sklearn_version": sklearn.__version__, "documents": DOCUMENTS, "cases": []}
    for case in CASES:
        v = TfidfVectorizer(analyzer=analyzer, smooth_idf=True, norm="l2",
                            min_df=case["min_df"], max_df=case["max_df"],
                            sublinear_tf=case["sublinear_tf"])
        m = v.fit_transform(DOCUMENTS).toarray()
        vocab = list(v.get_feature_names_out())
        rows = [{vocab[j]: float(m[i, j]) for j in range(len(vocab)) if m[i, j] != 0.0}
                for i in range(len(DOCUMENTS))]
        idf = {vocab[j]: float(v.idf_[j]) for j in range(len(vocab))}
        out["cases"].append(dict(case, vocabulary=vocab, idf=idf, rows=rows))
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "tfidf_reference.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")

if __name__ == "__main__":
    main()
