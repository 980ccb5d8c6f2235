package report

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/issuelens/analyze/analyze"
	"github.com/xuri/excelize/v2"
)

// Provenance says where a report came from, for the Summary sheet.
type Provenance struct {
	Input       string   // input file name
	InputSHA256 string   // of the input's bytes
	Version     string   // tool version
	Params      []string // run parameters, "name=value"
}

// Look is what the workbook shows besides the tables: the rendered charts
// and the colours of the days in them, for the native chart to match.
type Look struct {
	Images    []ChartImage
	DayColors []string // "#RRGGBB", one per day (or issue) in order
}

// ChartImage is a rendered chart to embed in the Charts sheet.
type ChartImage struct {
	Name  string // e.g. "top_formulations_by_day"
	Title string
	PNG   []byte
}

// Sheet names, in workbook order.
const (
	SheetSummary   = "Summary"
	SheetByDay     = "By day"
	SheetByVenue   = "By venue"
	SheetThemes    = "Themes"
	SheetTrends    = "Trends"
	SheetCooc      = "Co-occurrence"
	SheetDiscover  = "Discovered"
	SheetKeyness   = "Keyness"
	SheetMentions  = "Mentions"
	SheetStructure = "Structure"
	SheetLexicon   = "Lexicon"
	SheetCharts    = "Charts"
)

// SheetNames lists the workbook's sheets in order.
func SheetNames() []string {
	return []string{SheetSummary, SheetByDay, SheetByVenue, SheetThemes, SheetTrends, SheetCooc, SheetDiscover, SheetKeyness,
		SheetMentions, SheetStructure, SheetLexicon, SheetCharts}
}

// colKind is how a column's cells are written and formatted.
type colKind int

const (
	colText colKind = iota
	colInt
	colDec1    // rates: one decimal
	colDec3    // measures: three decimals
	colPercent // shares
	colLong    // long text: a wide column, not wrapped (rows keep one height in every spreadsheet)
	colSci     // p-values
	colRight   // text read towards the right, as a KWIC's left context
)

// book is a workbook being written.
type book struct {
	f      *excelize.File
	style  map[colKind]int
	title  int
	bold   int
	note   int
	head   [2]int // header cells: text (left) and numbers (right)
	band   int    // conditional format shading every other row
	tables map[string]bool
	// maxRows is the most data rows of a streamed table (maxTableRows;
	// tests make it small)
	maxRows int
	// textRows is the most rows of the Structure sheet (maxTextRows): the
	// text of a large input would make the workbook too big to share, and
	// data/structure.csv has it all
	textRows int
}

// WriteWorkbook writes the result as an .xlsx workbook: the sheets of
// SheetNames, every table an Excel table with frozen headers, fitted
// columns, number formats and landscape fit-to-width printing. tables are
// the CSV tables (see Tables), so a workbook table and its CSV hold the
// same rows. st is the Structure sheet (nil: built from res, which must
// then hold its articles); it shows at most the first 100,000 rows of the
// text. The same arguments give the same bytes.
func WriteWorkbook(w io.Writer, res *analyze.Result, tables []Table, st *StructureSheet, prov Provenance, look Look) error {
	return writeWorkbook(w, res, tables, st, prov, look, maxTextRows)
}

func writeWorkbook(w io.Writer, res *analyze.Result, tables []Table, st *StructureSheet, prov Provenance, look Look, textRows int) error {
	f := excelize.NewFile()
	defer f.Close()
	// the zip goes straight to w: excelize would build the whole file in a
	// buffer of its own (the zip writer it is given) and then copy it
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return newSortedZip(w) })
	b := &book{f: f, style: map[colKind]int{}, tables: map[string]bool{}, maxRows: maxTableRows, textRows: textRows}
	if err := b.setup(res, prov); err != nil {
		return err
	}
	byName := map[string]Table{}
	for _, t := range tables {
		byName[t.Name] = t
	}
	if st == nil {
		var err error
		if st, err = StructureSheetOf(res); err != nil {
			return err
		}
	}
	steps := []func() error{
		func() error { return b.summary(res, prov) },
		func() error { return b.pivot(SheetByDay, res, dayGroups(res)) },
		func() error { return b.pivot(SheetByVenue, res, venueGroups(res)) },
		func() error { return b.themes(res) },
		func() error { return b.trends(res) },
		func() error { return b.cooccurrence(res, byName["cooccurrence.csv"]) },
		func() error { return b.streamed(SheetDiscover, byName["discovered.csv"], nil, nil) },
		func() error { return b.streamed(SheetKeyness, byName["keyness.csv"], nil, nil) },
		func() error { return b.mentions(byName["mentions.csv"], st) },
		func() error { return b.streamed(SheetStructure, st.Table, nil, nil) },
		func() error { return b.lexiconSheet(res) },
		func() error { return b.charts(res, look) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return f.Write(io.Discard) // nothing reaches excelize's own buffer
}

// setup creates the sheets, styles and fixed document properties.
func (b *book) setup(res *analyze.Result, prov Provenance) error {
	return b.setupSheets(SheetNames(), res.Issue.Title+" — formulation report", "Counts of formulations by day and venue", prov)
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
	// numbers right-aligned with a space before the next column's text
	number := &excelize.Alignment{Horizontal: "right", Indent: 1, Vertical: "top"}
	formats := map[colKind]*excelize.Style{
		colText:    {Alignment: &excelize.Alignment{Vertical: "top"}},
		colInt:     {NumFmt: 1, Alignment: number},
		colDec1:    {CustomNumFmt: ptr("0.0"), Alignment: number},
		colDec3:    {CustomNumFmt: ptr("0.000"), Alignment: number},
		colPercent: {CustomNumFmt: ptr("0.0%"), Alignment: number},
		colLong:    {Alignment: &excelize.Alignment{Vertical: "top"}},
		colSci:     {CustomNumFmt: ptr("0.0E+00"), Alignment: number},
		colRight:   {Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "top"}},
	}
	for _, k := range []colKind{colText, colInt, colDec1, colDec3, colPercent, colLong, colSci, colRight} {
		id, err := f.NewStyle(formats[k])
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
			Alignment: &excelize.Alignment{Horizontal: align, Indent: i, Vertical: "top", WrapText: true},
		}); err != nil {
			return err
		}
	}
	if b.band, err = f.NewConditionalStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8F1F8"}}}); err != nil {
		return err
	}
	for _, name := range sheets {
		if err := b.printable(name); err != nil {
			return err
		}
	}
	return nil
}

func ptr[T any](v T) *T { return &v }

// printable sets landscape, fit-to-width printing. It is called before any
// stream writer opens the sheet, which keeps these settings.
func (b *book) printable(sheet string) error {
	if err := b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Orientation: ptr("landscape"), FitToWidth: ptr(1), FitToHeight: ptr(0), Size: ptr(9), // A4
	}); err != nil {
		return err
	}
	return b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: ptr(true)})
}

// headStyle is the header style for a column of kind k: numbers' headers
// align with their numbers.
func (b *book) headStyle(k colKind) int {
	switch k {
	case colInt, colDec1, colDec3, colPercent, colSci:
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

// headHeight is the header row's height in points: two lines when a
// header is wider than its numbers' column and wraps.
func headHeight(header []string, kinds []colKind) float64 {
	for i, h := range header {
		if kinds[i] != colText && kinds[i] != colLong && kinds[i] != colRight && utf8.RuneCountInString(h)+4 > 14 {
			return 30
		}
	}
	return 15
}

// tableName makes a unique Excel table name from a sheet name.
func (b *book) tableName(sheet string) string {
	base := strings.NewReplacer(" ", "", "-", "", "(", "", ")", "").Replace(sheet)
	name := base
	for n := 2; b.tables[name]; n++ {
		name = fmt.Sprintf("%s%d", base, n)
	}
	b.tables[name] = true
	return name
}

// kindOf says how a column of the CSV tables is formatted in the workbook.
func kindOf(header string) colKind {
	switch header {
	case "article", "paragraph", "sentence", "paragraphs", "sentences", "tokens", "captions", "count", "count_target",
		"count_reference", "articles", "line", "windows_a", "windows_b", "windows", "tokens_target", "tokens_reference", "copies":
		return colInt
	case "per_1000":
		return colDec1
	case "expected", "pmi", "npmi", "llr", "jaccard", "score", "log_ratio":
		return colDec3
	case "p_value":
		return colSci
	case "evidence", "example", "text":
		return colLong
	case "left":
		return colRight
	}
	return colText
}

// cellValue turns a CSV cell into a workbook value of its column's kind.
func cellValue(s string, k colKind) any {
	switch k {
	case colInt:
		if n, err := strconv.Atoi(s); err == nil {
			return n
		}
	case colDec1, colDec3, colPercent, colSci:
		if v, err := strconv.ParseFloat(s, 64); err == nil {
			return v
		}
	}
	return s
}

// widths fits each column to its longest cell (header included, but a
// long header over numbers wraps instead of widening them), within limits:
// 60 characters, 100 for long text.
func widths(header []string, rows [][]string, kinds []colKind) []float64 {
	out := make([]float64, len(header))
	for i, h := range header {
		out[i] = float64(utf8.RuneCountInString(h)) + 4 // room for the filter button
		if kinds[i] != colText && kinds[i] != colLong && kinds[i] != colRight {
			out[i] = min(out[i], 14) // a long header over numbers wraps
		}
	}
	for _, r := range rows {
		for i, c := range r {
			if i < len(out) {
				if n := float64(utf8.RuneCountInString(c)) + 2; n > out[i] {
					out[i] = n
				}
			}
		}
	}
	for i := range out {
		limit := 60.0
		if kinds[i] == colLong {
			limit = 100
		}
		out[i] = min(max(out[i], 8), limit)
	}
	return out
}

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

// streamed writes a table to its own sheet with excelize's StreamWriter, so
// a large table is written out as it goes. order picks and orders columns
// by header (nil: all, as in the CSV).
func (b *book) streamed(sheet string, t Table, order []string, extra *extraColumn) error {
	idx := make([]int, 0, len(t.Header))
	if order == nil {
		for i := range t.Header {
			idx = append(idx, i)
		}
	} else {
		for _, h := range order {
			for i, th := range t.Header {
				if th == h {
					idx = append(idx, i)
				}
			}
		}
	}
	header := make([]string, len(idx))
	kinds := make([]colKind, len(idx))
	for n, i := range idx {
		header[n], kinds[n] = t.Header[i], kindOf(t.Header[i])
	}
	picked := make([][]string, 0, min(t.Len(), 2000))
	for _, r := range t.head(2000) { // widths from the first rows are enough
		p := make([]string, len(idx))
		for n, i := range idx {
			p[n] = r[i]
		}
		picked = append(picked, p)
	}
	ws := widths(header, picked, kinds)
	ncol := len(header)
	if extra != nil {
		ncol++
	}
	nrows := min(t.Len(), b.rowCap(sheet))
	// set before the stream writer opens the sheet, which keeps it
	if err := b.banded(sheet, 1, 1, ncol, nrows); err != nil {
		return err
	}
	sw, err := b.f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	for i, wd := range ws {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return err
		}
	}
	if extra != nil {
		if err := sw.SetColWidth(ncol, ncol, extra.width); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	head := make([]any, 0, ncol)
	for i, h := range header {
		head = append(head, excelize.Cell{StyleID: b.headStyle(kinds[i]), Value: h})
	}
	if extra != nil {
		head = append(head, excelize.Cell{StyleID: b.head[0], Value: extra.header})
	}
	if err := sw.SetRow("A1", head, excelize.RowOpts{Height: headHeight(header, kinds)}); err != nil {
		return err
	}
	if err := t.each(nrows, func(r int, row []string) error {
		cells := make([]any, 0, ncol)
		for n, i := range idx {
			cells = append(cells, excelize.Cell{StyleID: b.style[kinds[n]], Value: cellValue(row[i], kinds[n])})
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
	}
	if err := sw.AddTable(&excelize.Table{Range: "A1:" + last, Name: b.tableName(sheet), StyleName: "TableStyleMedium2", ShowRowStripes: ptr(true)}); err != nil {
		return err
	}
	return sw.Flush()
}

// table writes a small table with the ordinary API at top-left cell
// (col, row), formatted by kinds, and returns the row after it.
func (b *book) table(sheet string, col, row int, name string, header []string, kinds []colKind, rows [][]any) (int, error) {
	return b.tableBanded(sheet, col, row, name, header, kinds, rows, true)
}

// tableBanded is table, with or without the shading of every other row.
func (b *book) tableBanded(sheet string, col, row int, name string, header []string, kinds []colKind, rows [][]any, band bool) (int, error) {
	f := b.f
	start, _ := excelize.CoordinatesToCellName(col, row)
	head := make([]any, len(header))
	for i, h := range header {
		head[i] = h
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
	for i, k := range kinds {
		top, _ := excelize.CoordinatesToCellName(col+i, row+1)
		bottom, _ := excelize.CoordinatesToCellName(col+i, row+len(rows))
		if err := f.SetCellStyle(sheet, top, bottom, b.style[k]); err != nil {
			return 0, err
		}
	}
	for i, k := range kinds {
		cell, _ := excelize.CoordinatesToCellName(col+i, row)
		if err := f.SetCellStyle(sheet, cell, cell, b.headStyle(k)); err != nil {
			return 0, err
		}
	}
	if h := headHeight(header, kinds); h > 15 {
		if err := f.SetRowHeight(sheet, row, h); err != nil {
			return 0, err
		}
	}
	if band {
		if err := b.banded(sheet, col, row, len(header), len(rows)); err != nil {
			return 0, err
		}
	}
	end, err := excelize.CoordinatesToCellName(col+len(header)-1, row+len(rows))
	if err != nil {
		return 0, fmt.Errorf("%s: %w", sheet, err)
	}
	if err := f.AddTable(sheet, &excelize.Table{Range: start + ":" + end, Name: b.tableName(name), StyleName: "TableStyleMedium2", ShowRowStripes: ptr(true)}); err != nil {
		return 0, err
	}
	if left > 0 {
		cell, _ := excelize.CoordinatesToCellName(col, row+len(rows)+1)
		if err := f.SetCellValue(sheet, cell, fmt.Sprintf("… and %d more rows: a sheet holds at most %d", left, excelize.TotalRows)); err != nil {
			return 0, err
		}
		return row + len(rows) + 2, nil
	}
	return row + len(rows) + 1, nil
}

// fit sets column widths from the given cells, never narrowing a column
// already set wider (several tables share a sheet's columns). Runs of
// columns of one width are set together: excelize takes time in the
// number of column ranges for each call.
func (b *book) fit(sheet string, firstCol int, header []string, rows [][]any, kinds []colKind) error {
	text := make([][]string, len(rows))
	for i, r := range rows {
		text[i] = make([]string, len(r))
		for j, c := range r {
			text[i][j] = fmt.Sprint(c)
		}
	}
	ws := widths(header, text, kinds)
	for i := range ws {
		ws[i] = math.Ceil(ws[i])
		if i < 8 { // only the first columns may have been set by another table
			col, _ := excelize.ColumnNumberToName(firstCol + i)
			if cur, err := b.f.GetColWidth(sheet, col); err == nil && cur > ws[i] {
				ws[i] = cur
			}
		}
	}
	for i := 0; i < len(ws); {
		j := i
		for j+1 < len(ws) && ws[j+1] == ws[i] {
			j++
		}
		from, _ := excelize.ColumnNumberToName(firstCol + i)
		to, _ := excelize.ColumnNumberToName(firstCol + j)
		if err := b.f.SetColWidth(sheet, from, to, ws[i]); err != nil {
			return err
		}
		i = j + 1
	}
	return nil
}

// group is a set of days or venues the pivots and shares are computed over.
type group struct {
	name string
	keys []analyze.GroupKey
}

// dayGroups returns the days in date order (undated last), each with its
// day-and-venue groups; for a corpus of several issues, the issues.
func dayGroups(res *analyze.Result) []group {
	if len(res.Issues) > 1 {
		return issueGroups(res)
	}
	var out []group
	at := map[string]int{}
	for _, k := range res.Counts.Groups {
		name := k.Date
		if name == "" {
			name = "undated"
		}
		if i, ok := at[name]; ok {
			out[i].keys = append(out[i].keys, k)
			continue
		}
		at[name] = len(out)
		out = append(out, group{name: name, keys: []analyze.GroupKey{k}})
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].name, out[j].name
		if (a == "undated") != (b == "undated") {
			return b == "undated"
		}
		return a < b
	})
	return out
}

// issueGroups returns the issues of a corpus in order.
func issueGroups(res *analyze.Result) []group {
	var out []group
	at := map[string]int{}
	for _, is := range res.Issues {
		at[is.Name] = len(out)
		out = append(out, group{name: is.Name})
	}
	for _, k := range res.Counts.Groups {
		if i, ok := at[k.Issue]; ok {
			out[i].keys = append(out[i].keys, k)
		}
	}
	return out
}

// venueGroups returns the venues in order of appearance.
func venueGroups(res *analyze.Result) []group {
	var out []group
	at := map[string]int{}
	for _, k := range res.Counts.Groups {
		if i, ok := at[k.Venue]; ok {
			out[i].keys = append(out[i].keys, k)
			continue
		}
		at[k.Venue] = len(out)
		out = append(out, group{name: k.Venue, keys: []analyze.GroupKey{k}})
	}
	return out
}

func (g group) count(res *analyze.Result, form int) int {
	n := 0
	for _, k := range g.keys {
		n += res.Counts.Count(k, form)
	}
	return n
}

func (g group) tokens(res *analyze.Result) int {
	n := 0
	for _, k := range g.keys {
		n += res.Counts.Tokens[k]
	}
	return n
}

func rate(count, tokens int) any {
	if tokens == 0 {
		return ""
	}
	return float64(count) / float64(tokens) * 1000
}

// pivot writes formulations × groups: counts, a total, then per 1,000
// tokens, grouped by theme; under the table, all mentions and the token
// denominators.
func (b *book) pivot(sheet string, res *analyze.Result, groups []group) error {
	header := []string{"theme", "formulation", "zh"}
	kinds := []colKind{colText, colText, colText}
	for _, g := range groups {
		header = append(header, g.name)
		kinds = append(kinds, colInt)
	}
	header = append(header, "total")
	kinds = append(kinds, colInt)
	for _, g := range groups {
		header = append(header, g.name+" per 1,000")
		kinds = append(kinds, colDec1)
	}
	header = append(header, "total per 1,000")
	kinds = append(kinds, colDec1)
	allTokens := 0
	for _, g := range groups {
		allTokens += g.tokens(res)
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
			counts[i] = g.count(res, f.ID)
			totals[i] += counts[i]
			row = append(row, counts[i])
		}
		row = append(row, total)
		for i, g := range groups {
			row = append(row, rate(counts[i], g.tokens(res)))
		}
		row = append(row, rate(total, allTokens))
		rows = append(rows, row)
	}
	next, err := b.table(sheet, 1, 1, sheet, header, kinds, rows)
	if err != nil {
		return err
	}
	if err := b.fit(sheet, 1, header, rows, kinds); err != nil {
		return err
	}
	// below the table: all mentions and the denominators
	sum := []any{"", "All formulations (mentions)", ""}
	toks := []any{"", "Tokens (denominator of per 1,000)", ""}
	all := 0
	for i, g := range groups {
		sum = append(sum, totals[i])
		toks = append(toks, g.tokens(res))
		all += totals[i]
	}
	sum = append(sum, all)
	toks = append(toks, allTokens)
	for i, g := range groups {
		sum = append(sum, rate(totals[i], g.tokens(res)))
	}
	sum = append(sum, rate(all, allTokens))
	for i, r := range [][]any{sum, toks} {
		cell, _ := excelize.CoordinatesToCellName(1, next+1+i)
		if err := b.f.SetSheetRow(sheet, cell, &r); err != nil {
			return err
		}
		for c, k := range kinds {
			at, _ := excelize.CoordinatesToCellName(c+1, next+1+i)
			if err := b.f.SetCellStyle(sheet, at, at, b.style[k]); err != nil {
				return err
			}
		}
	}
	first, _ := excelize.CoordinatesToCellName(1, next+1)
	if err := b.f.SetCellStyle(sheet, first, "B"+strconv.Itoa(next+2), b.bold); err != nil {
		return err
	}
	return b.f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: 1, TopLeftCell: "C2", ActivePane: "bottomRight"})
}

// themes writes theme counts and shares per day and per venue.
func (b *book) themes(res *analyze.Result) error {
	groups := append(dayGroups(res), venueGroups(res)...)
	header := []string{"theme"}
	kinds := []colKind{colText}
	for i, g := range groups {
		label := g.name
		if i >= len(dayGroups(res)) {
			label = "venue: " + g.name
		}
		header = append(header, label+" mentions", label+" share")
		kinds = append(kinds, colInt, colPercent)
	}
	byTheme := func(g group) map[string]int {
		m := map[string]int{}
		for _, f := range res.Formulations {
			m[f.Theme] += g.count(res, f.ID)
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
	if _, err := b.table(SheetThemes, 1, 1, SheetThemes, header, kinds, rows); err != nil {
		return err
	}
	if err := b.fit(SheetThemes, 1, header, rows, kinds); err != nil {
		return err
	}
	return b.f.SetPanes(SheetThemes, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: 1, TopLeftCell: "B2", ActivePane: "bottomRight"})
}
