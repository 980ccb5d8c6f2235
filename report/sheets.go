package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/issuelens/analyze/analyze"
	"github.com/xuri/excelize/v2"
)

// mentions writes the KWIC lines, left | match | right, each linked to its
// article in the Structure sheet.
func (b *book) mentions(t Table, st *StructureSheet) error {
	order := []string{"article", "date", "venue", "part", "paragraph", "sentence", "theme", "phrase", "left", "matched", "right", "line", "issue"}
	col, issueCol := 0, 0
	for i, h := range t.Header {
		switch h {
		case "article":
			col = i
		case "issue":
			issueCol = i
		}
	}
	link := &extraColumn{header: "in Structure", width: 14, value: func(r int) any {
		n, _ := strconv.Atoi(t.Rows[r][col])
		row := st.start[articleKey(t.Rows[r][issueCol], n)]
		if row-1 > b.rowCap(SheetStructure) {
			return fmt.Sprintf("article %d (in data/structure.csv)", n)
		}
		return excelize.Cell{Formula: fmt.Sprintf(`HYPERLINK("#'%s'!A%d","article %d")`, SheetStructure, row, n),
			Value: fmt.Sprintf("article %d", n)}
	}}
	return b.streamed(SheetMentions, t, order, link)
}

// cooccurrence writes the sentence-window theme × theme matrix for the
// whole issue, with a colour scale, then the long table of every measure.
func (b *book) cooccurrence(res *analyze.Result, long Table) error {
	sheet := SheetCooc
	f := b.f
	var themes []string
	own := map[string]int{}
	count := map[[2]string]int{}
	for _, p := range res.Pairs {
		if p.Scope != analyze.ScopeIssue || p.Window != analyze.WindowSentence {
			continue
		}
		own[p.A], own[p.B] = p.WindowsA, p.WindowsB
		count[[2]string{p.A, p.B}], count[[2]string{p.B, p.A}] = p.Count, p.Count
	}
	for _, th := range res.Themes {
		if own[th] > 0 {
			themes = append(themes, th)
		}
	}
	if err := f.SetCellValue(sheet, "A1", "Sentences holding both themes (whole issue; the diagonal is left empty, the last column gives each theme's own sentences)"); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", "A1", b.bold); err != nil {
		return err
	}
	header := append([]string{"theme"}, themes...)
	header = append(header, "sentences with the theme")
	kinds := []colKind{colText}
	var rows [][]any
	for range themes {
		kinds = append(kinds, colInt)
	}
	kinds = append(kinds, colInt)
	for _, a := range themes {
		row := []any{a}
		for _, bth := range themes {
			if a == bth {
				row = append(row, nil)
			} else {
				row = append(row, count[[2]string{a, bth}])
			}
		}
		row = append(row, own[a])
		rows = append(rows, row)
	}
	next, err := b.tableBanded(sheet, 1, 2, "CooccurrenceMatrix", header, kinds, rows, false)
	if err != nil {
		return err
	}
	if len(themes) > 1 {
		first, _ := excelize.CoordinatesToCellName(2, 3)
		last, _ := excelize.CoordinatesToCellName(1+len(themes), 2+len(themes))
		if err := f.SetConditionalFormat(sheet, first+":"+last, []excelize.ConditionalFormatOptions{{
			Type: "2_color_scale", Criteria: "=", MinType: "min", MaxType: "max", MinColor: "#FFFFFF", MaxColor: "#0072B2",
		}}); err != nil {
			return err
		}
	}
	// theme names as column headers are long: wrap them
	wrapHead, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}, Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	hEnd, _ := excelize.CoordinatesToCellName(len(header), 2)
	if err := f.SetCellStyle(sheet, "B2", hEnd, wrapHead); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, 2, 45); err != nil {
		return err
	}

	// the long table
	at := next + 2
	if err := f.SetCellValue(sheet, "A"+strconv.Itoa(at), "Every pair of themes, for the whole issue and each day, in sentence and paragraph windows"); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A"+strconv.Itoa(at), "A"+strconv.Itoa(at), b.bold); err != nil {
		return err
	}
	lk := make([]colKind, len(long.Header))
	for i, h := range long.Header {
		lk[i] = kindOf(h)
	}
	lrows := make([][]any, len(long.Rows))
	for i, r := range long.Rows {
		lrows[i] = make([]any, len(r))
		for j, c := range r {
			lrows[i][j] = cellValue(c, lk[j])
		}
	}
	if _, err := b.table(sheet, 1, at+1, "CooccurrencePairs", long.Header, lk, lrows); err != nil {
		return err
	}
	// one set of widths for both tables: the matrix's theme columns and
	// the long table's text, whichever needs more
	lw := widths(long.Header, long.Rows, lk)
	for i := 0; i < max(len(header), len(lw)); i++ {
		w := 0.0
		switch {
		case i == 0:
			w = 30
		case i < len(header):
			w = 14
		}
		if i < len(lw) {
			w = max(w, lw[i])
		}
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, w); err != nil {
			return err
		}
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: 2, TopLeftCell: "B3", ActivePane: "bottomRight"})
}

// lexiconSheet writes the lexicon used: formulations, ignored spans,
// venues and stopwords.
func (b *book) lexiconSheet(res *analyze.Result) error {
	sheet := SheetLexicon
	lex := res.Lexicon
	var rows [][]any
	for _, th := range lex.Themes {
		for _, f := range th.Formulations {
			exact := "no"
			if f.Exact {
				exact = "yes"
			}
			rows = append(rows, []any{th.Name, f.Phrase, f.ZH, strings.Join(f.Variants, "; "), exact})
		}
	}
	header := []string{"theme", "formulation", "zh", "variants", "exact"}
	kinds := []colKind{colText, colText, colText, colLong, colText}
	next, err := b.table(sheet, 1, 1, "LexiconFormulations", header, kinds, rows)
	if err != nil {
		return err
	}
	var ign [][]any
	for _, s := range lex.Ignore {
		ign = append(ign, []any{s})
	}
	next, err = b.table(sheet, 1, next+2, "LexiconIgnored", []string{"ignored span (masked before matching)"}, []colKind{colText}, ign)
	if err != nil {
		return err
	}
	var ven [][]any
	for _, v := range lex.Venues {
		ven = append(ven, []any{v.Venue, strings.Join(v.Patterns, "; ")})
	}
	next, err = b.table(sheet, 1, next+2, "LexiconVenues", []string{"venue", "patterns"}, []colKind{colText, colLong}, ven)
	if err != nil {
		return err
	}
	var stop [][]any
	for _, s := range lex.Stopwords {
		stop = append(stop, []any{s})
	}
	if _, err := b.table(sheet, 1, next+2, "LexiconStopwords", []string{"stopword (for discovery)"}, []colKind{colText}, stop); err != nil {
		return err
	}
	if err := b.fit(sheet, 1, header, rows, kinds); err != nil {
		return err
	}
	return b.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}
