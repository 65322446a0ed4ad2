#!/usr/bin/env bash
# Times citegraph's co-topic pipeline (key-phrase extraction + top-10 cosine) against
# scikit-learn (TfidfVectorizer + sparse cosine top-10) on the same generated abstracts and
# prints the ratio. Usage: ./cotopic_peer_compare.sh [PAPERS ...]   (default: 100000)
# Needs: pip install scikit-learn   (numpy, scipy come along)
#
# Both sides read the same file of "title<TAB>abstract" lines (AbstractGenerator, seed 42)
# and are timed on the in-memory texts only (file reading excluded), best of REPEATS runs
# (default 1; REPEATS=3 ./cotopic_peer_compare.sh for steadier numbers).
set -euo pipefail
cd "$(dirname "$0")"
REPEATS="${REPEATS:-1}"
swift build -c release --product citegraph-text-bench >&2
BIN="$(swift build -c release --show-bin-path)/citegraph-text-bench"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
if [ $# -eq 0 ]; then set -- 100000; fi
for N in "$@"; do
  "$BIN" generate "$N" "$WORK/abstracts.tsv" >&2
  "$BIN" time "$WORK/abstracts.tsv" "$REPEATS" > "$WORK/citegraph.json"
  python3 - "$WORK/abstracts.tsv" "$WORK/citegraph.json" "$REPEATS" <<'PY'
import json, sys, time
import numpy as np
import scipy, sklearn
from sklearn.feature_extraction.text import TfidfVectorizer

path, ours, repeats = sys.argv[1], json.load(open(sys.argv[2])), int(sys.argv[3])
docs = []
with open(path, encoding="utf-8") as f:
    for line in f:
        title, _, abstract = line.rstrip("\n").partition("\t")
        docs.append(title + "\n\n" + abstract)   # as KeyPhraseExtractor.document(title:abstract:)

K, THRESHOLD, CHUNK = 10, 0.1, 2000

def top_k(X):
    """Top-10 cosine neighbours (>= 0.1) of every row of the L2-normalised CSR matrix X:
    chunked sparse products X[i:j] @ X.T (scipy, one thread), then per row an
    argpartition over the row's non-zeros. Returns the number of undirected edges."""
    XT = X.T.tocsr()
    pairs = set()
    n = X.shape[0]
    for start in range(0, n, CHUNK):
        S = (X[start:start + CHUNK] @ XT).tocsr()
        S.setdiag(0, k=start)   # no self-pairs
        S.eliminate_zeros()
        indptr, indices, data = S.indptr, S.indices, S.data
        for r in range(S.shape[0]):
            lo, hi = indptr[r], indptr[r + 1]
            if lo == hi:
                continue
            row, cols = data[lo:hi], indices[lo:hi]
            keep = row >= THRESHOLD
            row, cols = row[keep], cols[keep]
            if len(row) > K:
                best = np.argpartition(-row, K - 1)[:K]
                cols = cols[best]
            d = start + r
            for o in cols.tolist():
                pairs.add((d, o) if d < o else (o, d))
    return len(pairs)

def best(f):
    times, out = [], None
    for _ in range(repeats):
        t = time.perf_counter(); out = f(); times.append(time.perf_counter() - t)
    return min(times), out

vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_df=0.5, sublinear_tf=False)
fit_t, X = best(lambda: vectorizer.fit_transform(docs))
knn_t, edges = best(lambda: top_k(X))
a_fit, a_knn = ours["extract_seconds"], ours["topk_seconds"]
a, b = a_fit + a_knn, fit_t + knn_t
print(f"{len(docs)} abstracts; scikit-learn {sklearn.__version__}, scipy {scipy.__version__}; best of {repeats}")
print(f"{'step':44} {'citegraph s':>12} {'sklearn s':>10} {'ratio':>7}")
print(f"{'TF-IDF (citegraph: key phrases 1-4 words)':44} {a_fit:12.2f} {fit_t:10.2f} {a_fit / fit_t:7.2f}")
print(f"{'top-10 cosine >= 0.1':44} {a_knn:12.2f} {knn_t:10.2f} {a_knn / knn_t:7.2f}")
print(f"{'total (ratio citegraph / sklearn)':44} {a:12.2f} {b:10.2f} {a / b:7.2f}")
print(f"terms: citegraph {ours['terms']}, sklearn {X.shape[1]}; non-zeros: citegraph {ours['nonzeros']}, "
      f"sklearn {X.nnz}; edges: citegraph {ours['edges']}, sklearn {edges}")
PY
done
