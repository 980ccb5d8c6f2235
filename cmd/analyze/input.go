package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/issuelens/analyze/analyze"
	"github.com/issuelens/analyze/analyze/lexicon"
	"github.com/issuelens/analyze/internal/workers"
)

// withInput opens an input, "-" being standard input, hands it to use with
// the name it goes by, and returns the SHA-256 and size of what use read.
// A file that changes size while it is read is an input error: its counts
// would be of neither version. Opening and reading give way to ctx, also
// on a pipe or a FIFO that no one writes to.
func withInput(ctx context.Context, path string, stdin io.Reader, use func(r io.Reader, name string) error) (string, int64, error) {
	if err := ctx.Err(); err != nil {
		return "", 0, err
	}
	in, name, mayBlock := stdin, "-", true
	var f *os.File
	var st os.FileInfo
	if path != "-" {
		var err error
		if f, st, err = openInput(ctx, path); err != nil {
			if ctx.Err() != nil {
				return "", 0, ctx.Err()
			}
			return "", 0, &analyze.InputError{File: path, Err: err}
		}
		defer f.Close()
		in, name, mayBlock = f, filepath.Base(path), !st.Mode().IsRegular()
	}
	h := &hashCounter{h: sha256.New()}
	err := use(io.TeeReader(newCtxReader(ctx, in, mayBlock), h), name)
	if err != nil && ctx.Err() != nil {
		return "", 0, ctx.Err() // the reader words it as a read error
	}
	if err == nil && f != nil && st.Mode().IsRegular() {
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

// loadLexicon reads the lexicon file (the default for "") and makes a
// reader that knows its venues.
func loadLexicon(ctx context.Context, path string) (*lexicon.Lexicon, *analyze.Reader, error) {
	lex, err := parseLexicon(ctx, path)
	if err != nil {
		return nil, nil, err
	}
	rd, err := analyze.NewReader(analyze.VenuesOf(lex))
	return lex, rd, err
}

// parseLexicon reads the lexicon file at path (the default for ""),
// giving way to ctx while it is opened and read.
func parseLexicon(ctx context.Context, path string) (*lexicon.Lexicon, error) {
	if path == "" {
		return lexicon.Default()
	}
	f, st, err := openInput(ctx, path)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		msg := err.Error()
		if strings.HasPrefix(msg, "is a directory") {
			msg = "is a directory, not a lexicon file"
		}
		return nil, &lexicon.ParseError{File: path, Msg: msg}
	}
	defer f.Close()
	lex, err := lexicon.Parse(newCtxReader(ctx, f, !st.Mode().IsRegular()), path)
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	return lex, err
}

// withTemplate returns rd dropping the text the inputs' web pages repeat
// (analyze.Template): it reads each input file that is web pages once
// to find their pages, in parallel, and rd as it is when they hold too
// few. Standard input and other streams cannot be read twice and are
// not scanned; an input the scan cannot read is left for the reading
// proper to report.
func withTemplate(ctx context.Context, rd *analyze.Reader, paths []string) (*analyze.Reader, *analyze.Template, error) {
	found := make([][][]string, len(paths))
	err := workers.Each(ctx, len(paths), func(i int) error {
		if paths[i] == "-" {
			return nil
		}
		f, st, err := openInput(ctx, paths[i])
		if err != nil {
			return nil
		}
		defer f.Close()
		if st.Mode().IsRegular() {
			found[i], _ = rd.ScanPages(newCtxReader(ctx, f, false), filepath.Base(paths[i]))
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	t := analyze.NewTemplate(slices.Concat(found...))
	if t.Pages() == 0 {
		return rd, nil, nil
	}
	return rd.WithTemplate(t), t, nil
}

// loadReference reads a reference corpus: a frequency list as analyze
// writes one (.tsv.gz), or texts (a file, or a folder's .txt files),
// counted in the language given (--lang; auto: the script of the texts).
func loadReference(path, lang string) (*analyze.Reference, error) {
	if strings.HasSuffix(path, ".tsv.gz") {
		f, err := os.Open(path)
		if err != nil {
			return nil, &analyze.InputError{File: path, Msg: describeOpenError(err)}
		}
		defer f.Close()
		ref, err := analyze.ReadReference(f)
		if err != nil {
			return nil, &analyze.InputError{File: path, Err: err}
		}
		return ref, nil
	}
	files, _, err := expandInputs([]string{path})
	if err != nil {
		return nil, err
	}
	var text strings.Builder
	for _, f := range files {
		if !strings.EqualFold(filepath.Ext(f), ".txt") {
			continue // a saved web page's text is not a corpus's
		}
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, &analyze.InputError{File: f, Msg: describeOpenError(err)}
		}
		if !utf8.Valid(b) {
			return nil, &analyze.InputError{File: f, Msg: "a reference text must be UTF-8"}
		}
		text.Write(b)
		text.WriteByte('\n')
	}
	if text.Len() == 0 {
		return nil, &analyze.InputError{File: path, Msg: "no text to count as a reference (.txt files, or a .tsv.gz frequency list)"}
	}
	code := lang
	if code == "auto" || code == "" {
		code = analyze.DetectLanguage([]byte(text.String()[:min(text.Len(), 64<<10)]))
	}
	l, err := analyze.NewLanguage(code)
	if err != nil {
		return nil, &usageError{"--reference: " + err.Error()}
	}
	return analyze.BuildReference(l, filepath.Base(path), text.String()), nil
}
