#!/usr/bin/env bash
# Extraction throughput of the record readers (issue #3): writes one input per reader,
# replicated from the real files in ../../shared/data (or $CITEGRAPH_SHARED_DATA) to MB
# megabytes each, builds release, and prints MB/s and records/s (best of REPEATS runs; the
# file is loaded before the clock starts). Bars: Web of Science >= 20 MB/s, XML >= 60 MB/s.
# Usage: ./extract_throughput.sh [MB] [REPEATS] [FORMAT...]   (default: 100 MB, 3 runs, all)
# Formats: wos ris medline bibtex csv pubmed jats arxivOAI dblp
set -euo pipefail
cd "$(dirname "$0")"
MB=${1:-100}
REPEATS=${2:-3}
shift $(( $# < 2 ? $# : 2 ))
swift build -c release --product citegraph-extract-bench >&2
BIN="$(swift build -c release --show-bin-path)/citegraph-extract-bench"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
"$BIN" prepare "$WORK" "$MB" "$@" >&2
"$BIN" time "$WORK" "$REPEATS" "$@"
