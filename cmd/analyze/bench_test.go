package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/issuelens/analyze/internal/testfiles"
)

func benchmarkRun(b *testing.B, input string) {
	var size int64
	err := filepath.WalkDir(input, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				size += info.Size()
			}
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(b.TempDir(), "out")
	store := filepath.Join(b.TempDir(), "history.sqlite") // a store is written, as by default
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		var stderr bytes.Buffer
		if err := run(context.Background(), []string{"run", "--quiet", "--history", store, "--out", out, input}, strings.NewReader(""), io.Discard, &stderr); err != nil {
			b.Fatalf("%v: %s", err, stderr.String())
		}
	}
}

// BenchmarkRunReference: the whole run (read, analyse, charts, workbook,
// CSV) on the sample issue.
func BenchmarkRunReference(b *testing.B) { benchmarkRun(b, "../../testdata/two_sessions_2024.txt") }

// BenchmarkRunCorpus: the whole run on the 2.07 MB public corpus.
func BenchmarkRunCorpus(b *testing.B) {
	benchmarkRun(b, testfiles.Shared(b, "corpus/state_of_the_union_1945-2006.txt"))
}

// BenchmarkRunReportsFolder: the whole run on the folder of the 57
// Chinese Government Work Reports (3.6 MB): a report for each, and the
// corpus report (go test -run '^$' -bench RunReportsFolder -benchtime 1x).
func BenchmarkRunReportsFolder(b *testing.B) {
	benchmarkRun(b, testfiles.Shared(b, "corpus/government_work_reports/zh"))
}

// BenchmarkRun200MB: the whole run on a 200 MB file, the public corpus
// a hundred times, each copy a century on (see distinctCopies)
// (go test -run '^$' -bench Run200MB -benchtime 1x).
func BenchmarkRun200MB(b *testing.B) {
	corpus, err := os.ReadFile(testfiles.Shared(b, "corpus/state_of_the_union_1945-2006.txt"))
	if err != nil {
		b.Fatal(err)
	}
	p := filepath.Join(b.TempDir(), "big.txt")
	if err := os.WriteFile(p, distinctCopies(corpus, 100), 0o644); err != nil {
		b.Fatal(err)
	}
	benchmarkRun(b, p)
}

// distinctCopies is n copies of a text, the years of copy k moved on by
// k centuries (1945 → 2045 → 2145 …), so that no article of a copy is
// read as a copy of an earlier one (which would be dropped unread): a
// large input of distinct text made from the public corpus.
func distinctCopies(text []byte, n int) []byte {
	year := regexp.MustCompile(`\b(19|20)\d\d\b`)
	copies := make([][]byte, n)
	for k := range n {
		copies[k] = year.ReplaceAllFunc(text, func(y []byte) []byte {
			v, _ := strconv.Atoi(string(y))
			return []byte(strconv.Itoa(v + 100*k))
		})
	}
	return bytes.Join(copies, []byte("\n"))
}

// BenchmarkRunPagesFolder: the whole run on a folder of 120 saved web
// pages, a report for each and the corpus report (go test -run '^$'
// -bench RunPagesFolder -benchtime 1x). See pagesFolder.
func BenchmarkRunPagesFolder(b *testing.B) {
	dir := pagesFolder(b, 120)
	start := time.Now()
	benchmarkRun(b, dir)
	b.ReportMetric(float64(b.N*120)/time.Since(start).Seconds(), "pages/s")
}

// pagesFolder writes n web pages into a new folder, in the shape of a
// site's archive as an analyst saves it: each is the real whitehouse.gov
// page of ../shared/html/whitehouse_blog.html (101 KB: menus, sidebars,
// footer, scripts), its address's paragraphs replaced by about 5 KB of
// the public corpus (a different stretch for each page) and its dates
// (2016-12-24, 2016/12/24 in its links, December 24, 2016 …) moved on by a day a page, so that no
// page is a copy of another.
func pagesFolder(b *testing.B, n int) string {
	page, err := os.ReadFile(testfiles.Shared(b, "html/whitehouse_blog.html"))
	if err != nil {
		b.Fatal(err)
	}
	corpus, err := os.ReadFile(testfiles.Shared(b, "corpus/state_of_the_union_1945-2006.txt"))
	if err != nil {
		b.Fatal(err)
	}
	var lines []string
	for l := range strings.Lines(string(corpus)) {
		if l = strings.TrimSpace(l); len(l) > 80 { // sentences, not headings
			lines = append(lines, l)
		}
	}
	html := string(page)
	// the address: from its fifth paragraph (after the headings "Weekly
	// Address", "The White House" and the date) to the last one's end
	paras := regexp.MustCompile(`(?s)<p>\s*THE PRESIDENT:.*</p>`).FindStringIndex(html)
	if paras == nil {
		b.Fatal("whitehouse_blog.html: no address found")
	}
	dir := b.TempDir()
	day := time.Date(2016, 12, 24, 0, 0, 0, 0, time.UTC)
	for k := range n {
		var body strings.Builder
		for i, size := k*37%len(lines), 0; size < 5000; i, size = (i+1)%len(lines), size+len(lines[i]) {
			body.WriteString("<p>\n\t" + lines[i] + "</p>\n\n")
		}
		d := day.AddDate(0, 0, k)
		text := html[:paras[0]] + body.String() + html[paras[1]:]
		text = strings.NewReplacer(
			"2016-12-24", d.Format("2006-01-02"), "2016-12-23", d.AddDate(0, 0, -1).Format("2006-01-02"), "2016/12/24", d.Format("2006/01/02"),
			"December 24, 2016", d.Format("January 2, 2006"), "December 23, 2016", d.AddDate(0, 0, -1).Format("January 2, 2006"),
		).Replace(text)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("page_%03d.html", k)), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}
