#!/usr/bin/env bash
# Peak memory of `citegraph ingest` as the input grows (issue #3, "memory bounded whatever the
# file size"): writes inputs of each SIZE (MB) per format, replicated from the real files in
# ../../shared/data (or $CITEGRAPH_SHARED_DATA) by `citegraph-extract-bench prepare` (the head
# of the real file, its records repeated, the tail; Web of Science copies get their UT ids
# suffixed, but copies that share a DOI still merge; PubMed and JATS copies keep their PMIDs
# and DOIs and merge into the papers of the first copy), then
#   - ingests each into a fresh store under /usr/bin/time -v: peak resident set, records,
#     papers stored, store size, seconds;
#   - streams each through its reader alone (`citegraph-extract-bench stream`, chunks as
#     ingest makes them, no store) under /usr/bin/time -v: the reading side's peak;
#   - with WHOLE=1, also reads each whole (`citegraph-extract-bench time`: the file in memory,
#     then every record at once, as ingest read these formats before streaming).
# Usage: ./ingest_memory.sh [FORMAT...]      (default: wos pubmed jats)
#        SIZES="30 300" WHOLE=1 ./ingest_memory.sh   (MB per input, default 30 and 300;
#                                                     WHOLE=1 adds the whole-file reading peak)
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
peak() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$1"; }
printf '%-8s %6s %11s %9s %10s %8s %7s %9s %8s\n' format MB "ingest MiB" "read MiB" "whole MiB" records papers "store MB" seconds
for size in $SIZES; do
    "$BENCH" prepare "$WORK/$size" "$size" "${FORMATS[@]}" >/dev/null
    for format in "${FORMATS[@]}"; do
        file=$(ls "$WORK/$size"/*)
        file=$(echo "$file" | grep -E "/$format\.|/$([ "$format" = csv ] && echo scopus || echo "$format")\." | head -1)
        db="$WORK/$format-$size.sqlite"
        /usr/bin/time -v "$CITEGRAPH" ingest --db "$db" "$file" >"$WORK/out" 2>"$WORK/time"
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.1f", s}' "$WORK/time")
        records=$(grep -ohE '[0-9]+ records' "$WORK/out" "$WORK/time" | head -1 | grep -oE '^[0-9]+' || echo "?")
        papers=$("$CITEGRAPH" stats --db "$db" --json | grep -oE '"papers" *: *[0-9]+' | grep -oE '[0-9]+$')
        store=$(( $(stat -c %s "$db") / 1000000 ))
        ingest=$(peak "$WORK/time")
        rm -f "$db"
        /usr/bin/time -v "$BENCH" stream "$WORK/$size" 1 "$format" >/dev/null 2>"$WORK/time"
        read=$(peak "$WORK/time")
        whole="-"
        if [ "${WHOLE:-0}" = 1 ]; then
            /usr/bin/time -v "$BENCH" time "$WORK/$size" 1 "$format" >/dev/null 2>"$WORK/time"
            whole=$(peak "$WORK/time")
        fi
        printf '%-8s %6s %11s %9s %10s %8s %7s %9s %8s\n' "$format" "$(( $(stat -c %s "$file") / 1000000 ))" "$ingest" "$read" "$whole" \
            "$records" "$papers" "$store" "$wall"
    done
    rm -rf "${WORK:?}/$size"
done
