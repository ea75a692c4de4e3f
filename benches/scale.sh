#!/usr/bin/env bash
# Runs the pipeline benchmark (benches/pipeline.rs) once per size, each in its
# own process (so one size's memory never inflates another's), then prints the
# table and the growth factor of every stage between consecutive sizes
# (time ratio; near-linear cost means a factor close to the size ratio).
#
#   benches/scale.sh [SIZE...]          default: 1000 10000 100000
#   PETA_BENCH_DIR=/tmp/peta-bench      where repositories are generated (reused)
#   PETA_BENCH_STAGES=import,match,analyze,store,atlas
#   CARGO_TARGET_DIR                    honoured as usual
#   PETA_ANALYSIS_PHASES=1              also print the analysis phases (stderr)
#   PETA_BENCH_COLD=1                   do not read the repository into the page
#                                       cache first (by default each size is read once
#                                       before its run, so that import measures parsing at
#                                       every size, not whether 3 GB still sit in the cache)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000 100000)
stages="${PETA_BENCH_STAGES:-import,match,analyze,store,atlas}"
dir="${PETA_BENCH_DIR:-${TMPDIR:-/tmp}/peta-bench}"
results="$(mktemp)"
trap 'rm -f "$results"' EXIT

cargo bench --bench pipeline --no-run >&2
for n in "${sizes[@]}"; do
  echo "== $n models" >&2
  repo="$dir/n$n-s1"
  if [ -z "${PETA_BENCH_COLD:-}" ] && [ -d "$repo" ]; then
    echo "reading $repo into the page cache" >&2
    find "$repo" -type f -print0 | xargs -0 cat > /dev/null
  fi
  cargo bench -q --bench pipeline -- --sizes "$n" --dir "$dir" --stages "$stages" \
    | tee -a /dev/stderr | grep '^RESULT' >> "$results" || true
done

echo
echo "Peta pipeline at scale on $(nproc) CPUs ($(uname -m)); wall seconds, peak RSS MiB per stage"
awk -F'\t' '
  { size=$2; stage=$3; secs=$4; models=$5; acts=$6; peak=$7
    if (!(stage in seen)) { seen[stage]=1; order[++ns]=stage }
    if (!(size in sz)) { sz[size]=1; sizes[++nz]=size }
    t[stage, size]=secs; m[stage, size]=peak; a[size]=(acts>a[size]?acts:a[size]) }
  END {
    printf "%-16s", "stage"
    for (i=1;i<=nz;i++) printf " %16s", sizes[i] " models"
    for (i=2;i<=nz;i++) printf " %12s", "x(" sizes[i-1] "->" sizes[i] ")"
    printf "\n"
    for (j=1;j<=ns;j++) {
      s=order[j]; printf "%-16s", s
      for (i=1;i<=nz;i++) {
        if ((s, sizes[i]) in t) printf " %8.2fs %5.0fM", t[s, sizes[i]], m[s, sizes[i]]
        else printf " %16s", "-"
      }
      for (i=2;i<=nz;i++) {
        p=t[s, sizes[i-1]]; q=t[s, sizes[i]]
        if (p > 0 && q > 0) printf " %12.1f", q/p; else printf " %12s", "-"
      }
      printf "\n"
    }
    printf "%-16s", "activities"
    for (i=1;i<=nz;i++) printf " %16d", a[sizes[i]]
    printf "\n"
  }' "$results"
