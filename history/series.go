package history

import (
	"sort"
	"strings"
)

// How a series was chosen for an issue, as SeriesOf says it.
const (
	SeriesGiven       = "given with --series"
	SeriesPublication = "the publication named in it"
	SeriesAlone       = "no publication named in it: it stands alone, under its file name"
)

// SeriesOf is the series an issue belongs to, and how it was chosen: the
// name given (--series), else the publication read from the issue, else
// the issue's file name, so that an issue naming no publication is
// compared with no other until it is given a series.
func SeriesOf(given, publication, name string) (series, how string) {
	switch {
	case strings.TrimSpace(given) != "":
		return strings.Join(strings.Fields(given), " "), SeriesGiven
	case strings.TrimSpace(publication) != "":
		return strings.Join(strings.Fields(publication), " "), SeriesPublication
	}
	if name == "-" {
		name = "standard input"
	}
	return name, SeriesAlone
}

// SeriesKey is what makes two series names one series: case and spacing
// do not count.
func SeriesKey(name string) string {
	return strings.ToLower(strings.Join(strings.Fields(name), " "))
}

// Series is one series of a store, as listed.
type Series struct {
	Name        string
	Issues      int // all its issues
	Dated       int // those with a date: its history
	First, Last string
}

// SeriesList lists the series of the issues, by name (case aside).
func SeriesList(issues []Issue) []Series {
	byKey := map[string][]Issue{}
	for _, is := range issues {
		k := SeriesKey(is.Info.Series)
		byKey[k] = append(byKey[k], is)
	}
	var out []Series
	for _, iss := range byKey {
		ordered := order(iss)
		s := Series{Name: ordered[0].Info.Series, Issues: len(ordered)}
		for _, is := range ordered {
			if d := is.Info.Date; d != "" {
				s.Dated++
				if s.First == "" {
					s.First = d
				}
				s.Last = d
			}
		}
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := SeriesKey(out[i].Name), SeriesKey(out[j].Name)
		if a != b {
			return a < b
		}
		return out[i].Name < out[j].Name
	})
	return out
}
