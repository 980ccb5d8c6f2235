package report

import (
	"sort"

	"github.com/issuelens/analyze/analyze"
)

// group is a set of days or venues the pivots and shares are computed over.
type group struct {
	name string
	keys []analyze.GroupKey
}

// dayGroups returns the days in date order (undated last), each with its
// day-and-venue groups; for a corpus of several issues, the issues.
func dayGroups(res *analyze.Result) []group {
	if len(res.Issues) > 1 {
		return issueGroups(res)
	}
	var out []group
	at := map[string]int{}
	for _, k := range res.Counts.Groups {
		name := k.Date
		if name == "" {
			name = "undated"
		}
		if i, ok := at[name]; ok {
			out[i].keys = append(out[i].keys, k)
			continue
		}
		at[name] = len(out)
		out = append(out, group{name: name, keys: []analyze.GroupKey{k}})
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].name, out[j].name
		if (a == "undated") != (b == "undated") {
			return b == "undated"
		}
		return a < b
	})
	return out
}

// issueGroups returns the issues of a corpus in order.
func issueGroups(res *analyze.Result) []group {
	var out []group
	at := map[string]int{}
	for _, is := range res.Issues {
		at[is.Name] = len(out)
		out = append(out, group{name: is.Name})
	}
	for _, k := range res.Counts.Groups {
		if i, ok := at[k.Issue]; ok {
			out[i].keys = append(out[i].keys, k)
		}
	}
	return out
}

// venueGroups returns the venues in order of appearance.
func venueGroups(res *analyze.Result) []group {
	var out []group
	at := map[string]int{}
	for _, k := range res.Counts.Groups {
		if i, ok := at[k.Venue]; ok {
			out[i].keys = append(out[i].keys, k)
			continue
		}
		at[k.Venue] = len(out)
		out = append(out, group{name: k.Venue, keys: []analyze.GroupKey{k}})
	}
	return out
}

func (g group) count(res *analyze.Result, form int) int {
	n := 0
	for _, k := range g.keys {
		n += res.Counts.Count(k, form)
	}
	return n
}

func (g group) tokens(res *analyze.Result) int {
	n := 0
	for _, k := range g.keys {
		n += res.Counts.Tokens[k]
	}
	return n
}

func rate(count, tokens int) any {
	if tokens == 0 {
		return ""
	}
	return float64(count) / float64(tokens) * 1000
}
