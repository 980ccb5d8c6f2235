package analyze

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/issuelens/analyze/analyze/lexicon"
)

// toyLang is a made-up language, the least a Language must provide: its
// sentences end at "|", its words stand between spaces or underscores
// and are written joined by "_", a plural adds "ul" ("zorbul" is
// "zorb"), a date heading is "DAY d/m/yyyy", a headline opens with "#",
// a caption with "PIC:", a stage direction is "[clap]", a venue is named
// "@Place", and "et" and ";" coordinate. Nothing of English applies:
// "zorbs" is not "zorb" here, and "." ends no sentence.
type toyLang struct{ date *regexp.Regexp }

func newToy() *toyLang {
	return &toyLang{date: regexp.MustCompile(`^DAY (\d{1,2})/(\d{1,2})/(\d{4})$`)}
}

func (*toyLang) Code() string   { return "x-toy" }
func (*toyLang) Script() string { return "Latn" }

func (*toyLang) Sentences(text string) []Span {
	var out []Span
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '|' {
			s, e := start, i
			for s < e && text[s] == ' ' {
				s++
			}
			for e > s && text[e-1] == ' ' {
				e--
			}
			if e > s {
				out = append(out, Span{s, e})
			}
			start = i + 1
		}
	}
	return out
}

func (*toyLang) Wraps(prev, next string) bool                { return false }
func (*toyLang) Subhead(string) bool                         { return false }
func (*toyLang) Headline(line string) bool                   { return strings.HasPrefix(line, "# ") }
func (*toyLang) TitleLine(line string) bool                  { return false }
func (*toyLang) LineWords(line string) int                   { return len(strings.Fields(line)) }
func (*toyLang) GapTitle(line string) bool                   { return len(strings.Fields(line)) >= 4 }
func (*toyLang) Caption(line string) bool                    { return strings.HasPrefix(line, "PIC:") }
func (*toyLang) FooterMarker(line string) bool               { return false }
func (*toyLang) NavItem(line string) bool                    { return false }
func (*toyLang) ContentsMarker(line string) bool             { return false }
func (*toyLang) Publications() []string                      { return nil }
func (*toyLang) Venues() []VenuePattern                      { return nil }
func (*toyLang) InlineStage(text string) []Span              { return nil }
func (*toyLang) FullDates(text string) []Date                { return nil }
func (*toyLang) Years(text string) []int                     { return nil }
func (*toyLang) Dateline(string) (Date, string, bool)        { return Date{}, "", false }
func (*toyLang) PageLine(string) []PagePiece                 { return nil }
func (*toyLang) SplitDateline(string) (string, string, bool) { return "", "", false }

func (*toyLang) SplitCaption(string) (string, string, bool) {
	return "", "", false
}

func (*toyLang) Stage(line string) (string, bool) {
	return "stage direction", line == "[clap]"
}

func (*toyLang) VenueFinder([]VenuePattern) VenueFinder {
	return func(text string, _ func() string) (string, string, bool) {
		i := strings.IndexByte(text, '@')
		if i < 0 {
			return "", "", false
		}
		cue := strings.Fields(text[i:])[0]
		return cue[1:], cue, true
	}
}

func (t *toyLang) DateLine(line string) (Date, bool) {
	m := t.date.FindStringSubmatch(line)
	if m == nil {
		return Date{}, false
	}
	return makeDate(atoi(m[3]), atoi(m[2]), atoi(m[1]))
}

func (*toyLang) Tokens(text string, _ bool) []Token {
	var out []Token
	start := -1
	for i := 0; i <= len(text); i++ {
		sep := i == len(text) || text[i] == ' ' || text[i] == '_'
		switch {
		case sep && start >= 0:
			out = append(out, Token{Text: text[start:i], Start: start})
			start = -1
		case !sep && start < 0:
			start = i
		}
	}
	return out
}

func (*toyLang) WordToken(text string) bool {
	return strings.IndexFunc(text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

func (*toyLang) AppendWords(dst []Span, token string) []Span {
	return append(dst, Span{0, len(token)})
}

func (*toyLang) Fold(word string) string   { return strings.ToLower(word) }
func (*toyLang) Stem(folded string) string { return strings.TrimSuffix(folded, "ul") }
func (*toyLang) Inflected(a, b string) bool {
	return a == b || a+"ul" == b || b+"ul" == a
}
func (*toyLang) Attaches(string) bool             { return false }
func (*toyLang) Conjunction(folded string) bool   { return folded == "et" }
func (*toyLang) ListSeparator(folded string) bool { return folded == ";" }
func (*toyLang) WordSeparator() string            { return "_" }
func (*toyLang) LexiconForms(f lexicon.Formulation) []string {
	return f.FormsIn("x-toy")
}
func (*toyLang) FormRank(string) int { return 0 }
func (*toyLang) InName(string) bool  { return false }
func (l *toyLang) TermRole(tok Token, _ string) TermRole {
	if !l.WordToken(tok.Text) {
		return TermBreak
	}
	return TermHead
}

// toyIssue is an issue in the toy language. Line numbers: 1 date, 3
// headline, 5 body, 7 caption, 9 stage direction, 11 date, 13 headline,
// 15 body.
const toyIssue = `DAY 5/3/2024

# Zorbs at @Krell

the zorbul blim rises | red et zorb blim | so zorb | blim

PIC: a zorb blim

[clap]

DAY 6/3/2024

# Quiet

zorbs blim et mip gleep | mip gleep zorb blim | gleep zorb blim
`

// TestLanguageSeam reads and analyses an issue in the toy language with
// the reader and analyzer as they are: the structure, sentences, words,
// matches and discovered phrases are the toy's, counted by hand below.
func TestLanguageSeam(t *testing.T) {
	toy := newToy()
	iss, err := NewReaderIn(toy, nil).Read(strings.NewReader(toyIssue), "toy.txt")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range iss.Articles {
		got = append(got, fmt.Sprintf("%s %s %q body %d sentences %d captions %d", a.Date, a.Venue, a.Headline.Text, len(a.Body), a.Sentences(), len(a.Captions)))
	}
	for _, d := range iss.Dropped {
		got = append(got, fmt.Sprintf("dropped %d %s %q", d.Line, d.Kind, d.Text))
	}
	want := []string{
		`2024-03-05 Krell "# Zorbs at @Krell" body 1 sentences 5 captions 1`, // 1 headline sentence, 4 split at "|"
		`2024-03-06 unspecified "# Quiet" body 1 sentences 4 captions 0`,
		`dropped 9 stage direction "[clap]"`,
	}
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w || iss.Language != "x-toy" {
		t.Fatalf("read %q (language %q):\n%s\nwant (x-toy):\n%s", toyIssue, iss.Language, g, w)
	}

	// the toy's forms keyed by its code, beside English glosses
	lex, err := lexicon.Parse(strings.NewReader("themes:\n  - theme: T\n    formulations:\n"+
		"      - {phrase: blue plant, forms: {x-toy: [zorb blim]}}\n      - {phrase: red plant, forms: {x-toy: [red blim]}}\n"), "toy.yaml")
	if err != nil {
		t.Fatal(err)
	}
	res, err := NewAnalyzerIn(toy, lex).Analyze(iss, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got = got[:0]
	for _, m := range res.Mentions {
		got = append(got, fmt.Sprintf("%s %s %d.%d %s=%s", m.Date, m.Part, m.Paragraph, m.Sentence, m.Phrase, m.Matched))
	}
	want = []string{
		"2024-03-05 body 1.1 blue plant=zorbul blim",     // a toy plural
		"2024-03-05 body 1.2 red plant=red et zorb blim", // coordinated by "et"
		"2024-03-05 body 1.2 blue plant=zorb blim",       // "so zorb | blim": not across sentences
		"2024-03-06 body 1.2 blue plant=zorb blim",       // "zorbs blim": no toy plural
		"2024-03-06 body 1.3 blue plant=zorb blim",
	}
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("mentions:\n%s\nwant:\n%s", g, w)
	}
	// word tokens of headline and body; "#" and "|" are none
	// 5 March: Zorbs at @Krell (3), 4 + 4 + 2 + 1 words; 6 March: Quiet (1), 5 + 4 + 3
	if a, b := res.Articles[0].Tokens, res.Articles[1].Tokens; a != 14 || b != 13 {
		t.Errorf("tokens = %d, %d; want 14, 13", a, b)
	}
	found := map[string]string{}
	for _, c := range res.Discovered {
		found[c.Phrase] = fmt.Sprintf("%d %q", c.Count, c.InLexicon)
	}
	// joined by "_"; zorbul merged with zorb; the lexicon entry found again
	// in its written form
	for phrase, want := range map[string]string{"mip_gleep": `2 ""`, "zorb_blim": `4 "blue plant"`} {
		if found[phrase] != want {
			t.Errorf("discovered %s: %q; want %s (all: %v)", phrase, found[phrase], want, found)
		}
	}
}

// TestNewLanguage: the registered codes, the default, and an unknown code.
func TestNewLanguage(t *testing.T) {
	for _, tt := range []struct{ code, want string }{
		{"", "en Latn"}, {"en", "en Latn"}, {"xx", `unknown language "xx" (known: en, zh)`},
	} {
		got := ""
		if lang, err := NewLanguage(tt.code); err != nil {
			got = err.Error()
		} else {
			got = lang.Code() + " " + lang.Script()
		}
		if got != tt.want {
			t.Errorf("NewLanguage(%q) = %s; want %s", tt.code, got, tt.want)
		}
	}
	if got := strings.Join(LanguageCodes(), " "); got != "en zh" {
		t.Errorf("LanguageCodes() = %s; want en zh", got)
	}
}

// TestDetectAmong: a language registered with its letters is told by
// them as Chinese is by its characters; a text of Latin letters stays
// with the default.
func TestDetectAmong(t *testing.T) {
	langs := []knownLanguage{{code: "en"}, {code: "zh", letters: unicode.Han}, {code: "ru", letters: unicode.Cyrillic}}
	for _, tt := range []struct{ text, want string }{
		{strings.Repeat("Новые качественные производительные силы. ", 5), "ru"},
		{strings.Repeat("加快发展新质生产力。", 5), "zh"},
		{"New quality productive forces (новые силы) in Jiangsu, and more words of English around them all.", "en"},
		{"二〇二四年", "zh"},
	} {
		if got := detectAmong([]byte(tt.text), langs); got != tt.want {
			t.Errorf("detectAmong(%.30q) = %s; want %s", tt.text, got, tt.want)
		}
	}
}
