package analyze

import (
	"bytes"
	"flag"
	"fmt"
	"math"
	"os"
	"testing"

	"github.com/issuelens/analyze/internal/testfiles"
)

var updateReference = flag.Bool("update-reference", false, "rewrite analyze/reference/ from the public corpus in ../shared")

// TestReferenceFile: the shipped background is the one built from the
// public corpus (go test ./analyze -run TestReferenceFile -update-reference
// rewrites it), and it reads back.
func TestReferenceFile(t *testing.T) {
	text, err := os.ReadFile(testfiles.Shared(t, "corpus/state_of_the_union_1945-2006.txt"))
	if err != nil {
		t.Fatal(err)
	}
	lang, err := newEnglish()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := BuildReference(lang, "sotu_1945-2006", string(text)).Write(&buf); err != nil {
		t.Fatal(err)
	}
	const path = "reference/sotu_1945-2006.tsv.gz"
	if *updateReference {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if shipped, _ := os.ReadFile(path); !bytes.Equal(shipped, buf.Bytes()) {
		t.Fatalf("%s is not the reference built from the corpus; rebuild it with -update-reference", path)
	}
	ref, err := DefaultReference()
	if err != nil {
		t.Fatal(err)
	}
	// "the american people" and "economic growth" are in every decade of the
	// addresses; "new quality productive forces" in none
	if ref.Phrases["the american people"] < 50 || ref.Phrases["economic growth"] < 10 || ref.Phrases["new quality productive forces"] != 0 {
		t.Errorf("reference: the american people %d, economic growth %d, new quality productive forces %d",
			ref.Phrases["the american people"], ref.Phrases["economic growth"], ref.Phrases["new quality productive forces"])
	}
	// economic growth: 82 times in the addresses' 345,769 words; 6 times
	// in 20,000 is (6.5/20000) / (82.5/345769) = 1.362 times as frequent,
	// log2 0.446, / 4 = 0.111: it sinks to a ninth of its score
	if s := ref.Specificity("economic growth", 6, 20000); ref.Phrases["economic growth"] != 82 || ref.Tokens != 345769 || math.Abs(s-0.1115) > 0.0005 {
		t.Errorf("economic growth 6 times in 20,000 words: specificity %v (%d of %d); want 0.1115", s, ref.Phrases["economic growth"], ref.Tokens)
	}
	if s := ref.Specificity("the american people", 1, 20000); s != 0.1 {
		t.Errorf("the american people once in 20,000 words: specificity %v; want the floor, 0.1", s)
	}
	if s := ref.Specificity("new quality productive forces", 4, 20000); s != 1 {
		t.Errorf("new quality productive forces 4 times in 20,000 words: specificity %v; want 1", s)
	}
}

// TestKeynessAgainstReference: the sample (1,526 word tokens) against the
// addresses (345,769): new quality productive forces 10 times here and
// never there, log ratio log2((10/1526) / (0.5/345769)) = 12.146 (a zero
// taken as 0.5); "america" never here and 1,065 times there, log2((0.5/
// 1526) / (1065/345769)) = -3.233. The day and venue groups are as
// before: the rest of the issue is their reference.
func TestKeynessAgainstReference(t *testing.T) {
	res := referenceResult(t)
	got := map[string]string{}
	groups := map[string]bool{}
	for _, k := range res.Keyness {
		groups[k.Group] = true
		if k.Group == KeyAgainstPrefix+"sotu_1945-2006" && (k.Item == "new quality productive forces" || k.Item == "america") {
			got[k.Item] = fmt.Sprintf("%d %d %d %d %.3f", k.Target, k.Reference, k.TargetTokens, k.ReferenceTokens, k.LogRatio)
		}
	}
	want := map[string]string{"new quality productive forces": "10 0 1526 345769 12.146", "america": "0 1065 1526 345769 -3.233"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("against the reference: %v; want %v", got, want)
	}
	if !groups["day 2024-03-05"] || !groups["venue Jiangsu delegation"] {
		t.Errorf("groups %v; want the days and venues too", groups)
	}
}
