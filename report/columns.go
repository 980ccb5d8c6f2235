package report

import (
	"fmt"

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
	Sci          // p-values
	Right        // text read towards the right, as a KWIC's left context
)

// kinds lists every declared Kind, in the order their styles are made.
func kinds() []Kind { return []Kind{Text, Int, Dec1, Dec3, Percent, Long, Sci, Right} }

// numeric is whether the kind's cells are numbers.
func (k Kind) numeric() bool {
	switch k {
	case Int, Dec1, Dec3, Percent, Sci:
		return true
	}
	return false
}

// style is the cell style of the kind: its number format and alignment.
func (k Kind) style() *excelize.Style {
	// numbers right-aligned with a space before the next column's text
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
	case Sci:
		return &excelize.Style{CustomNumFmt: ptr("0.0E+00"), Alignment: number}
	case Right:
		return &excelize.Style{Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "top"}}
	}
	return &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}} // Text, Long
}

// Column declares a column of a table once: its name (the CSV header),
// its kind (how the workbook writes and formats it) and, when it differs
// from the name, the header the workbook shows.
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
