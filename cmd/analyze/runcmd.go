package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
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
	rate          bool
	top           int
	history       string
	noHistory     bool
	takeOver      bool
}

func runFlags(out io.Writer) (*flag.FlagSet, *runConfig) {
	cfg := &runConfig{}
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(out)
	fs.StringVar(&cfg.out, "out", "", "output directory (default: out/<input name> for one input, out for several)")
	fs.StringVar(&cfg.lexicon, "lexicon", "", "lexicon YAML file (default: the built-in lexicon; see analyze lexicon)")
	fs.BoolVar(&cfg.countCaptions, "count-captions", false, "count mentions in photo captions too")
	fs.IntVar(&cfg.minCount, "min-count", 2, "how often a phrase must occur to be a discovered candidate")
	fs.BoolVar(&cfg.json, "json", false, "print a run summary as JSON on standard output")
	fs.BoolVar(&cfg.quiet, "quiet", false, "print nothing but errors")
	fs.BoolVar(&cfg.verbose, "v", false, "print more detail on standard error (stages, timings)")
	fs.BoolVar(&cfg.wait, "wait", false, "wait for another run writing the same output, instead of stopping")
	fs.IntVar(&cfg.dpi, "dpi", 150, "chart resolution in dots per inch")
	fs.StringVar(&cfg.size, "size", "1600x900", "chart size in pixels, WIDTHxHEIGHT")
	fs.StringVar(&cfg.format, "format", "png", "chart formats: png, or svg to write SVG beside the PNG")
	fs.BoolVar(&cfg.rate, "rate", false, "charts of formulations show mentions per 1,000 tokens instead of counts")
	fs.IntVar(&cfg.top, "top", 12, "formulations in the top-formulation charts")
	fs.StringVar(&cfg.history, "history", "", "history store (SQLite) to read and add this run's issues to (default: history.sqlite beside the report directories)")
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
	return []string{"lexicon=" + lex, fmt.Sprintf("count-captions=%v", c.countCaptions), fmt.Sprintf("min-count=%d", c.minCount),
		"size=" + c.size, fmt.Sprintf("dpi=%d", c.dpi), fmt.Sprintf("rate=%v", c.rate), fmt.Sprintf("top=%d", c.top)}
}

// issueRun is one input through the pipeline.
type issueRun struct {
	input     string // as given
	name      string // report directory name
	sha256    string
	bytes     int64
	issue     *analyze.Issue // without its articles: they went through the analysis as read
	result    *analyze.Result
	structure *report.StructureSheet // the text as read, spooled to a temporary file
	dir       string
	files     map[string]func(io.Writer) error
}

func runRun(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	start := time.Now()
	fs, cfg := runFlags(io.Discard)
	inputs, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(inputs) == 0 {
		return &usageError{"run takes one or more inputs (files, directories of .txt files, or - for standard input)"}
	}
	if cfg.minCount < 1 {
		return &usageError{fmt.Sprintf("--min-count %d: must be at least 1", cfg.minCount)}
	}
	copt, svg, err := cfg.chartOptions()
	if err != nil {
		return err
	}
	if cfg.quiet && cfg.verbose {
		return &usageError{"--quiet and -v contradict each other"}
	}
	if cfg.noHistory && cfg.history != "" {
		return &usageError{"--history and --no-history contradict each other"}
	}
	logf := func(format string, args ...any) {
		if cfg.verbose {
			fmt.Fprintf(stderr, "analyze: "+format+"\n", args...)
		}
	}
	files, skipped, err := expandInputs(inputs)
	if err != nil {
		return err
	}
	if !cfg.quiet {
		for _, f := range skipped {
			fmt.Fprintf(stderr, "analyze: note: %s: hidden file skipped (name it to read it)\n", f)
		}
	}
	lex, rd, err := loadLexicon(ctx, cfg.lexicon)
	if err != nil {
		return err
	}
	az, err := analyze.NewAnalyzer(lex)
	if err != nil {
		return err
	}
	runs, root, err := layout(files, cfg.out)
	if err != nil {
		return err
	}
	unlock, err := lockOutput(ctx, root, cfg.wait)
	if err != nil {
		return err
	}
	defer unlock()
	dirs := reportDirs(runs, root)
	did, err := recoverOutput(ctx, root, dirs)
	if err != nil {
		return err
	}
	if did != "" {
		logf("%s", did)
	}
	for _, d := range dirs {
		if err := checkOutput(d, cfg.takeOver); err != nil {
			return err
		}
	}
	logf("%d input(s); output %s; lexicon %s", len(runs), root, lex.Name)

	// the tallies of every issue are kept for the corpus report only
	opt := analyze.Options{CountCaptions: cfg.countCaptions, MinCount: cfg.minCount, Mergeable: len(runs) > 1}
	bar := newProgress(stderr, runs, cfg.quiet)
	var spools spoolFiles
	defer spools.remove()
	t0 := time.Now()
	if err := forEach(ctx, len(runs), func(i int) error {
		r := runs[i]
		// the text goes from the reader through the analysis to the
		// Structure sheet's spool, an article at a time
		spool, err := newSpool(&spools)
		if err != nil {
			return err
		}
		st := report.NewStructureSheet(spool)
		var res *analyze.Result
		sum, n, err := withInput(ctx, r.input, stdin, func(in io.Reader, name string) (err error) {
			res, err = az.AnalyzeStream(ctx, rd, in, name, opt, func(a *analyze.Article) error { return st.AddArticle(name, a) })
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
	}); err != nil {
		bar.stop()
		return interrupted(err)
	}
	bar.stop()
	tAnalyze := time.Since(t0)
	logf("read and analysed in %v", tAnalyze.Round(time.Millisecond))

	// the history: what earlier runs kept, with this run's issues
	var store *history.Store
	var recorded, allIssues []history.Issue
	if !cfg.noHistory {
		now := time.Now()
		for _, r := range runs {
			recorded = append(recorded, history.FromResult(r.sha256, r.result, version, now))
		}
		path := cfg.history
		if path == "" {
			path = filepath.Join(filepath.Dir(filepath.Clean(runs[0].dir)), "history.sqlite")
		}
		if store, err = history.Open(ctx, path); err != nil {
			return fmt.Errorf("history: %w", err)
		}
		defer store.Close()
		stored, err := store.Load(ctx)
		if err != nil {
			return fmt.Errorf("history: %w", err)
		}
		allIssues = history.Combine(stored, recorded)
		logf("history %s: %d issues before this run", path, len(stored))
		for _, r := range runs {
			r.result.History = history.View(allIssues, []string{r.sha256}, r.result.Formulations)
		}
	}

	t1 := time.Now()
	params := cfg.params()
	for _, r := range runs {
		copt.Source = r.issue.Name
		prov := report.Provenance{Input: r.issue.Name, InputSHA256: r.sha256, Version: version, Params: params}
		if r.files, err = outputs(r.result, r.structure, copt, svg, prov); err != nil {
			return err
		}
	}
	var corpus *issueRun
	if len(runs) > 1 {
		var results []*analyze.Result
		var sums []string
		for _, r := range runs {
			results = append(results, r.result)
			sums = append(sums, r.issue.Name+" "+r.sha256)
		}
		res := az.Merge(corpusTitle(runs), results...)
		spool, err := newSpool(&spools)
		if err != nil {
			return err
		}
		st := report.NewStructureSheet(spool)
		for _, r := range runs {
			if err := st.AddArticlesOf(r.structure); err != nil {
				return fmt.Errorf("structure spool: %w", err)
			}
		}
		corpus = &issueRun{name: "corpus", dir: filepath.Join(root, "corpus"), result: res, issue: res.Issue, structure: st}
		if store != nil {
			var shas []string
			for _, r := range runs {
				shas = append(shas, r.sha256)
			}
			res.History = history.View(allIssues, shas, res.Formulations)
		}
		copt.Source = fmt.Sprintf("%d issues", len(runs))
		prov := report.Provenance{Input: strings.Join(names(runs), ", "), InputSHA256: strings.Join(sums, "; "), Version: version, Params: params}
		if corpus.files, err = outputs(res, st, copt, svg, prov); err != nil {
			return err
		}
	}
	tRender := time.Since(t1)
	logf("rendered in %v", tRender.Round(time.Millisecond))

	t2 := time.Now()
	all := runs
	if corpus != nil {
		all = append(append([]*issueRun(nil), runs...), corpus)
	}
	outs := make([]output, len(all))
	for i, r := range all {
		outs[i] = output{dir: r.dir, files: r.files}
	}
	if err := commit(ctx, root, newRunID(), outs, store, recorded); err != nil {
		return interrupted(err)
	}
	if store != nil {
		logf("history %s: recorded %d issue(s)", store.Path(), len(recorded))
	}
	for _, r := range all {
		logf("wrote %s", r.dir)
	}
	tWrite := time.Since(t2)

	for _, r := range runs {
		if cfg.quiet {
			break
		}
		for _, w := range r.issue.Warnings {
			fmt.Fprintf(stderr, "analyze: warning: %s:%d: %s\n", r.issue.Name, w.Line, w.Msg)
		}
	}
	switch {
	case cfg.json:
		return writeSummary(stdout, runs, corpus, map[string]time.Duration{
			"analyze": tAnalyze, "render": tRender, "write": tWrite, "total": time.Since(start)})
	case !cfg.quiet:
		for _, r := range all {
			fmt.Fprintf(stdout, "%s: %d articles, %d mentions of %d formulations; report in %s\n",
				r.issue.Name, len(r.result.Articles), len(r.result.Mentions), r.result.FormulationsFound(), r.dir)
		}
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
			return nil, &usageError{fmt.Sprintf("%v (see: analyze help %s)", err, fs.Name())}
		}
		args = fs.Args()
		if len(args) == 0 {
			return inputs, nil
		}
		inputs = append(inputs, args[0])
		args = args[1:]
	}
}

// expandInputs turns directories into their .txt files, sorted, and
// returns the hidden files it skipped there (a name starting with a dot:
// read only when named).
func expandInputs(inputs []string) (files, skipped []string, err error) {
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
		var txt []string
		for _, e := range entries {
			if e.IsDir() || !strings.EqualFold(filepath.Ext(e.Name()), ".txt") {
				continue
			}
			if strings.HasPrefix(e.Name(), ".") {
				skipped = append(skipped, filepath.Join(in, e.Name()))
				continue
			}
			txt = append(txt, filepath.Join(in, e.Name()))
		}
		if len(txt) == 0 {
			return nil, nil, &analyze.InputError{File: in, Msg: "directory holds no .txt files"}
		}
		sort.Strings(txt)
		files = append(files, txt...)
	}
	return files, skipped, nil
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

// forEach runs do(0..n-1) on all cores; the first error (by index) wins.
func forEach(ctx context.Context, n int, do func(int) error) error {
	errs := make([]error, n)
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = do(i)
			}
		}()
	}
feed:
	for i := range n {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return ctx.Err()
}

// outputs renders a result: the CSV tables, the charts and the workbook
// holding them.
func outputs(res *analyze.Result, st *report.StructureSheet, copt charts.Options, svg bool, prov report.Provenance) (map[string]func(io.Writer) error, error) {
	files := map[string]func(io.Writer) error{}
	tables := report.Tables(res)
	for _, t := range append(tables, st.Table) {
		files[filepath.Join("data", t.Name)] = func(w io.Writer) error { return report.WriteCSV(w, t) }
	}
	built := charts.Build(res, copt)
	images, err := charts.Render(built, copt, svg)
	if err != nil {
		return nil, fmt.Errorf("rendering charts: %w", err)
	}
	var look report.Look
	for _, c := range built {
		look.Images = append(look.Images, report.ChartImage{Name: c.Name, Title: c.Title, PNG: images[c.Name+".png"]})
	}
	days := map[string]bool{}
	for _, k := range res.Counts.Groups {
		days[k.Date] = true
	}
	if len(res.Issues) > 1 {
		days = map[string]bool{}
		for _, is := range res.Issues {
			days[is.Name] = true
		}
	}
	for _, c := range charts.GroupColors(len(days)) {
		r, g, b, _ := c.RGBA()
		look.DayColors = append(look.DayColors, fmt.Sprintf("#%02X%02X%02X", r>>8, g>>8, b>>8))
	}
	for name, data := range images {
		files[filepath.Join("charts", name)] = func(w io.Writer) error { _, err := w.Write(data); return err }
	}
	files["report.xlsx"] = func(w io.Writer) error { return report.WriteWorkbook(w, res, tables, st, prov, look) }
	return files, nil
}

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
	TimingMS map[string]int64 `json:"timings_ms"`
}

type issueSummary struct {
	File         string   `json:"file"`
	SHA256       string   `json:"sha256,omitempty"`
	Bytes        int64    `json:"bytes,omitempty"`
	Title        string   `json:"title"`
	Articles     int      `json:"articles"`
	Mentions     int      `json:"mentions"`
	Formulations int      `json:"formulations"`
	Output       string   `json:"output"`
	Files        []string `json:"files"`
	Warnings     []string `json:"warnings"`
}

func summarize(r *issueRun) issueSummary {
	s := issueSummary{File: r.issue.Name, SHA256: r.sha256, Bytes: r.bytes, Title: r.issue.Title, Articles: len(r.result.Articles),
		Mentions: len(r.result.Mentions), Formulations: r.result.FormulationsFound(), Output: r.dir, Warnings: []string{}}
	for name := range r.files {
		s.Files = append(s.Files, filepath.ToSlash(name))
	}
	sort.Strings(s.Files)
	for _, w := range r.issue.Warnings {
		s.Warnings = append(s.Warnings, strconv.Itoa(w.Line)+": "+w.Msg)
	}
	return s
}

func writeSummary(w io.Writer, runs []*issueRun, corpus *issueRun, timings map[string]time.Duration) error {
	s := runSummary{TimingMS: map[string]int64{}}
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

// loadLexicon reads the lexicon file (the default for "") and makes a
// reader that knows its venues.
func loadLexicon(ctx context.Context, path string) (*lexicon.Lexicon, *analyze.Reader, error) {
	lex, err := parseLexicon(ctx, path)
	if err != nil {
		return nil, nil, err
	}
	rd, err := analyze.NewReader(analyze.VenuesOf(lex))
	return lex, rd, err
}

// parseLexicon reads the lexicon file at path (the default for ""),
// giving way to ctx while it is opened and read.
func parseLexicon(ctx context.Context, path string) (*lexicon.Lexicon, error) {
	if path == "" {
		return lexicon.Default()
	}
	f, st, err := openInput(ctx, path)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		msg := err.Error()
		if strings.HasPrefix(msg, "is a directory") {
			msg = "is a directory, not a lexicon file"
		}
		return nil, &lexicon.ParseError{File: path, Msg: msg}
	}
	defer f.Close()
	lex, err := lexicon.Parse(newCtxReader(ctx, f, !st.Mode().IsRegular()), path)
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	return lex, err
}
