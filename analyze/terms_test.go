package analyze

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// sentence makes discovery tokens of plain words, none a stopword.
func sentence(words string) []dtok {
	var ds []dtok
	for _, w := range strings.Fields(words) {
		ds = append(ds, dtok{text: w, key: strings.ToLower(w), tag: "NN", role: TermHead, match: -1})
	}
	return ds
}

// describe renders a tally as "count articles forms example-article".
func describe(s *termStat) string {
	if s == nil {
		return "absent"
	}
	var forms []string
	for f, n := range s.formCounts() {
		forms = append(forms, fmt.Sprintf("%s:%d", f, n))
	}
	sort.Strings(forms)
	return fmt.Sprintf("%d %d %s %d", s.count(), s.articles(), strings.Join(forms, ","), s.example.Article)
}

// TestTermsPacked: a phrase seen once is packed, not tallied; seen again
// it gets a tally that counts both occurrences; merging, also with places
// moved, adds up and leaves what is merged from as it was.
func TestTermsPacked(t *testing.T) {
	terms := newTerms()
	terms.candidates(sentence("Growth rose fast"), " ", 1, Evidence{Article: 1, seq: 1})
	if terms.len() != 3 || len(terms.stats) != 0 || terms.once.live != 3 {
		t.Fatalf("after one sentence: %d phrases, %d tallied, %d packed; want 3, none, 3", terms.len(), len(terms.stats), terms.once.live)
	}
	terms.candidates(sentence("growth rose"), " ", 2, Evidence{Article: 2, seq: 2})
	if len(terms.stats) != 1 || terms.once.live != 2 {
		t.Fatalf("after the second: %d tallied, %d packed; want 1, 2", len(terms.stats), terms.once.live)
	}
	other := newTerms()
	other.candidates(sentence("growth ROSE fast"), " ", 3, Evidence{Article: 3, seq: 3})
	terms.addShifted(other, 10)
	tests := []struct{ key, want string }{
		{"growth rose", "3 3 Growth rose:1,growth ROSE:1,growth rose:1 1"},
		{"growth rose fast", "2 2 Growth rose fast:1,growth ROSE fast:1 1"},
		{"rose fast", "2 2 ROSE fast:1,rose fast:1 1"},
		{"fast growth", "absent"},
	}
	for _, tt := range tests {
		if got := describe(terms.get(tt.key)); got != tt.want {
			t.Errorf("get(%q) = %q; want %q", tt.key, got, tt.want)
		}
	}
	if s := terms.get("growth rose fast"); fmt.Sprint(s.more.articles.list()) != "[1 13]" {
		t.Errorf("growth rose fast: articles %v; want [1 13] (3 moved by 10)", s.more.articles.list())
	}
	if other.len() != 3 || other.once.live != 3 || describe(other.get("rose fast")) != "1 1 ROSE fast:1 3" {
		t.Errorf("merged from: %d phrases, %d packed, rose fast %q; want it as it was", other.len(), other.once.live, describe(other.get("rose fast")))
	}
}

// TestPackedForms: a form that is the key, or the key with a capital
// first letter, is not written out, and every form reads back as it was.
func TestPackedForms(t *testing.T) {
	tests := []struct {
		key, form string
		upper     bool
		written   bool
	}{
		{"growth rose", "growth rose", false, false},
		{"growth rose", "Growth rose", true, false},
		{"élan vital", "Élan vital", true, false},
		{"growth rose", "GROWTH rose", false, true},
		{"people's congress", "people’s congress", false, true},
		{"kelvin rose", "\u212Aelvin rose", false, true}, // the Kelvin sign lowers to k, k uppers to K
		{"2024 growth", "2024 growth", false, false},
	}
	for _, tt := range tests {
		var o onceSet
		r := onceRecord{key: []byte(tt.key), words: 2}
		r.packForm([]byte(tt.form))
		o.insert(r)
		_, got, ok := o.find([]byte(tt.key))
		if !ok || got.upper != tt.upper || (got.form != nil) != tt.written || got.formString() != tt.form {
			t.Errorf("packForm(%q, %q): upper %v, written %v, reads %q; want %v, %v, %q",
				tt.key, tt.form, got.upper, got.form != nil, got.formString(), tt.upper, tt.written, tt.form)
		}
	}
}

// TestPackedSetGrows: many phrases, most seen again, are all found after
// the table has grown several times; the records of those seen again are
// skipped, and left out once they outnumber the rest.
func TestPackedSetGrows(t *testing.T) {
	terms := newTerms()
	phrase := func(i int) string { return fmt.Sprintf("w%d x%d", i, i%1000) }
	for i := range 5000 {
		terms.candidates(sentence(phrase(i)), " ", i, Evidence{seq: i})
	}
	if terms.len() != 5000 || len(terms.stats) != 0 {
		t.Fatalf("%d phrases, %d tallied; want 5000, none", terms.len(), len(terms.stats))
	}
	for i := range 5000 {
		if i%4 != 0 {
			terms.candidates(sentence(phrase(i)), " ", i, Evidence{seq: i})
		}
	}
	if terms.len() != 5000 || len(terms.stats) != 3750 || terms.once.live != 1250 || terms.once.dead > terms.once.live {
		t.Fatalf("%d phrases, %d tallied, %d packed, %d dead; want 5000, 3750, 1250, at most as many dead",
			terms.len(), len(terms.stats), terms.once.live, terms.once.dead)
	}
	for i := 5000; i < 10000; i++ {
		terms.candidates(sentence(phrase(i)), " ", i, Evidence{seq: i})
	}
	n := 0
	terms.once.each(func(r onceRecord) { n++ })
	if terms.len() != 10000 || terms.once.live != 6250 || n != 6250 {
		t.Fatalf("%d phrases, %d packed (%d listed); want 10000, 6250, 6250", terms.len(), terms.once.live, n)
	}
	for i := range 10000 {
		want := 1
		if i < 5000 && i%4 != 0 {
			want = 2
		}
		if s := terms.get(phrase(i)); s == nil || s.count() != want || s.example.seq != i {
			t.Fatalf("phrase %d: %q; want count %d, example of article %d", i, describe(s), want, i)
		}
	}
}

// TestTermsBounded: Terms never hold more than maxOnce phrases seen once
// or maxTallied seen more often. Past the first, those seen once are let
// go; past the second, those seen least; what was let go is counted
// (termsCut), and a phrase seen more often than the rest keeps its count.
func TestTermsBounded(t *testing.T) {
	terms := newTerms()
	keep := newTerms()
	for range 5 {
		keep.candidates(sentence("steady growth"), " ", 0, Evidence{})
	}
	terms.absorb(keep)
	// phrases seen once, in parts of 100,000, as an analysis merges its
	// pieces: the part that takes them past maxOnce lets them all go
	merged := 0
	for merged <= maxOnce {
		part := newTerms()
		for i := merged; i < merged+100_000; i++ {
			part.candidates(sentence(fmt.Sprintf("a%d b%d", i, i)), " ", i, Evidence{seq: i})
		}
		merged += 100_000
		terms.absorb(part)
	}
	if terms.once.live != 0 || terms.cut.times != 1 || terms.cut.phrases != merged || terms.cut.maxCount != 1 {
		t.Fatalf("after %d phrases seen once: %d kept, cut %+v; want none kept, one cut of %d seen at most once", merged, terms.once.live, terms.cut, merged)
	}
	// phrases seen twice, past maxTallied: those seen least go, until half
	// is left; the phrase seen five times stays
	part := newTerms()
	for i := range maxTallied + 1 {
		p := sentence(fmt.Sprintf("c%d d%d", i, i))
		part.candidates(p, " ", i, Evidence{seq: i})
		part.candidates(p, " ", i, Evidence{seq: i})
	}
	terms.absorb(part)
	if len(terms.stats) > maxTallied/2 || terms.cut.times != 2 || terms.cut.maxCount != 2 {
		t.Fatalf("after %d phrases seen twice: %d tallied, cut %+v; want at most %d, two cuts, of phrases seen at most twice", maxTallied+1, len(terms.stats), terms.cut, maxTallied/2)
	}
	if s := terms.get("steady growth"); s == nil || s.count() != 5 {
		t.Errorf("steady growth: %q; want its 5 occurrences kept", describe(s))
	}
}

// TestDiscoveryListsAtMost: of more candidates than maxCandidates,
// discovery lists the maxCandidates ranked highest, best first, each with
// its example, and says how many there were.
func TestDiscoveryListsAtMost(t *testing.T) {
	lang, err := NewLanguage("en")
	if err != nil {
		t.Fatal(err)
	}
	terms := newTerms()
	n := maxCandidates + 5
	for i := range n {
		p := sentence(fmt.Sprintf("w%d x%d", i, i))
		ev := Evidence{Article: i, seq: i, Text: fmt.Sprintf("the w%d x%d here", i, i)}
		terms.candidates(p, " ", i, ev)
		terms.candidates(p, " ", i, ev)
		if i%2 == 0 { // seen three times: ranked above the rest
			terms.candidates(p, " ", i, ev)
		}
	}
	listed, total := discover(lang, terms, 2, func(string) string { return "" }, true, true, nil)
	if total != n || len(listed) != maxCandidates {
		t.Fatalf("%d listed of %d; want %d of %d", len(listed), total, maxCandidates, n)
	}
	for i, c := range listed {
		if i > 0 && compareCandidates(listed[i-1], c) > 0 {
			t.Fatalf("candidate %d (%s) before %d (%s): not best first", i-1, listed[i-1].Phrase, i, c.Phrase)
		}
		if !strings.Contains(c.Example.Text, c.Phrase) {
			t.Fatalf("%s: example %q", c.Phrase, c.Example.Text)
		}
	}
	if listed[n/2].Count != 3 || listed[len(listed)-1].Count != 2 {
		t.Errorf("counts of the middle and last listed: %d, %d; want 3 (all %d seen three times listed first), 2", listed[n/2].Count, listed[len(listed)-1].Count, (n+1)/2)
	}
}

// TestCandidatesCounted: a result says how many candidates discovery
// found, beyond the ones it lists.
func TestCandidatesCounted(t *testing.T) {
	res := &Result{found: 37440, Discovered: make([]Candidate, maxCandidates)}
	if res.Candidates() != 37440 || (&Result{Discovered: make([]Candidate, 3)}).Candidates() != 3 {
		t.Errorf("Candidates = %d; want 37440 (and 3 for a result listing all it found)", res.Candidates())
	}
}
