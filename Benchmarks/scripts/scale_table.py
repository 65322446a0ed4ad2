#!/usr/bin/env python3
"""Per-step table of `citegraph run` logs (stderr + /usr/bin/time -v), one column per log."""
import re, sys
columns = []
for path in sys.argv[1:]:
    steps, wall, rss = {}, "", ""
    for line in open(path):
        m = re.match(r"^([^:\d]+?)(?::|\s\d).*\((\d+(?:\.\d+)?)s\)$", line.strip())
        if m:
            name = {"read": "read files", "ingested": "store records", "resolved": "resolve references",
                    "cotopic": "cotopic (incl. key phrases)", "wrote": "reports (CSV, HTML)"}.get(m.group(1).strip(), m.group(1).strip())
            steps[name] = steps.get(name, 0) + float(m.group(2))
        if "Elapsed (wall clock)" in line:
            t = line.rsplit(" ", 1)[1].strip().split(":")
            wall = sum(float(x) * 60 ** i for i, x in enumerate(reversed(t)))
        if "Maximum resident set size" in line:
            rss = int(line.rsplit(" ", 1)[1]) / 1024 / 1024
    n = re.search(r"scale_run_(\d+)", path).group(1)
    columns.append((int(n), steps, wall, rss))
names = []
for _, steps, _, _ in columns:
    for k in steps:
        if k not in names: names.append(k)
print("| step | " + " | ".join(f"{n:,} papers" for n, *_ in columns) + " |")
print("|---|" + "---:|" * len(columns))
for k in names:
    print(f"| {k} | " + " | ".join(f"{c[1].get(k, 0):.1f}" for c in columns) + " |")
print("| **total wall (s)** | " + " | ".join(f"**{c[2]:.0f}**" for c in columns) + " |")
print("| **peak RSS (GiB)** | " + " | ".join(f"**{c[3]:.2f}**" for c in columns) + " |")
