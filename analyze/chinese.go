package analyze

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-ego/gse"
	"github.com/liuzl/gocc"
	"golang.org/x/text/width"

	"github.com/issuelens/analyze/analyze/lexicon"
)

// chineseLang is Chinese (zh), written in simplified or traditional
// characters: words from go-ego/gse's embedded dictionary of simplified
// Chinese, formulations matched character by character (so that a
// formulation is found whatever the segmenter made of it), traditional
// characters and full-width letters and digits folded to the forms the
// lexicon writes (liuzl/gocc, OpenCC's tables), dates as 2024年3月5日,
// datelines as 新华社北京3月5日电, headings as 一、 and （一）
// (chinese_layout.go).
type chineseLang struct {
	seg    gse.Segmenter
	segMu  sync.RWMutex // gse's AddToken is not safe beside Cut
	t2s    *gocc.OpenCC
	folded sync.Map // a word → its folded form
	// simple maps a traditional character to its simplified one where
	// both are three bytes of UTF-8 (so a text and its simplified form
	// have the same offsets): made from OpenCC's tables on first use
	simple func() simpleTable
	layout *chineseLayout
	names  *chineseNames
}

// newChinese loads gse's simplified dictionary (about 5 MB, embedded)
// and OpenCC's traditional-to-simplified tables.
func newChinese() (Language, error) {
	c := &chineseLang{layout: newChineseLayout(), names: newChineseNames()}
	// the dictionary's 352,275 words go into a slice made for them: grown
	// an append at a time, copying it was a quarter of the loading
	c.seg.Dict = gse.NewDict()
	c.seg.Dict.Tokens = make([]gse.Token, 0, 360_000)
	c.seg.Init()
	if err := c.seg.LoadDictEmbed("zh_s"); err != nil {
		return nil, fmt.Errorf("loading the Chinese dictionary: %w", err)
	}
	trimDictionary(&c.seg)
	t2s, err := gocc.New("t2s")
	if err != nil {
		return nil, fmt.Errorf("loading the traditional-to-simplified tables: %w", err)
	}
	c.t2s = t2s
	c.simple = sync.OnceValue(func() simpleTable {
		t := simpleTable{to: map[rune]rune{}, changed: map[rune]bool{}}
		for r := rune(0x4E00); r <= 0x9FFF; r++ { // the unified ideographs: three bytes each
			out, err := t2s.Convert(string(r))
			if err != nil || out != string(r) {
				t.changed[r] = true
			}
			if s, n := utf8.DecodeRuneInString(out); err == nil && n == len(out) && s != r && utf8.RuneLen(s) == 3 {
				t.to[r] = s
			}
		}
		return t
	})
	return c, nil
}

// trimDictionary keeps of each of the dictionary's words only its
// frequency and part of speech. gse keeps besides them its text split into
// characters and its pieces for search engines (CutSearch), about 50 MB of
// the 125 the dictionary holds; Cut finds words in the dictionary's trie
// and reads only their frequency and part of speech
// (TestTrimmedDictionary checks that it cuts alike).
func trimDictionary(seg *gse.Segmenter) {
	toks := seg.Dict.Tokens
	for i := range toks {
		toks[i] = seg.ToToken("", toks[i].Freq(), toks[i].Pos())
	}
}

func (*chineseLang) Code() string   { return "zh" }
func (*chineseLang) Script() string { return "Hans" }

// LexiconForms: the entry's Chinese form and its Chinese variants, when
// it has one.
func (*chineseLang) LexiconForms(f lexicon.Formulation) []string {
	return f.FormsIn("zh")
}

// AddWords adds the lexicon's Chinese forms to the segmenter's
// dictionary, so that each formulation is one word for discovery and
// keyness (matching does not need it).
func (c *chineseLang) AddWords(words []string) {
	c.segMu.Lock()
	defer c.segMu.Unlock()
	for _, w := range words {
		_ = c.seg.AddToken(w, 1e5) // a frequency above common words: the form wins its span
	}
}

// Tokens are gse's words (its dictionary, then its hidden Markov model
// for words it does not know), without the spaces between them. Text in
// traditional characters is cut as its simplified form, which gse's
// dictionary knows (日內瓦會議 was cut 日|內瓦會|議關), character for
// character, and the words are taken from the text as written.
func (c *chineseLang) Tokens(text string, _ bool) []Token {
	cut := c.simplified(text)
	c.segMu.RLock()
	words := c.cutWords(cut)
	c.segMu.RUnlock()
	out := make([]Token, 0, len(words))
	at := 0
	for _, w := range words {
		i := strings.Index(cut[at:], w)
		if i < 0 {
			continue // gse changed it; it cannot be placed
		}
		start := at + i
		at = start + len(w)
		if strings.TrimSpace(w) == "" {
			continue
		}
		out = append(out, Token{Text: text[start:at], Start: start})
	}
	return out
}

// maxSegmentRun is the longest run of characters with no punctuation or
// space that gse is given whole. gse's HMM, for the characters its
// dictionary does not join into words, copies its path at each character:
// its time and memory grow with the square of such a run (666,000 of 的
// took 36 s and 1.6 GB). Text has a break every few dozen characters; a
// longer run (a scrape with its punctuation stripped) is cut into pieces
// of this many.
const maxSegmentRun = 1000

// cutWords is gse's words of text, cut in pieces of at most
// maxSegmentRun characters where it runs on without a break.
func (c *chineseLang) cutWords(text string) []string {
	var words []string
	run, start := 0, 0
	for i, r := range text {
		if unicode.IsPunct(r) || unicode.IsSpace(r) {
			run = 0
			continue
		}
		if run++; run > maxSegmentRun {
			words = append(words, c.seg.Cut(text[start:i], true)...)
			start, run = i, 1
		}
	}
	if start == 0 {
		return c.seg.Cut(text, true)
	}
	return append(words, c.seg.Cut(text[start:], true)...)
}

// simplified is text with each traditional character that has a
// simplified one of the same length replaced by it: the same offsets.
// Text without one is returned as it is.
func (c *chineseLang) simplified(text string) string {
	m := c.simple().to
	var b []byte
	for i, r := range text {
		s, ok := m[r]
		if !ok {
			continue
		}
		if b == nil {
			b = []byte(text)
		}
		utf8.EncodeRune(b[i:], s)
	}
	if b == nil {
		return text
	}
	return string(b)
}

// WordToken: a token with a letter (a character) or a digit.
func (*chineseLang) WordToken(text string) bool {
	return strings.IndexFunc(text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// AppendWords makes each Chinese character a word of its own, and a run
// of other letters or digits one word: formulations are matched character
// by character. Quotes and book-title marks are left out, so that a
// quoted formulation still matches (“高质量”发展, “人工智能+”行动); any other
// punctuation, brackets included, is a word of its own, so that no match
// runs across it ("提高质量，发展经济" holds no 高质量发展, "（六）稳定" no 六稳).
// A plus sign is a letter: "人工智能+" is AI Plus, not artificial
// intelligence.
func (*chineseLang) AppendWords(dst []Span, token string) []Span {
	start := -1
	for i, r := range token {
		switch {
		case unicode.Is(unicode.Han, r):
			if start >= 0 {
				dst = append(dst, Span{start, i})
				start = -1
			}
			dst = append(dst, Span{i, i + utf8.RuneLen(r)})
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '+' || r == '＋':
			if start < 0 {
				start = i
			}
		default:
			if start >= 0 {
				dst = append(dst, Span{start, i})
				start = -1
			}
			if !unicode.IsSpace(r) && !cjkTransparent(r) {
				dst = append(dst, Span{i, i + utf8.RuneLen(r)})
			}
		}
	}
	if start >= 0 {
		dst = append(dst, Span{start, len(token)})
	}
	return dst
}

// cjkTransparent reports the quotes and book-title marks a Chinese
// formulation may stand in.
func cjkTransparent(r rune) bool {
	return strings.ContainsRune("“”‘’「」『』\"'《》〈〉", r)
}

// Fold: full-width letters and digits to ASCII, lower case, traditional
// characters to simplified.
func (c *chineseLang) Fold(word string) string {
	// a unified ideograph alone (matching goes character by character)
	// that OpenCC leaves as it is, as it does most: the word itself
	if r, n := utf8.DecodeRuneInString(word); n == len(word) && r >= 0x4E00 && r <= 0x9FFF && !c.simple().changed[r] {
		return word
	}
	if f, ok := c.folded.Load(word); ok {
		return f.(string)
	}
	f := strings.ToLower(width.Narrow.String(word))
	if hasHan(f) {
		if s, err := c.t2s.Convert(f); err == nil {
			f = s
		}
	}
	c.folded.Store(strings.Clone(word), f)
	return f
}

// simpleTable is OpenCC's traditional-to-simplified conversion of the
// unified ideographs one by one.
type simpleTable struct {
	to      map[rune]rune // where both are three bytes of UTF-8
	changed map[rune]bool // every one the conversion changes
}

func hasHan(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
}

// Chinese has no inflection: a word is its own class.
func (*chineseLang) Stem(folded string) string   { return folded }
func (*chineseLang) Inflected(a, b string) bool  { return a == b }
func (*chineseLang) Attaches(folded string) bool { return false }

func (*chineseLang) Conjunction(folded string) bool {
	return folded == "和" || folded == "与" || folded == "及" || folded == "以及"
}

// ListSeparator: the enumeration comma (folded to its half-width form
// "､"); a comma sets off clauses, not the items of a list.
func (*chineseLang) ListSeparator(folded string) bool { return folded == "、" || folded == "､" }

// TermRole, by the part of speech gse's dictionary gives a word: a word
// with a character may stand anywhere in a term, verbs too (补短板, 稳增长
// are formulations), and numbers (四个全面); particles, localizers,
// pronouns and conjunctions only inside one; other tokens break it.
func (c *chineseLang) TermRole(tok Token, folded string) TermRole {
	if !hasHan(tok.Text) {
		return TermBreak
	}
	w := folded // simplified: the dictionary's form
	if w == "" {
		w = c.Fold(tok.Text)
	}
	c.segMu.RLock()
	_, pos, ok := c.seg.Find(w)
	c.segMu.RUnlock()
	if !ok {
		return TermHead // a word the dictionary lacks: a name or a new term
	}
	switch {
	case pos == "f" && utf8.RuneCountInString(tok.Text) > 1:
		// a direction (东部, 西部) opens terms: 东部地区率先发展
	case strings.HasPrefix(pos, "u"), pos == "f", pos == "r", pos == "y", pos == "c":
		// particles (的, 等), localizers (上, 中), pronouns (我们, 各位),
		// modal particles and conjunctions (和) stand inside a term, never
		// at its ends: "基础上", "各位代表", "和完善" are no terms
		return TermLink
	case pos == "e", pos == "o":
		return TermOther
	}
	return TermHead
}

// InName: what follows the formulation makes it part of an institution's
// name (chinese_names.go), read in simplified characters (委員會 is
// 委员会); only the first characters are looked at.
func (c *chineseLang) InName(after string) bool {
	const look = 3 * (maxNameGap + 6) // bytes: the gap, a quote and the longest suffix
	if len(after) > look {
		after = after[:look] // a character cut at the end is no suffix
	}
	return c.names.after(c.simplified(after))
}

func (*chineseLang) WordSeparator() string { return "" }
func (*chineseLang) FormRank(string) int   { return 0 }
