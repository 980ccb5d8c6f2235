package report

import (
	"io"
	"os"
	"testing"

	"github.com/issuelens/analyze/analyze/analyzetest"
	"github.com/issuelens/analyze/internal/testfiles"
)

// the public corpus of 65 State of the Union addresses (2.07 MB), kept
// beside the repository in ../shared

func benchmarkWorkbook(b *testing.B, path string) {
	st, err := os.Stat(path)
	if err != nil {
		b.Fatalf("benchmark input: %v (../shared must stand beside the repository)", err)
	}
	res := analyzetest.AnalyzeIssue(b, analyzetest.Read(b, path))
	tables := Tables(res)
	prov := Provenance{Input: path, Version: "bench"}
	b.SetBytes(st.Size())
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteWorkbook(io.Discard, nil, res, tables, nil, prov, Look{}); err != nil {
			b.Fatal(err)
		}
	}
}

// The workbook without chart pictures (charts.BenchmarkRender times those).
func BenchmarkWorkbookReference(b *testing.B) {
	benchmarkWorkbook(b, testfiles.Sample(b))
}
func BenchmarkWorkbookCorpus(b *testing.B) {
	benchmarkWorkbook(b, testfiles.Shared(b, "corpus/state_of_the_union_1945-2006.txt"))
}

func benchmarkCSV(b *testing.B, path string) {
	st, err := os.Stat(path)
	if err != nil {
		b.Fatalf("benchmark input: %v (../shared must stand beside the repository)", err)
	}
	res := analyzetest.AnalyzeIssue(b, analyzetest.Read(b, path))
	b.SetBytes(st.Size())
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range Tables(res) {
			if err := WriteCSV(io.Discard, t); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// The CSV tables.
func BenchmarkCSVReference(b *testing.B) { benchmarkCSV(b, testfiles.Sample(b)) }
func BenchmarkCSVCorpus(b *testing.B) {
	benchmarkCSV(b, testfiles.Shared(b, "corpus/state_of_the_union_1945-2006.txt"))
}
