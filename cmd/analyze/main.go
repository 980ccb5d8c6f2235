// Command analyze counts the formulations of official political discourse
// in plain-text news issues. See README.md; `analyze help` lists commands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/issuelens/analyze/analyze"
	"github.com/issuelens/analyze/analyze/lexicon"
	"github.com/issuelens/analyze/history"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	ctx, fail := context.WithCancelCause(ctx)
	unguard := func() {}
	c := memoryCeiling()
	if err := c.tooSmall(); err != nil {
		os.Exit(exitStatus(err, os.Stderr))
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		var g *memoryGuard
		g, unguard = guardMemory(ctx, c, fail)
		ctx = withGuard(ctx, g)
	}
	go stopAnyway(ctx)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	if cause := context.Cause(ctx); errors.Is(cause, errOutOfMemory) {
		err = cause // the run stopped for want of memory, not a signal
	}
	unguard()
	stop()
	os.Exit(exitStatus(err, os.Stderr))
}

// stopAnyway ends the process if run has not returned gracePeriod after
// a signal: every step of run gives way to ctx, so this is a backstop.
// What is left then is finished or swept by the next run.
func stopAnyway(ctx context.Context) {
	<-ctx.Done()
	time.Sleep(gracePeriod)
	why := "interrupted"
	if cause := context.Cause(ctx); errors.Is(cause, errOutOfMemory) {
		why = cause.Error()
	}
	fmt.Fprintf(os.Stderr, "analyze: %s; stopped before cleaning up (the next run on this output finishes or undoes what was left)\n", why)
	os.Exit(exitRuntime)
}

// gracePeriod is how long run has to return after a signal.
const gracePeriod = 10 * time.Second

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
                  history store, each in its series (the publication named
                  in it, or --series NAME), compared only with the earlier
                  issues of its series
  history         list the series of the history store and their issues,
                  oldest first (--history; default
                  ~/.local/share/analyze/history.sqlite, or
                  $XDG_DATA_HOME/analyze/history.sqlite when that is set)
  trends          write trends.xlsx and charts/formulation_trend.png under
                  --out for one series (--series) from the history alone
  lexicon         print the default lexicon (YAML), to copy and edit
  inspect INPUT   print the structure read from an issue: title, articles
                  with date, venue, headline, paragraph, sentence and
                  caption counts, and the boilerplate dropped
  version         print the version, and the commit and Go it was built from
  completion SHELL
                  print a completion script for bash, zsh or fish
  help [COMMAND]  print this help, or a command's flags

INPUT is a text file, a Markdown file (.md), a saved web page (.html, .htm), a directory (its files of those formats), or - for standard input.

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
	if wantsHelp(rest) && cmd != "help" {
		return runHelp([]string{cmd}, stdout, stderr)
	}
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
		fmt.Fprintln(stdout, versionLine(debug.ReadBuildInfo()))
		return nil
	case "completion":
		return runCompletion(rest, stdout)
	case "man":
		return runMan(stdout)
	case "help", "-h", "-help", "--help":
		return runHelp(rest, stdout, stderr)
	default:
		if near := closest(cmd, commands()); near != "" {
			return &usageError{fmt.Sprintf("unknown command %q: did you mean %q? (try: analyze help)", cmd, near)}
		}
		return &usageError{fmt.Sprintf("unknown command %q (try: analyze help)", cmd)}
	}
}

// versionLine is what `analyze version` prints: the version, then what
// the build info holds of the build (the module version, the commit and
// its time, whether the tree had changes, the Go version).
func versionLine(bi *debug.BuildInfo, ok bool) string {
	line := "analyze " + version
	if !ok {
		return line
	}
	var parts []string
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	rev := settings["vcs.revision"]
	if v := bi.Main.Version; v != "" && v != "(devel)" && (rev == "" || !strings.Contains(v, rev[:min(12, len(rev))])) {
		parts = append(parts, "module "+v) // a tagged version; a pseudo-version repeats the commit
	}
	if rev != "" {
		c := "commit " + rev[:min(12, len(rev))]
		if settings["vcs.modified"] == "true" {
			c += " with changes"
		}
		parts = append(parts, c)
	}
	if t := settings["vcs.time"]; t != "" {
		parts = append(parts, t)
	}
	parts = append(parts, bi.GoVersion)
	return line + " (" + strings.Join(parts, ", ") + ")"
}

// commands are the command names, for "did you mean".
func commands() []string {
	return []string{"run", "inspect", "history", "trends", "lexicon", "version", "completion", "help"}
}

// flagError words a flag parsing error with its command's help and, for a
// flag misspelt, the flag meant ("flag provided but not defined: -outt:
// did you mean --out?").
func flagError(fs *flag.FlagSet, err error) error {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		var names []string
		fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
		if near := closest(strings.TrimLeft(name, "-"), names); near != "" {
			msg += ": did you mean --" + near + "?"
		}
	}
	return &usageError{fmt.Sprintf("%s (see: analyze help %s)", msg, fs.Name())}
}

// closest is the candidate nearest to s, when it is a slip of at most two
// letters (and not the whole of a short word): "", when none is.
func closest(s string, candidates []string) string {
	best, bestD := "", 3
	for _, c := range candidates {
		if d := editDistance(s, c); d < bestD && d < len(c) {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// wantsHelp reports -h, -help or --help among a command's arguments
// (before a "--" that ends the flags).
func wantsHelp(args []string) bool {
	for _, a := range args {
		switch a {
		case "--":
			return false
		case "-h", "-help", "--help":
			return true
		}
	}
	return false
}

// printFlags lists a command's flags as the user guide writes them, "--out
// DIR", with their usage and default.
func printFlags(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		line := "  --" + f.Name
		if name != "" {
			line += " " + name
		}
		fmt.Fprintf(w, "%s\n    \t%s", line, strings.ReplaceAll(usage, "\n", "\n    \t"))
		switch def := f.DefValue; {
		case def == "" || def == "false" || def == "0":
		case name == "string":
			fmt.Fprintf(w, " (default %q)", def)
		default:
			fmt.Fprintf(w, " (default %s)", def)
		}
		fmt.Fprintln(w)
	})
}

func runHelp(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stdout, helpText)
		return nil
	}
	switch args[0] {
	case "run":
		fs, _ := runFlags(stdout)
		fmt.Fprintln(stdout, "usage: analyze run [flags] INPUT...   (text files, web pages, directories of them, or -)")
		printFlags(stdout, fs)
		return nil
	case "lexicon":
		fmt.Fprintln(stdout, "usage: analyze lexicon > my.yaml   (then: analyze run --lexicon my.yaml INPUT)")
		return nil
	case "version":
		fmt.Fprintln(stdout, "usage: analyze version   (prints the version, and the commit and Go it was built from)")
		return nil
	case "help":
		fmt.Fprintln(stdout, "usage: analyze help [COMMAND]   (prints the commands, or a command's flags)")
		return nil
	case "completion":
		fmt.Fprintln(stdout, "usage: analyze completion bash|zsh|fish   (prints a completion script: analyze completion bash > /etc/bash_completion.d/analyze)")
		return nil
	case "history", "trends":
		fs, _ := historyFlags(stdout, args[0])
		fmt.Fprintf(stdout, "usage: analyze %s [flags]\n", args[0])
		printFlags(stdout, fs)
		return nil
	case "inspect":
		fs, _ := inspectFlags(stdout)
		fmt.Fprintln(stdout, "usage: analyze inspect [--json] [--lexicon FILE] INPUT")
		printFlags(stdout, fs)
		return nil
	}
	return &usageError{fmt.Sprintf("no help for %q (try: analyze help)", args[0])}
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
