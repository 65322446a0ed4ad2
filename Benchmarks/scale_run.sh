#!/usr/bin/env bash
# Whole-pipeline scale runs: `citegraph run` (release) on generated corpora of N papers,
# timed with /usr/bin/time -v; prints one column per N with each step's seconds (from the
# progress lines on stderr), total wall time and peak resident memory.
# Usage: Benchmarks/scale_run.sh [N ...]   (default: 10000 100000)
# Corpora are generated once into ${CORPUS_DIR:-/tmp} (Benchmarks/scripts/generate_corpus.py,
# seed 42; ~1.4 KB per paper). Needs ~3 GB of disk per million papers.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product citegraph >&2
BIN="$(swift build -c release --show-bin-path)/citegraph"
DIR="${CORPUS_DIR:-/tmp}"
if [ $# -eq 0 ]; then set -- 10000 100000; fi
RESULTS=()
for N in "$@"; do
  CORPUS="$DIR/g$N.jsonl"
  [ -s "$CORPUS" ] || python3 Benchmarks/scripts/generate_corpus.py "$N" "$CORPUS" >&2
  WORK="$(mktemp -d)"
  /usr/bin/time -v "$BIN" run --db "$WORK/cg.sqlite" --out "$WORK" "$CORPUS" > /dev/null 2> "$WORK/stderr.log"
  cp "$WORK/stderr.log" "$DIR/scale_run_$N.log"
  RESULTS+=("$DIR/scale_run_$N.log")
  rm -rf "$WORK"
done
python3 - "${RESULTS[@]}" <<'PY'
import re, sys
columns = []
for path in sys.argv[1:]:
    steps, wall, rss = {}, "", ""
    for line in open(path):
        m = re.match(r"(.+?)(?::| \d+ file\(s\):) .*\((\d+(?:\.\d+)?)s\)$", line.strip())
        if m:
            name = m.group(1).strip()
            name = re.sub(r"^(read|ingested)$", r"\1", name)
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
PY
