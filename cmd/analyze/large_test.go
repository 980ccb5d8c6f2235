//go:build !race

// These tests feed large inputs and real signals. The race detector makes
// them too slow, so `make test` runs them once more without it.

package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/issuelens/analyze/internal/testfiles"
	"github.com/xuri/excelize/v2"
)

// TestTenMegabyteLine: a scraped page run together on one 10 MB line is
// read sentence by sentence.
func TestTenMegabyteLine(t *testing.T) {
	dir := t.TempDir()
	const sentence = "Xi Jinping stressed high-quality development in a speech on Tuesday and more words here. "
	const n = 120000 // 10.7 MB; one mention of high-quality development a sentence
	p := filepath.Join(dir, "page.txt")
	if err := os.WriteFile(p, []byte(strings.Repeat(sentence, n)), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	stdout, stderr, code := runCLI(t, "", "run", "--no-history", "--out", out, p)
	if want := "page.txt: 1 article, 120000 mentions of 1 formulation; report in " + out + "\n"; code != 0 || stdout != want {
		t.Errorf("exit %d, stdout %q; want %q", code, stdout, want)
	}
	// 10,680,000 bytes less the final space, trimmed as every line is
	if want := "analyze: warning: page.txt:1: 10679999 bytes on one line; read as 120000 sentence paragraphs\n"; stderr != want {
		t.Errorf("stderr %q; want %q", stderr, want)
	}
}

// TestSignalLeavesPreviousReport sends SIGINT and SIGTERM to a real
// analyze process in the middle of a run: it exits 1 with one line, the
// previous report is as it was and no temporary directory is left.
func TestSignalLeavesPreviousReport(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "report")
	bin, big, _, before := interruptible(t, dir, out)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		cmd := exec.Command(bin, "run", "--out", out, big)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(1500 * time.Millisecond)
		cmd.Process.Signal(sig)
		err := cmd.Wait()
		code := cmd.ProcessState.ExitCode()
		if want := "analyze: interrupted: nothing written, the previous report is left as it was\n"; code != 1 || stderr.String() != want {
			t.Errorf("%v: exit %d (%v), stderr %q; want 1, %q", sig, code, err, stderr.String(), want)
		}
		after, _ := os.ReadFile(filepath.Join(out, "data", "mentions.csv"))
		if !bytes.Equal(before, after) {
			t.Errorf("%v: the previous report changed", sig)
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.Contains(e.Name(), ".tmp-") || strings.Contains(e.Name(), ".old-") {
				t.Errorf("%v: left behind %s", sig, e.Name())
			}
		}
	}
}

// TestKillLeavesNothing: a run killed with SIGKILL (no chance to clean
// up) leaves no spool file in $TMPDIR and the previous report as it was;
// the next run works and leaves no staging directory or journal.
func TestKillLeavesNothing(t *testing.T) {
	ownStore(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "out", "report")
	bin, big, small, before := interruptible(t, dir, out)
	tmp := filepath.Join(dir, "tmp")
	os.Mkdir(tmp, 0o755)
	for _, after := range []time.Duration{1500 * time.Millisecond, 3 * time.Second} {
		cmd := exec.Command(bin, "run", "--out", out, big)
		cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(after)
		cmd.Process.Kill()
		cmd.Wait()
		if entries, _ := os.ReadDir(tmp); len(entries) > 0 {
			t.Errorf("killed after %v: $TMPDIR holds %s", after, entries[0].Name())
		}
		if got, _ := os.ReadFile(filepath.Join(out, "data", "mentions.csv")); !bytes.Equal(got, before) {
			t.Errorf("killed after %v: the previous report changed", after)
		}
	}
	if b, err := exec.Command(bin, "run", "--out", out, small).CombinedOutput(); err != nil {
		t.Fatalf("run after the kills: %v\n%s", err, b)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "out"))
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") || strings.Contains(e.Name(), ".old-") || strings.Contains(e.Name(), ".journal") {
			t.Errorf("left behind after the next run: %s", e.Name())
		}
	}
}

// interruptible builds analyze into dir, writes a big input (the public
// corpus three times, 6 MB: 9 s of work on 2 cores) and a small one, and
// runs the small one into out: the report a killed run must leave as it
// was. It returns the binary, the inputs and that report's mentions.csv.
func interruptible(t *testing.T, dir, out string) (bin, big, small string, mentions []byte) {
	t.Helper()
	bin = buildBinary(t, dir)
	corpus, err := os.ReadFile(testfiles.Shared(t, "corpus/state_of_the_union_1945-2006.txt"))
	if err != nil {
		t.Fatal(err)
	}
	// three copies of distinct text (the years of the second and third a
	// century and two on): none is read as a copy of the first (dropped
	// unread, which would end the run before it is killed)
	big = filepath.Join(dir, "big.txt")
	os.WriteFile(big, distinctCopies(corpus, 3), 0o644)
	small = filepath.Join(dir, "small.txt")
	os.WriteFile(small, []byte("Xi urged efforts to deepen reform.\n"), 0o644)
	if b, err := exec.Command(bin, "run", "--out", out, small).CombinedOutput(); err != nil {
		t.Fatalf("first run: %v\n%s", err, b)
	}
	mentions, _ = os.ReadFile(filepath.Join(out, "data", "mentions.csv"))
	return bin, big, small, mentions
}

// buildBinary builds analyze into dir, as make build does (without cgo).
func buildBinary(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "analyze")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestProgressBarOnTerminal: a run of several inputs shows a progress bar
// when stderr is a terminal (script(1) gives it one), stage by stage
// (reading and analysing with the rate so far, drawing charts, writing
// reports and history), and nothing when it is not (cron).
func TestProgressBarOnTerminal(t *testing.T) {
	dir := t.TempDir()
	bin := buildBinary(t, dir)
	ref, _ := os.ReadFile("../../testdata/two_sessions_2024.txt")
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	os.WriteFile(filepath.Join(in, "a.txt"), ref, 0o644)
	os.WriteFile(filepath.Join(in, "b.txt"), ref, 0o644)
	script := testfiles.Program(t, "script", "bsdutils")
	tty, err := exec.Command(script, "-qec", bin+" run --out "+filepath.Join(dir, "tty")+" "+in, "/dev/null").CombinedOutput()
	for _, stage := range []string{"reading and analysing", "MB/s", "preparing reports", "drawing charts, writing reports and history"} {
		if err != nil || !strings.Contains(string(tty), stage) {
			t.Errorf("on a terminal: %v, output %q; want a progress bar showing %q", err, tty, stage)
		}
	}
	cmd := exec.Command(bin, "run", "--out", filepath.Join(dir, "cron"), in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil || stderr.Len() != 0 {
		t.Errorf("not a terminal: %v, stderr %q; want nothing", err, stderr.String())
	}
}

// TestThreeThousandDays: 3,000 articles, each under a date heading of its
// own, are 3,000 dated articles with one mention each.
func TestThreeThousandDays(t *testing.T) {
	var headings strings.Builder
	for d := range 3000 {
		day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, d)
		headings.WriteString(day.Format("January 2, 2006") + "\n\nXi urged efforts to deepen reform.\n\n")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "headings.txt")
	if err := os.WriteFile(p, []byte(headings.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	stdout, stderr, code := runCLI(t, "", "run", "--no-history", "--out", out, p)
	if want := "headings.txt: 3000 articles, 3000 mentions of 1 formulation; report in " + out + "\n"; code != 0 || stdout != want || stderr != "" {
		t.Errorf("exit %d, stdout %q, stderr %q; want %q", code, stdout, stderr, want)
	}
}

// TestTranslationPair: the 2017 Government Work Report in Chinese and in
// its official English (../shared), one run: the two are paired by their
// date (2017-03-05 both, from their delivery lines), and the corpus's
// Translation table (CSV and sheet) lines them up. By reading both texts:
// 新发展理念 stands once and "new development philosophy" once; 新动能 five
// times and its English five times ("new growth drivers" 3, one of them
// run into the next sentence with no space, "drivers.We"; "New drivers of
// growth" 1, "New growth drivers" 1); 稳中求进
// twice, rendered "while maintaining stable performance, endeavor to make
// progress", which the lexicon does not know: only in Chinese. --pair
// pairs them the same way by name; a pair of two English inputs is a
// usage error.
func TestTranslationPair(t *testing.T) {
	dir := t.TempDir()
	for lang, name := range map[string]string{"zh": "gwr2017_zh.txt", "en": "gwr2017_en.txt"} {
		b, err := os.ReadFile(testfiles.Shared(t, "corpus/government_work_reports/"+lang+"/2017.txt"))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, name), b, 0o644)
	}
	for _, args := range [][]string{{}, {"--pair", "gwr2017_zh.txt,gwr2017_en.txt"}} {
		out := filepath.Join(t.TempDir(), "out")
		if _, stderr, code := runCLI(t, "", append(append([]string{"run", "--no-history", "--out", out}, args...), dir)...); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		data, err := os.ReadFile(filepath.Join(out, "corpus", "data", "translation.csv"))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil || strings.Join(rows[0], ",") != "zh_issue,en_issue,date,theme,phrase,zh,count_zh,count_en,english_renderings,drift" {
			t.Fatalf("header %v (%v)", rows[0], err)
		}
		byZH := map[string]string{}
		for _, r := range rows[1:] {
			byZH[r[5]] = strings.Join([]string{r[1], r[2], r[6], r[7], r[8], r[9]}, "|")
		}
		for zh, want := range map[string]string{
			"新发展理念": "gwr2017_en.txt|2017-03-05|1|1|new development philosophy (1)|",
			"新动能":   "gwr2017_en.txt|2017-03-05|5|5|new growth drivers (3); New drivers of growth (1); New growth drivers (1)|",
			"稳中求进":  "gwr2017_en.txt|2017-03-05|2|0||only in Chinese",
		} {
			if byZH[zh] != want {
				t.Errorf("%v: %s: %q; want %q", args, zh, byZH[zh], want)
			}
		}
		if row := sheetRow(t, filepath.Join(out, "corpus", "report.xlsx"), "Translation", 5, "新动能"); len(row) < 8 || row[6] != "5" || row[7] != "5" {
			t.Errorf("Translation sheet row of 新动能: %v", row)
		}
	}
	out := filepath.Join(t.TempDir(), "out")
	if _, stderr, code := runCLI(t, "", "run", "--no-history", "--pair", "gwr2017_en.txt,gwr2017_en.txt", "--out", out, dir); code != 64 || !strings.Contains(stderr, "--pair gwr2017_en.txt,gwr2017_en.txt") {
		t.Errorf("a pair of two English inputs: exit %d, %s; want 64 naming the pair", code, stderr)
	}
	// the corpus is merged while the issues' reports are written: its
	// failure leaves none of them
	if entries, _ := os.ReadDir(out); len(entries) > 0 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("the run that failed left %v in its output; want nothing", names)
	}
}

// TestLanguageOfEachInput: in a folder of an English and a Chinese
// text, each is read in its own language (--lang auto, the default): the
// Chinese text's formulations are counted from the lexicon's Chinese
// forms (by reading: 高质量发展 twice, once across a line break, 新质生产力
// once, 产业链 and 供应链 once each: 5), the English one's as before; --lang
// with an unknown code is a usage error.
func TestLanguageOfEachInput(t *testing.T) {
	in := t.TempDir()
	os.WriteFile(filepath.Join(in, "note.txt"), []byte(smallIssue), 0o644)
	os.WriteFile(filepath.Join(in, "report.txt"), []byte("政府工作报告\n\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n\n"+
		"各位代表：\n\n我们要推动高质\n量发展，加快发展新质生产力，提升产业链供应链韧性，推动高质量发展。\n"), 0o644)
	_, sum := runJSON(t, in)
	got := map[string]int{}
	for _, s := range sum.Inputs {
		got[s.File] = s.Mentions
	}
	if got["report.txt"] != 5 || got["note.txt"] != 1 {
		t.Errorf("mentions %v; want report.txt 5, note.txt 1", got)
	}
	_, stderr, code := runCLI(t, "", "run", "--lang", "xx", "--no-history", "--out", filepath.Join(t.TempDir(), "x"), in)
	if code != exitUsage || !strings.Contains(stderr, `--lang: "xx" is not auto or a language code (en, zh)`) {
		t.Errorf("--lang xx: exit %d, %q", code, stderr)
	}
}

// TestRunKeepsHistory: two issues analysed one after the other, filed in
// one series (--series, its case aside), share the user's store; the
// second report's Trends sheet holds both, its Discovered flags what the
// first issue did not have; running it again counts nothing twice and
// gives the same bytes; history and trends read the store.
func TestRunKeepsHistory(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	store := ownStore(t)
	if _, stderr, code := runCLI(t, "", "run", "--quiet", "--series", "Speeches", "--out", filepath.Join(out, "sotu"), sotu0306(t)); code != 0 {
		t.Fatalf("first run: exit %d, %s", code, stderr)
	}
	if n := storedIssues(t, store); n != 1 {
		t.Fatalf("after the first run the store holds %d issues; want 1", n)
	}
	if r := sheetRow(t, filepath.Join(out, "sotu", "report.xlsx"), "Summary", 0, "History"); r[1] != `the first issue of "Speeches" in the history; see Trends` {
		t.Errorf("first report's History: %q", r[1])
	}
	ref := filepath.Join(out, "ref")
	if _, stderr, code := runCLI(t, "", "run", "--quiet", "--series", "speeches", "--out", ref, sampleIssue); code != 0 {
		t.Fatalf("second run: exit %d, %s", code, stderr)
	}
	if n := storedIssues(t, store); n != 2 {
		t.Fatalf("after the second run the store holds %d issues; want 2", n)
	}
	// Trends: new quality productive forces 0 in the addresses, 10 in the
	// sample (6 + 1 + 3 by day); first counted 2024-03-05
	xlsx := filepath.Join(ref, "report.xlsx")
	header := sheetRow(t, xlsx, "Trends", 0, "Theme")
	if strings.Join(header[4:6], "|") != "2003-01-28|2024-03-05 (this issue)" {
		t.Errorf("Trends columns %q; want the addresses' date, then this issue", header[4:6])
	}
	if r := sheetRow(t, xlsx, "Trends", 1, "new quality productive forces"); strings.Join(r[2:6], "|") != "2024-03-05||0|10" {
		t.Errorf("Trends row %q; want first seen 2024-03-05, 0 then 10", r)
	}
	if r := sheetRow(t, xlsx, "Summary", 0, "History"); r[1] != `2 issues of "Speeches" in the history (2003-01-28 to 2024-03-05); this is number 2 by date, 1 before it; see Trends` {
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
	col := slices.Index(hdr, "new_this_issue")
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
		if r[col] != "" {
			t.Fatalf("first report flags %q as %q; want nothing (no earlier issue)", r[0], r[col])
		}
	}

	// the same issue again: nothing counted twice, the same report
	before, _ := os.ReadFile(xlsx)
	if _, stderr, code := runCLI(t, "", "run", "--quiet", "--series", "speeches", "--out", ref, sampleIssue); code != 0 {
		t.Fatalf("third run: exit %d, %s", code, stderr)
	}
	after, _ := os.ReadFile(xlsx)
	if n := storedIssues(t, store); n != 2 || !bytes.Equal(before, after) {
		t.Errorf("re-run: %d issues stored, workbook the same: %v; want 2, true", n, bytes.Equal(before, after))
	}

	stdout, stderr, code := runCLI(t, "", "history")
	if code != 0 || !strings.HasPrefix(stdout, store+": 2 issues in 1 series\n") || !strings.Contains(stdout, "\nSpeeches: 2 issues, oldest first\n") ||
		!strings.Contains(stdout, "1  2003-01-28  state_of_the_union_2003-2006.txt") || !strings.Contains(stdout, "2  2024-03-05  two_sessions_2024.txt — Xi Jinping at the Two Sessions") {
		t.Errorf("history: exit %d, %q, %q", code, stdout, stderr)
	}
	// --json: the same issues as data
	stdout, _, code = runCLI(t, "", "history", "--history", store, "--json")
	var listed []struct {
		Series, Name, Date string
		Articles           int
	}
	if err := json.Unmarshal([]byte(stdout), &listed); code != 0 || err != nil || len(listed) != 2 || listed[0].Series != "Speeches" ||
		listed[0].Name != "state_of_the_union_2003-2006.txt" || listed[1].Date != "2024-03-05" || listed[1].Articles != 3 {
		t.Errorf("history --json: exit %d, %v, %+v", code, err, listed)
	}
	trends := filepath.Join(dir, "trends")
	if stdout, stderr, code := runCLI(t, "", "trends", "--history", store, "--out", trends); code != 0 || stdout != "Speeches: 2 issues, 68 formulations counted; trends in "+trends+"\n" {
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

func TestRunCommandLine(t *testing.T) {
	store := ownStore(t)
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	issue := write("issue.txt", "Xi Stresses Reform\n\nXi urged efforts to deepen reform and develop new quality productive forces.\n")
	badLex := write("bad.yaml", "themes:\n  - theme: A\n    formulations:\n      - phrase: x\n     - phrase: y\n")
	dupLex := write("dup.yaml", "themes:\n  - theme: A\n    formulations:\n      - phrase: deepen reform\n  - theme: B\n    formulations:\n      - phrase: deepening reform\n      - phrase: Deepen-Reform\n")
	emptyTheme := write("empty.yaml", "themes:\n  - theme: A\n    formulations: []\n")
	myLex := write("my.yaml", "extend: default\nthemes:\n  - theme: Mine\n    formulations:\n      - phrase: develop new quality productive forces\n")
	fileAsOut := write("afile", "x")

	tests := []struct {
		args    []string
		stdin   string
		wantOut string
		wantErr string
		code    int
	}{
		// the store is the user's (here the test's XDG_DATA_HOME), named on
		// every run; an issue naming no publication stands alone in it
		{[]string{"run", "--out", filepath.Join(dir, "o1"), issue}, "", "issue.txt: 1 article, 2 mentions of 2 formulations; report in " + filepath.Join(dir, "o1") + "\n" +
			"history: 1 issue recorded in " + store + `; series "issue.txt" 1 issue` + "\n",
			"analyze: note: issue.txt names no publication: in the history it is a series of its own, compared with no other issue; --series NAME files it with others\n", 0},
		{[]string{"run", "--series", "Xinhua", "--out", filepath.Join(dir, "o2"), "-"}, "Deepening reforms matter.\n", "-: 1 article, 1 mention of 1 formulation; report in " + filepath.Join(dir, "o2") + "\n" +
			"history: 1 issue recorded in " + store + `; series "Xinhua" 1 issue` + "\n", "", 0},
		// a user lexicon extending the default: the longest match now is the user's phrase
		{[]string{"run", "--no-history", "--lexicon", myLex, "--out", filepath.Join(dir, "o3"), issue}, "", "issue.txt: 1 article, 2 mentions of 2 formulations; report in " + filepath.Join(dir, "o3") + "\n", "", 0},
		{[]string{"run", "--lexicon", badLex, issue}, "", "", "analyze: " + badLex + ":5: value is not allowed in this context\n", 4},
		{[]string{"run", "--lexicon", dupLex, issue}, "", "", "analyze: " + dupLex + `:8: "Deepen-Reform" is listed twice (first at line 4)` + "\n", 4},
		{[]string{"run", "--lexicon", emptyTheme, issue}, "", "", "analyze: " + emptyTheme + `:2: theme "A" has no formulations` + "\n", 4},
		{[]string{"run", "--lexicon", filepath.Join(dir, "none.yaml"), issue}, "", "", "analyze: " + filepath.Join(dir, "none.yaml") + ": no such file\n", 4},
		{[]string{"run", "--out", fileAsOut, issue}, "", "", "analyze: " + fileAsOut + ": output path is a file, not a directory\n", 1},
		{[]string{"run", "--out", filepath.Join(fileAsOut, "report"), issue}, "", "", "analyze: " + fileAsOut + ": cannot create output directory: not a directory\n", 1},
		{[]string{"run", filepath.Join(dir, "missing.txt")}, "", "", "analyze: " + filepath.Join(dir, "missing.txt") + ": no such file\n", 3},
		{[]string{"run"}, "", "", "analyze: run takes one or more inputs (text files, web pages, directories of them, or - for standard input)\n", exitUsage},
		{[]string{"run", "--min-count", "0", issue}, "", "", "analyze: --min-count 0: must be at least 1\n", exitUsage},
		{[]string{"run", "--date", "2024-13-01", issue}, "", "", "analyze: --date: \"2024-13-01\" is not a date of the calendar\n", exitUsage},
		{[]string{"inspect", "--date", "March 5", issue}, "", "", "analyze: --date: \"March 5\" is not a date written YYYY-MM-DD\n", exitUsage},
		{[]string{"run", "--min-count", "two", issue}, "", "", "analyze: invalid value \"two\" for flag -min-count: parse error (see: analyze help run)\n", exitUsage},
		{[]string{"lexicon", "extra"}, "", "", "analyze: lexicon takes no arguments (it prints the default lexicon)\n", exitUsage},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		err := run(context.Background(), tt.args, strings.NewReader(tt.stdin), &stdout, &stderr)
		code := exitStatus(err, &stderr)
		if code != tt.code || stdout.String() != tt.wantOut || stderr.String() != tt.wantErr {
			t.Errorf("analyze %q = exit %d, stdout %q, stderr %q;\nwant exit %d, stdout %q, stderr %q",
				tt.args, code, stdout.String(), stderr.String(), tt.code, tt.wantOut, tt.wantErr)
		}
	}
	// the user lexicon's phrase won over the default's shorter one
	m, err := os.ReadFile(filepath.Join(dir, "o3", "data", "mentions.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(m), ",Mine,develop new quality productive forces,develop new quality productive forces,") {
		t.Errorf("mentions with the extended lexicon:\n%s\nwant the user's formulation", m)
	}
}

// TestChineseCorpus: the corpus report of Chinese inputs is combined in
// Chinese. Each input is testdata/zh/geneva_1954.txt (by reading,
// 日內瓦會議 4 times; see analyze.TestChineseDiscovery) and a
// paragraph saying 现代化建设 twice, a piece of the entry 社会主义现代化建设
// (socialist modernization drive): the corpus lists 日內瓦會議 once, 8
// times in 2 articles, and 现代化建设 as part of the entry, as each input's
// report does. The English analyzer combined them, and listed the piece
// as new.
func TestChineseCorpus(t *testing.T) {
	text, err := os.ReadFile("../../testdata/zh/geneva_1954.txt")
	if err != nil {
		t.Fatal(err)
	}
	in := t.TempDir()
	text = append(text, "\n我们要推进现代化建设，加快现代化建设。\n"...)
	for _, name := range []string{"a.txt", "b.txt"} {
		os.WriteFile(filepath.Join(in, name), text, 0o644)
	}
	out := filepath.Join(t.TempDir(), "out")
	if _, stderr, code := runCLI(t, "", "run", "--quiet", "--no-history", "--charts", "none", "--out", out, in); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(filepath.Join(out, "corpus", "data", "discovered.csv"))
	if err != nil {
		t.Fatal(err)
	}
	var rows []string
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "日內瓦會議,") || strings.HasPrefix(line, "现代化建设,") {
			f := strings.Split(line, ",")
			rows = append(rows, strings.Join(append(f[:3:3], f[5]), ","))
		}
	}
	if got := strings.Join(rows, "; "); got != "日內瓦會議,8,2,new; 现代化建设,4,2,part of socialist modernization drive" {
		t.Errorf("corpus discovered %q; want 日內瓦會議 8 times in 2 articles, 现代化建设 4 times, part of the entry", got)
	}
}

// TestAddressSpaceLimit: under 1 GB of address space (ulimit -v 1000000),
// the sample runs: 3 articles, 101 mentions (built as make builds it,
// without cgo, whose allocator's arenas took 400 MB of address space).
func TestAddressSpaceLimit(t *testing.T) {
	dir := t.TempDir()
	bin := buildBinary(t, dir)
	out := filepath.Join(dir, "out")
	cmd := exec.Command("sh", "-c", `ulimit -v 1000000 && exec "$0" run --no-history --out "$1" "$2"`, bin, out, "../../testdata/two_sessions_2024.txt")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if want := "two_sessions_2024.txt: 3 articles, 101 mentions of 66 formulations; report in " + out + "\n"; err != nil || stdout.String() != want {
		t.Errorf("under ulimit -v 1000000: %v, stdout %q, stderr %.300q; want %q", err, stdout.String(), stderr.String(), want)
	}
}
