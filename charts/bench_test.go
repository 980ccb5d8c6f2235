package charts

import (
	"os"
	"testing"

	"github.com/issuelens/analyze/analyze/analyzetest"
	"github.com/issuelens/analyze/internal/testfiles"
)

func benchmarkRender(b *testing.B, path string) {
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	res := analyzetest.Analyze(b, path)
	b.SetBytes(st.Size())
	b.ReportAllocs()
	for b.Loop() {
		if _, err := RenderAll(res, Options{}, false); err != nil {
			b.Fatal(err)
		}
	}
}

// Building and rendering every chart as PNG, in parallel.
func BenchmarkRenderReference(b *testing.B) { benchmarkRender(b, testfiles.Sample(b)) }
func BenchmarkRenderCorpus(b *testing.B) {
	benchmarkRender(b, testfiles.Shared(b, "corpus/state_of_the_union_1945-2006.txt"))
}
