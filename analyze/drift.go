package analyze

import (
	"slices"
	"sort"
	"strings"
	"unicode"
)

// ModifierCount is how often a word stood just before a formulation's
// mentions in an issue: its wording ("high-standard socialist market
// economy").
type ModifierCount struct {
	Phrase   string // the formulation's canonical phrase
	Modifier string // the word before it, folded
	Count    int
}

// Modifiers lists the words that stand just before the mentions of each
// formulation (English: the last word of the left context, when it is a
// word of letters and not a stopword of the lexicon; and, for a
// formulation that ends a longer one, the longer one's word before it),
// by phrase and modifier. A language written without spaces has none yet.
func (r *Result) Modifiers() []ModifierCount {
	if r.Language == nil || r.Language.WordSeparator() != " " {
		return nil
	}
	// a formulation that ends another ("socialist market economy" of
	// "high-standard socialist market economy") has, in each mention of
	// the longer one, the word before it there
	type inner struct{ phrase, word string }
	within := map[string][]inner{}
	words := make([][]string, len(r.Formulations))
	for i, f := range r.Formulations {
		words[i] = strings.Fields(strings.ToLower(f.Phrase))
	}
	for i, p := range r.Formulations {
		pw := words[i]
		for j, q := range r.Formulations {
			if qw := words[j]; len(qw) < len(pw) && slices.Equal(pw[len(pw)-len(qw):], qw) {
				within[p.Phrase] = append(within[p.Phrase], inner{q.Phrase, pw[len(pw)-len(qw)-1]})
			}
		}
	}
	counts := map[[2]string]int{}
	for _, m := range r.Mentions {
		if w := Modifier(r.Language, m.Left); w != "" && !r.stop[w] {
			counts[[2]string{m.Phrase, w}]++
		}
		for _, in := range within[m.Phrase] {
			counts[[2]string{in.phrase, in.word}]++
		}
	}
	out := make([]ModifierCount, 0, len(counts))
	for k, n := range counts {
		out = append(out, ModifierCount{Phrase: k[0], Modifier: k[1], Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Phrase != out[j].Phrase {
			return out[i].Phrase < out[j].Phrase
		}
		return out[i].Modifier < out[j].Modifier
	})
	return out
}

// Modifier is the word a left context ends with, folded, when it is a
// word of letters (and hyphens: "high-standard"); "" otherwise (a
// punctuation mark, a number, nothing).
func Modifier(lang Language, left string) string {
	f := strings.Fields(left)
	if len(f) == 0 {
		return ""
	}
	w := f[len(f)-1]
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '-' {
			return ""
		}
	}
	return lang.Fold(w)
}

// Drift is a change of wording: a word before a formulation in the
// report's issue that no earlier issue of its series put there, where
// the series had a usual one.
type Drift struct {
	Phrase   string `json:"phrase"`
	Modifier string `json:"modifier"` // the word now
	Count    int    `json:"count"`    // its mentions so worded now
	Usual    string `json:"usual"`    // the word the series put there most
	UsualIn  int    `json:"usual_in"` // in how many of the issues before
	Window   int    `json:"window"`   // how many issues before were looked at (at most DropWindow)
}

// ListDrift is a change to a set list ("industrial chains, supply chains
// and innovation chains") against the issues before the report's issue:
// items left out (the issue sets out some formulations of a list that at
// least DriftMin of them set out whole, and not the rest, nor the whole
// list anywhere), or the order changed (the issue sets out the whole list
// in an order none of them used, where DriftMin agreed on one).
type ListDrift struct {
	Change  string   `json:"change"`   // ListLeftOut or ListReordered
	Missing []string `json:"missing"`  // the items left out, in the usual list's order (none when reordered)
	Now     []string `json:"now"`      // the list as the issue sets it out
	Count   int      `json:"count"`    // how often it sets it out so
	Usual   []string `json:"usual"`    // the list as the issues before set it out
	UsualIn int      `json:"usual_in"` // in how many of the issues before (in that order, when reordered)
	Window  int      `json:"window"`   // how many issues before were looked at (at most DropWindow)
}

// The changes to a set list (ListDrift.Change).
const (
	ListLeftOut   = "left out"
	ListReordered = "order changed"
)

// SetListMin is how many formulations a list must hold for one left out
// of it to be a change: a list of two that loses one is no list.
const SetListMin = 3
