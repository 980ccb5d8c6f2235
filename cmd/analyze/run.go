package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/issuelens/analyze/analyze"
	"github.com/issuelens/analyze/analyze/lexicon"
	"github.com/issuelens/analyze/charts"
	"github.com/issuelens/analyze/history"
	"github.com/issuelens/analyze/report"
	"golang.org/x/sync/errgroup"
)

// runConfig holds the flags of `analyze run`.
type runConfig struct {
	out           string
	lexicon       string
	countCaptions bool
	minCount      int
	json          bool
	quiet         bool
	verbose       bool
	wait          bool
	dpi           int
	size          string
	format        string
	charts        string // issue, corpus or none; "" until the inputs are counted
	looseTerms    bool
	reference     string // a reference corpus: texts, a folder of them, or a .tsv.gz as analyze writes one
	noReference   bool
	ref           *analyze.Reference
	weights       string // prominence weights, as analyze.ParseWeights reads them
	weighted      analyze.Weights
	rate          bool
	top           int
	history       string
	noHistory     bool
	series        string
	takeOver      bool
	reading       readFlags
	pairs         phraseList // ZH,EN input names: a Chinese issue and its English translation
}

func runFlags(out io.Writer) (*flag.FlagSet, *runConfig) {
	cfg := &runConfig{}
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(out)
	fs.StringVar(&cfg.out, "out", "", "output directory (default: out/<input name> for one input, out for several)")
	fs.StringVar(&cfg.lexicon, "lexicon", "", "lexicon YAML file (default: the built-in lexicon; see analyze lexicon)")
	fs.BoolVar(&cfg.countCaptions, "count-captions", false, "count mentions in photo captions too")
	cfg.reading.register(fs)
	fs.Var(&cfg.pairs, "pair", "the file names `ZH,EN` of a Chinese input and its English translation, lined up in the corpus's Translation table (once per pair; inputs of the same date are paired without it)")
	fs.IntVar(&cfg.minCount, "min-count", 2, "how often a phrase must occur to be a discovered candidate")
	fs.StringVar(&cfg.reference, "reference", "", "a reference corpus `FILE|DIR` for discovery and keyness, instead of the shipped State of the Union addresses (English): texts (.txt, or a folder of them), or a frequency list (.tsv.gz, as analyze/reference/ holds)")
	fs.BoolVar(&cfg.noReference, "no-reference", false, "rank discovery and keyness without a reference corpus")
	fs.BoolVar(&cfg.looseTerms, "loose-terms", false, "keep discovered phrases that never follow the part-of-speech pattern of terms (verb frames such as \"give full play to the role\"), at half their score")
	fs.BoolVar(&cfg.json, "json", false, "print a run summary as JSON on standard output")
	fs.BoolVar(&cfg.quiet, "quiet", false, "print nothing but errors")
	fs.BoolVar(&cfg.verbose, "v", false, "print more detail on standard error (stages, timings)")
	fs.BoolVar(&cfg.wait, "wait", false, "wait for another run writing the same output, instead of stopping")
	fs.IntVar(&cfg.dpi, "dpi", 150, "chart resolution in dots per inch, 50 to 600")
	fs.StringVar(&cfg.size, "size", "1600x900", "chart size in pixels, WIDTHxHEIGHT, from 200x150 to 10000x10000")
	fs.StringVar(&cfg.format, "format", "png", "chart formats: png, or svg to write SVG beside the PNG")
	fs.StringVar(&cfg.weights, "weights", analyze.DefaultWeights().String(), "what a mention counts for in the prominence-weighted counts, by where it stands: `headline=W,lead=W,body=W,caption=W` (the lead is the first body paragraph; each 0 to 100; one left out keeps its default)")
	fs.StringVar(&cfg.charts, "charts", "", "which reports get PNG charts: issue (every report), corpus (the corpus report only), none (default: issue for one input, corpus for several)")
	fs.BoolVar(&cfg.rate, "rate", false, "charts of formulations show mentions per 1,000 tokens instead of counts")
	fs.IntVar(&cfg.top, "top", 12, "formulations in the top-formulation charts, 1 to 50")
	fs.StringVar(&cfg.history, "history", "", "history store (SQLite) to read and add this run's issues to (default: "+defaultHistory+")")
	fs.StringVar(&cfg.series, "series", "", "the series `NAME` the inputs belong to in the history: an issue is compared only with the earlier issues of its series (default: the publication named in each input, else its file name)")
	fs.BoolVar(&cfg.noHistory, "no-history", false, "keep no history: read and write no store")
	fs.BoolVar(&cfg.takeOver, "take-over", false, "write the report into an existing empty directory that analyze did not make")
	return fs, cfg
}

// chartOptions checks the chart flags.
func (c *runConfig) chartOptions() (charts.Options, bool, error) {
	var w, h int
	if _, err := fmt.Sscanf(c.size, "%dx%d", &w, &h); err != nil || w < 200 || h < 150 || w > 10000 || h > 10000 {
		return charts.Options{}, false, &usageError{fmt.Sprintf("--size %q: want WIDTHxHEIGHT in pixels, from 200x150 to 10000x10000", c.size)}
	}
	if c.dpi < 50 || c.dpi > 600 {
		return charts.Options{}, false, &usageError{fmt.Sprintf("--dpi %d: want 50 to 600", c.dpi)}
	}
	svg := false
	switch c.format {
	case "png":
	case "svg", "png,svg", "svg,png":
		svg = true
	default:
		return charts.Options{}, false, &usageError{fmt.Sprintf("--format %q: want png or svg", c.format)}
	}
	if c.top < 1 || c.top > 50 {
		return charts.Options{}, false, &usageError{fmt.Sprintf("--top %d: want 1 to 50", c.top)}
	}
	return charts.Options{Width: w, Height: h, DPI: c.dpi, TopN: c.top, Rate: c.rate, Version: version}, svg, nil
}

// params lists the run's parameters for the workbook's provenance.
func (c *runConfig) params() []string {
	lex := c.lexicon
	if lex == "" {
		lex = "(built-in)"
	}
	ps := []string{"lexicon=" + lex, fmt.Sprintf("count-captions=%v", c.countCaptions), fmt.Sprintf("min-count=%d", c.minCount),
		"size=" + c.size, fmt.Sprintf("dpi=%d", c.dpi), fmt.Sprintf("rate=%v", c.rate), fmt.Sprintf("top=%d", c.top)}
	if c.reading.date != "" { // it dates articles, so the report says so
		ps = append(ps, "date="+c.reading.date)
	}
	if c.reading.encoding != "" { // it decides what the text says
		ps = append(ps, "encoding="+c.reading.encoding)
	}
	if c.charts != chartsIssue { // a report without its charts says why
		ps = append(ps, "charts="+c.charts)
	}
	if c.looseTerms {
		ps = append(ps, "loose-terms=true")
	}
	if c.noReference {
		ps = append(ps, "no-reference=true")
	}
	if c.ref != nil {
		ps = append(ps, fmt.Sprintf("reference=%s (%s, %d words)", c.reference, c.ref.Lang, c.ref.Tokens))
	}
	if c.weighted != analyze.DefaultWeights() {
		ps = append(ps, "weights="+c.weighted.String())
	}
	return ps
}

// issueRun is one input through the pipeline.
type issueRun struct {
	input     string // as given
	name      string // report directory name
	sha256    string
	series    string // in the history; "" when none is kept
	bytes     int64
	issue     *analyze.Issue // without its articles: they went through the analysis as read
	result    *analyze.Result
	structure *report.StructureSheet // the text as read, spooled to a temporary file
	dir       string
	// files writes the report's files by name, until they are staged
	// (commit lets go of them then: each holds its tables and charts);
	// names are their names
	files map[string]func(io.Writer) error
	names []string
	// mentions is how many the result had before staged let go of them
	mentions int
}

// staged lets go of what only the issue's report needed, once it is
// written: a batch keeps of each issue what the summary and the history
// need, not its tables.
func (r *issueRun) staged() {
	res := r.result
	r.mentions = len(res.Mentions)
	res.Mentions, res.Discovered, res.Pairs, res.Keyness, res.WordTotals, res.Cooc, res.Lists = nil, nil, nil, nil, nil, nil, nil
	if sp := r.structure.Spool; sp != nil {
		sp.Forget()
	}
}

// mentionCount is how many mentions the issue's result has.
func (r *issueRun) mentionCount() int {
	if r.result.Mentions == nil {
		return r.mentions
	}
	return len(r.result.Mentions)
}

// runJob is one `analyze run`: its settings and what each phase adds.
type runJob struct {
	cfg    *runConfig
	bar    *progress // on a terminal, the stages of a long run
	copt   charts.Options
	svg    bool
	stderr io.Writer
	lex    *lexicon.Lexicon
	rd     *analyze.Reader // English's, for the inputs' pages
	langs  *readers        // each language's reader and analyzer
	runs   []*issueRun
	corpus *issueRun // the combined report of several inputs, or nil
	// merging merges the issues' results into the corpus's as they are
	// analysed, when there are several
	merging *corpusMerge
	// merged is closed when the corpus report is merged and rendered (in
	// the background, while the issues' reports are written), mergeErr
	// what went wrong
	merged   chan struct{}
	mergeErr error
	root     string // the output locked: the report directory, or their parent
	spools   spoolFiles
	// the history: nil when none is kept
	store     *history.Store
	recorded  []history.Issue // this run's issues
	allIssues []history.Issue // the store's with this run's
	alone     []string        // the inputs naming no publication, each a series of its own
	timings   map[string]time.Duration
}

// runRun is `analyze run`: parse the command line, prepare the output,
// analyse the inputs, attach the history, render the reports and the
// corpus report, commit reports and history together, print a summary.
func runRun(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	start := time.Now()
	j, inputs, err := parseRun(args, stderr)
	if err != nil {
		return err
	}
	unlock, err := j.prepare(ctx, inputs)
	if err != nil {
		return err
	}
	defer unlock()
	defer j.spools.remove()
	j.bar = newProgress(j.stderr, j.runs, j.cfg.quiet)
	defer j.bar.stop()
	if err := j.phase("analyze", "read and analysed", func() error { return j.analyseInputs(ctx, stdin) }); err != nil {
		return err
	}
	if err := j.attachHistory(ctx); err != nil {
		return err
	}
	if j.store != nil {
		defer j.store.Close()
	}
	if err := j.phase("render", "rendered", j.render); err != nil {
		return err
	}
	defer j.waitCorpus() // its spool goes with the run's
	if err := j.phase("write", "written and recorded", func() error { return j.commit(ctx) }); err != nil {
		return err
	}
	j.timings["total"] = time.Since(start)
	return j.print(stdout)
}

// parseRun reads the flags and inputs of `analyze run` and checks them.
func parseRun(args []string, stderr io.Writer) (*runJob, []string, error) {
	fs, cfg := runFlags(io.Discard)
	inputs, err := parseArgs(fs, args)
	if err != nil {
		return nil, nil, err
	}
	if len(inputs) == 0 {
		return nil, nil, &usageError{"run takes one or more inputs (text files, web pages, directories of them, or - for standard input)"}
	}
	if cfg.minCount < 1 {
		return nil, nil, &usageError{fmt.Sprintf("--min-count %d: must be at least 1", cfg.minCount)}
	}
	copt, svg, err := cfg.chartOptions()
	if err != nil {
		return nil, nil, err
	}
	if cfg.noReference && cfg.reference != "" {
		return nil, nil, &usageError{"--reference and --no-reference contradict each other"}
	}
	if cfg.weighted, err = analyze.ParseWeights(cfg.weights); err != nil {
		return nil, nil, &usageError{"--weights " + err.Error()}
	}
	switch cfg.charts {
	case "":
		cfg.charts = chartsIssue
		if len(inputs) > 1 || isDir(inputs[0]) {
			cfg.charts = chartsCorpus
		}
	case chartsIssue, chartsCorpus, chartsNone:
	default:
		return nil, nil, &usageError{fmt.Sprintf("--charts %q: want issue, corpus or none", cfg.charts)}
	}
	if cfg.quiet && cfg.verbose {
		return nil, nil, &usageError{"--quiet and -v contradict each other"}
	}
	if cfg.noHistory && (cfg.history != "" || cfg.series != "") {
		return nil, nil, &usageError{"--history or --series and --no-history contradict each other"}
	}
	return &runJob{cfg: cfg, copt: copt, svg: svg, stderr: stderr, timings: map[string]time.Duration{}}, inputs, nil
}

// What --charts says: which reports get PNG charts.
const (
	chartsIssue  = "issue"  // every report: each issue's and the corpus's
	chartsCorpus = "corpus" // the corpus report only (the default for several inputs)
	chartsNone   = "none"
)

// isDir is whether the input names a directory (its files are several
// inputs).
func isDir(in string) bool {
	st, err := os.Stat(in)
	return err == nil && st.IsDir()
}

// logf prints a line on stderr under -v.
func (j *runJob) logf(format string, args ...any) {
	if j.cfg.verbose {
		fmt.Fprintf(j.stderr, "analyze: "+format+"\n", args...)
	}
}

// phase runs a phase and keeps its time for --json (as name) and -v (as
// what it did).
func (j *runJob) phase(name, did string, do func() error) error {
	t := time.Now()
	if err := do(); err != nil {
		return err
	}
	j.timings[name] = time.Since(t)
	j.logf("%s in %v", did, j.timings[name].Round(time.Millisecond))
	return nil
}

// prepare finds the inputs, loads the lexicon, names the reports, locks
// the output, finishes or undoes what a killed run left there and checks
// that every report directory may be replaced. It returns the unlock.
func (j *runJob) prepare(ctx context.Context, inputs []string) (func(), error) {
	if !j.cfg.noReference && j.cfg.reference == "" && j.cfg.reading.lang != "zh" {
		go analyze.DefaultReference() // read while the inputs are found and read: English discovery and keyness need it
	}
	if j.cfg.reference != "" {
		var err error
		if j.cfg.ref, err = loadReference(j.cfg.reference, j.cfg.reading.lang); err != nil {
			return nil, err
		}
	}
	files, skipped, err := expandInputs(inputs)
	if err != nil {
		return nil, err
	}
	if !j.cfg.quiet {
		noteSkipped(j.stderr, skipped, j.cfg.verbose)
	}
	if j.lex, j.rd, err = loadLexicon(ctx, j.cfg.lexicon); err != nil {
		return nil, err
	}
	if j.rd, j.langs, err = setupReaders(ctx, j.lex, j.rd, files, j.cfg.reading); err != nil {
		return nil, err
	}
	if j.runs, j.root, err = layout(files, j.cfg.out); err != nil {
		return nil, err
	}
	unlock, err := lockOutput(ctx, j.root, j.cfg.wait)
	if err != nil {
		return nil, err
	}
	dirs := reportDirs(j.runs, j.root)
	did, err := recoverOutput(ctx, j.root, dirs)
	if err == nil {
		for _, d := range dirs {
			if err = checkOutput(d, j.cfg.takeOver); err != nil {
				break
			}
		}
	}
	if err != nil {
		unlock()
		return nil, err
	}
	if did != "" {
		j.logf("%s", did)
	}
	j.logf("%s; output %s; lexicon %s", count(len(j.runs), "input", "inputs"), j.root, j.lex.Name)
	return unlock, nil
}

// analyseInputs reads and analyses every input, in parallel: the text
// goes from the reader through the analysis to the Structure sheet's
// spool, an article at a time.
func (j *runJob) analyseInputs(ctx context.Context, stdin io.Reader) error {
	// the tallies of every issue are kept for the corpus report only
	opt := analyze.Options{CountCaptions: j.cfg.countCaptions, MinCount: j.cfg.minCount, Mergeable: len(j.runs) > 1, Weights: j.cfg.weighted,
		LooseTerms: j.cfg.looseTerms, NoReference: j.cfg.noReference, Reference: j.cfg.ref}
	bar := j.bar
	if opt.Mergeable {
		j.merging = newCorpusMerge(2 * runtime.GOMAXPROCS(0))
	}
	return forEach(ctx, len(j.runs), func(i int) (err error) {
		r := j.runs[i]
		if j.merging != nil {
			if err := j.merging.begin(ctx, i); err != nil {
				return err
			}
			defer func() { j.merging.done(i, r.result) }() // nil when the input failed
		}
		spool, err := newSpool(&j.spools)
		if err != nil {
			return err
		}
		st := report.NewStructureSheet(spool)
		var res *analyze.Result
		sum, n, err := withInput(ctx, r.input, stdin, func(in io.Reader, name string) (err error) {
			in, rd, az, err := j.langs.detect(in, name)
			if err != nil {
				return err
			}
			res, err = az.AnalyzeStream(ctx, rd, in, name, opt, func(a *analyze.Article) error { return st.AddArticle(name, rd.Language().Code(), a) })
			return err
		})
		if err != nil {
			return err
		}
		if err := st.AddDropped(res.Issue); err != nil {
			return fmt.Errorf("structure spool: %w", err)
		}
		r.issue, r.sha256, r.bytes, r.result, r.structure = res.Issue, sum, n, res, st
		bar.done(r)
		return nil
	})
}

// attachHistory opens the store (unless --no-history) and gives each
// result its view of the history: what earlier runs kept, with this run.
func (j *runJob) attachHistory(ctx context.Context) error {
	if j.cfg.noHistory {
		return nil
	}
	now := time.Now()
	for _, r := range j.runs {
		series, how := history.SeriesOf(j.cfg.series, r.issue.Publication, r.issue.Name)
		if how == history.SeriesAlone {
			j.alone = append(j.alone, r.issue.Name)
		}
		r.series = series
		j.recorded = append(j.recorded, history.FromResult(r.sha256, r.result, series, version, now))
	}
	path, err := historyPath(j.cfg.history)
	if err != nil {
		return err
	}
	if j.cfg.history == "" {
		j.noteOldStore(path)
	}
	store, err := history.Open(ctx, path)
	if err != nil {
		return fmt.Errorf("history: %w", err)
	}
	stored, err := store.Load(ctx)
	if err != nil {
		store.Close()
		return fmt.Errorf("history: %w", err)
	}
	if swept := store.Swept(); len(swept) > 0 {
		j.logf("history: removed %s that killed runs left building a new store: %s", count(len(swept), "file", "files"), strings.Join(swept, ", "))
	}
	j.store = store
	j.allIssues = history.Combine(stored, j.recorded)
	j.logf("history %s: %s before this run", path, count(len(stored), "issue", "issues"))
	for _, r := range j.runs {
		r.result.History = history.View(j.allIssues, []string{r.sha256}, r.result.Formulations)
		if err := j.againstEarlier(ctx, r.result); err != nil {
			return fmt.Errorf("history: %w", err)
		}
	}
	return nil
}

// againstEarlier sets a result against the issues before it in its
// series (at most analyze.DropWindow), when there are any: it ranks the
// discovered phrases against theirs (analyze.Result.RankAgainstEarlier),
// and adds to keyness the issue against them (those that kept their
// words).
func (j *runJob) againstEarlier(ctx context.Context, res *analyze.Result) error {
	h := res.History
	if h == nil || len(h.Current) != 1 || h.Earlier == 0 || h.Series == "" {
		return nil
	}
	cur := h.Current[0]
	var shas []string
	tokens := 0
	forms := map[string]int{}
	for i := max(0, cur-analyze.DropWindow); i < cur; i++ {
		shas = append(shas, h.Issues[i].SHA256)
		tokens += h.Issues[i].Tokens
		for _, p := range h.Phrases {
			forms[p.Phrase] += max(p.Counts[i], 0)
		}
	}
	res.RankAgainstEarlier(tokens, earlierCandidates(j.allIssues, shas))
	// this run's issues are not in the store yet: their words are at hand
	mine := map[string]map[string]int{}
	for _, is := range j.recorded {
		mine[is.Info.SHA256] = is.Words
	}
	var stored []string
	for _, sha := range shas {
		if _, ok := mine[sha]; !ok {
			stored = append(stored, sha)
		}
	}
	words, err := j.store.WordTotals(ctx, stored)
	if err != nil || words == nil { // issues kept before words were: nothing to compare with
		return err
	}
	for _, sha := range shas {
		for w, n := range mine[sha] {
			words[w] += n
		}
	}
	res.Keyness = append(res.Keyness, res.KeynessAgainst(analyze.KeyAgainstEarlierPrefix+h.Series, tokens, words, forms)...)
	return nil
}

// earlierCandidates adds up the candidate phrases of the issues (by
// SHA-256) with how often each occurred.
func earlierCandidates(issues []history.Issue, shas []string) map[string]int {
	want := map[string]bool{}
	for _, sha := range shas {
		want[sha] = true
	}
	out := map[string]int{}
	for _, is := range issues {
		if want[is.Info.SHA256] {
			for _, c := range is.Discovered {
				out[c.Phrase] += c.Count
			}
		}
	}
	return out
}

// noteOldStore points at the store earlier versions kept beside the
// reports (out/history.sqlite by default) when the user's store, at path,
// is yet to be made: its history is not read unless given.
func (j *runJob) noteOldStore(path string) {
	old := filepath.Join(filepath.Dir(filepath.Clean(j.runs[0].dir)), "history.sqlite")
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) || j.cfg.quiet {
		return
	}
	if st, err := os.Stat(old); err == nil && st.Mode().IsRegular() {
		fmt.Fprintf(j.stderr, "analyze: note: %s, kept by an earlier version beside the reports, is not read: the history is now kept in %s; give --history %s to go on with it, or move it there\n", old, path, old)
	}
}

// render builds every report's files, and the corpus report of several
// inputs.
func (j *runJob) render() error {
	params := j.cfg.params()
	j.bar.stage(stageCharts, len(j.runs)) // the corpus's is rendered as they are written
	for _, r := range j.runs {
		j.copt.Source = r.issue.Name
		prov := report.Provenance{Input: r.issue.Name, InputSHA256: r.sha256, Version: version, Params: params}
		var err error
		if r.files, err = outputs(r.result, r.structure, j.copt, j.svg, prov, j.issueCharts()); err != nil {
			return err
		}
		j.bar.step()
	}
	if len(j.runs) > 1 {
		// merged and rendered beside the issues' reports being written,
		// which do not wait for it (one core, 2 s for the 57 Chinese
		// reports); the corpus report is staged last (corpusFiles)
		j.corpus = &issueRun{name: "corpus", dir: filepath.Join(j.root, "corpus")}
		j.merged = make(chan struct{})
		var results []*analyze.Result
		for _, r := range j.runs {
			results = append(results, r.result)
		}
		az, title := j.langs.combiner(results), corpusTitle(j.runs)
		go func() {
			defer close(j.merged)
			j.mergeErr = j.mergeCorpus(params, az, title)
		}()
	}
	return nil
}

// corpusFiles waits for the corpus report's files (see render).
func (j *runJob) corpusFiles(ctx context.Context) (map[string]func(io.Writer) error, error) {
	select {
	case <-j.merged:
		return j.corpus.files, j.mergeErr
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// waitCorpus waits for the corpus report's merging to end, if it began,
// whatever became of the run.
func (j *runJob) waitCorpus() {
	if j.merged != nil {
		<-j.merged
	}
}

// mergeCorpus merges the issues into the corpus report and renders it.
func (j *runJob) mergeCorpus(params []string, az *analyze.Analyzer, title string) error {
	var sums, shas []string
	for _, r := range j.runs {
		sums = append(sums, r.issue.Name+" "+r.sha256)
		shas = append(shas, r.sha256)
	}
	res := j.merging.result(az, title)
	spool, err := newSpool(&j.spools)
	if err != nil {
		return err
	}
	st := report.NewStructureSheet(spool)
	for _, r := range j.runs {
		if err := st.AddArticlesOf(r.structure); err != nil {
			return fmt.Errorf("structure spool: %w", err)
		}
	}
	var given []analyze.TranslationPair
	for _, p := range j.cfg.pairs {
		zh, en, ok := strings.Cut(p, ",")
		if !ok {
			return &usageError{fmt.Sprintf("--pair %q: write the Chinese input's file name, a comma, the English one's", p)}
		}
		given = append(given, analyze.TranslationPair{ZH: filepath.Base(strings.TrimSpace(zh)), EN: filepath.Base(strings.TrimSpace(en))})
	}
	pairs, err := analyze.PairsOf(res, given)
	if err != nil {
		return &usageError{err.Error()}
	}
	res.Translation = analyze.Translation(res, pairs)
	j.corpus.result, j.corpus.issue, j.corpus.structure = res, res.Issue, st
	if j.store != nil {
		res.History = history.View(j.allIssues, shas, res.Formulations)
	}
	j.copt.Source = fmt.Sprintf("%d issues", len(j.runs))
	prov := report.Provenance{Input: strings.Join(names(j.runs), ", "), InputSHA256: strings.Join(sums, "; "), Version: version, Params: params}
	draw := ""
	if j.cfg.charts == chartsNone {
		draw = "No PNG charts were drawn (--charts none)."
	}
	j.corpus.files, err = outputs(res, st, j.copt, j.svg, prov, draw)
	return err
}

// issueCharts is "" when each issue's report gets its charts, else what
// its Charts sheet says instead.
func (j *runJob) issueCharts() string {
	switch j.cfg.charts {
	case chartsCorpus:
		return "The PNG charts of this run are in its corpus report (corpus/charts/), across its issues; run with --charts issue to draw each issue's."
	case chartsNone:
		return "No PNG charts were drawn (--charts none)."
	}
	return ""
}

// all is every report of the run: the issues', then the corpus's.
func (j *runJob) all() []*issueRun {
	if j.corpus == nil {
		return j.runs
	}
	return append(append([]*issueRun(nil), j.runs...), j.corpus)
}

// commit puts the reports in place and records the history, together.
func (j *runJob) commit(ctx context.Context) error {
	var outs []output
	all := j.all()
	j.bar.stage(stageWrite, len(all))
	for _, r := range all {
		if r == j.corpus { // merged and rendered meanwhile (see render)
			outs = append(outs, output{dir: r.dir, wait: j.corpusFiles, staged: j.bar.step})
			continue
		}
		outs = append(outs, output{dir: r.dir, files: r.files, staged: func() { j.bar.step(); r.staged() }})
		r.names = slices.Sorted(maps.Keys(r.files))
		r.files = nil // each report's tables and charts go once it is staged
	}
	if err := commit(ctx, j.root, newRunID(), outs, j.store, j.recorded); err != nil {
		return err
	}
	if j.store != nil {
		j.logf("history %s: recorded %s", j.store.Path(), count(len(j.recorded), "issue", "issues"))
	}
	for _, r := range j.all() {
		j.logf("wrote %s", r.dir)
	}
	return nil
}

// printWarnings writes an input's warnings on stderr, one line for each
// kind: the first of a kind that came several times says how many more
// there are (-v lists them all; --json holds them all).
func (j *runJob) printWarnings(iss *analyze.Issue) {
	var kinds []string
	byKind := map[string][]analyze.Warning{}
	for _, w := range iss.Warnings {
		k := w.Kind
		if k == "" || j.cfg.verbose {
			k = fmt.Sprintf("%d %s", len(kinds), w.Msg) // a kind of its own
		}
		if _, ok := byKind[k]; !ok {
			kinds = append(kinds, k)
		}
		byKind[k] = append(byKind[k], w)
	}
	for _, k := range kinds {
		ws := byKind[k]
		more := ""
		if len(ws) > 1 {
			more = fmt.Sprintf(" (and %s like it; -v lists them)", count(len(ws)-1, "more", "more"))
		}
		where := iss.Name
		if ws[0].Line > 0 {
			where += ":" + strconv.Itoa(ws[0].Line)
		}
		fmt.Fprintf(j.stderr, "analyze: warning: %s: %s%s\n", where, ws[0].Msg, more)
	}
}

// print writes the warnings on stderr and the summary on stdout.
func (j *runJob) print(stdout io.Writer) error {
	for _, r := range j.all() {
		if !j.cfg.quiet && r.issue != nil {
			j.printWarnings(r.issue)
		}
	}
	if !j.cfg.quiet && len(j.alone) > 0 {
		if len(j.alone) == 1 {
			fmt.Fprintf(j.stderr, "analyze: note: %s names no publication: in the history it is a series of its own, compared with no other issue; --series NAME files it with others\n", j.alone[0])
		} else {
			names := strings.Join(j.alone[:min(3, len(j.alone))], ", ")
			if len(j.alone) > 3 {
				names += ", …"
			}
			fmt.Fprintf(j.stderr, "analyze: note: %s name no publication (%s): in the history each is a series of its own; --series NAME files them together\n",
				count(len(j.alone), "input", "inputs"), names)
		}
	}
	hist := j.historySummary()
	switch {
	case j.cfg.json:
		return writeSummary(stdout, j.runs, j.corpus, hist, j.timings)
	case j.cfg.quiet:
		return nil
	}
	for _, r := range j.all() {
		fmt.Fprintf(stdout, "%s: %s, %s of %s; report in %s\n", r.issue.Name, count(len(r.result.Articles), "article", "articles"),
			count(r.mentionCount(), "mention", "mentions"), count(r.result.FormulationsFound(), "formulation", "formulations"), r.dir)
	}
	if hist != nil {
		fmt.Fprintln(stdout, hist.line())
	}
	return nil
}

// historySummary is what the run's history holds of the series of its
// inputs; nil when no history is kept.
func (j *runJob) historySummary() *historySummary {
	if j.store == nil {
		return nil
	}
	hs := &historySummary{Store: j.store.Path(), Recorded: len(j.recorded), Series: []seriesSummary{}}
	seen := map[string]bool{}
	for _, r := range j.runs {
		k := history.SeriesKey(r.series)
		if seen[k] {
			continue
		}
		seen[k] = true
		h := history.SeriesView(j.allIssues, r.series, nil, nil)
		s := seriesSummary{Name: h.Series, Issues: len(h.Issues), Undated: len(h.LeftOut)}
		if len(h.Issues) > 0 {
			s.First, s.Last = h.Issues[0].Label(), h.Issues[len(h.Issues)-1].Label()
		}
		hs.Series = append(hs.Series, s)
	}
	return hs
}

// historySummary is the history part of a run's summary.
type historySummary struct {
	Store    string          `json:"store"`
	Recorded int             `json:"recorded"` // this run's issues
	Series   []seriesSummary `json:"series"`   // of this run's issues, in input order
}

type seriesSummary struct {
	Name    string `json:"name"`
	Issues  int    `json:"issues"`  // in its trends
	Undated int    `json:"undated"` // out of its trends: undated issues of a series with dated ones
	First   string `json:"first"`   // the label of its first issue: a date, or a short title in an undated series
	Last    string `json:"last"`
}

// line is the summary's line on the history: where it is, and the
// series of the run's inputs (the first three).
func (h *historySummary) line() string {
	var parts []string
	for _, s := range h.Series[:min(3, len(h.Series))] {
		p := fmt.Sprintf("%q %s", s.Name, count(s.Issues, "issue", "issues"))
		if s.Issues > 1 {
			p += ", " + s.First + " to " + s.Last
		}
		if s.Undated > 0 {
			p += fmt.Sprintf(" (and %d undated, out of its trends)", s.Undated)
		}
		parts = append(parts, p)
	}
	if len(h.Series) > 3 {
		parts = append(parts, fmt.Sprintf("and %d more series", len(h.Series)-3))
	}
	return fmt.Sprintf("history: %s recorded in %s; series %s", count(h.Recorded, "issue", "issues"), h.Store, strings.Join(parts, "; "))
}

// interrupted words a cancelled run for the user; other errors pass.
func interrupted(err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return errors.New("interrupted: nothing written, the previous report is left as it was")
	}
	return err
}

// parseArgs parses flags that may stand before, between or after the inputs.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var inputs []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, &usageError{fmt.Sprintf("help requested (see: analyze help %s)", fs.Name())}
			}
			return nil, flagError(fs, err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return inputs, nil
		}
		inputs = append(inputs, args[0])
		args = args[1:]
	}
}

// skippedFile is an entry of a folder given as input that a run does
// not read, and why.
type skippedFile struct {
	path   string
	hidden bool   // a name starting with a dot: read only when named
	why    string // else: not a format analyze reads, or a folder
}

// expandInputs turns directories into the files in them of a format
// analyze reads (analyze.KnownExtension), sorted, and returns the entries
// it skipped there: hidden files, files of other formats, folders.
func expandInputs(inputs []string) (files []string, skipped []skippedFile, err error) {
	for _, in := range inputs {
		if in == "-" {
			files = append(files, in)
			continue
		}
		st, err := os.Stat(in)
		if err != nil {
			return nil, nil, &analyze.InputError{File: in, Msg: describeOpenError(err)}
		}
		if !st.IsDir() {
			files = append(files, in)
			continue
		}
		entries, err := os.ReadDir(in)
		if err != nil {
			return nil, nil, &analyze.InputError{File: in, Msg: describeOpenError(err)}
		}
		var found []string
		var other []skippedFile
		for _, e := range entries {
			path := filepath.Join(in, e.Name())
			switch {
			case e.IsDir():
				other = append(other, skippedFile{path: path, why: "a folder (folders inside a folder are not read: name it to read it)"})
			case !analyze.KnownExtension(e.Name()):
				ext := strings.ToLower(filepath.Ext(e.Name()))
				if ext == "" {
					ext = "no extension"
				}
				other = append(other, skippedFile{path: path, why: "not a format analyze reads (" + ext + ")"})
			case strings.HasPrefix(e.Name(), "."):
				skipped = append(skipped, skippedFile{path: path, hidden: true})
			default:
				found = append(found, path)
			}
		}
		if len(found) == 0 {
			msg := "directory holds no " + strings.Join(analyze.Extensions(), ", ") + " files"
			if len(other) > 0 {
				msg += fmt.Sprintf(" (%s, such as %s: %s)", count(len(other), "other entry", "other entries"), filepath.Base(other[0].path), other[0].why)
			}
			return nil, nil, &analyze.InputError{File: in, Msg: msg}
		}
		sort.Strings(found)
		files = append(files, found...)
		skipped = append(skipped, other...)
	}
	return files, skipped, nil
}

// noteSkipped names the entries of the input folders a run skipped: each
// hidden file, and the others a line for each reason, one by one with -v.
func noteSkipped(w io.Writer, skipped []skippedFile, verbose bool) {
	var order []string
	byWhy := map[string][]string{}
	for _, f := range skipped {
		if f.hidden {
			fmt.Fprintf(w, "analyze: note: %s: hidden file skipped (name it to read it)\n", f.path)
			continue
		}
		if verbose {
			fmt.Fprintf(w, "analyze: note: %s: skipped: %s\n", f.path, f.why)
			continue
		}
		if byWhy[f.why] == nil {
			order = append(order, f.why)
		}
		byWhy[f.why] = append(byWhy[f.why], f.path)
	}
	for _, why := range order {
		paths := byWhy[why]
		if len(paths) == 1 {
			fmt.Fprintf(w, "analyze: note: %s: skipped: %s\n", paths[0], why)
			continue
		}
		fmt.Fprintf(w, "analyze: note: %s and %d more skipped: %s (-v lists them)\n", paths[0], len(paths)-1, why)
	}
}

// reportName is the name of an input's report directory: its file name
// without the extension. It must be a plain, visible path element, so
// that a report never lands on "", ".", ".." or outside the output.
func reportName(in string) (string, error) {
	if in == "-" {
		return "stdin", nil
	}
	b := filepath.Base(in)
	name := strings.TrimSuffix(b, filepath.Ext(b))
	if name == "" || strings.HasPrefix(name, ".") || strings.ContainsAny(name, `/\`) || strings.TrimSpace(name) != name {
		return "", &usageError{fmt.Sprintf("%s: cannot name a report after this file (%q); rename it, or give it alone with --out DIR", in, name)}
	}
	return name, nil
}

// layout names each input's report directory: with one input, the
// output directory itself (default out/NAME); with several, NAME under it
// (default out), beside corpus/. It returns the root to lock.
func layout(files []string, out string) ([]*issueRun, string, error) {
	if len(files) == 1 {
		dir := out
		name, err := reportName(files[0])
		if err != nil && dir == "" {
			return nil, "", err
		}
		if dir == "" {
			dir = filepath.Join("out", name)
		} else if err != nil {
			name = filepath.Base(filepath.Clean(dir))
		}
		return []*issueRun{{input: files[0], name: name, dir: dir}}, dir, nil
	}
	root := out
	if root == "" {
		root = "out"
	}
	seen := map[string]string{}
	var runs []*issueRun
	for _, f := range files {
		name, err := reportName(f)
		if err != nil {
			return nil, "", err
		}
		if prev, ok := seen[name]; ok {
			return nil, "", &usageError{fmt.Sprintf("%s and %s would both write %s", prev, f, filepath.Join(root, name))}
		}
		if name == "corpus" {
			return nil, "", &usageError{fmt.Sprintf("%s: an input named corpus would overwrite the combined report", f)}
		}
		seen[name] = f
		runs = append(runs, &issueRun{input: f, name: name, dir: filepath.Join(root, name)})
	}
	return runs, root, nil
}

// reportDirs lists the report directories a run writes under root.
func reportDirs(runs []*issueRun, root string) []string {
	var dirs []string
	for _, r := range runs {
		dirs = append(dirs, r.dir)
	}
	if len(runs) > 1 {
		dirs = append(dirs, filepath.Join(root, "corpus"))
	}
	return dirs
}

// forEach runs do(0..n-1) on all cores, starting no more once ctx is
// done; the first error (by index) wins.
func forEach(ctx context.Context, n int, do func(int) error) error {
	errs := make([]error, n)
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i := range n {
		if ctx.Err() != nil {
			break
		}
		g.Go(func() error { errs[i] = do(i); return nil })
	}
	_ = g.Wait() // the errors are in errs, to be reported in input order
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return ctx.Err()
}

// outputs prepares a result's files: the CSV tables, the charts and the
// workbook holding them; noCharts, when not "", says why there are no PNG
// charts (none are drawn) in the workbook's Charts sheet. The charts are
// drawn when the first of their files is written, on all cores, while the
// workbook fills its other sheets: it waits for them at its last sheet.
func outputs(res *analyze.Result, st *report.StructureSheet, copt charts.Options, svg bool, prov report.Provenance, noCharts string) (map[string]func(io.Writer) error, error) {
	files := map[string]func(io.Writer) error{}
	// the tables are made when their files are written, not kept from
	// now to then for every report of a batch: made here for their names
	tables := sync.OnceValue(func() []report.Table { return report.Tables(res) })
	for i, t := range report.Tables(res) {
		files[filepath.Join("data", t.Name)] = func(w io.Writer) error { return report.WriteCSV(w, tables()[i]) }
	}
	files[filepath.Join("data", st.Table.Name)] = func(w io.Writer) error { return report.WriteCSV(w, st.Table) }
	var built []charts.Chart
	if noCharts == "" {
		built = charts.Build(res, copt)
	}
	draw := sync.OnceValues(func() (map[string][]byte, error) {
		images, err := charts.Render(built, copt, svg)
		if err != nil {
			return nil, fmt.Errorf("rendering charts: %w", err)
		}
		return images, nil
	})
	look := report.Look{NoImages: noCharts, Wait: func() ([]report.ChartImage, error) {
		images, err := draw()
		var out []report.ChartImage
		for _, c := range built {
			out = append(out, report.ChartImage{Name: c.Name, Title: c.Title, PNG: images[c.Name+".png"]})
		}
		return out, err
	}}
	// the workbook colours the days (or issues) as the charts do
	for _, c := range charts.GroupColors(len(res.Periods())) {
		r, g, b, _ := c.RGBA()
		look.DayColors = append(look.DayColors, fmt.Sprintf("#%02X%02X%02X", r>>8, g>>8, b>>8))
	}
	exts := []string{".png"}
	if svg {
		exts = append(exts, ".svg")
	}
	for _, c := range built {
		for _, ext := range exts {
			name := c.Name + ext
			files[filepath.Join("charts", name)] = func(w io.Writer) error {
				images, err := draw()
				if err == nil {
					_, err = w.Write(images[name])
				}
				return err
			}
		}
	}
	files[workbookName] = func(w io.Writer) error { return writeWorkbook(w, res, tables(), st, prov, look) }
	return files, nil
}

// workbookName is the workbook's file in a report directory.
const workbookName = "report.xlsx"

func names(runs []*issueRun) []string {
	var out []string
	for _, r := range runs {
		out = append(out, r.issue.Name)
	}
	return out
}

// corpusTitle names a corpus by its issues' dates.
func corpusTitle(runs []*issueRun) string {
	var dates []string
	for _, r := range runs {
		for _, a := range r.result.Articles {
			if d := a.Date.String(); d != "" {
				dates = append(dates, d)
			}
		}
	}
	sort.Strings(dates)
	title := fmt.Sprintf("Corpus of %d issues", len(runs))
	if len(dates) > 0 {
		title += ", " + dates[0] + " to " + dates[len(dates)-1]
	}
	return title
}

// runSummary is what --json prints.
type runSummary struct {
	Inputs   []issueSummary   `json:"inputs"`
	Corpus   *issueSummary    `json:"corpus,omitempty"`
	History  *historySummary  `json:"history,omitempty"` // absent under --no-history
	TimingMS map[string]int64 `json:"timings_ms"`
}

type issueSummary struct {
	File         string   `json:"file"`
	SHA256       string   `json:"sha256,omitempty"`
	Bytes        int64    `json:"bytes,omitempty"`
	Title        string   `json:"title"`
	Series       string   `json:"series,omitempty"` // in the history
	Articles     int      `json:"articles"`
	Mentions     int      `json:"mentions"`
	Formulations int      `json:"formulations"`
	Output       string   `json:"output"`
	Files        []string `json:"files"`
	Warnings     []string `json:"warnings"`
	// what the issue no longer says that the issues before it in its
	// series said (analyze.DropWindow); absent when nothing dropped
	Dropped       []analyze.DroppedFormulation `json:"dropped,omitempty"`
	DroppedThemes []analyze.DroppedTheme       `json:"dropped_themes,omitempty"`
	Drift         []analyze.Drift              `json:"drift,omitempty"`      // changes of wording (analyze.History.Drift)
	ListDrift     []analyze.ListDrift          `json:"list_drift,omitempty"` // items left out of set lists (analyze.History.ListDrift)
}

func summarize(r *issueRun) issueSummary {
	s := issueSummary{File: r.issue.Name, SHA256: r.sha256, Bytes: r.bytes, Title: r.issue.Title, Series: r.series, Articles: len(r.result.Articles),
		Mentions: r.mentionCount(), Formulations: r.result.FormulationsFound(), Output: r.dir, Warnings: []string{}}
	names := r.names
	if r.files != nil { // the corpus's, made while the others were staged
		names = slices.Sorted(maps.Keys(r.files))
	}
	for _, name := range names {
		s.Files = append(s.Files, filepath.ToSlash(name))
	}
	for _, w := range r.issue.Warnings {
		s.Warnings = append(s.Warnings, strconv.Itoa(w.Line)+": "+w.Msg)
	}
	if h := r.result.History; h != nil {
		s.Dropped, s.DroppedThemes, s.Drift, s.ListDrift = h.Dropped, h.DroppedThemes, h.Drift, h.ListDrift
	}
	return s
}

func writeSummary(w io.Writer, runs []*issueRun, corpus *issueRun, hist *historySummary, timings map[string]time.Duration) error {
	s := runSummary{History: hist, TimingMS: map[string]int64{}}
	for _, r := range runs {
		s.Inputs = append(s.Inputs, summarize(r))
	}
	if corpus != nil {
		c := summarize(corpus)
		s.Corpus = &c
	}
	for k, d := range timings {
		s.TimingMS[k] = d.Milliseconds()
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(s)
}
