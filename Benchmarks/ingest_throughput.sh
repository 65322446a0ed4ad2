#!/usr/bin/env bash
# Times `citegraph ingest` (release build) on generated JSON Lines corpora and prints
# records/s, wall time, CPU time and peak RSS for each size.
#
# Usage: Benchmarks/ingest_throughput.sh [N...]          (default: 50000 200000)
#   CORPUS_DIR=/tmp   where corpora g<N>.jsonl are kept (generated when missing: ~3 min for 200k)
#   CITEGRAPH=path    time this binary instead of building .build/release/citegraph
#   REPEATS=1         runs per size; each starts from an empty store
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(50000 200000)
corpus_dir="${CORPUS_DIR:-/tmp}"
repeats="${REPEATS:-1}"
if [ -z "${CITEGRAPH:-}" ]; then
    (cd "$root" && swift build -c release --product citegraph >&2)
    CITEGRAPH="$root/.build/release/citegraph"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
printf '%-10s %10s %9s %9s %10s\n' records records/s wall_s cpu_s max_rss_MB
for n in "${sizes[@]}"; do
    corpus="$corpus_dir/g$((n / 1000))k.jsonl"
    if [ ! -s "$corpus" ]; then
        echo "generating $corpus" >&2
        python3 "$here/scripts/generate_corpus.py" "$n" "$corpus"
    fi
    for _ in $(seq "$repeats"); do
        rm -f "$work"/db.sqlite*
        /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$CITEGRAPH" ingest --db "$work/db.sqlite" "$corpus" > /dev/null 2> "$work/log" \
            || { cat "$work/log" >&2; exit 1; }
        read -r wall user sys rss < <(tail -1 "$work/time")
        awk -v n="$n" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" \
            'BEGIN { printf "%-10d %10.0f %9.2f %9.2f %10.0f\n", n, n / w, w, u + s, r / 1024 }'
    done
done
