package report

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/issuelens/analyze/analyze"
)

// Spool holds a table's rows in a file as they are added, for a table as
// long as the text (Structure), so that the rows are never all in memory.
// Only the first rows stay in memory too (enough to size the columns).
type Spool struct {
	mu   sync.Mutex // each: reads back while others may too (a CSV and the workbook, written at once)
	f    io.ReadWriteSeeker
	bw   *bufio.Writer
	cw   *csv.Writer
	n    int
	head [][]string
}

// spoolHead is how many rows a Spool keeps in memory.
const spoolHead = 2000

// NewSpool spools rows to f, an empty file open for reading and writing.
func NewSpool(f io.ReadWriteSeeker) *Spool {
	bw := bufio.NewWriterSize(f, 16<<10) // a batch has one for each issue
	return &Spool{f: f, bw: bw, cw: csv.NewWriter(bw)}
}

// Add appends a row.
func (s *Spool) Add(row []string) error {
	if s.n < spoolHead {
		// copies: a cell may be a paragraph of a page on one line, which
		// must not be kept whole for it
		head := make([]string, len(row))
		for i, c := range row {
			head[i] = strings.Clone(c)
		}
		s.head = append(s.head, head)
	}
	s.n++
	return s.cw.Write(row)
}

// Len is the number of rows added.
func (s *Spool) Len() int { return s.n }

// Forget lets go of the first rows kept in memory, once the files that
// size their columns by them are written; the rows are still read back
// from the file (a corpus's Structure gathers its issues' rows).
func (s *Spool) Forget() {
	s.mu.Lock()
	s.head = nil
	s.mu.Unlock()
}

// each calls fn with the first limit rows (all when limit < 0), read back
// from the file. The row is reused between calls.
func (s *Spool) each(limit int, fn func(i int, row []string) error) error {
	s.mu.Lock()
	s.cw.Flush()
	err := s.cw.Error()
	if err == nil {
		err = s.bw.Flush()
	}
	if err != nil {
		s.mu.Unlock()
		return err
	}
	var r io.Reader
	if ra, ok := s.f.(io.ReaderAt); ok {
		// a file: read at offsets of its own, beside other readers
		s.mu.Unlock()
		r = io.NewSectionReader(ra, 0, 1<<62)
	} else {
		// one reader at a time through the shared offset
		defer s.mu.Unlock()
		if _, err := s.f.Seek(0, io.SeekStart); err != nil {
			return err
		}
		defer s.f.Seek(0, io.SeekEnd)
		r = s.f
	}
	cr := csv.NewReader(bufio.NewReaderSize(r, 1<<16))
	cr.ReuseRecord = true
	cr.FieldsPerRecord = -1
	for i := 0; limit < 0 || i < limit; i++ {
		row, err := cr.Read()
		if err == io.EOF {
			if i < s.n && (limit < 0 || i < limit) {
				return fmt.Errorf("spool: %d rows read back of %d", i, s.n)
			}
			return nil
		}
		if err != nil {
			return fmt.Errorf("spool: %w", err)
		}
		if err := fn(i, row); err != nil {
			return err
		}
	}
	return nil
}

// Len is the number of rows of t.
func (t Table) Len() int {
	switch {
	case t.Spool != nil:
		return t.Spool.Len()
	case t.gen != nil:
		return t.gen.n
	}
	return len(t.Rows)
}

// head returns at most n of the first rows.
func (t Table) head(n int) [][]string {
	if t.gen != nil {
		rows := make([][]string, min(n, t.gen.n))
		for i := range rows {
			rows[i] = t.gen.row(i, nil)
		}
		return rows
	}
	rows := t.Rows
	if t.Spool != nil {
		rows = t.Spool.head
	}
	return rows[:min(n, len(rows))]
}

// each calls fn with the first limit rows of t (all when limit < 0). A
// row made or read back for fn is reused between calls.
func (t Table) each(limit int, fn func(i int, row []string) error) error {
	if t.Spool != nil {
		return t.Spool.each(limit, fn)
	}
	n := t.Len()
	if limit >= 0 {
		n = min(n, limit)
	}
	var cells []string
	for i := range n {
		if t.gen != nil {
			cells = t.gen.row(i, cells[:0])
		} else {
			cells = t.Rows[i]
		}
		if err := fn(i, cells); err != nil {
			return err
		}
	}
	return nil
}

// StructureSheet is the Structure sheet: the text as read, every article's
// headline, body paragraphs and captions, then the lines dropped; and the
// row each article (by issue and number) starts on, for the links from
// Mentions. Build it article by article as they are read (NewStructureSheet,
// AddArticle, AddDropped), or at once from a result that holds its
// articles (StructureSheetOf).
type StructureSheet struct {
	Table
	start    map[string][]int // by issue, the row of article n at n-1 (0: none)
	articles int              // rows of articles, before the dropped lines
}

// NewStructureSheet starts an empty StructureSheet whose rows go to spool, or stay
// in memory when spool is nil.
func NewStructureSheet(spool *Spool) *StructureSheet {
	return &StructureSheet{Table: Table{Name: "structure.csv", Spool: spool, Columns: []Column{
		{Name: "article", Kind: Int, Header: "Article"}, {Name: "date", Kind: Text, Header: "Date"},
		{Name: "date source", Kind: Text, Header: "Date source"}, {Name: "venue", Kind: Text, Header: "Venue"},
		{Name: "part", Kind: Text, Header: "Part"}, {Name: "paragraph", Kind: Int, Header: "Paragraph"},
		{Name: "line", Kind: Int, Header: "Source lines"}, {Name: "copies", Kind: Int, Header: "Copies"},
		{Name: "text", Kind: Long, Header: "Text"}, {Name: "issue", Kind: Text, Header: "Issue"}, {Name: "lang", Kind: Text, Header: "Language"},
	}},
		start: map[string][]int{}}
}

// StructureSheetOf is the StructureSheet of a result read whole (Result.Issue holds
// the articles).
func StructureSheetOf(res *analyze.Result) (*StructureSheet, error) {
	s := NewStructureSheet(nil)
	for i := range res.Issue.Articles {
		if err := s.AddArticle(res.Articles[i].Issue, res.LangOf(res.Articles[i].Issue), &res.Issue.Articles[i]); err != nil {
			return nil, err
		}
	}
	return s, s.AddDropped(res.Issue)
}

func (s *StructureSheet) add(row []string) error {
	if s.Spool != nil {
		return s.Spool.Add(row)
	}
	s.Rows = append(s.Rows, row)
	return nil
}

// AddArticle adds the rows of an article of the named issue, read in the
// language lang ("en", "zh").
func (s *StructureSheet) AddArticle(issue, lang string, a *analyze.Article) error {
	s.setStart(issue, a.N, s.Len()+2) // header is row 1
	add := func(part string, n int, p analyze.Para, lines string, copies int) error {
		if lines == "" {
			lines = strconv.Itoa(p.Line)
			if p.EndLine > p.Line {
				lines += "-" + strconv.Itoa(p.EndLine)
			}
		}
		return s.add([]string{itoa(a.N), a.Date.String(), a.DateNote, a.Venue, part, itoa(n), lines, itoa(copies), p.Text, issue, lang})
	}
	if a.Headline != nil {
		if err := add(analyze.PartHeadline, 1, *a.Headline, "", 1); err != nil {
			return err
		}
	}
	for i, p := range a.Body {
		if err := add(analyze.PartBody, i+1, p, "", 1); err != nil {
			return err
		}
	}
	for i, c := range a.Captions {
		ls := make([]string, len(c.Lines))
		for j, l := range c.Lines {
			ls[j] = strconv.Itoa(l)
		}
		if err := add(analyze.PartCaption, i+1, c.Para, strings.Join(ls, "+"), c.Copies); err != nil {
			return err
		}
	}
	s.articles = s.Len()
	return nil
}

// AddDropped adds how iss was read (its language and encoding: "read
// as") and the lines the reader left out of its articles; no article can
// follow them.
func (s *StructureSheet) AddDropped(iss *analyze.Issue) error {
	if err := s.add([]string{"", "", "", "", "read as", "", "", "", readAs(iss), iss.Name, orText(iss.Language, "en")}); err != nil {
		return err
	}
	for _, d := range iss.Dropped {
		if err := s.add([]string{"", "", "", "", "dropped: " + d.Kind, "", strconv.Itoa(d.Line), "", d.Text, iss.Name, orText(iss.Language, "en")}); err != nil {
			return err
		}
	}
	return nil
}

// AddArticlesOf adds the article rows of another Structure (an issue's,
// to a corpus's), without its dropped lines.
func (s *StructureSheet) AddArticlesOf(o *StructureSheet) error {
	off := s.Len()
	for issue, rows := range o.start {
		for i, row := range rows {
			if row > 0 {
				s.setStart(issue, i+1, row+off)
			}
		}
	}
	err := o.each(o.articles, func(_ int, row []string) error {
		return s.add(append([]string(nil), row...))
	})
	s.articles = s.Len()
	return err
}

// setStart records that article n of issue starts on row.
func (s *StructureSheet) setStart(issue string, n, row int) {
	rows := s.start[issue]
	if n > len(rows) {
		rows = append(rows, make([]int, n-len(rows))...)
		s.start[issue] = rows
	}
	rows[n-1] = row
}

// startRow is the row article n of issue starts on, or 0.
func (s *StructureSheet) startRow(issue string, n int) int {
	rows := s.start[issue]
	if n < 1 || n > len(rows) {
		return 0
	}
	return rows[n-1]
}
