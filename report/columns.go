package report

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Kind is how a column's cells are written and shown in the workbook: as
// text or as numbers, with the number format and alignment of the kind.
// The zero Kind is undeclared: the workbook refuses a column of it rather
// than write its numbers as text.
type Kind int

const (
	Text    Kind = iota + 1
	Int          // whole numbers
	Dec1         // rates: one decimal
	Dec3         // measures: three decimals
	Percent      // shares
	Long         // long text: a wide column, not wrapped (rows keep one height in every spreadsheet)
	PValue       // p-values: "< 0.001", else four decimals below 0.01 and three above
	Right        // text read towards the right, as a KWIC's left context
)

// kinds lists every declared Kind, in the order their styles are made.
func kinds() []Kind { return []Kind{Text, Int, Dec1, Dec3, Percent, Long, PValue, Right} }

// pValueFormat shows a p-value as a reader quotes it (0.0014, 0.150, or
// "< 0.001") while the cell keeps the number, so that it sorts and
// filters as one.
const pValueFormat = `[<0.001]"< 0.001";[<0.01]0.0000;0.000`

// numeric is whether the kind's cells are numbers.
func (k Kind) numeric() bool {
	switch k {
	case Int, Dec1, Dec3, Percent, PValue:
		return true
	}
	return false
}

// style is the cell style of the kind: its number format and alignment.
// Numbers are right-aligned and text left-aligned, each indented, so that
// a number never touches the text of the next column (LibreOffice ignores
// the indent of right-aligned cells; the text's own indent keeps them apart).
func (k Kind) style() *excelize.Style {
	number := &excelize.Alignment{Horizontal: "right", Indent: 1, Vertical: "top"}
	switch k {
	case Int:
		return &excelize.Style{NumFmt: 1, Alignment: number}
	case Dec1:
		return &excelize.Style{CustomNumFmt: ptr("0.0"), Alignment: number}
	case Dec3:
		return &excelize.Style{CustomNumFmt: ptr("0.000"), Alignment: number}
	case Percent:
		return &excelize.Style{CustomNumFmt: ptr("0.0%"), Alignment: number}
	case PValue:
		return &excelize.Style{CustomNumFmt: ptr(pValueFormat), Alignment: number}
	case Right:
		return &excelize.Style{Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "top"}}
	}
	return &excelize.Style{Alignment: &excelize.Alignment{Horizontal: "left", Indent: 1, Vertical: "top"}} // Text, Long
}

// Column declares a column of a table once: its name (the CSV header),
// its kind (how the workbook writes and formats it) and, when it differs
// from the name, the header the workbook shows: words a reader reads, in
// sentence case ("Reference count" for count_reference). A table only the
// workbook shows has no CSV: its Name is already the header.
type Column struct {
	Name   string // CSV header, e.g. "count_target"
	Kind   Kind
	Header string // workbook header; "" shows Name
}

// title is the column's header in the workbook.
func (c Column) title() string {
	if c.Header != "" {
		return c.Header
	}
	return c.Name
}

// names are the CSV headers of cols.
func names(cols []Column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Name
	}
	return out
}

// checkColumns fails on a column whose kind is not declared.
func checkColumns(table string, cols []Column) error {
	for _, c := range cols {
		if c.Kind < Text || c.Kind > Right {
			return fmt.Errorf("table %s: column %q has no declared kind", table, c.Name)
		}
	}
	return nil
}

// headWidth is the narrowest column a header fits without a word broken
// across lines: its longest word, and room for the filter button.
func headWidth(title string) float64 {
	w := 0.0
	for _, word := range strings.Fields(title) {
		w = max(w, displayWidth(word))
	}
	return w + 4
}

// headLines is how many lines a header takes in a column of width w,
// wrapped between words.
func headLines(title string, w float64) int {
	room := (w - 1) / 1.2 // the cell's margins, and bold letters being wider
	lines, used := 1, 0.0
	for i, word := range strings.Fields(title) {
		n := displayWidth(word)
		switch {
		case i == 0:
			used = n
		case used+1+n <= room:
			used += 1 + n
		default:
			lines++
			used = n
		}
	}
	return lines
}
