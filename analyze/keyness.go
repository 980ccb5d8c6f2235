package analyze

import (
	"cmp"
	"context"
	"iter"
	"maps"
	"slices"
	"sort"
	"strings"
)

// Words counts word forms (lower case) by day and venue. It merges by addition.
type Words map[GroupKey]map[string]int

// Add merges o into w.
func (w Words) Add(o Words) {
	for k, m := range o {
		if w[k] == nil {
			w[k] = map[string]int{}
		}
		for word, n := range m {
			w[k][word] += n
		}
	}
}

// Kinds of keyness items.
const (
	KeyWord   = "word"
	KeyPhrase = "phrase"
)

// KeyItem is a word or lexicon phrase compared between a group (a day or
// a venue) and the rest of the issue.
type KeyItem struct {
	Group           string // "day 2024-03-05" or "venue Jiangsu delegation"
	Item            string
	Kind            string // word or phrase
	Target          int    // count in the group
	Reference       int    // count in the rest
	TargetTokens    int
	ReferenceTokens int
	LLR             float64 // G²
	LogRatio        float64 // log2 of the ratio of relative frequencies; > 0: more frequent in the group
	P               float64 // p-value of G² (χ², 1 df)
	LowExpected     bool    // an expected count below 5: the p-value is not to be trusted
}

// keyness compares every day and every venue (and, in a corpus, every
// issue) with the rest: all lexicon phrases, and the maxKeyWords most
// distinctive words each way.
// Words are those not in stop; an item needs 2 occurrences in all.
func keyness(c *Counts, w Words, forms []Formulation, stop map[string]bool, ref *Reference, lang Language) []KeyItem {
	type group struct {
		name string
		in   func(GroupKey) bool
	}
	var groups []group
	var dates []string
	seenDate, seenVenue := map[string]bool{}, map[string]bool{}
	for _, k := range c.Groups {
		if k.Date != "" && !seenDate[k.Date] {
			seenDate[k.Date] = true
			dates = append(dates, k.Date)
		}
	}
	sort.Strings(dates)
	for _, d := range dates {
		groups = append(groups, group{"day " + d, func(k GroupKey) bool { return k.Date == d }})
	}
	for _, k := range c.Groups {
		if !seenVenue[k.Venue] {
			seenVenue[k.Venue] = true
			v := k.Venue
			groups = append(groups, group{"venue " + v, func(k GroupKey) bool { return k.Venue == v }})
		}
	}
	var issues []string
	seenIssue := map[string]bool{}
	for _, k := range c.Groups {
		if !seenIssue[k.Issue] {
			seenIssue[k.Issue] = true
			issues = append(issues, k.Issue)
		}
	}
	if len(issues) > 1 { // a corpus: each issue against the others
		for _, is := range issues {
			groups = append(groups, group{"issue " + is, func(k GroupKey) bool { return k.Issue == is }})
		}
	}
	// totals over the issue; a group's reference is the total less the group
	var allTok int
	allWords, allForms := map[string]int{}, make([]int, len(forms))
	for _, k := range c.Groups {
		allTok += c.Tokens[k]
		for word, n := range w[k] {
			allWords[word] += n
		}
		for _, f := range forms {
			allForms[f.ID] += c.Count(k, f.ID)
		}
	}
	perGroup := make([][]KeyItem, len(groups))
	parallel(context.Background(), len(groups), func(gi int) {
		perGroup[gi] = keyItems(groups[gi].name, groups[gi].in, c, w, forms, stop, allTok, allWords, allForms)
	})
	var out []KeyItem
	for _, items := range perGroup {
		out = append(out, items...)
	}
	if ref != nil {
		// the whole issue (or corpus) against the reference corpus
		refForms := make([]int, len(forms))
		for _, f := range forms {
			refForms[f.ID] = ref.Phrases[strings.Join(foldedWords(lang, f.Phrase), " ")]
		}
		out = append(out, scoreKeyItems(KeyAgainstPrefix+ref.Name, stop, forms, allTok, allWords, allForms, ref.Tokens, ref.word, ref.words, refForms)...)
	}
	return out
}

// KeyAgainstPrefix opens the group name of the issue's keyness against
// the reference corpus: "against reference sotu_1945-2006".
const KeyAgainstPrefix = "against reference "

// maxKeyWords is how many words a group keeps in each direction (over-
// and under-represented); lexicon phrases are all kept.
const maxKeyWords = 50

// keyItems compares one group with the rest of the issue.
func keyItems(name string, in func(GroupKey) bool, c *Counts, w Words, forms []Formulation, stop map[string]bool,
	allTok int, allWords map[string]int, allForms []int) []KeyItem {
	var tgtTok int
	tgtWords, tgtForms := map[string]int{}, make([]int, len(forms))
	for _, k := range c.Groups {
		if !in(k) {
			continue
		}
		tgtTok += c.Tokens[k]
		for word, n := range w[k] {
			tgtWords[word] += n
		}
		for _, f := range forms {
			tgtForms[f.ID] += c.Count(k, f.ID)
		}
	}
	refTok := allTok - tgtTok
	if tgtTok == 0 || refTok == 0 {
		return nil // one group is the whole issue: nothing to compare with
	}
	refForms := make([]int, len(forms))
	for i := range forms {
		refForms[i] = allForms[i] - tgtForms[i]
	}
	// the rest of the issue: the totals less the group, worked out as
	// asked (a map of them cost more than the scoring)
	refWord := func(word string) int { return allWords[word] - tgtWords[word] }
	refWords := func(yield func(string, int) bool) {
		for word, n := range allWords {
			if !yield(word, n-tgtWords[word]) {
				return
			}
		}
	}
	return scoreKeyItems(name, stop, forms, tgtTok, tgtWords, tgtForms, refTok, refWord, refWords, refForms)
}

// scoreKeyItems compares a target with a reference, each its tokens, word
// counts and lexicon phrase counts: every phrase, and the maxKeyWords most
// distinctive words each way. The reference's words come as a lookup
// (refWord) and a pass over them all (refWords).
func scoreKeyItems(name string, stop map[string]bool, forms []Formulation, tgtTok int, tgtWords map[string]int, tgtForms []int,
	refTok int, refWord func(string) int, refWords iter.Seq2[string, int], refForms []int) []KeyItem {
	if tgtTok == 0 || refTok == 0 {
		return nil
	}
	// score every word lightly and keep the best each way as they come
	// (a word with a log ratio of 0 is kept in neither); then every
	// phrase; only the kept are sorted and made into items
	var over, under, kept []keyScore
	add := func(item, kind string, a, b int) {
		if a+b < 2 {
			return
		}
		x := keyScore{item, kind, a, b, keynessG2(a, tgtTok, b, refTok), logRatio(a, tgtTok, b, refTok)}
		switch {
		case kind == KeyPhrase:
			kept = append(kept, x)
		case x.lr > 0:
			over = keepBest(over, x)
		case x.lr < 0:
			under = keepBest(under, x)
		}
	}
	for word, n := range tgtWords {
		if !stop[word] {
			add(word, KeyWord, n, refWord(word))
		}
	}
	for word, n := range refWords {
		if _, ok := tgtWords[word]; !ok && !stop[word] {
			add(word, KeyWord, 0, n)
		}
	}
	for _, f := range forms {
		add(f.Phrase, KeyPhrase, tgtForms[f.ID], refForms[f.ID])
	}
	kept = append(append(kept, over...), under...)
	slices.SortFunc(kept, keyScore.compare)
	items := make([]KeyItem, 0, len(kept))
	for _, x := range kept {
		e1, e2 := expected(x.a, tgtTok, x.b, refTok)
		items = append(items, KeyItem{Group: name, Item: x.item, Kind: x.kind, Target: x.a, Reference: x.b,
			TargetTokens: tgtTok, ReferenceTokens: refTok, LLR: x.g2, LogRatio: x.lr,
			P: chiSquareP(x.g2), LowExpected: e1 < 5 || e2 < 5})
	}
	return items
}

// keyScore is an item scored lightly: its counts in the target (a) and
// the reference (b), log-likelihood and log ratio.
type keyScore struct {
	item, kind string
	a, b       int
	g2, lr     float64
}

// compare orders items as keyness lists them: the highest log-likelihood
// first, then phrases before words, then by item.
func (x keyScore) compare(y keyScore) int {
	switch {
	case x.g2 != y.g2:
		return cmp.Compare(y.g2, x.g2)
	case x.kind != y.kind:
		return -strings.Compare(x.kind, y.kind) // phrases before words
	}
	return strings.Compare(x.item, y.item)
}

// keepBest adds x to best, the maxKeyWords first items in compare's order
// seen so far, kept in that order.
func keepBest(best []keyScore, x keyScore) []keyScore {
	if len(best) == maxKeyWords && x.compare(best[len(best)-1]) >= 0 {
		return best // no better than the last kept
	}
	i, _ := slices.BinarySearchFunc(best, x, keyScore.compare)
	if len(best) == maxKeyWords {
		best = best[:len(best)-1]
	}
	return slices.Insert(best, i, x)
}

// KeyAgainstEarlierPrefix opens the group name of the issue's keyness
// against the issues before it in its series: "against earlier issues of
// Beijing Review".
const KeyAgainstEarlierPrefix = "against earlier issues of "

// KeynessAgainst compares the whole result (its WordTotals and mentions)
// with a reference of refTokens word tokens, refWords word counts and
// refForms mentions by canonical phrase: every lexicon phrase and the
// maxKeyWords most distinctive words each way, the lexicon's stopwords
// left out, in a group of the given name.
func (r *Result) KeynessAgainst(name string, refTokens int, refWords map[string]int, refForms map[string]int) []KeyItem {
	tgtTok := r.Counts.TokenTotal()
	tgtForms, refF := make([]int, len(r.Formulations)), make([]int, len(r.Formulations))
	for _, f := range r.Formulations {
		tgtForms[f.ID] = r.Counts.Total(f.ID)
		refF[f.ID] = refForms[f.Phrase]
	}
	return scoreKeyItems(name, r.stop, r.Formulations, tgtTok, r.WordTotals, tgtForms, refTokens, func(w string) int { return refWords[w] }, maps.All(refWords), refF)
}
