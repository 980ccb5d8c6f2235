package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/issuelens/analyze/analyze/analyzetest"
	"github.com/issuelens/analyze/internal/testfiles"

	"github.com/issuelens/analyze/analyze"
)

var update = flag.Bool("update", false, "rewrite the golden files under ../testdata")

func readReference(t testing.TB) *analyze.Issue {
	return analyzetest.Read(t, testfiles.Sample(t))
}

// golden compares got with the golden file, or rewrites it under -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./... -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (go test ./... -update rewrites it after you have checked the difference):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestInspectGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteStructureText(&buf, StructureOf(readReference(t))); err != nil {
		t.Fatal(err)
	}
	golden(t, "../testdata/two_sessions_2024.inspect.golden", buf.Bytes())
}

// TestInspectPagesGolden: what inspect shows of the web page fixtures
// (testdata/pages, see FIXTURES.md), read as a run reads them: each file
// alone, the four pages of the site folder as one batch.
func TestInspectPagesGolden(t *testing.T) {
	site := make([]string, 4)
	for i := range site {
		site[i] = testfiles.Testdata(t, filepath.Join("pages", "site", fmt.Sprintf("page%d.html", i+1)))
	}
	batches := [][]string{{testfiles.Testdata(t, "pages/oneline_dump.txt")}, {testfiles.Testdata(t, "pages/twelve_pages.txt")},
		{testfiles.Testdata(t, "pages/xi_inspection.html")}, site}
	for _, batch := range batches {
		for i, iss := range analyzetest.ReadBatch(t, batch...) {
			var buf bytes.Buffer
			if err := WriteStructureText(&buf, StructureOf(iss)); err != nil {
				t.Fatal(err)
			}
			golden(t, batch[i]+".inspect.golden", buf.Bytes())
		}
	}
}

func TestInspectJSONMatchesText(t *testing.T) {
	s := StructureOf(readReference(t))
	var buf bytes.Buffer
	if err := WriteStructureJSON(&buf, s); err != nil {
		t.Fatal(err)
	}
	var back Structure
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatalf("JSON does not parse: %v", err)
	}
	// the counts a reader checked (see analyze.TestReferenceIssue)
	var got []int
	for _, a := range back.Articles {
		got = append(got, a.Paragraphs, a.Sentences, a.Captions, a.CaptionCopies)
	}
	want := []int{19, 22, 1, 2, 13, 16, 1, 1, 12, 13, 1, 1}
	if len(got) != len(want) {
		t.Fatalf("JSON counts %v; want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("JSON counts %v; want %v", got, want)
		}
	}
	if back.Title != "Xi Jinping at the Two Sessions" || len(back.Dropped) != 21 || back.Articles[0].Date != "2024-03-05" ||
		back.Articles[0].ParagraphLines[18] != [2]int{46, 46} {
		t.Errorf("JSON structure = %+v", back)
	}
}
