package report

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

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
		SheetDiscover: fmt.Sprintf("A1:J%d", 1+tables["discovered.csv"].Len()),
		SheetKeyness:  fmt.Sprintf("A1:K%d", 1+tables["keyness.csv"].Len()),
		SheetMentions: fmt.Sprintf("A1:P%d", 1+tables["mentions.csv"].Len()), // 15 CSV columns and the link
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
	// the chart picture and the native chart are there
	if pics, err := f.GetPictures(SheetCharts, "A31"); err != nil || len(pics) != 1 {
		t.Errorf("pictures at Charts!A31: %d (%v); want the embedded PNG", len(pics), err)
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
	// CSV export of every sheet (the last filter token, -1), cells as shown
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", dir, xlsx)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
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
	if len(mentions) != 102 || mentions[1][15] != "article 1" || mentions[101][15] != "article 3" {
		t.Errorf("Mentions: %d rows, links %q … %q; want 101 mentions linked to their articles", len(mentions), mentions[1][15], mentions[len(mentions)-1][15])
	}
	structure := read(SheetStructure)
	if structure[1][2] != `heading "March 5" (line 6); year from caption (line 50)` || structure[1][4] != "headline" || structure[1][8] != "Xi Stresses Developing New Quality Productive Forces" {
		t.Errorf("Structure row 2 = %v", structure[1])
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
	if err := b.streamed(SheetDiscover, tb, nil, nil); err != nil {
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
