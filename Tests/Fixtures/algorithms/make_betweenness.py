#!/usr/bin/env python3
"""Betweenness reference values from networkx 3.6.1 (normalized=True, unweighted):
Zachary's karate club (undirected) and Cora LINQS citing->cited (directed), exact.
Writes betweenness.json beside this script."""
import json, os
import networkx as nx

here = os.path.dirname(os.path.abspath(__file__))
karate = nx.karate_club_graph()
out = {"source": "networkx %s betweenness_centrality(normalized=True, weight=None)" % nx.__version__,
       "karate_edges": [[u, v] for u, v in karate.edges()],
       "karate": {str(k): v for k, v in nx.betweenness_centrality(karate).items()}}
cites = os.path.join(here, "../../../../shared/data/cora_linqs_cites/cora.cites")
g = nx.DiGraph()
with open(cites) as f:
    next(f)
    for line in f:
        cited, citing = line.split()
        g.add_edge(citing, cited)
bc = nx.betweenness_centrality(g)
top = sorted(bc.items(), key=lambda kv: -kv[1])[:20]
out["cora_top20"] = [[k, v] for k, v in top]
json.dump(out, open(os.path.join(here, "betweenness.json"), "w"), indent=1)
print("wrote betweenness.json")
