package analyze

import (
	"reflect"
	"testing"
)

// groupsResult is a small corpus of two issues counted by hand: issue A
// has an undated group and two days (given out of order), issue B one day.
func groupsResult() *Result {
	c := NewCounts()
	put := func(k GroupKey, tokens int, forms ...int) {
		c.addGroup(k)
		c.Tokens[k] += tokens
		for id, n := range forms {
			if n != 0 {
				c.add(k, id, n)
			}
		}
	}
	put(GroupKey{Date: "2024-03-06", Venue: "NPC", Issue: "A"}, 2000, 3, 1)
	put(GroupKey{Date: "", Venue: "CPPCC", Issue: "A"}, 500, 0, 2)
	put(GroupKey{Date: "2024-03-05", Venue: "CPPCC", Issue: "A"}, 1000, 1, 0, 0)
	put(GroupKey{Date: "2024-03-06", Venue: "CPPCC", Issue: "A"}, 1500, 0, 4)
	put(GroupKey{Date: "2024-03-05", Venue: "NPC", Issue: "B"}, 0, 0, 0)
	return &Result{
		Formulations: []Formulation{{ID: 0, Phrase: "p0"}, {ID: 1, Phrase: "p1"}, {ID: 2, Phrase: "p2"}},
		Counts:       c,
		Issues:       []IssueInfo{{Name: "A"}, {Name: "B"}, {Name: "C"}},
	}
}

func groupNames(gs []Group) []string {
	var out []string
	for _, g := range gs {
		out = append(out, g.Name)
	}
	return out
}

func TestGroups(t *testing.T) {
	r := groupsResult()
	c := r.Counts
	days := r.Days()
	if got, want := groupNames(days), []string{"2024-03-05", "2024-03-06", Undated}; !reflect.DeepEqual(got, want) {
		t.Fatalf("days %v, want %v", got, want)
	}
	if got, want := r.Dates(), []string{"2024-03-05", "2024-03-06"}; !reflect.DeepEqual(got, want) {
		t.Errorf("dates %v, want %v", got, want)
	}
	// 2024-03-06: p1 is 1 (NPC) + 4 (CPPCC) = 5 over 2000 + 1500 tokens
	if n, tk := days[1].Count(c, 1), days[1].Tokens(c); n != 5 || tk != 3500 {
		t.Errorf("2024-03-06: p1 %d over %d tokens, want 5 over 3500", n, tk)
	}
	// 2024-03-05 holds A's CPPCC group and B's NPC group, with no tokens in B's
	if n, tk := days[0].Count(c, 0), days[0].Tokens(c); n != 1 || tk != 1000 {
		t.Errorf("2024-03-05: p0 %d over %d tokens, want 1 over 1000", n, tk)
	}
	if got, want := groupNames(r.Venues()), []string{"NPC", "CPPCC"}; !reflect.DeepEqual(got, want) {
		t.Errorf("venues %v, want %v (first appearance)", got, want)
	}
	// CPPCC: p1 is 2 + 0 + 4 = 6 over 500 + 1000 + 1500
	if v := r.Venues()[1]; v.Count(c, 1) != 6 || v.Tokens(c) != 3000 {
		t.Errorf("CPPCC: p1 %d over %d tokens, want 6 over 3000", v.Count(c, 1), v.Tokens(c))
	}
	is := r.IssueGroups()
	if got, want := groupNames(is), []string{"A", "B", "C"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("issues %v, want %v", got, want)
	}
	if len(is[0].Keys) != 4 || len(is[1].Keys) != 1 || len(is[2].Keys) != 0 {
		t.Errorf("issue keys %d %d %d, want 4 1 0", len(is[0].Keys), len(is[1].Keys), len(is[2].Keys))
	}
	if got := groupNames(r.Periods()); !reflect.DeepEqual(got, groupNames(is)) {
		t.Errorf("periods of a corpus %v, want its issues", got)
	}
	one := groupsResult()
	one.Issues = one.Issues[:1]
	if got := groupNames(one.Periods()); !reflect.DeepEqual(got, groupNames(days)) {
		t.Errorf("periods of one issue %v, want its days", got)
	}
	// totals: p0 4, p1 7, p2 0 → p1, p0; p2 left out
	var ranked []string
	for _, f := range r.Ranked() {
		ranked = append(ranked, f.Phrase)
	}
	if want := []string{"p1", "p0"}; !reflect.DeepEqual(ranked, want) {
		t.Errorf("ranked %v, want %v", ranked, want)
	}
}

func TestRate(t *testing.T) {
	if v, ok := Rate(5, 3500); !ok || v != 5.0/3500*1000 {
		t.Errorf("Rate(5, 3500) = %v, %v; want %v", v, ok, 5.0/3500*1000)
	}
	if v, ok := Rate(3, 0); ok || v != 0 {
		t.Errorf("Rate(3, 0) = %v, %v; want no rate", v, ok)
	}
}

func TestGroupsOfEmptyResult(t *testing.T) {
	r := &Result{}
	if len(r.Days()) != 0 || len(r.Venues()) != 0 || len(r.Periods()) != 0 || r.Ranked() != nil {
		t.Error("a result with no counts has groups")
	}
}
