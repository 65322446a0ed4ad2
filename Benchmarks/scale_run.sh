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
  CITEGRAPH_TRACE_MEMORY=1 /usr/bin/time -v "$BIN" run --db "$WORK/cg.sqlite" --out "$WORK" "$CORPUS" > /dev/null 2> "$WORK/stderr.log"
  cp "$WORK/stderr.log" "$DIR/scale_run_$N.log"
  RESULTS+=("$DIR/scale_run_$N.log")
  rm -rf "$WORK"
done
python3 "$(dirname "$0")/scripts/scale_table.py" "${RESULTS[@]}"
