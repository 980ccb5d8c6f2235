package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/unicode"
)

// splitReference writes the reference issue's three days as three issues.
func splitReference(t *testing.T, dir string) []string {
	t.Helper()
	data, err := os.ReadFile("../../testdata/two_sessions_2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	// masthead 1-5; March 5: lines 6-57; March 6: 58-92; March 7: 93-124; footer after
	head := strings.Join(lines[:5], "\n") + "\n"
	parts := [][2]int{{5, 57}, {57, 92}, {92, 124}}
	var paths []string
	for i, p := range parts {
		path := filepath.Join(dir, []string{"a_march5.txt", "b_march6.txt", "c_march7.txt"}[i])
		if err := os.WriteFile(path, []byte(head+strings.Join(lines[p[0]:p[1]], "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	return paths
}

// TestRunSeveralInputs: a directory of three issues gives three reports
// and a corpus report that adds them up, and the JSON summary says so.
func TestRunSeveralInputs(t *testing.T) {
	in := t.TempDir()
	splitReference(t, in)
	os.WriteFile(filepath.Join(in, "notes.odt"), []byte("not an issue"), 0o644)
	out := filepath.Join(t.TempDir(), "out")
	stdout, stderr, code := runCLI(t, "", "run", "--json", "--out", out, in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if want := "analyze: note: " + filepath.Join(in, "notes.odt") + ": skipped: not a format analyze reads (.odt)\n"; !strings.Contains(stderr, want) {
		t.Errorf("stderr = %q; want it to name the file skipped: %q", stderr, want)
	}
	var sum runSummary
	if err := json.Unmarshal([]byte(stdout), &sum); err != nil {
		t.Fatalf("--json output: %v\n%s", err, stdout)
	}
	if len(sum.Inputs) != 3 || sum.Corpus == nil {
		t.Fatalf("summary: %d inputs, corpus %v", len(sum.Inputs), sum.Corpus)
	}
	// by reading (see analyze.TestReferenceCounts): 41, 27 and 33 mentions a day
	for i, want := range []int{41, 27, 33} {
		s := sum.Inputs[i]
		if s.Mentions != want || s.Articles != 1 || len(s.SHA256) != 64 || s.Output != filepath.Join(out, strings.TrimSuffix(s.File, ".txt")) {
			t.Errorf("input %d: %+v; want 1 article, %d mentions", i, s, want)
		}
	}
	if sum.Corpus.Mentions != 101 || sum.Corpus.Articles != 3 || sum.Corpus.Output != filepath.Join(out, "corpus") {
		t.Errorf("corpus: %+v; want the 101 mentions of the three", sum.Corpus)
	}
	for _, k := range []string{"analyze", "render", "write", "total"} {
		if _, ok := sum.TimingMS[k]; !ok {
			t.Errorf("no %s timing", k)
		}
	}
	// the corpus workbook has a column per issue in By day
	f, err := excelize.OpenFile(filepath.Join(out, "corpus", "report.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("By day")
	if got := strings.Join(rows[0][3:7], "|"); got != "a_march5.txt|b_march6.txt|c_march7.txt|Total" {
		t.Errorf("corpus By day columns %q; want one per issue", got)
	}
	if rows[1][1] != "new quality productive forces" || strings.Join(rows[1][3:7], ",") != "6,1,3,10" {
		t.Errorf("corpus By day row %v; want new quality productive forces 6, 1, 3, 10", rows[1])
	}
	keyness, _ := os.ReadFile(filepath.Join(out, "corpus", "data", "keyness.csv"))
	if !strings.Contains(string(keyness), "\nissue b_march6.txt,") {
		t.Errorf("corpus keyness has no issue-against-the-rest rows")
	}
	// a second run, the flags written the other way, gives the same bytes
	// whatever order the parallel work finished in
	again := filepath.Join(t.TempDir(), "again")
	if _, stderr, code := runCLI(t, "", "run", in, "--out="+again, "-quiet"); code != 0 {
		t.Fatalf("second run: exit %d: %s", code, stderr)
	}
	for _, p := range []string{"a_march5/report.xlsx", "corpus/charts/top_formulations_by_day.png", "corpus/data/mentions.csv",
		"corpus/data/keyness.csv", "corpus/report.xlsx", "b_march6/data/cooccurrence.csv"} {
		a, err := os.ReadFile(filepath.Join(out, p))
		if err != nil {
			t.Errorf("missing %s", p)
			continue
		}
		if b, _ := os.ReadFile(filepath.Join(again, p)); !bytes.Equal(a, b) {
			t.Errorf("%s differs between two runs", p)
		}
	}
}

// TestChartsOfSeveralInputs: with several inputs the PNG charts are the
// corpus report's alone unless --charts issue asks for each issue's (an
// issue's workbook says where they are instead); --charts none draws none.
func TestChartsOfSeveralInputs(t *testing.T) {
	in := t.TempDir()
	splitReference(t, in)
	for _, tc := range []struct {
		flag        string
		issue, corp bool // charts/ in an issue's report, in the corpus's
		note        string
	}{
		{"", false, true, "The PNG charts of this run are in its corpus report (corpus/charts/), across its issues; run with --charts issue to draw each issue's."},
		{"--charts=issue", true, true, ""},
		{"--charts=none", false, false, "No PNG charts were drawn (--charts none)."},
	} {
		out := filepath.Join(t.TempDir(), "out")
		args := []string{"run", "--quiet", "--no-history", "--out", out, in}
		if tc.flag != "" {
			args = append(args, tc.flag)
		}
		if _, stderr, code := runCLI(t, "", args...); code != 0 {
			t.Fatalf("%q: exit %d: %s", tc.flag, code, stderr)
		}
		_, errIssue := os.Stat(filepath.Join(out, "b_march6", "charts", "top_formulations_by_day.png"))
		_, errCorp := os.Stat(filepath.Join(out, "corpus", "charts", "top_formulations_by_day.png"))
		if (errIssue == nil) != tc.issue || (errCorp == nil) != tc.corp {
			t.Errorf("%q: an issue's chart %v, the corpus's %v; want %v, %v", tc.flag, errIssue == nil, errCorp == nil, tc.issue, tc.corp)
		}
		rows := sheetRows(t, filepath.Join(out, "b_march6", "report.xlsx"), "Charts")
		last := rows[len(rows)-1]
		if tc.note != "" && (len(last) == 0 || last[0] != tc.note) {
			t.Errorf("%q: the issue's Charts sheet ends %q; want %q", tc.flag, last, tc.note)
		}
	}
	if _, stderr, code := runCLI(t, "", "run", "--charts", "some", in); code != exitUsage || stderr != "analyze: --charts \"some\": want issue, corpus or none\n" {
		t.Errorf("--charts some: exit %d, %q", code, stderr)
	}
}

// TestBadInputs: each bad input gives its exit code and one clear line,
// and writes nothing.
func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	emptyDir := filepath.Join(dir, "nothing")
	os.Mkdir(emptyDir, 0o755)
	os.WriteFile(filepath.Join(emptyDir, "scan.pdf"), []byte("%PDF-1.4"), 0o644)
	tests := []struct {
		name, input, wantErr string
		code                 int
	}{
		{"missing file", filepath.Join(dir, "missing.txt"), "analyze: " + filepath.Join(dir, "missing.txt") + ": no such file\n", 3},
		{"directory without .txt", emptyDir, "analyze: " + emptyDir + ": directory holds no .txt, .text, .md, .markdown, .html, .htm, .xhtml, .shtml files (1 other entry, such as scan.pdf: not a format analyze reads (.pdf))\n", 3},
		{"empty file", write("empty.txt", nil), "analyze: empty.txt: empty input\n", 3},
		{"binary file", write("binary.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")), "analyze: binary.txt:3: binary data (NUL byte), not a text issue\n", 3}, // \r\n and \n come before the first NUL
	}
	for _, tt := range tests {
		out := filepath.Join(dir, "out-"+strings.ReplaceAll(tt.name, " ", "-"))
		stdout, stderr, code := runCLI(t, "", "run", "--out", out, tt.input)
		if code != tt.code || stderr != tt.wantErr || stdout != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit %d, stderr %q", tt.name, code, stdout, stderr, tt.code, tt.wantErr)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("%s: output %s was written", tt.name, out)
		}
	}
}

// TestAwkwardInputs: inputs that are odd but readable give a report.
func TestAwkwardInputs(t *testing.T) {
	dir := t.TempDir()
	const text = "March 5, 2024\n\nXi Stresses Reform\n\nXi urged efforts to deepen reform and develop new quality productive forces.\n"
	utf16 := func(bom unicode.BOMPolicy) []byte {
		b, err := unicode.UTF16(unicode.LittleEndian, bom).NewEncoder().Bytes([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests := []struct {
		name    string
		data    []byte
		summary string // the line run prints
		warn    string // a warning on stderr, or ""
	}{
		{"utf16bom.txt", utf16(unicode.UseBOM), "utf16bom.txt: 1 article, 2 mentions of 2 formulations", ""},
		{"utf16.txt", utf16(unicode.IgnoreBOM), "utf16.txt: 1 article, 2 mentions of 2 formulations", ""},
		{"latin.txt", []byte("Xi stressed the people\x92s well-being \x96 and workplace safety.\n"), "latin.txt: 1 article, 2 mentions of 2 formulations",
			"analyze: warning: latin.txt:1: not valid UTF-8 on 1 line(s), first here; those lines were decoded as Windows-1252\n"},
		{"nodates.txt", []byte("Xi urged efforts to deepen reform.\n\nHe praised high-quality development.\n"), "nodates.txt: 1 article, 2 mentions of 2 formulations", ""},
	}
	for _, tt := range tests {
		p := filepath.Join(dir, tt.name)
		os.WriteFile(p, tt.data, 0o644)
		out := filepath.Join(dir, "out", tt.name)
		stdout, stderr, code := runCLI(t, "", "run", "--no-history", "--out", out, p)
		if code != 0 || stdout != tt.summary+"; report in "+out+"\n" || stderr != tt.warn {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want %q and warning %q", tt.name, code, stdout, stderr, tt.summary, tt.warn)
		}
	}
}

func TestOutputProblems(t *testing.T) {
	dir := t.TempDir()
	issue := filepath.Join(dir, "issue.txt")
	os.WriteFile(issue, []byte("Xi urged efforts to deepen reform.\n"), 0o644)
	file := filepath.Join(dir, "afile")
	os.WriteFile(file, []byte("x"), 0o644)
	tests := []struct{ out, wantErr string }{
		{file, "analyze: " + file + ": output path is a file, not a directory\n"},
		{filepath.Join(file, "report"), "analyze: " + file + ": cannot create output directory: not a directory\n"},
		// even root cannot make directories in /proc
		{"/proc/analyze-test/report", "analyze: /proc/analyze-test: cannot create output directory: no such file or directory\n"},
	}
	for _, tt := range tests {
		_, stderr, code := runCLI(t, "", "run", "--out", tt.out, issue)
		if code != 1 || stderr != tt.wantErr {
			t.Errorf("--out %s: exit %d, stderr %q; want 1, %q", tt.out, code, stderr, tt.wantErr)
		}
	}
}

// TestLockedOutput: a second run on an output a first run holds stops
// with a clear line, or waits with --wait.
func TestLockedOutput(t *testing.T) {
	dir := t.TempDir()
	issue := filepath.Join(dir, "issue.txt")
	os.WriteFile(issue, []byte("Xi urged efforts to deepen reform.\n"), 0o644)
	out := filepath.Join(dir, "report")
	unlock, err := lockOutput(context.Background(), out, false)
	if err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runCLI(t, "", "run", "--out", out, issue)
	if want := "analyze: " + out + ": another analyze run is writing this output; wait for it, or pass --wait\n"; code != 1 || stderr != want {
		t.Errorf("locked: exit %d, stderr %q; want 1, %q", code, stderr, want)
	}
	go func() {
		time.Sleep(300 * time.Millisecond)
		unlock()
	}()
	if _, stderr, code := runCLI(t, "", "run", "--wait", "--out", out, issue); code != 0 {
		t.Errorf("--wait: exit %d, %s", code, stderr)
	}
}

// TestInterruptedRun: a run whose context is cancelled (SIGINT, SIGTERM)
// writes nothing and leaves the previous report as it was.
func TestInterruptedRun(t *testing.T) {
	dir := t.TempDir()
	issue := filepath.Join(dir, "issue.txt")
	os.WriteFile(issue, []byte("Xi urged efforts to deepen reform.\n"), 0o644)
	out := filepath.Join(dir, "report")
	if _, stderr, code := runCLI(t, "", "run", "--out", out, issue); code != 0 {
		t.Fatalf("first run: %s", stderr)
	}
	before, _ := os.ReadFile(filepath.Join(out, "data", "mentions.csv"))
	os.WriteFile(issue, []byte("Xi praised high-quality development.\n"), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout, stderr bytes.Buffer
	code := exitStatus(run(ctx, []string{"run", "--out", out, issue}, strings.NewReader(""), &stdout, &stderr), &stderr)
	if want := "analyze: interrupted: nothing written, the previous report is left as it was\n"; code != 1 || stderr.String() != want {
		t.Errorf("interrupted: exit %d, stderr %q; want 1, %q", code, stderr.String(), want)
	}
	after, _ := os.ReadFile(filepath.Join(out, "data", "mentions.csv"))
	if !bytes.Equal(before, after) {
		t.Errorf("the previous report changed")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") || strings.Contains(e.Name(), ".old-") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

func TestQuietAndVerbose(t *testing.T) {
	dir := t.TempDir()
	issue := filepath.Join(dir, "issue.txt")
	os.WriteFile(issue, []byte("Xi stressed the people\x92s well-being.\n"), 0o644)
	stdout, stderr, code := runCLI(t, "", "run", "--quiet", "--out", filepath.Join(dir, "q"), issue)
	if code != 0 || stdout != "" || stderr != "" {
		t.Errorf("--quiet: exit %d, stdout %q, stderr %q; want nothing at all", code, stdout, stderr)
	}
	_, stderr, code = runCLI(t, "", "run", "-v", "--out", filepath.Join(dir, "v"), issue)
	if code != 0 || !strings.Contains(stderr, "analyze: read and analysed in") || !strings.Contains(stderr, "analyze: wrote "+filepath.Join(dir, "v")) {
		t.Errorf("-v: exit %d, stderr %q; want the stages", code, stderr)
	}
}

// TestChartFlags: --size, --dpi and --format svg reach the charts.
func TestChartFlags(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	if _, stderr, code := runCLI(t, "", "run", "--quiet", "--size", "800x600", "--dpi", "100", "--format", "svg", "--out", out,
		"../../testdata/two_sessions_2024.txt"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := os.Open(filepath.Join(out, "charts", "theme_network.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	if err != nil || cfg.Width != 800 || cfg.Height != 600 {
		t.Errorf("theme_network.png is %dx%d (%v); want 800x600", cfg.Width, cfg.Height, err)
	}
	svg, err := os.ReadFile(filepath.Join(out, "charts", "theme_network.svg"))
	if err != nil || !bytes.Contains(svg[:min(len(svg), 200)], []byte("<svg")) {
		t.Errorf("theme_network.svg missing or not SVG (%v)", err)
	}
	for _, bad := range [][]string{{"--size", "big"}, {"--dpi", "5"}, {"--format", "gif"}, {"--top", "0"}} {
		_, stderr, code := runCLI(t, "", append([]string{"run", "--out", out}, append(bad, "../../testdata/two_sessions_2024.txt")...)...)
		if code != exitUsage || !strings.HasPrefix(stderr, "analyze: "+bad[0]) {
			t.Errorf("%v: exit %d, %q; want a usage error", bad, code, stderr)
		}
	}
}

// TestWebPagesInFolder: a folder mixing saved pages and text files reads
// both, each page as one article of its main content (11 mentions by
// reading testdata/pages/xi_inspection.html, see analyze.TestNewsPage);
// a page on standard input is sniffed; a page of menus only is an input
// error naming it.
func TestWebPagesInFolder(t *testing.T) {
	page, err := os.ReadFile("../../testdata/pages/xi_inspection.html")
	if err != nil {
		t.Fatal(err)
	}
	in := t.TempDir()
	os.WriteFile(filepath.Join(in, "xi.html"), page, 0o644)
	os.WriteFile(filepath.Join(in, "note.txt"), []byte(smallIssue), 0o644)
	out, sum := runJSON(t, in)
	got := map[string]string{}
	for _, s := range sum.Inputs {
		got[s.File] = fmt.Sprintf("%d articles, %d mentions, %s", s.Articles, s.Mentions, s.Output)
	}
	want := map[string]string{
		"note.txt": "1 articles, 1 mentions, " + filepath.Join(out, "note"),
		"xi.html":  "1 articles, 11 mentions, " + filepath.Join(out, "xi"),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("inputs %v; want %v", got, want)
	}
	stdout, stderr, code := runCLI(t, string(page), "run", "--no-history", "--out", filepath.Join(t.TempDir(), "stdin"), "-")
	if code != 0 || !strings.HasPrefix(stdout, "-: 1 article, 11 mentions of 7 formulations") {
		t.Errorf("a page on standard input: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	menus := filepath.Join(in, "menus.html")
	os.WriteFile(menus, []byte(`<!DOCTYPE html><html><body><nav><a href="/">Home</a> <a href="/w">World</a></nav></body></html>`), 0o644)
	_, stderr, code = runCLI(t, "", "run", "--no-history", "--out", filepath.Join(t.TempDir(), "m"), menus)
	if want := "analyze: menus.html: no article text found in the page\n"; code != exitInput || stderr != want {
		t.Errorf("a page of menus: exit %d, stderr %q; want %d, %q", code, stderr, exitInput, want)
	}
}

// TestSiteTemplateAcrossFiles: four HTML pages of one site in a folder
// (testdata/pages/site) each carry, inside the article, the same
// promotion paragraph ("Download the China Daily Review app for more on
// common prosperity and high-quality development."): the run finds it on
// all four and drops it from each, listed in each page's Structure as
// "repeated on 4 of 4 pages", and none of its formulations is counted.
func TestSiteTemplateAcrossFiles(t *testing.T) {
	in := t.TempDir()
	for _, name := range []string{"page1.html", "page2.html", "page3.html", "page4.html"} {
		b, err := os.ReadFile(filepath.Join("../../testdata/pages/site", name))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(in, name), b, 0o644)
	}
	out := filepath.Join(t.TempDir(), "out")
	if _, stderr, code := runCLI(t, "", "run", "--no-history", "--out", out, in); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	const promo = "Download the China Daily Review app for more on common prosperity and high-quality development."
	for _, page := range []string{"page1", "page2", "page3", "page4"} {
		b, err := os.ReadFile(filepath.Join(out, page, "data", "structure.csv"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), "dropped: repeated on 4 of 4 pages,,") || strings.Count(string(b), promo) != 1 {
			t.Errorf("%s: the promotion line is not dropped once as repeated on 4 of 4 pages:\n%s", page, b)
		}
	}
	mentions, err := os.ReadFile(filepath.Join(out, "corpus", "data", "mentions.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(mentions), "China Daily Review app") {
		t.Errorf("a mention in the promotion line was counted:\n%s", mentions)
	}
}

// TestDateFlag: --date dates a text nothing else dates, and the
// workbook's provenance records it.
func TestDateFlag(t *testing.T) {
	in := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(in, []byte(smallIssue), 0o644)
	out := filepath.Join(t.TempDir(), "out")
	if _, stderr, code := runCLI(t, "", "run", "--no-history", "--date", "2024-03-05", "--out", out, in); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	articles, _ := os.ReadFile(filepath.Join(out, "data", "articles.csv"))
	if !strings.Contains(string(articles), "\n1,2024-03-05,") {
		t.Errorf("articles.csv does not date the article 2024-03-05:\n%s", articles)
	}
	f, err := excelize.OpenFile(filepath.Join(out, "report.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Summary")
	found := false
	for _, r := range rows {
		found = found || len(r) > 1 && r[0] == "Parameters" && strings.HasSuffix(r[1], "; date=2024-03-05")
	}
	if !found {
		t.Error("the workbook's parameters do not record --date")
	}
}

// runJSON runs `analyze run --json --no-history` on an input into a new
// directory, and returns the directory and the run's summary.
func runJSON(t *testing.T, in string) (string, runSummary) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	stdout, stderr, code := runCLI(t, "", "run", "--json", "--no-history", "--out", out, in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var sum runSummary
	if err := json.Unmarshal([]byte(stdout), &sum); err != nil {
		t.Fatal(err)
	}
	return out, sum
}

// TestReferenceFlag: --reference replaces the shipped reference corpus
// (texts: the 2003–2006 addresses; or the shipped frequency list itself),
// --no-reference leaves it out; a missing one is named.
func TestReferenceFlag(t *testing.T) {
	groups := func(args ...string) map[string]int {
		t.Helper()
		out := filepath.Join(t.TempDir(), "out")
		if _, stderr, code := runCLI(t, "", append([]string{"run", "--quiet", "--no-history", "--charts", "none", "--out", out}, append(args, sampleIssue)...)...); code != 0 {
			t.Fatalf("%v: exit %d, %s", args, code, stderr)
		}
		b, _ := os.ReadFile(filepath.Join(out, "data", "keyness.csv"))
		g := map[string]int{}
		for _, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(line, "against reference ") {
				g[strings.Split(line, ",")[0]]++
			}
		}
		return g
	}
	if g := groups(); len(g) != 1 || g["against reference sotu_1945-2006"] == 0 {
		t.Errorf("default: %v; want the shipped reference", g)
	}
	if g := groups("--reference", "../../analyze/reference/sotu_1945-2006.tsv.gz"); len(g) != 1 || g["against reference sotu_1945-2006"] == 0 {
		t.Errorf("--reference the shipped list: %v", g)
	}
	if g := groups("--reference", sotu0306(t)); len(g) != 1 || g["against reference state_of_the_union_2003-2006.txt"] == 0 {
		t.Errorf("--reference texts: %v", g)
	}
	if g := groups("--no-reference"); len(g) != 0 {
		t.Errorf("--no-reference: %v; want no group against a reference", g)
	}
	for _, tc := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"run", "--reference", "none.txt", sampleIssue}, exitInput, "analyze: none.txt: no such file\n"},
		{[]string{"run", "--reference", "x.txt", "--no-reference", sampleIssue}, exitUsage, "analyze: --reference and --no-reference contradict each other\n"},
	} {
		if _, stderr, code := runCLI(t, "", tc.args...); code != tc.code || stderr != tc.err {
			t.Errorf("%v: exit %d, %q; want %d, %q", tc.args, code, stderr, tc.code, tc.err)
		}
	}
}
