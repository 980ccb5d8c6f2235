package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/issuelens/analyze/analyze"
	"github.com/xuri/excelize/v2"
)

// mentions writes the KWIC lines, date | formulation | context before |
// match | context after, then where each stands, linked to its article in
// the Structure sheet. t is res's mentions table: row r is
// res.Mentions[r].
func (b *book) mentions(res *analyze.Result, t Table, st *StructureSheet) error {
	// the line in context first, read left to right as a sentence, then
	// where it stands
	order, err := t.order("date", "phrase", "left", "matched", "right", "venue", "theme", "article", "part", "position", "rank", "weight",
		"paragraph", "sentence", "line", "zh", "issue", "lang")
	if err != nil {
		return err
	}
	link := &extraColumn{header: "In Structure", width: 14, value: func(r int) any {
		m := res.Mentions[r]
		row := st.startRow(m.Issue, m.Article)
		if row-1 > b.rowCap(SheetStructure) {
			return fmt.Sprintf("article %d (in data/structure.csv)", m.Article)
		}
		return excelize.Cell{Formula: fmt.Sprintf(`HYPERLINK("#'%s'!A%d","article %d")`, SheetStructure, row, m.Article),
			Value: fmt.Sprintf("article %d", m.Article)}
	}}
	return b.streamed(SheetMentions, t, streamOpts{order: order, extra: link})
}

// cooccurrence writes the Co-occurrence sheet, the sentence-window theme
// × theme matrix for the whole issue with a colour scale, and the
// Co-occurrence pairs sheet, the long table of every measure. Each has a
// sheet of its own: the columns of one would not fit the other, a
// sheet freezes one header and a printout repeats one.
func (b *book) cooccurrence(res *analyze.Result, long Table) error {
	cols, next, err := b.coocMatrix(res)
	if err != nil {
		return err
	}
	sheet := SheetCooc
	for i := range cols {
		w := 14.0
		if i == 0 {
			w = 30
		}
		b.setColWidth(sheet, i+1, math.Ceil(max(w, headWidth(cols[i].title()))))
	}
	if err := b.f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: 2, TopLeftCell: "B3", ActivePane: "bottomRight"}); err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(len(cols), next-1)
	if err := b.printAt(sheet, "2:2", "A1:"+last); err != nil {
		return err
	}
	if err := b.fitRows(sheet, next-1); err != nil {
		return err
	}

	// the long table, streamed on a sheet of its own (see streamPrint)
	return b.streamed(SheetCoocPairs, long, streamOpts{name: "CooccurrencePairs", frozenCols: 4})
}

// coocMatrix writes the theme × theme matrix of the Co-occurrence sheet
// from its row 1; it returns the matrix's columns and the row after it.
func (b *book) coocMatrix(res *analyze.Result) ([]Column, int, error) {
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
		return nil, 0, err
	}
	if err := f.SetCellStyle(sheet, "A1", "A1", b.bold); err != nil {
		return nil, 0, err
	}
	cols := []Column{{Name: "Theme", Kind: Text}}
	for _, th := range themes {
		cols = append(cols, Column{Name: th, Kind: Int})
	}
	cols = append(cols, Column{Name: "Sentences with the theme", Kind: Int})
	var rows [][]any
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
	next, err := b.tableBanded(sheet, 1, 2, "CooccurrenceMatrix", cols, rows, false)
	if err != nil {
		return nil, 0, err
	}
	if len(themes) > 1 {
		first, _ := excelize.CoordinatesToCellName(2, 3)
		last, _ := excelize.CoordinatesToCellName(1+len(themes), 2+len(themes))
		if err := f.SetConditionalFormat(sheet, first+":"+last, []excelize.ConditionalFormatOptions{{
			Type: "2_color_scale", Criteria: "=", MinType: "min", MaxType: "max", MinColor: "#FFFFFF", MaxColor: "#0072B2",
		}}); err != nil {
			return nil, 0, err
		}
	}
	// theme names as column headers are long: wrap them, over their numbers
	wrapHead, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "right", Indent: 1, WrapText: true, Vertical: "top"},
		Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, 0, err
	}
	hEnd, _ := excelize.CoordinatesToCellName(len(cols), 2)
	if err := f.SetCellStyle(sheet, "B2", hEnd, wrapHead); err != nil {
		return nil, 0, err
	}
	return cols, next, nil
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
			variants := append(append([]string(nil), f.Variants...), f.ZHVariants...) // English, then Chinese
			rows = append(rows, []any{th.Name, f.Phrase, f.ZH, strings.Join(variants, "; "), exact})
		}
	}
	cols := []Column{{Name: "Theme", Kind: Text}, {Name: "Formulation", Kind: Text}, {Name: "Chinese", Kind: Text}, {Name: "Variants", Kind: Long},
		{Name: "Exact form only", Kind: Text}}
	next, err := b.table(sheet, 1, 1, "LexiconFormulations", cols, rows)
	if err != nil {
		return err
	}
	// printed: the formulations; the lists under them are for the screen
	if err := b.footnote(sheet, fmt.Sprintf("Printed: the %d formulations; the sheet lists the ignored spans, venues and stopwords under them.", len(rows))); err != nil {
		return err
	}
	if err := b.printAt(sheet, "1:1", fmt.Sprintf("A1:E%d", next-1)); err != nil {
		return err
	}
	var ign [][]any
	for _, s := range lex.Ignore {
		ign = append(ign, []any{s})
	}
	next, err = b.table(sheet, 1, next+2, "LexiconIgnored", []Column{{Name: "Ignored span (masked before matching)", Kind: Text}}, ign)
	if err != nil {
		return err
	}
	var ven [][]any
	for _, v := range lex.Venues {
		ven = append(ven, []any{v.Venue, strings.Join(v.Patterns, "; ")})
	}
	next, err = b.table(sheet, 1, next+2, "LexiconVenues", []Column{{Name: "Venue", Kind: Text}, {Name: "Patterns", Kind: Long}}, ven)
	if err != nil {
		return err
	}
	var stop [][]any
	for _, s := range lex.Stopwords {
		stop = append(stop, []any{s})
	}
	if _, err := b.table(sheet, 1, next+2, "LexiconStopwords", []Column{{Name: "Stopword (for discovery)", Kind: Text}}, stop); err != nil {
		return err
	}
	if err := b.fit(sheet, 1, cols, rows); err != nil {
		return err
	}
	return b.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// pivot writes formulations × groups: counts, a total, then per 1,000
// tokens, grouped by theme; under the table, all mentions and the token
// denominators.
func (b *book) pivot(sheet string, res *analyze.Result, groups []analyze.Group) error {
	cols := []Column{{Name: "Theme", Kind: Text}, {Name: "Formulation", Kind: Text}, {Name: "Chinese", Kind: Text}}
	for _, g := range groups {
		cols = append(cols, Column{Name: g.Name, Kind: Int})
	}
	cols = append(cols, Column{Name: "Total", Kind: Int})
	for _, g := range groups {
		cols = append(cols, Column{Name: g.Name + " per 1,000", Kind: Dec1})
	}
	cols = append(cols, Column{Name: "Total per 1,000", Kind: Dec1})
	allTokens := 0
	for _, g := range groups {
		allTokens += g.Tokens(res.Counts)
	}
	var rows [][]any
	totals := make([]int, len(groups))
	for _, f := range res.Formulations {
		total := res.Counts.Total(f.ID)
		if total == 0 {
			continue
		}
		row := []any{f.Theme, f.Phrase, f.ZH}
		counts := make([]int, len(groups))
		for i, g := range groups {
			counts[i] = g.Count(res.Counts, f.ID)
			totals[i] += counts[i]
			row = append(row, counts[i])
		}
		row = append(row, total)
		for i, g := range groups {
			row = append(row, rate(counts[i], g.Tokens(res.Counts)))
		}
		row = append(row, rate(total, allTokens))
		rows = append(rows, row)
	}
	next, err := b.table(sheet, 1, 1, sheet, cols, rows)
	if err != nil {
		return err
	}
	if err := b.fit(sheet, 1, cols, rows); err != nil {
		return err
	}
	// below the table: all mentions and the denominators
	sum := []any{"", "All formulations (mentions)", ""}
	toks := []any{"", "Tokens (denominator of per 1,000)", ""}
	all := 0
	for i, g := range groups {
		sum = append(sum, totals[i])
		toks = append(toks, g.Tokens(res.Counts))
		all += totals[i]
	}
	sum = append(sum, all)
	toks = append(toks, allTokens)
	for i, g := range groups {
		sum = append(sum, rate(totals[i], g.Tokens(res.Counts)))
	}
	sum = append(sum, rate(all, allTokens))
	for i, r := range [][]any{sum, toks} {
		cell, _ := excelize.CoordinatesToCellName(1, next+1+i)
		if err := b.f.SetSheetRow(sheet, cell, &r); err != nil {
			return err
		}
		for c, col := range cols {
			at, _ := excelize.CoordinatesToCellName(c+1, next+1+i)
			if err := b.f.SetCellStyle(sheet, at, at, b.style[col.Kind]); err != nil {
				return err
			}
		}
	}
	first, _ := excelize.CoordinatesToCellName(1, next+1)
	if err := b.f.SetCellStyle(sheet, first, "B"+strconv.Itoa(next+2), b.bold); err != nil {
		return err
	}
	if err := b.f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: 1, TopLeftCell: "C2", ActivePane: "bottomRight"}); err != nil {
		return err
	}
	if err := b.fitRows(sheet, next+2); err != nil {
		return err
	}
	return b.printAt(sheet, "1:1")
}

// themes writes theme counts and shares per day and per venue.
func (b *book) themes(res *analyze.Result) error {
	groups := append(res.Periods(), res.Venues()...)
	cols := []Column{{Name: "Theme", Kind: Text}}
	for i, g := range groups {
		label := g.Name
		if i >= len(res.Periods()) {
			label = "venue: " + g.Name
		}
		cols = append(cols, Column{Name: label + " mentions", Kind: Int}, Column{Name: label + " share", Kind: Percent})
	}
	byTheme := func(g analyze.Group) map[string]int {
		m := map[string]int{}
		for _, f := range res.Formulations {
			m[f.Theme] += g.Count(res.Counts, f.ID)
		}
		return m
	}
	counts := make([]map[string]int, len(groups))
	sums := make([]int, len(groups))
	for i, g := range groups {
		counts[i] = byTheme(g)
		for _, n := range counts[i] {
			sums[i] += n
		}
	}
	var rows [][]any
	for _, th := range res.Themes {
		row := []any{th}
		for i := range groups {
			share := any("")
			if sums[i] > 0 {
				share = float64(counts[i][th]) / float64(sums[i])
			}
			row = append(row, counts[i][th], share)
		}
		rows = append(rows, row)
	}
	if _, err := b.table(SheetThemes, 1, 1, SheetThemes, cols, rows); err != nil {
		return err
	}
	if err := b.fitRows(SheetThemes, 1+len(rows)); err != nil {
		return err
	}
	if err := b.fit(SheetThemes, 1, cols, rows); err != nil {
		return err
	}
	if err := b.f.SetPanes(SheetThemes, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: 1, TopLeftCell: "B2", ActivePane: "bottomRight"}); err != nil {
		return err
	}
	return b.printAt(SheetThemes, "1:1")
}
