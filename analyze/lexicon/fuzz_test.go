package lexicon

import (
	"errors"
	"strings"
	"testing"
)

// FuzzLexicon: any bytes either parse into a lexicon that passes its own
// checks or give a ParseError naming the file; never a panic.
func FuzzLexicon(f *testing.F) {
	f.Add("themes:\n  - theme: A\n    formulations:\n      - phrase: x\n        variants: [y]\n")
	f.Add("extend: default\nthemes:\n  - theme: B\n    formulations:\n      - phrase: silver economy\n")
	f.Add("themes:\n  - theme: A\n    formulations:\n      - phrase: x\n     - phrase: y\n")
	f.Add(string(defaultYAML))
	f.Fuzz(func(t *testing.T, in string) {
		lex, err := Parse(strings.NewReader(in), "f.yaml")
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.File == "" || pe.Line < 0 {
				t.Fatalf("error %v is not a ParseError with a file", err)
			}
			return
		}
		for _, th := range lex.Themes {
			if th.Name == "" || len(th.Formulations) == 0 {
				t.Fatalf("theme %+v passed the checks", th)
			}
		}
	})
}
