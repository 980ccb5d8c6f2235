package main

import (
	"archive/zip"
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/issuelens/analyze/history"
	"github.com/issuelens/analyze/internal/workers"
)

// How a run puts its reports in place, so that it never deletes what
// analyze did not write and a run that fails or is killed leaves the
// reports and the history as they were, or finished:
//
//  1. checkOutput: a report directory that exists is replaced only when it
//     carries analyze's mark, the manifest .analyze-manifest listing every
//     file analyze wrote there (or has the shape of a report of a version
//     before manifests); an empty directory, which holds nothing to lose.
//  2. stage: every report is written whole into .NAME.tmp-RUN beside it,
//     its manifest first.
//  3. a journal, .ROOT.journal beside the output, lists the swaps to come
//     and the history store that will record the run.
//  4. swap: each NAME becomes .NAME.old-RUN and .NAME.tmp-RUN becomes NAME.
//  5. the history records the run's issues and its id in one transaction:
//     the commit point. If it fails, the swaps are undone.
//  6. finish: the old reports and the journal are removed.
//
// A later run on the same output (holding its lock) first reads a
// journal left by a killed run: if the history holds that run's id (or
// it kept none) the swaps are finished, else undone; then it sweeps the
// staging and old directories that a killed run left.

// manifestName is the file that marks a directory as a report analyze
// wrote; it lists the files analyze wrote there.
const manifestName = ".analyze-manifest"

// manifestHead is the manifest's first line.
const manifestHead = "# analyze report: the files analyze wrote here; analyze replaces this directory only while it holds no others"

// notOursError is an output directory analyze will not replace.
type notOursError struct{ dir, why string }

func (e *notOursError) Error() string {
	return fmt.Sprintf("%s: %s; analyze replaces only the report directories it wrote (marked by %s): choose another --out", e.dir, e.why, manifestName)
}

// checkOutput says whether dir may be replaced by a report: it is
// missing, empty (nothing to lose: `mkdir -p reports/$(date +%F)` before a
// run is a cron habit), or analyze's own (see owned).
func checkOutput(dir string) error {
	st, err := os.Lstat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("%s: cannot read the output directory: %w", dir, unwrapPath(err))
	case st.Mode()&fs.ModeSymlink != 0:
		return &notOursError{dir, "is a symbolic link"}
	case !st.IsDir():
		return fmt.Errorf("%s: output path is a file, not a directory", dir)
	}
	files, err := listFiles(dir)
	if err != nil {
		return fmt.Errorf("%s: cannot read the output directory: %w", dir, unwrapPath(err))
	}
	if len(files) == 0 {
		return nil
	}
	if why := owned(dir, files); why != "" {
		return &notOursError{dir, why}
	}
	return nil
}

// owned returns "" when a directory holding files (relative paths) is a
// report analyze wrote, else why it is not.
func owned(dir string, files []string) string {
	listed, err := readManifest(filepath.Join(dir, manifestName))
	if errors.Is(err, fs.ErrNotExist) {
		if !legacyReport(files) {
			return fmt.Sprintf("exists and was not written by analyze (it holds %s and no %s)", files[0], manifestName)
		}
		if why := legacyFiles(dir, files); why != "" {
			return fmt.Sprintf("exists and was not written by analyze (it holds no %s, and %s)", manifestName, why)
		}
		return ""
	}
	if err != nil {
		return fmt.Sprintf("has a %s analyze cannot read (%v)", manifestName, err)
	}
	for _, f := range files {
		if f != manifestName && !listed[f] {
			return fmt.Sprintf("holds %s, which analyze did not write there (move it out first)", f)
		}
	}
	return ""
}

// legacyReport is whether files have the shape of a report written
// before reports carried a manifest: a workbook with its data tables or
// its trend chart, and nothing else.
func legacyReport(files []string) bool {
	has := map[string]bool{}
	for _, f := range files {
		switch d, ext := filepath.Dir(f), filepath.Ext(f); {
		case f == "report.xlsx" || f == "trends.xlsx":
		case d == "data" && ext == ".csv":
		case d == "charts" && (ext == ".png" || ext == ".svg"):
		default:
			return false
		}
		has[f] = true
	}
	return has["report.xlsx"] && has["data/articles.csv"] || has["trends.xlsx"] && has["charts/formulation_trend.png"]
}

// legacyFiles returns "" when the files of a directory of a report's
// shape from before manifests (legacyReport) are analyze's, else which is
// not and why: a workbook must be a zip that analyze made (every workbook
// analyze wrote names it as its application in docProps/app.xml), and a
// CSV one of analyze's tables, starting with the header analyze wrote for
// it before manifests (legacyHeaders). Charts are not read.
func legacyFiles(dir string, files []string) string {
	for _, f := range files {
		path := filepath.Join(dir, filepath.FromSlash(f))
		switch filepath.Ext(f) {
		case ".xlsx":
			if why := ourWorkbook(path); why != "" {
				return "its " + f + " " + why
			}
		case ".csv":
			headers, ok := legacyHeaders()[filepath.Base(f)]
			if !ok {
				return "its " + f + " is not a table analyze writes"
			}
			if first, err := fileFirstLine(path); err != nil || !slices.Contains(headers, first) {
				return fmt.Sprintf("its %s does not start with a header analyze wrote for %s", f, filepath.Base(f))
			}
		}
	}
	return ""
}

// ourWorkbook returns "" when the file at path is a workbook analyze
// wrote, else why it is not.
func ourWorkbook(path string) string {
	z, err := zip.OpenReader(path)
	if err != nil {
		return "is not a workbook (not a zip file)"
	}
	defer z.Close()
	var props struct {
		Application string `xml:"Application"`
	}
	if _, err := fs.Stat(z, "xl/workbook.xml"); err != nil {
		return "is not a workbook (a zip file without xl/workbook.xml)"
	}
	f, err := z.Open("docProps/app.xml")
	if err != nil {
		return "is a workbook no program names itself in, not analyze"
	}
	defer f.Close()
	if err := xml.NewDecoder(io.LimitReader(f, 1<<16)).Decode(&props); err != nil || props.Application == "" {
		return "is a workbook no program names itself in, not analyze"
	}
	if !strings.HasPrefix(props.Application, "analyze ") {
		return fmt.Sprintf("is a workbook made by %q, not analyze", props.Application)
	}
	return ""
}

// fileFirstLine is a file's first line, without its line end; at most 4 KB
// are read.
func fileFirstLine(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	line, err := bufio.NewReader(io.LimitReader(f, 4096)).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", err
	}
	return strings.TrimSuffix(line, "\n"), nil
}

// legacyHeaders are the headers of each CSV table that analyze wrote
// before reports carried a manifest, from the first workbook (0c88eac) to
// the manifest (6786421): a table of a report of those versions starts
// with one of them. They are history: a header of today's tables does not
// belong here, since today's reports carry a manifest.
func legacyHeaders() map[string][]string {
	return map[string][]string{
		"articles.csv": {
			"article,date,venue,headline,paragraphs,sentences,tokens,captions",
			"article,date,venue,headline,paragraphs,sentences,tokens,captions,issue"},
		"mentions.csv": {
			"article,date,venue,part,paragraph,sentence,theme,phrase,matched,left,right,line",
			"article,date,venue,part,paragraph,sentence,theme,phrase,matched,left,right,line,issue"},
		"phrase_counts.csv": {
			"date,venue,theme,phrase,count,tokens,per_1000",
			"date,venue,theme,phrase,count,tokens,per_1000,issue"},
		"themes.csv": {
			"date,venue,theme,count,tokens,per_1000",
			"date,venue,theme,count,tokens,per_1000,issue"},
		"cooccurrence.csv": {
			"scope,window,theme_a,theme_b,count,expected,pmi,npmi,llr,jaccard,article,paragraph,sentence,evidence,part,windows_a,windows_b,windows",
			"scope,window,theme_a,theme_b,count,expected,pmi,npmi,llr,jaccard,article,paragraph,sentence,evidence,part,windows_a,windows_b,windows,issue"},
		"discovered.csv": {
			"phrase,count,articles,score,measure,in_lexicon,example",
			"phrase,count,articles,score,measure,in_lexicon,example,example_issue,example_article",
			"phrase,count,articles,score,measure,in_lexicon,example,example_issue,example_article,new_this_issue"},
		"keyness.csv": {
			"group,phrase,count_target,count_reference,llr,log_ratio,kind,tokens_target,tokens_reference,p_value,expected_below_5"},
		"structure.csv": {
			"article,date,venue,part,paragraph,line,copies,text,issue"},
	}
}

// listFiles lists the files below dir (slash-separated, sorted); a
// directory counts only through its files.
func listFiles(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		out = append(out, filepath.ToSlash(rel))
		return nil
	})
	sort.Strings(out)
	return out, err
}

func readManifest(path string) (map[string]bool, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	if lines[0] != manifestHead {
		return nil, errors.New("not a manifest of analyze")
	}
	listed := map[string]bool{}
	for _, l := range lines[1:] {
		listed[l] = true
	}
	return listed, nil
}

func writeManifest(path string, names []string) error {
	var b strings.Builder
	b.WriteString(manifestHead + "\n")
	for _, n := range names {
		b.WriteString(filepath.ToSlash(n) + "\n")
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// stage writes a report's files into a new directory .NAME.tmp-RUN beside
// dir, the manifest first, and returns it; on failure nothing is left.
func stage(ctx context.Context, dir, run string, files map[string]func(io.Writer) error) (string, error) {
	parent := filepath.Dir(filepath.Clean(dir))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", fmt.Errorf("%s: cannot create output directory: %w", parent, unwrapPath(err))
	}
	tmp := stagingName(dir, "tmp", run)
	if err := os.Mkdir(tmp, 0o755); err != nil {
		return "", fmt.Errorf("%s: cannot write output: %w", parent, unwrapPath(err))
	}
	if err := writeStaged(ctx, tmp, dir, files); err != nil {
		os.RemoveAll(tmp)
		return "", err
	}
	return tmp, nil
}

func writeStaged(ctx context.Context, tmp, dir string, files map[string]func(io.Writer) error) error {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	if err := writeManifest(filepath.Join(tmp, manifestName), names); err != nil {
		return fmt.Errorf("%s: %w", filepath.Join(dir, manifestName), unwrapPath(err))
	}
	// the files on all cores: the workbook first, the longest to write
	// (it waits for the charts at its last sheet), then the tables, then
	// the charts, whose first draws them all
	names = slices.Clone(names)
	sort.SliceStable(names, func(a, b int) bool {
		rank := func(n string) int {
			switch {
			case n == workbookName:
				return 0
			case strings.HasPrefix(n, "charts"+string(filepath.Separator)):
				return 2
			}
			return 1
		}
		return rank(names[a]) < rank(names[b])
	})
	return workers.Each(ctx, len(names), func(i int) error {
		if err := writeFile(filepath.Join(tmp, names[i]), files[names[i]]); err != nil {
			return fmt.Errorf("%s: %w", filepath.Join(dir, names[i]), err)
		}
		return nil
	})
}

func writeFile(path string, write func(io.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return unwrapPath(err)
	}
	f, err := os.Create(path)
	if err != nil {
		return unwrapPath(err)
	}
	bw := bufio.NewWriter(f)
	if err := write(bw); err != nil {
		f.Close()
		return unwrapPath(err)
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return unwrapPath(err)
	}
	return unwrapPath(f.Close())
}

// stagingName is the name of dir's staging ("tmp") or set-aside ("old")
// directory for a run: .NAME.KIND-RUN beside it.
func stagingName(dir, kind, run string) string {
	dir = filepath.Clean(dir)
	return filepath.Join(filepath.Dir(dir), "."+filepath.Base(dir)+"."+kind+"-"+run)
}

// newRunID is a random id for a run.
func newRunID() string {
	var b [8]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// journal is what a run is about to do to put its reports in place.
type journal struct {
	path    string
	Run     string    `json:"run"`
	History string    `json:"history,omitempty"` // the store that records the run; "" for none
	Reports []swapped `json:"reports"`
}

// swapped is one report directory being replaced.
type swapped struct {
	Dir    string `json:"dir"`
	New    string `json:"new"`     // the staged report
	Old    string `json:"old"`     // where the previous report is set aside
	HadOld bool   `json:"had_old"` // whether there was a previous report
}

// journalPath is where the journal of an output root is kept: beside it,
// with its lock.
func journalPath(root string) string {
	root = filepath.Clean(root)
	return filepath.Join(filepath.Dir(root), "."+filepath.Base(root)+".journal")
}

// write puts the journal in place whole.
func (j *journal) write() error {
	data, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		return err
	}
	tmp := j.path + ".new"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("%s: %w", j.path, unwrapPath(err))
	}
	if err := os.Rename(tmp, j.path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("%s: %w", j.path, unwrapPath(err))
	}
	return nil
}

func readJournal(path string) (*journal, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	j := &journal{path: path}
	if err := json.Unmarshal(data, j); err != nil {
		return nil, fmt.Errorf("%s: not a journal of analyze: %w", path, err)
	}
	return j, nil
}

// swap sets each previous report aside and moves each staged one in.
func (j *journal) swap() error {
	for _, r := range j.Reports {
		if r.HadOld {
			if err := os.Rename(r.Dir, r.Old); err != nil {
				return fmt.Errorf("%s: cannot replace: %w", r.Dir, unwrapPath(err))
			}
		}
		if err := os.Rename(r.New, r.Dir); err != nil {
			return fmt.Errorf("%s: cannot write: %w", r.Dir, unwrapPath(err))
		}
	}
	return nil
}

// rollBack undoes the swaps that happened, from the state of the files:
// a staged directory still there was not moved in.
func (j *journal) rollBack() error {
	var first error
	keep := func(err error) {
		if err != nil && first == nil {
			first = err
		}
	}
	for i := len(j.Reports) - 1; i >= 0; i-- {
		r := j.Reports[i]
		if exists(r.New) {
			keep(os.RemoveAll(r.New))
		} else {
			keep(os.RemoveAll(r.Dir)) // the new report
		}
		if r.HadOld && exists(r.Old) && !exists(r.Dir) {
			keep(os.Rename(r.Old, r.Dir))
		}
	}
	if first == nil {
		first = j.remove()
	}
	return first
}

// rollForward finishes the swaps and removes the previous reports.
func (j *journal) rollForward() error {
	for _, r := range j.Reports {
		if exists(r.New) {
			if r.HadOld && exists(r.Dir) && !exists(r.Old) {
				if err := os.Rename(r.Dir, r.Old); err != nil {
					return fmt.Errorf("%s: cannot replace: %w", r.Dir, unwrapPath(err))
				}
			}
			if err := os.Rename(r.New, r.Dir); err != nil {
				return fmt.Errorf("%s: cannot write: %w", r.Dir, unwrapPath(err))
			}
		}
	}
	return j.finish()
}

// finish removes the previous reports, then the journal.
func (j *journal) finish() error {
	for _, r := range j.Reports {
		if r.HadOld {
			if err := os.RemoveAll(r.Old); err != nil {
				return fmt.Errorf("%s: %w", r.Old, unwrapPath(err))
			}
		}
	}
	return j.remove()
}

func (j *journal) remove() error {
	if err := os.Remove(j.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: %w", j.path, unwrapPath(err))
	}
	return nil
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// recoverOutput finishes or undoes what a killed run left at an output
// root (the caller holds its lock), then sweeps the staging and old
// directories of killed runs beside the report directories dirs. It
// returns what it did, for -v.
func recoverOutput(ctx context.Context, root string, dirs []string) (string, error) {
	did := ""
	j, err := readJournal(journalPath(root))
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return "", err
	default:
		committed := true
		if j.History != "" {
			committed, err = recordedRun(ctx, j.History, j.Run)
			if err != nil {
				return "", fmt.Errorf("%s: cannot tell whether the interrupted run %s was recorded: %w", j.path, j.Run, err)
			}
		}
		if committed {
			err, did = j.rollForward(), "finished the reports of interrupted run "+j.Run
		} else {
			err, did = j.rollBack(), "restored the reports an interrupted run "+j.Run+" was replacing"
		}
		if err != nil {
			return "", fmt.Errorf("%s: recovering from interrupted run %s: %w", j.path, j.Run, err)
		}
	}
	n := sweep(dirs)
	if n > 0 {
		if did != "" {
			did += "; "
		}
		did += fmt.Sprintf("removed %d staging director%s left by interrupted runs", n, plural(n, "y", "ies"))
	}
	return did, nil
}

// recordedRun says whether the store at path recorded the run.
func recordedRun(ctx context.Context, path, run string) (bool, error) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	s, err := history.OpenExisting(ctx, path)
	if err != nil {
		return false, err
	}
	defer s.Close()
	return s.HasRun(ctx, run)
}

// sweep removes the staging and set-aside directories that killed runs
// left beside the report directories dirs (.NAME.tmp-* and .NAME.old-*),
// each only when it is empty or a report analyze wrote.
func sweep(dirs []string) int {
	n := 0
	for _, dir := range dirs {
		dir = filepath.Clean(dir)
		var cands []string
		for _, kind := range []string{"tmp", "old"} {
			m, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), "."+globEscape(filepath.Base(dir))+"."+kind+"-*"))
			cands = append(cands, m...)
		}
		for _, c := range cands {
			if st, err := os.Lstat(c); err != nil || !st.IsDir() {
				continue
			}
			files, err := listFiles(c)
			if err != nil || len(files) > 0 && owned(c, files) != "" {
				continue
			}
			if os.RemoveAll(c) == nil {
				n++
			}
		}
	}
	return n
}

// globEscape quotes the characters filepath.Match treats as patterns.
func globEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `*`, `\*`, `?`, `\?`, `[`, `\[`)
	return r.Replace(s)
}

// plural picks a word's ending for n.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// count says how many of a thing: "1 article", "3 articles".
func count(n int, one, many string) string { return fmt.Sprintf("%d %s", n, plural(n, one, many)) }

// unwrapPath drops the path an *os.PathError repeats, since messages
// name the path themselves.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
