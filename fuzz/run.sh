#!/usr/bin/env bash
# Builds the loader fuzzer with libFuzzer and AddressSanitizer and runs it for a fixed time.
# Usage: fuzz/run.sh [seconds]   (default 60). Crashes land in fuzz/crashes/, the corpus grows in fuzz/corpus/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
swift build -c release --product akkoord-fuzz --scratch-path .build-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING \
  -Xcc -fsanitize=fuzzer-no-link,address
binary="$(swift build -c release --product akkoord-fuzz --scratch-path .build-fuzz --show-bin-path)/akkoord-fuzz"
work="$(mktemp -d)"
mkdir -p fuzz/crashes "$work/corpus"
# Seed corpus: the bundled rule files and scenarios (copied, so the run never writes into the repository's inputs).
cp rules/dossier.yaml rules/fiches/*.yaml rules/regels/*.yaml scenarios/*.yaml examples/*.yaml "$work/corpus/"
cp fuzz/seeds/* "$work/corpus/" 2>/dev/null || true
"$binary" "$work/corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix=fuzz/crashes/ -print_final_stats=1
