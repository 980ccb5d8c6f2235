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
	"github.com/issuelens/analyze/history"
	"github.com/issuelens/analyze/report"
)

// version is the tool's version, printed by `analyze version` and written
// into every report.
const version = "0.1.0"

// Exit codes, documented in README.md and `analyze help`.
const (
	exitOK      = 0
	exitRuntime = 1  // the run failed: output not writable, interrupted …
	exitCrash   = 2  // never returned by run: the Go runtime's own exit status when it crashes (out of memory)
	exitUsage   = 64 // the command line is wrong (EX_USAGE of sysexits.h)
	exitInput   = 3  // an input was rejected: missing, empty, binary, undecodable
	exitLexicon = 4  // the lexicon is malformed
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
  1  runtime failure (output not writable, locked or not analyze's own,
     disk full, interrupted)
  2  crashed: the Go runtime stopped the program (out of memory); please
     report it
  3  input rejected (missing, empty, binary, undecodable, changed while
     read; a history store that is missing or not one)
  4  lexicon error
  64 usage error
`

// run is the whole program; main only maps its error to an exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return interrupted(dispatch(ctx, args, stdin, stdout, stderr))
}

// dispatch runs the command args name.
func dispatch(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
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
	lex, rd, err := loadLexicon(ctx, *lexPath)
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
// A file that changes size while it is read is an input error: its counts
// would be of neither version. Opening and reading give way to ctx, also
// on a pipe or a FIFO that no one writes to.
func withInput(ctx context.Context, path string, stdin io.Reader, use func(r io.Reader, name string) error) (string, int64, error) {
	if err := ctx.Err(); err != nil {
		return "", 0, err
	}
	h := &hashCounter{h: sha256.New()}
	if path == "-" {
		err := use(io.TeeReader(newCtxReader(ctx, stdin, true), h), "-")
		if err != nil && ctx.Err() != nil {
			return "", 0, ctx.Err()
		}
		return hex.EncodeToString(h.h.Sum(nil)), h.n, err
	}
	f, st, err := openInput(ctx, path)
	if err != nil {
		if ctx.Err() != nil {
			return "", 0, ctx.Err()
		}
		return "", 0, &analyze.InputError{File: path, Msg: err.Error()}
	}
	defer f.Close()
	regular := st.Mode().IsRegular()
	err = use(io.TeeReader(newCtxReader(ctx, f, !regular), h), filepath.Base(path))
	if err != nil && ctx.Err() != nil {
		return "", 0, ctx.Err() // the reader words it as a read error
	}
	if err == nil && regular {
		if after, serr := f.Stat(); serr == nil && (after.Size() != st.Size() || h.n != st.Size()) {
			err = &analyze.InputError{File: path, Msg: fmt.Sprintf("changed while being read (%d bytes when opened, %d read, %d now); run again when it is complete", st.Size(), h.n, after.Size())}
		}
	}
	return hex.EncodeToString(h.h.Sum(nil)), h.n, err
}

// openInput opens a file to read, giving way to ctx while the open
// blocks (a FIFO waits for a writer). It refuses a directory.
func openInput(ctx context.Context, path string) (*os.File, os.FileInfo, error) {
	type opened struct {
		f   *os.File
		err error
	}
	done := make(chan opened, 1)
	go func() {
		f, err := os.Open(path)
		done <- opened{f, err}
	}()
	var o opened
	select {
	case o = <-done:
	case <-ctx.Done():
		go func() { // the open may still finish: close what it opens
			if o := <-done; o.f != nil {
				o.f.Close()
			}
		}()
		return nil, nil, ctx.Err()
	}
	if o.err != nil {
		return nil, nil, errors.New(describeOpenError(o.err))
	}
	st, err := o.f.Stat()
	if err != nil {
		o.f.Close()
		return nil, nil, errors.New(describeOpenError(err))
	}
	if st.IsDir() {
		o.f.Close()
		return nil, nil, errors.New("is a directory, not a text file")
	}
	return o.f, st, nil
}

// ctxReader reads r until ctx is done. A reader that can block without
// end (standard input, a pipe) is read by a goroutine, so that a read
// waiting for a writer gives way to ctx too.
type ctxReader struct {
	ctx    context.Context
	r      io.Reader
	chunks chan []byte
	errc   chan error
	buf    []byte
	err    error // the pump's last error, once read
}

func newCtxReader(ctx context.Context, r io.Reader, mayBlock bool) *ctxReader {
	c := &ctxReader{ctx: ctx, r: r}
	if mayBlock {
		c.chunks, c.errc = make(chan []byte), make(chan error, 1)
		go c.pump()
	}
	return c
}

func (c *ctxReader) pump() {
	for {
		buf := make([]byte, 64<<10)
		n, err := c.r.Read(buf)
		if n > 0 {
			select {
			case c.chunks <- buf[:n]:
			case <-c.ctx.Done():
				return
			}
		}
		if err != nil {
			c.errc <- err
			close(c.chunks)
			return
		}
	}
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	if c.chunks == nil {
		return c.r.Read(p)
	}
	if len(c.buf) == 0 {
		select {
		case b, ok := <-c.chunks:
			if !ok {
				if c.err == nil {
					c.err = <-c.errc
				}
				return 0, c.err
			}
			c.buf = b
		case <-c.ctx.Done():
			return 0, c.ctx.Err()
		}
	}
	n := copy(p, c.buf)
	c.buf = c.buf[n:]
	return n, nil
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
	var he *history.FormatError
	switch {
	case errors.As(err, &ue):
		return exitUsage
	case errors.As(err, &ie), errors.As(err, &he):
		return exitInput
	case errors.As(err, &le):
		return exitLexicon
	}
	return exitRuntime
}
