package analyze

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar day. Year is 0 when the text gives only month and day.
type Date struct{ Year, Month, Day int }

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Month == 0 }

// String gives ISO 8601: 2024-03-05, or --03-05 when the year is unknown,
// or "" for no date.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Year == 0:
		return fmt.Sprintf("--%02d-%02d", d.Month, d.Day)
	default:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	}
}

// monthPattern matches English month names and their usual abbreviations.
const monthPattern = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)`

const weekdayPattern = `(?:(?:Mon|Tues|Tue|Wednes|Wed|Thurs|Thu|Fri|Satur|Sat|Sun)(?:day)?\.?,?\s+)?`

// datePatterns holds the compiled expressions for dates; one value is built
// per ReadIssue call's reader (see newReader), never stored in a global.
type datePatterns struct {
	monthDay, dayMonth, iso, cjk *regexp.Regexp
	dateline, datelineAgency     *regexp.Regexp
	inText                       *regexp.Regexp
	year                         *regexp.Regexp
}

func newDatePatterns() *datePatterns {
	return &datePatterns{
		// March 5 | Tuesday, March 5 | Mar. 5, 2024 | March 5th
		monthDay: regexp.MustCompile(`(?i)^` + weekdayPattern + monthPattern + `\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$`),
		// 5 March 2024 | Tuesday 5 March
		dayMonth: regexp.MustCompile(`(?i)^` + weekdayPattern + `(\d{1,2})(?:st|nd|rd|th)?\s+` + monthPattern + `\.?(?:,?\s+(\d{4}))?$`),
		iso:      regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$`),
		cjk:      regexp.MustCompile(`^(\d{4})年(\d{1,2})月(\d{1,2})日$`),
		// BEIJING, March 5 (Xinhua) -- | WASHINGTON, Jan. 5, 2024 —
		dateline: regexp.MustCompile(`^([A-Z][A-Z .'’-]+(?:/[A-Z][A-Za-z .'’-]+)?),\s+` + monthPattern + `\.?\s+(\d{1,2})(?:,\s+(\d{4}))?\s*(?:\([^)]{2,40}\))?\s*(?:--|—|–|-|:)`),
		// Beijing, March 5 (Xinhua) --
		datelineAgency: regexp.MustCompile(`^([A-Z][\w .'’-]+),\s+` + monthPattern + `\.?\s+(\d{1,2})(?:,\s+(\d{4}))?\s*\([^)]{2,40}\)\s*(?:--|—|–|-|:)`),
		// March 5, 2024 anywhere in a sentence: used only to learn the year
		inText: regexp.MustCompile(`\b` + monthPattern + `\.?\s+(\d{1,2}),\s+(\d{4})\b`),
		year:   regexp.MustCompile(`\b(19[4-9]\d|20\d\d)\b`),
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

// makeDate checks the parts and returns the date, or false when the day
// does not exist (February 30) or the year is out of range.
func makeDate(year, month, day int) (Date, bool) {
	if month < 1 || month > 12 || day < 1 || day > 31 {
		return Date{}, false
	}
	if year != 0 && (year < 1800 || year > 2200) {
		return Date{}, false
	}
	y := year
	if y == 0 {
		y = 2024 // a leap year, so February 29 stands without a year
	}
	t := time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day {
		return Date{}, false
	}
	return Date{year, month, day}, true
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
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

// heading parses a line that is nothing but a date.
func (p *datePatterns) heading(line string) (Date, bool) {
	line = strings.TrimSpace(line)
	if len(line) > 40 {
		return Date{}, false
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

// datelineOf parses a news dateline opening a paragraph.
func (p *datePatterns) datelineOf(text string) (Date, string, bool) {
	m := p.dateline.FindStringSubmatch(text)
	if m == nil {
		m = p.datelineAgency.FindStringSubmatch(text)
	}
	if m == nil {
		return Date{}, "", false
	}
	d, ok := makeDate(atoi(m[4]), monthNumber(m[2]), atoi(m[3]))
	return d, strings.TrimSpace(m[0]), ok
}

// fullDates returns the dates with a year written in running text.
func (p *datePatterns) fullDates(text string) []Date {
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
