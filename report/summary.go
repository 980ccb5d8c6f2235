package report

import (
	"fmt"
	_ "image/png" // excelize reads a picture's size through image.DecodeConfig
	"sort"
	"strconv"
	"strings"

	"github.com/issuelens/analyze/analyze"
	"github.com/xuri/excelize/v2"
)

const howToRead = `How to read this workbook. Counts are mentions of the lexicon's formulations in headlines and body paragraphs (photo captions only when the run counted them), found case-insensitively, with inflections ("deepening reforms" counts for "deepen reform"), the longest formulation winning where two overlap, coordinations counted for each formulation they stand for ("industrial and supply chains"), and official titles left out. "Per 1,000" divides by the word tokens of the same day or venue. By day and By venue give every formulation found, grouped by theme, with totals and the token denominators under each table; Themes adds them up by theme. Co-occurrence counts the sentences (and paragraphs) holding two themes, with PMI, normalised PMI (-1 never together, 0 independent, 1 always together), G² and Jaccard, and the first such sentence as evidence. Discovered lists frequent phrases the lexicon does not know yet (in_lexicon = new) beside the ones it does. Keyness ranks what sets each day and venue apart from the rest; rows marked expected_below_5 rest on counts too small for their p-value. Mentions gives every counted mention in context, linked to its article in Structure, which shows the text as read, with source line numbers and the lines dropped as masthead or footer. Lexicon is the list of formulations used.`

// summary writes the Summary sheet: what the issue is, its top
// formulations per day, how to read the workbook, and where it came from.
func (b *book) summary(res *analyze.Result, prov Provenance) error {
	sheet := SheetSummary
	f := b.f
	iss := res.Issue
	set := func(cell string, v any, style int) error {
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			return err
		}
		if style != 0 {
			return f.SetCellStyle(sheet, cell, cell, style)
		}
		return nil
	}
	if err := set("A1", iss.Title, b.title); err != nil {
		return err
	}
	days := dayGroups(res)
	seen := map[string]bool{}
	var dated []string
	for _, k := range res.Counts.Groups {
		if k.Date != "" && !seen[k.Date] {
			seen[k.Date] = true
			dated = append(dated, k.Date)
		}
	}
	sort.Strings(dated)
	dates := "none given"
	switch {
	case len(dated) == 1:
		dates = dated[0]
	case len(dated) > 1:
		dates = fmt.Sprintf("%s to %s (%d days)", dated[0], dated[len(dated)-1], len(dated))
	}
	var venues []string
	for _, v := range venueGroups(res) {
		venues = append(venues, v.name)
	}
	tokens := 0
	for _, a := range res.Articles {
		tokens += a.Tokens
	}
	facts := [][2]any{
		{"Publication", orText(iss.Publication, "not named")},
		{"Dates covered", dates},
		{"Venues", strings.Join(venues, "; ")},
		{"Articles", len(res.Articles)},
		{"Tokens (headlines and bodies)", tokens},
		{"Mentions counted", len(res.Mentions)},
		{"Formulations found", res.FormulationsFound()},
		{"History", historyFact(res.History)},
	}
	unit := "day"
	if len(res.Issues) > 1 {
		unit = "issue"
		facts = append(facts[:1], append([][2]any{{"Issues", len(res.Issues)}}, facts[1:]...)...)
	}
	row := 3
	for _, kv := range facts {
		if err := set("A"+strconv.Itoa(row), kv[0], b.bold); err != nil {
			return err
		}
		if err := set("B"+strconv.Itoa(row), kv[1], b.style[colText]); err != nil {
			return err
		}
		row++
	}
	row++
	if err := set("A"+strconv.Itoa(row), "Top formulations per "+unit, b.bold); err != nil {
		return err
	}
	header := []string{unit, "rank", "formulation", "theme", "mentions", "per 1,000"}
	kinds := []colKind{colText, colInt, colText, colText, colInt, colDec1}
	var top [][]any
	for _, d := range days {
		type fc struct {
			f analyze.Formulation
			n int
		}
		var fcs []fc
		for _, fm := range res.Formulations {
			if n := d.count(res, fm.ID); n > 0 {
				fcs = append(fcs, fc{fm, n})
			}
		}
		sort.SliceStable(fcs, func(i, j int) bool { return fcs[i].n > fcs[j].n })
		for i, x := range fcs[:min(5, len(fcs))] {
			top = append(top, []any{d.name, i + 1, x.f.Phrase, x.f.Theme, x.n, rate(x.n, d.tokens(res))})
		}
	}
	next, err := b.table(sheet, 1, row+1, "SummaryTop", header, kinds, top)
	if err != nil {
		return err
	}
	row = next + 1
	if row, err = b.newThisIssue(res, row); err != nil {
		return err
	}
	if err := set("A"+strconv.Itoa(row), "How to read this workbook", b.bold); err != nil {
		return err
	}
	row++
	cell := "A" + strconv.Itoa(row)
	if err := f.MergeCell(sheet, cell, "F"+strconv.Itoa(row)); err != nil {
		return err
	}
	if err := set(cell, howToRead, b.note); err != nil {
		return err
	}
	// about 1.1 characters a width unit over the merged columns, 15 points a line
	if err := f.SetRowHeight(sheet, row, float64(len(howToRead)/180+1)*15); err != nil {
		return err
	}
	row += 2
	if err := set("A"+strconv.Itoa(row), "Provenance", b.bold); err != nil {
		return err
	}
	row++
	var lexFiles []string
	for _, s := range res.Lexicon.Sources {
		lexFiles = append(lexFiles, s.Name+" (SHA-256 "+s.SHA256+")")
	}
	prov2 := [][2]any{
		{"Input file", prov.Input},
		{"Input SHA-256", prov.InputSHA256},
		{"Lexicon", strings.TrimSpace(res.Lexicon.Name + " " + res.Lexicon.Version)},
		{"Lexicon files", strings.Join(lexFiles, "; ")},
		{"Tool", "analyze " + prov.Version},
		{"Parameters", strings.Join(prov.Params, "; ")},
	}
	for _, kv := range prov2 {
		if err := set("A"+strconv.Itoa(row), kv[0], b.bold); err != nil {
			return err
		}
		if err := set("B"+strconv.Itoa(row), kv[1], b.style[colText]); err != nil {
			return err
		}
		row++
	}
	if err := f.SetColWidth(sheet, "A", "A", 30); err != nil {
		return err
	}
	return b.fit(sheet, 1, header, top, kinds)
}

// charts writes the Charts sheet: a native chart of the top formulations
// by day, from a small table beside it, and the PNG charts.
func (b *book) charts(res *analyze.Result, look Look) error {
	sheet := SheetCharts
	f := b.f
	days := dayGroups(res)
	type ft struct {
		f analyze.Formulation
		n int
	}
	var fts []ft
	for _, fm := range res.Formulations {
		if n := res.Counts.Total(fm.ID); n > 0 {
			fts = append(fts, ft{fm, n})
		}
	}
	sort.SliceStable(fts, func(i, j int) bool { return fts[i].n > fts[j].n })
	fts = fts[:min(12, len(fts))]
	header := []string{"formulation"}
	kinds := []colKind{colText}
	for _, d := range days {
		header = append(header, d.name)
		kinds = append(kinds, colInt)
	}
	var rows [][]any
	for _, x := range fts {
		row := []any{x.f.Phrase}
		for _, d := range days {
			row = append(row, d.count(res, x.f.ID))
		}
		rows = append(rows, row)
	}
	if err := f.SetCellValue(sheet, "A1", "Top formulations by day (data of the chart beside it)"); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", "A1", b.bold); err != nil {
		return err
	}
	next, err := b.table(sheet, 1, 2, "ChartData", header, kinds, rows)
	if err != nil {
		return err
	}
	if err := b.fit(sheet, 1, header, rows, kinds); err != nil {
		return err
	}
	anchor := len(header) + 2
	if len(rows) > 0 && len(days) > 0 {
		var series []excelize.ChartSeries
		for i := range days {
			col, _ := excelize.ColumnNumberToName(2 + i)
			series = append(series, excelize.ChartSeries{
				Name:       fmt.Sprintf("'%s'!$%s$2", sheet, col),
				Categories: fmt.Sprintf("'%s'!$A$3:$A$%d", sheet, 2+len(rows)),
				Values:     fmt.Sprintf("'%s'!$%s$3:$%s$%d", sheet, col, col, 2+len(rows)),
				Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{seriesColor(look.DayColors, i)}},
			})
		}
		cell, _ := excelize.CoordinatesToCellName(anchor, 2)
		if err := f.AddChart(sheet, cell, &excelize.Chart{
			Type: excelize.Bar, Series: series,
			Title:  excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Top formulations by day — " + res.Issue.Title}}},
			Legend: excelize.ChartLegend{Position: "bottom"},
			XAxis:  excelize.ChartAxis{ReverseOrder: true, Font: excelize.Font{Color: "333333", Size: 9}},
			YAxis: excelize.ChartAxis{MajorGridLines: true, MajorUnit: 1, Font: excelize.Font{Color: "333333", Size: 9},
				Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "mentions", Font: &excelize.Font{Color: "333333", Size: 10}}}}},
			Dimension: excelize.ChartDimension{Width: 800, Height: 520},
		}); err != nil {
			return err
		}
	}
	row := max(next+2, 30)
	for _, im := range look.Images {
		if err := f.SetCellValue(sheet, "A"+strconv.Itoa(row), im.Title); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, "A"+strconv.Itoa(row), "A"+strconv.Itoa(row), b.bold); err != nil {
			return err
		}
		if err := f.AddPictureFromBytes(sheet, "A"+strconv.Itoa(row+1), &excelize.Picture{
			Extension: ".png", File: im.PNG,
			Format: &excelize.GraphicOptions{AltText: im.Title, Name: im.Name, ScaleX: 0.5, ScaleY: 0.5, LockAspectRatio: true},
		}); err != nil {
			return fmt.Errorf("chart %s: %w", im.Name, err)
		}
		row += 25 // 450 px at 20 px a row, and room
	}
	return nil
}

// seriesColor is the i-th of the given colours, or of the colour-blind-safe
// palette of Okabe and Ito (black left out) when none are given.
func seriesColor(given []string, i int) string {
	if i < len(given) {
		return given[i]
	}
	p := [...]string{"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}
	return p[i%len(p)]
}

// historyFact says where the report's issue stands in the history.
func historyFact(h *analyze.History) string {
	switch {
	case h == nil:
		return "not kept (--no-history)"
	case len(h.Current) != 1:
		return fmt.Sprintf("%d issues in the history; see Trends", len(h.Issues))
	case len(h.Issues) == 1:
		return "the first issue in the history; see Trends"
	}
	return fmt.Sprintf("%d issues in the history (%s to %s); this is number %d by date, %d before it; see Trends",
		len(h.Issues), h.Issues[0].Label(), h.Issues[len(h.Issues)-1].Label(), h.Current[0]+1, h.Earlier)
}

// newThisIssue writes, from row on, what no earlier issue of the history
// had: formulations counted for the first time and candidate phrases no
// earlier issue had among its candidates. It returns the next free row.
func (b *book) newThisIssue(res *analyze.Result, row int) (int, error) {
	h := res.History
	if h == nil || len(h.Current) != 1 {
		return row, nil
	}
	sheet := SheetSummary
	if err := b.f.SetCellValue(sheet, "A"+strconv.Itoa(row), "New this issue"); err != nil {
		return 0, err
	}
	if err := b.f.SetCellStyle(sheet, "A"+strconv.Itoa(row), "A"+strconv.Itoa(row), b.bold); err != nil {
		return 0, err
	}
	row++
	if h.Earlier == 0 {
		if err := b.f.SetCellValue(sheet, "A"+strconv.Itoa(row), "The first issue in the history (by date): nothing earlier to compare with."); err != nil {
			return 0, err
		}
		return row + 2, nil
	}
	theme := map[string]string{}
	for _, f := range res.Formulations {
		theme[f.Phrase] = f.Theme
	}
	var rows [][]any
	for _, p := range h.NewFormulations {
		n := 0
		for _, hp := range h.Phrases {
			if hp.Phrase == p {
				n = hp.Counts[h.Current[0]]
			}
		}
		rows = append(rows, []any{"formulation", n, p, theme[p]})
	}
	shown := 0
	for _, c := range res.Discovered {
		if newThisIssue(res, c.Phrase) == "yes" && c.InLexicon == "" && shown < maxNewCandidates {
			rows = append(rows, []any{"candidate", c.Count, c.Phrase, ""})
			shown++
		}
	}
	if len(rows) == 0 {
		rows = append(rows, []any{"nothing new", "", "", ""})
	}
	note := fmt.Sprintf("Compared with the %d earlier issue(s) of the history: formulations of the lexicon counted for the first time, "+
		"then the %d best-ranked candidate phrases that were no earlier issue's candidates (Discovered marks them all).", h.Earlier, maxNewCandidates)
	if err := b.f.SetCellValue(sheet, "A"+strconv.Itoa(row), note); err != nil {
		return 0, err
	}
	// the columns line up with the table above: short, number, wide, theme
	next, err := b.table(sheet, 1, row+1, "SummaryNew", []string{"new", "mentions", "phrase", "theme"},
		[]colKind{colText, colInt, colText, colText}, rows)
	if err != nil {
		return 0, err
	}
	if w, err := b.f.GetColWidth(sheet, "B"); err == nil && w < 11 {
		if err := b.f.SetColWidth(sheet, "B", "B", 11); err != nil {
			return 0, err
		}
	}
	return next + 1, nil
}

// maxNewCandidates is how many new candidate phrases Summary lists.
const maxNewCandidates = 15
