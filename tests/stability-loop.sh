#!/usr/bin/env bash
# The test suite's stability check (issue 11): a clean clone of this checkout's HEAD, then the
# suite N times in a row (default 10) beside a CPU-heavy process (`yes`), stopping at the first
# failure. Run 1 is CI's own script (.ci/run: apt packages, npm ci, npm test); the others npm test.
# Prints one line per run; the logs stay in the clone's folder.
#   bash tests/stability-loop.sh [runs]
set -uo pipefail
RUNS=${1:-10}
SRC=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ice-stability-XXXXXX")
git clone -q "$SRC" "$WORK/clone" || exit 1
cd "$WORK/clone" || exit 1
echo "clone of $(git log --oneline -1) in $WORK"
yes > /dev/null &
HOG=$!
trap 'kill $HOG 2>/dev/null' EXIT
for i in $(seq 1 "$RUNS"); do
  start=$(date +%s)
  if [ "$i" = 1 ]; then CI=true bash .ci/run > "$WORK/run-$i.log" 2>&1; else npm test > "$WORK/run-$i.log" 2>&1; fi
  rc=$?
  echo "run $i ($(date +%H:%M)): exit $rc, $(($(date +%s) - start)) s, $(grep -E '^tests:' "$WORK/run-$i.log"), load $(cut -d' ' -f1-3 /proc/loadavg)"
  [ "$rc" = 0 ] || exit "$rc"
done
