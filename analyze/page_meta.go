package analyze

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// What a saved page says about itself besides its article: its date (from
// the byline a reader sees under the headline, the page's metadata, or
// its address), its title without the site's name, and the lists of
// related links that sites set inside the article's container. Nothing
// here depends on the page's language: the patterns are those of news
// sites in any language (numeric dates, separators, link density).

// textBlock is a paragraph of a page's text (see blocks) and how much of
// it is the text of links.
type textBlock struct {
	text      string
	linkRunes int
}

// linked reports a block that is mostly the text of links: a menu item, a
// related article's title.
func (b textBlock) linked() bool {
	n := utf8.RuneCountInString(b.text)
	return n > 0 && b.linkRunes*10 >= n*6
}

// pagePatterns are the compiled patterns of page metadata.
type pagePatterns struct {
	numericDate *regexp.Regexp // 2019-12-10, 2019/12/10, 2019.12.10, 2019年12月10日, with a time after
	compactDate *regexp.Regexp // 20240305 in a title
	itemNumber  *regexp.Regexp // "1. ", "2、", "（三）" opening a transcript item's heading
	dateOnly    *regexp.Regexp // a block that is a date and time, nothing else
	bylineCue   *regexp.Regexp // what stands beside a byline's date: 来源, Source, 编辑 …
	urlDate     *regexp.Regexp // /2019-12/10/, /2019/0615/, /201912/10/, 20191210
	savedFrom   *regexp.Regexp // <!-- saved from url=(0071)http://… --> (browsers' "save as")
	endDate     *regexp.Regexp // a related link's date closing its line
	related     *regexp.Regexp // a heading over related links
	titleSep    *regexp.Regexp
	siteWord    *regexp.Regexp // what names a site or a channel in a title's tail
}

func newPagePatterns() *pagePatterns {
	const date = `((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?`
	return &pagePatterns{
		numericDate: regexp.MustCompile(date),
		itemNumber:  regexp.MustCompile(`^(?:\d{1,3}\s*[.、．]|[（(][0-9一二三四五六七八九十]{1,3}[）)])\s*`),
		compactDate: regexp.MustCompile(`(?:^|\D)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:\D|$)`),
		dateOnly:    regexp.MustCompile(`^[\[(（【]?\s*` + date + `(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?\s*[\])）】]?$`),
		bylineCue:   regexp.MustCompile(`(?i)来源|來源|发布时间|發布時間|发布|时间：|时间:|编辑|作者|记者|字号|source|updated|published|posted|editor`),
		urlDate:     regexp.MustCompile(`(?:^|[/_-])((?:19|20)\d{2})[-/_]?(0[1-9]|1[0-2])[-/_]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)`),
		savedFrom:   regexp.MustCompile(`<!--\s*saved from url=\(\d+\)(\S+?)\s*-->|<!--[^>]*?\burl:\s*(https?://\S+)`),
		endDate:     regexp.MustCompile(`(?:(?:19|20)\d{2}\s*[-/.年]\s*)?\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2})?\s*[\])）]?$`),
		related:     regexp.MustCompile(`(?i)^(?:【\s*)?(?:相关新闻|相关阅读|相关链接|相关报道|相关文章|推荐阅读|延伸阅读|热点推荐|热门推荐|更多精彩|猜你喜欢|相關新聞|related(?: stories| news| articles| coverage| content)?|read more|more on this|you may also like|recommended)(?:\s*】)?\s*[:：]?$`),
		titleSep:    regexp.MustCompile(`\s*(?:_|\||｜|--|——|—|－{1,2}| - | – )\s*`),
		siteWord:    regexp.MustCompile(`(?i)网|網|频道|頻道|新闻|新聞|日报|日報|报|報|电视|電視|央视|新华|人民|中国|中國|online|news|daily|times|post|xinhua|\.com|\.cn|\.org|www\.`),
	}
}

// pageDate finds a page's date, in this order of trust: the date of its
// byline (the date and time under the headline, beside 来源 or "Source",
// before the article's first paragraph), the date go-htmldate found in
// its metadata, then a date in its address. It returns the date as ISO
// and where it came from, for Article.DateNote; "" when none.
func (pp *pagePatterns) pageDate(page []textBlock, first int, meta, url string) (iso, note string) {
	for i := first - 1; i >= 0 && i >= first-8; i-- {
		t := page[i].text
		if utf8.RuneCountInString(t) > 100 {
			continue
		}
		m := pp.numericDate.FindStringSubmatch(t)
		if m == nil || !(pp.dateOnly.MatchString(t) || pp.bylineCue.MatchString(t)) {
			continue
		}
		if d, ok := makeDate(atoi(m[1]), atoi(m[2]), atoi(m[3])); ok {
			return d.String(), "page byline " + quoteCue(t)
		}
	}
	if meta != "" {
		return meta, "page metadata " + quoteCue(meta)
	}
	if url != "" {
		path := url
		if i := strings.Index(path, "://"); i >= 0 {
			if j := strings.IndexByte(path[i+3:], '/'); j >= 0 {
				path = path[i+3+j:]
			}
		}
		if m := pp.urlDate.FindStringSubmatch(path); m != nil {
			if d, ok := makeDate(atoi(m[1]), atoi(m[2]), atoi(m[3])); ok {
				return d.String(), "page address " + quoteCue(url)
			}
		}
	}
	return "", ""
}

// quoteCue quotes a cue for a note, cut to 80 characters.
func quoteCue(s string) string {
	if utf8.RuneCountInString(s) > 80 {
		r := []rune(s)
		s = string(r[:80]) + "…"
	}
	return `"` + s + `"`
}

// savedURL is the address a browser's "save as" or a page-saving
// extension wrote into the page, or "".
func (pp *pagePatterns) savedURL(raw []byte) string {
	m := pp.savedFrom.FindSubmatch(raw[:min(len(raw), 4096)])
	if m == nil {
		return ""
	}
	if len(m[1]) > 0 {
		return string(m[1])
	}
	return string(m[2])
}

// cleanTitle is a page's title without the site's and channel's names
// that sites add to it ("标题_新华网", "标题--时政--人民网", "标题_教育频道_中国青年网",
// "Headline - People's Daily Online"): the page's own headline (an h1)
// when the title opens with it, else the title's first part when every
// part after it is short and one names a site. It returns too the last
// of those parts that names a site ("新华网", "中国青年网"), the page's
// publication when its metadata names none.
func (pp *pagePatterns) cleanTitle(title string, h1 []string, site string) (string, string) {
	title = strings.Join(strings.Fields(title), " ")
	parts := pp.titleSep.Split(title, -1)
	named := ""
	for _, p := range parts[1:] {
		if utf8.RuneCountInString(p) > 24 {
			named = ""
			break
		}
		if pp.siteWord.MatchString(p) || (site != "" && strings.Contains(p, site)) {
			named = p
		}
	}
	if named == "" {
		// "标题-环球网", "Headline-Xinhua": a hyphen with no space about
		// it separates a site's name only when what follows it is one
		if i := strings.LastIndexAny(title, "-－"); i > 0 {
			_, size := utf8.DecodeRuneInString(title[i:])
			if tail := title[i+size:]; tail != "" && utf8.RuneCountInString(tail) <= 24 && !strings.Contains(tail, " ") && pp.siteWord.MatchString(tail) {
				parts, named = []string{strings.TrimSpace(title[:i]), tail}, tail
			}
		}
	}
	for _, h := range h1 {
		if h != "" && h != title && strings.HasPrefix(title, h) && (pp.titleSep.MatchString(title[len(h):]) || named != "") {
			return h, named
		}
	}
	if len(parts) < 2 || parts[0] == "" || named == "" {
		return title, ""
	}
	return parts[0], named
}

// relatedLinks returns which of an article's paragraphs are a list of
// related links that the site set inside the article: a heading such as
// 相关新闻 or "Related" and the short lines after it (links, dated lines,
// lines that are no sentence), or a run of two or more short lines that
// end with a date ("高质量发展，怎么消除"游离感"？ 2018-03-02"). A list of
// links alone is no sign: articles list accounts and documents.
func (pp *pagePatterns) relatedLinks(paras []string, linkedOnPage map[string]bool) []bool {
	drop := make([]bool, len(paras))
	short := func(t string) bool { return utf8.RuneCountInString(t) <= 60 }
	dated := func(t string) bool { return short(t) && pp.endDate.MatchString(t) && !pp.dateOnly.MatchString(t) }
	for i := 0; i < len(paras); i++ {
		if pp.related.MatchString(paras[i]) {
			drop[i] = true
			for j := i + 1; j < len(paras) && short(paras[j]) && (dated(paras[j]) || linkedOnPage[squeeze(paras[j])] || !closesSentence(paras[j])); j++ {
				drop[j] = true
			}
			continue
		}
		j := i
		for j < len(paras) && dated(paras[j]) {
			j++
		}
		if j-i >= 2 {
			for k := i; k < j; k++ {
				drop[k] = true
			}
			i = j - 1
		}
	}
	return drop
}

// closesSentence reports a line that ends as a sentence does, in any
// script.
func closesSentence(t string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(strings.TrimSpace(t), closer))
	return sentenceEnd(r) || r == '.' || r == '。'
}

// squeeze is a text without its spaces, to compare a block's text as the
// page and as the extractor laid it out.
func squeeze(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// headings returns the text of a page's h1 elements.
func headings(doc *html.Node) []string { return elementBlocks(doc, "h1", nil) }
