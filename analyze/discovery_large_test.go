//go:build !race

// The Chinese series' precision: six reports analysed, which the race
// detector makes slow.

package analyze_test

import (
	"os"
	"testing"

	"github.com/issuelens/analyze/analyze"
	"github.com/issuelens/analyze/analyze/analyzetest"
	"github.com/issuelens/analyze/internal/testfiles"
)

// TestDiscoveryPrecisionSeries: precision at 20 of discovery, by our
// reading (testdata/discovery_judgments.tsv), on the Chinese 2017
// Government Work Report ranked against the five before it, as a history
// store of the series ranks it (see Result.RankAgainstEarlier); alone,
// its top 20 held 6 formulations (0.30).
func TestDiscoveryPrecisionSeries(t *testing.T) {
	known, judged := judgments(t)
	zh, err := analyze.NewLanguage("zh")
	if err != nil {
		t.Fatal(err)
	}
	lex := analyzetest.Lexicon(t)
	rd, az := analyze.NewReaderIn(zh, analyze.VenuesOf(lex)), analyze.NewAnalyzerIn(zh, lex)
	earlier, tokens := map[string]int{}, 0
	var res *analyze.Result
	for _, year := range []string{"2012", "2013", "2014", "2015", "2016", "2017"} {
		f, err := os.Open(testfiles.Shared(t, "corpus/government_work_reports/zh/"+year+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		iss, err := rd.Read(f, year+".txt")
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if res, err = az.Analyze(iss, analyze.Options{}); err != nil {
			t.Fatal(err)
		}
		if year == "2017" {
			break
		}
		for _, c := range res.Discovered {
			earlier[c.Phrase] += c.Count
		}
		for _, n := range res.Counts.Tokens {
			tokens += n
		}
	}
	res.RankAgainstEarlier(tokens, earlier)
	precisionAt20(t, "gwr2017zh-series", res.Discovered, known, judged, 0.45)
}
