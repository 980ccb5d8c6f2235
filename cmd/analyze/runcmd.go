package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/issuelens/analyze/analyze"
	"github.com/issuelens/analyze/analyze/lexicon"
	"github.com/issuelens/analyze/report"
)

// runConfig holds the flags of `analyze run`.
type runConfig struct {
	out           string
	lexicon       string
	countCaptions bool
	minCount      int
}

func runFlags(out io.Writer) (*flag.FlagSet, *runConfig) {
	cfg := &runConfig{}
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(out)
	fs.StringVar(&cfg.out, "out", "", "output directory (default out/<input file name without extension>)")
	fs.StringVar(&cfg.lexicon, "lexicon", "", "lexicon YAML file (default: the built-in lexicon; see analyze lexicon)")
	fs.BoolVar(&cfg.countCaptions, "count-captions", false, "count mentions in photo captions too")
	fs.IntVar(&cfg.minCount, "min-count", 2, "how often a phrase must occur to be a discovered candidate")
	return fs, cfg
}

func runRun(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs, cfg := runFlags(io.Discard)
	in, err := issueFromArgs(ctx, fs, args, &cfg.lexicon, stdin)
	if err != nil {
		return err
	}
	if cfg.minCount < 1 {
		return &usageError{fmt.Sprintf("--min-count %d: must be at least 1", cfg.minCount)}
	}
	res, err := analyze.Analyze(in.issue, in.lex, analyze.Options{CountCaptions: cfg.countCaptions, MinCount: cfg.minCount})
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	dir := cfg.out
	if dir == "" {
		name := filepath.Base(in.input)
		if in.input == "-" {
			name = "stdin"
		}
		dir = filepath.Join("out", strings.TrimSuffix(name, filepath.Ext(name)))
	}
	tables := report.Tables(res)
	files := map[string]func(io.Writer) error{}
	for _, t := range tables {
		files[filepath.Join("data", t.Name)] = func(w io.Writer) error { return report.WriteCSV(w, t) }
	}
	prov := report.Provenance{Input: in.issue.Name, InputSHA256: in.sha256, Version: version, Params: cfg.params()}
	files["report.xlsx"] = func(w io.Writer) error { return report.WriteWorkbook(w, res, tables, prov, nil) }
	if err := writeDir(dir, files); err != nil {
		return err
	}
	forms := map[int]bool{}
	for _, m := range res.Mentions {
		forms[m.Form] = true
	}
	fmt.Fprintf(stdout, "%s: %d articles, %d mentions of %d formulations; report in %s\n",
		in.issue.Name, len(in.issue.Articles), len(res.Mentions), len(forms), dir)
	for _, w := range in.issue.Warnings {
		fmt.Fprintf(stderr, "analyze: warning: %s:%d: %s\n", in.issue.Name, w.Line, w.Msg)
	}
	return nil
}

// params lists the run's parameters for the workbook's provenance.
func (c *runConfig) params() []string {
	lex := c.lexicon
	if lex == "" {
		lex = "(built-in)"
	}
	return []string{"lexicon=" + lex, fmt.Sprintf("count-captions=%v", c.countCaptions), fmt.Sprintf("min-count=%d", c.minCount)}
}

// loadLexicon reads the lexicon file (the default for "") and makes a
// reader that knows its venues.
func loadLexicon(path string) (*lexicon.Lexicon, *analyze.Reader, error) {
	lex, err := parseLexicon(path)
	if err != nil {
		return nil, nil, err
	}
	rd, err := analyze.NewReader(analyze.VenuesOf(lex))
	return lex, rd, err
}

func parseLexicon(path string) (*lexicon.Lexicon, error) {
	if path == "" {
		return lexicon.Default()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &lexicon.ParseError{File: path, Msg: describeOpenError(err)}
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, &lexicon.ParseError{File: path, Msg: "is a directory, not a lexicon file"}
	}
	return lexicon.Parse(f, path)
}
