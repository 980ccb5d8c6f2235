package analyze

import (
	"bytes"
	"os"
	"testing"
)

func benchmarkRead(b *testing.B, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatalf("benchmark input: %v (../shared must stand beside the repository)", err)
	}
	rd, err := NewReader(DefaultVenues())
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := rd.Read(bytes.NewReader(data), path); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadReference(b *testing.B) { benchmarkRead(b, "../testdata/two_sessions_2024.txt") }

// The public corpus of 65 State of the Union addresses (2.07 MB), kept
// beside the repository in ../shared.
func BenchmarkReadCorpus(b *testing.B) {
	benchmarkRead(b, "../../shared/corpus/state_of_the_union_1945-2006.txt")
}
