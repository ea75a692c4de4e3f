#!/usr/bin/env bash
# Runs the Rust import benchmark and the bpmn-moddle benchmark on the same
# files in the same run, and prints the one-core throughput ratio.
#
#   benches/moddle/compare.sh [DIR]     (default: ../shared/corpora/miwg)
#
# Needs cargo and node/npm (installs bpmn-moddle 10.3.1 into
# benches/moddle/node_modules on first use).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dir="${1:-$root/../shared/corpora/miwg}"
export PETA_BENCH_DIR="$dir"

if [ ! -d "$here/node_modules/bpmn-moddle" ]; then
    (cd "$here" && npm install --no-audit --no-fund --silent)
fi

echo "== peta (cargo bench --bench import)"
rust_out="$(cd "$root" && cargo bench --quiet --bench import 2>/dev/null)"
printf '%s\n' "$rust_out"
echo "== bpmn-moddle"
node_out="$(node "$here/bench.mjs" "$dir")"
printf '%s\n' "$node_out"

field() { sed -n "s/^RESULT .*$1=\([0-9.]*\).*/\1/p" <<<"$2"; }
peta_one="$(field one_core_mb_s "$rust_out")"
peta_all="$(field all_cores_mb_s "$rust_out")"
bare="$(field bare_mb_s "$rust_out")"
moddle="$(field moddle_mb_s "$node_out")"
if [ -z "$peta_one" ] || [ -z "$moddle" ]; then
    echo "error: a benchmark printed no RESULT line" >&2
    exit 1
fi
awk -v p="$peta_one" -v a="$peta_all" -v m="$moddle" -v b="$bare" 'BEGIN {
    printf "\nratio, one core : peta %.1f MB/s / bpmn-moddle %.1f MB/s = %.1fx\n", p, m, p / m
    printf "ratio, all cores: peta %.1f MB/s / bpmn-moddle %.1f MB/s = %.1fx\n", a, m, a / m
    printf "peta one core vs bare quick-xml pass: %.0f%%\n", 100 * p / b
}'
