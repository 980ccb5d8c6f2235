package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/issuelens/analyze/analyze/lexicon"
)

func runCLI(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	ownStore(t)
	args = smallCharts(args)
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), args, strings.NewReader(stdin), &stdout, &stderr)
	code := exitStatus(err, &stderr)
	return stdout.String(), stderr.String(), code
}

// smallCharts has a `run` draw its charts at 400×300 px, 50 dpi, unless
// the test asks for a size: drawing is most of a run's time under the
// race detector (a sample run 4.7 s at full size, 2.4 s small), and what
// these tests check does not depend on it. Full-size drawing is checked by
// the charts package, TestRunWritesGoldenTables and the large tests.
func smallCharts(args []string) []string {
	if len(args) == 0 || args[0] != "run" || slices.ContainsFunc(args, func(a string) bool {
		return strings.HasPrefix(strings.TrimLeft(a, "-"), "size") || strings.HasPrefix(strings.TrimLeft(a, "-"), "dpi")
	}) {
		return args
	}
	return append([]string{"run", "--size", "400x300", "--dpi", "50"}, args[1:]...)
}

// TestRunWritesGoldenTables: `analyze run` on the reference issue writes
// the four tables, byte for byte the goldens checked by reading.
func TestRunWritesGoldenTables(t *testing.T) {
	out := filepath.Join(t.TempDir(), "report")
	// at the default chart size (see smallCharts)
	stdout, stderr, code := runCLI(t, "", "run", "--size", "1600x900", "--dpi", "150", "--out", out, "../../testdata/two_sessions_2024.txt")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if want := "two_sessions_2024.txt: 3 articles, 101 mentions of 66 formulations; report in " + out + "\n" +
		"history: 1 issue recorded in " + ownStore(t) + `; series "Beijing Review" 1 issue` + "\n"; stdout != want {
		t.Errorf("stdout = %q; want %q", stdout, want)
	}
	for _, name := range []string{"articles.csv", "mentions.csv", "phrase_counts.csv", "themes.csv", "cooccurrence.csv", "discovered.csv", "keyness.csv", "structure.csv"} {
		got, err := os.ReadFile(filepath.Join(out, "data", name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("../../testdata/two_sessions_2024.golden/data", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from its golden", name)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	for _, e := range entries {
		if e.Name() != "report" {
			t.Errorf("output parent holds %s; want only the report (no history store, no lock file, no temporary directories left)", e.Name())
		}
	}
}

// TestFailedRunKeepsPreviousReport: a run that fails leaves the report
// that was there as it was.
func TestFailedRunKeepsPreviousReport(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "report")
	issue := filepath.Join(dir, "issue.txt")
	os.WriteFile(issue, []byte("Xi urged efforts to deepen reform.\n"), 0o644)
	if _, stderr, code := runCLI(t, "", "run", "--out", out, issue); code != 0 {
		t.Fatalf("first run: exit %d %s", code, stderr)
	}
	before, _ := os.ReadFile(filepath.Join(out, "data", "mentions.csv"))
	os.WriteFile(issue, []byte{}, 0o644) // now empty: rejected
	if _, _, code := runCLI(t, "", "run", "--out", out, issue); code != 3 {
		t.Fatalf("run on an empty input: exit %d; want 3", code)
	}
	after, err := os.ReadFile(filepath.Join(out, "data", "mentions.csv"))
	if err != nil || !bytes.Equal(before, after) {
		t.Errorf("previous report changed by a failed run: %v", err)
	}
}

func TestLexiconCommand(t *testing.T) {
	stdout, stderr, code := runCLI(t, "", "lexicon")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if !bytes.Equal([]byte(stdout), lexicon.DefaultYAML()) {
		t.Errorf("analyze lexicon does not print the default lexicon as embedded")
	}
	back, err := lexicon.Parse(strings.NewReader(stdout), "copy.yaml")
	if err != nil {
		t.Fatalf("the printed lexicon does not parse back: %v", err)
	}
	def, _ := lexicon.Default()
	if len(back.Themes) != len(def.Themes) {
		t.Errorf("printed lexicon has %d themes; default %d", len(back.Themes), len(def.Themes))
	}
}

// TestWarningsSummarised: three lines of over 5,000 bytes in one input
// give one warning line saying how many more there are; -v lists all
// three, and --json holds all three.
func TestWarningsSummarised(t *testing.T) {
	long := strings.Repeat("Xi urged efforts to deepen reform and to pursue high-quality development in every sector. ", 60)
	in := filepath.Join(t.TempDir(), "long.txt")
	if err := os.WriteFile(in, []byte(long+"\n\n"+long+"\n\n"+long+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runCLI(t, "", "run", "--no-history", "--out", filepath.Join(t.TempDir(), "o"), in)
	if code != 0 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "long.txt:1: ") || !strings.Contains(stderr, "(and 2 more like it; -v lists them)") {
		t.Errorf("exit %d, stderr %q; want one warning line saying 2 more", code, stderr)
	}
	_, stderr, _ = runCLI(t, "", "run", "-v", "--no-history", "--out", filepath.Join(t.TempDir(), "o"), in)
	if n := strings.Count(stderr, "bytes on one line"); n != 3 {
		t.Errorf("-v: %d long-line warnings; want 3:\n%s", n, stderr)
	}
	stdout, _, _ := runCLI(t, "", "run", "--json", "--no-history", "--out", filepath.Join(t.TempDir(), "o"), in)
	if n := strings.Count(stdout, "bytes on one line"); n != 3 {
		t.Errorf("--json: %d long-line warnings; want 3", n)
	}
}
