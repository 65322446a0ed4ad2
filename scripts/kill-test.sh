#!/usr/bin/env bash
# Crash-safety test of the store: `citegraph run` killed with SIGKILL at N random moments.
#
#   scripts/kill-test.sh [N] [RECORDS] [SEED]     N kill points (default 20), a synthetic
#                                                 JSON Lines corpus of RECORDS records (default 3000)
#
# 1. Makes the corpus (scripts/make-large-corpus.py) and runs `citegraph run` on it once,
#    uninterrupted, into a reference store; its duration T sets the kill window.
# 2. N times: starts `citegraph run` on a second store and kills it with SIGKILL after a
#    random delay. Odd points start from a fresh store with a delay in [0, 0.4 T] (to hit
#    ingest and the first builds); even points continue from whatever the last killed run
#    left, with a delay in [0, 1.1 T]. After each kill it checks
#      - `PRAGMA integrity_check` answers ok,
#      - the store opens (`citegraph stats --json`),
#      - each step is all-or-nothing: papers is 0 or RECORDS (ingest is one transaction) and
#        each graph kind has 0 edges or the reference run's count (build replaces a kind's
#        edges in one transaction).
# 3. Reruns to completion and compares `stats --json` and reports/papers.csv with the
#    reference run's.
# Uses .build/release/citegraph when it exists, else .build/debug/citegraph (override: CITEGRAPH=path).
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-20}"
RECORDS="${2:-3000}"
SEED="${3:-$RANDOM}"
if [ -z "${CITEGRAPH:-}" ]; then
    if [ -x .build/release/citegraph ]; then CITEGRAPH=.build/release/citegraph; else
        swift build --product citegraph >/dev/null
        CITEGRAPH=.build/debug/citegraph
    fi
fi
BIN="$(cd "$(dirname "$CITEGRAPH")" && pwd)/$(basename "$CITEGRAPH")"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/citegraph-kill.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
echo "kill-test: $N kill points, $RECORDS records, seed $SEED, $BIN"
python3 "$OLDPWD/scripts/make-large-corpus.py" "$RECORDS" corpus.jsonl 7

start=$(date +%s.%N)
"$BIN" run corpus.jsonl --db ref.sqlite --out ref --quiet >/dev/null
T=$(python3 -c "import time; print(max(0.2, time.time() - $start))")
"$BIN" stats --json --db ref.sqlite > ref-stats.json
printf "kill-test: uninterrupted run took %.1f s\n" "$T"

# Random delays, reproducible from SEED.
mapfile -t DELAYS < <(python3 -c "
import random; r = random.Random($SEED)
print('\n'.join(f'{r.uniform(0, (0.4 if i % 2 == 0 else 1.1) * $T):.3f}' for i in range($N)))")

killed=0; finished=0; failures=0
for i in $(seq 0 $((N - 1))); do
    delay="${DELAYS[$i]}"
    if [ $((i % 2)) -eq 0 ]; then rm -f kill.sqlite kill.sqlite-wal kill.sqlite-shm kill.sqlite-journal; fi
    "$BIN" run corpus.jsonl --db kill.sqlite --out out --quiet >/dev/null 2>run.err &
    pid=$!
    sleep "$delay"
    if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); what="killed"; else finished=$((finished + 1)); what="had finished"; fi
    wait "$pid" 2>/dev/null || true
    if [ ! -e kill.sqlite ]; then
        echo "  point $((i + 1)): ${delay}s, $what before the store existed"; continue
    fi
    check=$(sqlite3 kill.sqlite 'PRAGMA integrity_check' 2>&1 || true)
    if ! stats=$("$BIN" stats --json --db kill.sqlite 2>&1); then
        echo "  point $((i + 1)): ${delay}s: FAIL: store does not open: $stats"; failures=$((failures + 1)); continue
    fi
    verdict=$(python3 - "$RECORDS" <<PY
import json, sys
records = int(sys.argv[1])
s = json.loads('''$stats''')
ref = json.load(open("ref-stats.json"))
problems = []
if s["papers"] not in (0, records): problems.append(f"papers {s['papers']} is neither 0 nor {records}")
for kind, count in s.get("edges", {}).items():
    if count not in (0, ref["edges"].get(kind, 0)): problems.append(f"{kind} edges {count} (reference {ref['edges'].get(kind)})")
print("; ".join(problems) if problems else f"ok (papers {s['papers']}, built {sum(1 for c in s.get('edges', {}).values() if c)} kinds)")
PY
)
    if [ "$check" != "ok" ] || [[ "$verdict" != ok* ]]; then
        echo "  point $((i + 1)): ${delay}s, $what: FAIL: integrity_check: $check; $verdict"; failures=$((failures + 1))
    else
        echo "  point $((i + 1)): ${delay}s, $what: integrity ok, $verdict"
    fi
done

"$BIN" run corpus.jsonl --db kill.sqlite --out out --quiet >/dev/null
"$BIN" stats --json --db kill.sqlite > kill-stats.json
if ! cmp -s ref-stats.json kill-stats.json; then
    echo "kill-test: FAIL: stats after the rerun differ from the uninterrupted run's"; diff ref-stats.json kill-stats.json || true
    failures=$((failures + 1))
fi
if ! cmp -s ref/reports/papers.csv out/reports/papers.csv; then
    echo "kill-test: FAIL: reports/papers.csv after the rerun differs from the uninterrupted run's"
    diff ref/reports/papers.csv out/reports/papers.csv | head -10 || true
    failures=$((failures + 1))
fi
echo "kill-test: $killed kill(s) mid-run, $finished run(s) finished before the kill, $failures failure(s)"
[ "$failures" -eq 0 ]
