package analyze

import (
	"sort"
)

// Window kinds for co-occurrence.
const (
	WindowSentence  = "sentence"
	WindowParagraph = "paragraph"
)

// ScopeIssue is the co-occurrence scope of the whole issue; other scopes
// are dates.
const ScopeIssue = "issue"

// CoocKey is a scope (ScopeIssue or an ISO date) and a window kind.
type CoocKey struct {
	Scope  string
	Window string
}

// Evidence is the first window holding two themes.
type Evidence struct {
	Issue     string // the issue's name
	Article   int
	Part      string
	Paragraph int
	Sentence  int // 0 for a paragraph window
	Text      string
	seq       int   // the article's place in the issue or corpus, for merging
	order     int64 // position of the window in its article, for merging (see windowOrder)
}

// before reports whether e stands before o in the text.
func (e Evidence) before(o Evidence) bool {
	return e.seq < o.seq || (e.seq == o.seq && e.order < o.order)
}

// Cooc counts windows by the themes they hold. It merges by addition.
type Cooc struct {
	N     map[CoocKey]int                 // windows
	Theme map[CoocKey]map[int]int         // windows holding a theme (by index in Result.Themes)
	Pair  map[CoocKey]map[[2]int]int      // windows holding both of a pair (lower index first)
	First map[CoocKey]map[[2]int]Evidence // the first such window
}

// NewCooc returns empty co-occurrence counts.
func NewCooc() *Cooc {
	return &Cooc{N: map[CoocKey]int{}, Theme: map[CoocKey]map[int]int{}, Pair: map[CoocKey]map[[2]int]int{}, First: map[CoocKey]map[[2]int]Evidence{}}
}

// addWindow counts one window holding the given themes (each once).
func (c *Cooc) addWindow(k CoocKey, themes []int, ev Evidence) {
	c.N[k]++
	if len(themes) == 0 {
		return
	}
	if c.Theme[k] == nil {
		c.Theme[k], c.Pair[k], c.First[k] = map[int]int{}, map[[2]int]int{}, map[[2]int]Evidence{}
	}
	kept := false
	for i, a := range themes {
		c.Theme[k][a]++
		for _, b := range themes[i+1:] {
			p := [2]int{min(a, b), max(a, b)}
			c.Pair[k][p]++
			if _, ok := c.First[k][p]; !ok {
				if !kept {
					ev.Text, kept = keep(ev.Text), true
				}
				c.First[k][p] = ev
			}
		}
	}
}

// Add merges o into c; of two first windows the earlier in the issue stays.
func (c *Cooc) Add(o *Cooc) {
	for k, n := range o.N {
		c.N[k] += n
	}
	for k, m := range o.Theme {
		if c.Theme[k] == nil {
			c.Theme[k], c.Pair[k], c.First[k] = map[int]int{}, map[[2]int]int{}, map[[2]int]Evidence{}
		}
		for t, n := range m {
			c.Theme[k][t] += n
		}
		for p, n := range o.Pair[k] {
			c.Pair[k][p] += n
		}
		for p, ev := range o.First[k] {
			if old, ok := c.First[k][p]; !ok || ev.before(old) {
				c.First[k][p] = ev
			}
		}
	}
}

// PairStat is the co-occurrence of two themes in one scope and window kind.
type PairStat struct {
	Scope, Window string
	A, B          string // theme names, A < B
	Count         int    // windows holding both
	WindowsA      int    // windows holding A
	WindowsB      int    // windows holding B
	Windows       int    // windows in the scope
	Expected      float64
	PMI           float64
	PMIDefined    bool // false when Count is 0
	NPMI          float64
	NPMIDefined   bool   // false when a theme is in no window of the scope
	Note          string // why PMI or NPMI is empty; "" when both are defined
	LLR           float64
	Jaccard       float64
	Evidence      *Evidence // nil when Count is 0
}

// Pairs returns the statistics of pairs of themes: every pair over the
// whole issue (scope "issue"), and for each date the pairs of themes both
// mentioned that day (the others are all zeros); sentence windows before
// paragraph windows; pairs by theme name.
func (c *Cooc) Pairs(themes []string) []PairStat {
	scopes := map[string]bool{}
	for k := range c.N {
		if k.Scope != ScopeIssue {
			scopes[k.Scope] = true
		}
	}
	order := []string{ScopeIssue}
	var dates []string
	for s := range scopes {
		dates = append(dates, s)
	}
	sort.Strings(dates)
	order = append(order, dates...)
	idx := make([]int, len(themes))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return themes[idx[a]] < themes[idx[b]] })
	var out []PairStat
	for _, scope := range order {
		for _, w := range []string{WindowSentence, WindowParagraph} {
			k := CoocKey{scope, w}
			n := c.N[k]
			if n == 0 {
				continue
			}
			for x, i := range idx {
				for _, j := range idx[x+1:] {
					// a day gives the pairs of themes it mentions; the
					// issue gives every pair
					if scope != ScopeIssue && (c.Theme[k][i] == 0 || c.Theme[k][j] == 0) {
						continue
					}
					out = append(out, c.pair(k, themes, i, j))
				}
			}
		}
	}
	return out
}

func (c *Cooc) pair(k CoocKey, themes []string, i, j int) PairStat {
	p := [2]int{min(i, j), max(i, j)}
	n, a, b, both := c.N[k], c.Theme[k][i], c.Theme[k][j], c.Pair[k][p]
	s := PairStat{Scope: k.Scope, Window: k.Window, A: themes[i], B: themes[j], Count: both, WindowsA: a, WindowsB: b, Windows: n}
	s.Expected = float64(a) * float64(b) / float64(n)
	s.PMI, s.PMIDefined = pmi(both, a, b, n)
	s.NPMI, s.NPMIDefined = npmi(both, a, b, n)
	switch {
	case a == 0 && b == 0:
		s.Note = "neither theme is mentioned in these windows: PMI and NPMI undefined"
	case a == 0:
		s.Note = s.A + " is not mentioned in these windows: PMI and NPMI undefined"
	case b == 0:
		s.Note = s.B + " is not mentioned in these windows: PMI and NPMI undefined"
	case both == 0:
		s.Note = "never together: PMI is minus infinity, NPMI -1"
	}
	s.LLR = g2(both, a-both, b-both, n-a-b+both)
	s.Jaccard = jaccard(both, a, b)
	if ev, ok := c.First[k][p]; ok {
		s.Evidence = &ev
	}
	return s
}

// shifted returns c with its articles' places moved by off, for merging
// the counts of issues that follow one another.
func (c *Cooc) shifted(off int) *Cooc {
	out := &Cooc{N: c.N, Theme: c.Theme, Pair: c.Pair, First: map[CoocKey]map[[2]int]Evidence{}}
	for k, m := range c.First {
		out.First[k] = make(map[[2]int]Evidence, len(m))
		for p, ev := range m {
			ev.seq += off
			out.First[k][p] = ev
		}
	}
	return out
}
