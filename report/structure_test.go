package report

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"
)

// spoolFile is a real file to spool to.
func spoolFile(t *testing.T) *os.File {
	t.Helper()
	f, err := os.Create(filepath.Join(t.TempDir(), "spool.csv"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// TestSpooledStructure: a Structure sheet spooled to a file, article by
// article, gives the workbook the bytes the one built in memory gives;
// a corpus's takes the article rows of an issue's, not its dropped lines.
func TestSpooledStructure(t *testing.T) {
	res := analyzeReference(t)
	mem, err := StructureSheetOf(res)
	if err != nil {
		t.Fatal(err)
	}
	// 3 headlines, 19+13+12 body paragraphs, 3 captions (lines 50+54 are
	// one caption twice, then 90 and 121)
	if mem.articles != 3+19+13+12+3 {
		t.Errorf("article rows %d; want 50 (3 headlines, 44 paragraphs, 3 captions)", mem.articles)
	}
	st := NewStructureSheet(NewSpool(spoolFile(t)))
	for i := range res.Issue.Articles {
		if err := st.AddArticle(res.Articles[i].Issue, "en", &res.Issue.Articles[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.AddDropped(res.Issue); err != nil {
		t.Fatal(err)
	}
	if st.Len() != mem.Len() || !reflect.DeepEqual(st.start, mem.start) {
		t.Fatalf("spooled %d rows, starts %v; in memory %d, %v", st.Len(), st.start, mem.Len(), mem.start)
	}
	write := func(s *StructureSheet) []byte {
		var buf bytes.Buffer
		if err := WriteWorkbook(&buf, nil, res, Tables(res), s, Provenance{Input: "two_sessions_2024.txt", Version: "test"}, Look{}); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	if !bytes.Equal(write(st), write(mem)) {
		t.Error("workbook with the spooled Structure differs from the one built in memory")
	}
	var csvMem, csvSpool bytes.Buffer
	if err := WriteCSV(&csvMem, mem.Table); err != nil {
		t.Fatal(err)
	}
	if err := WriteCSV(&csvSpool, st.Table); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(csvMem.Bytes(), csvSpool.Bytes()) {
		t.Error("spooled rows read back differ from the rows in memory")
	}

	corpus := NewStructureSheet(NewSpool(spoolFile(t)))
	for range 2 {
		if err := corpus.AddArticlesOf(st); err != nil {
			t.Fatal(err)
		}
	}
	if corpus.Len() != 2*mem.articles || corpus.startRow("two_sessions_2024.txt", 2) != mem.startRow("two_sessions_2024.txt", 2)+mem.articles {
		t.Errorf("corpus of the issue twice: %d rows, article 2 at %d; want %d rows, the second copy's article 2",
			corpus.Len(), corpus.startRow("two_sessions_2024.txt", 2), 2*mem.articles)
	}
}

// TestStructureSheetCap: the Structure sheet keeps the first rows of the
// text (here 10), says how many more data/structure.csv has, and the
// mentions of articles past them say where they are instead of linking.
func TestStructureSheetCap(t *testing.T) {
	res := analyzeReference(t)
	var buf bytes.Buffer
	if err := writeWorkbook(&buf, nil, res, Tables(res), nil, Provenance{}, Look{}, 10); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(SheetStructure)
	// 50 article rows, the "read as" row and 21 dropped lines (3
	// masthead, 18 footer): 10 kept
	want := "… and 62 more rows: the workbook keeps the first 10 rows of the text; data/structure.csv has them all"
	if len(rows) != 12 || rows[11][0] != want {
		t.Fatalf("Structure: %d rows, last %q; want header, 10 rows and %q", len(rows), rows[len(rows)-1], want)
	}
	mentions, _ := f.GetRows(SheetMentions)
	// article 1 starts on row 2, article 2 past row 11: the first mention
	// links, the last (article 3) does not
	first, last := mentions[1][18], mentions[len(mentions)-1][18]
	formula, _ := f.GetCellFormula(SheetMentions, fmt.Sprintf("S%d", len(mentions)))
	if first != "article 1" || last != "article 3 (in data/structure.csv)" || formula != "" {
		t.Errorf("links %q … %q (formula %q); want article 1 linked, article 3 pointing to data/structure.csv", first, last, formula)
	}
}
