package report

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// book is a workbook being written: the machinery the sheets share, its
// styles, its tables (small ones through excelize's ordinary API, long
// ones streamed) and their column widths.
type book struct {
	f      *excelize.File
	style  map[Kind]int
	title  int
	bold   int
	note   int
	head   [2]int              // header cells: text (left) and numbers (right)
	band   int                 // conditional format shading every other row
	tables map[string][]Column // the columns of each Excel table, by its name
	titles map[string]string   // the printed header's title, by sheet
	heads  []headRow           // header rows of the tables written with the ordinary API
	// widths are the column widths set on the sheets written with the
	// ordinary API, by sheet and column number, given to excelize a run of
	// columns at a time when the sheet's objects are placed (setWidths):
	// excelize copies a sheet's every column for each width it is given,
	// which was a fifth of a small issue's workbook
	widths map[string]map[int]float64
	// stashed are the Excel tables' parts while the workbook is made (see
	// stubTables), by part name
	stashed map[string][]byte
	// maxRows is the most data rows of a streamed table (maxTableRows;
	// tests make it small)
	maxRows int
	// textRows is the most rows of the Structure sheet (maxTextRows): the
	// text of a large input would make the workbook too big to share, and
	// data/structure.csv has it all
	textRows int
	// scratch is where the zip's entries wait to be written in order (nil:
	// in memory); set before the workbook is written
	scratch io.ReadWriteSeeker
}

// newBook starts a workbook whose zip goes straight to w: excelize would
// build the whole file in a buffer of its own (the zip writer it is
// given) and then copy it. The caller closes b.f.
func newBook(w io.Writer, textRows int) *book {
	f := excelize.NewFile()
	b := &book{f: f, style: map[Kind]int{}, tables: map[string][]Column{}, titles: map[string]string{}, widths: map[string]map[int]float64{}, stashed: map[string][]byte{}, maxRows: maxTableRows, textRows: textRows}
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return newSortedZip(w, b.scratch) })
	return b
}

// setupSheets creates the sheets, the styles and the document properties.
func (b *book) setupSheets(sheets []string, title, subject string, prov Provenance) error {
	f := b.f
	for i, name := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return err
			}
			continue
		}
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	// The workbook opens on Summary. Set while the sheets are empty:
	// SetActiveSheet parses every sheet written so far, which at the end
	// was half the time of a large workbook.
	f.SetActiveSheet(0)
	// no timestamps: two runs on the same input give the same bytes
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: title, Subject: subject,
		Creator: "analyze " + prov.Version, Description: "Made by analyze from " + prov.Input,
		Created: "2000-01-01T00:00:00Z", Modified: "2000-01-01T00:00:00Z", Language: "en-US",
	}); err != nil {
		return err
	}
	if err := f.SetAppProps(&excelize.AppProperties{Application: "analyze " + prov.Version}); err != nil {
		return err
	}
	if err := b.styles(); err != nil {
		return err
	}
	for _, name := range sheets {
		if err := b.printable(name, title); err != nil {
			return err
		}
	}
	return nil
}

// styles makes the styles of the column kinds, titles, notes and headers.
func (b *book) styles() error {
	f := b.f
	for _, k := range kinds() {
		id, err := f.NewStyle(k.style())
		if err != nil {
			return err
		}
		b.style[k] = id
	}
	var err error
	if b.title, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16}}); err != nil {
		return err
	}
	if b.bold, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}}); err != nil {
		return err
	}
	if b.note, err = f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}); err != nil {
		return err
	}
	for i, align := range []string{"left", "right"} {
		if b.head[i], err = f.NewStyle(&excelize.Style{
			Font:      &excelize.Font{Bold: true, Color: "FFFFFF"},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"0072B2"}},
			Alignment: &excelize.Alignment{Horizontal: align, Indent: 1, Vertical: "top", WrapText: true},
		}); err != nil {
			return err
		}
	}
	b.band, err = f.NewConditionalStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8F1F8"}}})
	return err
}

func ptr[T any](v T) *T { return &v }

// headStyle is the header style for a column of kind k: numbers' headers
// align with their numbers.
func (b *book) headStyle(k Kind) int {
	if k.numeric() {
		return b.head[1]
	}
	return b.head[0]
}

// banded shades every other data row of a table (Excel shows its table
// style's bands; other spreadsheets may not), from top-left (col, row) of
// the header over ncol columns and nrow data rows.
func (b *book) banded(sheet string, col, row, ncol, nrow int) error {
	if nrow < 1 {
		return nil
	}
	first, _ := excelize.CoordinatesToCellName(col, row+1)
	last, err := excelize.CoordinatesToCellName(col+ncol-1, row+nrow)
	if err != nil {
		return fmt.Errorf("%s: %w", sheet, err)
	}
	return b.f.SetConditionalFormat(sheet, first+":"+last, []excelize.ConditionalFormatOptions{{
		Type: "formula", Criteria: fmt.Sprintf("MOD(ROW()-%d,2)=1", row), Format: &b.band,
	}})
}

// headHeight is the header row's height in points: a line for each line
// of the longest header, wrapped between words in its column's width.
func headHeight(cols []Column, ws []float64) float64 {
	lines := 1
	for i, c := range cols {
		if i < len(ws) {
			lines = max(lines, headLines(c.title(), ws[i]))
		}
	}
	return 15 * float64(lines)
}

// tableName makes a unique Excel table name from a sheet name, and keeps
// the table's columns under it.
func (b *book) tableName(sheet string, cols []Column) string {
	base := strings.NewReplacer(" ", "", "-", "", "(", "", ")", "").Replace(sheet)
	name := base
	for n := 2; b.tables[name] != nil; n++ {
		name = fmt.Sprintf("%s%d", base, n)
	}
	if cols == nil {
		cols = []Column{}
	}
	b.tables[name] = cols
	return name
}

// cellValue turns a CSV cell into a workbook value of its column's kind.
func cellValue(s string, k Kind) any {
	switch k {
	case Int:
		if n, err := strconv.Atoi(s); err == nil {
			return n
		}
	case Dec1, Dec3, Percent, PValue:
		if v, err := strconv.ParseFloat(s, 64); err == nil {
			return v
		}
	}
	return s
}

// widths fits each column to its longest cell (header included, but a
// long header over numbers wraps between its words instead of widening
// them), within limits: 60 characters, 100 for long text; never narrower
// than the header's longest word.
func widths(cols []Column, rows [][]string) []float64 {
	out := make([]float64, len(cols))
	for i, c := range cols {
		out[i] = displayWidth(c.title()) + 4 // room for the filter button
		if c.Kind.numeric() {
			out[i] = min(out[i], 14) // a long header over numbers wraps
		}
	}
	for _, r := range rows {
		for i, c := range r {
			if i < len(out) {
				if n := displayWidth(c) + 2; n > out[i] {
					out[i] = n
				}
			}
		}
	}
	for i, c := range cols {
		limit := 60.0
		if c.Kind == Long {
			limit = 100
		}
		out[i] = max(min(max(out[i], 8), limit), headWidth(c.title()))
	}
	return out
}

// shown is about the text a cell of kind k shows for v: a number as its
// format shows it, not all the digits it holds.
func shown(v any, k Kind) string {
	f, ok := v.(float64)
	if !ok {
		return fmt.Sprint(v)
	}
	switch k {
	case Dec1:
		return strconv.FormatFloat(f, 'f', 1, 64)
	case Dec3:
		return strconv.FormatFloat(f, 'f', 3, 64)
	case Percent:
		return strconv.FormatFloat(100*f, 'f', 1, 64) + "%"
	case PValue:
		return strconv.FormatFloat(f, 'f', 4, 64)
	}
	return fmt.Sprint(v)
}

// displayWidth is how many character widths a cell's text takes: a
// Chinese character (or other wide East Asian one) takes two.
func displayWidth(s string) float64 {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x1100 && (r <= 0x115f || (r >= 0x2e80 && r <= 0xa4cf) || (r >= 0xac00 && r <= 0xd7a3) || (r >= 0xf900 && r <= 0xfaff) || (r >= 0xfe30 && r <= 0xfe4f) || (r >= 0xff00 && r <= 0xff60) || (r >= 0xffe0 && r <= 0xffe6) || r >= 0x20000) {
			n++
		}
	}
	return float64(n)
}

// fit sets column widths from the given cells, never narrowing a column
// already set wider (several tables share a sheet's columns).
func (b *book) fit(sheet string, firstCol int, cols []Column, rows [][]any) error {
	text := make([][]string, len(rows))
	for i, r := range rows {
		text[i] = make([]string, len(r))
		for j, c := range r {
			text[i][j] = shown(c, cols[min(j, len(cols)-1)].Kind)
		}
	}
	ws := widths(cols, text)
	for i := range ws {
		ws[i] = math.Ceil(ws[i])
		if i < 8 { // only the first columns may have been set by another table
			ws[i] = max(ws[i], b.colWidth(sheet, firstCol+i))
		}
		b.setColWidth(sheet, firstCol+i, ws[i])
	}
	return nil
}

// colWidth is the width of a column (numbered from 1) of a sheet written
// with the ordinary API: as set, or excelize's default.
func (b *book) colWidth(sheet string, col int) float64 {
	if w, ok := b.widths[sheet][col]; ok {
		return w
	}
	name, _ := excelize.ColumnNumberToName(col)
	w, _ := b.f.GetColWidth(sheet, name)
	return w
}

// setColWidth sets the width of a column of a sheet written with the
// ordinary API (see book.widths).
func (b *book) setColWidth(sheet string, col int, w float64) {
	if b.widths[sheet] == nil {
		b.widths[sheet] = map[int]float64{}
	}
	b.widths[sheet][col] = w
}

// widen sets a column at least w wide.
func (b *book) widen(sheet string, col int, w float64) {
	if b.colWidth(sheet, col) < w {
		b.setColWidth(sheet, col, w)
	}
}

// setWidths gives excelize the widths set on a sheet, a run of columns of
// one width at a time, before anything is placed on the sheet by its
// columns (a chart, a picture) and before the workbook is written; the
// widths are then excelize's to keep.
func (b *book) setWidths(sheet string) error {
	ws := b.widths[sheet]
	delete(b.widths, sheet)
	cols := slices.Sorted(maps.Keys(ws))
	for i := 0; i < len(cols); {
		j := i
		for j+1 < len(cols) && cols[j+1] == cols[j]+1 && ws[cols[j+1]] == ws[cols[i]] {
			j++
		}
		from, _ := excelize.ColumnNumberToName(cols[i])
		to, _ := excelize.ColumnNumberToName(cols[j])
		if err := b.f.SetColWidth(sheet, from, to, ws[cols[i]]); err != nil {
			return err
		}
		i = j + 1
	}
	return nil
}

// stubTables puts aside the parts of the Excel tables added so far and
// leaves excelize only their root element (id, name, range): to number a
// new table and check its name, excelize decodes every table part it
// holds, and with 17 tables to a workbook, wide ones among them (Trends,
// an issue a column), that was a fifth of a small issue's run. Nothing
// else reads the parts while the workbook is made; unstubTables gives
// them back before it is written.
func (b *book) stubTables() {
	b.f.Pkg.Range(func(k, v any) bool {
		name, ok := k.(string)
		full, isBytes := v.([]byte)
		if !ok || !isBytes || !strings.HasPrefix(name, "xl/tables/table") {
			return true
		}
		if _, done := b.stashed[name]; done {
			return true
		}
		if stub := rootElement(full, "table"); stub != nil {
			b.stashed[name] = full
			b.f.Pkg.Store(name, stub)
		}
		return true
	})
}

// save gives excelize what the book kept back while it was made (column
// widths, table parts) and writes the workbook.
func (b *book) save() error {
	for _, sheet := range slices.Sorted(maps.Keys(b.widths)) {
		if err := b.setWidths(sheet); err != nil {
			return err
		}
	}
	b.unstubTables()
	return b.f.Write(io.Discard) // nothing reaches excelize's own buffer
}

// unstubTables gives excelize back the table parts stubTables put aside.
func (b *book) unstubTables() {
	for _, name := range slices.Sorted(maps.Keys(b.stashed)) {
		b.f.Pkg.Store(name, b.stashed[name])
	}
	clear(b.stashed)
}

// rootElement is an XML document cut after its root element's start tag
// (named name), closed: <?xml …?><table id="3" name="T" …></table>; nil
// if the document does not open so.
func rootElement(doc []byte, name string) []byte {
	at := bytes.Index(doc, []byte("<"+name+" "))
	if at < 0 {
		return nil
	}
	end := bytes.IndexByte(doc[at:], '>')
	if end < 0 || doc[at+end-1] == '/' {
		return nil
	}
	return slices.Concat(doc[:at+end+1], []byte("</"+name+">"))
}
