package lexicon

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/token"
)

// FuzzLexicon: any bytes either parse into a lexicon that passes its own
// checks or give a ParseError naming the file; never a panic. An
// accepted lexicon is within the limits, UTF-8, free of anchors,
// aliases, merge keys and tags, and every phrase, variant, Chinese variant
// (beside a zh, and no Chinese form twice), ignore span and venue pattern
// in it has a letter or digit. Whatever passes the count
// of words and marks has at most two YAML tokens for each.
func FuzzLexicon(f *testing.F) {
	f.Add("themes:\n  - theme: A\n    formulations:\n      - phrase: x\n        variants: [y]\n")
	f.Add("extend: default\nthemes:\n  - theme: B\n    formulations:\n      - phrase: silver economy\n")
	f.Add("themes:\n  - theme: A\n    formulations:\n      - phrase: x\n     - phrase: y\n")
	f.Add(string(defaultYAML))
	f.Add("themes:\n  - theme: A\n    formulations:\n      - phrase: x\nstopwords: [&a [x,x,x], &b [*a,*a,*a], &c [*b,*b,*b]]\n")
	f.Add("themes:\n  - theme: &t A\n    formulations: &f\n      - phrase: x\n  - theme: *t\n    formulations: *f\n")
	f.Add("base: &b {theme: A, formulations: [{phrase: x}]}\nthemes:\n  - <<: *b\n    theme: B\n")
	f.Add("themes:\n  - theme: A\n    <<: {formulations: [{phrase: x}]}\n")
	f.Add("themes: " + strings.Repeat("[", 40) + strings.Repeat("]", 40) + "\n")
	f.Add(nestedMaps(40))
	f.Add(indentless(20))
	f.Add("themes:\n  " + strings.Repeat("- ", 40) + "x\n")
	f.Add(strings.Repeat("? ", 40) + "x\n")
	f.Add("themes:\n  - theme: Caf\xe9\n    formulations:\n      - phrase: na\xefve\n")
	f.Add("themes:\n  - theme: A\n    formulations:\n      - phrase: \"...\"\n        variants: [“”, \"--\"]\n        zh: ……\nignore: [\"“ ”\"]\nvenues:\n  - venue: V\n    patterns: [\"...\"]\n")
	f.Add("themes:\n  - theme: A\n    formulations:\n      - phrase: x\n        zh: 民族复兴\n        zh_variants: [中华民族伟大复兴, “”]\n      - {phrase: y, zh_variants: [一带一路]}\n")
	f.Add("extend: default\nthemes:\n  - theme: A\n    formulations:\n      - {phrase: x, zh: 甲, zh_variants: [乙, 甲]}\n")
	f.Add("# &a *b\nthemes:\n  - theme: R&D\n    formulations:\n      - phrase: R&D\n        variants: [M&A, \"*x\", 'a & b', a*b]\n")
	f.Fuzz(func(t *testing.T, in string) {
		var toks token.Tokens // goccy's, when the count of words and marks lets it make them
		if n, ok := items([]byte(in), maxItems); ok && len(in) <= maxSize {
			if toks = lexer.Tokenize(in); len(toks) > 2*n+1 {
				t.Fatalf("%d YAML tokens from %d words and marks", len(toks), n)
			}
		}
		lex, err := Parse(strings.NewReader(in), "f.yaml")
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.File == "" || pe.Line < 0 {
				t.Fatalf("error %v is not a ParseError with a file", err)
			}
			return
		}
		if len(in) > maxSize || !utf8.ValidString(in) || toks == nil {
			t.Fatalf("accepted %d bytes, UTF-8 %v, %d tokens", len(in), utf8.ValidString(in), len(toks))
		}
		for _, tk := range toks {
			if tk.Type == token.AnchorType || tk.Type == token.AliasType || tk.Type == token.MergeKeyType || tk.Type == token.TagType {
				t.Fatalf("accepted %s %q at line %d", tk.Type, tk.Value, tk.Position.Line)
			}
		}
		n := 0
		zhForms := map[string]bool{} // zh variants may be no other Chinese form
		for _, th := range lex.Themes {
			for _, fm := range th.Formulations {
				zhForms[Key(fm.ZH)] = true
			}
		}
		for _, th := range lex.Themes {
			if th.Name == "" || len(th.Formulations) == 0 {
				t.Fatalf("theme %+v passed the checks", th)
			}
			for _, fm := range th.Formulations {
				for _, p := range append([]string{fm.Phrase}, fm.Variants...) {
					if !hasWord(p) || Key(p) == "" || !utf8.ValidString(p) {
						t.Fatalf("phrase %q passed the checks", p)
					}
					n++
				}
				if len(fm.ZHVariants) > 0 && !hasWord(fm.ZH) {
					t.Fatalf("zh variants %q without a zh passed the checks", fm.ZHVariants)
				}
				for _, v := range fm.ZHVariants {
					if !hasWord(v) || zhForms[Key(v)] {
						t.Fatalf("zh variant %q passed the checks", v)
					}
					zhForms[Key(v)] = true
				}
			}
		}
		if n == 0 && lex.Extend == "" {
			t.Fatalf("a lexicon without phrases passed the checks")
		}
		for _, s := range lex.Ignore {
			if !hasWord(s) {
				t.Fatalf("ignore span %q passed the checks", s)
			}
		}
		for _, v := range lex.Venues {
			for _, p := range v.Patterns {
				if !hasWord(p) {
					t.Fatalf("venue pattern %q passed the checks", p)
				}
			}
		}
	})
}
