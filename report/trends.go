package report

import (
	"fmt"
	"io"

	"github.com/issuelens/analyze/analyze"
	"github.com/xuri/excelize/v2"
)

// WriteTrendsWorkbook writes a workbook of the Trends sheet alone, from a
// history (analyze trends); store names it in the document's properties.
func WriteTrendsWorkbook(w io.Writer, h *analyze.History, store, version string) error {
	b := newBook(w, maxTextRows)
	defer b.f.Close()
	if err := b.setupSheets([]string{SheetTrends}, "Formulations across issues", "Counts of formulations issue by issue",
		Provenance{Input: store, Version: version}); err != nil {
		return err
	}
	if err := b.trends(&analyze.Result{History: h}); err != nil {
		return err
	}
	if err := b.fitHeads(); err != nil {
		return err
	}
	return b.save()
}

// trendLines is how many formulations the Trends sheet's line chart draws.
const trendLines = 6

// trendHeaders labels each issue of a history once: its date (else its
// title), numbered when two issues share a label, and marked when it is
// the report's own.
func trendHeaders(h *analyze.History) []string {
	current := map[int]bool{}
	for _, c := range h.Current {
		current[c] = true
	}
	seen := map[string]int{}
	out := make([]string, len(h.Issues))
	for i, is := range h.Issues {
		l := is.Label()
		seen[l]++
		if n := seen[l]; n > 1 {
			l = fmt.Sprintf("%s (%d)", l, n)
		}
		if current[i] && len(h.Current) == 1 {
			l += " (this issue)"
		}
		out[i] = l
	}
	return out
}

// trends writes the Trends sheet: each formulation counted in some issue
// of the history, issue by issue in date order, as mentions and then per
// 1,000 tokens, with the date it was first counted and a sparkline; under
// it the issues (the denominators); and a line chart of the formulations
// most mentioned over all the issues.
func (b *book) trends(res *analyze.Result) error {
	sheet := SheetTrends
	h := res.History
	if h == nil {
		rows := [][]any{{"No history was kept for this report (analyze run --no-history): with one, this sheet counts every formulation issue by issue across the issues of the history store."}}
		if _, err := b.table(sheet, 1, 1, "Trends", []Column{{Name: "History", Kind: Text}}, rows); err != nil {
			return err
		}
		if err := b.printAt(sheet, "1:1"); err != nil {
			return err
		}
		b.setColWidth(sheet, 1, 120)
		return nil
	}
	labels := trendHeaders(h)
	n := len(h.Issues)
	cols := []Column{{Name: "Theme", Kind: Text}, {Name: "Formulation", Kind: Text}, {Name: "First seen", Kind: Text}, {Name: "Trend", Kind: Text}}
	for _, l := range labels {
		cols = append(cols, Column{Name: l, Kind: Int})
	}
	for _, l := range labels {
		cols = append(cols, Column{Name: l + " per 1,000", Kind: Dec1})
	}
	var rows [][]any
	for _, p := range h.Phrases {
		row := []any{p.Theme, p.Phrase, p.FirstSeen, ""}
		for _, c := range p.Counts {
			if c < 0 {
				row = append(row, "") // not in that issue's lexicon
			} else {
				row = append(row, c)
			}
		}
		for i, c := range p.Counts {
			if c < 0 {
				row = append(row, "")
			} else {
				row = append(row, rate(c, h.Issues[i].Tokens))
			}
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		row := []any{"", "(no formulation of the lexicon occurs in these issues)", "", ""}
		for range 2 * n {
			row = append(row, "")
		}
		rows = append(rows, row)
	}
	next, err := b.table(sheet, 1, 1, "Trends", cols, rows)
	if err != nil {
		return err
	}
	if err := b.fit(sheet, 1, cols, rows); err != nil {
		return err
	}
	b.setColWidth(sheet, 4, 16) // D: room for the sparklines
	if len(h.Phrases) > 0 && n > 1 {
		var locs, ranges []string
		first, _ := excelize.ColumnNumberToName(5)
		last, _ := excelize.ColumnNumberToName(4 + n)
		for i := range h.Phrases {
			locs = append(locs, fmt.Sprintf("D%d", i+2))
			ranges = append(ranges, fmt.Sprintf("'%s'!%s%d:%s%d", sheet, first, i+2, last, i+2))
		}
		if err := b.f.AddSparkline(sheet, &excelize.SparklineOptions{Location: locs, Range: ranges, Type: "line", Markers: true, Style: 18}); err != nil {
			return err
		}
	}

	// the issues: what each column is, and its denominator
	// the wide columns of the table above (theme, formulation) take the
	// issue and its title; the file comes last
	issueCols := []Column{{Name: "Issue", Kind: Text}, {Name: "Title", Kind: Text}, {Name: "Date", Kind: Text}, {Name: "Last date", Kind: Text},
		{Name: "Articles", Kind: Int}, {Name: "Tokens", Kind: Int}, {Name: "Mentions", Kind: Int}, {Name: "File", Kind: Text}}
	var issues [][]any
	for i, is := range h.Issues {
		issues = append(issues, []any{labels[i], is.Title, is.Date, is.LastDate, is.Articles, is.Tokens, is.Mentions, is.Name})
	}
	note := fmt.Sprintf("The %d issues of the history, oldest first (an undated issue goes by the day it was analysed). "+
		"A blank count: that issue's lexicon had no such formulation. Per 1,000: mentions per 1,000 word tokens of the issue's headlines and bodies.", n)
	if err := b.f.SetCellValue(sheet, fmt.Sprintf("A%d", next+1), note); err != nil {
		return err
	}
	inext, err := b.table(sheet, 1, next+2, "TrendIssues", issueCols, issues)
	if err != nil {
		return err
	}
	if err := b.f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: 1, TopLeftCell: "C2", ActivePane: "bottomRight"}); err != nil {
		return err
	}
	if err := b.printAt(sheet, "1:1"); err != nil {
		return err
	}
	if err := b.fitRows(sheet, inext+25); err != nil { // the chart under the issues takes about 25 rows
		return err
	}

	// the chart: the formulations most mentioned over all issues
	if len(h.Phrases) == 0 || n < 2 {
		return nil
	}
	first, _ := excelize.ColumnNumberToName(5)
	last, _ := excelize.ColumnNumberToName(4 + n)
	var series []excelize.ChartSeries
	for _, k := range h.Top(trendLines) {
		row := k + 2 // under the header
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("'%s'!$B$%d", sheet, row),
			Categories: fmt.Sprintf("'%s'!$%s$1:$%s$1", sheet, first, last),
			Values:     fmt.Sprintf("'%s'!$%s$%d:$%s$%d", sheet, first, row, last, row),
			Marker:     excelize.ChartMarker{Symbol: "circle", Size: 5},
		})
	}
	if err := b.setWidths(sheet); err != nil { // the chart is placed by them
		return err
	}
	return b.f.AddChart(sheet, fmt.Sprintf("A%d", inext+2), &excelize.Chart{
		Type: excelize.Line, Series: series,
		Title:  excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: fmt.Sprintf("Top formulations across %d issues", n)}}},
		Legend: excelize.ChartLegend{Position: "bottom"},
		XAxis:  excelize.ChartAxis{Font: excelize.Font{Color: "333333", Size: 9}},
		YAxis: excelize.ChartAxis{MajorGridLines: true, Font: excelize.Font{Color: "333333", Size: 9},
			Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "mentions", Font: &excelize.Font{Color: "333333", Size: 10}}}}},
		Dimension: excelize.ChartDimension{Width: 900, Height: 480},
	})
}
