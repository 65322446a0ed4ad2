#!/usr/bin/env python3
"""Co-topic communities vs. CiteSeer-M10 class labels (issue: NMI >= 0.31).

Reads ../shared/data/citeseer_m10_tridnr/docs.txt as a plain `id,title` CSV, runs
citegraph ingest -> build cotopic -> communities (Leiden, modularity) for several seeds, and
prints the NMI of each partition against labels.txt (scikit-learn's normalized_mutual_info_score,
arithmetic mean, as the peer pipeline in peer_cotopic_nmi.json).

Usage: python3 scripts/eval/citeseer_cotopic_nmi.py [path/to/citegraph] [--neighbours K]
"""
import csv, json, os, subprocess, sys, tempfile
from sklearn.metrics import normalized_mutual_info_score

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
data = os.path.join(os.path.dirname(root), "shared", "data", "citeseer_m10_tridnr")
exe = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("--") else os.path.join(root, ".build", "release", "citegraph")
extra = [a for a in sys.argv[1:] if a.startswith("--")]
extra = sys.argv[sys.argv.index(extra[0]):] if extra else []

labels = {}
for line in open(os.path.join(data, "labels.txt")):
    parts = line.split()
    if len(parts) == 2:
        labels[parts[0]] = parts[1]

with tempfile.TemporaryDirectory() as tmp:
    csv_path = os.path.join(tmp, "docs.csv")
    with open(csv_path, "w", newline="") as out:
        w = csv.writer(out)
        w.writerow(["id", "title"])
        for line in open(os.path.join(data, "docs.txt"), encoding="utf-8", errors="replace"):
            line = line.rstrip("\n")
            if not line.strip():
                continue
            pid, _, title = line.partition(" ")
            w.writerow([pid, title.strip()])
    db = os.path.join(tmp, "c.sqlite")
    run = lambda *args: subprocess.run([exe, *args, "--db", db, "--quiet"], check=True, capture_output=True, text=True).stdout
    run("ingest", csv_path)
    run("build", "--graph", "cotopic", *extra)
    results = []
    for seed in range(3):
        out = run("communities", "--graph", "cotopic", "--seed", str(seed), "--format", "csv")
        rows = list(csv.reader(out.splitlines()))[1:]
        membership = {r[0]: r[1] for r in rows}
        ids = [i for i in labels if i in membership]
        nmi = normalized_mutual_info_score([labels[i] for i in ids], [membership[i] for i in ids])
        summary = json.loads(run("communities", "--graph", "cotopic", "--seed", str(seed), "--format", "json"))
        results.append({"seed": seed, "nmi": nmi, "modularity": summary["modularity"], "communities": len(summary["communities"]), "papers": len(ids)})
    print(json.dumps({"runs": results, "nmi_min": min(r["nmi"] for r in results), "nmi_max": max(r["nmi"] for r in results)}, indent=1))
