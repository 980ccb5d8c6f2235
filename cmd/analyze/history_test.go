package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
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
	for _, r := range sheetRows(t, xlsx, sheet) {
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
	if _, err := os.Stat(ownStore(t)); !os.IsNotExist(err) {
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
		{[]string{"run", "--no-history", "--history", "h.sqlite", sampleIssue}, exitUsage, "--history or --series and --no-history contradict each other"},
		{[]string{"run", "--no-history", "--series", "Xinhua", sampleIssue}, exitUsage, "--history or --series and --no-history contradict each other"},
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

// TestSeriesKeepInputsApart: issue 17's trip, as a user takes it. The
// sample (Beijing Review, 2024-03-05) and the 2003–2006 addresses (no
// publication) are run one after the other into out/, with no store
// named: both land in the user's store, which every run names, and the
// addresses' report compares them with nothing (they are a series of
// their own, said in a note); a later Beijing Review issue (2024-03-09)
// is compared with the sample only; an undated one stays out of the
// trends; history lists the series; trends asks which one to draw.
func TestSeriesKeepInputsApart(t *testing.T) {
	store := ownStore(t)
	dir := t.TempDir()
	out := func(name string) string { return filepath.Join(dir, "out", name) }
	masthead := "International Department of the CPC Central Committee       BEIJING REVIEW\n\n"
	later := write(t, filepath.Join(dir, "later.txt"), masthead+"March 9, 2024\n\nXi Meets Deputies\n\n"+
		"Xi Jinping stressed high-quality development and common prosperity.\n\nHe called for new quality productive forces.\n")
	undated := write(t, filepath.Join(dir, "undated.txt"), masthead+"Xi Visits Farmers in Hunan\n\n"+
		"Xi Jinping stressed high-quality development and the revitalization of rural areas.\n")

	for _, tc := range []struct{ input, name, history, note string }{
		{sampleIssue, "seed", `series "Beijing Review" 1 issue`, ""},
		{sotu0306(t), "sotu", `series "state_of_the_union_2003-2006.txt" 1 issue`,
			"analyze: note: state_of_the_union_2003-2006.txt names no publication: in the history it is a series of its own, compared with no other issue; --series NAME files it with others\n"},
		{later, "later", `series "Beijing Review" 2 issues, 2024-03-05 to 2024-03-09`, ""},
		{undated, "undated", `series "Beijing Review" 2 issues, 2024-03-05 to 2024-03-09 (and 1 undated, out of its trends)`, ""},
	} {
		stdout, stderr, code := runCLI(t, "", "run", "--out", out(tc.name), tc.input)
		want := "history: 1 issue recorded in " + store + "; " + tc.history + "\n"
		if code != 0 || !strings.HasSuffix(stdout, want) || stderr != tc.note {
			t.Errorf("run %s: exit %d, stdout %q, stderr %q; want the line %q and the note %q", tc.name, code, stdout, stderr, want, tc.note)
		}
	}
	// the addresses' report: no earlier issue, no 2024 in its Trends
	if r := sheetRow(t, filepath.Join(out("sotu"), "report.xlsx"), "Summary", 0, "History"); r[1] != `the first issue of "state_of_the_union_2003-2006.txt" in the history; see Trends` {
		t.Errorf("the addresses' History: %q; want the first issue", r[1])
	}
	if h := sheetRow(t, filepath.Join(out("sotu"), "report.xlsx"), "Trends", 0, "Theme"); strings.Join(h[4:6], "|") != "2003-01-28 (this issue)|2003-01-28 (this issue) per 1,000" {
		t.Errorf("the addresses' Trends columns %q; want their own date alone (mentions, then per 1,000)", h[4:])
	}
	// the undated issue's report says why it has no place
	if r := sheetRow(t, filepath.Join(out("undated"), "report.xlsx"), "Summary", 0, "History"); r[1] != `undated, so out of the trends of "Beijing Review" (2 issues dated); give it a date (--date) to place it` {
		t.Errorf("the undated issue's History: %q", r[1])
	}
	if r := sheetRow(t, filepath.Join(out("later"), "report.xlsx"), "Summary", 0, "History"); r[1] != `2 issues of "Beijing Review" in the history (2024-03-05 to 2024-03-09); this is number 2 by date, 1 before it; see Trends` {
		t.Errorf("the later issue's History: %q", r[1])
	}
	// the later issue: the sample's day and its own; new quality productive
	// forces is no longer new (the sample had it), common prosperity is
	// (the sample never says it: read, and no match in its mentions.csv)
	xlsx := filepath.Join(out("later"), "report.xlsx")
	if h := sheetRow(t, xlsx, "Trends", 0, "Theme"); strings.Join(h[4:6], "|") != "2024-03-05|2024-03-09 (this issue)" {
		t.Errorf("the later issue's Trends columns %q; want the sample's date, then its own", h[4:])
	}
	if r := sheetRow(t, xlsx, "Trends", 1, "new quality productive forces"); strings.Join(r[4:6], "|") != "10|1" {
		t.Errorf("Trends row %q; want 10 (the sample) then 1", r)
	}
	newRows := map[string]bool{}
	for _, r := range sheetRows(t, xlsx, "Summary") {
		if len(r) >= 3 && r[0] == "formulation" {
			newRows[r[2]] = true
		}
	}
	if !newRows["common prosperity"] || newRows["new quality productive forces"] || newRows["high-quality development"] {
		t.Errorf("New this issue %v; want common prosperity, not new quality productive forces or high-quality development", newRows)
	}

	// --json and -v name the store
	stdout, stderr, _ := runCLI(t, "", "run", "--json", "-v", "--out", out("later"), later)
	var sum runSummary
	if err := json.Unmarshal([]byte(stdout), &sum); err != nil || sum.History == nil || sum.History.Store != store ||
		fmt.Sprint(sum.History.Series) != "[{Beijing Review 2 1 2024-03-05 2024-03-09}]" || sum.Inputs[0].Series != "Beijing Review" {
		t.Errorf("run --json: %v, history %+v, input series %q", err, sum.History, sum.Inputs[0].Series)
	}
	if !strings.Contains(stderr, "analyze: history "+store+": 4 issues before this run\n") {
		t.Errorf("run -v does not name the store:\n%s", stderr)
	}

	// history: the series, then each one's issues; --json marks the undated one
	stdout, _, code := runCLI(t, "", "history")
	if code != 0 || !strings.HasPrefix(stdout, store+": 4 issues in 2 series\n") ||
		!strings.Contains(stdout, "\nBeijing Review: 2 issues, oldest first\n") || !strings.Contains(stdout, "undated.txt — ") {
		t.Errorf("history: exit %d\n%s", code, stdout)
	}
	stdout, _, _ = runCLI(t, "", "history", "--json", "--series", "beijing review")
	var listed []struct {
		Series, Name string
		InTrends     bool `json:"in_trends"`
	}
	if err := json.Unmarshal([]byte(stdout), &listed); err != nil || fmt.Sprint(listed) != "[{Beijing Review two_sessions_2024.txt true} {Beijing Review later.txt true} {Beijing Review undated.txt false}]" {
		t.Errorf("history --json --series: %v %+v", err, listed)
	}
	// trends: which series?
	for _, tc := range []struct {
		args []string
		code int
		out  string
	}{
		{[]string{"trends", "--out", filepath.Join(dir, "t0")}, exitUsage,
			`analyze: the store holds 2 series: name one with --series ("Beijing Review", "state_of_the_union_2003-2006.txt"; analyze history lists them)` + "\n"},
		{[]string{"trends", "--series", "Beijng Review", "--out", filepath.Join(dir, "t0")}, exitUsage,
			`analyze: --series "Beijng Review": no such series in the store; did you mean "Beijing Review"?` + "\n"},
		// the sample's 66 formulations and common prosperity
		{[]string{"trends", "--series", "beijing review", "--out", filepath.Join(dir, "t1")}, 0,
			"Beijing Review: 2 issues (1 issue left out: undated), 67 formulations counted; trends in " + filepath.Join(dir, "t1") + "\n"},
	} {
		stdout, stderr, code := runCLI(t, "", tc.args...)
		if got := stdout + stderr; code != tc.code || got != tc.out {
			t.Errorf("%q: exit %d, %q; want %d, %q", tc.args, code, got, tc.code, tc.out)
		}
	}
}

// sheetRows reads a sheet of a workbook.
func sheetRows(t *testing.T, xlsx, sheet string) [][]string {
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
	return rows
}

// TestOldStoreNamed: a store an earlier version kept beside the reports
// (out/history.sqlite) is not read, and the first run without the user's
// store says how to go on with it.
func TestOldStoreNamed(t *testing.T) {
	store := ownStore(t)
	dir := t.TempDir()
	old := write(t, filepath.Join(dir, "out", "history.sqlite"), "an earlier version's store")
	_, stderr, code := runCLI(t, "", "run", "--out", filepath.Join(dir, "out", "seed"), sampleIssue)
	want := "analyze: note: " + old + ", kept by an earlier version beside the reports, is not read: the history is now kept in " + store +
		"; give --history " + old + " to go on with it, or move it there\n"
	if code != 0 || stderr != want {
		t.Errorf("exit %d, stderr %q; want %q", code, stderr, want)
	}
	if _, stderr, _ := runCLI(t, "", "run", "--out", filepath.Join(dir, "out", "seed"), sampleIssue); stderr != "" {
		t.Errorf("second run: stderr %q; want nothing (the user's store is there now)", stderr)
	}
}

// TestDroppedFormulation: four Beijing Review issues a day apart; the
// first three say "common prosperity" and "high-quality development"
// once each, the fourth only "high-quality development" and "new quality
// productive forces" (read). The fourth's report lists common prosperity
// as dropped (in 3 of the 3 issues before, last on 2024-03-03, once), in
// its Summary and in --json; no theme fell (all three formulations are
// the Development theme's, 100% of the mentions in every issue).
func TestDroppedFormulation(t *testing.T) {
	ownStore(t)
	dir := t.TempDir()
	masthead := "International Department of the CPC Central Committee       BEIJING REVIEW\n\n"
	for d := 1; d <= 3; d++ {
		p := write(t, filepath.Join(dir, fmt.Sprintf("day%d.txt", d)), masthead+fmt.Sprintf("March %d, 2024\n\nXi Speaks\n\n", d)+
			"Xi Jinping stressed common prosperity and high-quality development.\n")
		if _, stderr, code := runCLI(t, "", "run", "--quiet", "--out", filepath.Join(dir, "out", fmt.Sprint(d)), p); code != 0 {
			t.Fatalf("day %d: %s", d, stderr)
		}
	}
	p := write(t, filepath.Join(dir, "day4.txt"), masthead+"March 4, 2024\n\nXi Speaks Again\n\n"+
		"Xi Jinping stressed high-quality development and new quality productive forces.\n")
	out := filepath.Join(dir, "out", "4")
	stdout, stderr, code := runCLI(t, "", "run", "--json", "--out", out, p)
	var sum runSummary
	if err := json.Unmarshal([]byte(stdout), &sum); code != 0 || err != nil {
		t.Fatalf("exit %d, %v: %s", code, err, stderr)
	}
	if got := fmt.Sprint(sum.Inputs[0].Dropped, sum.Inputs[0].DroppedThemes); got != "[{Development common prosperity 3 3 2024-03-03 1}] []" {
		t.Errorf("--json dropped: %s", got)
	}
	var found []string
	for _, r := range sheetRows(t, filepath.Join(out, "report.xlsx"), "Summary") {
		if len(r) >= 5 && r[0] == "formulation" && r[4] != "" {
			found = append(found, strings.Join(r[:5], "|"))
		}
	}
	if strings.Join(found, "\n") != "formulation|3|common prosperity|Development|2024-03-03 (1 mention)" {
		t.Errorf("Summary, Dropped: %q", found)
	}
	// keyness against the issues before: common prosperity 3 times in
	// them (once a day), never now; the reference's words are the three
	// days' 10 each ("Xi Speaks" and the 8 words of the sentence); new
	// quality productive forces, once in all, is under keyness's minimum
	// of 2
	b, err := os.ReadFile(filepath.Join(out, "data", "keyness.csv"))
	if err != nil {
		t.Fatal(err)
	}
	var against []string
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Split(line, ",")
		if len(f) > 8 && f[0] == "against earlier issues of Beijing Review" && (f[1] == "common prosperity" || f[1] == "new quality productive forces") {
			against = append(against, strings.Join([]string{f[1], f[2], f[3], f[8]}, " "))
		}
	}
	if got := strings.Join(against, "; "); got != "common prosperity 0 3 30" {
		t.Errorf("keyness against the issues before: %q; want common prosperity 0 vs 3 in 3 × 10 words", got)
	}

	// the third issue has two before it: nothing can have dropped
	if r := sheetRows(t, filepath.Join(dir, "out", "3", "report.xlsx"), "Summary"); slices.ContainsFunc(r, func(r []string) bool {
		return len(r) > 0 && r[0] == "Dropped since the issues before"
	}) {
		t.Errorf("the third issue's Summary has a Dropped section")
	}
}

// TestWordingChanged: three Beijing Review issues a day apart; the first
// two say "a high-standard socialist market economy" (a lexicon entry that
// ends with the entry "socialist market economy"), the third "a
// high-level socialist market economy" (read). The third's report says
// the wording changed: high-level where 2 of the 2 issues before said
// high-standard, with the line in context, in Summary and --json.
func TestWordingChanged(t *testing.T) {
	ownStore(t)
	dir := t.TempDir()
	var sentences []string
	for _, word := range []string{"high-standard", "high-standard", "high-level"} {
		sentences = append(sentences, "Xi Jinping called for building a "+word+" socialist market economy.")
	}
	for d, sum := range beijingReviewDays(t, dir, "Xi Speaks", sentences...) {
		want := "[]"
		if d == 2 {
			want = "[{socialist market economy high-level 1 high-standard 2 2}]"
		}
		if got := fmt.Sprint(sum.Inputs[0].Drift); got != want {
			t.Errorf("day %d: --json drift %s; want %s", d+1, got, want)
		}
	}
	found := summaryRows(t, filepath.Join(dir, "out", "3", "report.xlsx"), "high-level", 6)
	if want := "high-level|1|socialist market economy|high-standard|2 of 2|Xi Jinping called for building a high-level [socialist market economy] ."; strings.Join(found, "\n") != want {
		t.Errorf("Summary, Wording changed: %q; want %q", found, want)
	}
}

// summaryRows is the rows of a workbook's Summary sheet that open with
// first, each its first n cells joined by "|".
func summaryRows(t *testing.T, path, first string, n int) []string {
	t.Helper()
	var found []string
	for _, r := range sheetRows(t, path, "Summary") {
		if len(r) >= n && r[0] == first {
			found = append(found, strings.Join(r[:n], "|"))
		}
	}
	return found
}

// TestListLeftOut: four Beijing Review issues a day apart; the first two
// set out "industrial chains, supply chains and innovation chains", the
// third "industrial chains and supply chains", the fourth "innovation
// chains, industrial chains and supply chains" (read). The third's report
// says innovation chains was left out of a list 2 of the 2 issues before
// set out whole, with the sentence, in Summary and --json; the fourth's
// that the order changed; the first two say nothing.
func TestListLeftOut(t *testing.T) {
	ownStore(t)
	dir := t.TempDir()
	var sentences []string
	for _, list := range []string{"industrial chains, supply chains and innovation chains", "industrial chains, supply chains and innovation chains",
		"industrial chains and supply chains", "innovation chains, industrial chains and supply chains"} {
		sentences = append(sentences, "China will make its "+list+" more resilient.")
	}
	for d, sum := range beijingReviewDays(t, dir, "Chains", sentences...) {
		want := "[]"
		switch d {
		case 2:
			want = "[{left out [innovation chains] [industrial chains supply chains] 1 [industrial chains supply chains innovation chains] 2 2}]"
		case 3: // the whole list, innovation chains first: an order none of the 3 before used
			want = "[{order changed [] [innovation chains industrial chains supply chains] 1 [industrial chains supply chains innovation chains] 2 3}]"
		}
		if got := fmt.Sprint(sum.Inputs[0].ListDrift); got != want {
			t.Errorf("day %d: --json list_drift %s; want %s", d+1, got, want)
		}
	}
	found := summaryRows(t, filepath.Join(dir, "out", "3", "report.xlsx"), "left out: innovation chains", 4)
	want := "left out: innovation chains|1|2 of 2|usual: industrial chains; supply chains; innovation chains | now: China will make its industrial chains and supply chains more resilient."
	if strings.Join(found, "\n") != want {
		t.Errorf("Summary, Wording changed: %q; want %q", found, want)
	}
}

// beijingReviewDays records, in the test's own store, one Beijing Review
// issue a day from March 1, 2024, each a headline and the sentence of
// its day, and returns each run's --json summary; reports go to
// dir/out/1, 2, ….
func beijingReviewDays(t *testing.T, dir, headline string, sentences ...string) []runSummary {
	t.Helper()
	masthead := "International Department of the CPC Central Committee       BEIJING REVIEW\n\n"
	var out []runSummary
	for d, sentence := range sentences {
		p := write(t, filepath.Join(dir, fmt.Sprintf("day%d.txt", d+1)), masthead+fmt.Sprintf("March %d, 2024\n\n%s\n\n", d+1, headline)+sentence+"\n")
		stdout, stderr, code := runCLI(t, "", "run", "--json", "--out", filepath.Join(dir, "out", fmt.Sprint(d+1)), p)
		if code != 0 {
			t.Fatalf("day %d: %s", d+1, stderr)
		}
		var sum runSummary
		if err := json.Unmarshal([]byte(stdout), &sum); err != nil {
			t.Fatal(err)
		}
		out = append(out, sum)
	}
	return out
}

// TestDiscoveryAgainstEarlier: two Beijing Review issues a day apart. The
// first says "public services" three times; the second says it three
// times too, and "rural pensions" twice (read). Alone (no history), the
// second's Discovered ranks public services first (3 against 2); against
// the issue before it, where public services is as frequent, it sinks
// below rural pensions, which the issue before never said.
func TestDiscoveryAgainstEarlier(t *testing.T) {
	ownStore(t)
	dir := t.TempDir()
	day1 := "The reform improves public services in towns. Banks fund public services. Villages cut fees on public services."
	day2 := "The reform lifts rural pensions and improves public services. Banks fund public services. Villages cut fees on public services and raise rural pensions."
	beijingReviewDays(t, dir, "Local News", day1, day2)
	order := func(path string) string {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var ranked []string
		for _, line := range strings.Split(string(data), "\n")[1:] {
			if p, _, _ := strings.Cut(line, ","); p == "public services" || p == "rural pensions" {
				ranked = append(ranked, p)
			}
		}
		return strings.Join(ranked, " > ")
	}
	if got := order(filepath.Join(dir, "out", "2", "data", "discovered.csv")); got != "rural pensions > public services" {
		t.Errorf("against the issue before: %s; want rural pensions first", got)
	}
	alone := filepath.Join(dir, "alone")
	if _, stderr, code := runCLI(t, "", "run", "--quiet", "--no-history", "--out", alone, filepath.Join(dir, "day2.txt")); code != 0 {
		t.Fatal(stderr)
	}
	if got := order(filepath.Join(alone, "data", "discovered.csv")); got != "public services > rural pensions" {
		t.Errorf("alone: %s; want public services first (3 against 2)", got)
	}
}
