package analyze

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"html"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// line is one input line after decoding and normalisation.
type line struct {
	n    int // 1-based
	text string
}

// maxLine is the longest line the reader accepts (a whole scraped page can
// be one line).
const maxLine = 512 << 20

// lineReader normalises an input's text a line at a time: the input is
// never held whole. Its text comes decoded (Open), but for UTF-8 with
// stray lines that are not: each of those is decoded on its own, in the
// encoding the first of them shows (fallbackFor).
type lineReader struct {
	name     string
	br       *bufio.Reader
	long     []byte // a line longer than br's buffer, gathered
	n        int    // lines read
	enc      string
	fallback *encoding.Decoder // how: found at the first such line
	fbName   string
	badUTF8  int // lines decoded so
	firstBad int
	utf8Wide int // valid lines with non-ASCII characters
	nonblank bool
}

// newLineReader reads the text of an input opened by Open (in), from r:
// the input itself, or the text a page or Markdown was made into.
func newLineReader(r io.Reader, in *Input) *lineReader {
	return &lineReader{name: in.Name, br: bufio.NewReaderSize(r, 64<<10), enc: in.Encoding}
}

// errLongLine is a line of maxLine bytes or more.
var errLongLine = errors.New("line too long")

// readLine returns the bytes of the next line, which end at \n, \r\n or
// a lone \r (or the end of the input), without the line break; false at
// the end of the input. The bytes are good until the next call. A line
// longer than the reader's buffer is gathered in lr.long, let go of
// after the line when it is large: one long line does not keep its
// memory for the rest of the input.
func (lr *lineReader) readLine() ([]byte, bool, error) {
	if cap(lr.long) > 1<<20 {
		lr.long = nil
	}
	lr.long = lr.long[:0]
	gathered := false
	for {
		data, err := lr.br.Peek(1)
		if len(data) == 0 {
			if errors.Is(err, io.EOF) {
				return lr.long, gathered, nil
			}
			return nil, false, err
		}
		data, _ = lr.br.Peek(lr.br.Buffered())
		i := bytes.IndexAny(data, "\r\n")
		if i < 0 {
			lr.long = append(lr.long, data...)
			gathered = true
			lr.br.Discard(len(data))
			if len(lr.long) >= maxLine {
				return nil, false, errLongLine
			}
			continue
		}
		skip := i + 1
		if data[i] == '\r' {
			if i+1 == len(data) {
				// \r\n split by the buffer: see what follows
				lr.long = append(lr.long, data[:i]...)
				lr.br.Discard(skip)
				if next, _ := lr.br.Peek(1); len(next) == 1 && next[0] == '\n' {
					lr.br.Discard(1)
				}
				return lr.long, true, nil
			}
			if data[i+1] == '\n' {
				skip++
			}
		}
		b := data[:i]
		if gathered {
			lr.long = append(lr.long, b...)
			b = lr.long
		}
		if len(b) >= maxLine {
			return nil, false, errLongLine
		}
		lr.br.Discard(skip) // b stays good: Discard reads nothing
		return b, true, nil
	}
}

// next returns the next line, or false at the end of the input.
func (lr *lineReader) next() (line, bool, error) {
	b, ok, err := lr.readLine()
	switch {
	case errors.Is(err, errLongLine):
		return line{}, false, &InputError{File: lr.name, Line: lr.n + 1, Msg: fmt.Sprintf("line longer than %d MiB", maxLine>>20)}
	case err != nil:
		return line{}, false, &InputError{File: lr.name, Line: lr.n + 1, Msg: "cannot read", Err: err}
	case !ok:
		return line{}, false, nil
	}
	lr.n++
	n := lr.n
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return line{}, false, &InputError{File: lr.name, Line: n, Msg: "binary data (NUL byte), not a text issue"}
	}
	var text string
	if utf8.Valid(b) {
		text = string(b)
		if !isASCII(b) {
			lr.utf8Wide++
		}
	} else {
		if lr.badUTF8 == 0 {
			lr.firstBad = n
		}
		lr.badUTF8++
		if lr.fallback == nil {
			// the line and what is buffered after it show the encoding
			after, _ := lr.br.Peek(min(lr.br.Buffered(), 32<<10))
			enc, name := fallbackFor(append(append([]byte(nil), b...), after...))
			lr.fallback, lr.fbName = enc.NewDecoder(), name
		}
		dec, err := lr.fallback.Bytes(b)
		if err != nil {
			return line{}, false, &InputError{File: lr.name, Line: n, Msg: "undecodable text"}
		}
		text = string(dec)
	}
	if controlHeavy(text) {
		return line{}, false, &InputError{File: lr.name, Line: n, Msg: "binary data (control characters), not a text issue"}
	}
	text = normalizeLine(text)
	if text != "" {
		lr.nonblank = true
	}
	return line{n: n, text: text}, true, nil
}

// finish, after the last line, names the encoding and warns of lines
// that were not UTF-8; an input of blank lines only is an error.
func (lr *lineReader) finish() (string, []Warning, error) {
	if !lr.nonblank {
		return "", nil, &InputError{File: lr.name, Msg: "empty input (only blank lines)"}
	}
	if lr.badUTF8 == 0 {
		return lr.enc, nil, nil
	}
	enc := lr.fbName
	if lr.utf8Wide > 0 {
		enc = fmt.Sprintf("utf-8 with %d %s line(s)", lr.badUTF8, lr.fbName)
	}
	shown := strings.ToUpper(lr.fbName)
	if lr.fbName == "windows-1252" {
		shown = "Windows-1252"
	}
	return enc, []Warning{{Line: lr.firstBad, Msg: fmt.Sprintf(
		"not valid UTF-8 on %d line(s), first here; those lines were decoded as %s", lr.badUTF8, shown)}}, nil
}

// utf16Guess recognises UTF-16 without a byte-order mark from the pattern
// of zero bytes in ASCII-range text.
func utf16Guess(head []byte) *unicode.Endianness {
	if len(head) < 8 {
		return nil
	}
	var even, odd int
	for i, b := range head {
		if b == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	half := len(head) / 2
	le, be := unicode.LittleEndian, unicode.BigEndian
	switch {
	case odd > half*6/10 && even < half/20:
		return &le
	case even > half*6/10 && odd < half/20:
		return &be
	}
	return nil
}

// controlHeavy reports a line of which more than a tenth is C0 control
// characters other than tab and form feed: binary data that has no NULs.
func controlHeavy(s string) bool {
	ctl := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' && c != '\f' {
			ctl++
		}
	}
	return ctl > 4 && ctl*10 > len(s)
}

// normalizeLine decodes HTML entities, turns every kind of space into a
// plain space, drops zero-width characters and folds runs of space.
func normalizeLine(s string) string {
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch r {
		case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
			continue
		case '\t', '\f', '\v', '\u00a0', '\u2007', '\u202f', '\u3000', '\u2002', '\u2003', '\u2009', '\u200a':
			r = ' '
		}
		if r == ' ' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}
