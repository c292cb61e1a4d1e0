#!/usr/bin/env bash
# Times pakessay against GNU style, GNU diction, hunspell -l (en_GB) and proselint on the same corpus,
# as one file and as many files, and prints MB/s for each and pakessay's ratio to each. Installs the
# peers from Debian's packages and PyPI when they are missing.
#   bash Benchmarks/compare-peers.sh [--quick]
# The corpus is the benchmark's (pakessay-bench --write-corpus): deterministic, built from SampleEssays/.
# The slow peers (diction, hunspell, proselint) read a slice of the corpus (--slice MB, default 2), and
# their MB/s is measured on that slice (proselint on its first 0.3 MB).
set -euo pipefail
cd "$(dirname "$0")/.."
quick=""; slice_mb=2
for arg in "$@"; do
  case "$arg" in
    --quick) quick="--quick" ;;
    --slice=*) slice_mb="${arg#--slice=}" ;;
  esac
done

need_apt=()
command -v style >/dev/null 2>&1 || need_apt+=(diction)
command -v hunspell >/dev/null 2>&1 || need_apt+=(hunspell)
[ -f /usr/share/hunspell/en_GB.dic ] || need_apt+=(hunspell-en-gb)
command -v bc >/dev/null 2>&1 || need_apt+=(bc)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing ${need_apt[*]} from Debian's packages"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
if ! command -v proselint >/dev/null 2>&1; then
  echo "installing proselint from PyPI"
  pip install -q proselint >/dev/null 2>&1 || echo "proselint could not be installed; it is left out"
fi

# Built as docs/performance.md builds it: a static executable (the Swift runtime and the C libraries
# linked in, so that no dynamic loader runs at each start) at a fixed address.
swift build -c release -Xswiftc -static-executable -Xlinker -no-pie --product pakessay >/dev/null
swift build -c release -Xswiftc -static-executable -Xlinker -no-pie --product pakessay-bench >/dev/null
bin="$(swift build -c release --show-bin-path)"
work="$(mktemp -d)"
"$bin/pakessay-bench" $quick --write-corpus "$work" >/dev/null
corpus="$work/corpus.txt"
head -c $((slice_mb * 1000000)) "$corpus" > "$work/slice.txt"
mkdir -p "$work/slice-files"
files=$(ls "$work/files" | wc -l)

# seconds CMD…: wall-clock seconds of a command, its output discarded.
seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}
mbps() { echo "scale=2; $1 / 1000000 / $2" | bc -l; }
size() { stat -c %s "$1"; }
dir_size() { du -sb "$1" | cut -f1; }

corpus_bytes=$(size "$corpus"); slice_bytes=$(size "$work/slice.txt"); files_bytes=$(dir_size "$work/files")
printf '\ncorpus: %s answers, %.1f MB (slow peers read a %.1f MB slice)\n\n' "$files" "$(echo "$corpus_bytes/1000000" | bc -l)" "$(echo "$slice_bytes/1000000" | bc -l)"

declare -A rate
t=$(seconds "$bin/pakessay" grade - --format jsonl --max-bytes 200000000 < "$corpus"); rate[pakessay-one-file]=$(mbps "$corpus_bytes" "$t")
t=$(seconds "$bin/pakessay" grade "$work/files" --format jsonl); rate[pakessay-many-files]=$(mbps "$files_bytes" "$t")
t=$(seconds style "$corpus"); rate[style-one-file]=$(mbps "$corpus_bytes" "$t")
t=$(seconds sh -c "cat '$work'/files/*.txt | style"); rate[style-many-files]=$(mbps "$files_bytes" "$t")
t=$(seconds diction -b "$work/slice.txt"); rate[diction-one-file]=$(mbps "$slice_bytes" "$t")
t=$(seconds hunspell -d en_GB -l "$work/slice.txt"); rate[hunspell-one-file]=$(mbps "$slice_bytes" "$t")
if command -v proselint >/dev/null 2>&1; then
  head -c 300000 "$corpus" > "$work/proselint.txt"
  # proselint 0.16 reads files with `proselint check FILE`; older releases with `proselint FILE`.
  if proselint check --help >/dev/null 2>&1; then lint=(proselint check); else lint=(proselint); fi
  "${lint[@]}" "$work/proselint.txt" >/dev/null 2>&1 || [ $? -eq 1 ] || echo "note: proselint exited with an error"
  t=$(seconds "${lint[@]}" "$work/proselint.txt"); rate[proselint-one-file]=$(mbps "$(size "$work/proselint.txt")" "$t")
fi

printf '%-22s %10s %16s\n' "tool" "MB/s" "pakessay is"
for key in pakessay-one-file pakessay-many-files style-one-file style-many-files diction-one-file hunspell-one-file proselint-one-file; do
  [ -n "${rate[$key]:-}" ] || continue
  ratio=""
  case "$key" in
    pakessay-*) ratio="-" ;;
    *-many-files) ratio=$(echo "scale=2; ${rate[pakessay-many-files]} / ${rate[$key]}" | bc -l)x ;;
    *) ratio=$(echo "scale=2; ${rate[pakessay-one-file]} / ${rate[$key]}" | bc -l)x ;;
  esac
  printf '%-22s %10s %16s\n' "$key" "${rate[$key]}" "$ratio"
done
echo
echo "(pakessay grades fully: parse, eight criteria, findings, JSON Lines; style only counts readability"
echo " figures, diction and hunspell only look words up, proselint runs its checks in Python.)"
rm -rf "$work"
