package analyze

import (
	"maps"
	"slices"
	"strings"
)

// SetList is formulations set out together as a list in one sentence:
// "industrial chains, supply chains and innovation chains", or the
// coordination "industrial and supply chains" (two). Items are their
// canonical phrases in the order listed, each once.
type SetList struct {
	Items    []string
	Evidence // the sentence, and where it stands
}

// ListCount is how often an issue sets out one list of formulations.
type ListCount struct {
	Items []string // canonical phrases, in the order listed
	Count int
}

// setLists returns the lists among a sentence's matches (spans of text):
// runs of matches of at least two formulations with nothing between one
// and the next but list separators and conjunctions (", ", " and ",
// "、", "和"), or one inside the other (a coordination). Two matches side
// by side with nothing between them, or crossing, are no list.
func (az *Analyzer) setLists(spans []span, text string) [][]string {
	if len(spans) < 2 {
		return nil
	}
	sp := slices.Clone(spans)
	slices.SortFunc(sp, func(a, b span) int {
		if a.from != b.from {
			return a.from - b.from
		}
		return a.to - b.to
	})
	var out [][]string
	var run []string
	flush := func() {
		if len(run) >= 2 {
			out = append(out, run)
		}
		run = nil
	}
	add := func(s span) {
		p := az.m.forms[az.m.entries[s.entry].form].Phrase
		if !slices.Contains(run, p) {
			run = append(run, p)
		}
	}
	add(sp[0])
	for i := 1; i < len(sp); i++ {
		prev, s := sp[i-1], sp[i]
		crossing := prev.from < s.from && s.from < prev.to && prev.to < s.to // 深化改革开放: no list
		if crossing || !az.listed(text, prev.to, s.from) {
			flush()
		}
		add(s)
	}
	flush()
	return out
}

// listed reports whether text[from:to], between two matches, sets them
// out as items of one list: the matches overlap (a coordination), or what
// stands between them is list separators and conjunctions alone.
func (az *Analyzer) listed(text string, from, to int) bool {
	if to <= from {
		return true
	}
	toks := az.lang.Tokens(text[from:to], false)
	if len(toks) == 0 {
		return false
	}
	for _, tk := range toks {
		if f := az.lang.Fold(tk.Text); !az.lang.ListSeparator(f) && !az.lang.Conjunction(f) {
			return false
		}
	}
	return true
}

// ListCounts counts the lists the result sets out (Result.Lists), by
// their items in order.
func (r *Result) ListCounts() []ListCount {
	counts := map[string]int{}
	for _, l := range r.Lists {
		counts[strings.Join(l.Items, "\t")]++
	}
	out := make([]ListCount, 0, len(counts))
	for _, k := range slices.Sorted(maps.Keys(counts)) {
		out = append(out, ListCount{Items: strings.Split(k, "\t"), Count: counts[k]})
	}
	return out
}
