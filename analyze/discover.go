package analyze

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/token"
	"github.com/kljensen/snowball/english"
)

// dtok is a token as discovery sees it: a clitic joined to its word
// ("people's"), with its tag and what stops a phrase at it.
type dtok struct {
	text   string // as in the text
	key    string // lower case; inflected forms merge later (see discover)
	tag    string
	stop   bool // a stopword: may not open or close a phrase
	breaks bool // punctuation, a number or an ignored span: no phrase crosses it
	match  int  // the lexicon match the token is part of, or -1
}

// termStat is a candidate phrase's tally. It merges by addition.
type termStat struct {
	words    int
	count    int
	pattern  bool           // its words follow a part-of-speech pattern of terms
	articles articleSet     // where it occurs (places of articles in the text)
	first    string         // the first form seen (in the earliest example)
	form0    string         // a form, held outside the map
	n0       int            // how often it is written as form0
	forms    map[string]int // other ways it is written; nil while there are none (most phrases)
	example  Evidence       // the first sentence holding it
	free     int            // occurrences outside every lexicon match
	crosses  int            // occurrences that cut across a lexicon match
	whole    int            // occurrences that are exactly one lexicon match
}

// Terms are the candidate phrases of a text by key.
type Terms map[string]*termStat

// Add merges o into t; o is not changed.
func (t Terms) Add(o Terms) {
	for k, s := range o {
		t.add(k, s)
	}
}

// absorb merges o into t, taking o's tallies over where t has none:
// cheaper than Add, for an o that is not used again.
func (t Terms) absorb(o Terms) {
	for k, s := range o {
		if d, ok := t[k]; ok {
			d.merge(s)
		} else {
			t[k] = s
		}
	}
}

// add merges one tally into t under key k.
func (t Terms) add(k string, s *termStat) {
	d, ok := t[k]
	if !ok {
		c := *s
		c.articles, c.forms, c.n0 = articleSet{}, nil, 0
		c.count, c.free, c.crosses, c.whole = 0, 0, 0, 0
		d = &c
		t[k] = d
	}
	d.merge(s)
}

// merge adds tally s to d.
func (d *termStat) merge(s *termStat) {
	d.count += s.count
	d.free += s.free
	d.crosses += s.crosses
	d.whole += s.whole
	d.pattern = d.pattern || s.pattern
	d.articles.merge(&s.articles)
	d.addForm(s.form0, s.n0)
	for f, n := range s.forms {
		d.addForm(f, n)
	}
	if s.example.before(d.example) {
		d.example, d.first = s.example, s.first
	}
}

// shifted returns t with its articles' places moved by off.
func (t Terms) shifted(off int) Terms {
	out := make(Terms, len(t))
	for k, s := range t {
		c := *s
		c.articles = s.articles.shifted(off)
		c.example.seq += off
		out[k] = &c
	}
	return out
}

// addForm records n occurrences written as f.
func (s *termStat) addForm(f string, n int) {
	switch {
	case n == 0:
	case f == s.form0:
		s.n0 += n
	default:
		if s.forms == nil {
			s.forms = map[string]int{}
		}
		s.forms[f] += n
	}
}

// addFormBytes records one occurrence written as f, making a string of f
// only for a form not seen before.
func (s *termStat) addFormBytes(f []byte) {
	switch {
	case string(f) == s.form0:
		s.n0++
	case s.forms != nil:
		if _, ok := s.forms[string(f)]; ok {
			s.forms[string(f)]++
			return
		}
		s.forms[string(f)] = 1
	default:
		s.forms = map[string]int{string(f): 1}
	}
}

// formCounts returns every written form with its count.
func (s *termStat) formCounts() map[string]int {
	out := map[string]int{s.form0: s.n0}
	for f, n := range s.forms {
		out[f] += n
	}
	return out
}

// discoveryTokens prepares a sentence's tokens for discovery. first is
// the index of toks[0] in the paragraph, the index masked and match use.
func discoveryTokens(toks []token.Token, masked map[int]bool, match map[int]int, first int, stop map[string]bool) []dtok {
	var out []dtok
	for i, tk := range toks {
		lower := foldApostrophe(strings.ToLower(tk.Text))
		if clitics[lower] && len(out) > 0 && !out[len(out)-1].breaks {
			prev := &out[len(out)-1]
			prev.text += tk.Text
			prev.key += lower
			continue
		}
		d := dtok{text: tk.Text, key: lower, tag: tk.Tag, stop: stop[lower], match: -1}
		if m, ok := match[first+i]; ok {
			d.match = m
		}
		hasLetter := strings.IndexFunc(tk.Text, unicode.IsLetter) >= 0
		d.breaks = !hasLetter || masked[first+i] || transparent(tk.Text)
		out = append(out, d)
	}
	return out
}

// maxTermWords is the longest candidate phrase.
const maxTermWords = 6

// candidates tallies the phrases of 2 to 6 words in a sentence that
// neither open nor close with a stopword and cross no break.
func (t Terms) candidates(ds []dtok, article int, ev Evidence) {
	// keys and forms grow a word at a time in reused buffers; a string is
	// made only for a phrase or form not seen before (map lookups with
	// string(buf) do not allocate)
	var key, form []byte
	for i := range ds {
		if ds[i].breaks || ds[i].stop {
			continue
		}
		key = append(key[:0], ds[i].key...)
		form = append(form[:0], ds[i].text...)
		for j := i + 1; j < len(ds) && j-i < maxTermWords; j++ {
			if ds[j].breaks {
				break
			}
			key = append(append(key, ' '), ds[j].key...)
			form = append(append(form, ' '), ds[j].text...)
			if ds[j].stop {
				continue
			}
			s, ok := t[string(key)]
			if !ok {
				f := string(form)
				s = &termStat{words: j - i + 1, first: f, form0: f, example: ev}
				t[string(key)] = s
			}
			s.count++
			switch relation(ds, i, j) {
			case relFree:
				s.free++
			case relCrosses:
				s.crosses++
			case relWhole:
				s.whole++
			}
			s.pattern = s.pattern || termPattern(ds[i:j+1])
			s.articles.add(article)
			s.addFormBytes(form)
		}
	}
}

// How an occurrence of a candidate stands to the lexicon matches.
const (
	relFree    = iota // touches no match
	relInside         // lies inside one match, not all of it
	relWhole          // is exactly one match
	relCrosses        // cuts across a match
)

// relation tells how tokens ds[i..j] stand to the lexicon matches.
func relation(ds []dtok, i, j int) int {
	m := ds[i].match
	for n := i; n <= j; n++ {
		if ds[n].match != m {
			return relCrosses
		}
	}
	if m < 0 {
		return relFree
	}
	// the whole match: no token of it just outside the span
	if (i > 0 && ds[i-1].match == m) || (j+1 < len(ds) && ds[j+1].match == m) {
		return relInside
	}
	return relWhole
}

// termPattern reports the part-of-speech shape of a term: adjectives and
// nouns ending in a noun, with "of", "in" or "for" allowed between
// ("strategic capabilities in emerging areas").
func termPattern(span []dtok) bool {
	last := span[len(span)-1]
	if !strings.HasPrefix(last.tag, "NN") {
		return false
	}
	for n, d := range span {
		switch {
		case strings.HasPrefix(d.tag, "NN"), strings.HasPrefix(d.tag, "JJ"):
		case (d.tag == "VBG" || d.tag == "VBN") && n+1 < len(span): // emerging areas, modernized system
		case d.tag == "IN" && n > 0 && n+1 < len(span) && (d.key == "of" || d.key == "in" || d.key == "for"):
		default:
			return false
		}
	}
	return true
}

// Candidate is a discovered phrase.
type Candidate struct {
	Phrase    string // the most frequent way it is written
	Count     int
	Articles  int // how many articles it occurs in
	Score     float64
	Measure   string
	InLexicon string // the canonical phrase of the lexicon entry it is, or ""
	Example   Evidence
}

// MeasureCValue names the score of discovered phrases.
const MeasureCValue = "c-value"

// discover ranks candidate phrases seen at least minCount times. Left out:
// phrases that cut across a lexicon match, and phrases found only inside
// lexicon matches. The score
// is the C-value (Frantzi, Ananiadou and Mima 2000), which discounts a
// phrase by the longer phrases it stands inside: log2(words) × (count −
// mean count of the longer phrases holding it). A phrase nested in a longer
// one with the same count is left out (reported once, as the longer one);
// phrases that do not follow the part-of-speech pattern of terms count half.
// With consume, t is used up (see lemmatized).
func discover(t Terms, minCount int, inLexicon func(string) string, consume bool) []Candidate {
	keep := map[string]*termStat{}
	for k, s := range lemmatized(t, minCount, consume) {
		// a piece of a known formulation ("new quality"), or a phrase
		// wrapped around one ("developing new quality productive forces"),
		// is not a new formulation: the formulation is reported itself
		if s.count >= minCount && s.crosses == 0 && (s.free > 0 || s.whole > 0) {
			keep[k] = s
		}
	}
	holders := map[string][]*termStat{} // key → longer kept candidates holding it
	for k, s := range keep {
		parts := strings.Split(k, " ")
		for n := 2; n < len(parts); n++ {
			for i := 0; i+n <= len(parts); i++ {
				sub := strings.Join(parts[i:i+n], " ")
				if _, ok := keep[sub]; ok {
					holders[sub] = append(holders[sub], s)
				}
			}
		}
	}
	var out []Candidate
	for k, s := range keep {
		nested := false
		sum := 0
		for _, h := range holders[k] {
			nested = nested || h.count == s.count
			sum += h.count
		}
		if nested {
			continue
		}
		score := float64(s.count)
		if hs := holders[k]; len(hs) > 0 {
			score -= float64(sum) / float64(len(hs))
		}
		score *= math.Log2(float64(s.words))
		if !s.pattern {
			score /= 2
		}
		form := bestForm(s)
		out = append(out, Candidate{Phrase: form, Count: s.count, Articles: s.articles.n, Score: score,
			Measure: MeasureCValue, InLexicon: inLexicon(form), Example: s.example})
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.Phrase < b.Phrase
	})
	return out
}

// bestForm is the most frequent written form; on a tie, one not in title
// case (a headline's capitals), then one in lower case (not a sentence's
// opening capital), then the first seen.
func bestForm(s *termStat) string {
	best, bestN := s.first, -1
	counts := s.formCounts()
	forms := make([]string, 0, len(counts))
	for f := range counts {
		forms = append(forms, f)
	}
	sort.Strings(forms)
	for _, f := range forms {
		n := counts[f] * 4
		if !titleCase(f) && !allCaps(f) {
			n += 2
		}
		if r, _ := utf8.DecodeRuneInString(f); unicode.IsLower(r) {
			n++ // not capitalised only for opening a sentence
		}
		if n > bestN || (n == bestN && f == s.first) {
			best, bestN = f, n
		}
	}
	return best
}

// lemmatized merges the candidates whose words are inflections of each
// other ("deepening reforms", "deepen reform"): words sharing a Porter2
// stem fall in one class when they differ only by inflectional endings
// (see inflected), and each class is named by its smallest member, so the
// merge does not depend on the order of the input. Only merged phrases
// seen at least minCount times are returned (discovery drops the rest),
// so the many phrases seen once are never copied. With consume, t is used
// up: its tallies are merged in place, not copied.
func lemmatized(t Terms, minCount int, consume bool) Terms {
	byStem := map[string][]string{}
	seen := map[string]bool{}
	for k := range t {
		for w := range strings.SplitSeq(k, " ") {
			if !seen[w] {
				seen[w] = true
				st := english.Stem(w, false)
				byStem[st] = append(byStem[st], w)
			}
		}
	}
	class := map[string]string{} // a word → its class's name, for the words named otherwise
	for _, ws := range byStem {
		if len(ws) < 2 {
			continue
		}
		sort.Strings(ws)
		parent := make([]int, len(ws))
		for i := range parent {
			parent[i] = i
		}
		var find func(int) int
		find = func(i int) int {
			for parent[i] != i {
				i = parent[i]
			}
			return i
		}
		for i := range ws {
			for j := i + 1; j < len(ws); j++ {
				if inflected(ws[i], ws[j]) {
					a, b := find(i), find(j)
					parent[max(a, b)] = min(a, b)
				}
			}
		}
		for i, w := range ws {
			if name := ws[find(i)]; name != w {
				class[w] = name
			}
		}
	}
	// the phrases renamed, and what each class of phrases counts in all
	type rename struct{ from, to string }
	var renames []rename
	total := map[string]int{}
	for k, s := range t {
		if to, ok := renamedKey(k, class); ok {
			renames = append(renames, rename{k, to})
			total[to] += s.count
		}
	}
	out := Terms{}
	for k, s := range t {
		if renamedAny(k, class) {
			continue // merged below
		}
		if n, ok := total[k]; ok {
			if s.count+n >= minCount {
				if consume {
					out[k] = s // renamed phrases merge into it below
				} else {
					out.add(k, s) // a copy, for the same
				}
			}
			continue
		}
		if s.count >= minCount {
			out[k] = s
		}
	}
	// merge in a fixed order
	sort.Slice(renames, func(i, j int) bool { return renames[i].from < renames[j].from })
	for _, r := range renames {
		own := 0 // class names are never renamed: t[r.to] stands as it is
		if s, ok := t[r.to]; ok {
			own = s.count
		}
		if own+total[r.to] >= minCount {
			if d, ok := out[r.to]; consume && ok {
				d.merge(t[r.from])
			} else if consume {
				out[r.to] = t[r.from]
			} else {
				out.add(r.to, t[r.from])
			}
		}
	}
	return out
}

// renamedKey returns phrase k with each word named by its class, and
// whether any word was renamed.
func renamedKey(k string, class map[string]string) (string, bool) {
	if !renamedAny(k, class) {
		return k, false
	}
	ws := strings.Split(k, " ")
	for i, w := range ws {
		if name, ok := class[w]; ok {
			ws[i] = name
		}
	}
	return strings.Join(ws, " "), true
}

// renamedAny reports whether some word of phrase k has another name in class.
func renamedAny(k string, class map[string]string) bool {
	if len(class) == 0 {
		return false
	}
	for w := range strings.SplitSeq(k, " ") {
		if _, ok := class[w]; ok {
			return true
		}
	}
	return false
}
