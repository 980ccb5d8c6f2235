package analyze

import (
	"fmt"
	"strings"
	"testing"
)

// TestRankAgainstEarlier, worked by hand. The text has 28 word tokens (the
// headline's 1; 11, 4, 8 and 4 in the sentences), "public services" 3
// times and "rural pensions" twice: scores 3 and 2 (C-value, two words,
// no longer phrase holding them twice; no reference). Against earlier
// issues of 1,000 tokens holding public services 30 times, its
// specificity is log2((3.5/28) / (30.5/1000)) / 4 = log2(4.098) / 4 =
// 0.509, so it scores 1.526; rural pensions, never said there, keeps all
// of its 2 (log2((2.5/28) / (0.5/1000)) / 4 = 1.87, at most 1) and now
// comes first.
func TestRankAgainstEarlier(t *testing.T) {
	text := "March 5, 2024\n\nNews\n\nWe asked cities to improve public services and raise rural pensions. Banks fund public services. " +
		"Towns and villages cut fees on public services. Farmers want rural pensions.\n"
	res := analyzeText(t, builtinAnalyzer(t), text, Options{NoReference: true})
	tokens := 0
	for _, n := range res.Counts.Tokens {
		tokens += n
	}
	rank := func() string {
		var out []string
		for _, c := range res.Discovered {
			if c.Phrase == "public services" || c.Phrase == "rural pensions" {
				out = append(out, fmt.Sprintf("%s %.3f", c.Phrase, c.Score))
			}
		}
		return strings.Join(out, "; ")
	}
	if got := rank(); tokens != 28 || got != "public services 3.000; rural pensions 2.000" {
		t.Fatalf("alone: %d tokens, %s; want 28, public services 3, rural pensions 2", tokens, got)
	}
	res.RankAgainstEarlier(1000, map[string]int{"Public services": 30})
	if got := rank(); got != "rural pensions 2.000; public services 1.526" {
		t.Errorf("against earlier issues: %s; want rural pensions 2, public services 1.526", got)
	}
}

// TestNameLike: names and titles, and bodies, offices and occasions named
// in lower case, are no formulations (discovery keeps a tenth of their
// score); by reading each phrase below.
func TestNameLike(t *testing.T) {
	en := english(t).(interface{ NameLike(string) bool })
	for form, want := range map[string]bool{
		"State Council": true, "Communist Party of China": true, "14th National People's Congress": true,
		"political advisors": true, "local governments": true, "national legislature": true, "press conference": true, "foreign minister": true,
		"new quality productive forces": false, "Chinese modernization": false, "high-standard farmland": false, "group": false,
	} {
		if got := en.NameLike(form); got != want {
			t.Errorf("NameLike(%q) = %v; want %v", form, got, want)
		}
	}
}
