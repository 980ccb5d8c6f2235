package report

import "github.com/issuelens/analyze/analyze"

// The groupings of the sheets are analyze's, the ones the charts use: the
// tables "by day" run over Result.Periods (the days of an issue, or the
// issues of a corpus, in the order the charts colour them), the tables
// "by venue" over Result.Venues; sums are Group.Count and Group.Tokens.

// rate is count per 1,000 tokens as a cell: empty when there are no
// tokens.
func rate(count, tokens int) any {
	if v, ok := analyze.Rate(count, tokens); ok {
		return v
	}
	return ""
}
