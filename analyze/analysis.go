package analyze

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/issuelens/analyze/analyze/lexicon"
	"github.com/issuelens/analyze/internal/workers"
)

// Parts of an article a mention can stand in.
const (
	PartHeadline = "headline"
	PartBody     = "body"
	PartCaption  = "caption"
)

// Options tune an analysis.
type Options struct {
	CountCaptions bool // count mentions (and co-occurrence windows) in photo captions too
	ContextWords  int  // words of KWIC context on each side (default 8)
	MinCount      int  // how often a discovered phrase must occur (default 2)
	// Mergeable keeps the phrase and word tallies that Merge needs in the
	// Result; without it they are let go once discovery and keyness are
	// done (they are most of an analysis's memory).
	Mergeable bool
	// Weights of the prominence-weighted counts (zero: DefaultWeights())
	Weights Weights
	// LooseTerms keeps discovered phrases that do not follow the
	// part-of-speech pattern of terms (verb frames such as "give full
	// play to the role"), at half their score; by default they are left
	// out.
	LooseTerms bool
	// NoReference ranks discovered phrases without a reference corpus and
	// leaves out the keyness against it (see Reference)
	NoReference bool
	// Reference replaces the shipped reference corpus (nil: the shipped
	// one, for English); it serves the language it was built in.
	Reference *Reference
}

// Analyzer counts one lexicon's formulations in one language. Build it
// once with NewAnalyzer or NewAnalyzerIn: it compiles the lexicon with the
// language's words. It is safe for concurrent use.
type Analyzer struct {
	lex    *lexicon.Lexicon
	lang   Language
	m      *matcher
	stop   map[string]bool
	themes map[string]int // theme name → index in lexicon order
	pieces *lexiconWords  // the lexicon's forms as words, for discovery's pieces and wrappers
}

// NewAnalyzer compiles a lexicon for matching in English.
func NewAnalyzer(lex *lexicon.Lexicon) (*Analyzer, error) {
	lang, err := newEnglish()
	if err != nil {
		return nil, err
	}
	return NewAnalyzerIn(lang, lex), nil
}

// NewAnalyzerIn compiles a lexicon for matching in a language: its
// phrases, ignored spans and stopwords as the language splits and folds
// them.
func NewAnalyzerIn(lang Language, lex *lexicon.Lexicon) *Analyzer {
	if w, ok := lang.(WordAdder); ok {
		// a language that finds words with a dictionary learns the
		// lexicon's, so that each formulation is one word
		var forms []string
		for _, th := range lex.Themes {
			for _, f := range th.Formulations {
				forms = append(forms, lang.LexiconForms(f)...)
			}
		}
		w.AddWords(forms)
	}
	az := &Analyzer{lex: lex, lang: lang, m: newMatcher(lex, lang), stop: map[string]bool{}, themes: map[string]int{}}
	az.pieces = newLexiconWords(az.m, lang)
	for _, w := range lex.Stopwords {
		az.stop[lang.Fold(w)] = true
	}
	for i, t := range lex.Themes {
		az.themes[t.Name] = i
	}
	return az
}

// Language returns the language az counts in.
func (az *Analyzer) Language() Language { return az.lang }

// Formulations returns the lexicon's formulations in lexicon order.
func (az *Analyzer) Formulations() []Formulation { return az.m.forms }

// Themes returns the lexicon's theme names in lexicon order.
func (az *Analyzer) Themes() []string { return ThemesOf(az.lex) }

// Result is what an analysis of one issue found. It is plain data:
// rendering it is for report and charts.
type Result struct {
	Issue        *Issue
	Language     Language // the language counted in (its Script is for fonts); nil in a Result not made by an Analyzer
	Lexicon      *lexicon.Lexicon
	Options      Options
	Formulations []Formulation // lexicon order
	Themes       []string      // lexicon order
	Articles     []ArticleStats
	Mentions     []Mention // in text order
	Lists        []SetList // formulations set out together as lists, in text order
	Counts       *Counts
	Cooc         *Cooc
	Pairs        []PairStat  // theme co-occurrence, see Cooc.Pairs
	Discovered   []Candidate // best first
	Keyness      []KeyItem   // by group, most distinctive first
	Issues       []IssueInfo // the issues counted: one, or several merged (see Merge)
	History      *History    // the issues of a history store, when one is kept (set by the caller)
	// Translation lines up Chinese issues and their English translations
	// formulation by formulation, for a result of several issues (set by
	// the caller: see PairsOf and Translation)
	Translation []TranslationRow
	// WordTotals counts the words of the whole result as keyness does
	// (folded, stopwords included): what a history keeps to compare later
	// issues with
	WordTotals map[string]int

	terms *Terms // kept for merging
	words Words
	// found is how many candidates discovery found (Discovered lists at
	// most maxCandidates of them; see Candidates)
	found int
	stop  map[string]bool // the analyzer's stopwords, folded: for Modifiers and KeynessAgainst
}

// Candidates is how many candidate phrases discovery found: Discovered
// lists the best of them, at most 10,000.
func (r *Result) Candidates() int { return max(r.found, len(r.Discovered)) }

// FormulationsFound is how many formulations have at least one mention.
func (r *Result) FormulationsFound() int {
	n := 0
	for _, f := range r.Formulations {
		if r.Counts.Total(f.ID) > 0 {
			n++
		}
	}
	return n
}

// IssueInfo names an issue of a result.
type IssueInfo struct {
	Name  string
	Title string
	Lang  string // the code of the language it was counted in ("en", "zh")
	Lines int    // lines of its input
}

// LangOf is the code of the language the issue named issue was counted
// in ("en", "zh"): a corpus may hold issues in several languages.
func (r *Result) LangOf(issue string) string {
	for _, is := range r.Issues {
		if is.Name == issue && is.Lang != "" {
			return is.Lang
		}
	}
	if r.Language != nil {
		return r.Language.Code()
	}
	return "en"
}

// ArticleStats are the sizes of one article.
type ArticleStats struct {
	Issue      string // the issue's name
	N          int
	Date       Date
	Venue      string
	Headline   string
	Paragraphs int // body paragraphs
	Sentences  int // headline and body
	Tokens     int // word tokens of headline and body
	Captions   int // distinct captions
	Words      int // words of headline and body as the reader counts them (Article.Words)
	// FirstLine and LastLine are the source lines the article spans
	// (headline, body and captions), for what was dropped around it
	// (DroppedNear)
	FirstLine, LastLine int
}

// Mention is one counted occurrence of a formulation, with where it stands.
type Mention struct {
	Issue     string // the issue's name
	Article   int
	Date      Date
	Venue     string
	Part      string // headline, body or caption
	Paragraph int    // 1-based within the part
	Sentence  int    // 1-based within the paragraph
	Line      int    // source line of the paragraph
	Form      int    // Formulation.ID
	Theme     string
	Phrase    string // canonical form
	Matched   string // the text as it stands
	Left      string // context words before
	Right     string // context words after
	Rank      int    // its formulation's place among its article's, by first appearance (see rankMentions)
}

// Analyze counts the lexicon's formulations in an issue, the themes
// that share windows, candidate new formulations and what sets each day
// and venue apart.
func (az *Analyzer) Analyze(iss *Issue, opt Options) (*Result, error) {
	return az.AnalyzeContext(context.Background(), iss, opt)
}

// AnalyzeContext is Analyze, stopping with ctx's error when ctx is done
// (checked between articles).
func (az *Analyzer) AnalyzeContext(ctx context.Context, iss *Issue, opt Options) (*Result, error) {
	res, err := az.pipeline(ctx, iss.Name, opt, nil, func(emit func(*Article) error) (*Issue, error) {
		for i := range iss.Articles {
			if err := emit(&iss.Articles[i]); err != nil {
				return nil, err
			}
		}
		return iss, nil
	}, nil)
	if err != nil {
		return nil, err
	}
	return res, nil
}

// AnalyzeStream reads an issue from r with rd and analyses it as it is
// read: each article goes through the analysis as soon as the reader has
// it, then to each (when not nil; in order, e.g. to write it out) and is
// let go. Memory does not grow with the text, and the Result's Issue has
// no articles (everything else of the Issue is there). Errors are rd's
// (an InputError for a bad input), each's, or ctx's.
func (az *Analyzer) AnalyzeStream(ctx context.Context, rd *Reader, r io.Reader, name string, opt Options, each func(*Article) error) (*Result, error) {
	return az.pipeline(ctx, name, opt, rd, func(emit func(*Article) error) (*Issue, error) {
		return rd.stream(r, name, emit)
	}, each)
}

// pipeline analyses the articles feed hands it, in parallel and merged in
// order as they come, a few ahead at most, so that neither articles nor
// partial tallies pile up. A long article goes as several jobs, a run of
// its paragraphs each (see pieces), so that it too is analysed on all
// cores. When rd is not nil the articles are split into sentences on the
// way. feed returns the issue (its articles need not be in it) after its
// last article.
func (az *Analyzer) pipeline(ctx context.Context, name string, opt Options, rd *Reader,
	feed func(emit func(*Article) error) (*Issue, error), each func(*Article) error) (*Result, error) {
	opt = opt.withDefaults()
	res := az.newResult(opt)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type job struct {
		seq    int
		a      *Article
		lo, hi int  // the article's paragraphs this job reads (see articlePara)
		last   bool // the article's last job
		p      *partial
	}
	window := 4 * runtime.GOMAXPROCS(0)
	free := make(chan struct{}, window) // a token for each job in flight
	for range window {
		free <- struct{}{}
	}
	jobs := make(chan job)
	done := make(chan job, window)
	var (
		iss     *Issue
		feedErr error
	)
	go func() {
		defer close(jobs)
		seq := 0
		iss, feedErr = feed(func(a *Article) error {
			cuts := pieces(a)
			for k := range len(cuts) - 1 {
				select {
				case <-free:
				case <-ctx.Done():
					return ctx.Err()
				}
				jobs <- job{seq: seq, a: a, lo: cuts[k], hi: cuts[k+1], last: k == len(cuts)-2}
				seq++
			}
			return nil
		})
	}()
	var wg sync.WaitGroup
	var cuts atomic.Int64 // sentences cut into pieces (segmentPara)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for j := range jobs {
				if ctx.Err() == nil {
					if rd != nil {
						for i := j.lo; i < j.hi; i++ {
							cuts.Add(int64(rd.segmentPara(articlePara(j.a, i))))
						}
					}
					j.p = az.article(name, j.a, opt, j.lo, j.hi)
				}
				done <- j
			}
		})
	}
	go func() {
		wg.Wait()
		close(done)
	}()
	waiting := map[int]job{}
	next := 0
	var eachErr error
	for j := range done {
		waiting[j.seq] = j
		for {
			j, ok := waiting[next]
			if !ok {
				break
			}
			delete(waiting, next)
			next++
			free <- struct{}{}
			if ctx.Err() != nil {
				continue
			}
			res.add(j.p)
			if each != nil && j.last {
				if err := each(j.a); err != nil {
					eachErr = err
					cancel()
				}
			}
		}
	}
	switch {
	case eachErr != nil:
		return nil, eachErr
	case feedErr != nil:
		return nil, feedErr
	case ctx.Err() != nil:
		return nil, ctx.Err()
	}
	if n := cuts.Load(); n > 0 {
		iss.Warnings = append(iss.Warnings, cutSentences(int(n)))
	}
	res.Issue = iss
	res.Issues = []IssueInfo{{Name: iss.Name, Title: iss.Title, Lang: az.lang.Code(), Lines: iss.Lines}}
	az.finish(res)
	return res, nil
}

// pieceBytes is about how much text a job of the analysis reads: an
// article longer than this goes as several jobs.
const pieceBytes = 64 << 10

// pieces cuts an article's paragraphs (see articlePara) into runs of
// about pieceBytes of text: it returns the indices where the runs begin,
// then the number of paragraphs. An article of at most pieceBytes is one
// run.
func pieces(a *Article) []int {
	cuts := []int{0}
	size := 0
	n := numParas(a)
	for i := range n {
		if size >= pieceBytes {
			cuts = append(cuts, i)
			size = 0
		}
		size += len(articlePara(a, i).Text) + 1
	}
	return append(cuts, n)
}

// add merges a partial, an article's or the next part of one, into the
// result.
func (res *Result) add(p *partial) {
	if p.first {
		res.Articles = append(res.Articles, p.stats)
	} else {
		st := &res.Articles[len(res.Articles)-1]
		st.Sentences += p.stats.Sentences
		st.Tokens += p.stats.Tokens
	}
	res.Mentions = append(res.Mentions, p.mentions...)
	res.Lists = append(res.Lists, p.lists...)
	res.Counts.Add(p.counts)
	res.Cooc.Add(p.cooc)
	if res.terms.len() == 0 {
		res.terms = p.terms // the first partial's tallies become the result's
	} else {
		res.terms.absorb(p.terms)
	}
	res.words.Add(p.words)
}

// parallel runs do(0), …, do(n-1) on all cores (workers.Each), starting
// no more once ctx is done: then it returns ctx's error, after the calls
// started have returned.
func parallel(ctx context.Context, n int, do func(int)) error {
	return workers.Each(ctx, n, func(i int) error { do(i); return nil })
}

func (opt Options) withDefaults() Options {
	if opt.ContextWords <= 0 {
		opt.ContextWords = 8
	}
	if opt.MinCount <= 0 {
		opt.MinCount = 2
	}
	if opt.Weights == (Weights{}) {
		opt.Weights = DefaultWeights()
	}
	return opt
}

func (az *Analyzer) newResult(opt Options) *Result {
	return &Result{Language: az.lang, Lexicon: az.lex, Options: opt, Formulations: az.m.forms, Themes: az.Themes(),
		Counts: NewCounts(), Cooc: NewCooc(), terms: newTerms(), words: Words{}, stop: az.stop}
}

// finish computes what is derived from the merged counts.
func (az *Analyzer) finish(res *Result) {
	rankMentions(res.Mentions)
	res.WordTotals = map[string]int{}
	for _, m := range res.words {
		for w, n := range m {
			res.WordTotals[w] += n
		}
	}
	if c := res.terms.cut; c.times > 0 && res.Issue != nil {
		res.Issue.Warnings = append(res.Issue.Warnings, Warning{Msg: fmt.Sprintf(
			"discovery: the candidate phrases outgrew what is kept (%d seen once, %d seen more often) %d times; %d phrases, each seen at most %dx by then, were let go to bound memory, so a candidate's count may fall short",
			maxOnce, maxTallied, c.times, c.phrases, c.maxCount)})
	}
	res.Pairs = res.Cooc.Pairs(res.Themes)
	var wg sync.WaitGroup // discovery and keyness at once: they read, never write, what they share
	wg.Go(func() {
		res.Discovered, res.found = discover(az.lang, res.terms, res.Options.MinCount, az.lexiconEntry, !res.Options.Mergeable, res.Options.LooseTerms, az.specificity(res))
		az.pieces.mark(res.Discovered)
		if res.found > len(res.Discovered) && res.Issue != nil {
			res.Issue.Warnings = append(res.Issue.Warnings, Warning{Msg: fmt.Sprintf(
				"discovery: %d candidate phrases; the %d ranked highest are listed", res.found, len(res.Discovered))})
		}
	})
	res.Keyness = keyness(res.Counts, res.words, res.Formulations, az.stop, az.reference(res), az.lang)
	wg.Wait()
	if !res.Options.Mergeable {
		res.terms, res.words = nil, nil
	}
}

// Merge combines the results of several issues analysed with az into one
// corpus result, as if counted together: counts, windows, phrases and
// words add up, and discovery and keyness are computed anew (keyness also
// for each issue against the rest). Articles keep their issue's numbers
// and name their issue. The results are not changed; they must have been
// analysed with Options.Mergeable. A batch that should not keep every
// issue's tallies to the end merges them as they come with a Merger.
func (az *Analyzer) Merge(title string, results ...*Result) *Result {
	var m Merger
	for _, r := range results {
		m.add(r)
	}
	return m.Result(az, title)
}

// A Merger adds the results of issues up into a corpus result one at a
// time, in their order, so that a batch keeps one set of tallies, the
// corpus's, rather than every issue's (see Merge, which it gives the same
// result as).
// The zero Merger is ready to use.
type Merger struct {
	res    *Result // nil before the first result
	offset int     // articles merged so far
}

// Add merges r, which must have been analysed with Options.Mergeable, and
// lets go of its phrase and word tallies: r keeps what its own report
// shows and cannot be merged again.
func (m *Merger) Add(r *Result) {
	m.add(r)
	r.terms, r.words = nil, nil
}

// start makes the corpus result, empty, with the first result's options.
func (m *Merger) start(opt Options) {
	m.res = &Result{Options: opt.withDefaults(), Counts: NewCounts(), Cooc: NewCooc(), terms: newTerms(), words: Words{}}
	m.res.Issue = &Issue{Name: "corpus"}
}

// add merges r, leaving it as it was.
func (m *Merger) add(r *Result) {
	if r.terms == nil {
		panic("analyze: Merge of a result analysed without Options.Mergeable")
	}
	if m.res == nil {
		m.start(r.Options)
	}
	res, corpus := m.res, m.res.Issue
	res.Issues = append(res.Issues, r.Issues...)
	corpus.Articles = append(corpus.Articles, r.Issue.Articles...)
	corpus.Lines += r.Issue.Lines
	corpus.WordsKept += r.Issue.WordsKept
	corpus.WordsDropped += r.Issue.WordsDropped
	res.Articles = append(res.Articles, r.Articles...)
	res.Mentions = append(res.Mentions, r.Mentions...)
	res.Lists = append(res.Lists, r.Lists...)
	res.Counts.Add(r.Counts)
	res.Cooc.Add(r.Cooc.shifted(m.offset))
	res.terms.addShifted(r.terms, m.offset)
	res.words.Add(r.words)
	m.offset += len(r.Articles)
}

// Result computes the corpus result, titled title, with az, the analyzer
// of the corpus's language: its lexicon, themes and stopwords, its
// discovery and keyness. The Merger is used up.
func (m *Merger) Result(az *Analyzer, title string) *Result {
	if m.res == nil {
		m.start(Options{})
	}
	res := m.res
	res.Issue.Title = title
	res.Options.Mergeable = false // the corpus is not merged again: its tallies go once counted
	fresh := az.newResult(res.Options)
	res.Language, res.Lexicon, res.Formulations, res.Themes, res.stop = fresh.Language, fresh.Lexicon, fresh.Formulations, fresh.Themes, fresh.stop
	az.finish(res)
	m.res = nil
	return res
}

// reference is the reference corpus of the result's language: the one
// given (Options.Reference) when built in it, else for English the
// shipped one; nil under Options.NoReference.
func (az *Analyzer) reference(res *Result) *Reference {
	switch ref := res.Options.Reference; {
	case res.Options.NoReference:
		return nil
	case ref != nil && ref.Lang == az.lang.Code():
		return ref
	case ref != nil || az.lang.Code() != "en":
		return nil
	}
	ref, err := DefaultReference()
	if err != nil {
		panic("analyze: the shipped reference does not read: " + err.Error())
	}
	return ref
}

// specificity scales discovered phrases by how particular to the result's
// text they are against the shipped reference (the State of the Union
// addresses), for English; nil (no scaling) for another language or
// without a reference (Options.NoReference).
func (az *Analyzer) specificity(res *Result) func(string, int) float64 {
	ref := az.reference(res)
	if ref == nil {
		return nil
	}
	tokens := res.Counts.TokenTotal()
	return func(phrase string, count int) float64 {
		return ref.Specificity(strings.Join(foldedWords(az.lang, phrase), " "), count, tokens)
	}
}

// lexiconEntry returns the canonical phrase of the entry a phrase is, or "".
func (az *Analyzer) lexiconEntry(phrase string) string {
	ws := untaggedWords(az.lang, phrase)
	spans := az.m.match(ws, phrase)
	if len(spans) == 1 && spans[0].i == 0 && spans[0].j == len(ws) {
		return az.m.forms[az.m.entries[spans[0].entry].form].Phrase
	}
	return ""
}

// Analyze reads nothing and writes nothing: it counts lex's formulations in
// iss, in the language iss was read in (see Issue.Language). Build an
// Analyzer to analyse several issues with one lexicon.
func Analyze(iss *Issue, lex *lexicon.Lexicon, opt Options) (*Result, error) {
	lang, err := NewLanguage(iss.Language)
	if err != nil {
		return nil, err
	}
	return NewAnalyzerIn(lang, lex).Analyze(iss, opt)
}

// partial is what one article, or a run of its paragraphs, contributes;
// partials merge by addition.
type partial struct {
	first    bool         // the article's first run: stats are the article's, else only sentences and tokens to add
	stats    ArticleStats // of the run's paragraphs
	mentions []Mention
	lists    []SetList
	counts   *Counts
	cooc     *Cooc
	terms    *Terms
	words    Words
}

// article analyses a run of an article's paragraphs, lo to hi (see
// articlePara), on its own, so that articles and their parts can be
// analysed in any order and their results merged.
func (az *Analyzer) article(issue string, a *Article, opt Options, lo, hi int) *partial {
	p := &partial{first: lo == 0, counts: NewCounts(), cooc: NewCooc(), terms: newTerms(), words: Words{}}
	p.stats = ArticleStats{Issue: issue, N: a.N, Date: a.Date, Venue: a.Venue, Paragraphs: len(a.Body), Captions: len(a.Captions), Words: a.Words}
	if p.first {
		p.stats.FirstLine, p.stats.LastLine = a.Lines()
		if a.Headline != nil {
			p.stats.Headline = keep(a.Headline.Text)
		}
	}
	key := GroupKey{Date: a.Date.String(), Venue: a.Venue, Issue: issue}
	p.counts.addGroup(key)
	heads := 0
	if a.Headline != nil {
		heads = 1
	}
	for i := lo; i < hi; i++ {
		para := articlePara(a, i)
		part, n := PartHeadline, 1
		switch {
		case i >= heads+len(a.Body):
			part, n = PartCaption, i-heads-len(a.Body)+1
		case i >= heads:
			part, n = PartBody, i-heads+1
		}
		if part == PartCaption {
			if opt.CountCaptions {
				az.paragraph(p, a, key, part, n, para, opt, i)
			}
			continue
		}
		p.stats.Sentences += len(para.Sentences)
		p.stats.Tokens += az.paragraph(p, a, key, part, n, para, opt, i)
	}
	return p
}

// paragraph analyses one counted paragraph, sentence by sentence: its
// mentions, co-occurrence windows, candidate phrases and words. It returns
// the paragraph's word tokens. at is the paragraph's index in its article
// (see articleParaPtrs): its windows are ordered by it (see Evidence).
func (az *Analyzer) paragraph(p *partial, a *Article, key GroupKey, part string, n int, para *Para, opt Options, at int) int {
	toks, ws, tokens := words(az.lang, para.Text)
	p.counts.Tokens[key] += tokens
	if az.lang.WordSeparator() == "" {
		p.counts.Chars[key] += az.lang.LineWords(para.Text) // Chinese: its characters (Language.LineWords)
	}
	if p.words[key] == nil {
		p.words[key] = map[string]int{}
	}
	for _, tk := range toks {
		if az.lang.WordToken(tk.Text) && strings.IndexFunc(tk.Text, unicode.IsLetter) >= 0 {
			p.words[key][az.lang.Fold(tk.Text)]++
		}
	}
	masked := az.m.mask(ws)
	maskedTok := map[int]bool{}
	for i, w := range ws {
		if masked[i] {
			maskedTok[w.group] = true
		}
	}
	scopes := []string{ScopeIssue}
	if !a.Date.IsZero() {
		scopes = append(scopes, a.Date.String())
	}
	var paraThemes []int
	w, t := 0, 0
	for si, s := range para.Sentences {
		// the words and tokens of this sentence: nothing crosses sentences
		for w < len(ws) && ws[w].start < s.Start {
			w++
		}
		e := w
		for e < len(ws) && ws[e].start < s.End {
			e++
		}
		for t < len(toks) && toks[t].Start < s.Start {
			t++
		}
		te := t
		for te < len(toks) && toks[te].Start < s.End {
			te++
		}
		var themes []int
		spans := az.m.matchMasked(ws[w:e], para.Text, masked[w:e])
		match := map[int]int{} // token → the longest match holding it
		for si, sp := range spans {
			for x := sp.i; x < sp.j; x++ {
				g := ws[w+x].group
				if old, ok := match[g]; !ok || spans[old].to-spans[old].from < sp.to-sp.from {
					match[g] = si
				}
			}
		}
		for _, sp := range spans {
			f := az.m.forms[az.m.entries[sp.entry].form]
			left, matched, right := az.kwic(para.Text, sp.from, sp.to, opt.ContextWords)
			p.mentions = append(p.mentions, Mention{
				Issue: key.Issue, Article: a.N, Date: a.Date, Venue: a.Venue, Part: part, Paragraph: n, Sentence: si + 1, Line: para.Line,
				Form: f.ID, Theme: f.Theme, Phrase: f.Phrase, Matched: matched, Left: left, Right: right,
			})
			p.counts.add(key, f.ID, 1)
			themes = addTheme(themes, az.themes[f.Theme])
		}
		ev := Evidence{Issue: key.Issue, Article: a.N, Part: part, Paragraph: n, Sentence: si + 1, Text: para.Text[s.Start:s.End], seq: a.N, order: windowOrder(at, si)}
		for _, items := range az.setLists(spans, para.Text) {
			p.lists = append(p.lists, SetList{Items: items, Evidence: ev})
		}
		for _, sc := range scopes {
			p.cooc.addWindow(CoocKey{sc, WindowSentence}, themes, ev)
		}
		for _, th := range themes {
			paraThemes = addTheme(paraThemes, th)
		}
		p.terms.candidates(discoveryTokens(az.lang, toks[t:te], maskedTok, match, t, az.stop), az.lang.WordSeparator(), a.N, ev)
		w, t = e, te
	}
	ev := Evidence{Issue: key.Issue, Article: a.N, Part: part, Paragraph: n, Text: para.Text, seq: a.N, order: windowOrder(at, len(para.Sentences))}
	for _, sc := range scopes {
		p.cooc.addWindow(CoocKey{sc, WindowParagraph}, paraThemes, ev)
	}
	return tokens
}

// windowOrder places a window in its article: the sentence windows of a
// paragraph (sentence 0, 1, …), then the paragraph's own (sentence = the
// number of its sentences), paragraph after paragraph, whichever part of
// the article is analysed first.
func windowOrder(para, sentence int) int64 { return int64(para)<<32 | int64(sentence) }

// addTheme adds a theme index to a sorted set.
func addTheme(set []int, th int) []int {
	i := sort.SearchInts(set, th)
	if i < len(set) && set[i] == th {
		return set
	}
	set = append(set, 0)
	copy(set[i+1:], set[i:])
	set[i] = th
	return set
}

// keep returns a copy of a text kept to the end of an analysis (an
// example, a headline, a dropped line), so that the text it stands in, a
// paragraph or a whole page on one line, can go.
func keep(s string) string { return strings.Clone(s) }

// kwic returns text[from:to] with n words of context on each side, the
// words as strings.Fields splits them, joined by single spaces; all three
// are in one string of their own: a mention is kept to the end of the
// analysis, its paragraph is not. Only the context is looked at, so a
// long paragraph with many mentions costs no more than a short one each.
func kwic(text string, from, to, n int) (left, matched, right string) {
	before := lastWords(text[:from], n)
	after := firstWords(text[to:], n)
	var b strings.Builder
	for i, w := range before {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	l := b.Len()
	b.WriteString(text[from:to])
	m := b.Len()
	for i, w := range after {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	all := b.String()
	return all[:l], all[l:m], all[m:]
}

// kwic is kwic in the analyzer's language: in one written without spaces
// (Chinese) the context is 2n characters on each side (a word there is
// about two), else n words.
func (az *Analyzer) kwic(text string, from, to, n int) (left, matched, right string) {
	if az.lang.WordSeparator() != "" {
		return kwic(text, from, to, n)
	}
	start, end := from, to
	for k := 0; k < 2*n && start > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(text[:start])
		start -= size
	}
	for k := 0; k < 2*n && end < len(text); k++ {
		_, size := utf8.DecodeRuneInString(text[end:])
		end += size
	}
	all := strings.TrimSpace(text[start:from]) + "\x00" + text[from:to] + "\x00" + strings.TrimSpace(text[to:end])
	all = strings.Clone(all)
	l := strings.IndexByte(all, 0)
	r := strings.LastIndexByte(all, 0)
	return all[:l], all[l+1 : r], all[r+1:]
}

// lastWords returns the last n words of s (as strings.Fields splits them),
// in order, looking at s from its end.
func lastWords(s string, n int) []string {
	var f []string
	end := len(s)
	for len(f) < n {
		for end > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:end])
			if !unicode.IsSpace(r) {
				break
			}
			end -= size
		}
		if end == 0 {
			break
		}
		start := end
		for start > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:start])
			if unicode.IsSpace(r) {
				break
			}
			start -= size
		}
		f = append(f, s[start:end])
		end = start
	}
	slices.Reverse(f)
	return f
}

// firstWords returns the first n words of s (as strings.Fields splits
// them), looking no further.
func firstWords(s string, n int) []string {
	var f []string
	start := 0
	for len(f) < n {
		for start < len(s) {
			r, size := utf8.DecodeRuneInString(s[start:])
			if !unicode.IsSpace(r) {
				break
			}
			start += size
		}
		if start == len(s) {
			break
		}
		end := start
		for end < len(s) {
			r, size := utf8.DecodeRuneInString(s[end:])
			if unicode.IsSpace(r) {
				break
			}
			end += size
		}
		f = append(f, s[start:end])
		start = end
	}
	return f
}
