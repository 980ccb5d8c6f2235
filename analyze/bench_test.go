package analyze

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/issuelens/analyze/analyze/lexicon"
	"github.com/jdkato/prose/v3"
)

const (
	referencePath = "../testdata/two_sessions_2024.txt"
	// the public corpus of 65 State of the Union addresses (2.07 MB),
	// kept beside the repository in ../shared
	corpusPath = "../../shared/corpus/state_of_the_union_1945-2006.txt"
)

func benchInput(b *testing.B, path string) []byte {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatalf("benchmark input: %v (../shared must stand beside the repository)", err)
	}
	return data
}

func benchmarkRead(b *testing.B, path string) {
	data := benchInput(b, path)
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

// Reading: decoding, structure and sentence segmentation.
func BenchmarkReadReference(b *testing.B) { benchmarkRead(b, referencePath) }
func BenchmarkReadCorpus(b *testing.B)    { benchmarkRead(b, corpusPath) }

func benchmarkAnalyze(b *testing.B, path string) {
	data := benchInput(b, path)
	iss, err := ReadIssue(bytes.NewReader(data), path)
	if err != nil {
		b.Fatal(err)
	}
	lex, _ := lexicon.Default()
	az, err := NewAnalyzer(lex)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := az.AnalyzeContext(context.Background(), iss, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// Analysis: tokenizing and tagging, matching, co-occurrence, discovery
// and keyness.
func BenchmarkAnalyzeReference(b *testing.B) { benchmarkAnalyze(b, referencePath) }
func BenchmarkAnalyzeCorpus(b *testing.B)    { benchmarkAnalyze(b, corpusPath) }

// BenchmarkProseAloneCorpus is prose by itself over the corpus, line by
// line on all cores (tokenize, segment, tag; no NER): the limit of what
// our own tokenizing can cost.
func BenchmarkProseAloneCorpus(b *testing.B) {
	data := benchInput(b, corpusPath)
	lines := strings.Split(string(data), "\n")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		parallel(context.Background(), len(lines), func(i int) {
			if _, err := prose.NewDocument(lines[i], prose.WithExtraction(false)); err != nil {
				b.Error(err)
			}
		})
	}
}
