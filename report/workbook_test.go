package report

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/issuelens/analyze/internal/testfiles"

	"github.com/xuri/excelize/v2"
)

func writeReferenceWorkbook(t *testing.T) []byte {
	t.Helper()
	res := analyzeReference(t)
	var buf bytes.Buffer
	prov := Provenance{Input: "two_sessions_2024.txt", InputSHA256: "sha", Version: "test", Params: []string{"count-captions=false", "min-count=2"}}
	look := Look{Images: []ChartImage{{Name: "dot", Title: "A test image", PNG: onePixelPNG(t)}}}
	if err := WriteWorkbook(&buf, nil, res, Tables(res), nil, prov, look); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// onePixelPNG is a real PNG to embed.
func onePixelPNG(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/dot.png")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestWorkbookReopens reopens the workbook with excelize: the sheets in
// order, their tables, and the By day cells against phrase_counts.csv.
func TestWorkbookReopens(t *testing.T) {
	data := writeReferenceWorkbook(t)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, want := strings.Join(f.GetSheetList(), "|"), strings.Join(SheetNames(), "|"); got != want {
		t.Fatalf("sheets %s; want %s", got, want)
	}
	// the workbook opens on Summary, and only Summary's tab is selected
	if got := f.GetActiveSheetIndex(); got != 0 {
		t.Errorf("active sheet %d; want 0 (Summary)", got)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	// pictures are stored as they are (PNG is compressed already), XML deflated
	for _, zf := range zr.File {
		if want := map[bool]uint16{true: zip.Store, false: zip.Deflate}[strings.HasSuffix(zf.Name, ".png")]; zf.Method != want {
			t.Errorf("%s method %d; want %d", zf.Name, zf.Method, want)
		}
	}
	// every table part is whole (the book keeps them aside while it is
	// made, stubTables) and numbered once: its columns, one a header cell
	var ids []int
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/tables/table") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		var part struct {
			ID      int    `xml:"id,attr"`
			Ref     string `xml:"ref,attr"`
			Columns struct {
				Count int `xml:"count,attr"`
				Names []struct {
					Name string `xml:"name,attr"`
				} `xml:"tableColumn"`
			} `xml:"tableColumns"`
		}
		err = xml.NewDecoder(rc).Decode(&part)
		rc.Close()
		first, last, _ := strings.Cut(part.Ref, ":")
		c0, _, _ := excelize.CellNameToCoordinates(first)
		c1, _, _ := excelize.CellNameToCoordinates(last)
		if err != nil || part.Columns.Count == 0 || len(part.Columns.Names) != part.Columns.Count || part.Columns.Count != c1-c0+1 {
			t.Errorf("%s: id %d, ref %s, %d columns (%d named), %v; want a column for each of the range's", zf.Name, part.ID, part.Ref, part.Columns.Count, len(part.Columns.Names), err)
		}
		ids = append(ids, part.ID)
	}
	slices.Sort(ids)
	if len(ids) < 10 || ids[0] != 1 || ids[len(ids)-1] != len(ids) || len(slices.Compact(slices.Clone(ids))) != len(ids) {
		t.Errorf("table ids %v; want 1 to n, each once", ids)
	}
	for i := range SheetNames() {
		name := fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)
		rc, err := zr.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		xml, err := io.ReadAll(rc)
		rc.Close()
		if selected := bytes.Contains(xml, []byte(`tabSelected="true"`)); err != nil || selected != (i == 0) {
			t.Errorf("%s tab selected %v (%v); want %v", name, selected, err, i == 0)
		}
	}
	res := analyzeReference(t)
	tables := map[string]Table{}
	for _, tb := range Tables(res) {
		tables[tb.Name] = tb
	}
	// table ranges: header row plus one row per CSV row, same columns
	wantRange := map[string]string{
		SheetByDay:    fmt.Sprintf("A1:K%d", 1+66), // theme, formulation, zh, 3 days, total, 3 rates, total rate; 66 formulations found
		SheetByVenue:  fmt.Sprintf("A1:K%d", 1+66),
		SheetDiscover: fmt.Sprintf("A1:L%d", 1+tables["discovered.csv"].Len()), // 12 CSV columns
		SheetKeyness:  fmt.Sprintf("A1:K%d", 1+tables["keyness.csv"].Len()),
		SheetMentions: fmt.Sprintf("A1:S%d", 1+tables["mentions.csv"].Len()), // 18 CSV columns and the link
	}
	for sheet, want := range wantRange {
		ts, err := f.GetTables(sheet)
		if err != nil || len(ts) != 1 || ts[0].Range != want {
			t.Errorf("%s tables %+v (%v); want one at %s", sheet, ts, err, want)
		}
	}
	for _, sheet := range SheetNames() {
		if ts, _ := f.GetTables(sheet); len(ts) == 0 {
			t.Errorf("sheet %s has no Excel table", sheet)
		}
	}
	// By day: every cell equals the phrase_counts rows of that day
	want := map[string]int{}
	count := slices.Index(tables["phrase_counts.csv"].Columns, Column{Name: "count", Kind: Int})
	for _, r := range tables["phrase_counts.csv"].Rows {
		n, _ := strconv.Atoi(r[count])
		want[r[0]+"|"+r[3]] += n
	}
	rows, err := f.GetRows(SheetByDay)
	if err != nil {
		t.Fatal(err)
	}
	days := rows[0][3:6]
	if strings.Join(days, ",") != "2024-03-05,2024-03-06,2024-03-07" {
		t.Fatalf("By day columns %v", rows[0])
	}
	checked := 0
	for _, r := range rows[1:67] {
		for i, d := range days {
			n, err := strconv.Atoi(r[3+i])
			if err != nil || n != want[d+"|"+r[1]] {
				t.Errorf("By day %s %q = %q; phrase_counts.csv says %d", d, r[1], r[3+i], want[d+"|"+r[1]])
			}
			checked++
		}
	}
	if checked != 66*3 {
		t.Errorf("checked %d By day cells; want 198", checked)
	}
	// the denominators under the table
	if r := rows[69]; r[1] != "Tokens (denominator of per 1,000)" || strings.Join(r[3:7], ",") != "608,540,378,1526" || rows[68][1] != "All formulations (mentions)" {
		t.Errorf("denominator row %v", r)
	}
	// Summary's words kept and dropped by article: the masthead's 29
	// words (by reading: 9, 14 and 6 on lines 1-3) go with article 1, the
	// footer's 70 with article 3, none with article 2
	summary, err := f.GetRows(SheetSummary)
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	for i, r := range summary {
		if len(r) > 0 && r[0] == "Text kept and dropped, by article" {
			for _, a := range summary[i+2 : i+5] {
				words = append(words, a[0]+":"+a[1]+"/"+a[4])
			}
		}
	}
	if strings.Join(words, " ") != "1:608/29 2:540/0 3:378/70" {
		t.Errorf("Summary words by article %v; want 1:608/29 2:540/0 3:378/70", words)
	}
	// how the text was read: the sample is English in UTF-8
	readAs := ""
	for _, r := range summary {
		if len(r) > 1 && r[0] == "Read as" {
			readAs = r[1]
		}
	}
	if readAs != "en (English); utf-8" {
		t.Errorf("Summary's Read as %q; want en (English); utf-8", readAs)
	}
	// the chart picture and the native chart are there
	if pics, err := f.GetPictures(SheetCharts, "A36"); err != nil || len(pics) != 1 {
		t.Errorf("pictures at Charts!A36: %d (%v); want the embedded PNG", len(pics), err)
	}
	// frozen header on a streamed sheet
	if panes, err := f.GetPanes(SheetMentions); err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("Mentions panes %+v (%v); want the header frozen", panes, err)
	}
}

func TestWorkbookIsDeterministic(t *testing.T) {
	a, b := writeReferenceWorkbook(t), writeReferenceWorkbook(t)
	if !bytes.Equal(a, b) {
		t.Fatalf("two writes differ (%d and %d bytes)", len(a), len(b))
	}
}

// TestWorkbookInLibreOffice opens the workbook in LibreOffice (Debian's
// libreoffice-calc-nogui, installed by .ci/run), saves every sheet as CSV
// and checks what it reads.
func TestWorkbookInLibreOffice(t *testing.T) {
	soffice := testfiles.Program(t, "soffice", "libreoffice-calc-nogui")
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "report.xlsx")
	if err := os.WriteFile(xlsx, writeReferenceWorkbook(t), 0o644); err != nil {
		t.Fatal(err)
	}
	// CSV export of every sheet (the last filter token, -1), cells as
	// shown (the ninth, true); then the workbook as PDF, as printed
	profile := "-env:UserInstallation=file://" + filepath.Join(dir, "profile")
	for _, to := range []string{"csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", "pdf"} {
		cmd := exec.Command(soffice, profile, "--headless", "--convert-to", to, "--outdir", dir, xlsx)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice --convert-to %s: %v\n%s", to, err, out)
		}
	}
	read := func(sheet string) [][]string {
		b, err := os.ReadFile(filepath.Join(dir, "report-"+sheet+".csv"))
		if err != nil {
			t.Fatalf("LibreOffice wrote no %s sheet: %v", sheet, err)
		}
		rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", sheet, err)
		}
		return rows
	}
	summary := read(SheetSummary)
	if summary[0][0] != "Xi Jinping at the Two Sessions" {
		t.Errorf("Summary A1 = %q", summary[0][0])
	}
	byDay := read(SheetByDay)
	if r := byDay[1]; strings.Join(r[:7], "|") != "Development|new quality productive forces|新质生产力|6|1|3|10" {
		t.Errorf("By day row 2 = %v; want new quality productive forces 6, 1, 3, total 10", r)
	}
	mentions := read(SheetMentions)
	if len(mentions) != 102 || mentions[1][18] != "article 1" || mentions[101][18] != "article 3" {
		t.Errorf("Mentions: %d rows, links %q … %q; want 101 mentions linked to their articles", len(mentions), mentions[1][18], mentions[len(mentions)-1][18])
	}
	structure := read(SheetStructure)
	if structure[1][2] != `heading "March 5" (line 6); year from caption (line 50)` || structure[1][4] != "headline" || structure[1][8] != "Xi Stresses Developing New Quality Productive Forces" {
		t.Errorf("Structure row 2 = %v", structure[1])
	}
	// Keyness: headers in words over the CSV's machine names; p-values
	// as a reader quotes them (the cells hold the numbers: see
	// TestWorkbookPrints)
	keyness := read(SheetKeyness)
	res := analyzeReference(t)
	kt := Tables(res)[slices.IndexFunc(Tables(res), func(tb Table) bool { return tb.Name == keynessCSV })]
	csvHead, _, _ := strings.Cut(string(csvBytes(t, kt)), "\n")
	if got, want := strings.Join(keyness[0], "|"), "Target (against the rest)|Word or formulation|Target count|Reference count|G²|Log ratio|Kind|Target tokens|Reference tokens|p-value|Expected < 5"; got != want {
		t.Errorf("Keyness header %s; want %s", got, want)
	}
	if want := "group,phrase,count_target,count_reference,llr,log_ratio,kind,tokens_target,tokens_reference,p_value,expected_below_5"; csvHead != want {
		t.Errorf("keyness.csv header %s; want the machine names %s", csvHead, want)
	}
	shownP := map[string]string{}
	for i, r := range keyness[1:] {
		shownP[kt.Rows[i][9]] = r[9] // the CSV's p-value, as the sheet shows it
	}
	for csvP, want := range map[string]string{"0.00143": "0.0014", "5.16e-06": "< 0.001", "0.154": "0.154", "0.0415": "0.042", "0.74": "0.740"} {
		if shownP[csvP] != want {
			t.Errorf("Keyness shows p-value %s as %q; want %q", csvP, shownP[csvP], want)
		}
	}
	if got := read(SheetCoocPairs)[0][8]; got != "G²" {
		t.Errorf("Co-occurrence pairs header of llr = %q; want G²", got)
	}
	// printed: the reference workbook (one picture) printed 33 pages
	// before its print areas (Keyness alone 12, Lexicon 8); now 23
	pdf, err := os.ReadFile(filepath.Join(dir, "report.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if pages := bytes.Count(pdf, []byte("/Type/Page\n")) + bytes.Count(pdf, []byte("/Type /Page\n")) + bytes.Count(pdf, []byte("/Type/Page/")) + bytes.Count(pdf, []byte("/Type /Page/")); pages < 15 || pages > 24 {
		t.Errorf("the workbook prints %d pages; want at most 24 (and more than 15: every sheet prints)", pages)
	}
}

// TestStreamedTableCap: a table longer than a sheet keeps the rows that
// fit and says how many are left out (here with a cap of 5 rows).
func TestStreamedTableCap(t *testing.T) {
	var buf bytes.Buffer
	b := newBook(&buf, maxTextRows) // the zip goes to buf
	b.maxRows = 5
	f := b.f
	defer f.Close()
	if err := b.setup(analyzeReference(t), Provenance{}); err != nil {
		t.Fatal(err)
	}
	tb := Table{Name: "discovered.csv", Columns: []Column{{Name: "phrase", Kind: Text}, {Name: "count", Kind: Int}}}
	for i := range 12 {
		tb.Rows = append(tb.Rows, []string{fmt.Sprint("p", i), fmt.Sprint(i)})
	}
	if err := b.streamed(SheetDiscover, tb, streamOpts{}); err != nil {
		t.Fatal(err)
	}
	rows := make([][]any, 12)
	for i := range rows {
		rows[i] = []any{fmt.Sprint("q", i), i}
	}
	next, err := b.table(SheetLexicon, 1, 1, "Small", []Column{{Name: "a", Kind: Text}, {Name: "b", Kind: Int}}, rows)
	if err != nil || next != 8 {
		t.Fatalf("table: next row %d (%v); want 8 (header, 5 rows, the note)", next, err)
	}
	if err := f.Write(io.Discard); err != nil {
		t.Fatal(err)
	}
	g, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if r, _ := g.GetRows(SheetLexicon); len(r) != 7 || r[6][0] != "… and 7 more rows: a sheet holds at most 1048576" {
		t.Errorf("Lexicon rows %v; want 5 rows and the note", r)
	}
	got, _ := g.GetRows(SheetDiscover)
	ts, _ := g.GetTables(SheetDiscover)
	want := "… and 7 more rows: a sheet holds at most 1048576; data/discovered.csv has them all"
	if len(got) != 7 || got[5][0] != "p4" || got[6][0] != want || len(ts) != 1 || ts[0].Range != "A1:B6" {
		t.Errorf("rows %v, tables %+v; want 5 rows, the note, and a table A1:B6", got, ts)
	}
}

// TestWorkbookPrints: every sheet prints A4 landscape fitted to the
// width, a table's header repeating on every page; long tables print
// their first rows (Keyness, the first of each group, a page each) and
// the footer says so; p-values stay numbers under a format; the Charts
// sheet's pictures each start a page; its native chart stacks the days,
// so that its legend lists them in the order of the bars; the
// co-occurrence matrix and its long table each have a sheet, frozen at
// their header.
func TestWorkbookPrints(t *testing.T) {
	data := writeReferenceWorkbook(t)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	names := map[string]string{} // "sheet name" → refers to
	for _, dn := range f.GetDefinedName() {
		names[dn.Scope+" "+dn.Name] = dn.RefersTo
	}
	for _, sheet := range SheetNames() {
		lay, err := f.GetPageLayout(sheet)
		if err != nil || *lay.Orientation != "landscape" || *lay.FitToWidth != 1 || *lay.Size != 9 {
			t.Errorf("%s page layout %+v (%v); want A4 landscape, one page wide", sheet, lay, err)
		}
		hf, err := f.GetHeaderFooter(sheet)
		if err != nil || !strings.Contains(hf.OddHeader, "Xi Jinping at the Two Sessions") || !strings.Contains(hf.OddFooter, "Page &P of &N") {
			t.Errorf("%s header and footer %+v (%v); want the title and the page number", sheet, hf, err)
		}
	}
	for sheet, want := range map[string]string{
		SheetByDay: "'By day'!$1:$1", SheetByVenue: "'By venue'!$1:$1", SheetThemes: "'Themes'!$1:$1", SheetTrends: "'Trends'!$1:$1",
		SheetCooc: "'Co-occurrence'!$2:$2", SheetCoocPairs: "'Co-occurrence pairs'!$1:$1", SheetDiscover: "'Discovered'!$1:$1",
		SheetKeyness: "'Keyness'!$1:$1", SheetMentions: "'Mentions'!$1:$1", SheetStructure: "'Structure'!$1:$1", SheetLexicon: "'Lexicon'!$1:$1",
	} {
		if got := names[sheet+" _xlnm.Print_Titles"]; got != want {
			t.Errorf("%s print titles %q; want %q", sheet, got, want)
		}
	}
	// Keyness: the first 40 rows of each of the 7 groups (3 days, 3
	// venues, the issue against the reference corpus; 115 rows, 123 for
	// the last), a page each
	area := strings.Split(names[SheetKeyness+" _xlnm.Print_Area"], ",")
	if len(area) != 7 || area[0] != "'Keyness'!$A$2:$K$41" || area[1] != "'Keyness'!$A$117:$K$156" || area[6] != "'Keyness'!$A$692:$K$731" {
		t.Errorf("Keyness print area %v; want the first 40 rows of each of 7 groups", area)
	}
	if hf, _ := f.GetHeaderFooter(SheetKeyness); !strings.Contains(hf.OddFooter, "Printed: the first 40 rows of each group, a page each; the sheet and data/keyness.csv have all 813 rows.") {
		t.Errorf("Keyness footer %q; want what the printout leaves out", hf.OddFooter)
	}
	for sheet, want := range map[string]string{
		SheetMentions:  "'Mentions'!$A$1:$E$46", // date to context after, 45 of 101 mentions
		SheetStructure: "'Structure'!$A$1:$K$46",
		SheetCoocPairs: "'Co-occurrence pairs'!$A$1:$J$92", // scope to Jaccard, the whole issue in sentence windows
		SheetLexicon:   "'Lexicon'!$A$1:$E$317",            // the formulations
	} {
		if got := names[sheet+" _xlnm.Print_Area"]; got != want {
			t.Errorf("%s print area %q; want %q", sheet, got, want)
		}
	}
	// a p-value cell holds the number, shown by a format
	if v, _ := f.GetCellValue(SheetKeyness, "J2", excelize.Options{RawCellValue: true}); v != "0.00143" {
		t.Errorf("Keyness!J2 holds %q; want the number 0.00143", v)
	}
	if id, _ := f.GetCellStyle(SheetKeyness, "J2"); true {
		st, err := f.GetStyle(id)
		if err != nil || st.CustomNumFmt == nil || *st.CustomNumFmt != pValueFormat {
			t.Errorf("Keyness!J2 style %+v (%v); want the p-value format", st, err)
		}
	}
	// the co-occurrence matrix and its long table: a sheet each, frozen at
	// the header, columns of their own widths
	for sheet, want := range map[string][2]string{SheetCooc: {"A2", "Theme"}, SheetCoocPairs: {"A1", "Scope"}} {
		panes, err := f.GetPanes(sheet)
		row, _ := strconv.Atoi(want[0][1:])
		head, _ := f.GetCellValue(sheet, want[0])
		if err != nil || !panes.Freeze || panes.YSplit != row || head != want[1] {
			t.Errorf("%s panes %+v (%v), %s = %q; want frozen under its header %q in row %d", sheet, panes, err, want[0], head, want[1], row)
		}
	}
	if a, _ := f.GetColWidth(SheetCooc, "C"); a != 14 {
		t.Errorf("Co-occurrence matrix column C width %v; want 14", a)
	}
	// every header fits its longest word: nothing breaks mid-word
	for _, sheet := range SheetNames() {
		tables, _ := f.GetTables(sheet)
		for _, tb := range tables {
			first, _, _ := strings.Cut(tb.Range, ":")
			col, row, _ := excelize.CellNameToCoordinates(first)
			rows, _ := f.GetRows(sheet)
			if row > len(rows) {
				continue
			}
			for i, h := range rows[row-1][col-1:] {
				name, _ := excelize.ColumnNumberToName(col + i)
				if w, _ := f.GetColWidth(sheet, name); h != "" && w < headWidth(h) {
					t.Errorf("%s!%s%d header %q in a column %v wide; want at least %v, its longest word", sheet, name, row, h, w, headWidth(h))
				}
			}
		}
	}
	// Charts: the picture starts a page; the native chart stacks the days
	// in their order
	brk := `<brk id="34"` // a page starts at row 35, the title over the picture at A36
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	read := func(name string) string {
		rc, err := zr.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		b, _ := io.ReadAll(rc)
		return string(b)
	}
	if sheet := read(fmt.Sprintf("xl/worksheets/sheet%d.xml", len(SheetNames()))); !strings.Contains(sheet, brk) {
		t.Errorf("Charts: no page break before the picture's title in row 35 (%s)", brk)
	}
	chart := read("xl/charts/chart1.xml")
	series := regexp.MustCompile(`<tx><strRef><f>&#39;Charts&#39;!\$([A-Z])\$2</f>`).FindAllStringSubmatch(chart, -1)
	var cols []string
	for _, m := range series {
		cols = append(cols, m[1])
	}
	if !strings.Contains(chart, `<barDir val="bar">`) || !strings.Contains(chart, `<grouping val="stacked">`) || strings.Join(cols, "") != "BCD" {
		t.Errorf("native chart: stacked horizontal bars %v, series from columns %v; want stacked bars of the days B, C, D in order",
			strings.Contains(chart, `<grouping val="stacked">`), cols)
	}
}

// TestLongTitlePrints: a title too long for Excel's printed header (255
// UTF-16 units, its codes &L, &R, &A counted) is cut in the header, on a
// character and never inside an escaped "&&", with "…"; the Summary and
// the document's properties keep the whole title.
func TestLongTitlePrints(t *testing.T) {
	res := analyzeReference(t)
	const suffix = " — formulation report"
	for _, tc := range []struct {
		name, title, header string
		units               int // of the header, in UTF-16
	}{
		{"short", "Two Sessions", "&LTwo Sessions" + suffix + "&R&A", 39},
		{"fits exactly", strings.Repeat("x", 228), "&L" + strings.Repeat("x", 228) + suffix + "&R&A", 255},
		{"one too long", strings.Repeat("x", 229), "&L" + strings.Repeat("x", 229) + " — formulation repo…&R&A", 255},
		{"240 characters", strings.Repeat("x", 240), "&L" + strings.Repeat("x", 240) + " — formu…&R&A", 255},
		{"ampersand at the cut", strings.Repeat("x", 247) + "&y", "&L" + strings.Repeat("x", 247) + "…&R&A", 254},
		{"ampersand before the cut", strings.Repeat("x", 246) + "&y", "&L" + strings.Repeat("x", 246) + "&&…&R&A", 255},
		{"space at the cut", strings.Repeat("x", 247) + " yz", "&L" + strings.Repeat("x", 247) + "…&R&A", 254},
		{"Chinese", strings.Repeat("中", 300), "&L" + strings.Repeat("中", 248) + "…&R&A", 255},
		{"surrogate pairs", "a" + strings.Repeat("😀", 130), "&La" + strings.Repeat("😀", 123) + "…&R&A", 254},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res.Issue.Title = tc.title
			var buf bytes.Buffer
			prov := Provenance{Input: "long.html", InputSHA256: "sha", Version: "test"}
			if err := WriteWorkbook(&buf, nil, res, Tables(res), nil, prov, Look{}); err != nil {
				t.Fatalf("WriteWorkbook with a title of %d characters: %v", len([]rune(tc.title)), err)
			}
			f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			for _, sheet := range SheetNames() {
				hf, err := f.GetHeaderFooter(sheet)
				if err != nil {
					t.Fatal(err)
				}
				got := hf.OddHeader
				if units := len(utf16.Encode([]rune(got))); got != tc.header || units != tc.units {
					t.Fatalf("%s header of %d UTF-16 units, ending %q; want %d, ending %q", sheet, units, tail(got), tc.units, tail(tc.header))
				}
			}
			if got, _ := f.GetCellValue(SheetSummary, "A1"); got != tc.title {
				t.Errorf("Summary!A1 %q; want the whole title, %d characters", got, len([]rune(tc.title)))
			}
			if dp, err := f.GetDocProps(); err != nil || dp.Title != tc.title+suffix {
				t.Errorf("document title %q (%v); want the whole title", dp.Title, err)
			}
		})
	}
}

// tail is the end of a long header, to show where it was cut.
func tail(s string) string {
	r := []rune(s)
	return string(r[max(0, len(r)-16):])
}
