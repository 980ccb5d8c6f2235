package analyze

import (
	"fmt"
	"strings"

	"github.com/issuelens/analyze/analyze/lexicon"
)

// Parts of an article a mention can stand in.
const (
	PartHeadline = "headline"
	PartBody     = "body"
	PartCaption  = "caption"
)

// Options tune an analysis.
type Options struct {
	CountCaptions bool // count mentions in photo captions too
	ContextWords  int  // words of KWIC context on each side (default 8)
}

// Analyzer counts one lexicon's formulations. Build it once with
// NewAnalyzer: it compiles the lexicon and holds the shared prose models.
// It is safe for concurrent use.
type Analyzer struct {
	lex *lexicon.Lexicon
	tk  *tokenizer
	m   *matcher
}

// NewAnalyzer compiles a lexicon for matching.
func NewAnalyzer(lex *lexicon.Lexicon) (*Analyzer, error) {
	tk, err := newTokenizer()
	if err != nil {
		return nil, fmt.Errorf("loading part-of-speech model: %w", err)
	}
	return &Analyzer{lex: lex, tk: tk, m: newMatcher(lex, tk)}, nil
}

// Formulations returns the lexicon's formulations in lexicon order.
func (az *Analyzer) Formulations() []Formulation { return az.m.forms }

// Themes returns the lexicon's theme names in lexicon order.
func (az *Analyzer) Themes() []string {
	var out []string
	for _, t := range az.lex.Themes {
		out = append(out, t.Name)
	}
	return out
}

// Result is what an analysis of one issue found. It is plain data:
// rendering it is for report and charts.
type Result struct {
	Issue        *Issue
	Lexicon      *lexicon.Lexicon
	Options      Options
	Formulations []Formulation // lexicon order
	Themes       []string      // lexicon order
	Articles     []ArticleStats
	Mentions     []Mention // in text order
	Counts       *Counts
}

// ArticleStats are the sizes of one article.
type ArticleStats struct {
	N          int
	Date       Date
	Venue      string
	Headline   string
	Paragraphs int // body paragraphs
	Sentences  int // headline and body
	Tokens     int // word tokens of headline and body
	Captions   int // distinct captions
}

// Mention is one counted occurrence of a formulation, with where it stands.
type Mention struct {
	Article   int
	Date      Date
	Venue     string
	Part      string // headline, body or caption
	Paragraph int    // 1-based within the part
	Sentence  int    // 1-based within the paragraph
	Line      int    // source line of the paragraph
	Form      int    // Formulation.ID
	Theme     string
	Phrase    string // canonical form
	Matched   string // the text as it stands
	Left      string // context words before
	Right     string // context words after
}

// Analyze counts the lexicon's formulations in an issue.
func (az *Analyzer) Analyze(iss *Issue, opt Options) (*Result, error) {
	if opt.ContextWords <= 0 {
		opt.ContextWords = 8
	}
	res := &Result{Issue: iss, Lexicon: az.lex, Options: opt, Formulations: az.m.forms, Themes: az.Themes(), Counts: NewCounts()}
	for i := range iss.Articles {
		a := &iss.Articles[i]
		stats, mentions, counts := az.article(a, opt)
		res.Articles = append(res.Articles, stats)
		res.Mentions = append(res.Mentions, mentions...)
		res.Counts.Add(counts)
	}
	return res, nil
}

// Analyze reads nothing and writes nothing: it counts lex's formulations in
// iss. Build an Analyzer to analyse several issues with one lexicon.
func Analyze(iss *Issue, lex *lexicon.Lexicon, opt Options) (*Result, error) {
	az, err := NewAnalyzer(lex)
	if err != nil {
		return nil, err
	}
	return az.Analyze(iss, opt)
}

// article analyses one article on its own, so that articles can be
// analysed in any order and their counts merged.
func (az *Analyzer) article(a *Article, opt Options) (ArticleStats, []Mention, *Counts) {
	st := ArticleStats{N: a.N, Date: a.Date, Venue: a.Venue, Paragraphs: len(a.Body), Sentences: a.Sentences(), Captions: len(a.Captions)}
	if a.Headline != nil {
		st.Headline = a.Headline.Text
	}
	counts := NewCounts()
	key := GroupKey{Date: a.Date.String(), Venue: a.Venue}
	counts.addGroup(key)
	var mentions []Mention
	do := func(part string, n int, p *Para, counted bool) {
		ms, tokens := az.paragraph(a, part, n, p, opt.ContextWords)
		if part != PartCaption {
			st.Tokens += tokens
		}
		if !counted {
			return
		}
		counts.Tokens[key] += tokens
		for _, m := range ms {
			counts.add(key, m.Form, 1)
		}
		mentions = append(mentions, ms...)
	}
	if a.Headline != nil {
		do(PartHeadline, 1, a.Headline, true)
	}
	for i := range a.Body {
		do(PartBody, i+1, &a.Body[i], true)
	}
	if opt.CountCaptions {
		for i := range a.Captions {
			do(PartCaption, i+1, &a.Captions[i].Para, true)
		}
	}
	return st, mentions, counts
}

// paragraph finds the mentions in one paragraph, sentence by sentence,
// and counts its word tokens.
func (az *Analyzer) paragraph(a *Article, part string, n int, p *Para, ctx int) ([]Mention, int) {
	ws, tokens := az.tk.words(p.Text)
	var out []Mention
	w := 0
	for si, s := range p.Sentences {
		// the words of this sentence: matches never cross sentences
		for w < len(ws) && ws[w].start < s.Start {
			w++
		}
		e := w
		for e < len(ws) && ws[e].start < s.End {
			e++
		}
		for _, sp := range az.m.match(ws[w:e], p.Text) {
			f := az.m.forms[az.m.entries[sp.entry].form]
			out = append(out, Mention{
				Article: a.N, Date: a.Date, Venue: a.Venue, Part: part, Paragraph: n, Sentence: si + 1, Line: p.Line,
				Form: f.ID, Theme: f.Theme, Phrase: f.Phrase, Matched: p.Text[sp.from:sp.to],
				Left: lastWords(p.Text[:sp.from], ctx), Right: firstWords(p.Text[sp.to:], ctx),
			})
		}
		w = e
	}
	return out, tokens
}

func lastWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[len(f)-n:]
	}
	return strings.Join(f, " ")
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}
