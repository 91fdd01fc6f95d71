#!/usr/bin/env bash
# Coverage-guided fuzzing of the core (cargo-fuzz + libFuzzer), outside the default test run.
#   tests/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default 150 s; every target)
# Targets (fuzz/fuzz_targets/): ingest (byte ingest of every format), html (the extractor),
# query (parser, planner, search, highlight), from_bytes (mutated saved corpora, checksum
# recomputed). Needs a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
# Inputs that crash, hang (> 10 s) or take > 2 GB land in fuzz/artifacts/TARGET/; keep each
# one as a regression test beside the code it broke (none has been found so far).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-150}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(ingest html query from_bytes)

cargo +nightly run -q --manifest-path fuzz/Cargo.toml --example seeds -- fuzz/seeds
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t" fuzz/logs
  # Fork mode goes on past a crash, so one run reports every distinct failure.
  (cd fuzz && cargo +nightly fuzz run -O "$t" "corpus/$t" "seeds/$t" -- \
    -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048 \
    -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -artifact_prefix="artifacts/$t/") >"fuzz/logs/$t.log" 2>&1 || true
  runs=$(grep -oE '^#[0-9]+' "fuzz/logs/$t.log" | tail -1 | tr -d '#')
  found=$(find "fuzz/artifacts/$t" -type f | wc -l)
  printf '%-11s %8s s  %12s executions  %3s crash/timeout/oom inputs\n' "$t" "$secs" "${runs:-?}" "$found"
done
