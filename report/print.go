package report

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Printing. Every sheet prints on A4 landscape, fitted to the page's
// width, with the report's title and the sheet's name at the top of each
// page and the page number at the bottom; a table's header repeats on
// every page. A long table prints what a reader of a briefing reads (the
// first rows, as it is sorted, or for Keyness the first rows of each day
// and venue, each on its own page), and the footer says what the
// printout leaves out: the sheet and the CSV keep every row.

// printable sets how a sheet prints: A4 landscape, fit to the page's
// width, and a header (the report's title, the sheet's name) and footer
// (the page number) on every page. It is called before any stream writer
// opens the sheet, which keeps these settings.
func (b *book) printable(sheet, title string) error {
	if err := b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Orientation: ptr("landscape"), FitToWidth: ptr(1), FitToHeight: ptr(0), Size: ptr(9), // A4
	}); err != nil {
		return err
	}
	if err := b.f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Left: ptr(0.5), Right: ptr(0.5), Top: ptr(0.75), Bottom: ptr(0.75), Header: ptr(0.3), Footer: ptr(0.3),
	}); err != nil {
		return err
	}
	b.titles[sheet] = title
	if err := b.footnote(sheet, ""); err != nil {
		return err
	}
	return b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: ptr(true)})
}

// footnote sets the sheet's printed header and footer, the footer saying
// note (what the printout leaves out of the sheet) beside the page
// number. A streamed sheet's is set before its stream writer opens.
func (b *book) footnote(sheet, note string) error {
	return b.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddHeader: headerField(b.titles[sheet], "&R&A"),
		OddFooter: headerField(note, "&RPage &P of &N"),
	})
}

// headerField is a printed header or footer: text on the left ("&" in it
// written "&&"), then right, the codes of its right section. Excel keeps
// at most 255 UTF-16 units in one, codes counted; a longer text (a page's
// title can be any length) is cut there, on a character and never inside
// an "&&", with "…". Only the printout is cut: the sheets keep the text.
func headerField(text, right string) string {
	units := func(s string) int { return len(utf16.Encode([]rune(s))) }
	esc := strings.NewReplacer("&", "&&").Replace
	if field := "&L" + esc(text) + right; units(field) <= excelize.MaxFieldLength {
		return field
	}
	room, end := excelize.MaxFieldLength-units("&L…"+right), 0
	for i, r := range text {
		if room -= units(esc(string(r))); room < 0 {
			break
		}
		end = i + utf8.RuneLen(r)
	}
	return "&L" + esc(strings.TrimRightFunc(text[:end], unicode.IsSpace)) + "…" + right
}

// fitRows prints a sheet of at most onePage rows (as printed) on one
// page, shrunk to fit, rather than leave its last rows to a page of their
// own.
func (b *book) fitRows(sheet string, rows int) error {
	if rows > onePage {
		return nil
	}
	return b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{FitToHeight: ptr(1)})
}

// printAt sets the rows every printed page of sheet repeats (a table's
// header, e.g. "1:1"; "" none) and the ranges printed (e.g. "A1:K40";
// none: all the sheet holds). Each range starts a page.
func (b *book) printAt(sheet, titles string, ranges ...string) error {
	quote := "'" + strings.ReplaceAll(sheet, "'", "''") + "'!"
	abs := func(ref string) string { // A1:K40 → $A$1:$K$40, 1:1 → $1:$1
		parts := strings.Split(ref, ":")
		for i, p := range parts {
			col := strings.TrimRight(p, "0123456789")
			if col == "" {
				parts[i] = "$" + p
			} else {
				parts[i] = "$" + col + "$" + p[len(col):]
			}
		}
		return quote + strings.Join(parts, ":")
	}
	if titles != "" {
		if err := b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: abs(titles), Scope: sheet}); err != nil {
			return err
		}
	}
	if len(ranges) == 0 {
		return nil
	}
	refs := make([]string, len(ranges))
	for i, r := range ranges {
		refs[i] = abs(r)
	}
	return b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: strings.Join(refs, ","), Scope: sheet})
}

// How much of a long table prints.
const (
	onePage        = 80 // rows printed that shrink to one page rather than run onto a second
	printRows      = 45 // the first rows of a long table: about a page
	printGroupRows = 40 // Keyness: the first rows of each day and venue
	printGroups    = 31 // Keyness: the days and venues printed, as the keyness charts
)

// streamPrint is what a streamed table on sheet prints, its header in
// row 1 and nrows data rows over ncol columns under it: the ranges (none:
// the whole table) and the footer's note saying what is left out.
func streamPrint(sheet string, t Table, ncol, nrows int) ([]string, string, error) {
	last, err := excelize.ColumnNumberToName(ncol)
	if err != nil {
		return nil, "", err
	}
	where := "the sheet"
	if strings.HasSuffix(t.Name, ".csv") {
		where += " and data/" + t.Name
	}
	switch sheet {
	case SheetKeyness:
		return keynessPrint(t, last, nrows, where)
	case SheetMentions:
		// the lines in context, date to context after; the columns after
		// them are for the screen
		n := min(nrows, printRows)
		which := fmt.Sprintf("the first %d of %d", n, t.Len())
		if n == t.Len() {
			which = fmt.Sprintf("the %d", n)
		}
		note := fmt.Sprintf("Printed: date, formulation and context of %s mentions; %s %s them all, with their place in the text.",
			which, where, have(where))
		return []string{fmt.Sprintf("A1:E%d", 1+max(n, 1))}, note, nil
	case SheetCoocPairs:
		// the pairs of the matrix, the whole issue in sentence windows,
		// which come first; scoped to Jaccard: the measures, the evidence
		// after them is for the screen
		first := t.head(3 * printRows)
		n := 0
		for n < len(first) && first[n][0] == first[0][0] && first[n][1] == first[0][1] {
			n++
		}
		if n == 0 || n == t.Len() {
			return nil, "", nil
		}
		what := "the whole issue, sentence windows"
		if n == 3*printRows {
			what = "as sorted"
		}
		note := fmt.Sprintf("Printed: the measures of the first %d of %d pairs (%s); %s %s them all, with evidence.", n, t.Len(), what, where, have(where))
		jaccard := slices.IndexFunc(t.Columns, func(c Column) bool { return c.Name == "jaccard" })
		lastCol, _ := excelize.ColumnNumberToName(max(jaccard+1, 4))
		return []string{fmt.Sprintf("A1:%s%d", lastCol, 1+n)}, note, nil
	case SheetDiscover, SheetStructure:
		if nrows <= printRows {
			return nil, "", nil
		}
		note := fmt.Sprintf("Printed: the first %d of %d rows; %s %s them all.", printRows, t.Len(), where, have(where))
		return []string{fmt.Sprintf("A1:%s%d", last, 1+printRows)}, note, nil
	}
	return nil, "", nil
}

// keynessPrint prints the first rows of each group of the Keyness table
// (its rows come group by group, the strongest first), each group on a
// page of its own.
func keynessPrint(t Table, last string, nrows int, where string) ([]string, string, error) {
	order, err := t.order("group")
	if err != nil {
		return nil, "", err
	}
	var ranges []string
	start, group, groups, cut := 0, "", 0, false
	flush := func(end int) { // rows start..end-1
		if end > start && len(ranges) < printGroups {
			ranges = append(ranges, fmt.Sprintf("A%d:%s%d", start+2, last, start+1+min(end-start, printGroupRows)))
		}
		cut = cut || end-start > printGroupRows
	}
	if err := t.each(nrows, func(i int, row []string) error {
		if g := row[order[0]]; i == 0 || g != group {
			flush(i)
			start, group = i, g
			groups++
		}
		return nil
	}); err != nil {
		return nil, "", err
	}
	flush(nrows)
	if !cut && groups <= printGroups { // nothing left out: the table prints whole
		return nil, "", nil
	}
	note := fmt.Sprintf("Printed: the first %d rows of each group, a page each", printGroupRows)
	if groups > printGroups {
		note += fmt.Sprintf(", for the first %d of %d groups", printGroups, groups)
	}
	return ranges, fmt.Sprintf("%s; %s %s all %d rows.", note, where, have(where), t.Len()), nil
}

// have agrees with where: "the sheet has", "the sheet and … have".
func have(where string) string {
	if strings.Contains(where, " and ") {
		return "have"
	}
	return "has"
}

// printedRows is how many rows a streamed table of nrows data rows prints
// in one range (its header included), or 0 when it prints in several.
func printedRows(ranges []string, nrows int) int {
	switch len(ranges) {
	case 0:
		return 1 + max(nrows, 1)
	case 1:
		_, last, _ := strings.Cut(ranges[0], ":")
		_, row, err := excelize.CellNameToCoordinates(last)
		if err == nil {
			return row
		}
	}
	return 0
}
