package analyze

import "sort"

// Undated names the group of the articles that carry no date; it comes
// after the days.
const Undated = "undated"

// A Group is the count groups shown together as one row, column or series
// of a table or chart: a day, a venue or an issue. Report and charts take
// their groupings, sums and rates from here, so that a day's count is the
// same number in every place it is shown.
type Group struct {
	Name string     // an ISO date or Undated, a venue, or an issue's name
	Keys []GroupKey // in order of first appearance
}

// Days groups the counts by date: the ISO dates in order, then Undated
// when some article has no date.
func (r *Result) Days() []Group {
	return r.groupBy(func(k GroupKey) string {
		if k.Date == "" {
			return Undated
		}
		return k.Date
	}, func(a, b string) bool {
		if (a == Undated) != (b == Undated) {
			return b == Undated
		}
		return a < b
	})
}

// Dates are the ISO dates the counts cover, in order (Days without
// Undated).
func (r *Result) Dates() []string {
	var out []string
	for _, d := range r.Days() {
		if d.Name != Undated {
			out = append(out, d.Name)
		}
	}
	return out
}

// Venues groups the counts by venue, in order of first appearance.
func (r *Result) Venues() []Group {
	return r.groupBy(func(k GroupKey) string { return k.Venue }, nil)
}

// IssueGroups groups the counts by issue, in the order of r.Issues; an
// issue with no counted group has no keys.
func (r *Result) IssueGroups() []Group {
	out := make([]Group, len(r.Issues))
	at := map[string]int{}
	for i, is := range r.Issues {
		at[is.Name] = i
		out[i].Name = is.Name
	}
	for _, k := range r.groups() {
		if i, ok := at[k.Issue]; ok {
			out[i].Keys = append(out[i].Keys, k)
		}
	}
	return out
}

// Periods is what a result runs across: its issues when it holds several
// (a corpus, see Merge), else its days. The tables "per day" and the
// colours the charts and the workbook give to days follow this order.
func (r *Result) Periods() []Group {
	if len(r.Issues) > 1 {
		return r.IssueGroups()
	}
	return r.Days()
}

// Count is the mentions of formulation form in g.
func (g Group) Count(c *Counts, form int) int {
	n := 0
	for _, k := range g.Keys {
		n += c.Count(k, form)
	}
	return n
}

// Tokens is the word tokens counted in g: the denominator of its rates.
func (g Group) Tokens(c *Counts) int {
	n := 0
	for _, k := range g.Keys {
		n += c.Tokens[k]
	}
	return n
}

// Rate is count per 1,000 tokens; ok is false when there are no tokens,
// where a rate is not a number (shown empty, or as 0 in a chart).
func Rate(count, tokens int) (per1000 float64, ok bool) {
	if tokens == 0 {
		return 0, false
	}
	return float64(count) / float64(tokens) * 1000, true
}

// Ranked returns the formulations with at least one mention, most
// mentioned first, ties in lexicon order.
func (r *Result) Ranked() []Formulation {
	var out []Formulation
	if r.Counts == nil {
		return nil
	}
	totals := map[int]int{}
	for _, f := range r.Formulations {
		if n := r.Counts.Total(f.ID); n > 0 {
			totals[f.ID] = n
			out = append(out, f)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return totals[out[i].ID] > totals[out[j].ID] })
	return out
}

// groupBy groups the count groups by name(k), in order of first
// appearance, or sorted by less when it is given.
func (r *Result) groupBy(name func(GroupKey) string, less func(a, b string) bool) []Group {
	var out []Group
	at := map[string]int{}
	for _, k := range r.groups() {
		n := name(k)
		if i, ok := at[n]; ok {
			out[i].Keys = append(out[i].Keys, k)
			continue
		}
		at[n] = len(out)
		out = append(out, Group{Name: n, Keys: []GroupKey{k}})
	}
	if less != nil {
		sort.SliceStable(out, func(i, j int) bool { return less(out[i].Name, out[j].Name) })
	}
	return out
}

func (r *Result) groups() []GroupKey {
	if r.Counts == nil {
		return nil
	}
	return r.Counts.Groups
}
