package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/issuelens/analyze/analyze"
	"github.com/issuelens/analyze/history"
	"github.com/issuelens/analyze/internal/workers"
	"github.com/issuelens/analyze/report"
)

// output is one report directory to write: its files by relative path.
type output struct {
	dir   string
	files map[string]func(io.Writer) error
	// wait, if set, gives the files when they are ready (the corpus
	// report, merged while the others are written)
	wait func(context.Context) (map[string]func(io.Writer) error, error)
	// staged, if set, is told when the report is written aside (for the
	// progress bar)
	staged func()
}

// commit writes the reports of a run under root (whose lock the caller
// holds) and records its issues in the store (nil for none), so that
// either all of it is in place or none (see replace.go): staged aside,
// journaled, swapped in, recorded, then the old reports removed. On a
// failure the previous reports and the store are as they were.
func commit(ctx context.Context, root, run string, outs []output, store *history.Store, issues []history.Issue) (err error) {
	absRoot, err := filepath.Abs(root)
	if err != nil {
		return err
	}
	j := &journal{path: journalPath(absRoot), Run: run}
	if store != nil {
		if j.History, err = filepath.Abs(store.Path()); err != nil {
			return err
		}
	}
	defer func() {
		if err != nil {
			for _, r := range j.Reports {
				if exists(r.New) {
					os.RemoveAll(r.New)
				}
			}
		}
	}()
	// the reports are staged on all cores, each a directory of its own
	j.Reports = make([]swapped, len(outs))
	staged := make([]bool, len(outs))
	err = workers.Each(ctx, len(outs), func(i int) error {
		o := outs[i]
		dir, err := filepath.Abs(o.dir)
		if err != nil {
			return err
		}
		files := o.files
		if o.wait != nil {
			if files, err = o.wait(ctx); err != nil {
				return err
			}
		}
		hadOld := exists(dir)
		tmp, err := stage(ctx, dir, run, files)
		if err != nil {
			return err
		}
		staged[i] = true
		if o.staged != nil {
			o.staged()
		}
		j.Reports[i] = swapped{Dir: dir, New: tmp, Old: stagingName(dir, "old", run), HadOld: hadOld}
		return nil
	})
	if err != nil {
		for i, ok := range staged {
			if ok {
				os.RemoveAll(j.Reports[i].New)
			}
		}
		j.Reports = nil
		return err
	}
	if err := j.write(); err != nil {
		return err
	}
	if err := j.swap(); err != nil {
		return errors.Join(err, j.rollBack())
	}
	if store != nil {
		if err := store.Record(ctx, run, issues); err != nil {
			return errors.Join(fmt.Errorf("history: %w", err), j.rollBack())
		}
	}
	return j.finish()
}

// spoolFiles are the temporary files a run spools tables to; inputs
// read in parallel add to them.
type spoolFiles struct {
	mu    sync.Mutex
	files []*os.File
}

// newSpool makes a temporary file (see tempFile) to spool rows to, closed
// with the others when the run ends.
func newSpool(fs *spoolFiles) (*report.Spool, error) {
	f, err := tempFile("analyze-spool-*.csv")
	if err != nil {
		return nil, err
	}
	fs.mu.Lock()
	fs.files = append(fs.files, f)
	fs.mu.Unlock()
	return report.NewSpool(f), nil
}

// tempFile makes an empty temporary file in $TMPDIR, unlinked at once:
// the open file is all it is for, and a run that is killed leaves nothing
// behind in $TMPDIR.
func tempFile(pattern string) (*os.File, error) {
	f, err := os.CreateTemp("", pattern)
	if err != nil {
		return nil, fmt.Errorf("temporary file: %w", err)
	}
	if err := os.Remove(f.Name()); err != nil {
		f.Close()
		return nil, fmt.Errorf("temporary file: %w", err)
	}
	return f, nil
}

// writeWorkbook is report.WriteWorkbook with the workbook's parts waiting
// in a temporary file, not in memory, until they are written in order.
func writeWorkbook(w io.Writer, res *analyze.Result, tables []report.Table, st *report.StructureSheet, prov report.Provenance, look report.Look) error {
	scratch, err := tempFile("analyze-xlsx-*.zip")
	if err != nil {
		return err
	}
	defer scratch.Close()
	return report.WriteWorkbook(w, scratch, res, tables, st, prov, look)
}

func (fs *spoolFiles) remove() {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	for _, f := range fs.files {
		f.Close()
	}
	fs.files = nil
}
