package charts

import (
	"os"
	"testing"
)

func benchmarkRender(b *testing.B, path string) {
	st, err := os.Stat(path)
	if err != nil {
		b.Fatalf("benchmark input: %v (../shared must stand beside the repository)", err)
	}
	res := analyzeFile(b, path, "bench")
	b.SetBytes(st.Size())
	b.ReportAllocs()
	for b.Loop() {
		if _, err := RenderAll(res, Options{}, false); err != nil {
			b.Fatal(err)
		}
	}
}

// Building and rendering every chart as PNG, in parallel.
func BenchmarkRenderReference(b *testing.B) { benchmarkRender(b, reference) }
func BenchmarkRenderCorpus(b *testing.B) {
	benchmarkRender(b, "../../shared/corpus/state_of_the_union_1945-2006.txt")
}
