package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/issuelens/analyze/analyze"
	"github.com/issuelens/analyze/analyze/lexicon"
)

// readFlags are the flags that say how inputs are read, the same in run
// and inspect.
type readFlags struct {
	lang     string // --lang: auto or a language code
	date     string // --date YYYY-MM-DD
	encoding string // --encoding: the inputs' encoding, "" to find it
}

func (r *readFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&r.date, "date", "", "date YYYY-MM-DD of the articles that the text, the page and the file name leave undated")
	fs.StringVar(&r.lang, "lang", "auto", "language of the inputs: auto (each input's own, from its text), "+strings.Join(analyze.LanguageCodes(), " or "))
	fs.StringVar(&r.encoding, "encoding", "", "the `ENCODING` of the inputs' bytes (utf-8, gb18030, gbk, big5, shift_jis, windows-1252), when it is not found right: by default a byte-order mark, a web page's charset, valid UTF-8, then detection")
}

// openOptions checks --encoding and returns how inputs are opened.
func (r readFlags) openOptions() (analyze.OpenOptions, error) {
	if r.encoding != "" {
		if _, _, err := analyze.EncodingNamed(r.encoding); err != nil {
			return analyze.OpenOptions{}, &usageError{"--encoding: " + err.Error()}
		}
	}
	return analyze.OpenOptions{Encoding: r.encoding}, nil
}

// readers hands out the reader and analyzer of each language, made the
// first time an input in the language is met (Chinese loads a dictionary
// of about 5 MB; an English run never does), all with the run's lexicon
// and options. It is safe for concurrent use.
type readers struct {
	lang  string // "auto" or a language code
	open  analyze.OpenOptions
	lex   *lexicon.Lexicon
	setup func(*analyze.Reader) (*analyze.Reader, error) // --date, the template
	guard *memoryGuard                                   // told of each language's models loaded (nil: none)

	mu    sync.Mutex
	pairs map[string]langPair
}

type langPair struct {
	rd *analyze.Reader
	az *analyze.Analyzer
}

// newReaders checks --lang and starts with English's reader and analyzer
// made from rd (the lexicon's, with the run's options).
func newReaders(lang string, lex *lexicon.Lexicon, rd *analyze.Reader, setup func(*analyze.Reader) (*analyze.Reader, error)) (*readers, error) {
	if lang == "" {
		lang = "auto"
	}
	if lang != "auto" && !slices.Contains(analyze.LanguageCodes(), lang) {
		return nil, &usageError{fmt.Sprintf("--lang: %q is not auto or a language code (%s)", lang, strings.Join(analyze.LanguageCodes(), ", "))}
	}
	r := &readers{lang: lang, lex: lex, setup: setup, pairs: map[string]langPair{}}
	r.pairs[rd.Language().Code()] = langPair{rd, analyze.NewAnalyzerIn(rd.Language(), lex)}
	return r, nil
}

// of returns the reader and analyzer of a language, making them once.
func (r *readers) of(code string) (*analyze.Reader, *analyze.Analyzer, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if p, ok := r.pairs[code]; ok {
		return p.rd, p.az, nil
	}
	lang, err := analyze.NewLanguage(code)
	if err != nil {
		return nil, nil, err
	}
	r.guard.reserve(modelBytes(code))
	rd, err := r.setup(analyze.NewReaderIn(lang, analyze.VenuesOf(r.lex)))
	if err != nil {
		return nil, nil, err
	}
	p := langPair{rd, analyze.NewAnalyzerIn(lang, r.lex)}
	r.pairs[code] = p
	return p.rd, p.az, nil
}

// detect opens an input (analyze.Open: its format, encoding and the
// language of its text) and returns it with the reader and analyzer of
// its language: --lang's, or, with auto, the one its text is written in.
func (r *readers) detect(in io.Reader, name string) (*analyze.Input, *analyze.Reader, *analyze.Analyzer, error) {
	input, err := analyze.Open(in, name, r.open)
	if err != nil {
		return nil, nil, nil, err
	}
	code := r.lang
	if code == "auto" {
		code = input.Language
	}
	rd, az, err := r.of(code)
	return input, rd, az, err
}

// combiner returns the analyzer that combines results into the corpus
// report: their language's when they share one (a folder of Chinese
// reports is discovered and ranked as Chinese: its phrases cut the
// Chinese way, no English reference), else English's.
func (r *readers) combiner(results []*analyze.Result) *analyze.Analyzer {
	code := ""
	for _, res := range results {
		c := res.Language.Code()
		if code != "" && c != code {
			return r.english()
		}
		code = c
	}
	return r.analyzer(code)
}

// english is the English analyzer, which reads the run's first input.
func (r *readers) english() *analyze.Analyzer { return r.analyzer("en") }

// analyzer is the analyzer of a language made already, or English's.
func (r *readers) analyzer(code string) *analyze.Analyzer {
	r.mu.Lock()
	defer r.mu.Unlock()
	if p, ok := r.pairs[code]; ok {
		return p.az
	}
	return r.pairs["en"].az
}

// setupReaders gives rd the run's options (--date, --encoding, the
// template found in the web pages among the input files, a cache of the
// pages read for it) and returns it and the readers of every language
// (--lang) made alike.
func setupReaders(ctx context.Context, lex *lexicon.Lexicon, rd *analyze.Reader, files []string, f readFlags) (*analyze.Reader, *readers, error) {
	date := f.date
	open, err := f.openOptions()
	if err != nil {
		return nil, nil, err
	}
	if rd, err = withDate(rd.WithOpenOptions(open), date); err != nil {
		return nil, nil, err
	}
	// the web pages the template scan reads are read once: the reading
	// takes them from the cache
	pages := analyze.NewPageCache(pageCacheBytes)
	var tpl *analyze.Template
	if rd, tpl, err = withTemplate(ctx, rd.WithPageCache(pages), files); err != nil {
		return nil, nil, err
	}
	langs, err := newReaders(f.lang, lex, rd, readerSetup(open, date, tpl, pages))
	if err != nil {
		return nil, nil, err
	}
	langs.open = open
	langs.guard = guardOf(ctx)
	return rd, langs, nil
}

// pageCacheBytes is the most text of web pages a run keeps between the
// template scan and the reading: 64 MB, some 6,000 news pages; past it,
// pages are read twice.
const pageCacheBytes = 64 << 20

// readerSetup gives a language's reader the run's options, as the
// English one has them: --date, and the template found in the inputs'
// pages (nil for none).
func readerSetup(open analyze.OpenOptions, date string, tpl *analyze.Template, pages *analyze.PageCache) func(*analyze.Reader) (*analyze.Reader, error) {
	return func(rd *analyze.Reader) (*analyze.Reader, error) {
		rd, err := withDate(rd.WithPageCache(pages).WithOpenOptions(open), date)
		if err != nil || tpl == nil {
			return rd, err
		}
		return rd.WithTemplate(tpl), nil
	}
}
