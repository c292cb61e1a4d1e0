#!/usr/bin/env bash
# Growth check (CI): grades every shape of the benchmark's growth table at a size n that takes about a
# tenth of a second and at 4n, in a release build, and fails when 4n takes more than 8 times as long as
# n. Linear work takes about 4 times as long, quadratic 16 times. No absolute time is asserted.
# Each shape is graded in-process (parse, grade, JSON Lines record) and through the binary's standard
# input (`pakessay grade - --format jsonl`). Extra arguments go to pakessay-bench (for example
# `--shapes "one long line,headings"`, `--target 0.2`, `--self-test`).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "building the release build (swift build -c release)"
swift build -c release 2>&1 | tail -n 1
.build/release/pakessay-bench --growth-check --binary .build/release/pakessay "$@"
