package analyze

import (
	"slices"
	"sort"
	"strings"

	"github.com/issuelens/analyze/analyze/lexicon"
)

// Formulation is one lexicon formulation as the analysis refers to it.
type Formulation struct {
	ID     int // position in lexicon order
	Theme  string
	Phrase string // canonical form
	ZH     string
}

// entry is one wording (the canonical phrase or a variant) of a
// formulation, as words to match.
type entry struct {
	form  int // Formulation.ID
	words []word
	exact bool
}

// matcher finds formulations in sentences.
type matcher struct {
	forms   []Formulation
	entries []entry
	byStem  map[string][]int // entries by the stem of their first word
	byLower map[string][]int // exact entries by their first word
	ignore  [][]word
	lang    Language
}

// FormulationsOf lists a lexicon's formulations in its order, numbered
// from 0 (the IDs an Analyzer of it counts under); it loads no models.
func FormulationsOf(lex *lexicon.Lexicon) []Formulation {
	var out []Formulation
	for _, th := range lex.Themes {
		for _, f := range th.Formulations {
			out = append(out, Formulation{ID: len(out), Theme: th.Name, Phrase: f.Phrase, ZH: f.ZH})
		}
	}
	return out
}

// ThemesOf lists a lexicon's theme names in its order.
func ThemesOf(lex *lexicon.Lexicon) []string {
	var out []string
	for _, t := range lex.Themes {
		out = append(out, t.Name)
	}
	return out
}

func newMatcher(lex *lexicon.Lexicon, lang Language) *matcher {
	m := &matcher{byStem: map[string][]int{}, byLower: map[string][]int{}, lang: lang}
	m.forms = FormulationsOf(lex)
	id := 0
	for _, th := range lex.Themes {
		for _, f := range th.Formulations {
			for _, p := range lang.LexiconForms(f) {
				ws := untaggedWords(lang, p)
				if len(ws) == 0 {
					continue
				}
				e := entry{form: id, words: ws, exact: f.Exact}
				m.entries = append(m.entries, e)
				k := len(m.entries) - 1
				if e.exact {
					m.byLower[ws[0].lower] = append(m.byLower[ws[0].lower], k)
				} else {
					m.byStem[ws[0].stem] = append(m.byStem[ws[0].stem], k)
				}
			}
			id++
		}
	}
	for _, s := range lex.Ignore {
		if ws := untaggedWords(lang, s); len(ws) > 0 {
			m.ignore = append(m.ignore, ws)
		}
	}
	return m
}

// span is a match of an entry over words [i, j) of a sentence; from, to
// are byte offsets in the paragraph (a coordination reaches back from the
// entry's own words to its modifier).
type span struct {
	entry    int
	i, j     int
	from, to int
}

// wordMatches reports whether text word w matches entry word e: the
// same folded word, or for an entry that is not exact, an inflection of
// it (see Language.Inflected).
func (m *matcher) wordMatches(e, w word, exact bool) bool {
	if exact {
		return e.lower == w.lower
	}
	return e.stem == w.stem && m.lang.Inflected(e.lower, w.lower)
}

// entryAt reports whether entry k matches ws from position i.
func (m *matcher) entryAt(k int, ws []word, i int, masked []bool) bool {
	e := m.entries[k]
	if i+len(e.words) > len(ws) {
		return false
	}
	for n, ew := range e.words {
		if masked[i+n] || !m.wordMatches(ew, ws[i+n], e.exact) {
			return false
		}
	}
	return true
}

// match finds the formulations in one sentence's words. Ignored spans are
// masked first; a match inside a longer one is not counted, two that
// cross (深化改革开放: deepen reform, reform and opening up) both are;
// coordinated modifiers ("industrial and supply chains") add the forms
// they stand for; an acronym in brackets right after its full form
// ("… Conference (CPPCC)") is not counted again.
func (m *matcher) match(ws []word, text string) []span {
	return m.matchMasked(ws, text, m.mask(ws))
}

// mask marks the words inside ignored spans (official titles).
func (m *matcher) mask(ws []word) []bool {
	masked := make([]bool, len(ws))
	for _, ig := range m.ignore {
		for i := 0; i+len(ig) <= len(ws); i++ {
			ok := true
			for n := range ig {
				if ig[n].lower != ws[i+n].lower {
					ok = false
					break
				}
			}
			if ok {
				for n := range ig {
					masked[i+n] = true
				}
			}
		}
	}
	return masked
}

// matchMasked is match with the mask already made.
func (m *matcher) matchMasked(ws []word, text string, masked []bool) []span {
	all := m.candidates(ws, masked)
	if named := m.maskNames(all, text, masked); named != nil {
		masked = named
		all = m.candidates(ws, masked)
	}
	// longest first, then leftmost, then lexicon order
	sort.SliceStable(all, func(a, b int) bool {
		la, lb := all[a].j-all[a].i, all[b].j-all[b].i
		if la != lb {
			return la > lb
		}
		if all[a].i != all[b].i {
			return all[a].i < all[b].i
		}
		return all[a].entry < all[b].entry
	})
	// a match wholly inside a longer one kept (or over the same words as
	// one earlier in the lexicon) is no mention of its own; matches that
	// cross, each with words of its own, are both mentions
	covered := make([]bool, len(ws))
	var kept []span
	for _, s := range all {
		if slices.ContainsFunc(kept, func(k span) bool { return k.i <= s.i && s.j <= k.j }) {
			continue
		}
		for n := s.i; n < s.j; n++ {
			covered[n] = true
		}
		kept = append(kept, s)
	}
	sort.Slice(kept, func(a, b int) bool { return kept[a].i < kept[b].i })
	kept = m.dropBracketedAcronyms(kept, text)
	kept = append(kept, m.coordinated(kept, ws, masked, covered)...)
	if m.lang.WordSeparator() == "" {
		kept = append(kept, m.sharedPrefix(kept, ws, text, masked)...)
	}
	sort.SliceStable(kept, func(a, b int) bool { return kept[a].from < kept[b].from })
	return kept
}

// candidates are the matches of every entry in ws, overlapping as they
// stand, none over a masked word.
func (m *matcher) candidates(ws []word, masked []bool) []span {
	var all []span
	for i, w := range ws {
		if masked[i] {
			continue
		}
		for _, k := range m.byStem[w.stem] {
			if m.entryAt(k, ws, i, masked) {
				all = append(all, m.spanOf(k, ws, i))
			}
		}
		for _, k := range m.byLower[w.lower] {
			if m.entryAt(k, ws, i, masked) {
				all = append(all, m.spanOf(k, ws, i))
			}
		}
	}
	return all
}

// maskNames masks the words of the candidates that are part of an
// institution's name (Language.InName: 信息化 in 工业和信息化部): it returns
// a new mask with them, or nil when there are none.
func (m *matcher) maskNames(all []span, text string, masked []bool) []bool {
	var out []bool
	for _, s := range all {
		if !m.lang.InName(text[s.to:]) {
			continue
		}
		if out == nil {
			out = append([]bool(nil), masked...)
		}
		for n := s.i; n < s.j; n++ {
			out[n] = true
		}
	}
	return out
}

func (m *matcher) spanOf(k int, ws []word, i int) span {
	j := i + len(m.entries[k].words)
	return span{entry: k, i: i, j: j, from: ws[i].start, to: ws[j-1].end}
}

// dropBracketedAcronyms removes a match standing alone in brackets right
// after a match of the same formulation.
func (m *matcher) dropBracketedAcronyms(spans []span, text string) []span {
	out := spans[:0]
	for n, s := range spans {
		if n > 0 && s.from >= out[len(out)-1].to { // not across a crossing match
			prev := out[len(out)-1]
			between := strings.TrimSpace(text[prev.to:s.from])
			after := strings.TrimLeft(text[s.to:], " ")
			if m.entries[prev.entry].form == m.entries[s.entry].form && between == "(" && strings.HasPrefix(after, ")") {
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

// coordinated finds modifiers coordinated with a match: in "X and Y Z" or
// "W, X and Y Z" (the conjunctions and separators of the language), where
// "Y Z" matched, each of "X Z" and "W Z" that is a
// lexicon entry is a mention too, spanning the whole coordination.
func (m *matcher) coordinated(spans []span, ws []word, masked, covered []bool) []span {
	var out []span
	for _, s := range spans {
		// the head: the matched words after the first token group
		h := s.i
		for h < s.j && ws[h].group == ws[s.i].group {
			h++
		}
		if h == s.i || h == s.j {
			continue // a one-group match has no head to share
		}
		head := ws[h:s.j]
		p := s.i - 1 // expect a conjunction
		if p < 0 || !m.lang.Conjunction(ws[p].lower) {
			continue
		}
		p--
		if p >= 0 && m.lang.ListSeparator(ws[p].lower) {
			p--
		}
		for p >= 0 {
			// the modifier: the whole token group ending at p
			q := p
			for q > 0 && ws[q-1].group == ws[p].group {
				q--
			}
			if covered[q] || masked[q] || !m.lang.WordToken(ws[q].lower) {
				break
			}
			mod := ws[q : p+1]
			k, ok := m.entryFor(mod, head)
			if !ok {
				break
			}
			out = append(out, span{entry: k, i: q, j: s.j, from: ws[q].start, to: ws[s.j-1].end})
			p = q - 1
			if p < 0 || !m.lang.ListSeparator(ws[p].lower) {
				break
			}
			p--
		}
	}
	return out
}

// sharedPrefix finds coordination written the Chinese way, a modifier
// shared by a list whose items are set off by the list separator
// ("新型工业化、信息化、城镇化、农业现代化": the new type of industrialization,
// IT application, urbanization and agricultural modernization): where the
// first item matched an entry, each later item with the first item's
// leading characters before it that is a lexicon entry ("新型" + "城镇化")
// is a mention too, spanning the first item's start to the item's end.
// The longest such modifier wins; an item that is an entry on its own
// ("信息化") is counted as itself already.
func (m *matcher) sharedPrefix(spans []span, ws []word, text string, masked []bool) []span {
	var out []span
	for _, s := range spans {
		if s.j-s.i < 2 || s.j >= len(ws) {
			continue
		}
		// the items after the match: runs of words with nothing between
		// them, each opened by a list separator
		for start := s.j; start < len(ws); {
			// the separator: a word of its own, or what stands between two
			if m.lang.ListSeparator(ws[start].lower) && start+1 < len(ws) {
				start++
			} else if !m.lang.ListSeparator(strings.TrimSpace(text[ws[start-1].end:ws[start].start])) {
				break
			}
			end := start + 1
			for end < len(ws) && ws[end].start == ws[end-1].end && m.lang.WordToken(ws[end].lower) {
				end++
			}
			if masked[start] {
				break
			}
			item := ws[start:end]
			for l := s.j - s.i - 1; l >= 1; l-- {
				if k, ok := m.entryFor(ws[s.i:s.i+l], item); ok {
					out = append(out, span{entry: k, i: s.i, j: end, from: ws[s.i].start, to: ws[end-1].end})
					break
				}
			}
			start = end
		}
	}
	return out
}

// entryFor returns the entry whose words are exactly mod followed by head.
func (m *matcher) entryFor(mod, head []word) (int, bool) {
	seq := append(append([]word(nil), mod...), head...)
	masked := make([]bool, len(seq))
	for _, k := range m.byStem[seq[0].stem] {
		if len(m.entries[k].words) == len(seq) && m.entryAt(k, seq, 0, masked) {
			return k, true
		}
	}
	for _, k := range m.byLower[seq[0].lower] {
		if len(m.entries[k].words) == len(seq) && m.entryAt(k, seq, 0, masked) {
			return k, true
		}
	}
	return 0, false
}
