package lexicon

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/goccy/go-yaml/scanner"
	"github.com/goccy/go-yaml/token"
)

// parseBounded parses r as h.yaml and returns the bytes allocated
// meanwhile and the error. A parse still running after 5 s panics: a runaway
// parse would otherwise go on taking memory after its test failed.
func parseBounded(r io.Reader) (uint64, error) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	done := make(chan error, 1)
	go func() {
		_, err := Parse(r, "h.yaml")
		done <- err
	}()
	select {
	case err := <-done:
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc, err
	case <-time.After(5 * time.Second):
		panic("Parse has not returned after 5s")
	}
}

// endless is a reader that never ends: a lexicon from a pipe that does.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = '#'
	}
	return len(p), nil
}

// bomb is a "billion laughs": levels lists of ten, each of the one before.
func bomb(levels int) string {
	var b strings.Builder
	b.WriteString("stopwords: [&a0 [x,x,x,x,x,x,x,x,x,x]")
	for i := 1; i < levels; i++ {
		fmt.Fprintf(&b, ", &a%d [%s]", i, strings.Repeat(fmt.Sprintf("*a%d,", i-1), 9)+fmt.Sprintf("*a%d", i-1))
	}
	b.WriteString("]\n")
	return b.String()
}

// nestedMaps is a block mapping n levels deep, one level a line.
func nestedMaps(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "%sa:\n", strings.Repeat(" ", i))
	}
	return b.String()
}

// indentless is a mapping of sequences of mappings n levels deep, each
// sequence at the column of its key.
func indentless(n int) string {
	var b strings.Builder
	b.WriteString("a:\n")
	for i := range n {
		fmt.Fprintf(&b, "%s- a:\n", strings.Repeat(" ", 2*i))
	}
	return b.String()
}

// TestHostile: each lexicon made to exhaust the parser is refused at its
// line, quickly and in little memory.
func TestHostile(t *testing.T) {
	const theme = "themes:\n  - theme: A\n    formulations:\n      - phrase: x\n"
	big := theme + strings.Repeat("# "+strings.Repeat("padding ", 12)+"\n", (maxSize-len(theme))/99+1)
	tests := []struct {
		name string
		in   io.Reader
		want string
	}{
		{"alias bomb", strings.NewReader(theme + bomb(9)), `h.yaml:5: anchor "&a0": anchors and aliases are not allowed in a lexicon`},
		{"alias", strings.NewReader(theme + "stopwords: [a, *b]\n"), `h.yaml:5: alias "*b": anchors and aliases are not allowed in a lexicon`},
		{"anchor", strings.NewReader("themes:\n  - theme: &t A\n    formulations:\n      - phrase: x\n"), `h.yaml:2: anchor "&t": anchors and aliases are not allowed in a lexicon`},
		{"merge key", strings.NewReader("themes:\n  - theme: A\n    <<: {formulations: [{phrase: x}]}\n"), `h.yaml:3: merge key "<<" is not allowed in a lexicon`},
		{"tag", strings.NewReader("themes:\n ! 000000000000000000000000000000000000000000000000000"), `h.yaml:2: tag "!" is not allowed in a lexicon`},
		{"standard tag", strings.NewReader("name: !!str x\n" + theme), `h.yaml:1: tag "!!str" is not allowed in a lexicon`},
		{"flow nesting", strings.NewReader("name: deep\nthemes: " + strings.Repeat("[", 100) + strings.Repeat("]", 100) + "\n"), "h.yaml:2: nested more than 32 levels deep"},
		{"flow nesting, 200 KB", strings.NewReader("name: deep\nthemes: " + strings.Repeat("[", 200_000) + "\n"), "h.yaml:2: more than 40000 words and punctuation marks (the limit for a lexicon is reached on this line)"},
		{"block nesting", strings.NewReader(nestedMaps(100)), "h.yaml:33: nested more than 32 levels deep"},
		{"block nesting, 1400 levels", strings.NewReader(nestedMaps(1400)), "h.yaml:33: nested more than 32 levels deep"},
		{"compact sequences", strings.NewReader("themes:\n  " + strings.Repeat("- ", 100_000) + "x\n"), "h.yaml:2: more than 40000 words and punctuation marks (the limit for a lexicon is reached on this line)"},
		{"compact sequences, 40", strings.NewReader("themes:\n  " + strings.Repeat("- ", 40) + "x\n"), "h.yaml:2: nested more than 32 levels deep"},
		{"indentless sequences", strings.NewReader(indentless(40)), "h.yaml:17: nested more than 32 levels deep"},
		{"explicit keys", strings.NewReader(strings.Repeat("? ", 40) + "x\n"), "h.yaml:1: nested more than 32 levels deep"},
		{"too many items", strings.NewReader(theme + "stopwords: [" + strings.Repeat("a,", 60_000) + "a]\n"), "h.yaml:5: more than 40000 words and punctuation marks (the limit for a lexicon is reached on this line)"},
		{"oversize", strings.NewReader(big), "h.yaml:10596: lexicon is larger than 1 MiB (the limit is reached on this line)"},
		{"endless", endless{}, "h.yaml:1: lexicon is larger than 1 MiB (the limit is reached on this line)"},
		{"Latin-1", strings.NewReader("themes:\n  - theme: Caf\xe9\n    formulations:\n      - phrase: na\xefve\n"), "h.yaml:2: not UTF-8: byte 0xe9 in column 15 (save the lexicon as UTF-8)"},
		{"Latin-1 after UTF-8", strings.NewReader("name: “Caf\u00e9”\nthemes:\n  - theme: A\n    formulations:\n      - phrase: x\n        zh: 新质\xe9\n"), "h.yaml:6: not UTF-8: byte 0xe9 in column 15 (save the lexicon as UTF-8)"},
		{"punctuation phrase", strings.NewReader(theme + "      - phrase: \"...\"\n"), `h.yaml:5: "..." in theme "A" has no letter or digit`},
		{"punctuation variant", strings.NewReader(theme + "        variants:\n          - y\n          - “”\n"), `h.yaml:7: "“”" in theme "A" has no letter or digit`},
		{"dashes", strings.NewReader(theme + "        variants: [\"--\"]\n"), `h.yaml:4: empty phrase in theme "A"`},
		{"punctuation zh", strings.NewReader(theme + "        zh: ……\n"), `h.yaml:5: zh "……" of "x" has no letter or digit`},
		{"punctuation zh variant", strings.NewReader(theme + "        zh: 新质\n        zh_variants:\n          - 新质生产\n          - “”\n"), `h.yaml:8: zh variant "“”" of "x" has no letter or digit`},
		{"punctuation ignore", strings.NewReader(theme + "ignore:\n  - Central Committee\n  - \"“ ”\"\n"), `h.yaml:7: ignore span "“ ”" has no letter or digit`},
		{"punctuation pattern", strings.NewReader(theme + "venues:\n  - venue: V\n    patterns: [speech at, \"...\"]\n"), `h.yaml:7: pattern "..." of venue "V" has no letter or digit`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			alloc, err := parseBounded(tt.in)
			var pe *ParseError
			if !errors.As(err, &pe) || err.Error() != tt.want {
				t.Errorf("Parse = %v; want ParseError %q", err, tt.want)
			}
			if alloc > 100<<20 {
				t.Errorf("Parse allocated %d MB; want under 100", alloc>>20)
			}
		})
	}
}

// TestNotHostile: &, * and ! in scalars and comments, indentless sequences
// and a file just under the size limit are accepted.
func TestNotHostile(t *testing.T) {
	const theme = "themes:\n  - theme: A\n    formulations:\n      - phrase: x\n"
	tests := []struct{ name, in string }{
		{"& and * in text", "# see &a and *b\nthemes:\n  - theme: R&D\n    formulations:\n      - phrase: R&D # &c\n        variants: [M&A, \"*x\", 'a & b', a*b]\n        zh: 研发\n"},
		{"! in text", "# !tag\nthemes:\n  - theme: Go!\n    formulations:\n      - phrase: yes!\n        variants: [\"!x\", 'a ! b', a!b]\n"},
		{"indentless", "themes:\n- theme: A\n  formulations:\n  - phrase: x\n    variants:\n    - y\n"},
		{"just under the size limit", theme + "#" + strings.Repeat("x", maxSize-len(theme)-2) + "\n"},
	}
	for _, tt := range tests {
		_, err := parseBounded(strings.NewReader(tt.in))
		if err != nil {
			t.Errorf("%s: Parse = %v; want a lexicon", tt.name, err)
		}
	}
}

// TestDepth: how deep collections nest, as screenTokens measures it.
func TestDepth(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"a: b\n", 1},
		{"a: [[b], {c: [d]}]\n", 4},
		{"- - - x\n", 3},
		{"? ? x\n", 2},
		{"a:\n  b:\n    c: d\ne: f\n", 3},
		{"a:\n- b\n- c:\n  - d\ne: f\n", 4},
		{"themes:\n- theme: A\n  formulations:\n  - phrase: x\n    variants: [y]\n", 6},
		{"a: 1\n---\n- - x\n", 2},
		{string(defaultYAML), 6},
	}
	for _, tt := range tests {
		if got := maxDepthOf(tt.in); got != tt.want {
			t.Errorf("maxDepthOf(%.40q) = %d; want %d", tt.in, got, tt.want)
		}
	}
}

// maxDepthOf returns the deepest nesting depth finds in in.
func maxDepthOf(in string) int {
	var s scanner.Scanner
	s.Init(in)
	var d depth
	max := 0
	for {
		toks, err := s.Scan()
		if err == io.EOF {
			return max
		}
		for i, tk := range toks {
			var prev *token.Token
			if i > 0 {
				prev = toks[i-1]
			}
			if n := d.add(tk, prev); n > max {
				max = n
			}
		}
	}
}

// TestDefaultWithinLimits: the built-in lexicon is far inside each limit.
func TestDefaultWithinLimits(t *testing.T) {
	n, _ := items(defaultYAML, maxItems)
	if len(defaultYAML)*4 > maxSize || n*4 > maxItems {
		t.Errorf("default lexicon: %d bytes, %d items; limits %d and %d should leave room to grow", len(defaultYAML), n, maxSize, maxItems)
	}
}
