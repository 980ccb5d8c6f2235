package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/issuelens/analyze/internal/testfiles"

	"github.com/issuelens/analyze/history"
	"github.com/xuri/excelize/v2"
)

const (
	sampleIssue = "../../testdata/two_sessions_2024.txt"
)

// sotu0306 is the public corpus's four addresses of 2003 to 2006
// (2003-01-28 to 2006-01-31), in ../shared.
func sotu0306(t *testing.T) string {
	t.Helper()
	return testfiles.Shared(t, "corpus/state_of_the_union_2003-2006.txt")
}

// readCSV reads a CSV file into rows by their first column.
func readCSV(t *testing.T, path string) (header []string, rows map[string][]string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	all, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	rows = map[string][]string{}
	for _, r := range all[1:] {
		rows[r[0]] = r
	}
	return all[0], rows
}

// sheetRow returns the row of sheet whose column col holds value.
func sheetRow(t *testing.T, xlsx, sheet string, col int, value string) []string {
	t.Helper()
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if len(r) > col && r[col] == value {
			return r
		}
	}
	t.Fatalf("%s %s: no row with %q", filepath.Base(xlsx), sheet, value)
	return nil
}

func storedIssues(t *testing.T, path string) int {
	t.Helper()
	s, err := history.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	issues, err := s.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return len(issues)
}

// TestRunKeepsHistory: two issues analysed one after the other into out/
// share out/history.sqlite; the second report's Trends sheet holds both,
// its Discovered flags what the first issue did not have; running it again
// counts nothing twice and gives the same bytes; history and trends read
// the store.
func TestRunKeepsHistory(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	store := filepath.Join(out, "history.sqlite")
	if _, stderr, code := runCLI(t, "", "run", "--quiet", "--out", filepath.Join(out, "sotu"), sotu0306(t)); code != 0 {
		t.Fatalf("first run: exit %d, %s", code, stderr)
	}
	if n := storedIssues(t, store); n != 1 {
		t.Fatalf("after the first run the store holds %d issues; want 1", n)
	}
	if r := sheetRow(t, filepath.Join(out, "sotu", "report.xlsx"), "Summary", 0, "History"); r[1] != "the first issue in the history; see Trends" {
		t.Errorf("first report's History: %q", r[1])
	}
	ref := filepath.Join(out, "ref")
	if _, stderr, code := runCLI(t, "", "run", "--quiet", "--out", ref, sampleIssue); code != 0 {
		t.Fatalf("second run: exit %d, %s", code, stderr)
	}
	if n := storedIssues(t, store); n != 2 {
		t.Fatalf("after the second run the store holds %d issues; want 2", n)
	}
	// Trends: new quality productive forces 0 in the addresses, 10 in the
	// sample (6 + 1 + 3 by day); first counted 2024-03-05
	xlsx := filepath.Join(ref, "report.xlsx")
	header := sheetRow(t, xlsx, "Trends", 0, "theme")
	if strings.Join(header[4:6], "|") != "2003-01-28|2024-03-05 (this issue)" {
		t.Errorf("Trends columns %q; want the addresses' date, then this issue", header[4:6])
	}
	if r := sheetRow(t, xlsx, "Trends", 1, "new quality productive forces"); strings.Join(r[2:6], "|") != "2024-03-05||0|10" {
		t.Errorf("Trends row %q; want first seen 2024-03-05, 0 then 10", r)
	}
	if r := sheetRow(t, xlsx, "Summary", 0, "History"); r[1] != "2 issues in the history (2003-01-28 to 2024-03-05); this is number 2 by date, 1 before it; see Trends" {
		t.Errorf("second report's History: %q", r[1])
	}
	// Summary, New this issue: new quality productive forces, counted 10
	// times here and never in the addresses; private sector (3 times in
	// the addresses, once here) is not new
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	summary, _ := f.GetRows("Summary")
	f.Close()
	newRows := map[string]string{}
	for _, r := range summary {
		if len(r) >= 3 && r[0] == "formulation" {
			newRows[r[2]] = r[1]
		}
	}
	if newRows["new quality productive forces"] != "10" || newRows["private sector"] != "" || len(newRows) == 0 {
		t.Errorf("New this issue: %v; want new quality productive forces 10 and not private sector", newRows)
	}
	// Discovered: "yes" for what the addresses never had as a candidate,
	// "no" only for phrases that were candidates of the addresses
	_, first := readCSV(t, filepath.Join(out, "sotu", "data", "discovered.csv"))
	hdr, second := readCSV(t, filepath.Join(ref, "data", "discovered.csv"))
	col := len(hdr) - 1
	if hdr[col] != "new_this_issue" || second["new quality productive forces"][col] != "yes" {
		t.Fatalf("discovered.csv: column %q, new quality productive forces %q; want new_this_issue, yes", hdr[col], second["new quality productive forces"][col])
	}
	earlier := map[string]bool{}
	for p := range first {
		earlier[strings.ToLower(p)] = true
	}
	for p, r := range second {
		if (r[col] == "no") != earlier[strings.ToLower(p)] {
			t.Errorf("%q flagged %q; a candidate of the addresses: %v", p, r[col], earlier[strings.ToLower(p)])
		}
	}
	for _, r := range first {
		if r[len(r)-1] != "" {
			t.Fatalf("first report flags %q as %q; want nothing (no earlier issue)", r[0], r[len(r)-1])
		}
	}

	// the same issue again: nothing counted twice, the same report
	before, _ := os.ReadFile(xlsx)
	if _, stderr, code := runCLI(t, "", "run", "--quiet", "--out", ref, sampleIssue); code != 0 {
		t.Fatalf("third run: exit %d, %s", code, stderr)
	}
	after, _ := os.ReadFile(xlsx)
	if n := storedIssues(t, store); n != 2 || !bytes.Equal(before, after) {
		t.Errorf("re-run: %d issues stored, workbook the same: %v; want 2, true", n, bytes.Equal(before, after))
	}

	stdout, stderr, code := runCLI(t, "", "history", "--history", store)
	if code != 0 || !strings.HasPrefix(stdout, store+": 2 issue(s), oldest first\n") ||
		!strings.Contains(stdout, "1  2003-01-28  state_of_the_union_2003-2006.txt") || !strings.Contains(stdout, "2  2024-03-05  two_sessions_2024.txt — Xi Jinping at the Two Sessions") {
		t.Errorf("history: exit %d, %q, %q", code, stdout, stderr)
	}
	trends := filepath.Join(dir, "trends")
	if stdout, stderr, code := runCLI(t, "", "trends", "--history", store, "--out", trends); code != 0 || stdout != "2 issues, 68 formulations counted; trends in "+trends+"\n" {
		t.Fatalf("trends: exit %d, %q, %q", code, stdout, stderr)
	}
	if r := sheetRow(t, filepath.Join(trends, "trends.xlsx"), "Trends", 1, "new quality productive forces"); strings.Join(r[4:6], "|") != "0|10" {
		t.Errorf("trends.xlsx row %q; want 0 then 10", r)
	}
	if _, err := os.Stat(filepath.Join(trends, "charts", "formulation_trend.png")); err != nil {
		t.Error(err)
	}
	// formulations chosen by their English phrase or Chinese form, named in both languages
	chosen := filepath.Join(dir, "chosen")
	if _, stderr, code := runCLI(t, "", "trends", "--history", store, "--out", chosen, "--labels", "both",
		"--phrase", "new quality productive forces", "--phrase", "高质量发展"); code != 0 {
		t.Errorf("trends --phrase: exit %d, %q", code, stderr)
	}
	for _, tc := range []struct{ args, err string }{
		{"--phrase|no such formulation", `--phrase "no such formulation": no such formulation in the lexicon`},
		{"--labels|fr", `--labels "fr": say en or both`},
	} {
		args := append([]string{"trends", "--history", store, "--out", filepath.Join(dir, "bad")}, strings.Split(tc.args, "|")...)
		if _, stderr, code := runCLI(t, "", args...); code != exitUsage || !strings.Contains(stderr, tc.err) {
			t.Errorf("%v: exit %d, %q; want %d and %q", args, code, stderr, exitUsage, tc.err)
		}
	}
}

// TestNoHistory: --no-history reads and writes no store, and the report
// says so.
func TestNoHistory(t *testing.T) {
	out := filepath.Join(t.TempDir(), "report")
	if _, stderr, code := runCLI(t, "", "run", "--quiet", "--no-history", "--out", out, sampleIssue); code != 0 {
		t.Fatalf("exit %d, %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(out), "history.sqlite")); !os.IsNotExist(err) {
		t.Errorf("--no-history left a store: %v", err)
	}
	if r := sheetRow(t, filepath.Join(out, "report.xlsx"), "Summary", 0, "History"); r[1] != "not kept (--no-history)" {
		t.Errorf("History: %q", r[1])
	}
	for _, tc := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"run", "--no-history", "--history", "h.sqlite", sampleIssue}, exitUsage, "--history and --no-history contradict each other"},
		{[]string{"history", "--history", filepath.Join(out, "none.sqlite")}, exitInput, filepath.Join(out, "none.sqlite") + ": no history store here"},
		{[]string{"trends", "--history", filepath.Join(out, "report.xlsx"), "--out", filepath.Join(out, "t")}, exitInput, filepath.Join(out, "report.xlsx") + ": not a history store"},
		{[]string{"trends", "--history", filepath.Join(out, "none.sqlite")}, exitUsage, "trends needs --out DIR"},
	} {
		_, stderr, code := runCLI(t, "", tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.err) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, %q; want %d and one line with %q", tc.args, code, stderr, tc.code, tc.err)
		}
	}
}

// TestConcurrentRunsShareHistory: runs writing different reports at the
// same time into one store all land.
func TestConcurrentRunsShareHistory(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "history.sqlite")
	inputs := []string{sampleIssue, sotu0306(t)}
	var wg sync.WaitGroup
	errs := make([]error, len(inputs))
	for i, in := range inputs {
		wg.Go(func() {
			errs[i] = run(context.Background(), []string{"run", "--quiet", "--history", store, "--out", filepath.Join(dir, filepath.Base(in)), in},
				strings.NewReader(""), io.Discard, io.Discard)
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("%s: %v", inputs[i], err)
		}
	}
	if n := storedIssues(t, store); n != 2 {
		t.Errorf("store holds %d issues; want 2", n)
	}
}
