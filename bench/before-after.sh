#!/usr/bin/env bash
# Issue 16: BENCHMARKS.md §§2–4 for the tree before the issue-16 work and this tree, alternating
# in one run (the machine is shared: compare within a round, as ratios). Not a test.
#
#   git archive 6fb565a | tar -x -C /tmp/before-pv && ln -s $PWD/node_modules /tmp/before-pv/node_modules
#   bench/before-after.sh /tmp/before-pv /tmp/bench16 [rounds=2]
#
# Each tree runs its own bench scripts (they time that tree's pipeline). Outputs:
# OUT/<round>-<bench>-<before|after>.txt
set -euo pipefail
BEFORE=${1:?tree before}
OUT=${2:?output folder}
ROUNDS=${3:-2}
AFTER=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$OUT"
run() { # tree label bench args...
  local tree=$1 label=$2 name=$3; shift 3
  echo "== $(date -u +%H:%M:%S) round $r $name $label (load $(cut -d' ' -f1 /proc/loadavg))"
  (cd "$tree" && npx tsx "$@") >"$OUT/$r-$name-$label.txt" 2>&1 || echo "   failed: see $OUT/$r-$name-$label.txt"
}
for r in $(seq 1 "$ROUNDS"); do
  for name in protection build many; do
    case $name in
      protection) args=(bench/protection.ts) ;;
      build) args=(bench/build.ts --reps 5 --cold-reps 2) ;;
      many) args=(bench/many.ts --orgs 20 --parallel 1,4 --all) ;;
    esac
    if (( r % 2 )); then run "$BEFORE" before $name "${args[@]}"; run "$AFTER" after $name "${args[@]}";
    else run "$AFTER" after $name "${args[@]}"; run "$BEFORE" before $name "${args[@]}"; fi
  done
done
echo "== $(date -u +%H:%M:%S) done"
