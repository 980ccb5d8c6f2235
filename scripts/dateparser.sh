#!/usr/bin/env bash
# Rebuilds third_party/go-dateparser from the pinned upstream version: the
# module as Go downloads it, without its tests, generator and source data,
# with the two changes PATCHED.md describes (lazy expressions: a patch of
# internal/regexp/regexp.go; lazy locale data: made by the Python below
# over the generated files). `OUT=DIR` writes the copy elsewhere;
# `make dateparser-check` rebuilds it into a temporary directory and
# compares it with the committed copy.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=v1.2.3
out=${OUT:-third_party/go-dateparser}
src=$(go mod download -json "github.com/markusmobius/go-dateparser@$VERSION" | python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')
keep=$(mktemp -d)
trap 'rm -rf "$keep"' EXIT
cp third_party/go-dateparser/PATCHED.md "$keep/" 2>/dev/null || true
rm -rf "$out"
mkdir -p "$out"
out=$(cd "$out" && pwd)
(cd "$src" && find . -type f ! -name '*_test.go' ! -path './data-supplementary/*' ! -path './scripts/*' -print0 |
  xargs -0 cp --parents -t "$out")
chmod -R u+w "$out"
cp "$keep/PATCHED.md" "$out/" 2>/dev/null || true
patch -s -p1 -d "$out" < scripts/dateparser-regexp.patch
python3 - "$out/internal/data" <<'PY'
import os, re, sys
d = sys.argv[1]
owner = {}  # a locale variable -> the file (as an identifier) that fills it
for f in sorted(os.listdir(d)):
    if f[0].isdigit() or not f.endswith('.go'):
        continue
    ident = f[:-3].replace('-', '_')
    path = os.path.join(d, f)
    s = open(path).read()
    for v in re.findall(r'^\t(\w+_Locale)\s', s, re.M):
        owner[v] = ident
    if 'import "github.com/markusmobius/go-dateparser/internal/regexp"' in s:
        s = s.replace('import "github.com/markusmobius/go-dateparser/internal/regexp"',
                      'import (\n\t"sync"\n\n\t"github.com/markusmobius/go-dateparser/internal/regexp"\n)', 1)
    else:
        s = s.replace('\npackage data\n', '\npackage data\n\nimport "sync"\n', 1)
    s = s.replace('\nfunc init() {',
                  '\n// load_%s fills the locales of this file; GetLocaleData calls it once,\n'
                  '// on the first use of one of them (a patch: it was init).\n'
                  'var load_%s sync.Once\n\nfunc init_%s() {' % (ident, ident, ident), 1)
    open(path, 'w').write(s)
path = os.path.join(d, '00-locale-data.go')
s = open(path).read()
def call(m):
    ident = owner[m.group(2)]
    return '%sload_%s.Do(init_%s)\n%s' % (m.group(1), ident, ident, m.group(0))
s = re.sub(r'^(\t+)return &(\w+_Locale), true$', call, s, flags=re.M)
open(path, 'w').write(s)
PY
gofmt -w "$out/internal/data"
