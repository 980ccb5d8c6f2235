#!/usr/bin/env bash
# Peak RSS and wall time of `analyze run` on the hostile shapes of issue
# #13 (the goal: at most 300 MB each, time per byte within 3x of the
# corpus's): 1 M short lines, 124k short dated articles, the corpus x26 on
# one line; and the corpus itself for the time per byte. The inputs are
# made here, the same bytes every time.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
corpus=$SHARED/corpus/state_of_the_union_1945-2006.txt
make -s build
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

awk 'BEGIN { srand(1); split("reform economy rose new forces steady productive deepened growth policy quality china", w, " ");
  for (i = 0; i < 1000000; i++) { s = w[int(rand()*12)+1]; printf "%s %s %s.\n", toupper(substr(s,1,1)) substr(s,2), w[int(rand()*12)+1], w[int(rand()*12)+1] } }' > "$tmp/short_lines.txt"
awk 'BEGIN { split("January February March April May June July August September October November December", m, " ");
  for (i = 0; i < 123658; i++) printf "%s %d, 2024\n\nXi Stresses Reform Number %d\n\nXi urged efforts to develop new quality productive forces and deepen reform in the province.\n\n", m[(i*7)%12+1], (i*13)%28+1, i }' > "$tmp/dated_articles.txt"
for _ in $(seq 26); do tr '\n' ' ' < "$corpus"; done > "$tmp/one_line.txt"; echo >> "$tmp/one_line.txt"
cp "$corpus" "$tmp/corpus.txt"

printf '%-22s %9s %12s %8s %10s\n' "input" "MB" "peak RSS" "wall s" "s per MB"
for name in corpus short_lines dated_articles one_line; do
  f=$tmp/$name.txt
  { /usr/bin/time -f '%M %e' bin/analyze run --quiet --no-history --out "$tmp/out-$name" "$f"; } 2>"$tmp/rss"
  read -r kb secs < <(tail -n 1 "$tmp/rss")
  mb=$(awk -v b="$(stat -c %s "$f")" 'BEGIN {printf "%.1f", b/1e6}')
  printf '%-22s %9s %9d MB %8s %10s\n' "$name" "$mb" $((kb / 1024)) "$secs" "$(awk -v s="$secs" -v m="$mb" 'BEGIN {printf "%.2f", s/m}')"
  rm -rf "$tmp/out-$name"
done
