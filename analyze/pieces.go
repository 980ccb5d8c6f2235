package analyze

import (
	"slices"
	"sort"
)

// lexiconWords are the lexicon's forms as the language's folded words,
// indexed by each word they hold, so that discovery can tell a piece of a
// formulation ("structural reform" of "supply-side structural reform")
// and a phrase wrapped around one from a new formulation.
type lexiconWords struct {
	lang   Language
	forms  []lexiconForm
	byWord map[string][]int // word → the forms holding it
}

type lexiconForm struct {
	words  []string
	phrase string // the entry's canonical phrase
}

// newLexiconWords takes the lexicon's forms from the matcher, which has
// them as words already.
func newLexiconWords(m *matcher, lang Language) *lexiconWords {
	lw := &lexiconWords{lang: lang, byWord: map[string][]int{}}
	for _, e := range m.entries {
		words := make([]string, len(e.words))
		for i, w := range e.words {
			words[i] = w.lower
		}
		for _, w := range slices.Compact(slices.Sorted(slices.Values(words))) {
			lw.byWord[w] = append(lw.byWord[w], len(lw.forms))
		}
		lw.forms = append(lw.forms, lexiconForm{words: words, phrase: m.forms[e.form].Phrase})
	}
	return lw
}

// foldedWords is a text's words as the matcher folds them.
func foldedWords(lang Language, text string) []string {
	var out []string
	for _, w := range untaggedWords(lang, text) {
		out = append(out, w.lower)
	}
	return out
}

// pieceOf says how a phrase of words stands to the lexicon's forms: "part
// of X" when it lies within a longer form of X, "holds X" when a shorter
// form of X lies within it, "" when neither (the first form found, in
// lexicon order, names X).
func (lw *lexiconWords) pieceOf(words []string) string {
	best, how := -1, ""
	for _, w := range words {
		for _, i := range lw.byWord[w] {
			f := lw.forms[i].words
			switch {
			case len(f) > len(words) && contains(f, words):
				if best < 0 || i < best {
					best, how = i, "part of "
				}
			case len(f) < len(words) && contains(words, f):
				if best < 0 || i < best {
					best, how = i, "holds "
				}
			}
		}
	}
	if best < 0 {
		return ""
	}
	return how + lw.forms[best].phrase
}

// contains is whether sub stands in seq, word after word.
func contains(seq, sub []string) bool {
	for i := 0; i+len(sub) <= len(seq); i++ {
		if slices.Equal(seq[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// mark sets PartOf on the candidates that are pieces of the lexicon's
// entries or wrapped around one, and moves them after the others.
func (lw *lexiconWords) mark(cs []Candidate) {
	for i := range cs {
		if cs[i].InLexicon == "" {
			cs[i].PartOf = lw.pieceOf(foldedWords(lw.lang, cs[i].Phrase))
		}
	}
	knownLast(cs)
}

// knownLast moves the pieces and wrappers of lexicon entries after the
// other candidates, each part in its order: they are not new.
func knownLast(cs []Candidate) {
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].PartOf == "" && cs[j].PartOf != "" })
}
