package analyze

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// englishLayout holds the compiled expressions of English news layout:
// captions, photo credits, stage directions, time stamps and footers.
type englishLayout struct {
	captionEnd   *regexp.Regexp
	captionStart *regexp.Regexp
	gluedCredit  *regexp.Regexp
	creditThen   *regexp.Regexp // a caption's credit with text after it on the line
	stage        *regexp.Regexp
	stageInline  *regexp.Regexp
	footnote     *regexp.Regexp // a footnote marker in running text: "[1]"
	sourceTag    *regexp.Regexp // the agency an article comes from, closing it: "( Xinhua )"
	editorsNote  *regexp.Regexp
	timestamp    *regexp.Regexp
	footerLead   *regexp.Regexp // a footer marker opening a line
	footerAny    *regexp.Regexp // one anywhere in it
	// a page dumped on one line: a footer marker inside the line, a
	// byline's time stamp, an agency's photo credit
	pageFooter *regexp.Regexp
	pageStamp  *regexp.Regexp
	pageCredit *regexp.Regexp
}

func newEnglishLayout() *englishLayout {
	const agencies = `xinhua|xinhua news agency|afp|ap|reuters|cfp|vcg|ic|cns|ecns|china news service|china daily|people's daily|global times|cgtn|getty images|file|photo|photos|file photo|visual china|imaginechina`
	return &englishLayout{
		// … March 5, 2024 (XINHUA) | (Xinhua/Ju Peng) | [Photo/Xinhua] | (Photo by Wang Ye)
		captionEnd: regexp.MustCompile(`(?i)(?:\((?:` + agencies + `)(?:\s*/[^)]{0,60})?\)|\((?:photo|photos|file photo)(?:\s*by|:)[^)]{0,60}\)|\[(?:photo|photos|file photo)(?:\s*/[^\]]{0,60})?\])\s*$`),
		// Photo: … | Photo taken on … | File photo shows … | Photo by …
		captionStart: regexp.MustCompile(`(?i)^(?:(?:an? |the )?(?:aerial |file |undated |combo )?photos?(?: taken (?:on|in)\b|\s*:|\s*/| by\b| shows\b)|(?:white house|ap|reuters|afp|xinhua|getty images) photo by\b)`),
		// a photo credit run into the sentence after it: "White House photo by Eric DraperEvery time …"
		gluedCredit: regexp.MustCompile(`^((?:White House |AP |Reuters |AFP |Xinhua |Getty Images )?[Pp]hoto by [A-Z][a-z]+(?: [A-Z]\.)? [A-Z][a-z]+)\s*(\S.{20,})$`),
		// "… in Nanjing, Nov. 14, 2020. (Xinhua/Ju Peng) NANJING, Nov. 15 (Xinhua) -- …"
		creditThen:  regexp.MustCompile(`^(.{20,600}?\((?i:` + agencies + `)\s*/[^)]{1,60}\))\s+(\S.{20,})$`),
		stage:       regexp.MustCompile(`(?i)^\((?:applause|laughter|cheers|boos|laughter and applause|applause and laughter|inaudible|crosstalk)\.?\)$`),
		stageInline: regexp.MustCompile(`(?i)\s*\((?:applause|laughter|cheers|boos|laughter and applause|applause and laughter|inaudible|crosstalk)\.?\)`),
		footnote:    regexp.MustCompile(`\[\d{1,3}\]`),
		sourceTag:   regexp.MustCompile(`(?i)(?:^|\s)\(\s*(?:source\s*:\s*)?(?:` + agencies + `)\s*\)$`),
		editorsNote: regexp.MustCompile(`(?i)^(?:\(|\[)?editor[’']?s['’]? note\b`),
		timestamp:   regexp.MustCompile(`(?i)^(?:end\s+)?\d{1,2}:\d{2}\s*[ap]\.?m\.?(?:\s+[a-z]{2,4})?\.?$`),
		footerLead:  regexp.MustCompile(`(?i)^(?:related(?: news| stories| articles| links| reading)?\s*:?$|copyright\b|©|\(c\)\s*\d{4}|all rights reserved|partners?\s*:|editors?\s*:|\[editor|share\s*(?:this|on)?\s*:|source\s*:|follow us|back to top|print$|email$|more\s*:|tags?\s*:|key\s?words?\s*:|web editors?\s*:|(?:most read|most popular|we recommend|hot news|related reading|you may also like|recommended)\s*$)`),
		footerAny:   regexp.MustCompile(`(?i)all rights reserved|\bICP\b|ICP备`),
		pageFooter:  regexp.MustCompile(`\b(?:Most Read|Most Popular|We Recommend|Hot News|Related [Rr]eading|Related:|You [Mm]ay [Aa]lso [Ll]ike|Web [Ee]ditors?:|Editors?:|Key ?[Ww]ords:|Tags:|Copyright\b)`),
		pageStamp:   regexp.MustCompile(`\b\d{1,2}:\d{2}(?::\d{2})?,?\s+` + monthPattern + `\.?\s+\d{1,2},?\s+\d{4}\b`),
		pageCredit:  regexp.MustCompile(`\((?i:` + agencies + `)\s*/[^()]{1,60}\)`),
	}
}

// Each expression below runs only where the cheap test of something every
// match holds passes: most lines are body text that none matches.

// Stage: "(Applause.)", "(LAUGHTER)"; "10:42 a.m. EST", "END 11:02 P.M.".
func (e *englishLang) Stage(line string) (string, bool) {
	p := e.layout
	switch {
	case line == "":
	case line[0] == '(' && p.stage.MatchString(line):
		return "stage direction", true
	case (isDigit(line[0]) || line[0] == 'e' || line[0] == 'E') && p.timestamp.MatchString(line):
		return "timestamp", true
	case line[0] == '(' && p.sourceTag.MatchString(line):
		return "source tag", true
	case p.editorsNote.MatchString(line):
		return "editor's note", true
	}
	return "", false
}

// InlineStage: "(Applause.)" within a paragraph, with the space before
// it, and footnote markers ("development.[1]"), in text order.
func (e *englishLang) InlineStage(text string) []Span {
	var out []Span
	if strings.Contains(text, "(") { // stage directions are in brackets
		for _, l := range e.layout.stageInline.FindAllStringIndex(text, -1) {
			out = append(out, Span{l[0], l[1]})
		}
	}
	if strings.HasSuffix(text, ")") {
		// "… in the province. ( Xinhua )": the agency's tag closing the article
		if l := e.layout.sourceTag.FindStringIndex(text); l != nil && l[0] > 0 && (len(out) == 0 || out[len(out)-1].End <= l[0]) {
			out = append(out, Span{l[0], l[1]})
		}
	}
	if strings.Contains(text, "[") {
		for _, l := range e.layout.footnote.FindAllStringIndex(text, -1) {
			out = append(out, Span{l[0], l[1]})
		}
		sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	}
	return out
}

// Caption: a credit closing the line ("(XINHUA)", "[Photo/Xinhua]") or a
// photo opening it ("Photo taken on …", "File photo shows …").
func (e *englishLang) Caption(line string) bool {
	p := e.layout
	return closesBracket(line) && p.captionEnd.MatchString(line) || mentionsPhoto(line) && p.captionStart.MatchString(line)
}

// SplitCaption: "White House photo by Eric DraperEvery time …", or a
// caption ending in an agency's credit with the article's dateline after
// it on the same line, as page dumps run them together: "… March 5, 2024.
// (Xinhua/Ju Peng) BEIJING, March 5 (Xinhua) -- Chinese President …".
func (e *englishLang) SplitCaption(text string) (string, string, bool) {
	if strings.Contains(text, "/") && strings.Contains(text, ") ") {
		if m := e.layout.creditThen.FindStringSubmatch(text); m != nil {
			if _, _, ok := e.Dateline(m[2]); ok {
				return m[1], m[2], true
			}
		}
	}
	if !strings.Contains(text, "hoto by ") { // each credit has "Photo by" or "photo by"
		return "", "", false
	}
	m := e.layout.gluedCredit.FindStringSubmatch(text)
	if m == nil {
		return "", "", false
	}
	return m[1], m[2], true
}

// FooterMarker: "Related:", "Copyright …", "All rights reserved", an ICP
// licence number. The expression that looks through the whole line runs
// only where its words are.
func (e *englishLang) FooterMarker(line string) bool {
	p := e.layout
	if p.footerLead.MatchString(line) {
		return true
	}
	low := strings.ToLower(line)
	maybe := strings.Contains(low, "rights reserved") || strings.Contains(low, "icp") ||
		strings.ContainsRune(line, 'ſ') // a long s, which (?i) takes for an s
	return maybe && p.footerAny.MatchString(line)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// closesBracket reports whether text ends in ")" or "]" before trailing
// white space, as every caption credit matched by captionEnd does.
func closesBracket(text string) bool {
	t := strings.TrimRight(text, " \t\n\f\r")
	return t != "" && (t[len(t)-1] == ')' || t[len(t)-1] == ']')
}

// mentionsPhoto reports whether "photo" (any case) is in the first 64
// bytes, as in every caption opening matched by captionStart.
func mentionsPhoto(text string) bool {
	return strings.Contains(strings.ToLower(text[:min(len(text), 64)]), "photo")
}

// endsSentence reports whether text ends as a sentence or clause does:
// in . , ; : (after closing quotes and brackets).
func endsSentence(text string) bool {
	t := strings.TrimRightFunc(text, func(r rune) bool {
		return r == '"' || r == '\'' || r == '’' || r == '”' || r == ')' || r == ']' || unicode.IsSpace(r)
	})
	if t == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune(".,;:…。", r)
}

// Headline: up to 20 words, opening with a capital, a digit or a quote,
// and not ending as a sentence.
// Subhead: one to twelve words with letters, every letter a capital, an
// enumerator before them allowed ("I.", "2)", "III:"), no sentence end.
func (*englishLang) Subhead(text string) bool {
	words := strings.Fields(text)
	if len(words) == 0 || len(words) > 13 || len(text) > 150 || strings.HasSuffix(text, ".") {
		return false
	}
	if len(words) > 1 && isEnumerator(words[0]) {
		words = words[1:]
	}
	letters := 0
	for _, w := range words {
		for _, r := range w {
			if unicode.IsLetter(r) {
				if !unicode.IsUpper(r) {
					return false
				}
				letters++
			}
		}
	}
	return letters >= 4
}

// isEnumerator reports a subhead's number: "I.", "IV.", "2.", "3)", "A.".
func isEnumerator(w string) bool {
	if len(w) < 2 || !strings.ContainsAny(w[len(w)-1:], ".):") {
		return false
	}
	w = w[:len(w)-1]
	if strings.Trim(w, "0123456789") == "" || strings.Trim(w, "IVXLC") == "" {
		return true
	}
	return len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z'
}

func (*englishLang) Headline(text string) bool {
	if len(text) > 200 || endsSentence(text) {
		return false
	}
	words := strings.Fields(text)
	if len(words) == 0 || len(words) > 20 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(text)
	if unicode.IsLower(first) {
		return false
	}
	return strings.IndexFunc(text, unicode.IsLetter) >= 0
}

// TitleLine: up to 20 words, in title case, not opening in lower case.
func (*englishLang) TitleLine(text string) bool {
	first, _ := utf8.DecodeRuneInString(text)
	return len(strings.Fields(text)) <= 20 && titleCase(text) && !unicode.IsLower(first)
}

// LineWords counts the runs of non-space.
func (*englishLang) LineWords(line string) int { return len(strings.Fields(line)) }

// GapTitle: a title of at least 4 words after a wide gap opens an article.
func (*englishLang) GapTitle(line string) bool { return len(strings.Fields(line)) >= 4 }

// NavItem: a few words, no sentence end, or a row of items separated by
// bars, or a menu row: four to twelve capitalised words of letters only
// ("Home China Business World Science Culture").
// ContentsMarker: "Contents", "Table of Contents", "In this issue",
// "Inside this issue", and a broadcast's summary ("In this programme",
// "Headlines", "Top stories"), alone on a line (a colon allowed).
func (*englishLang) ContentsMarker(line string) bool {
	if len(line) > 40 {
		return false // every line is asked: most are far longer than a marker
	}
	switch strings.ToLower(strings.TrimSpace(strings.TrimRight(strings.TrimSpace(line), ":"))) {
	case "contents", "table of contents", "in this issue", "inside this issue",
		"in this programme", "in this program", "in this edition", "headlines", "top stories", "today's headlines":
		return true
	}
	return false
}

func (*englishLang) NavItem(text string) bool {
	if strings.Count(text, "|") >= 2 || menuRow(text) {
		return true
	}
	words := strings.Fields(text)
	if len(words) == 0 || len(words) > 5 || len(text) > 60 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text)
	return !strings.ContainsRune(".!?", r)
}

// Wraps: prev does not end a sentence and next opens in lower case; or a
// title in capitals broken after an initial ("PRESIDENT GEORGE H.W.").
func (*englishLang) Wraps(prev, next string) bool {
	if prev == "" || next == "" {
		return false
	}
	if allCaps(prev) && allCaps(next) && endsInInitial(prev) {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(prev)
	if strings.ContainsRune(".!?:;)\"”’", r) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(first)
}

// titleCase reports whether most words of four letters or more begin with
// a capital, as in titles.
func titleCase(text string) bool {
	long, upper := 0, 0
	for _, w := range strings.Fields(text) {
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		long++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			upper++
		}
	}
	return long > 0 && upper*10 >= long*6
}

// allCaps reports a line whose letters are all capitals.
func allCaps(text string) bool {
	letters := 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 0
}

// endsInInitial reports a line whose last word is initials such as "H.W.".
func endsInInitial(text string) bool {
	f := strings.Fields(text)
	if len(f) == 0 {
		return false
	}
	w := f[len(f)-1]
	if len(w) < 2 || len(w)%2 != 0 {
		return false
	}
	for i := 0; i < len(w); i += 2 {
		if w[i] < 'A' || w[i] > 'Z' || w[i+1] != '.' {
			return false
		}
	}
	return true
}

// Publications: English-language Chinese and international news outlets.
func (*englishLang) Publications() []string {
	return []string{"Beijing Review", "China Daily", "Xinhua", "People's Daily", "Global Times", "Qiushi",
		"China Today", "CGTN", "China.org.cn", "ECNS", "China Pictorial", "Guangming Daily", "PLA Daily"}
}

// menuRow reports a row of menu items run together: four to twelve words,
// each of letters only and capitalised, as no title or sentence is.
func menuRow(text string) bool {
	words := strings.Fields(text)
	if len(words) < 4 || len(words) > 12 {
		return false
	}
	for _, w := range words {
		first, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(first) || strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
			return false
		}
	}
	return true
}

// maxPageLine is the longest line PageLine looks into: a page's text is
// well under it; a longer line is not one page.
const maxPageLine = 256 << 10

// PageLine cuts a web page dumped on one line (as a text export of a page
// gives it: title, menus, headline, byline, caption, article, footer, run
// together) into the pieces its lines would be: the page title and menus
// up to the headline where the line repeats its opening title ("T - Site
// … T …"), the headline, the byline up to its time stamp ("… 21:05, March
// 09, 2024"), the photo caption up to its credit ("(Xinhua/Ji Chunpeng)"),
// the article, and the footer from each marker in it ("Most Read", "Web
// editor:", "Copyright"). Only a line with a footer marker inside it and
// one more sign of a page (the repeated title, a time stamp, a credit) is
// cut; for any other line PageLine returns nil. The title and menus, and
// everything from the first footer marker on, are to be dropped.
func (e *englishLang) PageLine(line string) []PagePiece {
	if len(line) < 200 || len(line) > maxPageLine {
		return nil
	}
	p := e.layout
	footers := p.pageFooter.FindAllStringIndex(line, -1)
	if len(footers) == 0 || footers[0][0] == 0 {
		return nil
	}
	title := false
	var cuts []int
	signs := 0
	if t, ok := repeatedTitle(line); ok {
		at := strings.Index(line[len(t):], t) + len(t)
		cuts = append(cuts, at, at+len(t))
		signs++
		title = true
	}
	if m := p.pageStamp.FindStringIndex(line[:footers[0][0]]); m != nil {
		cuts = append(cuts, m[1])
		signs++
	}
	if m := p.pageCredit.FindStringIndex(line[:footers[0][0]]); m != nil {
		cuts = append(cuts, m[1])
		signs++
	}
	if signs == 0 {
		return nil
	}
	for _, f := range footers {
		cuts = append(cuts, f[0])
	}
	sort.Ints(cuts)
	var out []PagePiece
	at := 0
	for _, c := range append(cuts, len(line)) {
		if c <= at {
			continue
		}
		if piece := strings.TrimSpace(line[at:c]); piece != "" {
			drop := ""
			switch {
			case at >= footers[0][0]:
				drop = "footer"
			case title && len(out) == 0:
				drop = "page title and menus"
			}
			out = append(out, PagePiece{Text: piece, Drop: drop})
		}
		at = c
	}
	return out
}

// repeatedTitle finds a page title opening a line, "T - Site" (or with
// "|", "–", "—", "_"), whose T (three words or more) the line repeats
// later as the headline.
func repeatedTitle(line string) (string, bool) {
	head := line[:min(len(line), 300)]
	for _, sep := range titleSeparators() {
		i := strings.Index(head, sep)
		if i < 0 {
			continue
		}
		title := strings.TrimSpace(line[:i])
		if len(strings.Fields(title)) >= 3 && strings.Contains(line[i+len(sep):], title) {
			return line[:i], true
		}
	}
	return "", false
}
