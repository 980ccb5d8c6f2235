package analyze

import (
	"fmt"
	"strings"
	"testing"
)

// TestRankAgainstEarlier, worked by hand. The text has 24 word tokens (the
// headline's 1; 8, 5, 6 and 4 in the sentences), "local governments" 3
// times and "rural pensions" twice: scores 3 and 2 (C-value, two words,
// no longer phrase holding them; no reference). Against earlier issues of
// 1,000 tokens holding local governments 30 times, its specificity is
// log2((3.5/24) / (30.5/1000)) / 4 = log2(4.781) / 4 = 0.564, so it
// scores 1.693; rural pensions, never said there, keeps all of its 2
// (log2((2.5/24) / (0.5/1000)) / 4 > 1) and now comes first.
func TestRankAgainstEarlier(t *testing.T) {
	text := "March 5, 2024\n\nNews\n\nWe asked local governments to raise rural pensions. Banks lent local governments money. " +
		"Cities and local governments cut fees. Farmers want rural pensions.\n"
	res := analyzeText(t, builtinAnalyzer(t), text, Options{NoReference: true})
	tokens := 0
	for _, n := range res.Counts.Tokens {
		tokens += n
	}
	rank := func() string {
		var out []string
		for _, c := range res.Discovered {
			if c.Phrase == "local governments" || c.Phrase == "rural pensions" {
				out = append(out, fmt.Sprintf("%s %.3f", c.Phrase, c.Score))
			}
		}
		return strings.Join(out, "; ")
	}
	if got := rank(); tokens != 24 || got != "local governments 3.000; rural pensions 2.000" {
		t.Fatalf("alone: %d tokens, %s; want 24, local governments 3, rural pensions 2", tokens, got)
	}
	res.RankAgainstEarlier(1000, map[string]int{"Local governments": 30})
	if got := rank(); got != "rural pensions 2.000; local governments 1.693" {
		t.Errorf("against earlier issues: %s; want rural pensions 2, local governments 1.693", got)
	}
}
