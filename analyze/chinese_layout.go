package analyze

import (
	"fmt"
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
	date      *regexp.Regexp // 2024年3月5日 opening a line
	monthDay  *regexp.Regexp // 3月5日 alone on a line
	fullDate  *regexp.Regexp // 2024年3月5日 anywhere
	hanDate   *regexp.Regexp // 一九七八年二月二十六日, 二〇二二年十月十六日
	year      *regexp.Regexp
	dateline  *regexp.Regexp // 新华社北京3月5日电
	delivery  *regexp.Regexp // ——2024年3月5日在第十四届全国人民代表大会第二次会议上
	heading   *regexp.Regexp // 一、 （一） 第一章 第一， ###
	caption   *regexp.Regexp // …（新华社记者 李学仁 摄）
	photo     *regexp.Regexp // 图为……新华社记者 陈磊 摄, 新华社发（张三摄）
	iso       *regexp.Regexp // 2019-12-10, 2019-12-10 07:57:40 (a web page's date line)
	furnish   *regexp.Regexp // a web page's byline, editor, share bar … (see Stage)
	sourceTag *regexp.Regexp // 央视网消息（新闻联播）： opening a paragraph
	speaker   *regexp.Regexp // 国务院总理李强
	bareName  *regexp.Regexp // 周恩来 (two or three characters)
	venues    *chineseVenueCues
}

func newChineseLayout() *chineseLayout {
	return &chineseLayout{
		date:      regexp.MustCompile(`^[（(]?(?:——|—|－－|--)?\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`),
		monthDay:  regexp.MustCompile(`^(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:[（(]?(?:星期|周)[一二三四五六日天][）)]?)?$`),
		fullDate:  regexp.MustCompile(`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`),
		hanDate:   regexp.MustCompile(`([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月(?:\s*([一二三四五六七八九十]{1,3})\s*日)?`),
		year:      regexp.MustCompile(`(\d{4})\s*年`),
		dateline:  regexp.MustCompile(`^(?:新华社|本报|中新社|人民网)(\p{Han}{0,8}?)(\d{1,2})月(\d{1,2})日(?:电|讯)`),
		delivery:  regexp.MustCompile(`(?:——|—|－－)\s*[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日(?:和[0-9０-９]{1,2}日)?\s*在[^。；！？]{2,60}?(?:会议|會議|大会|大會)上`),
		heading:   regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十百]+[章节部分]|第[一二三四五六七八九十]+[，、]|#{1,6}\s)`),
		caption:   regexp.MustCompile(`[（(][^（）()]{0,40}(?:摄|新华社发|供图|图)[）)]$`),
		photo:     regexp.MustCompile(`^(?:图为|上图|下图|左图|右图|图片为)|(?:记者|通讯员|摄影)\s*\p{Han}{2,4}(?:[ 、，]\p{Han}{2,4})*\s*摄$|^(?:新华社|中新社)?(?:记者|通讯员)?\s*\p{Han}{2,4}\s*摄$|(?:新华社发|供图|图片来源[：:][^。]{1,30})$`),
		sourceTag: regexp.MustCompile(`^\s*(?:\p{Han}{1,6}(?:网|台|社)消息|本台消息|本报消息|央视新闻|总台消息)(?:\s*[（(][^）)]{1,20}[）)])?\s*[：:]`),
		iso:       regexp.MustCompile(`^((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$`),
		furnish:   regexp.MustCompile(`^[【\[（(]?\s*(?:责任编辑|责编|编辑|校对|审核|审校|值班编辑|文字编辑|图片编辑|分享到|分享|字号|打印|纠错|扫一扫|关闭窗口|返回顶部|来源|來源|稿源|发布时间|发布|作者|标签|关键词|关键字)\s*[】\]）)]?\s*(?:[：:]|$|[【\[])`),
		speaker:   regexp.MustCompile(`^\p{Han}{0,16}(?:总理|副总理|国务委员|主席|委员长|总书记|主任|部长)\p{Han}{0,4}$`),
		bareName:  regexp.MustCompile(`^[李王张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文华习温][^是要于在的和与及为对把从就][^是要于在的和与及为对把从就]?$`), // at most 3 characters
		venues:    newChineseVenueCues(),
	}
}

// hanNumber is the value of a number written in Chinese numerals up to
// 99 (二十六) or digit by digit (一九七八).
func hanNumber(s string, digitByDigit bool) int {
	const digits = "〇一二三四五六七八九"
	val := func(r rune) int {
		if r == '○' || r == '零' {
			return 0
		}
		return strings.IndexRune(digits, r) / len("〇")
	}
	n := 0
	if digitByDigit {
		for _, r := range s {
			n = n*10 + val(r)
		}
		return n
	}
	tens, ones, seenTen := 0, 0, false
	for _, r := range s {
		if r == '十' {
			tens, seenTen = max(ones, 1), true
			ones = 0
			continue
		}
		ones = val(r)
	}
	if !seenTen {
		return ones
	}
	return tens*10 + ones
}

// arabic writes the dates and years given in Chinese numerals
// (一九七八年二月二十六日) in Arabic digits, and full-width digits as ASCII,
// for the date patterns.
func (l *chineseLayout) arabic(s string) string {
	s = narrow(s)
	if !strings.Contains(s, "年") {
		return s
	}
	return l.hanDate.ReplaceAllStringFunc(s, func(m string) string {
		p := l.hanDate.FindStringSubmatch(m)
		out := fmt.Sprintf("%d年%d月", hanNumber(p[1], true), hanNumber(p[2], false))
		if p[3] != "" {
			out += fmt.Sprintf("%d日", hanNumber(p[3], false))
		}
		return out
	})
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
	if n := strings.TrimSpace(next); utf8.RuneCountInString(n) == 1 && hasHan(n) {
		return true // one character alone is the end of a word a link broke ("政府工作报", "告")
	}
	if c.officeLine(prev) || c.officeLine(next) {
		return false // an office and a name, each on a line of its own ("国务院总理", "李　强")
	}
	return !c.layout.heading.MatchString(next) && !c.Subhead(prev)
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

// Headline: at most 60 characters ("关于１９９０年国民经济和社会发展计划执行情况与
// １９９１年计划草案的报告"), not ending as a sentence or clause does.
func (*chineseLang) Headline(line string) bool {
	n := utf8.RuneCountInString(line)
	return n > 0 && n <= 60 && hasHan(line) && !endsChineseSentence(line)
}

func (*chineseLang) TitleLine(string) bool { return false }

// GapTitle: never; a Chinese article opens with a date, a dateline or a
// delivery line, and a report's part titles ("关于教育改革问题") stand after
// gaps.
func (*chineseLang) GapTitle(string) bool { return false }

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

// Caption: a photo's credit closing the line, "（新华社记者 李学仁 摄）",
// "新华社记者 陈磊 摄", "新华社发"; a line that opens as a caption does, "图为…",
// of at most 200 characters.
func (c *chineseLang) Caption(line string) bool {
	if c.layout.caption.MatchString(line) {
		return true
	}
	return utf8.RuneCountInString(line) <= 200 && c.layout.photo.MatchString(strings.TrimSpace(line))
}

// PageLine cuts a Chinese text saved on one line (as some sources give a
// whole report: title, delivery line, speaker and paragraphs run
// together, each paragraph set off by two ideographic spaces, "　　") into
// its paragraphs, at each space that stands between two characters of
// Chinese text or after a sentence's end (Chinese sets no space between
// its words; a space between digits, "1 9 6 4", stays). A line under longLine bytes, or with fewer
// than three such spaces, is left as it is (nil).
func (c *chineseLang) PageLine(line string) []PagePiece {
	if len(line) < longLine {
		return nil
	}
	var cuts []int // byte offsets of the separating spaces
	prev := rune(0)
	for i, r := range line {
		if r == ' ' && prev >= utf8.RuneSelf && i+1 < len(line) {
			if next, _ := utf8.DecodeRuneInString(line[i+1:]); next >= utf8.RuneSelf || sentenceEnd(prev) {
				cuts = append(cuts, i)
			}
		}
		prev = r
	}
	if len(cuts) < 3 {
		return nil
	}
	out := make([]PagePiece, 0, len(cuts)+1)
	at := 0
	for _, cut := range append(cuts, len(line)) {
		if t := strings.TrimSpace(line[at:cut]); t != "" {
			out = c.cutDelivery(out, t)
		}
		at = cut + 1
	}
	return out
}

// cutDelivery appends a paragraph of a text saved on one line to out, as
// up to three pieces when a speech's delivery line runs inside it (the
// title before it, "1989年政府工作报告坚决贯彻……的方针——１９８９年３月２０日在……会议上
// 国务院总理李鹏各位代表：" has no space to cut at).
func (c *chineseLang) cutDelivery(out []PagePiece, t string) []PagePiece {
	loc := c.layout.delivery.FindStringIndex(t)
	if loc == nil {
		return append(out, PagePiece{Text: t})
	}
	for _, piece := range []string{t[:loc[0]], t[loc[0]:loc[1]], t[loc[1]:]} {
		if piece = strings.TrimSpace(piece); piece != "" {
			out = append(out, PagePiece{Text: piece})
		}
	}
	return out
}
func (*chineseLang) SplitDateline(string) (string, string, bool) { return "", "", false }
func (*chineseLang) SplitCaption(string) (string, string, bool)  { return "", "", false }

// Stage: a speaker's line under a speech's title and delivery line, left
// out of the text: an office with or without the name ("国务院总理",
// "国务院总理　李强", "国务委员兼国家计划委员会主任邹家华"), or a name alone:
// two or three characters, the first a common surname, the others not
// what makes a lead-in ("周恩来", "李　强"; not "关于", "二要").
func (c *chineseLang) Stage(line string) (string, bool) {
	if loc := c.layout.sourceTag.FindStringIndex(line); loc != nil && loc[1] == len(strings.TrimRight(line, " ")) {
		return "source tag", true
	}
	if kind, ok := c.pageFurniture(line); ok {
		return kind, true
	}
	t, ok := speakerText(line)
	if ok && (c.layout.bareName.MatchString(t) || c.layout.speaker.MatchString(t)) {
		return "speaker", true
	}
	return "", false
}

// pageFurniture reports a web page's line that is not its article's text
// when the extractor kept it with the article: its byline (a date and
// time, 来源, 作者), the editor's line (【责任编辑：…】, （责编：…）), the
// share bar (分享到), the font size and print links (字号 大 中 小), the
// correction link (【纠错】), its tags (关键词); a short line (at most 80
// characters) that opens with one of them.
func (c *chineseLang) pageFurniture(line string) (string, bool) {
	t := strings.TrimSpace(line)
	if t == "" || len(t) > 80*3 || utf8.RuneCountInString(t) > 80 {
		return "", false
	}
	if c.layout.iso.MatchString(t) {
		return "", false // a date line
	}
	m := c.layout.furnish.FindString(t)
	if m == "" {
		if d := c.layout.fullDate.FindStringIndex(t); d != nil && d[0] == 0 && strings.Contains(t, "来源") {
			return "byline", true // 2019年06月15日08:10 | 来源：人民网－人民日报
		}
		if c.layout.iso.MatchString(strings.Fields(t)[0]+" "+strings.Join(strings.Fields(t)[1:min(2, len(strings.Fields(t)))], "")) && strings.Contains(t, "来源") {
			return "byline", true // 2019-12-10 07:57:40　来源：新华网
		}
		return "", false
	}
	switch {
	case strings.Contains(m, "编") || strings.Contains(m, "校") || strings.Contains(m, "审"):
		return "editor line", true
	case strings.Contains(m, "分享") || strings.Contains(m, "扫一扫"):
		return "share bar", true
	case strings.Contains(m, "来源") || strings.Contains(m, "來源") || strings.Contains(m, "稿源") || strings.Contains(m, "发布") || strings.Contains(m, "作者"):
		return "byline", true
	case strings.Contains(m, "标签") || strings.Contains(m, "关键"):
		return "tags", true
	}
	return "page links", true
}

// officeLine reports a line that is an office, with or without a name
// ("国务院总理", "国务院总理　李强"): a line of its own, never run on.
func (c *chineseLang) officeLine(line string) bool {
	t, ok := speakerText(line)
	return ok && c.layout.speaker.MatchString(t)
}

// speakerText is a line without its spaces, when it may be a speaker's
// line: 2 to 30 Chinese characters and nothing else.
func speakerText(line string) (string, bool) {
	t := strings.ReplaceAll(strings.TrimSpace(line), " ", "")
	n := utf8.RuneCountInString(t)
	if n < 2 || n > 30 || strings.ContainsFunc(t, func(r rune) bool { return !unicode.Is(unicode.Han, r) }) {
		return "", false
	}
	return t, true
}

// InlineStage: a broadcast's or agency's source tag opening a paragraph,
// "央视网消息（新闻联播）：", "新华社消息：", "本台消息（记者 张三）：" (Stage
// tells it for a "source tag").
func (c *chineseLang) InlineStage(text string) []Span {
	if loc := c.layout.sourceTag.FindStringIndex(text); loc != nil {
		return []Span{{loc[0], loc[1]}}
	}
	return nil
}

// FooterMarker: a licence or copyright notice closing the page
// (Wikisource's "本作品是中华人民共和国的…", "本作品是中国共产党的领导人讲话……公有领域",
// "Public domain"), an editor's name line ("（责任编辑：王某）").
func (*chineseLang) FooterMarker(line string) bool {
	line = strings.TrimLeft(strings.TrimSpace(line), "（(【[")
	for _, m := range []string{"本作品是中华人民共和国的", "本作品在全世界都属于公有领域", "注：中文维基文库", "版权所有", "责任编辑", "Public domain"} {
		if strings.HasPrefix(line, m) {
			return true
		}
	}
	// any other licence notice of a library of texts ("本作品是中国共产党的领导人
	// 讲话……属于公有领域"): it names the work and its rights
	if strings.HasPrefix(line, "本作品") || strings.HasPrefix(line, "此作品") {
		for _, w := range []string{"公有领域", "著作权", "版权", "许可协议", "授权"} {
			if strings.Contains(line, w) {
				return true
			}
		}
	}
	return false
}

// NavItem: a short line with no Chinese character (a menu's or a page's
// leftover word, "false").
// ContentsMarker: 目录, 本期目录, 要目, 导读, 本版导读, 今日导读, 内容提要,
// 本期提要, and a broadcast's summary (新闻摘要, 本期节目主要内容, 节目提要,
// 要闻提要), alone on a line (a colon allowed).
func (*chineseLang) ContentsMarker(line string) bool {
	if len(line) > 40 {
		return false // every line is asked: most are far longer than a marker
	}
	switch strings.TrimRight(strings.ReplaceAll(strings.TrimSpace(line), " ", ""), "：:") {
	case "目录", "本期目录", "要目", "本期要目", "导读", "本版导读", "今日导读", "内容提要", "本期提要",
		"新闻摘要", "本期节目主要内容", "节目主要内容", "节目提要", "要闻提要", "今日要闻":
		return true
	}
	return false
}

func (*chineseLang) NavItem(line string) bool {
	return !hasHan(line) && utf8.RuneCountInString(line) <= 20 && len(strings.Fields(line)) <= 2
}

func (*chineseLang) Publications() []string {
	return []string{"人民日报", "新华社", "求是", "光明日报", "经济日报", "中国日报", "新闻联播"}
}

// DateLine: a line that is a full date ("2024年3月5日", "2024年3月5日
// 星期二", "一九七八年二月二十六日", in brackets too; "2019-12-10" and
// "2019-12-10 07:57:40", as web pages date themselves) or a month and day
// ("3月5日"), or a speech's delivery line: the date, then where it was
// given ("——2024年3月5日在第十四届全国人民代表大会第二次会议上", "1957年6月26日在
// 第一届全国人民代表大会第四次会议上").
func (c *chineseLang) DateLine(line string) (Date, bool) {
	line = c.layout.arabic(strings.TrimSpace(line))
	if m := c.layout.iso.FindStringSubmatch(line); m != nil {
		return makeDate(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	if m := c.layout.monthDay.FindStringSubmatch(line); m != nil {
		return makeDate(0, atoi(m[1]), atoi(m[2]))
	}
	m := c.layout.date.FindStringSubmatch(line)
	if m == nil {
		return Date{}, false
	}
	rest := strings.TrimSpace(strings.TrimRight(line[len(m[0]):], "）) "))
	switch {
	case rest == "", strings.HasPrefix(rest, "星期"), strings.HasPrefix(rest, "周"):
	case deliveredAt(rest):
	default:
		return Date{}, false
	}
	return makeDate(atoi(m[1]), atoi(m[2]), atoi(m[3]))
}

// deliveredAt reports the rest of a delivery line after its date: "在……
// 会议上" (at a meeting, session or congress), a second day first ("和22日
// 在……").
func deliveredAt(rest string) bool {
	if strings.HasPrefix(rest, "和") {
		if i := strings.Index(rest, "日"); i > 0 && i <= len("和22") {
			rest = strings.TrimSpace(rest[i+len("日"):])
		}
	}
	n := utf8.RuneCountInString(rest)
	return strings.HasPrefix(rest, "在") && strings.HasSuffix(rest, "上") && n <= 60 && !strings.ContainsAny(rest, "。；！？，")
}

// Dateline: "新华社北京3月5日电", "本报北京3月5日讯".
func (c *chineseLang) Dateline(text string) (Date, string, bool) {
	t := c.layout.arabic(text)
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
	for _, m := range c.layout.fullDate.FindAllStringSubmatch(c.layout.arabic(text), -1) {
		if d, ok := makeDate(atoi(m[1]), atoi(m[2]), atoi(m[3])); ok {
			out = append(out, d)
		}
	}
	return out
}

// Years: 2024年.
func (c *chineseLang) Years(text string) []int {
	var out []int
	for _, m := range c.layout.year.FindAllStringSubmatch(c.layout.arabic(text), -1) {
		if y, err := strconv.Atoi(m[1]); err == nil && y >= 1800 && y <= 2199 {
			out = append(out, y)
		}
	}
	return out
}
