package analyze

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"maps"
	"math"
	"os"
	"strings"
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

// TestReadReference: a list reads back as written, CRLF line ends too,
// and a list that is not one is refused with the line at fault.
func TestReadReference(t *testing.T) {
	gz := func(s string) *bytes.Buffer {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write([]byte(s))
		zw.Close()
		return &buf
	}
	want := &Reference{Name: "tiny", Lang: "en", Tokens: 12, Phrases: map[string]int{"people": 3, "economic growth": 2}}
	var buf bytes.Buffer
	if err := want.Write(&buf); err != nil {
		t.Fatal(err)
	}
	for _, in := range []*bytes.Buffer{&buf, gz("# tiny 12 en\r\n3\tpeople\r\n2\teconomic growth\r\n")} {
		got, err := ReadReference(in)
		if err != nil || got.Name != "tiny" || got.Lang != "en" || got.Tokens != 12 || !maps.Equal(got.Phrases, want.Phrases) {
			t.Errorf("ReadReference = %+v, %v; want %+v", got, err, want)
		}
	}
	for in, msg := range map[string]string{
		"# tiny en\n1\tpeople\n":            `reference:1: want "# NAME TOKENS LANGUAGE"`,
		"# tiny x en\n1\tpeople\n":          `reference:1: strconv.Atoi: parsing "x": invalid syntax`,
		"# tiny 12 en\n1\tpeople\n\n":       "reference:3: want COUNT<tab>PHRASE",
		"# tiny 12 en\n1\tpeople\nmany a\n": "reference:3: want COUNT<tab>PHRASE",
	} {
		if _, err := ReadReference(gz(in)); err == nil || err.Error() != msg {
			t.Errorf("ReadReference(%q): %v; want %s", in, err, msg)
		}
	}
	if _, err := ReadReference(strings.NewReader("3\tpeople\n2\teconomic growth\n")); err == nil || !strings.HasPrefix(err.Error(), "reference: gzip") {
		t.Errorf("ReadReference of a list not compressed: %v; want a gzip error", err)
	}
}
