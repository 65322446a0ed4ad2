#!/usr/bin/env python3
"""Per-step table of `citegraph run` logs (stderr + /usr/bin/time -v), one column per log.

Each cell is the step's seconds; with CITEGRAPH_TRACE_MEMORY=1 in the run, also the
resident set when the step ended ("12.3 s · 1.20 GiB"). Since the citation/co-author branch
runs on a second thread beside the co-topic branch, step times overlap: their sum exceeds
the wall time.
"""
import re, sys
columns = []
for path in sys.argv[1:]:
    steps, wall, rss = {}, "", ""
    for line in open(path):
        m = re.match(r"^([^:\d]+?)(?::|\s\d).*\((\d+(?:\.\d+)?)s\)(?: \[rss ([\d.]+) GiB, peak ([\d.]+) GiB\])?$", line.strip())
        if m:
            name = {"read": "read files", "ingested": "store records", "resolved": "resolve references",
                    "cotopic": "cotopic (incl. key phrases)", "wrote": "reports (CSV, HTML)"}.get(m.group(1).strip(), m.group(1).strip())
            seconds, memory = steps.get(name, (0.0, None))
            steps[name] = (seconds + float(m.group(2)), m.group(3) or memory)
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
def cell(entry):
    if entry is None: return ""
    seconds, memory = entry
    return f"{seconds:.1f}" + (f" · {float(memory):.2f}" if memory else "")
print("| step (s · GiB resident after) | " + " | ".join(f"{n:,} papers" for n, *_ in columns) + " |")
print("|---|" + "---:|" * len(columns))
for k in names:
    print(f"| {k} | " + " | ".join(cell(c[1].get(k)) for c in columns) + " |")
print("| **total wall (s)** | " + " | ".join(f"**{c[2]:.0f}**" for c in columns) + " |")
print("| **peak RSS (GiB)** | " + " | ".join(f"**{c[3]:.2f}**" for c in columns) + " |")
