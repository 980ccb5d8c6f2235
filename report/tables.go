package report

import (
	"cmp"
	"fmt"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"
)

// maxTableRows is the most data rows a streamed table takes: a sheet holds
// excelize.TotalRows rows, one of them the header and one kept for a note.
const maxTableRows = excelize.TotalRows - 2

// maxTextRows is the most rows of the text the Structure sheet shows.
const maxTextRows = 100_000

// rowCap is the most data rows of a streamed table on sheet.
func (b *book) rowCap(sheet string) int {
	if sheet == SheetStructure {
		return min(b.maxRows, b.textRows)
	}
	return b.maxRows
}

// extraColumn adds a computed column to a streamed table.
type extraColumn struct {
	header string
	value  func(row int) any
	width  float64
}

// streamOpts are how a streamed table differs from the CSV it shows.
type streamOpts struct {
	order      []int        // picks and orders the table's columns by index (nil: all, as in the CSV)
	extra      *extraColumn // a column after them (nil: none)
	name       string       // the Excel table's name ("": the sheet's, without spaces)
	frozenCols int          // the columns frozen beside the frozen header row
	below      string       // a line under the table saying what it leaves out, or ""
}

// streamed writes a table to its own sheet with excelize's StreamWriter, so
// a large table is written out as it goes.
func (b *book) streamed(sheet string, t Table, opt streamOpts) error {
	if err := checkColumns(t.Name, t.Columns); err != nil {
		return err
	}
	extra := opt.extra
	idx := opt.order
	if idx == nil {
		idx = make([]int, len(t.Columns))
		for i := range idx {
			idx[i] = i
		}
	}
	cols := make([]Column, len(idx))
	for n, i := range idx {
		cols[n] = t.Columns[i]
	}
	picked := make([][]string, 0, min(t.Len(), 2000))
	for _, r := range t.head(2000) { // widths from the first rows are enough
		p := make([]string, len(idx))
		for n, i := range idx {
			p[n] = r[i]
		}
		picked = append(picked, p)
	}
	ncol := len(cols)
	if extra != nil {
		ncol++
	}
	nrows := min(t.Len(), b.rowCap(sheet))
	// set before the stream writer opens the sheet, which keeps them
	if err := b.banded(sheet, 1, 1, ncol, nrows); err != nil {
		return err
	}
	ranges, note, err := streamPrint(sheet, t, ncol, nrows)
	if err != nil {
		return err
	}
	if err := b.footnote(sheet, note); err != nil {
		return err
	}
	if err := b.printAt(sheet, "1:1", ranges...); err != nil {
		return err
	}
	if printed := printedRows(ranges, nrows); printed > 0 {
		if err := b.fitRows(sheet, printed); err != nil {
			return err
		}
	}
	sw, err := b.f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	if err := b.streamHead(sw, cols, widths(cols, picked), extra, opt.frozenCols); err != nil {
		return err
	}
	if err := t.each(nrows, func(r int, row []string) error {
		cells := make([]any, 0, ncol)
		for n, i := range idx {
			cells = append(cells, excelize.Cell{StyleID: b.style[cols[n].Kind], Value: cellValue(row[i], cols[n].Kind)})
		}
		if extra != nil {
			cells = append(cells, extra.value(r))
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+2)
		return sw.SetRow(cell, cells)
	}); err != nil {
		return err
	}
	if t.Len() == 0 { // a table needs a row under its header
		if err := sw.SetRow("A2", []any{"(none)"}); err != nil {
			return err
		}
	}
	last, _ := excelize.CoordinatesToCellName(ncol, max(nrows, 1)+1)
	if nrows < t.Len() {
		// below the table, the last row a sheet can hold says what is missing
		cell, _ := excelize.CoordinatesToCellName(1, nrows+2)
		note := fmt.Sprintf("… and %d more rows: a sheet holds at most %d", t.Len()-nrows, excelize.TotalRows)
		if nrows < b.maxRows {
			note = fmt.Sprintf("… and %d more rows: the workbook keeps the first %d rows of the text", t.Len()-nrows, nrows)
		}
		if t.Name != "" && strings.HasSuffix(t.Name, ".csv") {
			note += "; data/" + t.Name + " has them all"
		}
		if err := sw.SetRow(cell, []any{note}); err != nil {
			return err
		}
	} else if opt.below != "" {
		cell, _ := excelize.CoordinatesToCellName(1, nrows+2)
		if err := sw.SetRow(cell, []any{opt.below}); err != nil {
			return err
		}
	}
	if extra != nil {
		cols = append(cols, Column{Name: extra.header, Kind: Text})
	}
	if err := sw.AddTable(&excelize.Table{Range: "A1:" + last, Name: b.tableName(cmp.Or(opt.name, sheet), cols), StyleName: "TableStyleMedium2", ShowRowStripes: ptr(true)}); err != nil {
		return err
	}
	b.stubTables()
	return sw.Flush()
}

// streamHead sets a streamed table's column widths, frozen header (and
// frozen columns beside it) and header row.
func (b *book) streamHead(sw *excelize.StreamWriter, cols []Column, ws []float64, extra *extraColumn, frozenCols int) error {
	for i, wd := range ws {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return err
		}
	}
	if extra != nil {
		if err := sw.SetColWidth(len(cols)+1, len(cols)+1, extra.width); err != nil {
			return err
		}
	}
	panes := &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}
	if frozenCols > 0 {
		col, _ := excelize.ColumnNumberToName(frozenCols + 1)
		panes = &excelize.Panes{Freeze: true, XSplit: frozenCols, YSplit: 1, TopLeftCell: col + "2", ActivePane: "bottomRight"}
	}
	if err := sw.SetPanes(panes); err != nil {
		return err
	}
	head := make([]any, 0, len(cols)+1)
	for _, c := range cols {
		head = append(head, excelize.Cell{StyleID: b.headStyle(c.Kind), Value: c.title()})
	}
	if extra != nil {
		head = append(head, excelize.Cell{StyleID: b.head[0], Value: extra.header})
	}
	return sw.SetRow("A1", head, excelize.RowOpts{Height: headHeight(cols, ws)})
}

// headRow is the header row of a table written with the ordinary API.
type headRow struct {
	sheet    string
	col, row int
	cols     []Column
}

// fitHeads sets the height of each header row written with the ordinary
// API to its headers' lines, wrapped in their columns' final widths.
func (b *book) fitHeads() error {
	for _, h := range b.heads {
		ws := make([]float64, len(h.cols))
		for i := range h.cols {
			ws[i] = b.colWidth(h.sheet, h.col+i)
		}
		if ht := headHeight(h.cols, ws); ht > 15 {
			if err := b.f.SetRowHeight(h.sheet, h.row, ht); err != nil {
				return err
			}
		}
	}
	return nil
}

// table writes a small table with the ordinary API at top-left cell
// (col, row), formatted by its columns' kinds, and returns the row after it.
func (b *book) table(sheet string, col, row int, name string, cols []Column, rows [][]any) (int, error) {
	return b.tableBanded(sheet, col, row, name, cols, rows, true)
}

// tableBanded is table, with or without the shading of every other row.
func (b *book) tableBanded(sheet string, col, row int, name string, cols []Column, rows [][]any, band bool) (int, error) {
	if err := checkColumns(name, cols); err != nil {
		return 0, err
	}
	f := b.f
	start, _ := excelize.CoordinatesToCellName(col, row)
	head := make([]any, len(cols))
	for i, c := range cols {
		head[i] = c.title()
	}
	if err := f.SetSheetRow(sheet, start, &head); err != nil {
		return 0, err
	}
	if len(rows) == 0 {
		rows = [][]any{{"(none)"}}
	}
	var left int // rows a sheet cannot hold
	if limit := min(b.maxRows, excelize.TotalRows-row-1); len(rows) > limit {
		left, rows = len(rows)-limit, rows[:limit]
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(col, row+1+i)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			return 0, err
		}
	}
	for i, c := range cols {
		top, _ := excelize.CoordinatesToCellName(col+i, row+1)
		bottom, _ := excelize.CoordinatesToCellName(col+i, row+len(rows))
		if err := f.SetCellStyle(sheet, top, bottom, b.style[c.Kind]); err != nil {
			return 0, err
		}
	}
	for i, c := range cols {
		cell, _ := excelize.CoordinatesToCellName(col+i, row)
		if err := f.SetCellStyle(sheet, cell, cell, b.headStyle(c.Kind)); err != nil {
			return 0, err
		}
		// a column other tables share is at least as wide as this
		// header's longest word, which never breaks
		if w := headWidth(c.title()); b.colWidth(sheet, col+i) < w {
			b.setColWidth(sheet, col+i, math.Ceil(w))
		}
	}
	b.heads = append(b.heads, headRow{sheet: sheet, col: col, row: row, cols: cols})
	if band {
		if err := b.banded(sheet, col, row, len(cols), len(rows)); err != nil {
			return 0, err
		}
	}
	end, err := excelize.CoordinatesToCellName(col+len(cols)-1, row+len(rows))
	if err != nil {
		return 0, fmt.Errorf("%s: %w", sheet, err)
	}
	if err := f.AddTable(sheet, &excelize.Table{Range: start + ":" + end, Name: b.tableName(name, cols), StyleName: "TableStyleMedium2", ShowRowStripes: ptr(true)}); err != nil {
		return 0, err
	}
	b.stubTables()
	if left > 0 {
		cell, _ := excelize.CoordinatesToCellName(col, row+len(rows)+1)
		if err := f.SetCellValue(sheet, cell, fmt.Sprintf("… and %d more rows: a sheet holds at most %d", left, excelize.TotalRows)); err != nil {
			return 0, err
		}
		return row + len(rows) + 2, nil
	}
	return row + len(rows) + 1, nil
}
