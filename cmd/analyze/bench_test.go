package main

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

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
