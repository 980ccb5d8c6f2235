package analyze

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/segment"
	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/token"
	"github.com/jdkato/prose/v3/tokenize"
	porter2 "github.com/kljensen/snowball/english"

	"github.com/issuelens/analyze/analyze/lexicon"
)

// englishLang is English, the first Language: prose's sentence model,
// tokenizer and part-of-speech tagger, the Porter2 stemmer with an
// inflection rule, English month names and datelines, capital-letter
// headline tests and the caption, stage, footer and venue patterns of
// English-language news sites (english_layout.go, english_dates.go,
// english_venues.go).
type englishLang struct {
	seg     *segment.Segmenter
	tok     *tokenize.Tokenizer
	tagger  *tag.Tagger
	stems   sync.Map // lower-case word → its Porter2 stem: a text repeats its words
	clitics map[string]bool
	layout  *englishLayout
	dates   *englishDates
}

// newEnglish loads the prose models and compiles the patterns.
func newEnglish() (Language, error) {
	seg, err := segment.New()
	if err != nil {
		return nil, fmt.Errorf("loading sentence model: %w", err)
	}
	tg, err := tag.New()
	if err != nil {
		return nil, fmt.Errorf("loading part-of-speech model: %w", err)
	}
	return &englishLang{
		seg: seg, tok: tokenize.New(), tagger: tg,
		// tokens prose splits off a word; they are not words of their own
		clitics: map[string]bool{"'s": true, "'": true, "n't": true, "'re": true, "'ll": true, "'ve": true, "'d": true, "'m": true},
		layout:  newEnglishLayout(),
		dates:   newEnglishDates(),
	}, nil
}

func (*englishLang) Code() string   { return "en" }
func (*englishLang) Script() string { return "Latn" }

// Sentences splits text with prose's sentence model, and where a full
// stop runs into the next sentence without a space ("new growth
// drivers.We took …", as in the official English of the 2017 Government
// Work Report): a word in lower case, the stop, a capitalised word.
func (e *englishLang) Sentences(text string) []Span {
	sents := e.seg.Segment(text)
	out := make([]Span, 0, len(sents))
	for _, s := range sents {
		start, end := s.Start, s.End()
		for _, at := range runTogether(text[start:end]) {
			out = append(out, Span{start, start + at})
			start += at
		}
		out = append(out, Span{start, end})
	}
	return out
}

// splitRunTogether splits a token holding two sentences run together
// ("drivers.We") into the word, the stop and the next word, so that both
// words match and are tagged as words.
func splitRunTogether(toks []token.Token) []token.Token {
	for i := 0; i < len(toks); i++ {
		at := runTogether(toks[i].Text)
		if len(at) == 0 {
			continue
		}
		tk := toks[i]
		var parts []token.Token
		from := 0
		for _, a := range at {
			parts = append(parts, token.Token{Text: tk.Text[from : a-1], Start: tk.Start + from}, token.Token{Text: ".", Start: tk.Start + a - 1})
			from = a
		}
		parts = append(parts, token.Token{Text: tk.Text[from:], Start: tk.Start + from})
		toks = append(toks[:i], append(parts, toks[i+1:]...)...)
		i += len(parts) - 1
	}
	return toks
}

// runTogether returns the offsets in a sentence just after each full stop
// that ends a sentence with no space after it: a lower-case letter before
// it ("drivers.We"), an upper-case letter then a lower-case one after it
// (so "U.S." and "3.5" stay whole).
func runTogether(s string) []int {
	var out []int
	for i := 1; i+2 < len(s); i++ {
		if s[i] == '.' && s[i-1] >= 'a' && s[i-1] <= 'z' && s[i+1] >= 'A' && s[i+1] <= 'Z' && s[i+2] >= 'a' && s[i+2] <= 'z' {
			out = append(out, i+1)
		}
	}
	return out
}

// Tokens splits text with prose's tokenizer, tagging with its tagger.
func (e *englishLang) Tokens(text string, tags bool) []Token {
	toks := splitRunTogether(e.tok.Tokenize(text))
	if tags {
		e.tagger.TagTokens(toks)
	}
	out := make([]Token, len(toks))
	for i, tk := range toks {
		out[i] = Token{Text: tk.Text, Start: tk.Start, Tag: tk.Tag}
	}
	return out
}

// WordToken: a token holding a letter or digit that is not a clitic ('s,
// n't …).
func (e *englishLang) WordToken(text string) bool {
	if e.clitics[e.Fold(text)] {
		return false
	}
	return strings.IndexFunc(text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// AppendWords skips quotes and brackets and splits a token on the
// hyphens and dashes inside it.
func (e *englishLang) AppendWords(dst []Span, token string) []Span {
	if transparent(token) {
		return dst
	}
	start := 0
	for i, r := range token {
		if isDash(r) && i > 0 {
			dst = append(dst, Span{start, i})
			start = i + utf8.RuneLen(r)
		}
	}
	return append(dst, Span{start, len(token)})
}

// transparent tokens (quotes and brackets) are skipped when matching, so
// a quoted or bracketed formulation still matches.
func transparent(text string) bool {
	for _, r := range text {
		if !strings.ContainsRune("\"“”‘’'`()[]{}«»", r) {
			return false
		}
	}
	return true
}

func isDash(r rune) bool { return r == '-' || r == '‐' || r == '‑' || r == '–' || r == '—' }

// Fold: lower case, curly apostrophes straight.
func (*englishLang) Fold(word string) string { return foldApostrophe(strings.ToLower(word)) }

func foldApostrophe(s string) string {
	if strings.ContainsRune(s, '’') || strings.ContainsRune(s, '‘') {
		s = strings.NewReplacer("’", "'", "‘", "'").Replace(s)
	}
	return s
}

// Stem returns the Porter2 stem of a lower-case word.
func (e *englishLang) Stem(lower string) string {
	if st, ok := e.stems.Load(lower); ok {
		return st.(string)
	}
	// the cache outlives the text: it keeps copies, not the text's words
	lower = strings.Clone(lower)
	st := porter2.Stem(lower, false)
	e.stems.Store(lower, st)
	return st
}

// Inflected reports whether a and b (lower case) are inflections of one
// word, beyond sharing a stem: what one adds to their common beginning is
// an inflectional ending (-s, -es, -ies/-y, -ed, -ing, -e), so "forces" is
// "force" and "deepening" is "deepen", but "modernization" is not "modern".
func (*englishLang) Inflected(a, b string) bool {
	if a == b {
		return true
	}
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return inflectional(a[n:], a[:n]) && inflectional(b[n:], b[:n])
}

func inflectional(tail, stem string) bool {
	switch tail {
	case "", "s", "es", "e", "ed", "d", "ing", "y", "ies", "ied", "ying", "'s":
		return true
	}
	// a doubled final consonant: "stopped", "stopping"
	if len(tail) > 1 && len(stem) > 0 && tail[0] == stem[len(stem)-1] {
		switch tail[1:] {
		case "ed", "ing", "er":
			return true
		}
	}
	return false
}

// Attaches: the clitics prose splits off ('s, n't …).
func (e *englishLang) Attaches(folded string) bool { return e.clitics[folded] }

func (*englishLang) Conjunction(folded string) bool   { return folded == "and" || folded == "or" }
func (*englishLang) ListSeparator(folded string) bool { return folded == "," }

// TermRole follows the part-of-speech shape of English terms: adjectives
// and nouns ending in a noun, with "of", "in", "for" or "and" allowed
// between ("strategic capabilities in emerging areas", "economic and
// social development"); a participle may stand
// before the noun ("emerging areas", "modernized system").
func (*englishLang) TermRole(tok Token, folded string) TermRole {
	switch {
	case strings.IndexFunc(tok.Text, unicode.IsLetter) < 0:
		return TermBreak
	case strings.HasPrefix(tok.Tag, "NN"):
		return TermHead
	case strings.HasPrefix(tok.Tag, "JJ"), tok.Tag == "VBG", tok.Tag == "VBN":
		return TermModifier
	case tok.Tag == "IN" && (folded == "of" || folded == "in" || folded == "for"),
		tok.Tag == "CC" && folded == "and": // "economic and social development"
		return TermLink
	}
	return TermOther
}

// InName: never; English institutions whose names hold a formulation
// are the lexicon's ignore spans.
func (*englishLang) InName(string) bool { return false }

func (*englishLang) WordSeparator() string { return " " }

// NameLike: a phrase whose every word but the small ones (of, and, the …)
// begins with a capital wherever it stands, as names and titles are
// written ("State Council", "Communist Party of China", "Esteemed
// Deputies"); a formulation is written in lower case in running text.
// So is a body, an office or an occasion named in lower case: a phrase
// that ends with one of officeWords ("local governments", "political
// advisors", "national legislature", "press conference").
func (*englishLang) NameLike(form string) bool {
	if f := strings.Fields(strings.ToLower(form)); len(f) > 1 && slices.Contains(officeWords, f[len(f)-1]) {
		return true
	}
	words := 0
	for _, w := range strings.Fields(form) {
		switch strings.ToLower(w) {
		case "of", "and", "the", "for", "in", "at", "its", "on", "to", "a", "an", "with":
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsDigit(r): // "14th National People's Congress"
			continue
		case !unicode.IsUpper(r):
			return false
		}
		words++
	}
	return words > 0
}

// officeWords end the names of bodies, offices and occasions, in the
// singular and the plural.
var officeWords = []string{
	"government", "governments", "minister", "ministers", "ministry", "ministries", "advisor", "advisors", "adviser", "advisers",
	"legislature", "legislatures", "congress", "committee", "committees", "council", "councils", "commission", "commissions",
	"department", "departments", "bureau", "bureaus", "agency", "agencies", "office", "offices", "conference", "conferences",
	"session", "sessions", "meeting", "meetings", "group", "report", "reports", "assembly", "spokesperson", "spokesman",
}

// LexiconForms: the phrase and its variants.
func (*englishLang) LexiconForms(f lexicon.Formulation) []string {
	return f.FormsIn("en")
}

// FormRank prefers a form not in title case (a headline's capitals), then
// one in lower case (not a sentence's opening capital).
func (*englishLang) FormRank(form string) int {
	n := 0
	if !titleCase(form) && !allCaps(form) {
		n += 2
	}
	if r, _ := utf8.DecodeRuneInString(form); unicode.IsLower(r) {
		n++ // not capitalised only for opening a sentence
	}
	return n
}
