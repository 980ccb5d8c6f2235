package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/issuelens/analyze/analyze"
)

// Structure is what `analyze inspect` shows of an issue: enough to check
// the reading before trusting any count.
type Structure struct {
	File        string `json:"file"`
	Lines       int    `json:"lines"`
	Encoding    string `json:"encoding"`
	Language    string `json:"language"` // the code of the language it was read in: en, zh
	Title       string `json:"title"`
	Publication string `json:"publication"`
	// WordsKept and WordsDropped are the words of the headlines and
	// bodies, and of the text dropped (characters in Chinese)
	WordsKept    int                `json:"words_kept"`
	WordsDropped int                `json:"words_dropped"`
	Articles     []ArticleStructure `json:"articles"`
	Dropped      []DroppedLine      `json:"dropped"`
	Warnings     []WarningLine      `json:"warnings"`
}

// ArticleStructure is one article's place in the structure.
type ArticleStructure struct {
	N              int      `json:"article"`
	Date           string   `json:"date"`
	DateNote       string   `json:"date_note"`
	Venue          string   `json:"venue"`
	VenueCue       string   `json:"venue_cue"`
	VenueLine      int      `json:"venue_line"`
	Headline       string   `json:"headline"`
	HeadlineLine   int      `json:"headline_line"`
	Paragraphs     int      `json:"paragraphs"`
	Sentences      int      `json:"sentences"`
	Captions       int      `json:"captions"`
	CaptionCopies  int      `json:"caption_copies"`
	ParagraphLines [][2]int `json:"paragraph_lines"`
	CaptionLines   [][]int  `json:"caption_lines"`
	SubheadLines   []int    `json:"subhead_lines"` // body paragraphs that are subheads
	Words          int      `json:"words"`         // of the headline and body
	WordsDropped   int      `json:"words_dropped"` // of the dropped lines nearest it (its page's menus and footer)
}

// DroppedLine is a line left out of every article.
type DroppedLine struct {
	Line int    `json:"line"`
	Kind string `json:"kind"`
	Text string `json:"text"`
}

// WarningLine is a warning with its line (0: the whole input).
type WarningLine struct {
	Line int    `json:"line"`
	Msg  string `json:"message"`
}

// StructureOf summarises an issue's structure.
func StructureOf(iss *analyze.Issue) Structure {
	s := Structure{File: iss.Name, Lines: iss.Lines, Encoding: iss.Encoding, Language: orText(iss.Language, "en"), Title: iss.Title,
		Publication: iss.Publication, WordsKept: iss.WordsKept, WordsDropped: iss.WordsDropped,
		Articles: []ArticleStructure{}, Dropped: []DroppedLine{}, Warnings: []WarningLine{}}
	for i := range iss.Articles {
		a := &iss.Articles[i]
		as := ArticleStructure{N: a.N, Date: a.Date.String(), DateNote: a.DateNote, Venue: a.Venue,
			Paragraphs: len(a.Body), Sentences: a.Sentences(), Captions: len(a.Captions), CaptionCopies: a.CaptionCopies(),
			ParagraphLines: [][2]int{}, CaptionLines: [][]int{}, SubheadLines: []int{}, Words: a.Words}
		if a.VenueCue != nil {
			as.VenueCue, as.VenueLine = a.VenueCue.Text, a.VenueCue.Line
		}
		if a.Headline != nil {
			as.Headline, as.HeadlineLine = a.Headline.Text, a.Headline.Line
		}
		for _, p := range a.Body {
			as.ParagraphLines = append(as.ParagraphLines, [2]int{p.Line, p.EndLine})
			if p.Subhead {
				as.SubheadLines = append(as.SubheadLines, p.Line)
			}
		}
		for _, c := range a.Captions {
			as.CaptionLines = append(as.CaptionLines, c.Lines)
		}
		s.Articles = append(s.Articles, as)
	}
	spans := make([][2]int, len(iss.Articles))
	for i := range iss.Articles {
		spans[i][0], spans[i][1] = iss.Articles[i].Lines()
	}
	for k, n := range analyze.DroppedNear(spans, iss.Dropped) {
		s.Articles[k].WordsDropped = n
	}
	for _, d := range iss.Dropped {
		s.Dropped = append(s.Dropped, DroppedLine{d.Line, d.Kind, d.Text})
	}
	for _, w := range iss.Warnings {
		s.Warnings = append(s.Warnings, WarningLine{w.Line, w.Msg})
	}
	return s
}

// WriteStructureJSON writes the structure as indented JSON.
func WriteStructureJSON(w io.Writer, s Structure) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(s)
}

// WriteStructureText writes the structure for reading in a terminal.
func WriteStructureText(w io.Writer, s Structure) error {
	ew := &errWriter{w: w}
	ew.printf("file:        %s (%s, %s)\n", s.File, plural(s.Lines, "line"), s.Encoding)
	ew.printf("language:    %s\n", LanguageName(s.Language))
	ew.printf("title:       %s\n", s.Title)
	ew.printf("publication: %s\n", orNone(s.Publication))
	ew.printf("articles:    %d\n", len(s.Articles))
	unit := WordUnit(s.Language)
	ew.printf("%-13s%s\n", unit+":", keptDropped(s.WordsKept, s.WordsDropped))
	for _, a := range s.Articles {
		ew.printf("\n#%d  %s  %s\n", a.N, orText(a.Date, "undated"), a.Venue)
		if a.HeadlineLine > 0 {
			ew.printf("    headline:   %s (line %d)\n", a.Headline, a.HeadlineLine)
		} else {
			ew.printf("    headline:   none\n")
		}
		ew.printf("    date:       %s\n", orText(a.DateNote, "no date in the text"))
		if a.VenueLine > 0 {
			ew.printf("    venue cue:  %q (line %d)\n", a.VenueCue, a.VenueLine)
		} else {
			ew.printf("    venue cue:  none\n")
		}
		ew.printf("    paragraphs: %d%s\n", a.Paragraphs, lineRange(a.ParagraphLines))
		if len(a.SubheadLines) > 0 {
			ew.printf("    subheads:   %d, lines %s\n", len(a.SubheadLines), joinInts(a.SubheadLines, ", "))
		}
		ew.printf("    sentences:  %d (headline and body)\n", a.Sentences)
		ew.printf("    %-12s%s\n", unit+":", keptDropped(a.Words, a.WordsDropped))
		ew.printf("    captions:   %d", a.Captions)
		if a.CaptionCopies != a.Captions {
			ew.printf(" (%d copies)", a.CaptionCopies)
		}
		if len(a.CaptionLines) > 0 {
			var parts []string
			for _, ls := range a.CaptionLines {
				parts = append(parts, joinInts(ls, "+"))
			}
			ew.printf(", lines %s", strings.Join(parts, ", "))
		}
		ew.printf("\n")
	}
	ew.printf("\ndropped:     %s\n", plural(len(s.Dropped), "line"))
	for _, d := range s.Dropped {
		ew.printf("    %5d  %-15s  %s\n", d.Line, d.Kind, clip(d.Text, 100))
	}
	ew.printf("\nwarnings:    %d\n", len(s.Warnings))
	for _, wn := range s.Warnings {
		if wn.Line > 0 {
			ew.printf("    line %d: %s\n", wn.Line, wn.Msg)
		} else {
			ew.printf("    %s\n", wn.Msg)
		}
	}
	return ew.err
}

// LanguageName names a language by its code, with the code: "en
// (English)", "zh (Chinese)".
func LanguageName(code string) string {
	switch code {
	case "zh":
		return "zh (Chinese)"
	case "en", "":
		return "en (English)"
	}
	return code
}

// WordUnit is what the reader counts as words in a language: Chinese is
// not written in words between spaces, and its counts are of characters.
func WordUnit(code string) string {
	if code == "zh" {
		return "characters"
	}
	return "words"
}

// keptDropped says how many words were kept and dropped.
func keptDropped(kept, dropped int) string {
	if kept+dropped == 0 {
		return "none"
	}
	return fmt.Sprintf("%d kept, %d dropped (%.0f%% dropped)", kept, dropped, 100*float64(dropped)/float64(kept+dropped))
}

func lineRange(ls [][2]int) string {
	if len(ls) == 0 {
		return ""
	}
	return fmt.Sprintf(" (lines %d-%d)", ls[0][0], ls[len(ls)-1][1])
}

func joinInts(v []int, sep string) string {
	parts := make([]string, len(v))
	for i, n := range v {
		parts[i] = fmt.Sprint(n)
	}
	return strings.Join(parts, sep)
}

func orNone(s string) string { return orText(s, "none found") }

func orText(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

// clip shortens s to n runes, marking the cut with an ellipsis.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// errWriter keeps the first write error so a long render checks it once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
