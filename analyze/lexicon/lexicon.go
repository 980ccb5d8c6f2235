package lexicon

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

//go:embed default.yaml
var defaultYAML []byte

// DefaultName is the name a user lexicon gives to `extend:` to build on
// the embedded one.
const DefaultName = "default"

// Lexicon is a set of themes of formulations, with what to ignore, where
// venues are named and which words cannot open or close a discovered
// phrase.
type Lexicon struct {
	Name      string   `yaml:"name"`
	Version   string   `yaml:"version"`
	Extend    string   `yaml:"extend"`
	Themes    []Theme  `yaml:"themes"`
	Ignore    []string `yaml:"ignore"`
	Venues    []Venue  `yaml:"venues"`
	Stopwords []string `yaml:"stopwords"`
	Sources   []Source `yaml:"-"` // the files it was read from, in order (default first when extended)
}

// Source is one file a lexicon was read from.
type Source struct {
	Name   string
	SHA256 string
}

// Theme is a named group of formulations.
type Theme struct {
	Name         string        `yaml:"theme"`
	Formulations []Formulation `yaml:"formulations"`
	File         string        `yaml:"-"`
	Line         int           `yaml:"-"`
}

// Formulation is one formulation: its canonical English phrase, other
// English wordings counted under it, its Chinese original, other Chinese
// wordings counted under that, its wordings in other languages, and
// whether it inflects. FormsIn gives its forms in a language by code.
type Formulation struct {
	Phrase     string   `yaml:"phrase"`
	ZH         string   `yaml:"zh"`
	Variants   []string `yaml:"variants"`
	ZHVariants []string `yaml:"zh_variants"`
	// Forms are its wordings in languages other than English and Chinese,
	// by language code (ru, ja …): the canonical one first, then its
	// variants.
	Forms map[string][]string `yaml:"forms"`
	Exact bool                `yaml:"exact"`
	File  string              `yaml:"-"`
	Line  int                 `yaml:"-"`
}

// FormsIn is how the formulation is written in the language of code, the
// canonical form first: English's phrase and variants, Chinese's zh and
// zh_variants, another language's forms; nil when it has none there.
func (f Formulation) FormsIn(code string) []string {
	switch code {
	case "en":
		return append([]string{f.Phrase}, f.Variants...)
	case "zh":
		if f.ZH == "" {
			return nil
		}
		return append([]string{f.ZH}, f.ZHVariants...)
	}
	return f.Forms[code]
}

// Venue names a venue and the phrases that identify it.
type Venue struct {
	Venue    string   `yaml:"venue"`
	Patterns []string `yaml:"patterns"`
	Line     int      `yaml:"-"`
}

// UnmarshalYAML records the line each theme starts on.
func (t *Theme) UnmarshalYAML(n ast.Node) error {
	type plain Theme
	line, err := decodeAt(n, (*plain)(t))
	t.Line = line
	return err
}

// UnmarshalYAML records the line each formulation starts on.
func (f *Formulation) UnmarshalYAML(n ast.Node) error {
	type plain Formulation
	line, err := decodeAt(n, (*plain)(f))
	f.Line = line
	return err
}

// UnmarshalYAML records the line each venue starts on.
func (v *Venue) UnmarshalYAML(n ast.Node) error {
	type plain Venue
	line, err := decodeAt(n, (*plain)(v))
	v.Line = line
	return err
}

// decodeAt decodes node n into v, rejecting unknown fields, and returns
// the line n starts on.
func decodeAt(n ast.Node, v any) (int, error) {
	return n.GetToken().Position.Line, yaml.NodeToValue(n, v, yaml.DisallowUnknownField())
}

// ParseError is a malformed lexicon, at a line when there is one.
type ParseError struct {
	File string
	Line int
	Msg  string
}

func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// DefaultYAML returns the embedded default lexicon as written, comments and all.
func DefaultYAML() []byte { return bytes.Clone(defaultYAML) }

// Default returns the embedded default lexicon.
func Default() (*Lexicon, error) {
	return parse(defaultYAML, "default.yaml")
}

// Parse reads a lexicon. One that says `extend: default` is added to the
// default lexicon; any other replaces it. It reads at most a byte past
// the size limit, and refuses a file over it, one that is not UTF-8, or
// uses YAML anchors, aliases or merge keys, or nests too deep, before
// decoding it.
func Parse(r io.Reader, name string) (*Lexicon, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxSize+1))
	if err != nil {
		return nil, &ParseError{File: name, Msg: fmt.Sprintf("cannot read: %v", err)}
	}
	lex, err := parse(data, name)
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte(utf8BOM))
	switch lex.Extend {
	case "":
		return lex, nil
	case DefaultName:
		base, err := Default()
		if err != nil {
			return nil, err
		}
		return merge(base, lex)
	default:
		return nil, &ParseError{File: name, Line: lex.extendLine(data), Msg: fmt.Sprintf("extend: %q is not known (only %q)", lex.Extend, DefaultName)}
	}
}

// utf8BOM is the byte-order mark some editors put at the start of a
// UTF-8 file (Windows Notepad did by default); it is no part of the text.
const utf8BOM = "\ufeff"

// parse reads a lexicon from data, a file's bytes: a byte-order mark
// opening them is left out (it sits on line 1 and moves no line), and the
// source's SHA-256 is of the file as it is.
func parse(data []byte, name string) (*Lexicon, error) {
	sum := sha256.Sum256(data)
	data = bytes.TrimPrefix(data, []byte(utf8BOM))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &ParseError{File: name, Msg: "empty lexicon"}
	}
	if err := screen(data, name); err != nil {
		return nil, err
	}
	var lex Lexicon
	if err := yaml.UnmarshalWithOptions(data, &lex, yaml.DisallowUnknownField()); err != nil {
		return nil, yamlError(name, err)
	}
	lex.Sources = []Source{{Name: name, SHA256: hex.EncodeToString(sum[:])}}
	for i := range lex.Themes {
		lex.Themes[i].File = name
		for j := range lex.Themes[i].Formulations {
			lex.Themes[i].Formulations[j].File = name
		}
	}
	if err := lex.check(name, data); err != nil {
		return nil, err
	}
	return &lex, nil
}

// yamlError turns the YAML library's error into a ParseError at the line
// it points to.
func yamlError(name string, err error) error {
	var ye yaml.Error
	if errors.As(err, &ye) {
		line := 0
		if tok := ye.GetToken(); tok != nil && tok.Position != nil {
			line = tok.Position.Line
		}
		return &ParseError{File: name, Line: line, Msg: ye.GetMessage()}
	}
	return &ParseError{File: name, Msg: err.Error()}
}

func (lex *Lexicon) extendLine(data []byte) int {
	for i, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "extend:") {
			return i + 1
		}
	}
	return 0
}

// Key folds a phrase for comparison: lower case, hyphens, dashes and runs
// of space as one space, curly apostrophes straight.
func Key(phrase string) string {
	phrase = strings.ToLower(phrase)
	phrase = strings.NewReplacer("-", " ", "\u2010", " ", "\u2011", " ", "–", " ", "—", " ", "’", "'", "\u00a0", " ").Replace(phrase)
	return strings.Join(strings.Fields(phrase), " ")
}

// check reports the first problem: a theme without a name or without
// formulations, an empty phrase, a phrase or variant listed twice, a
// Chinese variant without a Chinese form or listed twice (as any Chinese
// form), a phrase, variant, Chinese form, ignore span or venue pattern
// without a letter or digit. data is the file, to find the line of a
// list item.
func (lex *Lexicon) check(name string, data []byte) error {
	if len(lex.Themes) == 0 && lex.Extend == "" {
		return &ParseError{File: name, Msg: "no themes"}
	}
	seen := map[string]string{} // key → where it was first listed
	zhSeen := chineseForms(lex.Themes, false, func(_ Theme, f Formulation) string { return fmt.Sprintf("line %d", f.Line) })
	formsSeen := map[string]map[string]string{} // language → key of a form → where it was first listed
	themes := map[string]int{}
	for ti, t := range lex.Themes {
		if strings.TrimSpace(t.Name) == "" {
			return &ParseError{File: name, Line: t.Line, Msg: "theme without a name"}
		}
		if l, ok := themes[t.Name]; ok {
			return &ParseError{File: name, Line: t.Line, Msg: fmt.Sprintf("theme %q listed twice (first at line %d)", t.Name, l)}
		}
		themes[t.Name] = t.Line
		if len(t.Formulations) == 0 {
			return &ParseError{File: name, Line: t.Line, Msg: fmt.Sprintf("theme %q has no formulations", t.Name)}
		}
		for fi, f := range t.Formulations {
			for pi, p := range append([]string{f.Phrase}, f.Variants...) {
				k := Key(p)
				if k == "" {
					return &ParseError{File: name, Line: f.Line, Msg: fmt.Sprintf("empty phrase in theme %q", t.Name)}
				}
				if !hasWord(p) {
					line := f.Line
					if pi > 0 {
						line = lineOf(data, fmt.Sprintf("$.themes[%d].formulations[%d].variants[%d]", ti, fi, pi-1), f.Line)
					}
					return &ParseError{File: name, Line: line, Msg: fmt.Sprintf("%q in theme %q has no letter or digit", p, t.Name)}
				}
				if where, ok := seen[k]; ok {
					return &ParseError{File: name, Line: f.Line, Msg: fmt.Sprintf("%q is listed twice (first at %s)", p, where)}
				}
				seen[k] = fmt.Sprintf("line %d", f.Line)
			}
			if strings.TrimSpace(f.ZH) != "" && !hasWord(f.ZH) {
				line := lineOf(data, fmt.Sprintf("$.themes[%d].formulations[%d].zh", ti, fi), f.Line)
				return &ParseError{File: name, Line: line, Msg: fmt.Sprintf("zh %q of %q has no letter or digit", f.ZH, f.Phrase)}
			}
			if err := checkZHVariants(f, name, data, fmt.Sprintf("$.themes[%d].formulations[%d].zh_variants", ti, fi), zhSeen); err != nil {
				return err
			}
			if err := checkForms(f, name, data, fmt.Sprintf("$.themes[%d].formulations[%d].forms", ti, fi), formsSeen); err != nil {
				return err
			}
		}
	}
	for i, s := range lex.Ignore {
		if !hasWord(s) {
			return &ParseError{File: name, Line: lineOf(data, fmt.Sprintf("$.ignore[%d]", i), 0), Msg: fmt.Sprintf("ignore span %q has no letter or digit", s)}
		}
	}
	for vi, v := range lex.Venues {
		if strings.TrimSpace(v.Venue) == "" || len(v.Patterns) == 0 {
			return &ParseError{File: name, Line: v.Line, Msg: "a venue needs a name and at least one pattern"}
		}
		for pi, p := range v.Patterns {
			if !hasWord(p) {
				line := lineOf(data, fmt.Sprintf("$.venues[%d].patterns[%d]", vi, pi), v.Line)
				return &ParseError{File: name, Line: line, Msg: fmt.Sprintf("pattern %q of venue %q has no letter or digit", p, v.Venue)}
			}
		}
	}
	return nil
}

// chineseForms maps each Chinese form of themes, by its Key, to where
// it stands (what where says of its formulation): zh forms, and with
// variants, the Chinese variants too.
func chineseForms(themes []Theme, variants bool, where func(Theme, Formulation) string) map[string]string {
	out := map[string]string{}
	for _, t := range themes {
		for _, f := range t.Formulations {
			forms := []string{f.ZH}
			if variants {
				forms = append(forms, f.ZHVariants...)
			}
			for _, z := range forms {
				if k := Key(z); k != "" {
					if _, ok := out[k]; !ok {
						out[k] = where(t, f)
					}
				}
			}
		}
	}
	return out
}

// languageCode is what forms may be keyed by: a language's code, as
// ru, ja or pt-br, or a private one (x-…).
var languageCode = regexp.MustCompile(`^([a-z]{2,3}|x)(-[a-z0-9]{1,8})*$`)

// checkForms checks a formulation's forms in other languages (at YAML
// path in data): each keyed by a language code other than en and zh
// (which have phrase and zh), each form with a letter or digit and not
// listed before in its language (seen, which it adds to).
func checkForms(f Formulation, name string, data []byte, path string, seen map[string]map[string]string) error {
	codes := make([]string, 0, len(f.Forms))
	for code := range f.Forms {
		codes = append(codes, code)
	}
	sort.Strings(codes) // the first error is the same every run
	for _, code := range codes {
		switch {
		case code == "en" || code == "zh":
			return &ParseError{File: name, Line: f.Line, Msg: fmt.Sprintf("forms of %q: %s is written as %s", f.Phrase, code, map[string]string{"en": "phrase and variants", "zh": "zh and zh_variants"}[code])}
		case !languageCode.MatchString(code):
			return &ParseError{File: name, Line: f.Line, Msg: fmt.Sprintf("forms of %q: %q is not a language code (ru, ja, pt-br …)", f.Phrase, code)}
		case len(f.Forms[code]) == 0:
			return &ParseError{File: name, Line: f.Line, Msg: fmt.Sprintf("forms of %q in %s: none given", f.Phrase, code)}
		}
		if seen[code] == nil {
			seen[code] = map[string]string{}
		}
		for i, v := range f.Forms[code] {
			line := func() int { return lineOf(data, fmt.Sprintf("%s.%s[%d]", path, code, i), f.Line) }
			if !hasWord(v) {
				return &ParseError{File: name, Line: line(), Msg: fmt.Sprintf("%s form %q of %q has no letter or digit", code, v, f.Phrase)}
			}
			k := Key(v)
			if where, ok := seen[code][k]; ok {
				return &ParseError{File: name, Line: line(), Msg: fmt.Sprintf("%s form %q of %q is listed twice (first at %s)", code, v, f.Phrase, where)}
			}
			seen[code][k] = fmt.Sprintf("line %d", f.Line)
		}
	}
	return nil
}

// checkZHVariants checks a formulation's Chinese variants (at YAML path
// in data): each needs the formulation's zh beside it and a letter or
// digit, and may not be a Chinese form listed before (seen, which it
// adds to). Two formulations may share a zh, as lexicons did before
// Chinese variants: a variant is new and has no such excuse.
func checkZHVariants(f Formulation, name string, data []byte, path string, seen map[string]string) error {
	if len(f.ZHVariants) > 0 && strings.TrimSpace(f.ZH) == "" {
		return &ParseError{File: name, Line: f.Line, Msg: fmt.Sprintf("zh_variants of %q without its zh (the canonical Chinese form comes first)", f.Phrase)}
	}
	for i, v := range f.ZHVariants {
		// the variant's own line, found only for an error: it parses the
		// file again
		line := func() int { return lineOf(data, fmt.Sprintf("%s[%d]", path, i), f.Line) }
		if !hasWord(v) {
			return &ParseError{File: name, Line: line(), Msg: fmt.Sprintf("zh variant %q of %q has no letter or digit", v, f.Phrase)}
		}
		k := Key(v)
		if where, ok := seen[k]; ok {
			return &ParseError{File: name, Line: line(), Msg: fmt.Sprintf("zh variant %q of %q is already a Chinese form (%s)", v, f.Phrase, where)}
		}
		seen[k] = fmt.Sprintf("line %d", f.Line)
	}
	return nil
}

// hasWord reports whether s has a letter or a digit: text made only of
// punctuation and space matches nothing, or everything.
func hasWord(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) >= 0
}

// lineOf returns the line of the node at YAML path in data, or def when
// there is none. It parses data again, so it is for errors only.
func lineOf(data []byte, path string, def int) int {
	p, err := yaml.PathString(path)
	if err != nil {
		return def
	}
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		return def
	}
	n, err := p.FilterFile(f)
	if err != nil || n == nil || n.GetToken() == nil || n.GetToken().Position == nil {
		return def
	}
	return n.GetToken().Position.Line
}

// merge adds ext to base: formulations of a theme both name are appended
// to it, new themes follow, and the lists are joined.
func merge(base, ext *Lexicon) (*Lexicon, error) {
	out := *base
	out.Name, out.Version, out.Extend = ext.Name, ext.Version, ""
	if out.Name == "" {
		out.Name = base.Name + "+" + ext.Sources[0].Name
	}
	out.Themes = nil
	seen := map[string]string{}
	for _, t := range base.Themes {
		t.Formulations = append([]Formulation(nil), t.Formulations...)
		out.Themes = append(out.Themes, t)
		for _, f := range t.Formulations {
			for _, p := range append([]string{f.Phrase}, f.Variants...) {
				seen[Key(p)] = t.Name
			}
		}
	}
	inBase := func(t Theme, _ Formulation) string { return fmt.Sprintf("in theme %q of the default lexicon", t.Name) }
	zhBase := chineseForms(base.Themes, true, inBase) // a new zh variant may be none of these
	zhVar := map[string]string{}                      // nor may a new zh be a variant
	for _, t := range base.Themes {
		for _, f := range t.Formulations {
			for _, v := range f.ZHVariants {
				zhVar[Key(v)] = inBase(t, f)
			}
		}
	}
	for _, t := range ext.Themes {
		for _, f := range t.Formulations {
			for _, p := range append([]string{f.Phrase}, f.Variants...) {
				if theme, ok := seen[Key(p)]; ok {
					return nil, &ParseError{File: f.File, Line: f.Line, Msg: fmt.Sprintf("%q is already in theme %q of the default lexicon", p, theme)}
				}
			}
			if where, ok := zhVar[Key(f.ZH)]; ok {
				return nil, &ParseError{File: f.File, Line: f.Line, Msg: fmt.Sprintf("zh %q is already a Chinese variant %s", f.ZH, where)}
			}
			for _, v := range f.ZHVariants {
				if where, ok := zhBase[Key(v)]; ok {
					return nil, &ParseError{File: f.File, Line: f.Line, Msg: fmt.Sprintf("zh variant %q is already a Chinese form %s", v, where)}
				}
			}
		}
		found := false
		for i := range out.Themes {
			if out.Themes[i].Name == t.Name {
				out.Themes[i].Formulations = append(out.Themes[i].Formulations, t.Formulations...)
				found = true
			}
		}
		if !found {
			out.Themes = append(out.Themes, t)
		}
	}
	out.Ignore = append(append([]string(nil), base.Ignore...), ext.Ignore...)
	out.Venues = append(append([]Venue(nil), base.Venues...), ext.Venues...)
	out.Stopwords = append(append([]string(nil), base.Stopwords...), ext.Stopwords...)
	out.Sources = append(append([]Source(nil), base.Sources...), ext.Sources...)
	return &out, nil
}
