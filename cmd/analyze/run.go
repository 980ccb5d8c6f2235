package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"runtime"
	"slices"
	"time"

	"github.com/issuelens/analyze/analyze"
	"github.com/issuelens/analyze/analyze/lexicon"
	"github.com/issuelens/analyze/charts"
	"github.com/issuelens/analyze/history"
	"github.com/issuelens/analyze/internal/workers"
	"github.com/issuelens/analyze/report"
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
	fs.BoolVar(&cfg.takeOver, "take-over", false, "accepted for older scripts: an existing empty directory is written into without it")
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
			if err = checkOutput(d); err != nil {
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
	return workers.Each(ctx, len(j.runs), func(i int) (err error) {
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
