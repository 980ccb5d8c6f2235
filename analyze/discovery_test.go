package analyze_test

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/issuelens/analyze/analyze"
	"github.com/issuelens/analyze/analyze/analyzetest"
	"github.com/issuelens/analyze/internal/testfiles"
)

// TestDiscoveryPrecision: precision at 20 of discovery by our reading
// (testdata/discovery_judgments.tsv) on the sample, the English 2017
// Government Work Report and the twelve People's Daily pages: at least
// what it was when judged (docs/counting.md, Discovery), and every phrase of each
// top 20 judged. Before the reference corpus, strict term patterns,
// names and lexicon pieces (2026-12-02): 0.45, 0.35 and lower.
func TestDiscoveryPrecision(t *testing.T) {
	known, judged := judgments(t)
	for _, tc := range []struct {
		source, path string
		least        float64
	}{
		{"sample", "../testdata/two_sessions_2024.txt", 0.65},
		{"gwr2017", testfiles.Shared(t, "corpus/government_work_reports/en/2017.txt"), 0.60},
		{"pages", "../testdata/pages/twelve_pages.txt", 0.35},
	} {
		precisionAt20(t, tc.source, analyzetest.Analyze(t, tc.path).Discovered, known, judged, tc.least)
	}
}

// judgments reads testdata/discovery_judgments.tsv: the source|phrase
// pairs judged, and those judged formulations.
func judgments(t *testing.T) (known, judged map[string]bool) {
	t.Helper()
	known, judged = map[string]bool{}, map[string]bool{}
	f, err := os.Open("../testdata/discovery_judgments.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		c := strings.Split(sc.Text(), "\t")
		if len(c) != 4 || (c[2] != "yes" && c[2] != "no") {
			t.Fatalf("judgments: %q: want source, phrase, yes or no, why", sc.Text())
		}
		known[c[0]+"|"+c[1]] = true
		judged[c[0]+"|"+c[1]] = c[2] == "yes"
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return known, judged
}

// precisionAt20 checks that the share of a top 20 judged formulations is
// at least least, and that every phrase of it is judged.
func precisionAt20(t *testing.T, source string, discovered []analyze.Candidate, known, judged map[string]bool, least float64) {
	t.Helper()
	top := discovered[:min(20, len(discovered))]
	yes := 0
	for _, c := range top {
		k := source + "|" + c.Phrase
		if !known[k] {
			t.Errorf("%s: %q is in the top 20 but not judged in testdata/discovery_judgments.tsv", source, c.Phrase)
		}
		if judged[k] {
			yes++
		}
	}
	if p := float64(yes) / float64(len(top)); p < least {
		t.Errorf("%s: precision at 20 %.2f (%d of %d); was %.2f", source, p, yes, len(top), least)
	}
}
