package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/issuelens/analyze/analyze"
	"github.com/issuelens/analyze/analyze/lexicon"
	"github.com/issuelens/analyze/report"
)

type inspectConfig struct {
	json    bool
	lexicon string
	reading readFlags
}

func inspectFlags(out io.Writer) (*flag.FlagSet, *inspectConfig) {
	cfg := &inspectConfig{}
	fs := flag.NewFlagSet("inspect", flag.ContinueOnError)
	fs.SetOutput(out)
	fs.BoolVar(&cfg.json, "json", false, "print the structure as JSON")
	fs.StringVar(&cfg.lexicon, "lexicon", "", "lexicon YAML file whose venues to use (default: the built-in lexicon)")
	cfg.reading.register(fs)
	return fs, cfg
}

func runInspect(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs, cfg := inspectFlags(io.Discard)
	in, err := issueFromArgs(ctx, fs, args, cfg, stdin)
	if err != nil {
		return err
	}
	s := report.StructureOf(in.issue)
	if cfg.json {
		return report.WriteStructureJSON(stdout, s)
	}
	return report.WriteStructureText(stdout, s)
}

// loaded is an issue read for a command, with what it was read with.
type loaded struct {
	lex    *lexicon.Lexicon
	issue  *analyze.Issue
	input  string // as given on the command line
	sha256 string // of the input's bytes
}

// issueFromArgs parses the flags and the one input, loads the lexicon
// the flags name ("" for the default) and reads the issue.
func issueFromArgs(ctx context.Context, fs *flag.FlagSet, args []string, cfg *inspectConfig, stdin io.Reader) (*loaded, error) {
	input, err := oneInput(fs, args)
	if err != nil {
		return nil, err
	}
	lex, rd, err := loadLexicon(ctx, cfg.lexicon)
	if err != nil {
		return nil, err
	}
	_, langs, err := setupReaders(ctx, lex, rd, []string{input}, cfg.reading)
	if err != nil {
		return nil, err
	}
	iss, sum, _, err := readInput(ctx, langs, input, stdin)
	if err != nil {
		return nil, err
	}
	return &loaded{lex: lex, issue: iss, input: input, sha256: sum}, nil
}

// oneInput parses flags that may stand before or after the one input.
func oneInput(fs *flag.FlagSet, args []string) (string, error) {
	inputs, err := parseArgs(fs, args)
	if err != nil {
		return "", err
	}
	if len(inputs) != 1 {
		return "", &usageError{fmt.Sprintf("%s takes one input (a file, or - for standard input)", fs.Name())}
	}
	return inputs[0], nil
}

// readInput opens and reads one issue, "-" being standard input, and
// returns it with the SHA-256 and size of its bytes.
func readInput(ctx context.Context, langs *readers, path string, stdin io.Reader) (*analyze.Issue, string, int64, error) {
	var iss *analyze.Issue
	sum, n, err := withInput(ctx, path, stdin, func(r io.Reader, name string) error {
		in, rd, _, err := langs.detect(r, name)
		if err != nil {
			return err
		}
		iss, err = rd.Read(in, name)
		return err
	})
	return iss, sum, n, err
}

// withDate returns rd dating undated articles with --date, or rd as it
// is when the flag is not given.
func withDate(rd *analyze.Reader, date string) (*analyze.Reader, error) {
	if date == "" {
		return rd, nil
	}
	d, err := analyze.ParseISODate(date)
	if err != nil {
		return nil, &usageError{"--date: " + err.Error()}
	}
	return rd.WithDate(d), nil
}
