package analyze

import "fmt"

// Issue is one news issue as read from its text.
type Issue struct {
	Name        string    // input name as given to ReadIssue (a file name, or "-")
	Title       string    // from the masthead; else the only headline; else Name
	Publication string    // a known publication named in the masthead, or ""
	Encoding    string    // how the bytes were decoded: utf-8, utf-8 (BOM), utf-16le, windows-1252 …
	Language    string    // code of the language it was read in (see Language.Code); "" is English
	Lines       int       // lines in the input
	Articles    []Article // in input order
	Dropped     []Dropped // boilerplate left out of the articles, in line order
	// WordsKept and WordsDropped are the words (as the language counts
	// them) of the articles' headlines and bodies, and of the text dropped
	WordsKept, WordsDropped int
	Warnings                []Warning
}

// Article is one dated, venue-tagged piece of an issue.
type Article struct {
	N        int  // 1-based position in the issue
	Date     Date // zero when the issue gives no date for it
	DateNote string
	Venue    string // canonical venue, or VenueUnspecified
	VenueCue *Cue   // the text that named the venue, nil when unspecified
	Headline *Para  // nil when the article opens without one
	Body     []Para
	Captions []Caption
	Words    int // of the headline and body, as the language counts them (Language.LineWords)
}

// VenueUnspecified is the venue of an article with no venue cue.
const VenueUnspecified = "unspecified"

// Para is a paragraph of text and where it stands in the input.
type Para struct {
	Line      int    // first source line, 1-based
	EndLine   int    // last source line
	Text      string // normalised: NBSP as space, entities decoded, runs of space folded
	Sentences []Span // byte ranges of Text, in order
	Subhead   bool   // a subhead within the body ("II. FOOD SECURITY"): one sentence, a heading
}

// Span is a byte range [Start, End) of a text: a Para's Text, a token's.
type Span struct{ Start, End int }

// Caption is a photo caption or credit, kept apart from the body.
type Caption struct {
	Para
	Copies int // how many times the same text stood in the article (≥ 1)
	Lines  []int
}

// Cue is the text that decided something, with its line.
type Cue struct {
	Line int
	Text string
}

// Dropped is an input line left out of every article.
type Dropped struct {
	Line  int
	Kind  string // masthead, footer, stage direction, timestamp, empty section, outside the article, repeated on N of M pages …
	Text  string
	Words int // as the language counts them
}

// Warning is something the reader coped with but the user should know.
type Warning struct {
	Line int // 0 when it concerns the whole input
	Msg  string
	Kind string // what it warns of, for warnings that come many to an input ("long line"); "" for one of its kind
}

// Sentences is the number of sentences in the headline and body.
func (a *Article) Sentences() int {
	n := 0
	if a.Headline != nil {
		n += len(a.Headline.Sentences)
	}
	for _, p := range a.Body {
		n += len(p.Sentences)
	}
	return n
}

// Lines is the first and last source line of the article (headline,
// body and captions); 0, 0 for an empty one.
func (a *Article) Lines() (first, last int) {
	// Only the line fields are read, never a whole Para: the analysis
	// calls this while other parts of a long article are being split
	// into sentences (see pipeline).
	see := func(p *Para) {
		if first == 0 || p.Line < first {
			first = p.Line
		}
		last = max(last, p.EndLine, p.Line)
	}
	if a.Headline != nil {
		see(a.Headline)
	}
	for i := range a.Body {
		see(&a.Body[i])
	}
	for i := range a.Captions {
		see(&a.Captions[i].Para)
	}
	return first, last
}

// DroppedNear shares out the words dropped from an issue among its
// articles, given by their first and last lines, in order: a dropped line
// goes with the article whose lines hold it, else with the one whose
// first or last line is nearest (the earlier on a tie), so that a page's
// title and menus go with the article below them and its footer with the
// article above. It returns the words dropped near each article.
func DroppedNear(spans [][2]int, dropped []Dropped) []int {
	out := make([]int, len(spans))
	if len(spans) == 0 {
		return out
	}
	for _, d := range dropped {
		best, bestDist := 0, -1
		for k, sp := range spans {
			dist := 0
			switch {
			case d.Line < sp[0]:
				dist = sp[0] - d.Line
			case d.Line > sp[1]:
				dist = d.Line - sp[1]
			}
			if bestDist < 0 || dist < bestDist {
				best, bestDist = k, dist
			}
		}
		out[best] += d.Words
	}
	return out
}

// CaptionCopies is the number of captions counting duplicates.
func (a *Article) CaptionCopies() int {
	n := 0
	for _, c := range a.Captions {
		n += c.Copies
	}
	return n
}

// InputError is a problem with the input, located at a line when there is one.
type InputError struct {
	File string
	Line int    // 0 when the problem is the whole input
	Msg  string // what is wrong; "" when Err says it
	Err  error  // the cause, when there is one: errors.Is and As see it
}

func (e *InputError) Error() string {
	msg := e.Msg
	switch {
	case e.Err != nil && msg == "":
		msg = e.Err.Error()
	case e.Err != nil:
		msg += ": " + e.Err.Error()
	}
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, msg)
	}
	return fmt.Sprintf("%s: %s", e.File, msg)
}

// Unwrap is the cause.
func (e *InputError) Unwrap() error { return e.Err }
