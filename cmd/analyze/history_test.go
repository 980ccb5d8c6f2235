package main

import (
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
