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

// benchIssue reads an issue and makes an analyzer with the default lexicon.
func benchIssue(b *testing.B, path string) ([]byte, *Issue, *Analyzer) {
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
	return data, iss, az
}

func benchmarkAnalyze(b *testing.B, path string) {
	data, iss, az := benchIssue(b, path)
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

// stageInput reads an issue and returns its counted paragraphs (headlines
// and body) with an analyzer and the finished analysis, for the stage
// benchmarks below.
func stageInput(b *testing.B, path string) ([]*Para, *Analyzer, *Result) {
	data, iss, az := benchIssue(b, path)
	res, err := az.Analyze(iss, Options{Mergeable: true}) // keeps the tallies for the stages after
	if err != nil {
		b.Fatal(err)
	}
	var paras []*Para
	for i := range iss.Articles {
		a := &iss.Articles[i]
		if a.Headline != nil {
			paras = append(paras, a.Headline)
		}
		for j := range a.Body {
			paras = append(paras, &a.Body[j])
		}
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	return paras, az, res
}

// Tokenizing and tagging (prose) and splitting into matchable words with
// their stems, paragraph by paragraph on all cores, as the analysis does.
func BenchmarkTokenizeTagCorpus(b *testing.B) {
	paras, az, _ := stageInput(b, corpusPath)
	for b.Loop() {
		parallel(context.Background(), len(paras), func(i int) { az.tk.words(paras[i].Text) })
	}
}

// Matching the lexicon (ignored spans, longest match, coordination) in
// words already split, on all cores.
func BenchmarkMatchCorpus(b *testing.B) {
	paras, az, _ := stageInput(b, corpusPath)
	words := make([][]word, len(paras))
	for i, p := range paras {
		words[i], _ = az.tk.words(p.Text)
	}
	b.ResetTimer()
	for b.Loop() {
		parallel(context.Background(), len(paras), func(i int) {
			az.m.matchMasked(words[i], paras[i].Text, az.m.mask(words[i]))
		})
	}
}

// The co-occurrence measures of every pair of themes in every scope.
func BenchmarkCooccurrenceCorpus(b *testing.B) {
	_, _, res := stageInput(b, corpusPath)
	for b.Loop() {
		res.Cooc.Pairs(res.Themes)
	}
}

// Discovery from the tallied phrases: inflections merged, C-value, nesting.
func BenchmarkDiscoveryCorpus(b *testing.B) {
	_, az, res := stageInput(b, corpusPath)
	for b.Loop() {
		discover(res.terms, res.Options.MinCount, az.lexiconEntry, false)
	}
}

// Keyness of every day and venue against the rest.
func BenchmarkKeynessCorpus(b *testing.B) {
	_, az, res := stageInput(b, corpusPath)
	for b.Loop() {
		keyness(res.Counts, res.words, res.Formulations, az.stop)
	}
}
