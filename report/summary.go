package report

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/issuelens/analyze/analyze"
)

const howToRead = `How to read this workbook. Counts are mentions of the lexicon's formulations in headlines and body paragraphs (photo captions only when the run counted them), found case-insensitively, with inflections ("deepening reforms" counts for "deepen reform"), the longest formulation winning where two overlap, coordinations counted for each formulation they stand for ("industrial and supply chains"), and official titles left out. "Per 1,000" divides by the word tokens of the same day or venue. By day and By venue give every formulation found, grouped by theme, with totals and the token denominators under each table; Themes adds them up by theme. Co-occurrence counts the sentences holding two themes; Co-occurrence pairs gives every pair in sentences and paragraphs, with PMI, normalised PMI (-1 never together, 0 independent, 1 always together), G² and Jaccard, and the first such sentence as evidence. Discovered lists frequent phrases the lexicon does not know yet ("new" under In lexicon) beside the ones it does, ranked against a reference corpus (English) and, with a history, against the issues before in the series, so that wording said everywhere sinks. Keyness ranks what sets each day and venue apart from the rest; rows marked yes under "Expected < 5" rest on counts too small for their p-value. The data/ folder holds the same tables as CSV files, their columns under machine names (count_reference for Reference count, llr for G²). Mentions gives every counted mention in context, linked to its article in Structure, which shows the text as read, with source line numbers and the lines dropped as masthead or footer. Lexicon is the list of formulations used.`

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
	days := res.Periods()
	dated := res.Dates()
	dates := "none given"
	switch {
	case len(dated) == 1:
		dates = dated[0]
	case len(dated) > 1:
		dates = fmt.Sprintf("%s to %s (%d days)", dated[0], dated[len(dated)-1], len(dated))
	}
	var venues []string
	for _, v := range res.Venues() {
		venues = append(venues, v.Name)
	}
	tokens := 0
	for _, a := range res.Articles {
		tokens += a.Tokens
	}
	facts := [][2]any{
		{"Publication", orText(iss.Publication, "not named")},
		{"Read as", readAs(iss)},
		{"Dates covered", dates},
		{"Venues", strings.Join(venues, "; ")},
		{"Articles", len(res.Articles)},
		{"Tokens (headlines and bodies)", tokens},
		{"Text dropped", droppedFact(iss)},
		{"Mentions counted", len(res.Mentions)},
		{"Formulations found", res.FormulationsFound()},
		{"History", historyFact(res.History)},
	}
	unit := "day"
	if len(res.Issues) > 1 {
		unit = "issue"
		facts = append(facts[:1], append([][2]any{{"Issues", len(res.Issues)}}, facts[2:]...)...) // each issue was read its own way
	}
	row, err := b.facts(sheet, 3, facts)
	if err != nil {
		return err
	}
	row++
	if err := set("A"+strconv.Itoa(row), "Top formulations per "+unit, b.bold); err != nil {
		return err
	}
	cols := []Column{{Name: strings.ToUpper(unit[:1]) + unit[1:], Kind: Text}, {Name: "Rank", Kind: Int}, {Name: "Formulation", Kind: Text},
		{Name: "Theme", Kind: Text}, {Name: "Mentions", Kind: Int}, {Name: "Per 1,000 tokens", Kind: Dec1}}
	top := topRows(res, days)
	next, err := b.table(sheet, 1, row+1, "SummaryTop", cols, top)
	if err != nil {
		return err
	}
	row = next + 1
	if row, err = b.newThisIssue(res, row); err != nil {
		return err
	}
	if row, err = b.droppedSince(res, row); err != nil {
		return err
	}
	if row, err = b.wordingChanged(res, row); err != nil {
		return err
	}
	if row, err = b.keptDropped(res, row); err != nil {
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
	// 1.3 characters a width unit of the merged columns as they stand (the
	// tables above set them; LibreOffice fits 1.4 to 1.5), 12.5 points a line
	width := 0.0
	for col := 1; col <= 6; col++ { // A to F
		width += b.colWidth(sheet, col)
	}
	if err := f.SetRowHeight(sheet, row, float64(len(howToRead)/max(40, int(1.3*width))+1)*12.5); err != nil {
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
	end, err := b.facts(sheet, row, prov2)
	if err != nil {
		return err
	}
	if err := b.fitRows(sheet, end); err != nil {
		return err
	}
	b.setColWidth(sheet, 1, 30)
	return b.fit(sheet, 1, cols, top)
}

// topRows are the five formulations most mentioned on each day (or
// issue): day, rank, formulation, theme, mentions, per 1,000.
func topRows(res *analyze.Result, days []analyze.Group) [][]any {
	var top [][]any
	for _, d := range days {
		type fc struct {
			f analyze.Formulation
			n int
		}
		var fcs []fc
		for _, fm := range res.Formulations {
			if n := d.Count(res.Counts, fm.ID); n > 0 {
				fcs = append(fcs, fc{fm, n})
			}
		}
		sort.SliceStable(fcs, func(i, j int) bool { return fcs[i].n > fcs[j].n })
		for i, x := range fcs[:min(5, len(fcs))] {
			top = append(top, []any{d.Name, i + 1, x.f.Phrase, x.f.Theme, x.n, rate(x.n, d.Tokens(res.Counts))})
		}
	}
	return top
}

// facts writes label (bold) and value pairs down columns A and B from
// row on, and returns the row after them.
func (b *book) facts(sheet string, row int, facts [][2]any) (int, error) {
	for _, kv := range facts {
		a, v := "A"+strconv.Itoa(row), "B"+strconv.Itoa(row)
		if err := b.f.SetCellValue(sheet, a, kv[0]); err != nil {
			return 0, err
		}
		if err := b.f.SetCellStyle(sheet, a, a, b.bold); err != nil {
			return 0, err
		}
		if err := b.f.SetCellValue(sheet, v, kv[1]); err != nil {
			return 0, err
		}
		if err := b.f.SetCellStyle(sheet, v, v, b.style[Text]); err != nil {
			return 0, err
		}
		row++
	}
	return row, nil
}

// droppedFact says how much of the text the reader left out of the
// articles, in words (which are not quite tokens: "China's" is one word,
// two tokens).
func droppedFact(iss *analyze.Issue) string {
	all := iss.WordsKept + iss.WordsDropped
	if all == 0 {
		return "none"
	}
	return fmt.Sprintf("%d of %d %s (%.0f%%): masthead, menus, footers, page template; listed in Structure",
		iss.WordsDropped, all, WordUnit(iss.Language), 100*float64(iss.WordsDropped)/float64(all))
}

// historyFact says where the report's issue stands in the history: in
// its series, by date.
func historyFact(h *analyze.History) string {
	if h == nil {
		return "not kept (--no-history)"
	}
	series := "several series"
	if h.Series != "" {
		series = fmt.Sprintf("%q", h.Series)
	}
	left := ""
	if n := len(h.LeftOut); n > 0 && !h.Unplaced {
		left = fmt.Sprintf("; %s left out", plural(n, "undated issue"))
	}
	switch {
	case h.Unplaced:
		return fmt.Sprintf("undated, so out of the trends of %s (%s dated); give it a date (--date) to place it", series, plural(len(h.Issues), "issue"))
	case len(h.Current) != 1:
		return fmt.Sprintf("%s of %s in the history%s; see Trends", plural(len(h.Issues), "issue"), series, left)
	case len(h.Issues) == 1:
		return fmt.Sprintf("the first issue of %s in the history%s; see Trends", series, left)
	}
	return fmt.Sprintf("%s of %s in the history (%s to %s); this is number %d by date, %d before it%s; see Trends",
		plural(len(h.Issues), "issue"), series, h.Issues[0].Label(), h.Issues[len(h.Issues)-1].Label(), h.Current[0]+1, h.Earlier, left)
}

// heading writes a section's title in bold at row of Summary and, when
// not "", a note under it; it returns the row after them.
func (b *book) heading(row int, title, note string) (int, error) {
	cell := "A" + strconv.Itoa(row)
	if err := b.f.SetCellValue(SheetSummary, cell, title); err != nil {
		return 0, err
	}
	if err := b.f.SetCellStyle(SheetSummary, cell, cell, b.bold); err != nil {
		return 0, err
	}
	if note == "" {
		return row + 1, nil
	}
	return row + 2, b.f.SetCellValue(SheetSummary, "A"+strconv.Itoa(row+1), note)
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
	if h.Earlier == 0 {
		next, err := b.heading(row, "New this issue", "The first issue of its series in the history (by date): nothing earlier to compare with.")
		return next + 1, err
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
		if newThisIssue(res, c.Phrase) == "yes" && !c.Known() && shown < maxNewCandidates {
			rows = append(rows, []any{"candidate", c.Count, c.Phrase, ""})
			shown++
		}
	}
	if len(rows) == 0 {
		rows = append(rows, []any{"nothing new", "", "", ""})
	}
	note := fmt.Sprintf("Compared with the %s of its series: formulations of the lexicon counted for the first time, "+
		"then the %d best-ranked candidate phrases that were no earlier issue's candidates (Discovered marks them all).", plural(h.Earlier, "earlier issue"), maxNewCandidates)
	row, err := b.heading(row, "New this issue", note)
	if err != nil {
		return 0, err
	}
	// the columns line up with the table above: short, number, wide, theme
	next, err := b.table(sheet, 1, row, "SummaryNew",
		[]Column{{Name: "New", Kind: Text}, {Name: "Mentions", Kind: Int}, {Name: "Phrase", Kind: Text}, {Name: "Theme", Kind: Text}}, rows)
	if err != nil {
		return 0, err
	}
	b.widen(sheet, 2, 11)
	return next + 1, nil
}

// droppedSince writes, from row on, what the issue no longer says that
// the issues just before it in its series said (see analyze.DropWindow),
// when there is any. It returns the next free row.
func (b *book) droppedSince(res *analyze.Result, row int) (int, error) {
	h := res.History
	if h == nil || len(h.Dropped)+len(h.DroppedThemes) == 0 {
		return row, nil
	}
	sheet := SheetSummary
	window := 0
	var rows [][]any
	for _, d := range h.Dropped {
		window = d.Window
		rows = append(rows, []any{"formulation", d.In, d.Phrase, d.Theme, fmt.Sprintf("%s (%s)", d.LastIssue, plural(d.LastCount, "mention"))})
	}
	for _, d := range h.DroppedThemes {
		window = d.Window
		rows = append(rows, []any{"theme", "", "", d.Theme, fmt.Sprintf("%.0f%% of the mentions here, %.0f%% on average before", 100*d.Share, 100*d.Before)})
	}
	note := fmt.Sprintf("Compared with the %s before this one in its series: formulations counted in at least %d of them and not once here; "+
		"themes whose share of the mentions fell below 1/%d of their average share there (themes of at least %.0f%% on average).",
		plural(window, "issue"), analyze.DropMin, analyze.ThemeFall, 100*analyze.ThemeMinShare)
	row, err := b.heading(row, "Dropped since the issues before", note)
	if err != nil {
		return 0, err
	}
	// the columns line up with the tables above: short, number, wide, theme
	next, err := b.table(sheet, 1, row, "SummaryDropped", []Column{{Name: "Dropped", Kind: Text}, {Name: "In issues before", Kind: Int},
		{Name: "Formulation", Kind: Text}, {Name: "Theme", Kind: Text}, {Name: "Last counted", Kind: Text}}, rows)
	if err != nil {
		return 0, err
	}
	return next + 1, nil
}

// wordingChanged writes, from row on, the changes of wording of the issue
// against the issues before it in its series: words before a
// formulation (analyze.History.Drift) and items left out of a set list
// (analyze.History.ListDrift), each with a sentence so worded in
// context, when there are any. It returns the next free row.
func (b *book) wordingChanged(res *analyze.Result, row int) (int, error) {
	h := res.History
	if h == nil || len(h.Drift)+len(h.ListDrift) == 0 {
		return row, nil
	}
	sheet := SheetSummary
	var notes []string
	if len(h.Drift) > 0 {
		notes = append(notes, fmt.Sprintf("Word now: the word before a formulation that none of the issues before this one in its series put there, where at least %d of them agreed on another.", analyze.DriftMin))
	}
	if len(h.ListDrift) > 0 {
		notes = append(notes, fmt.Sprintf("List changed: formulations that at least %d of the issues before set out together in one list (of %d or more), of which this issue lists only some (left out), or all in an order none of them used (order changed).", analyze.DriftMin, analyze.SetListMin))
	}
	row, err := b.heading(row, "Wording changed", strings.Join(notes, " "))
	if err != nil {
		return 0, err
	}
	if len(h.Drift) > 0 {
		var rows [][]any
		for _, d := range h.Drift {
			kwic := ""
			for _, m := range res.Mentions {
				if m.Phrase == d.Phrase && res.Language != nil && analyze.Modifier(res.Language, m.Left) == d.Modifier {
					kwic = strings.TrimSpace(m.Left + " [" + m.Matched + "] " + m.Right)
					break
				}
			}
			rows = append(rows, []any{d.Modifier, d.Count, d.Phrase, d.Usual, fmt.Sprintf("%d of %d", d.UsualIn, d.Window), kwic})
		}
		next, err := b.table(sheet, 1, row, "SummaryDrift", []Column{{Name: "Word now", Kind: Text}, {Name: "Mentions", Kind: Int},
			{Name: "Formulation", Kind: Text}, {Name: "Usual word", Kind: Text}, {Name: "Issues before with it", Kind: Text}, {Name: "In context", Kind: Text}}, rows)
		if err != nil {
			return 0, err
		}
		row = next + 1
	}
	if len(h.ListDrift) > 0 {
		var rows [][]any
		for _, d := range h.ListDrift {
			kwic := ""
			for _, l := range res.Lists {
				if slices.Equal(l.Items, d.Now) {
					kwic = l.Text
					break
				}
			}
			change := d.Change
			if len(d.Missing) > 0 {
				change += ": " + strings.Join(d.Missing, "; ")
			}
			// the lists are long: they go last, where a cell runs on to
			// the right, the usual one then the sentence now (which shows
			// the list as set out)
			rows = append(rows, []any{change, d.Count, fmt.Sprintf("%d of %d", d.UsualIn, d.Window),
				"usual: " + strings.Join(d.Usual, "; ") + " | now: " + kwic})
		}
		next, err := b.table(sheet, 1, row, "SummaryListDrift", []Column{{Name: "List changed", Kind: Text}, {Name: "Lists now", Kind: Int},
			{Name: "Issues before with it", Kind: Text}, {Name: "Usual list | in context now", Kind: Text}}, rows)
		if err != nil {
			return 0, err
		}
		row = next + 1
	}
	return row, nil
}

// maxSummaryArticles is how many articles Summary lists with the words
// kept and dropped (inspect lists them all).
const maxSummaryArticles = 50

// keptDropped writes, for a report of one issue, each article's words
// kept and the words dropped around it (analyze.DroppedNear), so that a
// reading that dropped too much or too little shows at a glance.
func (b *book) keptDropped(res *analyze.Result, row int) (int, error) {
	if len(res.Issues) > 1 || len(res.Articles) == 0 {
		return row, nil
	}
	sheet := SheetSummary
	title := "Text kept and dropped, by article"
	if unit := WordUnit(res.Issue.Language); unit != "words" {
		title += " (in " + unit + ")"
	}
	if len(res.Articles) > maxSummaryArticles {
		title += fmt.Sprintf(" (the first %d of %d; analyze inspect lists them all)", maxSummaryArticles, len(res.Articles))
	}
	row, err := b.heading(row, title, "")
	if err != nil {
		return 0, err
	}
	spans := make([][2]int, len(res.Articles))
	for i, a := range res.Articles {
		spans[i] = [2]int{a.FirstLine, a.LastLine}
	}
	dropped := analyze.DroppedNear(spans, res.Issue.Dropped)
	first := res.FirstFormulations()
	var rows [][]any
	for i, a := range res.Articles[:min(len(res.Articles), maxSummaryArticles)] {
		share := any("")
		if all := a.Words + dropped[i]; all > 0 {
			share = float64(dropped[i]) / float64(all)
		}
		rows = append(rows, []any{a.N, a.Words, orText(a.Headline, "(no headline)"), a.Venue, dropped[i], share,
			first[analyze.ArticleRef{Issue: a.Issue, Article: a.N}]})
	}
	// the columns line up with the tables above: short, number, wide, text, number, number
	unit := WordUnit(res.Issue.Language)
	Unit := strings.ToUpper(unit[:1]) + unit[1:]
	next, err := b.table(sheet, 1, row, "SummaryWords", []Column{{Name: "Article", Kind: Int}, {Name: Unit + " kept", Kind: Int},
		{Name: "Headline", Kind: Text}, {Name: "Venue", Kind: Text}, {Name: Unit + " dropped", Kind: Int}, {Name: "Share dropped", Kind: Percent},
		{Name: "First formulation", Kind: Text}}, rows)
	if err != nil {
		return 0, err
	}
	// the first formulations in full
	b.widen(sheet, 7, 30) // G
	// the column of numbers is as narrow as the rank above it: wide enough
	// for the unit's word, which would break mid-word ("charact-ers")
	b.widen(sheet, 2, float64(len(unit))+3)
	return next + 1, nil
}

// maxNewCandidates is how many new candidate phrases Summary lists.
const maxNewCandidates = 15

// readAs says how an issue's text was read: its language and how its
// bytes were decoded ("zh (Chinese); gb18030 (detected)").
func readAs(iss *analyze.Issue) string {
	return LanguageName(iss.Language) + "; " + orText(iss.Encoding, "utf-8")
}
