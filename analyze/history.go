package analyze

import "sort"

// History is what the runs kept in a history store say about the issues
// analysed so far, seen from one report: every issue in date order with
// what it counted, and what is new in the report's issue. Package history
// fills it in; the report and the charts show it. A Result without one
// (Result.History nil) was analysed with no history kept.
type History struct {
	// Series names the series seen: an issue is compared only with the
	// issues of its series (the publication read from it, or --series);
	// "" for a corpus of issues of several series, seen on their own.
	Series  string
	Issues  []HistoryIssue  // oldest first by date; in a series with no dated issue, by file name
	LeftOut []HistoryIssue  // the series' undated issues, out of a series that has dated ones, by file name
	Phrases []HistoryPhrase // every formulation counted in some issue: the current lexicon's in its order, then the others by theme and phrase
	Current []int           // the places in Issues of the report's issues (one, or a corpus's)
	// Unplaced: the report's one issue is undated, so out of its series'
	// trends (and in LeftOut): nothing is new in it
	Unplaced bool

	// What no earlier issue (dated before the report's issue) had; both
	// empty when there is no earlier issue, or for a corpus report.
	Earlier         int             // how many issues came before the report's issue
	NewFormulations []string        // lexicon formulations counted for the first time, in lexicon order
	NewCandidates   map[string]bool // discovered phrases (lower case) that were no earlier issue's candidates

	// What the report's issue no longer says that the last issues of its
	// series said (see DropWindow): empty when nothing dropped, when fewer
	// than DropMin issues came before, or for a corpus report.
	Dropped       []DroppedFormulation // in lexicon order
	DroppedThemes []DroppedTheme       // in the order of the lexicon's themes
	// Drift: words before a formulation that the issues before (at most
	// DropWindow) never put there, where at least DriftMin of them agreed
	// on a usual one; by phrase and word.
	Drift []Drift
	// ListDrift: items left out of a list of at least SetListMin
	// formulations that DriftMin of the issues before set out whole
	ListDrift []ListDrift
}

// DriftMin is how many of the issues before must have put the same word
// before a formulation for another word there to be a change of wording.
const DriftMin = 2

// The rules for what dropped, stated once: a formulation counted in at
// least DropMin of the DropWindow issues before the report's issue (of its
// series) and not once in it; a theme whose share of the mentions fell
// below 1/ThemeFall of its mean share over those issues, where that mean
// is at least ThemeMinShare.
const (
	DropWindow    = 5
	DropMin       = 3
	ThemeFall     = 2
	ThemeMinShare = 0.05
)

// DroppedFormulation is a formulation the last issues of a series used
// and the report's issue does not.
type DroppedFormulation struct {
	Theme     string `json:"theme"`
	Phrase    string `json:"phrase"`
	In        int    `json:"in"`         // how many of the Window issues before counted it
	Window    int    `json:"window"`     // how many issues before were looked at (at most DropWindow)
	LastIssue string `json:"last_issue"` // the label of the last issue that counted it
	LastCount int    `json:"last_count"` // its mentions there
}

// DroppedTheme is a theme whose share of the mentions fell.
type DroppedTheme struct {
	Theme  string  `json:"theme"`
	Share  float64 `json:"share"`  // of the report's issue's mentions
	Before float64 `json:"before"` // its mean share over the issues before (see DropWindow)
	Window int     `json:"window"`
}

// HistoryIssue is one issue in a history store.
type HistoryIssue struct {
	SHA256     string // of the input's bytes: the issue's identity
	Name       string // the input file
	Title      string
	Series     string // the series it belongs to
	Lang       string // its language's code (en, zh); "" when recorded before languages were kept
	Short      string // its label where the date will not do: its year in a yearly series, a short title (or the file name) in an undated one
	Date       string // first date, ISO 8601, or "" when undated
	LastDate   string
	Articles   int
	Tokens     int // word tokens of headlines and bodies: the per-1,000 denominator
	Mentions   int
	AnalyzedAt string // RFC 3339, UTC
}

// HistoryPhrase is one formulation across the issues of a history.
type HistoryPhrase struct {
	Theme, Phrase string
	Counts        []int  // one per issue (History.Issues); -1 where that issue's lexicon had no such formulation
	FirstSeen     string // date of the first issue that counted it ("" if undated or never)
	FirstIssue    int    // its place in Issues, or -1 when never counted
}

// Label names an issue for a chart or a column: its short label where
// its history gave it one, else its date, else its title.
func (h HistoryIssue) Label() string {
	if h.Short != "" {
		return h.Short
	}
	if h.Date != "" {
		return h.Date
	}
	if h.Title != "" {
		return h.Title
	}
	return h.Name
}

// Total is the phrase's mentions over all the issues that counted it.
func (p HistoryPhrase) Total() int {
	t := 0
	for _, n := range p.Counts {
		t += max(n, 0)
	}
	return t
}

// Top returns the places in Phrases of the n phrases most mentioned over
// all issues, most first (ties in the order of Phrases).
func (h *History) Top(n int) []int {
	idx := make([]int, len(h.Phrases))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return h.Phrases[idx[a]].Total() > h.Phrases[idx[b]].Total() })
	return idx[:min(n, len(idx))]
}
