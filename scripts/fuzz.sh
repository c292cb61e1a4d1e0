#!/usr/bin/env bash
# Builds the libFuzzer target over parse, grade and every reporter (scripts/fuzz/FuzzParseGrade.swift with the
# library's sources, under AddressSanitizer and LeakSanitizer) and runs it for SECONDS (default 60).
# The seed corpus is SampleEssays/ plus scripts/fuzz/seeds/; the dictionary is scripts/fuzz/markup.dict. Fails on any
# crash, leak or timeout; the input that caused it is left in .build-fuzz/artifacts/ — turn it into a
# regression test by copying it to Tests/PakEssayTests/FuzzRegressions/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
work=.build-fuzz
mkdir -p "$work/corpus" "$work/artifacts"

sources=$(find Sources/PakEssay -name '*.swift' | sort)
watched="Sources/PakEssay Sources/RuleRegistryGenerator scripts/fuzz"
# shellcheck disable=SC2086
newer=$(find $watched -newer "$work/fuzz-pakessay" -name '*.swift' 2>/dev/null | head -n 1 || true)
if [ ! -x "$work/fuzz-pakessay" ] || [ -n "$newer" ]; then
  echo "building the fuzz target"
  # The rule registry's list is generated at build time (Sources/RuleRegistryPlugin): generate it here too.
  swiftc -O Sources/RuleRegistryGenerator/*.swift -o "$work/rule-registry-generator"
  rules=$(find Sources/PakEssay/Grading/Rules -name '*.swift' | sort)
  # shellcheck disable=SC2086
  "$work/rule-registry-generator" "$work/RuleRegistry+Declared.swift" $rules
  # shellcheck disable=SC2086
  swiftc -sanitize=fuzzer,address -parse-as-library -module-name PakEssay -O \
    $sources "$work/RuleRegistry+Declared.swift" scripts/fuzz/FuzzParseGrade.swift -o "$work/fuzz-pakessay" 2>&1 \
    | grep -v "Cannot export local symbol" || true
fi
[ -x "$work/fuzz-pakessay" ] || { echo "the fuzz target did not build"; exit 1; }

cp SampleEssays/*.txt scripts/fuzz/seeds/* "$work/corpus/" 2>/dev/null || true
echo "fuzzing for ${seconds}s"
# No LeakSanitizer suppressions: the language patterns are flat arrays, with no indirect-enum boxes to hide.
"$work/fuzz-pakessay" "$work/corpus" \
  -dict=scripts/fuzz/markup.dict -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=20000 \
  -detect_leaks=1 -print_final_stats=1 -artifact_prefix="$work/artifacts/" 2>&1 | tail -n 25
status=${PIPESTATUS[0]}
if [ "$status" -ne 0 ]; then
  echo "the fuzzer found a problem (exit $status); see $work/artifacts/"
  exit "$status"
fi
echo "fuzzing ran ${seconds}s clean"
