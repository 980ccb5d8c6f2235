// Where a run's inputs come from and where their reports go: folders
// expanded, files skipped and why, report names.

package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/issuelens/analyze/analyze"
)

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
