#!/usr/bin/env bash
# Peak RSS and wall time of `analyze run` on hostile shapes of input (the
# goal: at most 400 MB each, seconds per MB within 3x of the corpus's, on
# 2 cores), and the public corpus itself for the time per MB. The inputs
# are made here, the same bytes every time (python3 and awk, seeded).
#   SHAPES="corpus de zero" bash scripts/bench-shapes.sh   # some of them
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
corpus=$SHARED/corpus/state_of_the_union_1945-2006.txt
zh=$SHARED/corpus/government_work_reports/zh
make -s build
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ALL="corpus short_lines dated_articles one_line en_words_one_line en_200mb zh_one_line de zh_joined hashes deep_html zero zh_folder zh_folder_x2 ulimit_sample"
SHAPES=${SHAPES:-$ALL}

make_input() {
  case $1 in
  corpus) cp "$corpus" "$tmp/corpus.txt" ;;
  short_lines) awk 'BEGIN { srand(1); split("reform economy rose new forces steady productive deepened growth policy quality china", w, " ");
    for (i = 0; i < 1000000; i++) { s = w[int(rand()*12)+1]; printf "%s %s %s.\n", toupper(substr(s,1,1)) substr(s,2), w[int(rand()*12)+1], w[int(rand()*12)+1] } }' > "$tmp/short_lines.txt" ;;
  dated_articles) awk 'BEGIN { split("January February March April May June July August September October November December", m, " ");
    for (i = 0; i < 123658; i++) printf "%s %d, 2024\n\nXi Stresses Reform Number %d\n\nXi urged efforts to develop new quality productive forces and deepen reform in the province.\n\n", m[(i*7)%12+1], (i*13)%28+1, i }' > "$tmp/dated_articles.txt" ;;
  one_line) for _ in $(seq 26); do tr '\n' ' ' < "$corpus"; done > "$tmp/one_line.txt"; echo >> "$tmp/one_line.txt" ;;
  *) python3 - "$1" "$tmp" "$corpus" "$zh" <<'PY'
import glob, os, random, re, sys
shape, tmp, corpus, zh = sys.argv[1:]
random.seed(1)
def vocab():
    return sorted({w.strip('.,;:!?"()').lower() for w in open(corpus).read().split() if w.isalpha()})
def han():
    text = ''.join(open(p, encoding='utf-8').read() for p in sorted(glob.glob(zh + '/*.txt')))
    return text
out = os.path.join(tmp, shape + ('.html' if shape == 'deep_html' else '.txt'))
if shape == 'en_words_one_line':      # 50 MB of words, no punctuation, one line
    v, n = vocab(), 0
    with open(out, 'w') as f:
        while n < 50_000_000:
            ws = random.choices(v, k=10000); s = ' '.join(ws) + ' '; f.write(s); n += len(s)
        f.write('\n')
elif shape == 'en_200mb':             # 200 MB of English lines, few repeats
    v, n = vocab(), 0
    with open(out, 'w') as f:
        while n < 200_000_000:
            s = ' '.join(random.choices(v, k=random.randint(8, 30))).capitalize() + '.\n'; f.write(s); n += len(s)
elif shape == 'zh_one_line':          # 20 MB of Chinese characters, no punctuation, one line
    h = re.sub(r'[^\u4e00-\u9fff]', '', han()).encode()
    with open(out, 'wb') as f:
        n = 0
        while n < 20_000_000:
            f.write(h); n += len(h)
        f.write(b'\n')
elif shape == 'de':                   # 5 MB of one character
    open(out, 'w', encoding='utf-8').write('的' * (5_000_000 // 3) + '\n')
elif shape == 'zh_joined':            # the 57 reports, punctuation and line ends removed
    open(out, 'w', encoding='utf-8').write(re.sub(r'[\s\u3000。，、；：？！“”‘’（）《》—…·]', '', han()) + '\n')
elif shape == 'hashes':               # 100,000 lines of a bare '#'
    open(out, 'w').write('#\n' * 100000)
elif shape == 'deep_html':            # 1.7 MB page of 100,000 unclosed <p><b><i><span>
    open(out, 'w').write('<!DOCTYPE html><html><head><title>t</title></head><body>' + '<p><b><i><span>x ' * 100000 + '</body></html>\n')
PY
  ;;
  esac
}

run_shape() { # name input [run arguments]
  local name=$1 f=$2; shift 2
  /usr/bin/time -o "$tmp/rss" -f '%M %e %x' timeout 900 bin/analyze run --quiet --no-history "$@" --out "$tmp/out-$name" "$f" >/dev/null 2>"$tmp/err" || true
  read -r kb secs code < <(tail -n 1 "$tmp/rss")
  local bytes; bytes=$(du -sb "$f" 2>/dev/null | cut -f1); [ -c "$f" ] && bytes=0
  mb=$(awk -v b="$bytes" 'BEGIN {printf "%.1f", b/1e6}')
  spm=$(awk -v s="$secs" -v m="$mb" 'BEGIN {if (m > 0) printf "%.2f", s/m; else printf "-"}')
  printf '| %-18s | %7s | %6d MB | %7s | %8s | %4s | %s\n' "$name" "$mb" $((kb / 1024)) "$secs" "$spm" "$code" "$(head -c 90 "$tmp/err" | tr '\n' ' ')"
  rm -rf "$tmp/out-$name"
}

printf '| %-18s | %7s | %9s | %7s | %8s | %4s | %s\n' "input" "MB" "peak RSS" "wall s" "s per MB" "exit" "first line of stderr"
printf '| --- | ---: | ---: | ---: | ---: | ---: | --- |\n'
for name in $SHAPES; do
  case $name in
  zero) run_shape zero /dev/zero ;;
  zh_folder) run_shape zh_folder "$zh" ;;
  zh_folder_x2) mkdir -p "$tmp/x2"; for p in "$zh"/*.txt; do b=$(basename "$p" .txt); cp "$p" "$tmp/x2/$b.txt"; cp "$p" "$tmp/x2/${b}b.txt"; done
    run_shape zh_folder_x2 "$tmp/x2"; rm -rf "$tmp/x2" ;;
  ulimit_sample) ( ulimit -v 1000000; run_shape "ulimit -v 1 GB" testdata/two_sessions_2024.txt ) ;;
  *) make_input "$name"; f=$(ls "$tmp/$name".*); run_shape "$name" "$f"; rm -f "$f" ;;
  esac
done
