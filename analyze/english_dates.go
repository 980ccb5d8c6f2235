package analyze

import (
	"regexp"
	"strings"
	"time"
)

// monthPattern matches English month names and their usual abbreviations.
const monthPattern = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)`

const weekdayPattern = `(?:(?:Mon|Tues|Tue|Wednes|Wed|Thurs|Thu|Fri|Satur|Sat|Sun)(?:day)?\.?,?\s+)?`

// englishDates holds the compiled expressions for English dates (and the
// numeric and Chinese forms a date heading may take in an English issue).
type englishDates struct {
	monthDay, dayMonth, iso, cjk *regexp.Regexp
	dateline, datelineAgency     *regexp.Regexp
	inText                       *regexp.Regexp
	delivered                    *regexp.Regexp
	datelineInside               *regexp.Regexp
	stamped                      *regexp.Regexp
	year                         *regexp.Regexp
}

func newEnglishDates() *englishDates {
	return &englishDates{
		// March 5 | Tuesday, March 5 | Mar. 5, 2024 | March 5th
		monthDay: regexp.MustCompile(`(?i)^` + weekdayPattern + monthPattern + `\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$`),
		// 5 March 2024 | Tuesday 5 March
		dayMonth: regexp.MustCompile(`(?i)^` + weekdayPattern + `(\d{1,2})(?:st|nd|rd|th)?\s+` + monthPattern + `\.?(?:,?\s+(\d{4}))?$`),
		iso:      regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$`),
		cjk:      regexp.MustCompile(`^(\d{4})年(\d{1,2})月(\d{1,2})日$`),
		// BEIJING, March 5 (Xinhua) -- | WASHINGTON, Jan. 5, 2024 —
		dateline: regexp.MustCompile(`^([A-Z][A-Z .'’-]+(?:/[A-Z][A-Za-z .'’-]+)?),\s+` + monthPattern + `\.?\s+(\d{1,2})(?:,\s+(\d{4}))?\s*(?:\([^)]{2,40}\))?\s*(?:--|—|–|-|:)`),
		// Beijing, March 5 (Xinhua) --
		// a dateline inside a line: the city in capitals, the agency in brackets
		datelineInside: regexp.MustCompile(`\s([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2},\s+` + monthPattern + `\.?\s+\d{1,2}(?:,\s+\d{4})?\s*\([^)]{2,40}\)\s*(?:--|—|–))`),
		datelineAgency: regexp.MustCompile(`^([A-Z][\w .'’-]+),\s+` + monthPattern + `\.?\s+(\d{1,2})(?:,\s+(\d{4}))?\s*\([^)]{2,40}\)\s*(?:--|—|–|-|:)`),
		// March 5, 2024 anywhere in a sentence: used only to learn the year
		inText: regexp.MustCompile(`\b` + monthPattern + `\.?\s+(\d{1,2}),\s+(\d{4})\b`),
		year:   regexp.MustCompile(`\b(19[4-9]\d|20\d\d)\b`),
		// a news page's byline or time stamp: "By Li Ming (People's Daily
		// Online) 18:20, March 05, 2024", "09:42, November 16, 2020"
		stamped: regexp.MustCompile(`^(?:By\s[^()]{1,60}?\s*(?:\([^)]{1,40}\))?\s+|\([^)]{1,40}\)\s+)?\d{1,2}:\d{2}(?::\d{2})?,?\s+` + monthPattern + `\.?\s+(\d{1,2}),?\s+(\d{4})$`),
		// "… delivered at the Central Conference on Economic Work on December 8, 2021"
		delivered: regexp.MustCompile(`\b(?:[Dd]elivered|[Gg]iven|[Mm]ade)\b[^.]{0,160}?\bon\s+` + weekdayPattern + monthPattern + `\.?\s+(\d{1,2}),\s+(\d{4})\b`),
	}
}

func monthNumber(name string) int {
	name = strings.ToLower(strings.TrimSuffix(name, "."))
	if len(name) < 3 {
		return 0
	}
	for m := time.January; m <= time.December; m++ {
		if strings.HasPrefix(strings.ToLower(m.String()), name[:3]) {
			return int(m)
		}
	}
	return 0
}

// hasCommaYear reports whether text has a comma, white space and four
// digits, as every date inText matches does ("March 5, 2024"): a cheap
// test that spares the expression most paragraphs.
func hasCommaYear(text string) bool {
	for i := strings.IndexByte(text, ','); i >= 0; {
		j := i + 1
		for j < len(text) && strings.IndexByte(" \t\n\f\r", text[j]) >= 0 {
			j++
		}
		if j > i+1 && j+4 <= len(text) && isDigit(text[j]) && isDigit(text[j+1]) && isDigit(text[j+2]) && isDigit(text[j+3]) {
			return true
		}
		k := strings.IndexByte(text[i+1:], ',')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return false
}

// DateLine: "March 5", "Tuesday, March 5, 2024", "5 March 2024",
// "2024-03-05", "2024年3月5日".
func (e *englishLang) DateLine(line string) (Date, bool) {
	p := e.dates
	line = strings.TrimSpace(line)
	if len(line) > 40 {
		if len(line) <= 140 && strings.ContainsRune(line, ':') {
			if m := p.stamped.FindStringSubmatch(line); m != nil {
				return makeDate(atoi(m[3]), monthNumber(m[1]), atoi(m[2]))
			}
		}
		return Date{}, false
	}
	if m := p.stamped.FindStringSubmatch(line); m != nil {
		return makeDate(atoi(m[3]), monthNumber(m[1]), atoi(m[2]))
	}
	if m := p.monthDay.FindStringSubmatch(line); m != nil {
		return makeDate(atoi(m[3]), monthNumber(m[1]), atoi(m[2]))
	}
	if m := p.dayMonth.FindStringSubmatch(line); m != nil {
		return makeDate(atoi(m[3]), monthNumber(m[2]), atoi(m[1]))
	}
	if m := p.iso.FindStringSubmatch(line); m != nil {
		return makeDate(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	if m := p.cjk.FindStringSubmatch(line); m != nil {
		return makeDate(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	return Date{}, false
}

// Dateline: "BEIJING, March 5 (Xinhua) --", "WASHINGTON, Jan. 5, 2024 —".
func (e *englishLang) Dateline(text string) (Date, string, bool) {
	p := e.dates
	m := p.dateline.FindStringSubmatch(text)
	if m == nil {
		m = p.datelineAgency.FindStringSubmatch(text)
	}
	if m == nil {
		// a speech's opening line saying when it was delivered
		if m = p.delivered.FindStringSubmatch(text); m != nil {
			d, ok := makeDate(atoi(m[3]), monthNumber(m[1]), atoi(m[2]))
			return d, strings.TrimSpace(m[0]), ok
		}
		return Date{}, "", false
	}
	d, ok := makeDate(atoi(m[4]), monthNumber(m[2]), atoi(m[3]))
	return d, strings.TrimSpace(m[0]), ok
}

// SplitDateline: "Xi stresses reform BEIJING, March 5 (Xinhua) -- Chinese
// President …": a news dateline (city in capitals, agency in brackets)
// inside a line, after a headline or other text of its own.
func (e *englishLang) SplitDateline(text string) (string, string, bool) {
	if !strings.Contains(text, ") --") && !strings.Contains(text, ") —") && !strings.Contains(text, ") –") &&
		!strings.Contains(text, ")--") && !strings.Contains(text, ")—") {
		return "", "", false
	}
	m := e.dates.datelineInside.FindStringSubmatchIndex(text)
	if m == nil {
		return "", "", false
	}
	before, rest := strings.TrimSpace(text[:m[2]]), text[m[2]:]
	if before == "" {
		return "", "", false
	}
	return before, rest, true
}

// FullDates: "March 5, 2024".
func (e *englishLang) FullDates(text string) []Date {
	p := e.dates
	if !hasCommaYear(text) {
		return nil
	}
	var out []Date
	for _, m := range p.inText.FindAllStringSubmatch(text, -1) {
		if d, ok := makeDate(atoi(m[3]), monthNumber(m[1]), atoi(m[2])); ok {
			out = append(out, d)
		}
	}
	return out
}

// Years: the years from 1940 to 2099 written in digits.
func (e *englishLang) Years(text string) []int {
	var out []int
	for _, y := range e.dates.year.FindAllString(text, -1) {
		out = append(out, atoi(y))
	}
	return out
}
