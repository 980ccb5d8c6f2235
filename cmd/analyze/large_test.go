//go:build !race

// These tests feed large inputs and real signals. The race detector makes
// them too slow, so `make test` runs them once more without it.

package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/issuelens/analyze/internal/testfiles"
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
	stdout, stderr, code := runCLI(t, "", "run", "--out", out, p)
	if want := "page.txt: 1 articles, 120000 mentions of 1 formulations; report in " + out + "\n"; code != 0 || stdout != want {
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
// corpus three times, 6 MB: several seconds of work) and a small one, and
// runs the small one into out: the report a killed run must leave as it
// was. It returns the binary, the inputs and that report's mentions.csv.
func interruptible(t *testing.T, dir, out string) (bin, big, small string, mentions []byte) {
	t.Helper()
	bin = buildBinary(t, dir)
	corpus, err := os.ReadFile(testfiles.Shared(t, "corpus/state_of_the_union_1945-2006.txt"))
	if err != nil {
		t.Fatal(err)
	}
	big = filepath.Join(dir, "big.txt")
	os.WriteFile(big, bytes.Repeat(corpus, 3), 0o644)
	small = filepath.Join(dir, "small.txt")
	os.WriteFile(small, []byte("Xi urged efforts to deepen reform.\n"), 0o644)
	if b, err := exec.Command(bin, "run", "--out", out, small).CombinedOutput(); err != nil {
		t.Fatalf("first run: %v\n%s", err, b)
	}
	mentions, _ = os.ReadFile(filepath.Join(out, "data", "mentions.csv"))
	return bin, big, small, mentions
}

// buildBinary builds analyze into dir.
func buildBinary(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "analyze")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestProgressBarOnTerminal: a run of several inputs shows a progress bar
// when stderr is a terminal (script(1) gives it one), and nothing when it
// is not (cron).
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
	if err != nil || !strings.Contains(string(tty), "analysing") {
		t.Errorf("on a terminal: %v, output %q; want a progress bar", err, tty)
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
	stdout, stderr, code := runCLI(t, "", "run", "--out", out, p)
	if want := "headings.txt: 3000 articles, 3000 mentions of 1 formulations; report in " + out + "\n"; code != 0 || stdout != want || stderr != "" {
		t.Errorf("exit %d, stdout %q, stderr %q; want %q", code, stdout, stderr, want)
	}
}

// TestTranslationPair: the 2017 Government Work Report in Chinese and in
// its official English (../shared), one run: the two are paired by their
// date (2017-03-05 both, from their delivery lines), and the corpus's
// Translation table (CSV and sheet) lines them up. By reading both texts:
// 新发展理念 stands once and "new development philosophy" once; 新动能 five
// times and its English four times as the reader splits sentences ("new
// growth drivers" 3, "New drivers of growth" 1; a fifth, "new growth
// drivers.We", has no space after its full stop: see the README); 稳中求进
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
			"新动能":   "gwr2017_en.txt|2017-03-05|5|4|new growth drivers (2); New drivers of growth (1); New growth drivers (1)|",
			"稳中求进":  "gwr2017_en.txt|2017-03-05|2|0||only in Chinese",
		} {
			if byZH[zh] != want {
				t.Errorf("%v: %s: %q; want %q", args, zh, byZH[zh], want)
			}
		}
		if row := sheetRow(t, filepath.Join(out, "corpus", "report.xlsx"), "Translation", 5, "新动能"); len(row) < 8 || row[6] != "5" || row[7] != "4" {
			t.Errorf("Translation sheet row of 新动能: %v", row)
		}
	}
	out := filepath.Join(t.TempDir(), "out")
	if _, stderr, code := runCLI(t, "", "run", "--no-history", "--pair", "gwr2017_en.txt,gwr2017_en.txt", "--out", out, dir); code != 64 || !strings.Contains(stderr, "--pair gwr2017_en.txt,gwr2017_en.txt") {
		t.Errorf("a pair of two English inputs: exit %d, %s; want 64 naming the pair", code, stderr)
	}
}
