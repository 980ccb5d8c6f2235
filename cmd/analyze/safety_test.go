package main

// Data safety (issue #13): analyze never deletes what it did not write,
// its reports and history stay consistent whatever fails, and it leaves
// nothing behind. Each test reproduces what an adversarial run found.

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/issuelens/analyze/history"
	"github.com/issuelens/analyze/internal/testfiles"
	"github.com/xuri/excelize/v2"
)

const smallIssue = "Xi urged efforts to deepen reform.\n"

// tree lists the files and directories below dir, slash-separated, for
// before/after comparisons.
func tree(t *testing.T, dir string) string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && p != dir {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(out)
	return strings.Join(out, "\n")
}

func write(t *testing.T, path, text string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// chattr sets or clears the immutable attribute; tests that need it skip
// where the file system has none (.ci/run runs them as root on ext4).
func chattr(t *testing.T, flag, path string) {
	t.Helper()
	if b, err := exec.Command("chattr", flag, path).CombinedOutput(); err != nil {
		t.Skipf("needs chattr and a file system with the immutable attribute, as root (e2fsprogs): %v %s", err, b)
	}
	if flag == "+i" {
		t.Cleanup(func() { exec.Command("chattr", "-i", path).Run() })
	}
}

// TestReportNamesStayInOut: input names whose report name would be "",
// "." or ".." (".txt", "..txt", "...txt") never reach a directory
// outside their report: named explicitly they are refused, found in a
// folder they are skipped as hidden files, with a note.
func TestReportNamesStayInOut(t *testing.T) {
	dir := t.TempDir()
	reports := filepath.Join(dir, "reports")
	write(t, filepath.Join(reports, "2024-04", "keep.txt"), "an earlier month\n")
	drop := filepath.Join(dir, "drop")
	for _, name := range []string{".txt", "..txt", "...txt", "a.txt", "b.txt"} {
		write(t, filepath.Join(drop, name), smallIssue)
	}

	// a folder: the hidden files are skipped, the others read
	out := filepath.Join(reports, "2024-05")
	stdout, stderr, code := runCLI(t, "", "run", "--no-history", "--out", out, drop)
	wantErr := ""
	for _, name := range []string{"...txt", "..txt", ".txt"} { // as the folder lists them
		wantErr += "analyze: note: " + filepath.Join(drop, name) + ": hidden file skipped (name it to read it)\n"
	}
	if code != 0 || stderr != wantErr || !strings.Contains(stdout, "a.txt: 1 article,") || !strings.Contains(stdout, "b.txt: 1 article,") {
		t.Errorf("run on %s: exit %d, stdout %q, stderr %q; want 0 and the notes %q", drop, code, stdout, stderr, wantErr)
	}
	if _, err := os.Stat(filepath.Join(reports, "2024-04", "keep.txt")); err != nil {
		t.Errorf("the earlier month's report is gone: %v", err)
	}

	// named explicitly: refused, nothing touched
	wd, _ := os.Getwd()
	t.Cleanup(func() { os.Chdir(wd) })
	os.Chdir(drop)
	write(t, filepath.Join(drop, "out", "history.sqlite"), "x") // stands for what out/ holds
	before := tree(t, dir)
	for _, args := range [][]string{
		{"run", "..txt"}, {"run", "...txt"}, {"run", ".txt"},
		{"run", "--out", out, "a.txt", "...txt"},
	} {
		bad := args[len(args)-1]
		_, stderr, code := runCLI(t, "", args...)
		if want := "analyze: " + bad + ": cannot name a report after this file"; code != exitUsage || !strings.HasPrefix(stderr, want) {
			t.Errorf("%v: exit %d, stderr %q; want %d, %q…", args, code, stderr, exitUsage, want)
		}
	}
	if after := tree(t, dir); after != before {
		t.Errorf("files changed:\n%s\nwant:\n%s", after, before)
	}
	// alone with --out it is fine: the name is not used
	if _, stderr, code := runCLI(t, "", "run", "--no-history", "--out", filepath.Join(dir, "dots"), "..txt"); code != 0 {
		t.Errorf("..txt with --out: exit %d, %s", code, stderr)
	}
}

// TestOutputNotOurs: an existing --out that analyze did not write is
// never replaced (exit 1, naming it); an empty one is written into (it
// holds nothing to lose; --take-over, once needed, is still accepted);
// a report of analyze's own is replaced, unless someone put a file of
// their own into it; a report of a version before manifests is replaced.
func TestOutputNotOurs(t *testing.T) {
	dir := t.TempDir()
	issue := write(t, filepath.Join(dir, "issue.txt"), smallIssue)
	mydocs := filepath.Join(dir, "mydocs")
	write(t, filepath.Join(mydocs, "thesis.docx"), "years of work")
	write(t, filepath.Join(mydocs, "photos", "a.jpg"), "jpeg")
	before := tree(t, mydocs)
	_, stderr, code := runCLI(t, "", "run", "--no-history", "--out", mydocs, issue)
	if want := "analyze: " + mydocs + ": exists and was not written by analyze (it holds photos/a.jpg and no .analyze-manifest); analyze replaces only the report directories it wrote (marked by .analyze-manifest): choose another --out\n"; code != 1 || stderr != want {
		t.Errorf("--out mydocs: exit %d, stderr %q; want 1, %q", code, stderr, want)
	}
	if _, stderr, code := runCLI(t, "", "run", "--no-history", "--take-over", "--out", mydocs, issue); code != 1 || !strings.Contains(stderr, "not written by analyze") {
		t.Errorf("--take-over on a full directory: exit %d, stderr %q; want 1", code, stderr)
	}
	if after := tree(t, mydocs); after != before {
		t.Errorf("mydocs changed:\n%s\nwant:\n%s", after, before)
	}

	empty := filepath.Join(dir, "empty")
	os.Mkdir(empty, 0o755)
	if _, stderr, code := runCLI(t, "", "run", "--no-history", "--out", empty, issue); code != 0 {
		t.Errorf("empty --out: exit %d, stderr %q; want 0", code, stderr)
	}
	if _, stderr, code := runCLI(t, "", "run", "--no-history", "--take-over", "--out", empty, issue); code != 0 {
		t.Errorf("--take-over on the report just written: exit %d, %s", code, stderr)
	}
	manifest, err := os.ReadFile(filepath.Join(empty, manifestName))
	if err != nil || !strings.Contains(string(manifest), "\ndata/mentions.csv\n") || !strings.Contains(string(manifest), "\nreport.xlsx\n") {
		t.Fatalf("manifest %q (%v); want it to list data/mentions.csv and report.xlsx", manifest, err)
	}
	// its own report: replaced
	if _, stderr, code := runCLI(t, "", "run", "--no-history", "--out", empty, issue); code != 0 {
		t.Errorf("re-run into its own report: exit %d, %s", code, stderr)
	}
	// with a file of the user's added: kept
	notes := write(t, filepath.Join(empty, "data", "my-notes.txt"), "mine")
	if _, stderr, code := runCLI(t, "", "run", "--no-history", "--out", empty, issue); code != 1 || !strings.Contains(stderr, "holds data/my-notes.txt, which analyze did not write there") {
		t.Errorf("report with a user's file: exit %d, stderr %q; want 1", code, stderr)
	}
	if _, err := os.Stat(notes); err != nil {
		t.Errorf("the user's notes are gone: %v", err)
	}

	// a report written before manifests: TestReportBeforeManifests
}

// TestReportBeforeManifests: a directory of the shape of a report written
// before reports carried a manifest (report.xlsx, data/*.csv, charts/*.png)
// is replaced only when its files are analyze's: the workbook a zip whose
// docProps/app.xml names analyze as its application, each CSV one of
// analyze's tables starting with the header analyze wrote for it then.
// Anything else is refused (exit 1, one line saying which file) and left
// as it was.
func TestReportBeforeManifests(t *testing.T) {
	dir := t.TempDir()
	issue := write(t, filepath.Join(dir, "issue.txt"), smallIssue)
	made := filepath.Join(dir, "made")
	if _, stderr, code := runCLI(t, "", "run", "--no-history", "--out", made, issue); code != 0 {
		t.Fatalf("a report to take its workbook from: exit %d, %s", code, stderr)
	}
	ours, err := os.ReadFile(filepath.Join(made, "report.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	theirs := excelize.NewFile() // a workbook of another program, with our sheet names
	theirs.SetSheetName("Sheet1", "Summary")
	theirs.NewSheet("By day")
	theirs.SetAppProps(&excelize.AppProperties{Application: "Microsoft Excel"})
	other, err := theirs.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	const (
		articles = "article,date,venue,headline,paragraphs,sentences,tokens,captions,issue\n1,2024-03-05,unspecified,Reform,1,1,6,0,issue.txt\n"
		mentions = "article,date,venue,part,paragraph,sentence,theme,phrase,matched,left,right,line\n"
	)
	for _, tc := range []struct {
		name  string
		files map[string]string
		why   string // "": replaced
	}{
		{"analyze's", map[string]string{"report.xlsx": string(ours), "data/articles.csv": articles, "data/mentions.csv": mentions, "charts/top.png": "png"}, ""},
		{"first workbook's tables", map[string]string{"report.xlsx": string(ours), "data/articles.csv": "article,date,venue,headline,paragraphs,sentences,tokens,captions\n"}, ""},
		{"a text file named report.xlsx", map[string]string{"report.xlsx": "my notes", "data/articles.csv": articles},
			"its report.xlsx is not a workbook (not a zip file)"},
		{"another program's workbook", map[string]string{"report.xlsx": string(other.Bytes()), "data/articles.csv": articles},
			`its report.xlsx is a workbook made by "Microsoft Excel", not analyze`},
		{"the user's articles.csv", map[string]string{"report.xlsx": string(ours), "data/articles.csv": "title,url\nReform,https://example.org\n"},
			"its data/articles.csv does not start with a header analyze wrote for articles.csv"},
		{"analyze's header with a space", map[string]string{"report.xlsx": string(ours), "data/articles.csv": "article, date,venue,headline,paragraphs,sentences,tokens,captions,issue\n"},
			"its data/articles.csv does not start with a header analyze wrote for articles.csv"},
		{"a table analyze never wrote", map[string]string{"report.xlsx": string(ours), "data/articles.csv": articles, "data/budget.csv": "year,amount\n"},
			"its data/budget.csv is not a table analyze writes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "report")
			for f, text := range tc.files {
				write(t, filepath.Join(out, f), text)
			}
			before := tree(t, out)
			_, stderr, code := runCLI(t, "", "run", "--no-history", "--out", out, issue)
			if tc.why == "" {
				if code != 0 {
					t.Fatalf("exit %d, %s; want 0, the report replaced", code, stderr)
				}
				if _, err := os.Stat(filepath.Join(out, manifestName)); err != nil {
					t.Errorf("not replaced: %v", err)
				}
				return
			}
			want := "analyze: " + out + ": exists and was not written by analyze (it holds no " + manifestName + ", and " + tc.why +
				"); analyze replaces only the report directories it wrote (marked by " + manifestName + "): choose another --out\n"
			if code != 1 || stderr != want {
				t.Errorf("exit %d, stderr %q; want 1, %q", code, stderr, want)
			}
			if after := tree(t, out); after != before {
				t.Errorf("the directory changed:\n%s\nwant:\n%s", after, before)
			}
			if got, _ := os.ReadFile(filepath.Join(out, "data", "articles.csv")); string(got) != tc.files["data/articles.csv"] {
				t.Errorf("data/articles.csv now %q", got)
			}
		})
	}
}

// TestImmutableOutputKeepsHistory: when the report cannot be put in place
// (an immutable --out), the history does not record the run either.
func TestImmutableOutputKeepsHistory(t *testing.T) {
	dir := t.TempDir()
	a := write(t, filepath.Join(dir, "a.txt"), smallIssue)
	b := write(t, filepath.Join(dir, "b.txt"), "Xi praised high-quality development.\n")
	out := filepath.Join(dir, "out", "r")
	store := ownStore(t)
	if _, stderr, code := runCLI(t, "", "run", "--out", out, a); code != 0 {
		t.Fatalf("first run: %s", stderr)
	}
	before, _ := os.ReadFile(filepath.Join(out, "data", "mentions.csv"))
	chattr(t, "+i", out)
	_, stderr, code := runCLI(t, "", "run", "--out", out, b)
	exec.Command("chattr", "-i", out).Run()
	if want := "analyze: " + out + ": cannot replace: operation not permitted\n"; code != 1 || stderr != want {
		t.Errorf("immutable --out: exit %d, stderr %q; want 1, %q", code, stderr, want)
	}
	if n := storedIssues(t, store); n != 1 {
		t.Errorf("history holds %d issues; want 1 (the failed run recorded nothing)", n)
	}
	after, _ := os.ReadFile(filepath.Join(out, "data", "mentions.csv"))
	if !bytes.Equal(before, after) {
		t.Errorf("the previous report changed")
	}
	if leftovers := tree(t, filepath.Join(dir, "out")); strings.Contains(leftovers, ".tmp-") || strings.Contains(leftovers, ".old-") || strings.Contains(leftovers, ".journal") {
		t.Errorf("left behind:\n%s", leftovers)
	}
}

// killedRun leaves an output as a run killed in the middle of putting its
// report in place would: staged, journaled, the old report set aside and
// (when recorded) the history holding the run, then nothing more.
func killedRun(t *testing.T, out, store, input string, recorded bool) {
	t.Helper()
	ctx := context.Background()
	s, err := history.Open(ctx, store)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	run := newRunID()
	dir, _ := filepath.Abs(out)
	tmp, err := stage(ctx, dir, run, map[string]func(io.Writer) error{
		"data/mentions.csv": func(w io.Writer) error { _, err := io.WriteString(w, "new\n"); return err },
	})
	if err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(store)
	j := &journal{path: journalPath(dir), Run: run, History: abs,
		Reports: []swapped{{Dir: dir, New: tmp, Old: stagingName(dir, "old", run), HadOld: true}}}
	if err := j.write(); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(dir, j.Reports[0].Old); err != nil { // killed here: out is missing
		t.Fatal(err)
	}
	if recorded {
		if err := s.Record(ctx, run, nil); err != nil {
			t.Fatal(err)
		}
	}
}

// TestKilledRunRecovered: a run killed between setting the old report
// aside and recording the history leaves only .NAME.old-* where the
// report was; the next run puts the old report back (the history did not
// record the run) or finishes the new one (it did), then runs.
func TestKilledRunRecovered(t *testing.T) {
	for _, recorded := range []bool{false, true} {
		dir := t.TempDir()
		a := write(t, filepath.Join(dir, "a.txt"), smallIssue)
		out := filepath.Join(dir, "out", "r")
		store := filepath.Join(dir, "out", "history.sqlite")
		if _, stderr, code := runCLI(t, "", "run", "--history", store, "--out", out, a); code != 0 {
			t.Fatalf("first run: %s", stderr)
		}
		old, _ := os.ReadFile(filepath.Join(out, "data", "mentions.csv"))
		killedRun(t, out, store, a, recorded)
		if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("the killed run should have left %s missing", out)
		}
		did, err := recoverOutput(context.Background(), out, []string{out})
		if err != nil {
			t.Fatal(err)
		}
		got, _ := os.ReadFile(filepath.Join(out, "data", "mentions.csv"))
		switch {
		case !recorded && (!bytes.Equal(got, old) || !strings.HasPrefix(did, "restored the reports")):
			t.Errorf("not recorded: report %q, did %q; want the old report back", got, did)
		case recorded && (string(got) != "new\n" || !strings.HasPrefix(did, "finished the reports")):
			t.Errorf("recorded: report %q, did %q; want the new report finished", got, did)
		}
		if leftovers := tree(t, filepath.Join(dir, "out")); strings.Contains(leftovers, ".tmp-") || strings.Contains(leftovers, ".old-") || strings.Contains(leftovers, ".journal") {
			t.Errorf("recorded=%v: left behind:\n%s", recorded, leftovers)
		}
		// and a run afterwards works as ever
		if _, stderr, code := runCLI(t, "", "run", "--history", store, "--out", out, a); code != 0 {
			t.Errorf("recorded=%v: run after recovery: exit %d, %s", recorded, code, stderr)
		}
	}
}

// TestSweepsStagingLeftovers: staging directories a killed run left
// (its own marked names only) are removed by the next run; a directory
// of the user's that happens to look like one is not.
func TestSweepsStagingLeftovers(t *testing.T) {
	dir := t.TempDir()
	a := write(t, filepath.Join(dir, "a.txt"), smallIssue)
	out := filepath.Join(dir, "r")
	write(t, filepath.Join(dir, ".r.tmp-dead1", manifestName), manifestHead+"\ndata/mentions.csv\n")
	write(t, filepath.Join(dir, ".r.tmp-dead1", "data", "mentions.csv"), "half")
	os.Mkdir(filepath.Join(dir, ".r.tmp-dead2"), 0o755) // killed before its manifest
	write(t, filepath.Join(dir, ".r.old-mine", "thesis.docx"), "not analyze's")
	if _, stderr, code := runCLI(t, "", "run", "-v", "--no-history", "--out", out, a); code != 0 || !strings.Contains(stderr, "removed 2 staging directories left by interrupted runs") {
		t.Errorf("exit %d, stderr %q; want the sweep said under -v", code, stderr)
	}
	got := tree(t, dir)
	if strings.Contains(got, ".r.tmp-") || !strings.Contains(got, ".r.old-mine/thesis.docx") {
		t.Errorf("after the sweep:\n%s\nwant no .r.tmp-* and .r.old-mine kept", got)
	}
}

// TestDiskFull: a report that does not fit on its disk fails with one
// line, leaves nothing (so the disk is as free as before) and the
// previous report as it was; a run that fits works right after. Needs a
// small tmpfs, so root (as CI runs).
func TestDiskFull(t *testing.T) {
	disk := filepath.Join(t.TempDir(), "disk")
	os.Mkdir(disk, 0o755)
	if b, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=1500k", "tmpfs", disk).CombinedOutput(); err != nil {
		t.Skipf("needs to mount a small tmpfs (root): %v %s", err, b)
	}
	t.Cleanup(func() { exec.Command("umount", disk).Run() })
	small := write(t, filepath.Join(t.TempDir(), "small.txt"), smallIssue)
	out := filepath.Join(disk, "r")
	args := []string{"run", "--no-history", "--size", "400x300", "--dpi", "50", "--out", out}
	if _, stderr, code := runCLI(t, "", append(args, small)...); code != 0 {
		t.Fatalf("small run on the small disk: exit %d, %s", code, stderr)
	}
	before := tree(t, disk)
	beforeMentions, _ := os.ReadFile(filepath.Join(out, "data", "mentions.csv"))
	// full-size charts, which do not fit
	_, stderr, code := runCLI(t, "", "run", "--no-history", "--size", "1600x900", "--out", out, "../../testdata/two_sessions_2024.txt")
	if code != 1 || !strings.Contains(stderr, "no space left on device") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("sample on a full disk: exit %d, stderr %q; want 1 and one line saying no space", code, stderr)
	}
	if after := tree(t, disk); after != before {
		t.Errorf("the full disk holds:\n%s\nwant as before:\n%s", after, before)
	}
	if after, _ := os.ReadFile(filepath.Join(out, "data", "mentions.csv")); !bytes.Equal(beforeMentions, after) {
		t.Errorf("the previous report changed")
	}
	if _, stderr, code := runCLI(t, "", append(args, small)...); code != 0 {
		t.Errorf("small run after the failure: exit %d, %s", code, stderr)
	}
}

// TestHistoryStoreProblems: the same bad store gives the same exit code
// in every command; an empty file is refused, never taken for a new
// store, and the read-only commands change nothing in a store; a store
// that cannot be created says why instead of "not a history store".
func TestHistoryStoreProblems(t *testing.T) {
	dir := t.TempDir()
	a := write(t, filepath.Join(dir, "a.txt"), smallIssue)
	empty := write(t, filepath.Join(dir, "empty.sqlite"), "")
	text := write(t, filepath.Join(dir, "text.sqlite"), strings.Repeat("not a database\n", 100))
	for _, tt := range []struct{ store, want string }{
		{empty, "empty file (0 bytes), not a history store"},
		{text, "not a history store (file is not a database"},
	} {
		for _, args := range [][]string{
			{"run", "--history", tt.store, "--out", filepath.Join(dir, "r"), a},
			{"history", "--history", tt.store},
			{"trends", "--history", tt.store, "--out", filepath.Join(dir, "t")},
		} {
			before, _ := os.ReadFile(tt.store)
			_, stderr, code := runCLI(t, "", args...)
			if want := "analyze: "; code != exitInput || !strings.HasPrefix(stderr, want) || !strings.Contains(stderr, tt.store+": "+tt.want) || strings.Count(stderr, "\n") != 1 {
				t.Errorf("%v: exit %d, stderr %q; want %d and %q", args, code, stderr, exitInput, tt.store+": "+tt.want)
			}
			if after, _ := os.ReadFile(tt.store); !bytes.Equal(before, after) {
				t.Errorf("%v changed the store file", args)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "r")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a run with a bad store wrote its report")
	}

	// `history` reads a store without writing to it
	good := filepath.Join(dir, "good.sqlite")
	if _, stderr, code := runCLI(t, "", "run", "--history", good, "--out", filepath.Join(dir, "g"), a); code != 0 {
		t.Fatalf("run: %s", stderr)
	}
	before, _ := os.ReadFile(good)
	if _, stderr, code := runCLI(t, "", "history", "--history", good); code != 0 {
		t.Errorf("history: exit %d, %s", code, stderr)
	}
	if after, _ := os.ReadFile(good); !bytes.Equal(before, after) {
		t.Errorf("history changed the store")
	}
	// trends, too, writes only over what analyze wrote
	mine := write(t, filepath.Join(dir, "mine", "notes.txt"), "mine")
	if _, stderr, code := runCLI(t, "", "trends", "--history", good, "--out", filepath.Dir(mine)); code != 1 || !strings.Contains(stderr, "not written by analyze") {
		t.Errorf("trends into a directory of the user's: exit %d, stderr %q; want 1", code, stderr)
	}
	if _, err := os.Stat(mine); err != nil {
		t.Errorf("trends removed the user's file: %v", err)
	}
	trends := filepath.Join(dir, "trends")
	for range 2 { // its own report: replaced
		if _, stderr, code := runCLI(t, "", "trends", "--history", good, "--out", trends); code != 0 {
			t.Errorf("trends: exit %d, %s", code, stderr)
		}
	}

	// a store whose directory cannot be written: said as it is
	locked := filepath.Join(dir, "locked")
	os.Mkdir(locked, 0o755)
	chattr(t, "+i", locked)
	_, stderr, code := runCLI(t, "", "run", "--history", filepath.Join(locked, "h.sqlite"), "--out", filepath.Join(dir, "r2"), a)
	if want := "analyze: history: " + filepath.Join(locked, "h.sqlite") + ": cannot create the history store: operation not permitted\n"; code != 1 || stderr != want {
		t.Errorf("store in an immutable directory: exit %d, stderr %q; want 1, %q", code, stderr, want)
	}
	// an output in a directory that cannot be written: the output named, not "cannot lock"
	_, stderr, code = runCLI(t, "", "run", "--no-history", "--out", filepath.Join(locked, "r3"), a)
	if want := "analyze: " + filepath.Join(locked, "r3") + ": cannot write the output here: operation not permitted\n"; code != 1 || stderr != want {
		t.Errorf("--out in an immutable directory: exit %d, stderr %q; want 1, %q", code, stderr, want)
	}
}

// TestDamagedStore: a real store (three issues) truncated to half its
// size, or with its middle third overwritten, is an input rejected (exit
// 3) in every command, one line naming the store, not a runtime failure
// (exit 1, "database disk image is malformed"); no command changes it.
func TestDamagedStore(t *testing.T) {
	dir := t.TempDir()
	sample, err := os.ReadFile(testfiles.Sample(t))
	if err != nil {
		t.Fatal(err)
	}
	store := filepath.Join(dir, "history.sqlite")
	for i := range 3 {
		in := write(t, filepath.Join(dir, fmt.Sprintf("issue%d.txt", i)), strings.ReplaceAll(string(sample), "Beijing", fmt.Sprintf("Beijing %d", i)))
		if _, stderr, code := runCLI(t, "", "run", "--history", store, "--out", filepath.Join(dir, "made"), in); code != 0 {
			t.Fatalf("run %d: exit %d, %s", i, code, stderr)
		}
	}
	whole, err := os.ReadFile(store)
	if err != nil {
		t.Fatal(err)
	}
	if len(whole) < 64<<10 {
		t.Fatalf("the store is %d bytes; want a store of some size (64 KB or more)", len(whole))
	}
	half := write(t, filepath.Join(dir, "half.sqlite"), string(whole[:len(whole)/2]))
	middle := bytes.Clone(whole)
	for i := len(middle) / 3; i < 2*len(middle)/3; i++ {
		middle[i] = byte(i % 251)
	}
	overwritten := write(t, filepath.Join(dir, "overwritten.sqlite"), string(middle))
	for _, damaged := range []string{half, overwritten} {
		for _, args := range [][]string{
			{"run", "--history", damaged, "--out", filepath.Join(dir, "r"), filepath.Join(dir, "issue0.txt")},
			{"history", "--history", damaged},
			{"trends", "--history", damaged, "--out", filepath.Join(dir, "t")},
		} {
			before, _ := os.ReadFile(damaged)
			_, stderr, code := runCLI(t, "", args...)
			want := damaged + ": damaged history store (database disk image is malformed (11)): restore it from a backup, or move it away to start a new one"
			if code != exitInput || !strings.HasSuffix(stderr, want+"\n") || strings.Count(stderr, "\n") != 1 {
				t.Errorf("%s %s: exit %d, stderr %q; want %d, %q", args[0], filepath.Base(damaged), code, stderr, exitInput, want)
			}
			if after, _ := os.ReadFile(damaged); !bytes.Equal(before, after) {
				t.Errorf("%s changed %s", args[0], filepath.Base(damaged))
			}
		}
	}
	for _, out := range []string{"r", "t"} {
		if _, err := os.Stat(filepath.Join(dir, out)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("a command with a damaged store wrote its report %s", out)
		}
	}
}

// TestReadOnlyCommandsLeaveNoFiles: `history` and `trends` leave the
// store's directory as they found it: no -wal or -shm beside the store,
// the store's bytes, size and time as they were.
func TestReadOnlyCommandsLeaveNoFiles(t *testing.T) {
	dir := t.TempDir()
	stores := filepath.Join(dir, "stores")
	store := filepath.Join(stores, "history.sqlite")
	a := write(t, filepath.Join(dir, "a.txt"), smallIssue)
	if _, stderr, code := runCLI(t, "", "run", "--history", store, "--out", filepath.Join(dir, "a"), a); code != 0 {
		t.Fatalf("run: exit %d, %s", code, stderr)
	}
	listing := func() string {
		entries, err := os.ReadDir(stores)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, e := range entries {
			st, err := e.Info()
			if err != nil {
				t.Fatal(err)
			}
			data, _ := os.ReadFile(filepath.Join(stores, e.Name()))
			fmt.Fprintf(&b, "%s %v %d %s %x\n", e.Name(), st.Mode(), st.Size(), st.ModTime().Format(time.RFC3339Nano), sha256.Sum256(data))
		}
		return b.String()
	}
	before := listing()
	if strings.Count(before, "\n") != 1 {
		t.Fatalf("after the run, the store's directory holds:\n%swant the store alone", before)
	}
	for _, args := range [][]string{
		{"history", "--history", store},
		{"trends", "--history", store, "--out", filepath.Join(dir, "trends")},
	} {
		if _, stderr, code := runCLI(t, "", args...); code != 0 {
			t.Fatalf("%s: exit %d, %s", args[0], code, stderr)
		}
		if after := listing(); after != before {
			t.Errorf("%s left the store's directory holding:\n%swant as before:\n%s", args[0], after, before)
		}
	}
}

// TestInputChangedWhileRead: a file cut short (or grown) while it is
// read is an input error, not counts of half a file.
func TestInputChangedWhileRead(t *testing.T) {
	path := write(t, filepath.Join(t.TempDir(), "issue.txt"), strings.Repeat(smallIssue, 100))
	_, _, err := withInput(context.Background(), path, nil, func(r io.Reader, name string) error {
		buf := make([]byte, 100)
		if _, err := io.ReadFull(r, buf); err != nil {
			return err
		}
		if err := os.Truncate(path, 1000); err != nil { // another program truncates it
			return err
		}
		_, err := io.Copy(io.Discard, r)
		return err
	})
	want := path + ": changed while being read (3500 bytes when opened, 1000 read, 1000 now); run again when it is complete"
	var buf bytes.Buffer
	if code := exitStatus(err, &buf); code != exitInput || buf.String() != "analyze: "+want+"\n" {
		t.Errorf("truncated while read: exit %d, %q; want %d, %q", code, buf.String(), exitInput, want)
	}
}

// TestFIFOGivesWayToSignals: an input or a lexicon that is a FIFO no one
// writes to blocks the open; a cancelled run (SIGINT, SIGTERM) still
// returns at once.
func TestFIFOGivesWayToSignals(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	a := write(t, filepath.Join(dir, "a.txt"), smallIssue)
	for _, args := range [][]string{
		{"run", "--no-history", "--out", filepath.Join(dir, "r"), fifo},
		{"run", "--no-history", "--lexicon", fifo, "--out", filepath.Join(dir, "r"), a},
		{"inspect", fifo},
	} {
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(300*time.Millisecond, cancel)
		var stdout, stderr bytes.Buffer
		done := make(chan int)
		go func() { done <- exitStatus(run(ctx, args, strings.NewReader(""), &stdout, &stderr), &stderr) }()
		select {
		case code := <-done:
			if want := "analyze: interrupted: nothing written, the previous report is left as it was\n"; code != 1 || stderr.String() != want {
				t.Errorf("%v: exit %d, stderr %q; want 1, %q", args, code, stderr.String(), want)
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("%v: still blocked 20 s after the cancel", args)
		}
		cancel()
	}
	// let the opens still waiting on the FIFO finish
	if f, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
		f.Close()
	}
	// standard input with no writer: the same
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(300*time.Millisecond, cancel)
	var stdout, stderr bytes.Buffer
	code := exitStatus(run(ctx, []string{"run", "--no-history", "--out", filepath.Join(dir, "s"), "-"}, pr, &stdout, &stderr), &stderr)
	if code != 1 || !strings.HasPrefix(stderr.String(), "analyze: interrupted") {
		t.Errorf("stdin with no writer: exit %d, stderr %q; want 1, interrupted", code, stderr.String())
	}
}

// TestFormulaCellsNeutralised: text from the input that a spreadsheet
// would run as a formula ("=HYPERLINK(…)") reaches the CSVs with a
// leading quote and the workbook as a string cell, never a formula.
func TestFormulaCellsNeutralised(t *testing.T) {
	dir := t.TempDir()
	const bait = `=HYPERLINK("http://evil.example/x","Click") high-quality development`
	in := write(t, filepath.Join(dir, "page.txt"), "Xi stressed high-quality development.\n\n"+bait+" again.\n\n"+bait+" again.\n")
	out := filepath.Join(dir, "r")
	if _, stderr, code := runCLI(t, "", "run", "--no-history", "--out", out, in); code != 0 {
		t.Fatalf("run: %s", stderr)
	}
	found := 0
	csvs, _ := filepath.Glob(filepath.Join(out, "data", "*.csv"))
	for _, p := range csvs {
		f, _ := os.Open(p)
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows {
			for _, c := range row {
				if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) && !isNumeric(c) {
					t.Errorf("%s: cell %q would run as a formula", filepath.Base(p), c)
				}
				if strings.HasPrefix(c, "'=HYPERLINK") {
					found++
				}
			}
		}
	}
	if found == 0 {
		t.Fatalf("no neutralised =HYPERLINK cell in the CSVs: the test does not test")
	}
	x, err := excelize.OpenFile(filepath.Join(out, "report.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	cells := 0
	for _, sheet := range x.GetSheetList() {
		rows, _ := x.GetRows(sheet)
		for r, row := range rows {
			for c, v := range row {
				if !strings.HasPrefix(v, "=HYPERLINK") && !strings.HasPrefix(v, "'=HYPERLINK") {
					continue
				}
				cells++
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if f, _ := x.GetCellFormula(sheet, ref); f != "" {
					t.Errorf("%s!%s is a formula %q", sheet, ref, f)
				}
			}
		}
	}
	if cells == 0 {
		t.Errorf("no =HYPERLINK text in the workbook: the test does not test")
	}
}

func isNumeric(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}
