package analyze

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"
	"time"

	"github.com/issuelens/analyze/analyze/lexicon"
	"github.com/issuelens/analyze/internal/testfiles"
	"github.com/jdkato/prose/v3"
)

const (
	referencePath = "../testdata/two_sessions_2024.txt"
)

// corpus is the public corpus of 65 State of the Union addresses (2.07
// MB), kept beside the repository in ../shared.
func corpus(t testing.TB) string {
	t.Helper()
	return testfiles.Shared(t, "corpus/state_of_the_union_1945-2006.txt")
}

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
func BenchmarkReadCorpus(b *testing.B)    { benchmarkRead(b, corpus(b)) }

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
func BenchmarkAnalyzeCorpus(b *testing.B)    { benchmarkAnalyze(b, corpus(b)) }

// BenchmarkProseAloneCorpus is prose by itself over the corpus, line by
// line on all cores (tokenize, segment, tag; no NER): the limit of what
// our own tokenizing can cost.
func BenchmarkProseAloneCorpus(b *testing.B) {
	data := benchInput(b, corpus(b))
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
	paras, az, _ := stageInput(b, corpus(b))
	for b.Loop() {
		parallel(context.Background(), len(paras), func(i int) { words(az.lang, paras[i].Text) })
	}
}

// Matching the lexicon (ignored spans, longest match, coordination) in
// words already split, on all cores.
func BenchmarkMatchCorpus(b *testing.B) {
	paras, az, _ := stageInput(b, corpus(b))
	ws := make([][]word, len(paras))
	for i, p := range paras {
		_, ws[i], _ = words(az.lang, p.Text)
	}
	b.ResetTimer()
	for b.Loop() {
		parallel(context.Background(), len(paras), func(i int) {
			az.m.matchMasked(ws[i], paras[i].Text, az.m.mask(ws[i]))
		})
	}
}

// The co-occurrence measures of every pair of themes in every scope.
func BenchmarkCooccurrenceCorpus(b *testing.B) {
	_, _, res := stageInput(b, corpus(b))
	for b.Loop() {
		res.Cooc.Pairs(res.Themes)
	}
}

// Discovery from the tallied phrases: inflections merged, C-value, nesting.
func BenchmarkDiscoveryCorpus(b *testing.B) {
	_, az, res := stageInput(b, corpus(b))
	for b.Loop() {
		discover(az.lang, res.terms, res.Options.MinCount, az.lexiconEntry, false, false, az.specificity(res))
	}
}

// Keyness of every day and venue against the rest.
func BenchmarkKeynessCorpus(b *testing.B) {
	_, az, res := stageInput(b, corpus(b))
	for b.Loop() {
		keyness(res.Counts, res.words, res.Formulations, az.stop, az.reference(res), az.lang)
	}
}

// Inputs made to try the memory and time of a stream (see docs/performance.md,
// Performance): many short articles, many short lines in one article,
// and a whole text on one line.

// manyArticlesInput is n dated articles of a headline and a sentence.
func manyArticlesInput(n int) []byte {
	var b bytes.Buffer
	months := []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	for i := range n {
		fmt.Fprintf(&b, "%s %d, 2024\n\nHeadline here\n\nA short paragraph about new quality productive forces.\n\n", months[i/28%12], i%28+1)
	}
	return b.Bytes()
}

// shortLinesInput is n lines of two to six words drawn from a few, each
// a sentence: one article of n paragraphs, and phrases mostly seen once.
func shortLinesInput(n int) []byte {
	words := strings.Fields("growth rose fell jobs trade new quality productive forces reform market steady prices rates policy")
	r := rand.New(rand.NewPCG(1, 2))
	var b bytes.Buffer
	for range n {
		for k := range 2 + r.IntN(5) {
			w := words[r.IntN(len(words))]
			if k == 0 {
				w = strings.ToUpper(w[:1]) + w[1:]
			} else {
				b.WriteByte(' ')
			}
			b.WriteString(w)
		}
		b.WriteString(".\n")
	}
	return b.Bytes()
}

// oneLineInput is the public corpus with its line breaks made spaces.
func oneLineInput(b *testing.B) []byte {
	return append(bytes.ReplaceAll(benchInput(b, corpus(b)), []byte("\n"), []byte(" ")), '\n')
}

// benchmarkStream reads and analyses data as analyze run does, and
// reports the most the heap held after a collection (peak-live-MB) and
// what the result keeps (retained-MB) besides time and allocations.
func benchmarkStream(b *testing.B, data []byte) {
	lex, _ := lexicon.Default()
	az, err := NewAnalyzer(lex)
	if err != nil {
		b.Fatal(err)
	}
	rd, err := NewReader(VenuesOf(lex))
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	peak := make(chan uint64)
	done := make(chan struct{})
	go func() {
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		var most uint64
		for {
			select {
			case <-done:
				peak <- most
				return
			case <-time.After(5 * time.Millisecond):
				metrics.Read(s)
				most = max(most, s[0].Value.Uint64())
			}
		}
	}()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	var res *Result
	for b.Loop() {
		if res, err = az.AnalyzeStream(context.Background(), rd, bytes.NewReader(data), "bench.txt", Options{}, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	close(done)
	b.ReportMetric(float64(<-peak-before.HeapAlloc)/(1<<20), "peak-live-MB")
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/(1<<20), "retained-MB")
	runtime.KeepAlive(res)
}

// 20,000 articles (1.7 MB): what each article leaves behind.
func BenchmarkStreamManyArticles(b *testing.B) { benchmarkStream(b, manyArticlesInput(20000)) }

// 100,000 short lines (2.3 MB) in one article.
func BenchmarkStreamShortLines(b *testing.B) { benchmarkStream(b, shortLinesInput(100000)) }

// The public corpus on one line (2.07 MB).
func BenchmarkStreamOneLine(b *testing.B) { benchmarkStream(b, oneLineInput(b)) }

// chineseReports is ten Government Work Reports (1978, 1984, …, 2024,
// 2025; 1.3 MB of Chinese) joined, as one input for the Chinese
// benchmarks beside the English corpus ones.
func chineseReports(b *testing.B) []byte {
	var all []byte
	for _, y := range []string{"1978", "1984", "1990", "1996", "2002", "2008", "2013", "2018", "2024", "2025"} {
		all = append(all, benchInput(b, testfiles.Shared(b, "corpus/government_work_reports/zh/"+y+".txt"))...)
		all = append(all, '\n')
	}
	return all
}

// BenchmarkChineseEndToEnd reads and analyses the ten reports in Chinese
// (read, segment with gse, match, discovery, keyness), on all cores: MB/s
// beside BenchmarkReadCorpus + BenchmarkAnalyzeCorpus for English.
func BenchmarkChineseEndToEnd(b *testing.B) {
	data := chineseReports(b)
	zh, err := NewLanguage("zh")
	if err != nil {
		b.Fatal(err)
	}
	lex, _ := lexicon.Default()
	rd, az := NewReaderIn(zh, VenuesOf(lex)), NewAnalyzerIn(zh, lex)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		iss, err := rd.Read(bytes.NewReader(data), "reports.txt")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := az.Analyze(iss, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGseAlone is gse's segmenter by itself over the same text, line
// by line on all cores: the limit of what Chinese words can cost.
func BenchmarkGseAlone(b *testing.B) {
	data := chineseReports(b)
	zh, err := NewLanguage("zh")
	if err != nil {
		b.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		parallel(context.Background(), len(lines), func(i int) { zh.Tokens(lines[i], false) })
	}
}

// BenchmarkLoadChinese is the cost of meeting the first Chinese input:
// gse's embedded dictionary and OpenCC's tables loaded (heap-MB: the heap
// they keep).
func BenchmarkLoadChinese(b *testing.B) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var keep Language
	for b.Loop() {
		zh, err := NewLanguage("zh")
		if err != nil {
			b.Fatal(err)
		}
		keep = zh
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "heap-MB")
	runtime.KeepAlive(keep)
}

// BenchmarkLoadReference: reading the shipped background (83,000
// phrases), once a run that discovers in English.
func BenchmarkLoadReference(b *testing.B) {
	b.SetBytes(int64(len(defaultReference)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadReference(bytes.NewReader(defaultReference)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPagePipeline reads and analyses saved news pages of a few
// kilobytes each, through the whole pipeline (Open: format, charset,
// language; the page's article; the reader; the analysis), with the
// language's models loaded: the English site pages of testdata/pages
// beside the Chinese pages of testdata/zh_sources of about their size
// (Xinhua, China Daily, People's Daily in GBK). MB/s is of the pages'
// bytes; a Chinese page should cost at most twice an English one a byte.
func BenchmarkPagePipeline(b *testing.B) {
	lex, _ := lexicon.Default()
	for _, tt := range []struct {
		code  string
		pages []string
	}{
		{"en", []string{"pages/site/page1.html", "pages/site/page2.html", "pages/site/page3.html", "pages/site/page4.html"}},
		{"zh", []string{"zh_sources/xinhua_page.html", "zh_sources/chinadaily_zh_page.html", "zh_sources/peoples_daily_gbk.html"}},
	} {
		b.Run(tt.code, func(b *testing.B) {
			lang, err := NewLanguage(tt.code)
			if err != nil {
				b.Fatal(err)
			}
			rd, az := NewReaderIn(lang, VenuesOf(lex)), NewAnalyzerIn(lang, lex)
			var pages [][]byte
			size := 0
			for _, p := range tt.pages {
				data := benchInput(b, testfiles.Testdata(b, p))
				pages = append(pages, data)
				size += len(data)
			}
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				for i, data := range pages {
					in, err := Open(bytes.NewReader(data), tt.pages[i], OpenOptions{})
					if err != nil {
						b.Fatal(err)
					}
					iss, err := rd.Read(in, tt.pages[i])
					if err != nil {
						b.Fatal(err)
					}
					if _, err := az.Analyze(iss, Options{}); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.N*len(pages))/b.Elapsed().Seconds(), "pages/s")
		})
	}
}
