package analyze

import (
	"bytes"
	"cmp"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// dtok is a token as discovery sees it: a clitic joined to its word
// ("people's"; see Language.Attaches), with its role in a term and what
// stops a phrase at it.
type dtok struct {
	text   string // as in the text
	key    string // folded; inflected forms merge later (see discover)
	tag    string
	role   TermRole
	stop   bool // a stopword: may not open or close a phrase
	breaks bool // punctuation, a number or an ignored span: no phrase crosses it
	match  int  // the lexicon match the token is part of, or -1
}

// termStat is a candidate phrase's tally. It merges by addition.
//
// A phrase seen once (see onceSet; a tally of one is made to merge it)
// is its form, its example, which names its article, and how it stands to
// the lexicon matches; the counts come with a second occurrence (see
// tally).
type termStat struct {
	first   string     // the first form seen (in the earliest example)
	example *Evidence  // the first sentence holding it; shared, never changed
	words   uint8      // ≤ maxTermWords
	pattern bool       // its words follow a part-of-speech pattern of terms
	rel     uint8      // while seen once: how it stands to the lexicon matches (relFree …)
	more    *termTally // nil while seen once
}

// termTally is the tally of a phrase seen more than once.
type termTally struct {
	count    int
	free     int        // occurrences outside every lexicon match
	crosses  int        // occurrences that cut across a lexicon match
	whole    int        // occurrences that are exactly one lexicon match
	articles articleSet // where it occurs (places of articles in the text)
	form0    string     // a form, held outside the map
	n0       int        // how often it is written as form0
	forms    formSet    // other ways it is written
}

// tally returns s's counts, making them of its one occurrence when it
// has been seen once.
func (s *termStat) tally() *termTally {
	if s.more == nil {
		s.more = &termTally{count: 1, form0: s.first, n0: 1, articles: articleSet{n: 1, last: s.example.seq}}
		s.more.addRelation(int(s.rel), 1)
	}
	return s.more
}

// count is how often the phrase occurs.
func (s *termStat) count() int {
	if s.more == nil {
		return 1
	}
	return s.more.count
}

// relations are how many of its occurrences touch no lexicon match, cut
// across one, and are one.
func (s *termStat) relations() (free, crosses, whole int) {
	if s.more == nil {
		var m termTally
		m.addRelation(int(s.rel), 1)
		return m.free, m.crosses, m.whole
	}
	return s.more.free, s.more.crosses, s.more.whole
}

// articles is how many articles the phrase occurs in.
func (s *termStat) articles() int {
	if s.more == nil {
		return 1
	}
	return s.more.articles.n
}

// addRelation counts n occurrences standing as rel to the lexicon matches.
func (m *termTally) addRelation(rel, n int) {
	switch rel {
	case relFree:
		m.free += n
	case relCrosses:
		m.crosses += n
	case relWhole:
		m.whole += n
	}
}

// clone returns a copy of s that shares nothing it may change, with its
// articles' places moved by off.
func (s *termStat) clone(off int) *termStat {
	c := *s
	if s.more != nil {
		m := *s.more
		m.articles = s.more.articles.shifted(off)
		m.forms = s.more.forms.clone()
		c.more = &m
	}
	return &c
}

// merge adds tally s to d.
func (d *termStat) merge(s *termStat) {
	m := d.tally()
	if s.more == nil {
		m.count++
		m.addRelation(int(s.rel), 1)
		m.articles.add(s.example.seq)
		m.addForm(s.first, 1)
	} else {
		o := s.more
		m.count += o.count
		m.free += o.free
		m.crosses += o.crosses
		m.whole += o.whole
		m.articles.merge(&o.articles)
		m.addForm(o.form0, o.n0)
		o.forms.each(m.addForm)
	}
	d.pattern = d.pattern || s.pattern
	if s.example.before(*d.example) {
		d.example, d.first = s.example, s.first
	}
}

// addForm records n occurrences written as f.
func (m *termTally) addForm(f string, n int) {
	switch {
	case n == 0:
	case f == m.form0:
		m.n0 += n
	default:
		m.forms.add(f, n)
	}
}

// addFormBytes records one occurrence written as f, making a string of f
// only for a form not seen before.
func (m *termTally) addFormBytes(f []byte) {
	if string(f) == m.form0 {
		m.n0++
	} else {
		m.forms.addBytes(f)
	}
}

// formCounts returns every written form with its count.
func (s *termStat) formCounts() map[string]int {
	if s.more == nil {
		return map[string]int{s.first: 1}
	}
	out := map[string]int{s.more.form0: s.more.n0}
	s.more.forms.each(func(f string, n int) { out[f] += n })
	return out
}

// formSet counts written forms: a few in a list (a phrase is seldom
// written more than two or three ways), more in a map.
type formSet struct {
	few  []formCount
	many map[string]int // once there are more than maxFewForms; then few is nil
}

type formCount struct {
	form string
	n    int
}

const maxFewForms = 8

func (fs *formSet) add(f string, n int) {
	if fs.many != nil {
		fs.many[f] += n
		return
	}
	for i := range fs.few {
		if fs.few[i].form == f {
			fs.few[i].n += n
			return
		}
	}
	if len(fs.few) < maxFewForms {
		fs.few = append(fs.few, formCount{f, n})
		return
	}
	fs.many = make(map[string]int, 2*maxFewForms)
	for _, c := range fs.few {
		fs.many[c.form] = c.n
	}
	fs.few = nil
	fs.many[f] += n
}

// addBytes adds one occurrence of f, making a string of f only for a
// form not seen before.
func (fs *formSet) addBytes(f []byte) {
	if fs.many != nil {
		if _, ok := fs.many[string(f)]; ok {
			fs.many[string(f)]++
			return
		}
	} else {
		for i := range fs.few {
			if fs.few[i].form == string(f) {
				fs.few[i].n++
				return
			}
		}
	}
	fs.add(string(f), 1)
}

// each calls fn with every form and its count.
func (fs *formSet) each(fn func(f string, n int)) {
	for _, c := range fs.few {
		fn(c.form, c.n)
	}
	for f, n := range fs.many {
		fn(f, n)
	}
}

// clone returns a copy sharing nothing with fs.
func (fs formSet) clone() formSet {
	return formSet{few: slices.Clone(fs.few), many: maps.Clone(fs.many)}
}

// discoveryTokens prepares a sentence's tokens for discovery. first is
// the index of toks[0] in the paragraph, the index masked and match use.
func discoveryTokens(lang Language, toks []Token, masked map[int]bool, match map[int]int, first int, stop map[string]bool) []dtok {
	var out []dtok
	for i, tk := range toks {
		lower := lang.Fold(tk.Text)
		if lang.Attaches(lower) && len(out) > 0 && !out[len(out)-1].breaks {
			prev := &out[len(out)-1]
			prev.text += tk.Text
			prev.key += lower
			prev.role = lang.TermRole(Token{Text: prev.text, Tag: prev.tag}, prev.key)
			continue
		}
		d := dtok{text: tk.Text, key: lower, tag: tk.Tag, role: lang.TermRole(tk, lower), stop: stop[lower], match: -1}
		if m, ok := match[first+i]; ok {
			d.match = m
		}
		d.breaks = d.role == TermBreak || masked[first+i]
		out = append(out, d)
	}
	return out
}

// maxTermWords is the longest candidate phrase; maxSpacelessTermWords,
// in a language written without spaces, whose segmenter's words are
// longer (a Chinese formulation is 2 to 4 of gse's words: 乡村/全面/振兴).
const (
	maxTermWords          = 6
	maxSpacelessTermWords = 4
)

// candidates tallies the phrases of 2 to 6 words (2 to 4 in a language
// written without spaces) in a sentence that neither open nor close with
// a stopword and cross no break; sep stands between the words of a phrase
// as written (see Language.WordSeparator).
func (t *Terms) candidates(ds []dtok, sep string, article int, ev Evidence) {
	maxWords := maxTermWords
	if sep == "" {
		maxWords = maxSpacelessTermWords
	}
	// keys and forms grow a word at a time in reused buffers; a string is
	// made only for a phrase or form not seen before (map lookups with
	// string(buf) do not allocate)
	var key, form []byte
	example := -1 // made for the first new phrase, shared by the rest
	for i := range ds {
		if ds[i].breaks || ds[i].stop {
			continue
		}
		key = append(key[:0], ds[i].key...)
		form = append(form[:0], ds[i].text...)
		for j := i + 1; j < len(ds) && j-i < maxWords; j++ {
			if ds[j].breaks {
				break
			}
			key = append(append(key, ' '), ds[j].key...)
			form = append(append(form, sep...), ds[j].text...)
			if ds[j].stop {
				continue
			}
			s := t.tallyBytes(key)
			if s == nil {
				if example < 0 {
					example = t.once.addExample(ptr(ev))
				}
				r := onceRecord{key: key, words: uint8(j - i + 1), rel: uint8(relation(ds, i, j)), pattern: termPattern(ds[i : j+1]), example: example}
				r.packForm(form)
				t.once.insert(r)
				continue
			}
			m := s.tally()
			m.count++
			m.addRelation(relation(ds, i, j), 1)
			s.pattern = s.pattern || termPattern(ds[i:j+1])
			m.articles.add(article)
			m.addFormBytes(form)
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

// termPattern reports the shape of a term (see TermRole): heads and
// modifiers ending in a head, with links between.
func termPattern(span []dtok) bool {
	if span[len(span)-1].role != TermHead {
		return false
	}
	for n, d := range span {
		switch {
		case d.role == TermHead, d.role == TermModifier:
		case d.role == TermLink && n > 0 && n+1 < len(span):
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
	// PartOf, for a phrase that is not itself an entry: "part of X" when
	// it is a piece of the lexicon's entry X (its words within one of X's
	// forms), "holds X" when it is wrapped around one; "" otherwise. Such a
	// phrase is never a new formulation: X is reported itself.
	PartOf string
	// Pattern: its occurrences follow the part-of-speech pattern of terms
	// (see termPattern) at least once.
	Pattern bool
	// How its occurrences stand to the lexicon's mentions: Whole are
	// exactly a mention, Free touch none; the rest (Count - Whole - Free)
	// lie inside a longer mention. For a lexicon entry they say why Count
	// and its mentions differ.
	Whole, Free int
}

// Known is whether a candidate is no new formulation: a lexicon entry
// itself, or a piece of one or a phrase wrapped around one (PartOf).
func (c Candidate) Known() bool { return c.InLexicon != "" || c.PartOf != "" }

// MeasureCValue names the score of discovered phrases.
const MeasureCValue = "c-value"

// discover ranks candidate phrases seen at least minCount times. Left out:
// phrases that cut across a lexicon match, and phrases found only inside
// lexicon matches. The score
// is the C-value (Frantzi, Ananiadou and Mima 2000), which discounts a
// phrase by the longer phrases it stands inside: log2(words) × (count −
// mean count of the longer phrases holding it). A phrase nested in a longer
// one with the same count is left out (reported once, as the longer one);
// phrases that do not follow the part-of-speech pattern of terms count half,
// and specificity (nil: none) scales a phrase by how particular to the
// text it is against a reference (see Reference.Specificity).
// Phrases that never follow the part-of-speech pattern of terms are left
// out unless loose. With consume, t is used up (see lemmatized). It
// returns the candidates best first, at most maxCandidates, and how many
// there were.
func discover(lang Language, t *Terms, minCount int, inLexicon func(string) string, consume, loose bool, specificity func(phrase string, count int) float64) (listed []Candidate, total int) {
	kept := map[string]*termStat{}
	for k, s := range lemmatized(lang, t, minCount, consume) {
		// a piece of a known formulation ("new quality"), or a phrase
		// wrapped around one ("developing new quality productive forces"),
		// is not a new formulation: the formulation is reported itself
		if free, crosses, whole := s.relations(); s.count() >= minCount && crosses == 0 && (free > 0 || whole > 0) {
			kept[k] = s
		}
	}
	if sep := lang.WordSeparator(); sep != " " {
		kept = sameText(kept, sep)
	}
	holders := map[string][]*termStat{} // key → longer kept candidates holding it
	for k, s := range kept {
		parts := strings.Split(k, " ")
		for n := 2; n < len(parts); n++ {
			for i := 0; i+n <= len(parts); i++ {
				sub := strings.Join(parts[i:i+n], " ")
				if _, ok := kept[sub]; ok {
					holders[sub] = append(holders[sub], s)
				}
			}
		}
	}
	// scored first, then ordered and cut (see maxCandidates): a
	// Candidate, with its example, is made for those listed only
	var out []Candidate
	var stats []*termStat
	for k, s := range kept {
		nested := false
		sum := 0
		for _, h := range holders[k] {
			nested = nested || h.count() == s.count()
			sum += h.count()
		}
		if nested {
			continue
		}
		score := float64(s.count())
		if hs := holders[k]; len(hs) > 0 {
			score -= float64(sum) / float64(len(hs))
		}
		score *= math.Log2(float64(s.words))
		if !s.pattern {
			score /= 2
		}
		form := bestForm(lang, s)
		if specificity != nil {
			score *= specificity(form, s.count())
		}
		in := inLexicon(form)
		if !s.pattern && !loose && in == "" {
			continue // never in the pattern of terms: not a term
		}
		// a name or a title ("State Council") is not a formulation: it
		// keeps a tenth of its score (a lexicon entry keeps all of it)
		if n, ok := lang.(NameTeller); ok && n.NameLike(form) && in == "" {
			score /= 10
		}
		free, _, whole := s.relations()
		ex := *s.example
		ex.Text = "" // made for the candidates listed
		out = append(out, Candidate{Phrase: form, Count: s.count(), Articles: s.articles(), Score: score,
			Measure: MeasureCValue, InLexicon: in, Example: ex, Whole: whole, Free: free, Pattern: s.pattern})
		stats = append(stats, s)
	}
	order := make([]int, len(out))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return compareCandidates(out[a], out[b]) })
	total = len(out)
	listed = make([]Candidate, min(len(order), maxCandidates))
	examples := map[*Evidence]string{} // the examples' texts as kept, one copy each
	for i := range listed {
		c, s := out[order[i]], stats[order[i]]
		text, ok := examples[s.example]
		if !ok {
			text = keep(s.example.Text)
			examples[s.example] = text
		}
		c.Example.Text = exampleAround(text, c.Phrase)
		listed[i] = c
	}
	return listed, total
}

// maxCandidates is the most candidate phrases a result lists (a text
// without punctuation or a corpus of many issues has tens of thousands,
// nearly all seen twice); the rest are counted in a warning.
const maxCandidates = 10_000

// compareCandidates orders candidates best first: by score, then count,
// then phrase, then where their examples stand.
func compareCandidates(a, b Candidate) int {
	switch {
	case a.Score != b.Score:
		return cmp.Compare(b.Score, a.Score)
	case a.Count != b.Count:
		return b.Count - a.Count
	case a.Phrase != b.Phrase:
		return strings.Compare(a.Phrase, b.Phrase)
	}
	ea, eb := a.Example, b.Example
	if c := strings.Compare(ea.Issue, eb.Issue); c != 0 {
		return c
	}
	if ea.Article != eb.Article {
		return ea.Article - eb.Article
	}
	if ea.Paragraph != eb.Paragraph {
		return ea.Paragraph - eb.Paragraph
	}
	return ea.Sentence - eb.Sentence
}

// RankAgainstEarlier ranks the discovered phrases of a result of one
// issue against the issues before it in its series, as against a
// reference corpus (see Reference.Specificity): earlier holds their
// candidate phrases (as written) with how often each occurred, tokens
// their word tokens. A phrase as frequent there as here ("policies and
// measures", 人民群众 in every year's report) keeps a tenth of its score; one
// particular to this issue keeps all of it. Pieces and wrappers of
// lexicon entries stay after the others.
func (r *Result) RankAgainstEarlier(tokens int, earlier map[string]int) {
	if tokens == 0 || len(r.Discovered) == 0 || r.Language == nil {
		return
	}
	ref := &Reference{Tokens: tokens, Phrases: map[string]int{}}
	for p, n := range earlier {
		ref.Phrases[r.Language.Fold(p)] += n
	}
	own := r.Counts.TokenTotal()
	for i := range r.Discovered {
		c := &r.Discovered[i]
		c.Score *= ref.Specificity(r.Language.Fold(c.Phrase), c.Count, own)
	}
	slices.SortStableFunc(r.Discovered, compareCandidates)
	knownLast(r.Discovered)
}

// sameText merges the candidates that are one phrase cut into words in
// different ways, in a language written without spaces between words
// (sep): the segmenter reads 日内瓦会议 as one word in one sentence and
// as two in the next, and a reader sees one phrase. Each group is kept
// under its most frequent cut (on a tie, the first in order); the
// tallies add up, since one occurrence is cut only one way.
func sameText(kept map[string]*termStat, sep string) map[string]*termStat {
	groups := map[string][]string{}
	for k := range kept {
		text := strings.ReplaceAll(k, " ", sep)
		groups[text] = append(groups[text], k)
	}
	for _, ks := range groups {
		if len(ks) < 2 {
			continue
		}
		slices.SortFunc(ks, func(a, b string) int {
			if n, m := kept[a].count(), kept[b].count(); n != m {
				return m - n
			}
			return strings.Compare(a, b)
		})
		d := kept[ks[0]].clone(0) // kept may hold the tallies of the text itself
		for _, k := range ks[1:] {
			d.merge(kept[k])
			delete(kept, k)
		}
		kept[ks[0]] = d
	}
	return kept
}

// bestForm is the most frequent written form; on a tie, the one the
// language ranks plainest (see Language.FormRank), then the first seen.
func bestForm(lang Language, s *termStat) string {
	best, bestN := s.first, -1
	counts := s.formCounts()
	forms := make([]string, 0, len(counts))
	for f := range counts {
		forms = append(forms, f)
	}
	sort.Strings(forms)
	for _, f := range forms {
		n := counts[f]*4 + lang.FormRank(f)
		if n > bestN || (n == bestN && f == s.first) {
			best, bestN = f, n
		}
	}
	return best
}

// lemmatized merges the candidates whose words are inflections of each
// other ("deepening reforms", "deepen reform"): words sharing a stem
// fall in one class when they are inflections of one another (see
// Language.Stem and Inflected), and each class is named by its smallest
// member, so the merge does not depend on the order of the input. Only merged phrases
// seen at least minCount times are returned (discovery drops the rest),
// so the many phrases seen once are never copied. With consume, t is used
// up: its tallies are merged in place, not copied.
func lemmatized(lang Language, t *Terms, minCount int, consume bool) map[string]*termStat {
	class := wordClasses(lang, t)
	// the phrases renamed, and what each class of phrases counts in all
	type rename struct{ from, to string }
	var renames []rename
	total := map[string]int{}
	renamed := func(k string, count int) {
		if to, ok := renamedKey(k, class); ok {
			renames = append(renames, rename{k, to})
			total[to] += count
		}
	}
	for k, s := range t.stats {
		renamed(k, s.count())
	}
	t.once.each(func(r onceRecord) {
		if renamedAnyBytes(r.key, class) {
			renamed(string(r.key), 1)
		}
	})
	out := map[string]*termStat{}
	survive := func(k string, s *termStat) {
		if renamedAny(k, class) {
			return // merged below
		}
		if n, ok := total[k]; ok {
			if s.count()+n >= minCount {
				if consume {
					out[k] = s // renamed phrases merge into it below
				} else {
					out[k] = s.clone(0) // a copy, for the same
				}
			}
			return
		}
		if s.count() >= minCount {
			out[k] = s
		}
	}
	for k, s := range t.stats {
		survive(k, s)
	}
	t.once.each(func(r onceRecord) {
		// seen once: kept as a class name, or when once is enough
		if _, named := total[string(r.key)]; (named || minCount <= 1) && !renamedAnyBytes(r.key, class) {
			survive(string(r.key), t.once.stat(r, t.once.examples[r.example]))
		}
	})
	// merge in a fixed order
	sort.Slice(renames, func(i, j int) bool { return renames[i].from < renames[j].from })
	for _, r := range renames {
		own := 0 // class names are never renamed: t's r.to stands as it is
		if s := t.get(r.to); s != nil {
			own = s.count()
		}
		if own+total[r.to] >= minCount {
			if d, ok := out[r.to]; consume && ok {
				d.merge(t.get(r.from))
			} else if consume {
				out[r.to] = t.get(r.from)
			} else if ok {
				d.merge(t.get(r.from))
			} else {
				out[r.to] = t.get(r.from).clone(0)
			}
		}
	}
	return out
}

// wordClasses returns the words of t's phrases that fall in a class of
// inflections named by another word (see lemmatized), with that name.
func wordClasses(lang Language, t *Terms) map[string]string {
	byStem := map[string][]string{}
	seen := map[string]bool{}
	word := func(w string) {
		if !seen[w] {
			seen[w] = true
			st := lang.Stem(w)
			byStem[st] = append(byStem[st], w)
		}
	}
	for k := range t.stats {
		for w := range strings.SplitSeq(k, " ") {
			word(w)
		}
	}
	t.once.each(func(r onceRecord) {
		for w := range bytes.SplitSeq(r.key, []byte(" ")) {
			if !seen[string(w)] {
				word(string(w))
			}
		}
	})
	class := map[string]string{}
	for _, ws := range byStem {
		if len(ws) < 2 {
			continue
		}
		sort.Strings(ws)
		parent := make([]int, len(ws))
		for i := range parent {
			parent[i] = i
		}
		find := func(i int) int {
			for parent[i] != i {
				i = parent[i]
			}
			return i
		}
		for i := range ws {
			for j := i + 1; j < len(ws); j++ {
				if lang.Inflected(ws[i], ws[j]) {
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
	return class
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

// renamedAnyBytes is renamedAny for a phrase held as bytes.
func renamedAnyBytes(k []byte, class map[string]string) bool {
	if len(class) == 0 {
		return false
	}
	for w := range bytes.SplitSeq(k, []byte(" ")) {
		if _, ok := class[string(w)]; ok {
			return true
		}
	}
	return false
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

// maxExample is the longest example sentence a candidate shows whole (the
// longest of the public corpus has 1.3 KB); of a longer one, a piece cut
// from text with no sentence end, it shows exampleContext bytes on each
// side of the phrase.
const (
	maxExample     = 2 << 10
	exampleContext = 300
)

// exampleAround is an example sentence as a candidate shows it: whole, or,
// past maxExample, the phrase with exampleContext bytes each side, cut at
// characters and marked "…".
func exampleAround(text, phrase string) string {
	if len(text) <= maxExample {
		return text
	}
	i := max(0, strings.Index(text, phrase)) // written otherwise (in capitals): the piece's start
	from, to := max(0, i-exampleContext), min(len(text), i+len(phrase)+exampleContext)
	for from > 0 && !utf8.RuneStart(text[from]) {
		from--
	}
	for to < len(text) && !utf8.RuneStart(text[to]) {
		to++
	}
	out := text[from:to]
	if from > 0 {
		out = "…" + out
	}
	if to < len(text) {
		out += "…"
	}
	return out
}
