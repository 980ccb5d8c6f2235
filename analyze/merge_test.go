package analyze

import (
	"fmt"
	"strings"
	"testing"

	"github.com/issuelens/analyze/analyze/lexicon"
)

// TestMerge: the reference issue cut into two issues and merged gives the
// counts, windows and discoveries of the whole, with the issues apart.
func TestMerge(t *testing.T) {
	whole := referenceResult(t)
	lex, _ := lexicon.Default()
	az, err := NewAnalyzer(lex)
	if err != nil {
		t.Fatal(err)
	}
	first, second := *whole.Issue, *whole.Issue
	first.Name, second.Name = "part1.txt", "part2.txt"
	first.Articles, second.Articles = whole.Issue.Articles[:1], whole.Issue.Articles[1:]
	a, _ := az.Analyze(&first, Options{Mergeable: true})
	b, _ := az.Analyze(&second, Options{Mergeable: true})
	m := az.Merge("Two parts", a, b)
	if len(m.Issues) != 2 || m.Issues[1].Name != "part2.txt" || len(m.Articles) != 3 || len(m.Mentions) != len(whole.Mentions) {
		t.Fatalf("merged: %d issues, %d articles, %d mentions", len(m.Issues), len(m.Articles), len(m.Mentions))
	}
	for _, g := range whole.Counts.Groups {
		issue := "part2.txt"
		if g.Date == "2024-03-05" {
			issue = "part1.txt"
		}
		mg := GroupKey{g.Date, g.Venue, issue}
		for _, f := range whole.Formulations {
			if m.Counts.Count(mg, f.ID) != whole.Counts.Count(g, f.ID) {
				t.Errorf("%v %q: merged %d, whole %d", mg, f.Phrase, m.Counts.Count(mg, f.ID), whole.Counts.Count(g, f.ID))
			}
		}
	}
	if len(m.Pairs) != len(whole.Pairs) {
		t.Fatalf("pairs: merged %d, whole %d", len(m.Pairs), len(whole.Pairs))
	}
	for i, p := range whole.Pairs {
		q := m.Pairs[i]
		if p.Scope != q.Scope || p.A != q.A || p.B != q.B || p.Count != q.Count || p.Windows != q.Windows ||
			(p.Evidence == nil) != (q.Evidence == nil) || (p.Evidence != nil && p.Evidence.Text != q.Evidence.Text) {
			t.Errorf("pair %d: merged %+v, whole %+v", i, q, p)
		}
	}
	render := func(cs []Candidate) string {
		s := ""
		for _, c := range cs {
			s += fmt.Sprintf("%s %d %d %.3f %s\n", c.Phrase, c.Count, c.Articles, c.Score, c.InLexicon)
		}
		return s
	}
	if g, w := render(m.Discovered), render(whole.Discovered); g != w {
		t.Errorf("discovered merged:\n%s\nwhole:\n%s", g, w)
	}
	// keyness: each issue against the other, besides days and venues
	groups := map[string]bool{}
	for _, k := range m.Keyness {
		groups[k.Group] = true
	}
	if !groups["issue part1.txt"] || !groups["issue part2.txt"] || !groups["day 2024-03-06"] {
		t.Errorf("keyness groups %v; want the issues, days and venues", groups)
	}
	// merging changed neither input
	if len(a.Mentions)+len(b.Mentions) != len(whole.Mentions) || a.Issues[0].Name != "part1.txt" {
		t.Errorf("inputs changed by Merge")
	}
}

// TestMergeableKeepsTallies: only a result analysed as Mergeable keeps the
// phrase and word tallies; merging one that did not is a programming error
// that says so.
func TestMergeableKeepsTallies(t *testing.T) {
	whole := referenceResult(t)
	lex, _ := lexicon.Default()
	az, _ := NewAnalyzer(lex)
	kept, _ := az.Analyze(whole.Issue, Options{Mergeable: true})
	if whole.terms != nil || whole.words != nil || kept.terms.len() == 0 || len(kept.words) == 0 {
		t.Fatalf("tallies without Mergeable: phrases %v, %d groups; with: %d phrases, %d groups; want none, then some",
			whole.terms != nil, len(whole.words), kept.terms.len(), len(kept.words))
	}
	defer func() {
		if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "Options.Mergeable") {
			t.Errorf("Merge of a result without tallies: %v; want a panic naming Options.Mergeable", r)
		}
	}()
	az.Merge("x", kept, whole)
}
