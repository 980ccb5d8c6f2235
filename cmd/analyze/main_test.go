package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

func TestCommandLine(t *testing.T) {
	golden, err := os.ReadFile("../../testdata/two_sessions_2024.inspect.golden")
	if err != nil {
		t.Fatal(err)
	}
	ref, err := os.ReadFile("../../testdata/two_sessions_2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	empty := write("empty.txt", nil)
	binary := write("binary.txt", []byte("PK\x03\x04\x00\x00binary"))
	cp1252 := write("cp1252.txt", []byte("People\x92s well-being matters.\n"))
	refCopy := write("two_sessions_2024.txt", ref)

	tests := []struct {
		args    []string
		stdin   string
		wantOut string // "" means no output; a leading "~" means "contains"
		wantErr string
		code    int
	}{
		{[]string{"inspect", refCopy}, "", string(golden), "", 0},
		{[]string{"inspect", "--json", refCopy}, "", `~"venue": "Jiangsu delegation"`, "", 0},
		{[]string{"inspect", refCopy, "--json"}, "", `~"venue": "PLA and PAP delegation"`, "", 0},
		{[]string{"inspect", "-"}, "Xi Stresses Reform\n\nXi urged efforts to deepen reform.\n", "~title:       Xi Stresses Reform\n", "", 0},
		{[]string{"inspect", cp1252}, "", "~line 1: not valid UTF-8 on 1 line(s), first here; those lines were decoded as Windows-1252", "", 0},
		{[]string{"inspect", filepath.Join(dir, "missing.txt")}, "", "", "analyze: " + filepath.Join(dir, "missing.txt") + ": no such file\n", 3},
		{[]string{"inspect", empty}, "", "", "analyze: empty.txt: empty input\n", 3},
		{[]string{"inspect", binary}, "", "", "analyze: binary.txt: a zip archive (or a Word, Excel or OpenDocument file), which analyze does not read yet: save its text as .txt\n", 3},
		{[]string{"inspect", dir}, "", "", "analyze: " + dir + ": is a directory, not a text file\n", 3},
		{[]string{"inspect", "-"}, "", "", "analyze: -: empty input\n", 3},
		{[]string{"inspect"}, "", "", "analyze: inspect takes one input (a file, or - for standard input)\n", exitUsage},
		{[]string{"inspect", "a.txt", "b.txt"}, "", "", "analyze: inspect takes one input (a file, or - for standard input)\n", exitUsage},
		{[]string{"inspect", "--frob", refCopy}, "", "", "analyze: flag provided but not defined: -frob (see: analyze help inspect)\n", exitUsage},
		{[]string{"frob"}, "", "", "analyze: unknown command \"frob\" (try: analyze help)\n", exitUsage},
		{[]string{"version"}, "", "~analyze " + version + " (", "", 0},
		{[]string{"help"}, "", "~exit codes:\n  0  success\n", "", 0},
		{[]string{"help", "inspect"}, "", "~print the structure as JSON", "", 0},
		{[]string{"help", "help"}, "", "usage: analyze help [COMMAND]   (prints the commands, or a command's flags)\n", "", 0},
		{nil, "", "", "~analyze: no command given\n", exitUsage},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		err := run(context.Background(), tt.args, strings.NewReader(tt.stdin), &stdout, &stderr)
		code := exitStatus(err, &stderr)
		if code != tt.code {
			t.Errorf("analyze %q: exit %d; want %d (stderr %q)", tt.args, code, tt.code, stderr.String())
		}
		check := func(what, got, want string) {
			if c, ok := strings.CutPrefix(want, "~"); ok {
				if !strings.Contains(got, c) {
					t.Errorf("analyze %q: %s = %q; want it to contain %q", tt.args, what, got, c)
				}
			} else if got != want {
				t.Errorf("analyze %q: %s = %q; want %q", tt.args, what, got, want)
			}
		}
		check("stdout", stdout.String(), tt.wantOut)
		check("stderr", stderr.String(), tt.wantErr)
		if tt.code != 0 && strings.Count(stderr.String(), "analyze:") != 1 {
			t.Errorf("analyze %q: stderr %q; want exactly one error line", tt.args, stderr.String())
		}
	}
}

// TestHelpFlags: every command's --help, -h and -help print its help on
// stdout and exit 0, as `analyze help COMMAND` does; flags are written as
// the user guide writes them, "--out".
func TestHelpFlags(t *testing.T) {
	for _, cmd := range []string{"run", "inspect", "history", "trends", "lexicon", "version", "completion"} {
		_, want, _ := runMain(t, "", "help", cmd)
		if !strings.HasPrefix(want, "usage: analyze "+cmd) {
			t.Errorf("help %s: %q", cmd, want)
		}
		for _, flag := range []string{"--help", "-h", "-help"} {
			code, stdout, stderr := runMain(t, "", cmd, flag)
			if code != 0 || stdout != want || stderr != "" {
				t.Errorf("%s %s: exit %d, %q, %q; want 0 and the help", cmd, flag, code, stdout, stderr)
			}
		}
	}
	_, run, _ := runMain(t, "", "run", "--help")
	if !strings.Contains(run, "\n  --out string\n") || strings.Contains(run, "\n  -out") {
		t.Errorf("run --help does not write its flags as --out:\n%s", run)
	}
	// after "--", -h is an input's name, not a request for help
	if code, _, stderr := runMain(t, "", "inspect", "--", "-h"); code != exitInput || !strings.Contains(stderr, "-h") {
		t.Errorf("inspect -- -h: exit %d, %q; want %d naming the file -h", code, stderr, exitInput)
	}
}

// runMain runs the program in process: its exit code, stdout and stderr.
func runMain(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	ownStore(t)
	var stdout, stderr bytes.Buffer
	code := exitStatus(run(context.Background(), args, strings.NewReader(stdin), &stdout, &stderr), &stderr)
	return code, stdout.String(), stderr.String()
}

// TestDidYouMean: a command or flag misspelt by a letter or two is named
// as meant; one far from any is not guessed; the help gives the ranges.
func TestDidYouMean(t *testing.T) {
	for _, tt := range []struct {
		args []string
		err  string
	}{
		{[]string{"rn", "x.txt"}, `analyze: unknown command "rn": did you mean "run"? (try: analyze help)`},
		{[]string{"inspetc", "x.txt"}, `analyze: unknown command "inspetc": did you mean "inspect"? (try: analyze help)`},
		{[]string{"frob"}, `analyze: unknown command "frob" (try: analyze help)`},
		{[]string{"run", "--outt", "o", "x.txt"}, "analyze: flag provided but not defined: -outt: did you mean --out? (see: analyze help run)"},
		{[]string{"trends", "--histroy", "h.sqlite"}, "analyze: flag provided but not defined: -histroy: did you mean --history? (see: analyze help trends)"},
		{[]string{"inspect", "--frob", "x.txt"}, "analyze: flag provided but not defined: -frob (see: analyze help inspect)"},
	} {
		code, _, stderr := runMain(t, "", tt.args...)
		if code != exitUsage || stderr != tt.err+"\n" {
			t.Errorf("%v: exit %d, %q; want %d and %q", tt.args, code, stderr, exitUsage, tt.err)
		}
	}
	_, help, _ := runMain(t, "", "help", "run")
	for _, r := range []string{"1 to 50", "50 to 600", "from 200x150 to 10000x10000"} {
		if !strings.Contains(help, r) {
			t.Errorf("help run does not give the range %q", r)
		}
	}
}

// TestVersion: `analyze version` (and --version) prints the version and
// what the build info says of the build: a tagged module version, the
// commit (with changes, when the tree had some), its time, the Go
// version; a pseudo-version, which repeats the commit, is left out.
func TestVersion(t *testing.T) {
	for _, arg := range []string{"version", "--version"} {
		code, stdout, _ := runMain(t, "", arg)
		if code != 0 || !strings.HasPrefix(stdout, "analyze "+version+" (") || !strings.Contains(stdout, "go1.") {
			t.Errorf("%s: exit %d, %q", arg, code, stdout)
		}
	}
	bi := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.0.0-20261202002716-42a67ca364c8+dirty"},
		Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "42a67ca364c8ffff"}, {Key: "vcs.time", Value: "2026-12-02T00:27:16Z"}, {Key: "vcs.modified", Value: "true"}}}
	if got, want := versionLine(bi, true), "analyze "+version+" (commit 42a67ca364c8 with changes, 2026-12-02T00:27:16Z, go1.26.8)"; got != want {
		t.Errorf("versionLine = %q; want %q", got, want)
	}
	bi.Main.Version, bi.Settings = "v0.2.0", nil
	if got, want := versionLine(bi, true), "analyze "+version+" (module v0.2.0, go1.26.8)"; got != want {
		t.Errorf("versionLine = %q; want %q", got, want)
	}
}

// TestCompletion: completion scripts for bash (checked by bash -n when
// bash is here), zsh and fish name every command and every flag of each.
func TestCompletion(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish"} {
		code, script, stderr := runMain(t, "", "completion", shell)
		if code != 0 || stderr != "" {
			t.Fatalf("completion %s: exit %d, %q", shell, code, stderr)
		}
		for _, want := range []string{"run inspect history trends lexicon version completion help", "out", "lexicon", "pair", "labels", "json", "history"} {
			if !strings.Contains(script, want) {
				t.Errorf("completion %s lacks %q", shell, want)
			}
		}
		if shell == "bash" {
			if bash, err := exec.LookPath("bash"); err == nil {
				cmd := exec.Command(bash, "-n")
				cmd.Stdin = strings.NewReader(script)
				if out, err := cmd.CombinedOutput(); err != nil {
					t.Errorf("bash -n: %v %s", err, out)
				}
			}
		}
	}
	if code, _, stderr := runMain(t, "", "completion", "tcsh"); code != exitUsage || !strings.Contains(stderr, "bash, zsh or fish") {
		t.Errorf("completion tcsh: exit %d, %q", code, stderr)
	}
}

// TestManPage: `analyze man` (make man) is a man(7) page made from the
// help texts: every command and its flags; groff, when here, reads it
// without a warning.
func TestManPage(t *testing.T) {
	code, page, stderr := runMain(t, "", "man")
	if code != 0 || stderr != "" || !strings.HasPrefix(page, ".TH ANALYZE 1 ") {
		t.Fatalf("man: exit %d, %q, %.40q", code, stderr, page)
	}
	for _, want := range []string{".SS run\n", ".SS inspect\n", ".SS trends\n", ".SS completion\n", "  --out string\n", "  --pair ZH,EN\n", "exit codes:"} {
		if !strings.Contains(page, want) {
			t.Errorf("the man page lacks %q", want)
		}
	}
	if groff, err := exec.LookPath("groff"); err == nil {
		cmd := exec.Command(groff, "-man", "-Tutf8", "-ww", "-z")
		cmd.Stdin = strings.NewReader(page)
		if out, err := cmd.CombinedOutput(); err != nil || len(out) > 0 {
			t.Errorf("groff: %v %s", err, out)
		}
	}
}
