package analyze

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Venues: the venues of Xi Jinping's Two Sessions and conferences as
// English-language reports name them.
func (*englishLang) Venues() []VenuePattern { return englishVenues() }

func englishVenues() []VenuePattern {
	return []VenuePattern{
		{"PLA and PAP delegation", []string{
			"delegation of the People's Liberation Army and the People's Armed Police",
			"delegation of the PLA and the People's Armed Police",
			"delegation of the PLA and the PAP",
			"PLA and PAP delegation", "PLA and People's Armed Police delegation"}},
		{"NPC opening meeting", []string{"opening meeting of the second session of the 14th National People's Congress",
			"opening meeting of the annual session of the National People's Congress"}},
		{"Central Economic Work Conference", []string{"addressed the Central Economic Work Conference", "speech at the Central Economic Work Conference", "Central Economic Work Conference was held"}},
		{"Politburo group study session", []string{"group study session of the Political Bureau", "collective study session of the Political Bureau"}},
		{"Central Conference on Work Relating to Foreign Affairs", []string{"Central Conference on Work Relating to Foreign Affairs was held"}},
	}
}

// venueRule is one way of finding a venue in an article's text.
type venueRule struct {
	re *regexp.Regexp
	// lits are what the rule's expression cannot match without: the text,
	// lower-cased, holds one of them wherever it matches (nil: no such
	// test, the expression always runs). See maybe.
	lits []string
	name func(m []string, article func() string) string
}

// maybe reports whether r's expression may match text; low is text in
// lower case. A long s (ſ) is an s to (?i), but not to strings.ToLower:
// a text holding one is always tried.
func (r *venueRule) maybe(text, low string) bool {
	if r.lits == nil || strings.Contains(text, "ſ") {
		return true
	}
	for _, l := range r.lits {
		if strings.Contains(low, l) {
			return true
		}
	}
	return false
}

// patternLiteral returns the longest ASCII run of a venue phrase between
// its spaces and apostrophes, lower-cased: text that matches the phrase
// holds it (the expression lets spaces and apostrophes vary), or "" when
// the phrase has no ASCII run.
func patternLiteral(p string) string {
	best := ""
	for _, w := range strings.FieldsFunc(p, func(r rune) bool { return r == ' ' || r == '\'' }) {
		ascii := true
		for i := 0; i < len(w); i++ {
			ascii = ascii && w[i] < utf8.RuneSelf
		}
		if ascii && len(w) > len(best) {
			best = w
		}
	}
	return strings.ToLower(best)
}

// apos matches either apostrophe.
const apos = `['’]`

// placeRun captures a run of capitalised words: a province, a city, a body.
const placeRun = `([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*)`

func newVenueRules(venues []VenuePattern) []venueRule {
	var rules []venueRule
	for _, v := range venues {
		quoted := make([]string, len(v.Patterns))
		lits := make([]string, 0, len(v.Patterns))
		for i, p := range v.Patterns {
			quoted[i] = strings.ReplaceAll(regexp.QuoteMeta(p), "'", apos)
			quoted[i] = strings.ReplaceAll(quoted[i], " ", `\s+`)
			if l := patternLiteral(p); l != "" && lits != nil {
				lits = append(lits, l)
			} else {
				lits = nil // a phrase with no ASCII run: no cheap test
			}
		}
		if len(lits) == 0 {
			lits = nil
		}
		name := v.Venue
		rules = append(rules, venueRule{
			re:   regexp.MustCompile(`(?i)(?:` + strings.Join(quoted, "|") + `)`),
			lits: lits,
			name: func([]string, func() string) string { return name },
		})
	}
	delegation := func(m []string, _ func() string) string { return shortPlace(m[1]) + " delegation" }
	rules = append(rules,
		// a deliberation with fellow lawmakers from east China's Jiangsu Province
		venueRule{regexp.MustCompile(`(?:deliberation|panel discussion|group discussion) with (?:his )?(?:fellow )?(?:lawmakers|deputies|legislators|NPC deputies) (?:from|of) (?:(?:[a-z]+ )+China` + apos + `s |the )?` + placeRun + `(?:\W|$)`),
			[]string{"deliberation with ", "discussion with "}, delegation},
		// the delegation of Jiangsu Province | plenary meeting of the delegation of …
		venueRule{regexp.MustCompile(`delegation (?:of|from) (?:the )?` + placeRun + `(?:\W|$)`), []string{"delegation of ", "delegation from "}, delegation},
		// a joint group meeting of political advisors
		venueRule{regexp.MustCompile(`(?i)joint group meeting`), []string{"joint group meeting"}, func(_ []string, article func() string) string {
			if text := article(); strings.Contains(text, "CPPCC") || strings.Contains(strings.ToLower(text), "political consultative") {
				return "CPPCC joint group meeting"
			}
			return "joint group meeting"
		}},
		// a symposium in Changsha
		venueRule{regexp.MustCompile(`(?i:symposium) in ` + placeRun + `(?:\W|$)`), []string{"symposium in "}, func(m []string, _ func() string) string {
			return "symposium in " + shortPlace(m[1])
		}},
		// an inspection tour in Hunan Province
		venueRule{regexp.MustCompile(`(?i:inspection tour|inspection trip|inspection) (?:in|of|to) (?:(?:[a-z]+ )+China` + apos + `s )?` + placeRun + `(?:\W|$)`), []string{"inspection"}, func(m []string, _ func() string) string {
			return "inspection in " + shortPlace(m[1])
		}},
	)
	return rules
}

// shortPlace drops administrative suffixes: "Jiangsu Province" → "Jiangsu".
func shortPlace(s string) string {
	s = strings.TrimSpace(strings.TrimRight(s, ".,;: "))
	for _, suf := range []string{" Province", " Municipality", " Autonomous Region", " Special Administrative Region", " City"} {
		if t, ok := strings.CutSuffix(s, suf); ok && t != "" {
			return t
		}
	}
	return s
}

// VenueFinder compiles the venue list and the English venue cues: the
// cue that stands first in a paragraph names its venue, the list before
// the cues on a tie.
func (*englishLang) VenueFinder(venues []VenuePattern) VenueFinder {
	rules := newVenueRules(venues)
	return func(text string, article func() string) (string, string, bool) {
		best, bestAt := -1, len(text)+1
		var bestM []string
		low := strings.ToLower(text)
		for ri := range rules {
			r := &rules[ri]
			if !r.maybe(text, low) {
				continue
			}
			loc := r.re.FindStringSubmatchIndex(text)
			if loc == nil || loc[0] >= bestAt {
				continue
			}
			m := make([]string, len(loc)/2)
			for k := range m {
				if loc[2*k] >= 0 {
					m[k] = text[loc[2*k]:loc[2*k+1]]
				}
			}
			best, bestAt, bestM = ri, loc[0], m
		}
		if best < 0 {
			return "", "", false
		}
		return rules[best].name(bestM, article), strings.TrimRight(bestM[0], " .,;:"), true
	}
}
