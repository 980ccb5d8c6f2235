package report

import (
	"fmt"
	_ "image/png" // excelize reads a picture's size through image.DecodeConfig
	"strconv"

	"github.com/issuelens/analyze/analyze"
	"github.com/xuri/excelize/v2"
)

// charts writes the Charts sheet: a native chart of the top formulations
// by day, from a small table beside it, and the PNG charts, each printed
// on a page of its own. The native chart stacks the days' bars (a bar's
// length is the formulation's total, as ranked): its legend then lists
// the days in the order of the bars in Excel and in LibreOffice, which
// lists the legend of side-by-side horizontal bars in reverse.
func (b *book) charts(res *analyze.Result, look Look) error {
	sheet := SheetCharts
	f := b.f
	days := res.Periods()
	fts := res.Ranked()
	fts = fts[:min(12, len(fts))]
	cols := []Column{{Name: "Formulation", Kind: Text}}
	for _, d := range days {
		cols = append(cols, Column{Name: d.Name, Kind: Int})
	}
	var rows [][]any
	most := 0 // the longest bar
	for _, x := range fts {
		row := []any{x.Phrase}
		total := 0
		for _, d := range days {
			n := d.Count(res.Counts, x.ID)
			row = append(row, n)
			total += n
		}
		rows = append(rows, row)
		most = max(most, total)
	}
	if err := f.SetCellValue(sheet, "A1", "Top formulations by day (data of the chart beside it)"); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", "A1", b.bold); err != nil {
		return err
	}
	next, err := b.table(sheet, 1, 2, "ChartData", cols, rows)
	if err != nil {
		return err
	}
	if err := b.fit(sheet, 1, cols, rows); err != nil {
		return err
	}
	if err := b.setWidths(sheet); err != nil { // the chart and pictures are placed by them
		return err
	}
	anchor := len(cols) + 2
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
		step := 0.0 // whole mentions while they are few; else the spreadsheet's steps
		if most <= 15 {
			step = 1
		}
		if err := f.AddChart(sheet, cell, &excelize.Chart{
			Type: excelize.BarStacked, Series: series,
			Title:  excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Top formulations by day — " + res.Issue.Title}}},
			Legend: excelize.ChartLegend{Position: "bottom"},
			XAxis:  excelize.ChartAxis{ReverseOrder: true, Font: excelize.Font{Color: "333333", Size: 9}},
			YAxis: excelize.ChartAxis{MajorGridLines: true, MajorUnit: step, Font: excelize.Font{Color: "333333", Size: 9},
				Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Mentions", Font: &excelize.Font{Color: "333333", Size: 10}}}}},
			Dimension: excelize.ChartDimension{Width: 800, Height: 520},
		}); err != nil {
			return err
		}
	}
	// rows are counted at 17 pixels, LibreOffice's default height (Excel's
	// is 20), so that a picture never reaches the next page's
	row := max(next+2, 2+520/17+3)
	images := look.Images
	if look.Wait != nil {
		if images, err = look.Wait(); err != nil {
			return err
		}
	}
	if len(images) == 0 && look.NoImages != "" {
		return f.SetCellValue(sheet, "A"+strconv.Itoa(row), look.NoImages)
	}
	for _, im := range images {
		// each chart starts a printed page
		if err := f.InsertPageBreak(sheet, "A"+strconv.Itoa(row)); err != nil {
			return err
		}
		if err := f.SetCellValue(sheet, "A"+strconv.Itoa(row), im.Title); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, "A"+strconv.Itoa(row), "A"+strconv.Itoa(row), b.bold); err != nil {
			return err
		}
		if err := f.AddPictureFromBytes(sheet, "A"+strconv.Itoa(row+1), &excelize.Picture{
			Extension: ".png", File: im.PNG,
			Format: &excelize.GraphicOptions{AltText: im.Title, Name: im.Name, ScaleX: chartScale, ScaleY: chartScale, LockAspectRatio: true},
		}); err != nil {
			return fmt.Errorf("chart %s: %w", im.Name, err)
		}
		row += 720/17 + 4 // the picture's 720 pixels, and room
	}
	return nil
}

// chartScale is the size of the PNG charts in the sheet: a 1600 × 900
// chart takes 1280 × 720 pixels, most of a printed page.
const chartScale = 0.8

// seriesColor is the i-th of the given colours, or of the colour-blind-safe
// palette of Okabe and Ito (black left out) when none are given.
func seriesColor(given []string, i int) string {
	if i < len(given) {
		return given[i]
	}
	p := [...]string{"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}
	return p[i%len(p)]
}
