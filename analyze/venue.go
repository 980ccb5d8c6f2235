package analyze

import (
	"strings"

	"github.com/issuelens/analyze/analyze/lexicon"
)

// VenuePattern names a venue and the phrases that identify it
// (case-insensitive; straight and curly apostrophes are equal).
type VenuePattern struct {
	Venue    string
	Patterns []string
}

// DefaultVenues is English's built-in venue list (see Language.Venues);
// a lexicon can add to it.
func DefaultVenues() []VenuePattern { return englishVenues() }

// venueLead is how many body paragraphs are searched for the venue: news
// reports name it in the lead, and a passing mention further down is not
// where the article took place.
const venueLead = 5

// findVenue returns the venue named earliest in the article (its date
// heading, headline, then the lead's body paragraphs, then captions), as
// find finds it in each.
func findVenue(find VenueFinder, a *Article, heading *Para) (string, *Cue) {
	var paras []*Para
	if heading != nil {
		// the date heading: a speech's delivery line names where it was
		// given ("——2024年3月5日在第十四届全国人民代表大会第二次会议上"); a date alone
		// names no venue
		paras = append(paras, heading)
	}
	if a.Headline != nil {
		paras = append(paras, a.Headline)
	}
	for i := range a.Body {
		if i == venueLead {
			break
		}
		paras = append(paras, &a.Body[i])
	}
	for i := range a.Captions {
		paras = append(paras, &a.Captions[i].Para)
	}
	// the text of those parts, for a rule that names the venue by it
	article := func() string {
		var all strings.Builder
		for _, p := range paras {
			all.WriteString(p.Text)
			all.WriteByte('\n')
		}
		return all.String()
	}
	for _, p := range paras {
		if venue, cue, ok := find(p.Text, article); ok {
			return venue, &Cue{Line: p.Line, Text: cue}
		}
	}
	return VenueUnspecified, nil
}

// VenuesOf returns the venue list of a lexicon followed by the built-in one.
func VenuesOf(lex *lexicon.Lexicon) []VenuePattern {
	var out []VenuePattern
	for _, v := range lex.Venues {
		out = append(out, VenuePattern{Venue: v.Venue, Patterns: v.Patterns})
	}
	return append(out, DefaultVenues()...)
}
