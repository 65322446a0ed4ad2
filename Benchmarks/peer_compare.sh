#!/usr/bin/env bash
# Times citegraph against python-igraph on the same generated citation graph and prints
# the ratios. Usage: ./peer_compare.sh [NODES EDGES] ...   (default: 100000 1000000)
# Needs: pip install igraph leidenalg
set -euo pipefail
cd "$(dirname "$0")"
swift build -c release --product citegraph-bench >&2
BIN="$(swift build -c release --show-bin-path)/citegraph-bench"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
if [ $# -eq 0 ]; then set -- 100000 1000000; fi
while [ $# -ge 2 ]; do
  N=$1; M=$2; shift 2
  "$BIN" generate "$N" "$M" "$WORK/graph.edges" >&2
  "$BIN" time "$N" "$M" "${REPEATS:-3}" "$WORK/pagerank.txt" > "$WORK/citegraph.json"
  "$BIN" pagerank "$N" "$M" 1e-9 >&2
  python3 - "$WORK/graph.edges" "$N" "$WORK/citegraph.json" "$WORK/pagerank.txt" <<'PY'
import json, os, sys, time
import igraph as ig

path, n, ours = sys.argv[1], int(sys.argv[2]), json.load(open(sys.argv[3]))
g = ig.Graph.Read_Edgelist(path, directed=True)
if g.vcount() < n:
    g.add_vertices(n - g.vcount())
u = g.as_undirected(mode="collapse")

def best(f, repeats=int(os.environ.get("REPEATS", "3"))):
    times, out = [], None
    for _ in range(repeats):
        t = time.perf_counter(); out = f(); times.append(time.perf_counter() - t)
    return min(times), out

pr_t, pr = best(lambda: g.pagerank(damping=0.85, directed=True, implementation="prpack"))
ours_pr = [float(x) for x in open(sys.argv[4]).read().split()]
pr_diff = max(abs(a - b) for a, b in zip(ours_pr, pr))
l2_t, l2 = best(lambda: u.community_leiden(objective_function="modularity", n_iterations=2))
ls_t, ls = best(lambda: u.community_leiden(objective_function="modularity", n_iterations=-1))
rows = [
    ("PageRank (igraph PRPACK)", ours["pagerank_seconds"], pr_t, "", ""),
    ("Leiden modularity, 2 iterations", ours["leiden2_seconds"], l2_t, ours["leiden2_modularity"], l2.modularity),
    ("Leiden modularity, until stable", ours["leiden_seconds"], ls_t, ours["leiden_modularity"], ls.modularity),
]
print(f"graph: {n} nodes, {g.ecount()} arcs ({u.ecount()} undirected edges); igraph {ig.__version__}")
print(f"PageRank: citegraph {ours['pagerank_iterations']} sweep(s), residual {ours['pagerank_residual']:.2e}; max abs difference from igraph PRPACK {pr_diff:.2e}")
print(f"{'algorithm':34} {'citegraph s':>12} {'igraph s':>10} {'ratio':>7} {'Q citegraph':>12} {'Q igraph':>9}")
for name, a, b, qa, qb in rows:
    qa = f"{qa:.5f}" if qa != "" else ""
    qb = f"{qb:.5f}" if qb != "" else ""
    print(f"{name:34} {a:12.3f} {b:10.3f} {a / b:7.2f} {qa:>12} {qb:>9}")
PY
done
