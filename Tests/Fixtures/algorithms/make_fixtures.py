#!/usr/bin/env python3
"""Reference values for Tests/CiteGraphAlgorithmsTests, computed with networkx.

Run from anywhere:  python3 Tests/Fixtures/algorithms/make_fixtures.py
Needs networkx (3.6.1 was used), scipy and scikit-learn (for HITS and NMI), and
shared/data beside the repository (../../../../shared/data from this file).
Writes the JSON files next to this script; review changes to them like code.
"""
import json
import os
import random

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, "..", "..", "..", "..", "shared", "data"))


def dump(name, obj):
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(obj, f, indent=1, sort_keys=True)
        f.write("\n")


def small_pagerank():
    # networkx/algorithms/link_analysis/tests/test_pagerank.py: the example graph of
    # Langville & Meyer, "Google's PageRank and Beyond" (2006), p. 32, with alpha 0.9.
    edges = [(1, 2), (1, 3), (3, 1), (3, 2), (3, 5), (4, 5), (4, 6), (5, 4), (5, 6), (6, 4)]
    G = nx.DiGraph(edges)
    nodes = sorted(G)
    out = {"source": "networkx test_pagerank.py (Langville & Meyer 2006 p. 32)",
           "nodes": nodes, "edges": edges, "networkx": nx.__version__, "tol": 1e-14}
    out["alpha0.9"] = [nx.pagerank(G, alpha=0.9, tol=1e-14, max_iter=10000)[v] for v in nodes]
    out["alpha0.85"] = [nx.pagerank(G, alpha=0.85, tol=1e-14, max_iter=10000)[v] for v in nodes]
    personalization = {1: 0.0, 2: 1.0, 3: 4.0, 4: 3.0, 5: 0.0, 6: 2.0}
    out["personalization"] = [personalization[v] for v in nodes]
    out["alpha0.85_personalized"] = [
        nx.pagerank(G, alpha=0.85, personalization=personalization, tol=1e-14, max_iter=10000)[v] for v in nodes]
    # Weighted variant: weight = source + target (arbitrary but fixed).
    W = nx.DiGraph()
    W.add_nodes_from(nodes)
    weighted_edges = [(u, v, float(u + v)) for u, v in edges]
    W.add_weighted_edges_from(weighted_edges)
    out["weighted_edges"] = weighted_edges
    out["alpha0.85_weighted"] = [nx.pagerank(W, alpha=0.85, tol=1e-14, max_iter=10000)[v] for v in nodes]
    # Undirected version of the same graph.
    U = G.to_undirected()
    out["alpha0.85_undirected"] = [nx.pagerank(U, alpha=0.85, tol=1e-14, max_iter=10000)[v] for v in nodes]
    dump("pagerank_small.json", out)


def karate():
    G = nx.karate_club_graph()
    edges = sorted((min(u, v), max(u, v)) for u, v in G.edges())
    club = [0 if G.nodes[v]["club"] == "Mr. Hi" else 1 for v in range(G.number_of_nodes())]
    clubs = [{v for v in G if club[v] == c} for c in (0, 1)]
    # Unweighted throughout (networkx 3 attaches interaction counts as 'weight').
    out = {"source": "networkx karate_club_graph (Zachary 1977), unweighted",
           "networkx": nx.__version__, "nodes": G.number_of_nodes(), "edges": edges,
           "club": club,
           "club_modularity": nx.community.modularity(G, clubs, weight=None),
           "club_modularity_resolution_0.5": nx.community.modularity(G, clubs, weight=None, resolution=0.5),
           "club_modularity_resolution_2": nx.community.modularity(G, clubs, weight=None, resolution=2)}
    # A partition with a self-loop graph variant, to pin the self-loop convention.
    H = nx.Graph(G)
    H.add_edge(0, 0)
    H.add_edge(33, 33)
    out["self_loops"] = [[0, 0], [33, 33]]
    out["club_modularity_with_self_loops"] = nx.community.modularity(H, clubs, weight=None)
    greedy = nx.community.greedy_modularity_communities(G, weight=None)
    out["greedy_modularity"] = nx.community.modularity(G, greedy, weight=None)
    louvain = [nx.community.modularity(G, nx.community.louvain_communities(G, weight=None, seed=s), weight=None)
               for s in range(5)]
    out["louvain_modularity_seeds0-4"] = louvain
    dump("karate.json", out)


def cora():
    path = os.path.join(DATA, "cora_linqs_cites", "cora.cites")
    G = nx.DiGraph()
    with open(path) as f:
        next(f)  # header
        for line in f:
            cited, citing = line.split()
            G.add_edge(citing, cited)
    out = {"source": "shared/data/cora_linqs_cites/cora.cites, DiGraph citing -> cited",
           "networkx": nx.__version__, "nodes": G.number_of_nodes(), "edges": G.number_of_edges()}
    hubs, auths = nx.hits(G, max_iter=10000, tol=1e-12)
    top = lambda d: [[k, d[k]] for k in sorted(d, key=lambda k: (-d[k], k))[:20]]
    out["hits_hubs_top20"] = top(hubs)
    out["hits_authorities_top20"] = top(auths)
    wcc = sorted((len(c) for c in nx.weakly_connected_components(G)), reverse=True)
    scc = sorted((len(c) for c in nx.strongly_connected_components(G)), reverse=True)
    out["weak_component_count"] = len(wcc)
    out["weak_component_sizes_top10"] = wcc[:10]
    out["strong_component_count"] = len(scc)
    out["strong_component_sizes_top10"] = scc[:10]
    core_directed = nx.core_number(G)
    U = G.to_undirected()
    core_undirected = nx.core_number(U)
    out["core_number_directed"] = {k: core_directed[k] for k in sorted(core_directed)}
    out["core_number_undirected"] = {k: core_undirected[k] for k in sorted(core_undirected)}
    # Personalised PageRank: teleport to the ten lowest ids (as strings sorted numerically).
    seeds = sorted(G, key=int)[:10]
    pers = {v: (1.0 if v in seeds else 0.0) for v in G}
    ppr = nx.pagerank(G, alpha=0.85, personalization=pers, tol=1e-13, max_iter=10000)
    out["personalized_seeds"] = seeds
    out["personalized_pagerank_top20"] = top(ppr)
    dump("cora_reference.json", out)


def nmi():
    from sklearn.metrics import normalized_mutual_info_score
    rng = random.Random(7)
    a = [rng.randrange(5) for _ in range(200)]
    b = [x if rng.random() < 0.7 else rng.randrange(8) for x in a]
    dump("nmi.json", {"source": "scikit-learn normalized_mutual_info_score (arithmetic)",
                      "a": a, "b": b, "nmi": normalized_mutual_info_score(a, b)})


if __name__ == "__main__":
    small_pagerank()
    karate()
    cora()
    nmi()
