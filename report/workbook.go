package report

import (
	"fmt"
	"io"
	"slices"

	"github.com/issuelens/analyze/analyze"
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
	// NoImages says, in the Charts sheet, why it holds no pictures (the
	// run drew none for this report); "" when it has them
	NoImages string
	// Wait, when not nil, gives the images instead of Images: the charts
	// being drawn while the workbook is written, asked for at its last
	// sheet
	Wait func() ([]ChartImage, error)
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
	SheetCoocPairs = "Co-occurrence pairs"
	SheetDiscover  = "Discovered"
	SheetKeyness   = "Keyness"
	SheetMentions  = "Mentions"
	SheetStructure = "Structure"
	SheetLexicon   = "Lexicon"
	SheetCharts    = "Charts"
	// SheetTranslation is in a corpus's workbook when it holds a Chinese
	// issue and its English translation (Result.Translation)
	SheetTranslation = "Translation"
)

// SheetNames lists the workbook's sheets in order.
func SheetNames() []string {
	return []string{SheetSummary, SheetByDay, SheetByVenue, SheetThemes, SheetTrends, SheetCooc, SheetCoocPairs, SheetDiscover, SheetKeyness,
		SheetMentions, SheetStructure, SheetLexicon, SheetCharts}
}

// WriteWorkbook writes the result as an .xlsx workbook: the sheets of
// SheetNames, every table an Excel table with frozen headers, fitted
// columns, number formats and landscape fit-to-width printing that repeats
// the header on every page (a long table prints its first rows: see
// streamPrint). Headers are words (Column.Header); the CSVs keep their
// machine names. tables are
// the CSV tables (see Tables), so a workbook table and its CSV hold the
// same rows. st is the Structure sheet (nil: built from res, which must
// then hold its articles); it shows at most the first 100,000 rows of the
// text. The workbook's parts wait in scratch, an empty file open for
// reading and writing, until they are written to w in order (nil: they
// wait in memory, compressed). The same arguments give the same bytes.
func WriteWorkbook(w io.Writer, scratch io.ReadWriteSeeker, res *analyze.Result, tables []Table, st *StructureSheet, prov Provenance, look Look) error {
	return writeWorkbook(w, scratch, res, tables, st, prov, look, maxTextRows)
}

func writeWorkbook(w io.Writer, scratch io.ReadWriteSeeker, res *analyze.Result, tables []Table, st *StructureSheet, prov Provenance, look Look, textRows int) error {
	b := newBook(w, textRows)
	b.scratch = scratch
	defer b.f.Close()
	if err := b.report(res, tables, st, prov, look); err != nil {
		return err
	}
	return b.save()
}

// shownTables are the CSV tables the workbook shows on sheets of their own.
type shownTables struct {
	cooc, discovered, keyness, mentions Table
}

// showTables picks the tables the workbook shows out of tables, each by
// its name once; a missing one is an error, not an empty sheet.
func showTables(tables []Table) (shownTables, error) {
	var s shownTables
	want := map[string]*Table{coocCSV: &s.cooc, discoveredCSV: &s.discovered, keynessCSV: &s.keyness, mentionsCSV: &s.mentions}
	for _, t := range tables {
		if p, ok := want[t.Name]; ok {
			*p = t
			delete(want, t.Name)
		}
	}
	for _, name := range []string{coocCSV, discoveredCSV, keynessCSV, mentionsCSV} {
		if _, missing := want[name]; missing {
			return s, fmt.Errorf("workbook: no table %s", name)
		}
	}
	return s, nil
}

// report writes the sheets of SheetNames, one step a sheet (By day and
// By venue share theirs).
func (b *book) report(res *analyze.Result, tables []Table, st *StructureSheet, prov Provenance, look Look) error {
	if err := b.setup(res, prov); err != nil {
		return err
	}
	t, err := showTables(tables)
	if err != nil {
		return err
	}
	if st == nil {
		if st, err = StructureSheetOf(res); err != nil {
			return err
		}
	}
	steps := []func() error{
		func() error { return b.summary(res, prov) },
		func() error { return b.pivot(SheetByDay, res, res.Periods()) },
		func() error { return b.pivot(SheetByVenue, res, res.Venues()) },
		func() error { return b.themes(res) },
		func() error { return b.trends(res) },
		func() error { return b.cooccurrence(res, t.cooc) },
		func() error { return b.streamed(SheetDiscover, t.discovered, streamOpts{below: unlisted(res)}) },
		func() error { return b.streamed(SheetKeyness, t.keyness, streamOpts{}) },
		func() error {
			if len(res.Translation) == 0 {
				return nil
			}
			return b.streamed(SheetTranslation, TranslationTable(res), streamOpts{})
		},
		func() error { return b.mentions(res, t.mentions, st) },
		func() error { return b.streamed(SheetStructure, st.Table, streamOpts{}) },
		func() error { return b.lexiconSheet(res) },
		func() error { return b.charts(res, look) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return b.fitHeads()
}

// setup creates the sheets, styles and fixed document properties.
func (b *book) setup(res *analyze.Result, prov Provenance) error {
	sheets := SheetNames()
	if len(res.Translation) > 0 {
		sheets = slices.Insert(sheets, slices.Index(sheets, SheetKeyness)+1, SheetTranslation)
	}
	return b.setupSheets(sheets, res.Issue.Title+" — formulation report", "Counts of formulations by day and venue", prov)
}

// unlisted says how many candidate phrases discovery found beyond those
// listed, or "" when it lists them all.
func unlisted(res *analyze.Result) string {
	n := res.Candidates() - len(res.Discovered)
	if n <= 0 {
		return ""
	}
	return fmt.Sprintf("… and %d more candidate phrases, ranked lower: a report lists the %d ranked highest", n, len(res.Discovered))
}
