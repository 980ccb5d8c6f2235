package analyze

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
)

// Format is a kind of input file: how its bytes become the text the
// reader reads.
type Format uint8

// The formats the reader knows (see formatTable).
const (
	FormatText     Format = iota // plain text, read a line at a time
	FormatHTML                   // saved web pages: their article found (go-trafilatura)
	FormatMarkdown               // Markdown: headings, paragraphs and lists (goldmark)
)

// formatSpec is a row of the input-format table: a format, the file-name
// extensions it goes by in a folder, and how its first bytes show it
// whatever the name.
type formatSpec struct {
	format Format
	name   string
	exts   []string
	sniff  func(head []byte) bool // nil: known by its name only
}

// formatTable is the one place a file's format is decided: every
// format the reader knows. A folder's files are read when their
// extension is one of these; any input is read as the format its first
// bytes show, else as its extension says, else as text.
func formatTable() []formatSpec {
	return []formatSpec{
		{FormatText, "text", []string{".txt", ".text"}, nil},
		{FormatMarkdown, "Markdown", []string{".md", ".markdown"}, nil},
		{FormatHTML, "HTML", []string{".html", ".htm", ".xhtml", ".shtml"}, IsHTML},
	}
}

// notRead lists formats the reader does not read, by their first bytes,
// with what to do instead: a folder run names such a file as skipped, an
// input of one is an input error that says so.
var notRead = []struct {
	magic []byte
	what  string
}{
	{[]byte("%PDF-"), "a PDF file, which analyze does not read yet: save its text as .txt"},
	{[]byte("PK\x03\x04"), "a zip archive (or a Word, Excel or OpenDocument file), which analyze does not read yet: save its text as .txt"},
	{[]byte("\xd0\xcf\x11\xe0"), "an old Office document, which analyze does not read: save its text as .txt"},
	{[]byte("\x1f\x8b"), "a gzip-compressed file: decompress it first"},
}

func (f Format) String() string {
	for _, s := range formatTable() {
		if s.format == f {
			return s.name
		}
	}
	return fmt.Sprintf("Format(%d)", f)
}

// FormatOf decides an input's format from its name and first bytes:
// bytes that show a format (an HTML document's opening) win over the
// name, then the name's extension; anything else is text.
func FormatOf(name string, head []byte) Format {
	table := formatTable()
	for _, s := range table {
		if s.sniff != nil && s.sniff(head) {
			return s.format
		}
	}
	ext := strings.ToLower(filepath.Ext(name))
	for _, s := range table {
		if slices.Contains(s.exts, ext) {
			return s.format
		}
	}
	return FormatText
}

// KnownExtension reports whether a file name has the extension of a
// format the reader knows: the files of a folder that a run reads.
func KnownExtension(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, s := range formatTable() {
		if slices.Contains(s.exts, ext) {
			return true
		}
	}
	return false
}

// Extensions lists the extensions of the formats the reader knows, in
// the table's order (for messages and help).
func Extensions() []string {
	var out []string
	for _, s := range formatTable() {
		out = append(out, s.exts...)
	}
	return out
}

// OpenOptions say what the user told of an input.
type OpenOptions struct {
	// Encoding is the name of the encoding the input's bytes are in
	// (--encoding: "gbk", "gb18030", "big5", "utf-8" …), or "" to find it.
	Encoding string
}

// maxWhole is the most a format read whole (HTML, Markdown) may hold.
const maxWhole = MaxHTMLBytes

// sniffBytes is how much of an input's start decides its format,
// encoding and language.
const sniffBytes = 64 << 10

// Input is an input made ready to read: its format decided, its bytes
// decoded to UTF-8 and the language of its text guessed from that text,
// never from markup. Make one with Open; Reader.Read and
// Analyzer.AnalyzeStream read an *Input as it was opened (any other
// io.Reader they open first, with no options).
type Input struct {
	Name     string
	Format   Format
	Encoding string // the encoding and how it was found: "utf-8", "gb18030 (detected)", "gbk (declared in the page)"
	// Language is the code of the language the text is written in,
	// guessed from its first 64 KB of text (DetectLanguage)
	Language string
	Warnings []Warning // of the decoding: an encoding that looks wrong

	text     io.Reader // the text: a line stream (FormatText)
	whole    []byte    // the whole text (FormatHTML, FormatMarkdown)
	fallback bool      // UTF-8 whose lines that are not valid are decoded one by one (lineReader)
}

// Read reads the input's text, decoded to UTF-8.
func (in *Input) Read(p []byte) (int, error) {
	if in.text == nil {
		in.text = bytes.NewReader(in.whole)
	}
	return in.text.Read(p)
}

// Open reads an input's first bytes and decides its format, its encoding
// and its language. Text is decoded as it is read, a line at a time;
// HTML and Markdown are read whole (at most MaxHTMLBytes). An empty
// input, binary data and formats analyze does not read are input errors
// naming the file.
func Open(r io.Reader, name string, o OpenOptions) (*Input, error) {
	br := bufio.NewReaderSize(r, sniffBytes)
	head, err := br.Peek(sniffBytes)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, &InputError{File: name, Msg: "cannot read", Err: err}
	}
	if len(head) == 0 {
		return nil, &InputError{File: name, Msg: "empty input"}
	}
	for _, n := range notRead {
		if bytes.HasPrefix(head, n.magic) {
			return nil, &InputError{File: name, Msg: n.what}
		}
	}
	in := &Input{Name: name, Format: FormatOf(name, head)}
	if in.Format == FormatText {
		return in, in.openText(br, head, o)
	}
	data, err := io.ReadAll(io.LimitReader(br, maxWhole+1))
	if err != nil {
		return nil, &InputError{File: name, Msg: "cannot read", Err: err}
	}
	if len(data) > maxWhole {
		return nil, &InputError{File: name, Msg: fmt.Sprintf("%s over %d MB in one file: save it in several files", in.Format, maxWhole>>20)}
	}
	return in, in.openWhole(data, o)
}

// openText decides a text's encoding from its first bytes and sets its
// line stream up.
func (in *Input) openText(br *bufio.Reader, head []byte, o OpenOptions) error {
	ch, err := chooseEncoding(head, o.Encoding, "")
	if err != nil {
		return &InputError{File: in.Name, Msg: err.Error()} // chooseEncoding says what is wrong
	}
	if ch.bom > 0 {
		br.Discard(ch.bom)
		head = head[ch.bom:]
	}
	if ch.enc == nil {
		if line, ok := nulLine(head); ok {
			return &InputError{File: in.Name, Line: line, Msg: "binary data (NUL byte), not a text issue"}
		}
		in.text, in.fallback = br, true
	} else {
		in.text = ch.enc.NewDecoder().Reader(br)
	}
	in.Encoding, in.Warnings = ch.String(), ch.warnings
	sample := head
	if ch.enc != nil {
		sample, _ = ch.enc.NewDecoder().Bytes(head)
	}
	in.Language = DetectLanguage(sample)
	return nil
}

// openWhole decodes an input read whole and guesses its language from
// its text: a web page's visible text, Markdown's text.
func (in *Input) openWhole(data []byte, o OpenOptions) error {
	declared := ""
	if in.Format == FormatHTML {
		declared = declaredCharset(data)
	}
	ch, err := chooseEncoding(data, o.Encoding, declared)
	if err != nil {
		return &InputError{File: in.Name, Msg: err.Error()} // chooseEncoding says what is wrong
	}
	data = data[ch.bom:]
	if ch.enc != nil {
		if data, err = ch.enc.NewDecoder().Bytes(data); err != nil {
			return &InputError{File: in.Name, Msg: "cannot decode as " + ch.name, Err: err}
		}
	} else if !isASCII(data) && !validUTF8(data) {
		// neither declared nor detected: Windows-1252, as lines of text are
		data, _ = cp1252().NewDecoder().Bytes(data)
		ch.name, ch.why = "windows-1252", "not valid UTF-8"
	}
	if in.Format == FormatText {
		if line, ok := nulLine(data); ok {
			return &InputError{File: in.Name, Line: line, Msg: "binary data (NUL byte), not a text issue"}
		}
	}
	in.whole, in.Encoding, in.Warnings = data, ch.String(), ch.warnings
	sample := data
	switch in.Format {
	case FormatHTML:
		sample = visibleSample(data, sniffBytes)
	case FormatMarkdown:
		sample = markdownSample(data, sniffBytes)
	}
	in.Language = DetectLanguage(sample[:min(len(sample), sniffBytes)])
	return nil
}

// converted is the text a converter made of an input that is not plain
// text (web pages, Markdown), with what the reader needs to know of it.
type converted struct {
	text string
	// dropped is what the converter left out, at the line of the text
	// where it stood
	dropped []Dropped
	// dateLines are the lines of the text that are a date the source
	// gives (a page's, a broadcast's), with where it came from
	// (Article.DateNote); titleLines, those that are an article's title:
	// each opens an article
	dateLines  map[int]string
	titleLines map[int]bool
	web        bool   // from web pages (their furniture dropped)
	title      string // the title the source gives (Markdown's first heading), or ""
	site       string // the publication the source names
	describe   string // how the input was read, for Issue.Encoding
}

// nulLine reports the line of the first NUL byte in b.
func nulLine(b []byte) (int, bool) {
	i := bytes.IndexByte(b, 0)
	if i < 0 {
		return 0, false
	}
	return bytes.Count(b[:i], []byte{'\n'}) + 1, true
}

// asInput is r as an *Input: itself when it is one, else r opened with
// the options given.
func asInput(r io.Reader, name string, o OpenOptions) (*Input, error) {
	if in, ok := r.(*Input); ok {
		return in, nil
	}
	return Open(r, name, o)
}
