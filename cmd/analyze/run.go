package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/issuelens/analyze/analyze"
	"github.com/issuelens/analyze/analyze/lexicon"
	"github.com/issuelens/analyze/report"
)

// version is the tool's version, printed by `analyze version` and written
// into every report.
const version = "0.1.0"

// Exit codes, documented in README.md and `analyze help`.
const (
	exitOK      = 0
	exitRuntime = 1 // the run failed: output not writable, interrupted …
	exitUsage   = 2 // the command line is wrong
	exitInput   = 3 // an input was rejected: missing, empty, binary, undecodable
	exitLexicon = 4 // the lexicon is malformed
)

// usageError is a command line that cannot be run.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

const helpText = `usage: analyze <command> [flags] [input]

commands:
  run INPUT...    count the lexicon's formulations by day and venue, theme
                  co-occurrence, candidate new formulations and keyness;
                  write report.xlsx, charts/ and data/ under --out (default
                  out/<input name>; with several inputs, out/<name>/ each
                  and out/corpus/ for all), and add the issues to the
                  history store beside them (out/history.sqlite)
  history         list the issues kept in the history store (--history,
                  default out/history.sqlite), oldest first
  trends          write trends.xlsx and charts/formulation_trend.png under
                  --out from the history store alone
  lexicon         print the default lexicon (YAML), to copy and edit
  inspect INPUT   print the structure read from an issue: title, articles
                  with date, venue, headline, paragraph, sentence and
                  caption counts, and the boilerplate dropped
  version         print the version
  help [COMMAND]  print this help, or a command's flags

INPUT is a text file, a directory (its .txt files), or - for standard input.

exit codes:
  0  success
  1  runtime failure (output not writable or locked, interrupted)
  2  usage error
  3  input rejected (missing, empty, binary, undecodable; a history
     store that is missing or not one)
  4  lexicon error
`

// run is the whole program; main only maps its error to an exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, helpText)
		return &usageError{"no command given"}
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "inspect":
		return runInspect(ctx, rest, stdin, stdout, stderr)
	case "run":
		return runRun(ctx, rest, stdin, stdout, stderr)
	case "history":
		return runHistory(ctx, rest, stdout)
	case "trends":
		return runTrends(ctx, rest, stdout)
	case "lexicon":
		if len(rest) > 0 {
			return &usageError{"lexicon takes no arguments (it prints the default lexicon)"}
		}
		_, err := stdout.Write(lexicon.DefaultYAML())
		return err
	case "version", "--version", "-version":
		fmt.Fprintf(stdout, "analyze %s\n", version)
		return nil
	case "help", "-h", "-help", "--help":
		return runHelp(rest, stdout, stderr)
	default:
		return &usageError{fmt.Sprintf("unknown command %q (try: analyze help)", cmd)}
	}
}

func runHelp(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stdout, helpText)
		return nil
	}
	switch args[0] {
	case "run":
		fs, _ := runFlags(stdout)
		fmt.Fprintln(stdout, "usage: analyze run [flags] INPUT...   (files, directories of .txt files, or -)")
		fs.PrintDefaults()
		return nil
	case "lexicon":
		fmt.Fprintln(stdout, "usage: analyze lexicon > my.yaml   (then: analyze run --lexicon my.yaml INPUT)")
		return nil
	case "history", "trends":
		fs, _ := historyFlags(stdout, args[0])
		fmt.Fprintf(stdout, "usage: analyze %s [flags]\n", args[0])
		fs.PrintDefaults()
		return nil
	case "inspect":
		fs, _ := inspectFlags(stdout)
		fmt.Fprintln(stdout, "usage: analyze inspect [--json] [--lexicon FILE] INPUT")
		fs.PrintDefaults()
		return nil
	}
	return &usageError{fmt.Sprintf("no help for %q (try: analyze help)", args[0])}
}

type inspectConfig struct {
	json    bool
	lexicon string
}

func inspectFlags(out io.Writer) (*flag.FlagSet, *inspectConfig) {
	cfg := &inspectConfig{}
	fs := flag.NewFlagSet("inspect", flag.ContinueOnError)
	fs.SetOutput(out)
	fs.BoolVar(&cfg.json, "json", false, "print the structure as JSON")
	fs.StringVar(&cfg.lexicon, "lexicon", "", "lexicon YAML file whose venues to use (default: the built-in lexicon)")
	return fs, cfg
}

func runInspect(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs, cfg := inspectFlags(io.Discard)
	in, err := issueFromArgs(ctx, fs, args, &cfg.lexicon, stdin)
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
// the flags name (*lexPath, "" for the default) and reads the issue.
func issueFromArgs(ctx context.Context, fs *flag.FlagSet, args []string, lexPath *string, stdin io.Reader) (*loaded, error) {
	input, err := oneInput(fs, args)
	if err != nil {
		return nil, err
	}
	lex, rd, err := loadLexicon(*lexPath)
	if err != nil {
		return nil, err
	}
	iss, sum, _, err := readInput(ctx, rd, input, stdin)
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
func readInput(ctx context.Context, rd *analyze.Reader, path string, stdin io.Reader) (*analyze.Issue, string, int64, error) {
	var iss *analyze.Issue
	sum, n, err := withInput(ctx, path, stdin, func(r io.Reader, name string) (err error) {
		iss, err = rd.Read(r, name)
		return err
	})
	return iss, sum, n, err
}

// withInput opens an input, "-" being standard input, hands it to use with
// the name it goes by, and returns the SHA-256 and size of what use read.
func withInput(ctx context.Context, path string, stdin io.Reader, use func(r io.Reader, name string) error) (string, int64, error) {
	if err := ctx.Err(); err != nil {
		return "", 0, err
	}
	h := &hashCounter{h: sha256.New()}
	if path == "-" {
		err := use(io.TeeReader(stdin, h), "-")
		return hex.EncodeToString(h.h.Sum(nil)), h.n, err
	}
	f, err := os.Open(path)
	if err != nil {
		return "", 0, &analyze.InputError{File: path, Msg: describeOpenError(err)}
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return "", 0, &analyze.InputError{File: path, Msg: "is a directory, not a text file"}
	}
	err = use(io.TeeReader(f, h), filepath.Base(path))
	return hex.EncodeToString(h.h.Sum(nil)), h.n, err
}

// hashCounter hashes and counts the bytes written to it.
type hashCounter struct {
	h hash.Hash
	n int64
}

func (c *hashCounter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return c.h.Write(p)
}

func describeOpenError(err error) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "no such file"
	case errors.Is(err, os.ErrPermission):
		return "permission denied"
	}
	msg := err.Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		msg = msg[i+2:]
	}
	return "cannot open: " + msg
}

// exitStatus prints err as one line on stderr and returns the exit code.
func exitStatus(err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	fmt.Fprintf(stderr, "analyze: %v\n", err)
	var ue *usageError
	var ie *analyze.InputError
	var le *lexicon.ParseError
	switch {
	case errors.As(err, &ue):
		return exitUsage
	case errors.As(err, &ie):
		return exitInput
	case errors.As(err, &le):
		return exitLexicon
	}
	return exitRuntime
}
