package analyze

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// chineseLayout holds the compiled expressions of Chinese official text:
// dates, datelines, headings, captions and the notices that close a page.
type chineseLayout struct {
	date     *regexp.Regexp // 2024年3月5日 opening a line
	fullDate *regexp.Regexp // the same anywhere
	year     *regexp.Regexp
	dateline *regexp.Regexp // 新华社北京3月5日电
	heading  *regexp.Regexp // 一、 （一） 第一章 ###
	caption  *regexp.Regexp // …（新华社记者 李学仁 摄）
}

func newChineseLayout() *chineseLayout {
	return &chineseLayout{
		date:     regexp.MustCompile(`^(?:——|—|－－|--)?\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`),
		fullDate: regexp.MustCompile(`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`),
		year:     regexp.MustCompile(`(\d{4})\s*年`),
		dateline: regexp.MustCompile(`^(?:新华社|本报|中新社|人民网)(\p{Han}{0,8}?)(\d{1,2})月(\d{1,2})日(?:电|讯)`),
		heading:  regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十百]+[章节部分]|#{1,6}\s)`),
		caption:  regexp.MustCompile(`[（(][^（）()]{0,40}(?:摄|新华社发|供图|图)[）)]$`),
	}
}

// narrow folds full-width digits and letters ("２０２４") to ASCII.
func narrow(s string) string { return width.Narrow.String(s) }

// sentenceEnd reports a character that ends a Chinese sentence.
func sentenceEnd(r rune) bool { return strings.ContainsRune("。！？；!?", r) }

// closer reports a closing quote or bracket that stays with the sentence
// before it.
func closer(r rune) bool { return strings.ContainsRune("”’」』）)】", r) }

// Sentences end after 。！？； (and their closing quotes).
func (*chineseLang) Sentences(text string) []Span {
	var out []Span
	start := -1
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if start < 0 && !unicode.IsSpace(r) {
			start = i
		}
		i += size
		if start >= 0 && sentenceEnd(r) {
			for i < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[i:])
				if !closer(r2) && !sentenceEnd(r2) {
					break
				}
				i += s2
			}
			out = append(out, Span{start, i})
			start = -1
		}
	}
	if start >= 0 {
		end := len(strings.TrimRightFunc(text, unicode.IsSpace))
		if end > start {
			out = append(out, Span{start, end})
		}
	}
	return out
}

// Wraps: a line that does not end a sentence runs on into the next (as
// Wikisource's texts break lines at every link), unless the next opens a
// heading or the line is one.
func (c *chineseLang) Wraps(prev, next string) bool {
	prev = strings.TrimSpace(prev)
	r, _ := utf8.DecodeLastRuneInString(prev)
	if prev == "" || sentenceEnd(r) || r == '：' || r == ':' {
		return false
	}
	if closer(r) {
		if r2, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(prev, closer)); sentenceEnd(r2) {
			return false
		}
	}
	if short(prev) && short(next) {
		return false // a name and an office, each on a line of its own ("国务院总理", "李　强")
	}
	return !c.layout.heading.MatchString(next) && !c.layout.heading.MatchString(prev)
}

// short reports a line of at most 6 characters and no punctuation.
func short(line string) bool {
	line = strings.TrimSpace(line)
	return utf8.RuneCountInString(line) <= 6 && !strings.ContainsFunc(line, unicode.IsPunct)
}

// Subhead: a numbered heading ("一、2023年工作回顾", "（三）…") of at most
// 40 characters, with no sentence end.
func (c *chineseLang) Subhead(line string) bool {
	return c.layout.heading.MatchString(line) && utf8.RuneCountInString(line) <= 40 && !endsChineseSentence(line)
}

func endsChineseSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(strings.TrimSpace(s), closer))
	return sentenceEnd(r) || r == '，' || r == '、' || r == '：' || r == ':'
}

// Headline: at most 40 characters, not ending as a sentence or clause
// does.
func (*chineseLang) Headline(line string) bool {
	n := utf8.RuneCountInString(line)
	return n > 0 && n <= 40 && hasHan(line) && !endsChineseSentence(line)
}

func (*chineseLang) TitleLine(string) bool { return false }

// LineWords counts characters: each Chinese character one, each run of
// other letters or digits one (Chinese is not written in words between
// spaces; counts of "words" in Chinese are counts of characters).
func (*chineseLang) LineWords(line string) int {
	n, inRun := 0, false
	for _, r := range line {
		switch {
		case unicode.Is(unicode.Han, r):
			n++
			inRun = false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if !inRun {
				n++
			}
			inRun = true
		default:
			inRun = false
		}
	}
	return n
}

// Caption: a photo's credit closing the line, "（新华社记者 李学仁 摄）".
func (c *chineseLang) Caption(line string) bool { return c.layout.caption.MatchString(line) }

func (*chineseLang) PageLine(string) []PagePiece                    { return nil }
func (*chineseLang) SplitDateline(string) (string, string, bool)    { return "", "", false }
func (*chineseLang) SplitCaption(string) (string, string, bool)     { return "", "", false }
func (*chineseLang) Stage(string) (string, bool)                    { return "", false }
func (*chineseLang) InlineStage(string) []Span                      { return nil }
func (*chineseLang) Venues() []VenuePattern                         { return nil }
func (*chineseLang) VenueFinder(venues []VenuePattern) VenueFinder  { return noVenue }
func noVenue(string, func() string) (venue, cue string, found bool) { return "", "", false }

// FooterMarker: a licence or copyright notice closing the page
// (Wikisource's "本作品是中华人民共和国的…", "Public domain"), an editor's
// name line.
func (*chineseLang) FooterMarker(line string) bool {
	for _, m := range []string{"本作品是中华人民共和国的", "本作品在全世界都属于公有领域", "注：中文维基文库", "版权所有", "责任编辑", "Public domain"} {
		if strings.HasPrefix(line, m) {
			return true
		}
	}
	return false
}

// NavItem: a short line with no Chinese character (a menu's or a page's
// leftover word, "false").
func (*chineseLang) NavItem(line string) bool {
	return !hasHan(line) && utf8.RuneCountInString(line) <= 20 && len(strings.Fields(line)) <= 2
}

func (*chineseLang) Publications() []string {
	return []string{"人民日报", "新华社", "求是", "光明日报", "经济日报", "中国日报"}
}

// DateLine: a line opening with a full date, alone ("2024年3月5日",
// "2024年3月5日 星期二") or as a speech's delivery line
// ("——2024年3月5日在第十四届全国人民代表大会第二次会议上").
func (c *chineseLang) DateLine(line string) (Date, bool) {
	line = narrow(strings.TrimSpace(line))
	m := c.layout.date.FindStringSubmatch(line)
	if m == nil {
		return Date{}, false
	}
	rest := strings.TrimSpace(line[len(m[0]):])
	delivery := strings.HasPrefix(line, "—") || strings.HasPrefix(line, "-") || strings.HasPrefix(line, "－")
	if rest != "" && !delivery && !strings.HasPrefix(rest, "星期") && !strings.HasPrefix(rest, "周") {
		return Date{}, false
	}
	return makeDate(atoi(m[1]), atoi(m[2]), atoi(m[3]))
}

// Dateline: "新华社北京3月5日电", "本报北京3月5日讯".
func (c *chineseLang) Dateline(text string) (Date, string, bool) {
	t := narrow(text)
	m := c.layout.dateline.FindStringSubmatch(t)
	if m == nil {
		return Date{}, "", false
	}
	d, ok := makeDate(0, atoi(m[2]), atoi(m[3]))
	return d, m[0], ok
}

// FullDates: 2024年3月5日 anywhere.
func (c *chineseLang) FullDates(text string) []Date {
	if !strings.Contains(text, "年") {
		return nil
	}
	var out []Date
	for _, m := range c.layout.fullDate.FindAllStringSubmatch(narrow(text), -1) {
		if d, ok := makeDate(atoi(m[1]), atoi(m[2]), atoi(m[3])); ok {
			out = append(out, d)
		}
	}
	return out
}

// Years: 2024年.
func (c *chineseLang) Years(text string) []int {
	var out []int
	for _, m := range c.layout.year.FindAllStringSubmatch(narrow(text), -1) {
		if y, err := strconv.Atoi(m[1]); err == nil && y >= 1800 && y <= 2199 {
			out = append(out, y)
		}
	}
	return out
}
