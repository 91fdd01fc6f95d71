#!/usr/bin/env bash
# Time and peak memory of the native CLI on the hostile inputs of issue 12 (items 2 and 4).
# The inputs are generated, never committed:
#   cargo test --release --test limits -- --ignored write_hostile_inputs
#   benches/hostile.sh [DIR]        (DIR defaults to target/hostile)
# Needs GNU time (/usr/bin/time, Debian package `time`). Prints one line per run:
#   input  command  seconds  peak-RSS-MB  exit-code
set -u
cd "$(dirname "$0")/.."
dir=${1:-target/hostile}
bin=target/release/qarin
cargo build --release --quiet --bin qarin || exit 1
run() {
  local label=$1 kind=$2; shift 2
  local log; log=$(mktemp)
  /usr/bin/time -v "$@" >/dev/null 2>"$log"
  local rc=$?
  local secs kb
  secs=$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')
  kb=$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')
  printf '%-16s %-7s %10s %8d MB  rc=%s\n' "$label" "$kind" "$secs" $((kb / 1024)) "$rc"
  rm -f "$log"
}
for f in wide-20mb.csv wide-60mb.csv wide3.zip copies17.zip long-63mb.txt short-40k.csv; do
  [ -f "$dir/$f" ] || { echo "missing $dir/$f (generate it first)"; continue; }
  run "$f" ingest "$bin" ingest "$dir/$f"
  run "$f" search "$bin" search --corpus "$dir/$f" siege
done
