package main

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

// repoRoot is the repository, from this package's directory.
const repoRoot = "../.."

// TestUsageDocMatchesHelp: docs/usage.md names every command `analyze
// help` knows and, in its table for each command, every flag of that
// command, and nothing else.
func TestUsageDocMatchesHelp(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(repoRoot, "docs/usage.md"))
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	block := doc[strings.Index(doc, "```\nanalyze ")+4:]
	block = block[:strings.Index(block, "```")]
	var cmds []string
	for _, line := range strings.Split(block, "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[0] == "analyze" && !slices.Contains(cmds, f[1]) {
			cmds = append(cmds, f[1])
		}
	}
	if got, want := sorted(cmds), sorted(commands()); !slices.Equal(got, want) {
		t.Errorf("docs/usage.md lists the commands %v; analyze help has %v", got, want)
	}
	flagName := regexp.MustCompile("`(--[a-z-]+|-v)\\b")
	tables := map[string][]string{}
	cmd := ""
	for _, line := range strings.Split(doc, "\n") {
		if m := regexp.MustCompile("^\\| flag of `([a-z]+)` \\|").FindStringSubmatch(line); m != nil {
			cmd = m[1]
			continue
		}
		if !strings.HasPrefix(line, "| `-") {
			if !strings.HasPrefix(line, "|") {
				cmd = ""
			}
			continue
		}
		first := strings.Split(line, " | ")[0]
		for _, m := range flagName.FindAllStringSubmatch(first, -1) {
			tables[cmd] = append(tables[cmd], strings.TrimLeft(m[1], "-"))
		}
	}
	sets := map[string]func(io.Writer) (*flag.FlagSet, error){
		"run":     func(w io.Writer) (*flag.FlagSet, error) { fs, _ := runFlags(w); return fs, nil },
		"inspect": func(w io.Writer) (*flag.FlagSet, error) { fs, _ := inspectFlags(w); return fs, nil },
		"history": func(w io.Writer) (*flag.FlagSet, error) { fs, _ := historyFlags(w, "history"); return fs, nil },
		"trends":  func(w io.Writer) (*flag.FlagSet, error) { fs, _ := historyFlags(w, "trends"); return fs, nil },
	}
	for name, make := range sets {
		fs, _ := make(io.Discard)
		var want []string
		fs.VisitAll(func(f *flag.Flag) { want = append(want, f.Name) })
		if got := sorted(tables[name]); !slices.Equal(got, sorted(want)) {
			t.Errorf("docs/usage.md's flags of %s: %v; analyze help %s: %v", name, got, name, sorted(want))
		}
	}
	for name := range tables {
		if sets[name] == nil {
			t.Errorf("docs/usage.md has a flag table for %q, which has no flags", name)
		}
	}
}

// TestDocsNamesExist: every file, test and function the README and docs/
// name in code spans exists: repository paths (`analyze/read.go`,
// `scripts/bench-shapes.sh`), tests and benchmarks (`TestHandCounts`),
// a package's identifiers (`analyze.Open`), and a name given with its
// file (`typeface` (`charts/look.go`)).
func TestDocsNamesExist(t *testing.T) {
	docs, _ := filepath.Glob(filepath.Join(repoRoot, "docs/*.md"))
	docs = append(docs, filepath.Join(repoRoot, "README.md"))
	var tests, goFiles []string
	filepath.WalkDir(repoRoot, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() && (d.Name() == "third_party" || d.Name() == ".git" || d.Name() == "out") {
			return filepath.SkipDir
		}
		if strings.HasSuffix(p, ".go") {
			goFiles = append(goFiles, p)
		}
		return nil
	})
	source := map[string]string{} // file → text
	for _, p := range goFiles {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		source[p] = string(b)
		if strings.HasSuffix(p, "_test.go") {
			for _, m := range regexp.MustCompile(`(?m)^func ((?:Test|Benchmark|Fuzz|Example)\w*)\(`).FindAllStringSubmatch(string(b), -1) {
				tests = append(tests, m[1])
			}
		}
	}
	defines := func(dir, name string) bool {
		for p, text := range source {
			if filepath.Dir(p) == filepath.Join(repoRoot, dir) && !strings.HasSuffix(p, "_test.go") && declares(text, name) {
				return true
			}
		}
		return false
	}
	checked := 0
	span := regexp.MustCompile("`([^`\n]+)`")
	withFile := regexp.MustCompile("`([A-Za-z_]\\w*)`(?: \\(| in )`([\\w/.-]+\\.go)`")
	packages := map[string]string{"analyze": "analyze", "report": "report", "charts": "charts", "history": "history", "lexicon": "analyze/lexicon"}
	for _, doc := range docs {
		b, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		name := filepath.Base(doc)
		for _, m := range span.FindAllStringSubmatch(text, -1) {
			s := m[1]
			checked++
			switch {
			case regexp.MustCompile(`^(?:analyze|cmd|report|charts|history|internal|scripts|testdata|\.ci)/[\w/.-]*$`).MatchString(s) &&
				(strings.HasSuffix(s, "/") || regexp.MustCompile(`\.(go|sh|tsv|yaml|golden|txt|truth|gz|md)$`).MatchString(s)):
				if _, err := os.Stat(filepath.Join(repoRoot, s)); err != nil {
					t.Errorf("%s names %s: no such file", name, s)
				}
			case regexp.MustCompile(`^(?:Test|Benchmark|Fuzz)[A-Z]\w*$`).MatchString(s):
				if !slices.Contains(tests, s) {
					t.Errorf("%s names %s: no such test", name, s)
				}
			case regexp.MustCompile(`^(analyze|report|charts|history|lexicon)\.[A-Z]\w*(\.\w+)?$`).MatchString(s):
				parts := strings.Split(s, ".")
				if !defines(packages[parts[0]], parts[len(parts)-1]) {
					t.Errorf("%s names %s: not defined in %s", name, s, packages[parts[0]])
				}
			}
		}
		for _, m := range withFile.FindAllStringSubmatch(text, -1) {
			src, ok := source[filepath.Join(repoRoot, m[2])]
			if !ok {
				t.Errorf("%s names %s: no such file", name, m[2])
			} else if !declares(src, m[1]) {
				t.Errorf("%s names %s in %s: not declared there", name, m[1], m[2])
			}
		}
	}
	if checked < 500 {
		t.Errorf("%d code spans read in the docs; want them all", checked)
	}
}

// declares reports whether Go source src declares name: a function or
// method, a type, a variable, a constant or a struct field.
func declares(src, name string) bool {
	q := regexp.QuoteMeta(name)
	return regexp.MustCompile(`(?m)^(?:func (?:\([^)]*\) )?` + q + `\b|type ` + q + `\b|(?:var|const) ` + q + `\b|\t` + q + `\s+[\w*\[\]{}.]|\t` + q + `\s+=)`).MatchString(src)
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	sort.Strings(s)
	return slices.Compact(s)
}
