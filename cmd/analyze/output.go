package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"sync"

	"github.com/issuelens/analyze/report"
)

// writeDir writes a report directory atomically: every file goes into a
// temporary directory beside dir, which replaces dir only when all are
// written. On any failure dir is left as it was and the temporary
// directory is removed.
func writeDir(ctx context.Context, dir string, files map[string]func(io.Writer) error) error {
	tmp, err := stageDir(ctx, dir, files)
	if err != nil {
		return err
	}
	if err := replaceDir(tmp, dir); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	return nil
}

// stageDir writes a report directory's files into a new temporary
// directory beside dir and returns it; on failure nothing is left.
func stageDir(ctx context.Context, dir string, files map[string]func(io.Writer) error) (tmp string, err error) {
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		return "", fmt.Errorf("%s: output path is a file, not a directory", dir)
	}
	parent := filepath.Dir(filepath.Clean(dir))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", fmt.Errorf("%s: cannot create output directory: %w", parent, unwrapPath(err))
	}
	tmp, err = os.MkdirTemp(parent, "."+filepath.Base(dir)+".tmp-")
	if err != nil {
		return "", fmt.Errorf("%s: cannot write output: %w", parent, unwrapPath(err))
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if err = ctx.Err(); err != nil {
			return "", err
		}
		if err = writeFile(filepath.Join(tmp, name), files[name]); err != nil {
			return "", fmt.Errorf("%s: %w", filepath.Join(dir, name), err)
		}
	}
	if err = os.Chmod(tmp, 0o755); err != nil {
		return "", err
	}
	if err = ctx.Err(); err != nil {
		return "", err
	}
	return tmp, nil
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
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// replaceDir moves tmp to dir, setting aside and then removing an old dir.
func replaceDir(tmp, dir string) error {
	old := ""
	if _, err := os.Stat(dir); err == nil {
		o, err := os.MkdirTemp(filepath.Dir(dir), "."+filepath.Base(dir)+".old-")
		if err != nil {
			return fmt.Errorf("%s: cannot replace: %w", dir, unwrapPath(err))
		}
		os.Remove(o)
		if err := os.Rename(dir, o); err != nil {
			return fmt.Errorf("%s: cannot replace: %w", dir, unwrapPath(err))
		}
		old = o
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			os.Rename(old, dir)
		}
		return fmt.Errorf("%s: cannot write: %w", dir, unwrapPath(err))
	}
	if old != "" {
		os.RemoveAll(old)
	}
	return nil
}

// unwrapPath drops the path an *os.PathError repeats, since messages
// name the path themselves.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// spoolFiles are the temporary files a run spools tables to; inputs
// read in parallel add to them.
type spoolFiles struct {
	mu    sync.Mutex
	files []*os.File
}

// newSpool makes a temporary file (in $TMPDIR) to spool rows to, removed
// with the others when the run ends.
func newSpool(fs *spoolFiles) (*report.Spool, error) {
	f, err := os.CreateTemp("", "analyze-spool-*.csv")
	if err != nil {
		return nil, fmt.Errorf("temporary file: %w", err)
	}
	fs.mu.Lock()
	fs.files = append(fs.files, f)
	fs.mu.Unlock()
	return report.NewSpool(f), nil
}

func (fs *spoolFiles) remove() {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	for _, f := range fs.files {
		f.Close()
		os.Remove(f.Name())
	}
	fs.files = nil
}
