#!/usr/bin/env bash
# Peak memory of `citegraph ingest` as the input grows (issue #3, "memory bounded whatever the
# file size"): writes inputs of each SIZE (MB) per format, replicated from the real files in
# ../../shared/data (or $CITEGRAPH_SHARED_DATA) by `citegraph-extract-bench prepare` (the head
# of the real file, its records repeated, the tail; Web of Science copies get their UT ids
# suffixed, so they stay distinct papers; PubMed and JATS copies keep their PMIDs and DOIs and
# are merged into the papers of the first copy), then ingests each into a fresh store under
# /usr/bin/time -v and prints the peak resident set (plus records read and papers stored).
# Usage: ./ingest_memory.sh [FORMAT...]      (default: wos pubmed jats)
#        SIZES="30 300" ./ingest_memory.sh     (MB per input; default 30 and 300)
set -euo pipefail
cd "$(dirname "$0")"
SIZES=${SIZES:-"30 300"}
FORMATS=("$@")
if [ ${#FORMATS[@]} -eq 0 ]; then FORMATS=(wos pubmed jats); fi
(cd .. && swift build -c release --product citegraph >&2)
CITEGRAPH="$(cd .. && swift build -c release --show-bin-path)/citegraph"
swift build -c release --product citegraph-extract-bench >&2
BENCH="$(swift build -c release --show-bin-path)/citegraph-extract-bench"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
printf '%-8s %8s %10s %10s %9s %9s\n' format MB "peak MiB" records papers seconds
for size in $SIZES; do
    "$BENCH" prepare "$WORK/$size" "$size" "${FORMATS[@]}" >/dev/null
    for format in "${FORMATS[@]}"; do
        file=$(ls "$WORK/$size"/* | grep -E "/(${format}\.|$( [ "$format" = csv ] && echo scopus || echo "$format")\.)" | head -1)
        db="$WORK/$format-$size.sqlite"
        /usr/bin/time -v "$CITEGRAPH" ingest --db "$db" "$file" >"$WORK/out" 2>"$WORK/time"
        peak=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$WORK/time")
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.1f", s}' "$WORK/time")
        records=$(grep -oE '[0-9]+ records' "$WORK/out" "$WORK/time" | head -1 | grep -oE '^[^ ]*[0-9]+' | grep -oE '[0-9]+$' || echo "?")
        papers=$("$CITEGRAPH" stats --db "$db" --json | grep -oE '"papers" *: *[0-9]+' | grep -oE '[0-9]+$')
        printf '%-8s %8s %10s %10s %9s %9s\n' "$format" "$(( $(stat -c %s "$file") / 1000000 ))" "$peak" "$records" "$papers" "$wall"
        rm -f "$db"
    done
    rm -rf "${WORK:?}/$size"
done
