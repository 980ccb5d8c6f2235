package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/issuelens/analyze/internal/testfiles"
)

func benchmarkRun(b *testing.B, input string) {
	st, err := os.Stat(input)
	if err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(b.TempDir(), "out")
	store := filepath.Join(b.TempDir(), "history.sqlite") // a store is written, as by default
	b.SetBytes(st.Size())
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

// BenchmarkRun200MB: the whole run on a 200 MB file, the public corpus
// a hundred times (go test -run '^$' -bench Run200MB -benchtime 1x).
func BenchmarkRun200MB(b *testing.B) {
	corpus, err := os.ReadFile(testfiles.Shared(b, "corpus/state_of_the_union_1945-2006.txt"))
	if err != nil {
		b.Fatal(err)
	}
	p := filepath.Join(b.TempDir(), "big.txt")
	f, err := os.Create(p)
	if err != nil {
		b.Fatal(err)
	}
	for range 100 {
		f.Write(corpus)
		f.Write([]byte("\n"))
	}
	f.Close()
	benchmarkRun(b, p)
}
