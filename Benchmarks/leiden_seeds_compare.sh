#!/usr/bin/env bash
# Leiden modularity over several seeds, citegraph vs python-igraph, on the same generated
# graph: single runs differ by ~1e-4 between seeds on both sides, so compare means.
# Usage: ./leiden_seeds_compare.sh [NODES EDGES SEEDS]   (default: 100000 1000000 5)
set -euo pipefail
cd "$(dirname "$0")"
N=${1:-100000}; M=${2:-1000000}; S=${3:-5}
swift build -c release --product citegraph-bench >&2
BIN="$(swift build -c release --show-bin-path)/citegraph-bench"
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT
"$BIN" generate "$N" "$M" "$WORK/graph.edges" >&2
for ITER in 2 ""; do
  echo "citegraph, iterations ${ITER:-until stable}:"
  SEEDS=$S "$BIN" leiden "$N" "$M" $ITER
done
python3 - "$WORK/graph.edges" "$N" "$S" <<'PY'
import igraph as ig, random, statistics, sys, time
path, n, seeds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
g = ig.Graph.Read_Edgelist(path, directed=True)
if g.vcount() < n: g.add_vertices(n - g.vcount())
u = g.as_undirected(mode="collapse")
for n_it in (2, -1):
    qs, ts = [], []
    for s in range(1, seeds + 1):
        random.seed(s)
        t = time.perf_counter(); p = u.community_leiden(objective_function="modularity", n_iterations=n_it)
        ts.append(time.perf_counter() - t); qs.append(p.modularity)
    label = "2" if n_it == 2 else "until stable"
    print(f"igraph, iterations {label}: Q {[round(q, 5) for q in qs]} mean {statistics.mean(qs):.5f}, mean time {statistics.mean(ts):.2f} s")
PY
