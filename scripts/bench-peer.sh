#!/usr/bin/env bash
# Times `analyze run` against the peer script (../shared/peer/peer.py) on
# the same inputs in the same run, alternating, RUNS times each, and prints
# the median wall times and their ratio; then the peak RSS of analyze on
# 10 MB and 100 MB inputs built from the public corpus, and the time of
# prose alone over the corpus (go test -bench ProseAloneCorpus).
# Needs Debian's python3-nltk python3-matplotlib python3-openpyxl.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
SHARED=${SHARED:-../shared}
corpus=$SHARED/corpus/state_of_the_union_1945-2006.txt
/usr/bin/python3 -c 'import nltk, matplotlib, openpyxl' 2>/dev/null || {
  echo "bench-peer: the peer needs: apt-get install python3-nltk python3-matplotlib python3-openpyxl" >&2; exit 1; }
make -s build
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

printf '%-34s %10s %10s %8s\n' "input (end to end, all outputs)" "analyze s" "peer s" "ratio"
for in in testdata/two_sessions_2024.txt "$corpus"; do
  : > "$tmp/ours"; : > "$tmp/peer"
  for _ in $(seq "$RUNS"); do
    { /usr/bin/time -f %e bin/analyze run --quiet --history "$tmp/history.sqlite" --out "$tmp/o" "$in"; } 2>>"$tmp/ours"
    { /usr/bin/time -f %e /usr/bin/python3 "$SHARED/peer/peer.py" "$in" "$tmp/p" >/dev/null; } 2>>"$tmp/peer"
  done
  o=$(grep -E '^[0-9.]+$' "$tmp/ours" | median); p=$(grep -E '^[0-9.]+$' "$tmp/peer" | median)
  printf '%-34s %10s %10s %8s\n' "$(basename "$in") ($(du -h "$in" | cut -f1))" "$o" "$p" "$(awk -v o="$o" -v p="$p" 'BEGIN {printf "%.1fx", p/o}')"
done

echo
printf '%-34s %12s %10s\n' "input" "peak RSS" "wall s"
for mb in 10 100; do
  f=$tmp/corpus-$mb.txt
  # copies of the corpus, each with its years a century on (1945 -> 2045 -> ...):
  # a copy with the same dates and paragraphs would be dropped as a copy unread
  /usr/bin/python3 - "$corpus" "$f" "$mb" <<'PY'
import re, sys
text = open(sys.argv[1], 'rb').read()
want, k = int(sys.argv[3]) * 1000 * 1000, 0
with open(sys.argv[2], 'wb') as out:
    while out.tell() < want:
        out.write(re.sub(rb'\b(19|20)\d\d\b', lambda m: str(int(m.group(0)) + 100 * k).encode(), text) + b'\n')
        k += 1
PY
  { /usr/bin/time -f '%M %e' bin/analyze run --quiet --history "$tmp/history.sqlite" --out "$tmp/big" "$f"; } 2>"$tmp/rss"
  read -r kb secs < <(tail -n 1 "$tmp/rss")
  printf '%-34s %9d MB %10s\n' "corpus x$((mb / 2)) ($(du -h "$f" | cut -f1))" $((kb / 1024)) "$secs"
  rm -rf "$f" "$tmp/big"
done

echo
echo "prose alone (tokenize, segment, tag; no NER) over $(basename "$corpus"), all cores:"
go test -run '^$' -bench 'ProseAloneCorpus|AnalyzeCorpus|ReadCorpus' -benchtime 3x ./analyze | grep -E '^Benchmark'
