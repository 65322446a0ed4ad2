#!/usr/bin/env bash
# Mutation fuzzing of every reader family (Tests/CiteGraphExtractTests/FuzzTests.swift).
#   scripts/fuzz.sh [BUDGET] [SEED]   BUDGET mutations per family (default 2000); each mutated
#                                      input is read with the family's readers and with the
#                                      sniffed format. The normal test suite runs 40.
# A crash aborts the test process: the input that caused it is left in
# $TMPDIR/citegraph-fuzz/<family>.current (inputs over the time bound: hang-*.bin beside it).
# Copy it to Tests/Fixtures/fuzz/crashes/ (and describe it in the README there) as a regression.
set -uo pipefail
cd "$(dirname "$0")/.."
BUDGET="${1:-2000}"
export CITEGRAPH_FUZZ_BUDGET="$BUDGET"
if [ -n "${2:-}" ]; then export CITEGRAPH_FUZZ_SEED="$2"; fi
# Generous overall bound: a hang that escapes the per-input bound still ends the run.
LIMIT=$(( 600 + BUDGET / 2 ))
swift build --build-tests >/dev/null || exit 1
timeout "$LIMIT" swift test --skip-build --filter 'FuzzTests' 2>&1 | grep -E 'fuzz |✘|✔ Suite FuzzTests|error:|Fatal|Crash'
status=${PIPESTATUS[0]}
if [ "$status" -ne 0 ]; then
    echo "fuzz: FAILED (status $status); the last input of each family is in ${TMPDIR:-/tmp}/citegraph-fuzz/" >&2
    exit "$status"
fi
echo "fuzz: $BUDGET mutations per family, no crash, no hang"
