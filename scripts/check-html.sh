#!/usr/bin/env bash
# Renders the HTML report of every sample essay, of the whole sample class and of a hostile answer
# in headless Chromium, and fails when a page is blank, when the rendered DOM lacks the findings,
# the struck text or the chart, when the console shows an error, or when the hostile answer's
# markup became live elements. Installs Chromium from Debian's packages when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  echo "installing chromium from Debian's packages"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

swift build >/dev/null
bin="$(swift build --show-bin-path)/pakessay"
out="$(mktemp -d)"
failures=0
browser=(chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --enable-logging=stderr --v=0)

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# check_page FILE NEEDLE... : renders FILE, then checks size, text, needles and console.
check_page() {
  local html="$1"; shift
  timeout 90 "${browser[@]}" --dump-dom "file://$html" >"$html.dom" 2>"$html.log" || fail "$html: chromium could not dump the DOM"
  timeout 90 "${browser[@]}" --window-size=1280,1800 --screenshot="$html.png" "file://$html" >/dev/null 2>>"$html.log" || fail "$html: no screenshot"
  local png=0 text=0
  [ -f "$html.png" ] && png=$(stat -c %s "$html.png")
  [ "$png" -gt 20000 ] || fail "$html: the screenshot is blank ($png bytes)"
  text=$(sed -e 's/<[^>]*>//g' "$html.dom" | tr -s '[:space:]' ' ' | wc -c)
  [ "$text" -gt 800 ] || fail "$html: the page has almost no text ($text characters)"
  for needle in "$@"; do
    grep -q -- "$needle" "$html.dom" || fail "$html: the rendered page lacks $needle"
  done
  if grep -E "CONSOLE|Uncaught|Refused to" "$html.log" >/dev/null; then
    fail "$html: the console shows errors:"; grep -E "CONSOLE|Uncaught|Refused to" "$html.log" | head -5
  fi
}

for sample in SampleEssays/*.txt; do
  name=$(basename "$sample" .txt)
  "$bin" grade "$sample" --format html --output "$out/$name.html"
  needles=('class="findings"' '<svg' 'Marks by criterion')
  # A finding anchored in the script, wherever the answer has a finding beyond the examiner's reserve.
  if "$bin" grade "$sample" --format jsonl | grep -o '"rule":"[^"]*"' | grep -qv '"examiner-reserve"'; then
    needles+=('class="fa ')
  fi
  if grep -qE '~~|\{--|<del>|<s>|<strike>' "$sample"; then needles+=('<del class="cut">'); fi
  check_page "$out/$name.html" "${needles[@]}"
  echo "ok: $name"
done

"$bin" grade SampleEssays --format html --output "$out/class.html"
check_page "$out/class.html" 'id="class"' '<table class="answers">' 'Distribution of marks' 'Each criterion' '<del class="cut">' 'class="findings"'
echo "ok: the class page"

cat >"$out/hostile.txt" <<'ANSWER'
Q.1 Discuss the dangers of <script>alert("x")</script> in answers.

1. INTRODUCTION </style><style>body{display:none}</style>
A candidate wrote "><img src=x onerror=alert(1)> and a link javascript:alert(1) in the answer, with <b>bold</b> and <iframe src="https://example.com"></iframe> tags.

2. CONCLUSION
In conclusion, <script src="https://example.com/x.js"></script> must stay text.
ANSWER
set +e
"$bin" grade "$out/hostile.txt" --format html --output "$out/hostile.html"
set -e
check_page "$out/hostile.html" 'alert' 'class="findings"'
for element in '<script' '<img' '<iframe' '<b>' '<[a-z][^>]* onerror=' 'href="javascript:'; do
  if grep -qiE -- "$element" "$out/hostile.html.dom"; then fail "hostile answer: $element became live markup"; fi
done
echo "ok: the hostile answer renders inert"

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed; pages and logs are in $out"
  exit 1
fi
echo "all HTML checks passed (pages in $out)"
