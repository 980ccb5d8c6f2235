package analyze

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Where a mention stands in its article, for prominence: the headline,
// the lead (the first body paragraph), the rest of the body, a caption.
const (
	PosHeadline = "headline"
	PosLead     = "lead"
	PosBody     = "body"
	PosCaption  = "caption"
)

// Weights are what a mention counts for in a prominence-weighted count,
// by where it stands.
type Weights struct {
	Headline, Lead, Body, Caption float64
}

// DefaultWeights: a headline mention counts three times, the lead's
// twice, the body's once, a caption's (counted only with CountCaptions)
// half.
func DefaultWeights() Weights { return Weights{Headline: 3, Lead: 2, Body: 1, Caption: 0.5} }

// String writes the weights as ParseWeights reads them.
func (w Weights) String() string {
	f := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	return "headline=" + f(w.Headline) + ",lead=" + f(w.Lead) + ",body=" + f(w.Body) + ",caption=" + f(w.Caption)
}

// Of is the weight of a position.
func (w Weights) Of(pos string) float64 {
	switch pos {
	case PosHeadline:
		return w.Headline
	case PosLead:
		return w.Lead
	case PosCaption:
		return w.Caption
	}
	return w.Body
}

// ParseWeights reads weights written "headline=3,lead=2,body=1,caption=0.5";
// a position left out keeps its default weight. A weight is a number from
// 0 to 100.
func ParseWeights(s string) (Weights, error) {
	w := DefaultWeights()
	for _, part := range strings.Split(s, ",") {
		name, val, ok := strings.Cut(strings.TrimSpace(part), "=")
		v, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
		if !ok || err != nil || v < 0 || v > 100 {
			return w, fmt.Errorf("%q: write POSITION=WEIGHT, a number from 0 to 100 (e.g. headline=3,lead=2,body=1,caption=0.5)", part)
		}
		switch strings.TrimSpace(name) {
		case PosHeadline:
			w.Headline = v
		case PosLead:
			w.Lead = v
		case PosBody:
			w.Body = v
		case PosCaption:
			w.Caption = v
		default:
			return w, fmt.Errorf("%q: no such position (headline, lead, body, caption)", name)
		}
	}
	return w, nil
}

// Position is where the mention stands in its article.
func (m Mention) Position() string {
	switch {
	case m.Part == PosHeadline || m.Part == PosCaption:
		return m.Part
	case m.Paragraph == 1:
		return PosLead
	}
	return PosBody
}

// partOrder reads an article headline first, then its body, then its
// captions.
func partOrder(part string) int {
	switch part {
	case PosHeadline:
		return 0
	case PosCaption:
		return 2
	}
	return 1
}

// rankMentions sets each mention's Rank: the place of its formulation
// among its article's formulations, in the order they first appear
// (headline, then body paragraph by paragraph, then captions); 1 is the
// formulation the article puts first.
func rankMentions(ms []Mention) {
	type art struct {
		issue string
		n     int
	}
	byArticle := map[art][]int{}
	var arts []art
	for i, m := range ms {
		k := art{m.Issue, m.Article}
		if _, ok := byArticle[k]; !ok {
			arts = append(arts, k)
		}
		byArticle[k] = append(byArticle[k], i)
	}
	for _, k := range arts {
		idx := byArticle[k]
		sort.SliceStable(idx, func(a, b int) bool {
			x, y := ms[idx[a]], ms[idx[b]]
			if px, py := partOrder(x.Part), partOrder(y.Part); px != py {
				return px < py
			}
			if x.Paragraph != y.Paragraph {
				return x.Paragraph < y.Paragraph
			}
			return x.Sentence < y.Sentence
		})
		rank := map[int]int{}
		for _, i := range idx {
			if _, ok := rank[ms[i].Form]; !ok {
				rank[ms[i].Form] = len(rank) + 1
			}
			ms[i].Rank = rank[ms[i].Form]
		}
	}
}

// ArticleRef names an article of a result: its issue and number.
type ArticleRef struct {
	Issue   string
	Article int
}

// FirstFormulations gives each article that mentions a formulation the
// one it puts first (Rank 1), by its canonical phrase.
func (r *Result) FirstFormulations() map[ArticleRef]string {
	out := map[ArticleRef]string{}
	for _, m := range r.Mentions {
		if m.Rank == 1 {
			out[ArticleRef{m.Issue, m.Article}] = m.Phrase
		}
	}
	return out
}
