package analyze

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/token"
	"github.com/jdkato/prose/v3/tokenize"
	"github.com/kljensen/snowball/english"
)

// word is one matchable unit of a sentence: a prose token, or one part of
// a hyphenated token ("high-quality" gives "high" and "quality").
type word struct {
	lower      string // lower case, curly apostrophes straight
	stem       string // Porter2 stem of lower
	start, end int    // byte range in the paragraph text
	group      int    // index of the prose token it is part of
	tag        string // part-of-speech tag of that token
}

// tokenizer turns paragraph text into tokens, tags and words. It holds the
// shared prose models and is safe for concurrent use.
type tokenizer struct {
	tok    *tokenize.Tokenizer
	tagger *tag.Tagger
	stems  sync.Map // lower-case word → its Porter2 stem: a text repeats its words
}

func newTokenizer() (*tokenizer, error) {
	tg, err := tag.New()
	if err != nil {
		return nil, err
	}
	return &tokenizer{tok: tokenize.New(), tagger: tg}, nil
}

// clitics are tokens prose splits off a word; they are not words of their own.
var clitics = map[string]bool{"'s": true, "'": true, "n't": true, "'re": true, "'ll": true, "'ve": true, "'d": true, "'m": true}

// isWordToken reports whether a prose token counts as a word: it holds a
// letter or digit and is not a clitic ('s, n't …).
func isWordToken(text string) bool {
	if clitics[foldApostrophe(strings.ToLower(text))] {
		return false
	}
	return strings.IndexFunc(text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
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

func foldApostrophe(s string) string {
	if strings.ContainsRune(s, '’') || strings.ContainsRune(s, '‘') {
		s = strings.NewReplacer("’", "'", "‘", "'").Replace(s)
	}
	return s
}

func isDash(r rune) bool { return r == '-' || r == '‐' || r == '‑' || r == '–' || r == '—' }

// tokens returns the tagged prose tokens of text.
func (t *tokenizer) tokens(text string) []token.Token {
	toks := t.tok.Tokenize(text)
	t.tagger.TagTokens(toks)
	return toks
}

// words splits text into matchable words, with the number of word tokens
// in it (see isWordToken).
func (t *tokenizer) words(text string) ([]word, int) {
	return t.splitWords(t.tokens(text))
}

// untaggedWords is words without part-of-speech tags, for matching
// alone (the matcher never looks at tags): a fifth of the time.
func (t *tokenizer) untaggedWords(text string) []word {
	ws, _ := t.splitWords(t.tok.Tokenize(text))
	return ws
}

// stem returns the Porter2 stem of a lower-case word.
func (t *tokenizer) stem(lower string) string {
	if st, ok := t.stems.Load(lower); ok {
		return st.(string)
	}
	// the cache outlives the text: it keeps copies, not the text's words
	lower = strings.Clone(lower)
	st := english.Stem(lower, false)
	t.stems.Store(lower, st)
	return st
}

// splitWords turns tagged tokens into matchable words.
func (t *tokenizer) splitWords(toks []token.Token) ([]word, int) {
	out := make([]word, 0, len(toks)+4)
	count := 0
	for gi, tk := range toks {
		if isWordToken(tk.Text) {
			count++
		}
		if transparent(tk.Text) {
			continue
		}
		// split on hyphens and dashes inside the token
		start := 0
		for i, r := range tk.Text {
			if isDash(r) && i > 0 {
				out = t.appendWord(out, tk.Text[start:i], tk.Start+start, gi, tk.Tag)
				start = i + utf8.RuneLen(r)
			}
		}
		out = t.appendWord(out, tk.Text[start:], tk.Start+start, gi, tk.Tag)
	}
	return out, count
}

func (t *tokenizer) appendWord(out []word, text string, at, group int, tag string) []word {
	if text == "" {
		return out
	}
	lower := foldApostrophe(strings.ToLower(text))
	return append(out, word{lower: lower, stem: t.stem(lower), start: at, end: at + len(text), group: group, tag: tag})
}

// inflected reports whether a and b (lower case) are inflections of one
// word, beyond sharing a stem: what one adds to their common beginning is
// an inflectional ending (-s, -es, -ies/-y, -ed, -ing, -e), so "forces" is
// "force" and "deepening" is "deepen", but "modernization" is not "modern".
func inflected(a, b string) bool {
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
