// The reader's second stage: blocks into articles (headlines, dates,
// bodies, captions, venues), the boilerplate dropped with its reason.

package analyze

import (
	"context"
	"fmt"
	"hash/fnv"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"unicode/utf8"
)

// builder walks the blocks once and assembles articles, holding a window
// of blocks: the one before the block at hand (a title a date heading may
// take back), those after it that decide what it is, and a trailing run
// that may be the site footer.
type builder struct {
	rd   *Reader
	iss  *Issue
	src  *blockStream
	emit func(*Article) error
	err  error // the first error of the input or of emit; it stops the walk
	// web is set once the input shows itself web pages: HTML, a page
	// title line over the first article, or a page footer between articles
	web  bool
	page *converted // what the text was converted from (web pages, Markdown), or nil
	// pageEnd is the line where the page of the article just completed
	// ended (its footer begins), until the next article starts; else 0
	pageEnd int
	// longArticles is how many times an article was cut at maxArticle
	longArticles int

	buf       []block // blocks base, base+1, … still needed
	base      int
	eof       bool
	footerAt  int // index of the first footer block once the input's end is seen, else -1
	lastSolid int // index of the last block that cannot be footer, or -1

	section struct {
		date Date
		line int
		text string
	}
	cur        *openArticle
	firstOpen  *openArticle // the first article opened: captions before it are its own
	started    int          // articles opened
	masthead   []block
	pendingCap []block
	placedIdx  int // index of the block last added as a body paragraph, or -1
	// headBeforeDate is set when the last date heading took its headline
	// from the line above it (TITLE / date / body, as in speech collections)
	headBeforeDate bool
	footer         []block
	stage          []Dropped

	// articles as they complete
	kept       int   // articles kept (numbered)
	firstHead  *Para // the first kept article's headline
	mastYears  []int // years named in the masthead, once the masthead is done
	mastDone   bool  //
	lastYear   int   // year of the last date heading that gave one
	lastYearAt int   // and its line
	issueYears map[int]int
	paraSeen   map[uint64]int // the paragraphs of the kept articles of 3 or more (by hash of their text) → the article's number, to find a copy
	seenDates  map[int]Date   // those articles' dates as they were when completed, by number
	held       []*Article     // articles waiting for the end of the input (see complete)
}

// openArticle is the article being built, with what the builder keeps
// about it.
type openArticle struct {
	a           *Article
	bytes       int    // of its body's text
	dateLine    int    // line of the date heading that opened it, or 0
	sectionText string // and its text
	captionIdx  map[string]int
}

// load makes block i available; false at the end of the input (or on an
// error, kept in b.err).
func (b *builder) load(i int) bool {
	for b.base+len(b.buf) <= i {
		if b.eof || b.err != nil {
			return false
		}
		bl, ok, err := b.src.next()
		if err != nil {
			b.err = err
			return false
		}
		if !ok {
			b.eof = true
			b.findFooter()
			return false
		}
		b.buf = append(b.buf, bl)
		if !b.footerLike(b.base + len(b.buf) - 1) {
			b.lastSolid = b.base + len(b.buf) - 1
		}
	}
	return true
}

// blk returns block i, which must be loaded.
func (b *builder) blk(i int) *block { return &b.buf[i-b.base] }

// release lets go of the blocks before i-1 that the footer cannot need.
func (b *builder) release(i int) {
	keep := min(i-1, b.lastSolid)
	if n := keep - b.base; n > 64 && n > len(b.buf)/2 {
		b.buf = append(b.buf[:0], b.buf[n:]...)
		b.base = keep
	}
}

// What a block may be in a site footer (block.footer; 0 not yet known).
const (
	footerLine = 1 // a navigation line or a footer marker
	footerNot  = 2
	footerLink = 3 // a link title (it reads as a headline): footer only under a marker such as "Most Read"
)

// footerLike reports whether block i may be part of the site footer: a
// navigation line, a footer marker ("Related:", "Copyright …", "Most
// Read"), or the title of a link in a list under such a marker.
func (b *builder) footerLike(i int) bool {
	bl := b.blk(i)
	if bl.kind == kindDate || bl.kind == kindCaption {
		return false
	}
	if bl.footer == 0 {
		bl.footer = b.footerKind(bl.text)
	}
	return bl.footer != footerNot
}

// footerKind is what a line may be in a site footer: footerLine,
// footerLink or footerNot.
func (b *builder) footerKind(text string) int8 {
	switch {
	case b.rd.footerLine(text):
		return footerLine
	case b.rd.lang.Headline(text):
		return footerLink
	}
	return footerNot
}

// findFooter, at the end of the input, finds where the footer begins: the
// trailing run of footer-like blocks, when it holds a marker or at least
// three lines and leaves something before it.
func (b *builder) findFooter() {
	end := b.base + len(b.buf)
	b.footerAt = end
	start, marker := b.lastSolid+1, false
	for j := start; j < end; j++ {
		marker = marker || b.rd.lang.FooterMarker(b.blk(j).text)
	}
	// link titles belong to the footer only under a marker, which the
	// footer then starts at (or at a navigation line before it); without
	// one, the footer is what follows the last of them
	if marker {
		for start < end && b.blk(start).footer == footerLink {
			start++
		}
	} else {
		for j := start; j < end; j++ {
			if b.blk(j).footer == footerLink {
				start = j + 1
			}
		}
	}
	if (marker || end-start >= 3) && start > 0 && start < end {
		b.footerAt = start
	}
}

// ended reports whether block i lies past the articles: after the end of
// the input or in the footer. It reads ahead through footer-like blocks
// until one that is not, or the end.
func (b *builder) ended(i int) bool {
	if b.footerAt >= 0 {
		return i >= b.footerAt
	}
	for j := i; ; j++ {
		if !b.load(j) {
			return b.footerAt < 0 || i >= b.footerAt // an error ends the walk too
		}
		if !b.footerLike(j) {
			return false
		}
	}
}

func (b *builder) build() {
	i := 0
	for ; !b.ended(i); i++ {
		b.release(i)
		if j := b.pageTurn(i); j > i {
			i = j
			continue
		}
		if j := b.contents(i); j >= i {
			i = j
			continue
		}
		bl := *b.blk(i)
		if b.page != nil && b.page.titleLines[bl.first] && (bl.kind == kindHead || bl.kind == kindBody) {
			// an HTML page's title: its article's headline, whatever follows
			if b.cur != nil && b.cur.a.Headline == nil && len(b.cur.a.Body) == 0 {
				b.cur.a.Headline = ptr(b.para(bl))
			} else {
				b.start(&bl)
			}
			continue
		}
		switch bl.kind {
		case kindStage:
			if bl.why != "" && b.cur == nil {
				b.masthead = append(b.masthead, bl) // a page's title and menus above its first article
				continue
			}
			what, _ := b.rd.lang.Stage(bl.text)
			if bl.why != "" {
				what = bl.why
			}
			b.stage = append(b.stage, Dropped{Line: bl.first, Kind: what, Text: keep(bl.text)})
		case kindDate:
			i = b.dateHeading(i)
		case kindHead:
			b.headLike(i)
		case kindCaption:
			if b.cur == nil {
				b.pendingCap = append(b.pendingCap, bl)
			} else {
				b.addCaption(b.cur, bl)
			}
		default:
			if b.cur == nil {
				b.start(nil)
			}
			b.addBody(i)
		}
		if b.err != nil {
			return
		}
	}
	if b.err != nil {
		return
	}
	for j := b.footerAt; j < b.base+len(b.buf); j++ {
		b.footer = append(b.footer, *b.blk(j))
	}
	if b.started == 0 {
		// nothing read as an article: the whole text is one undated article
		b.start(nil)
		for _, m := range b.masthead {
			if m, ok := b.withoutStages(m); ok {
				b.cur.a.Body = append(b.cur.a.Body, b.para(m))
			}
		}
		b.masthead = nil
	}
	b.complete(b.cur)
	b.cur = nil
}

// finish, after the walk, lets the held articles go and names the issue
// and what was dropped.
func (b *builder) finish() error {
	for _, a := range b.held {
		if a.Date.Year == 0 && !a.Date.IsZero() {
			a.Date.Year, a.DateNote = b.yearFromIssue(a)
		}
		if err := b.emit(a); err != nil {
			return err
		}
	}
	b.held = nil
	iss, rd := b.iss, b.rd
	for _, m := range b.masthead {
		iss.Dropped = append(iss.Dropped, Dropped{Line: m.first, Kind: "masthead", Text: keep(m.text)})
	}
	for _, f := range b.footer {
		iss.Dropped = append(iss.Dropped, Dropped{Line: f.first, Kind: "footer", Text: keep(f.text)})
	}
	iss.Dropped = append(iss.Dropped, b.stage...)
	if b.page != nil {
		iss.Dropped = append(iss.Dropped, b.page.dropped...)
	}
	sort.SliceStable(iss.Dropped, func(i, j int) bool { return iss.Dropped[i].Line < iss.Dropped[j].Line })
	b.warnDropped()

	var mastText strings.Builder
	for _, m := range b.masthead {
		mastText.WriteString(m.text + "\n")
	}
	iss.Publication = rd.publication(mastText.String())
	for _, m := range b.masthead {
		if rd.lang.LineWords(m.text) >= 3 && !rd.lang.NavItem(m.text) {
			iss.Title = keep(m.text) // the last such line: the issue's own title under the masthead
		}
	}
	if b.firstHead != nil {
		// a saved page: its title line is the headline and the site's
		// name; the issue is the page's article, or, for pages joined,
		// the site's
		if site, ok := pageTitle(b.masthead, b.firstHead.Text); ok {
			iss.Title = keep(site)
			if len(strings.Fields(site)) > 5 {
				// the site's name ran into the menus (a page dumped on one
				// line): the publication's name, if known, says it better
				iss.Title = iss.Publication
			}
			if b.kept == 1 {
				iss.Title = keep(b.firstHead.Text)
			}
		}
	}
	switch {
	case iss.Title != "":
	case b.kept == 1 && b.firstHead != nil:
		iss.Title = keep(b.firstHead.Text)
	default:
		iss.Title = strings.TrimSuffix(filepath.Base(iss.Name), filepath.Ext(iss.Name))
	}
	return nil
}

// Limits of a table of contents: how many blocks it may hold, and how far
// past it the reader looks for the articles it lists.
const (
	maxContents       = 200
	contentsLookahead = 3000
)

// contents drops a table of contents opening at block i, a marker line
// ("Contents", "目录", "本版导读"; Language.ContentsMarker): the headlines
// after it, with the short summaries between them (at most 300 characters
// each), up to a date or a headline over a news dateline, when at least
// half of its headlines stand again in the next blocks as headlines, the
// articles themselves, which are then counted once. It returns the last
// block dropped, or i-1 when block i opens no table of contents.
func (b *builder) contents(i int) int {
	if !b.rd.lang.ContentsMarker(b.blk(i).text) {
		return i - 1
	}
	var heads []string
	end := i
	for j := i + 1; j-i <= maxContents && !b.ended(j); j++ {
		x := b.blk(j)
		if x.kind == kindDate || (x.kind == kindHead && b.datelineNext(j)) {
			break
		}
		if x.kind == kindHead {
			heads = append(heads, contentsKey(x.text))
		} else if x.kind != kindBody || len(heads) == 0 || utf8.RuneCountInString(x.text) > 300 {
			break
		}
		end = j
	}
	if len(heads) < 2 {
		return i - 1
	}
	listed := map[string]bool{}
	for _, h := range heads {
		listed[h] = true
	}
	found := map[string]bool{}
	for j := end + 1; j <= end+contentsLookahead && !b.ended(j); j++ {
		if x := b.blk(j); x.kind == kindHead && listed[contentsKey(x.text)] {
			found[contentsKey(x.text)] = true
		}
	}
	if 2*len(found) < len(listed) {
		return i - 1
	}
	for j := i; j <= end; j++ {
		x := b.blk(j)
		b.stage = append(b.stage, Dropped{Line: x.first, Kind: "table of contents", Text: keep(x.text)})
	}
	return end
}

// contentsKey is a headline as a table of contents and its article are
// compared: no spaces, no heading marks ("### "), no closing stop.
func contentsKey(s string) string {
	s = strings.TrimLeft(strings.TrimSpace(s), "# ")
	return strings.TrimRight(strings.Join(strings.Fields(s), ""), ".。")
}

// next returns the index of the next block after i that is not a stage
// direction (and not a caption when skipCaptions); past the articles, an
// index that has ended.
func (b *builder) next(i int, skipCaptions bool) int {
	j := i + 1
	for ; !b.ended(j); j++ {
		k := b.blk(j).kind
		if k == kindStage || (skipCaptions && k == kindCaption) {
			continue
		}
		return j
	}
	return j
}

// opensArticle reports whether the headline-like block i is followed by body
// text (captions between are allowed).
func (b *builder) opensArticle(i int) bool {
	j := b.next(i, true)
	return !b.ended(j) && b.blk(j).kind == kindBody
}

func (b *builder) dateHeading(i int) int {
	bl := *b.blk(i)
	b.section.date, b.section.line, b.section.text = bl.date, bl.first, bl.text
	var head *block
	consumed := i
	if j := b.next(i, false); !b.ended(j) && b.blk(j).kind == kindHead && b.opensArticle(j) {
		h := *b.blk(j)
		head, consumed = &h, j
	} else if i > 0 && b.rd.titleBefore(*b.blk(i - 1)) {
		head = b.steal(i - 1)
	}
	b.headBeforeDate = head != nil && head.first < bl.first
	b.start(head)
	b.cur.dateLine, b.cur.sectionText = bl.first, bl.text
	return consumed
}

// steal takes back the headline-like block i from where it was put (the
// masthead or the last body paragraph), to head the article a date opens.
func (b *builder) steal(i int) *block {
	bl := *b.blk(i)
	if n := len(b.masthead); n > 0 && b.masthead[n-1].first == bl.first && b.cur == nil {
		b.masthead = b.masthead[:n-1]
		return &bl
	}
	if b.cur != nil && b.placedIdx == i {
		b.cur.a.Body = b.cur.a.Body[:len(b.cur.a.Body)-1]
		b.placedIdx = -1
		return &bl
	}
	return nil
}

func (b *builder) headLike(i int) {
	bl := *b.blk(i)
	opens := b.opensArticle(i)
	switch {
	case b.cur == nil && opens:
		b.start(&bl)
	case b.cur == nil:
		b.masthead = append(b.masthead, bl)
	case opens && len(b.cur.a.Body) > 0 && b.datelineNext(i):
		b.start(&bl) // a title over a news dateline opens an article, even one set as a heading ("### …")
	case len(b.cur.a.Body) > 0 && b.rd.lang.Subhead(bl.text):
		b.addBody(i) // a subhead within the article, not a new article's title
	case opens && b.cur.a.Headline == nil && len(b.cur.a.Body) == 0:
		b.cur.a.Headline = ptr(b.para(bl))
	case opens && len(b.cur.a.Body) > 0 && bl.gap >= 2 && b.rd.lang.GapTitle(bl.text):
		// a title after a wider gap opens a new article; in a text whose
		// titles stand before their dates, one with no date is undated
		if b.headBeforeDate {
			b.section.date, b.section.line, b.section.text = Date{}, 0, ""
		}
		b.start(&bl)
	default:
		b.addBody(i)
	}
}

func (b *builder) datelineNext(i int) bool {
	j := b.next(i, true)
	if b.ended(j) {
		return false
	}
	_, _, ok := b.rd.lang.Dateline(b.blk(j).text)
	return ok
}

func ptr[T any](v T) *T { return &v }

func isEmpty(a *Article) bool {
	return a.Headline == nil && len(a.Body) == 0 && len(a.Captions) == 0
}

// start opens a new article under the current date section; the one
// before it is complete.
func (b *builder) start(head *block) {
	if b.cur != nil {
		b.complete(b.cur)
	}
	if b.pageEnd > 0 && b.section.line < b.pageEnd {
		// the article before ended its web page: its page's date (a
		// byline above it) does not date the next page
		b.section.date, b.section.line, b.section.text = Date{}, 0, ""
	}
	b.pageEnd = 0
	a := &Article{Date: b.section.date}
	if head != nil {
		a.Headline = ptr(b.para(*head))
	}
	if !b.section.date.IsZero() {
		a.DateNote = fmt.Sprintf("heading %q (line %d)", b.section.text, b.section.line)
		if b.page != nil && b.page.dateLines[b.section.line] != "" {
			a.DateNote = b.page.dateLines[b.section.line]
		}
	}
	b.started++
	b.cur = &openArticle{a: a}
	if b.started == 1 {
		b.firstOpen = b.cur
	}
	b.placedIdx = -1
}

func (b *builder) addBody(i int) {
	bl, ok := b.withoutStages(*b.blk(i))
	if !ok {
		return
	}
	p := b.para(bl)
	p.Subhead = b.rd.lang.Subhead(p.Text)
	if b.cur.bytes += len(p.Text); b.cur.bytes > b.rd.maxArticle && len(b.cur.a.Body) > 0 {
		// an article is held whole until it ends: one of a text with no
		// headline or date to end it goes on as the next
		if b.longArticles++; b.longArticles == 1 {
			b.iss.Warnings = append(b.iss.Warnings, Warning{Line: bl.first, Msg: fmt.Sprintf(
				"an article longer than %d MB, cut here: read as several articles (nothing here ends an article: no headline or date)", b.rd.maxArticle>>20)})
		}
		b.start(nil)
		b.cur.bytes = len(p.Text)
	}
	b.cur.a.Body = append(b.cur.a.Body, p)
	b.placedIdx = i
}

// maxArticle is the most body text an article holds: a text without
// headlines or dates is one article, held whole until it ends.
const maxArticle = 16 << 20

// withoutStages cuts the stage directions and footnote markers out of a
// body block (Language.InlineStage), listing them as dropped; false when
// nothing is left.
func (b *builder) withoutStages(bl block) (block, bool) {
	stages := b.rd.lang.InlineStage(bl.text)
	if stages == nil {
		return bl, true
	}
	var rest strings.Builder
	at := 0
	for _, st := range stages {
		cut := strings.TrimSpace(bl.text[st.Start:st.End])
		kind := "stage direction"
		if k, ok := b.rd.lang.Stage(cut); ok {
			kind = k // a source tag, or what else the language tells apart
		}
		if isFootnoteMarker(cut) {
			kind = "footnote marker"
		}
		b.stage = append(b.stage, Dropped{Line: bl.first, Kind: kind, Text: keep(cut)})
		rest.WriteString(bl.text[at:st.Start])
		at = st.End
	}
	rest.WriteString(bl.text[at:])
	bl.text = strings.TrimSpace(rest.String())
	return bl, bl.text != ""
}

func (b *builder) addCaption(o *openArticle, bl block) {
	a := o.a
	if o.captionIdx == nil {
		o.captionIdx = map[string]int{}
	}
	if k, ok := o.captionIdx[bl.text]; ok {
		a.Captions[k].Copies++
		a.Captions[k].Lines = append(a.Captions[k].Lines, bl.first)
		return
	}
	o.captionIdx[bl.text] = len(a.Captions)
	a.Captions = append(a.Captions, Caption{Para: b.para(bl), Copies: 1, Lines: []int{bl.first}})
}

// copyOfEarlier drops an article that is a copy of an earlier one of the
// input (a report saved twice in one file): at least 3 paragraphs, and at
// least nine tenths of its words in paragraphs an earlier article of the
// same date has word for word (a page put out again the next day under a
// new title is an article of that day). It lists it as dropped, "copy of article N", and
// reports true; otherwise it records the article's paragraphs.
func (b *builder) copyOfEarlier(a *Article) bool {
	if len(a.Body) < 3 {
		return false // neither a copy nor kept to compare: a short article holds too little to tell
	}
	hashes := make([]uint64, len(a.Body))
	seen, words, of := 0, 0, 0
	for i, p := range a.Body {
		h := fnv.New64a()
		h.Write([]byte(p.Text))
		hashes[i] = h.Sum64()
		n := b.rd.lang.LineWords(p.Text)
		words += n
		if k, ok := b.paraSeen[hashes[i]]; ok && b.seenDates[k] == a.Date {
			seen += n
			of = k
		}
	}
	if words > 0 && seen*10 >= words*9 {
		text := fmt.Sprintf("copy of article %d", of)
		if a.Headline != nil {
			text += ": " + keep(a.Headline.Text)
		}
		b.stage = append(b.stage, Dropped{Line: a.Body[0].Line, Kind: "copy of an earlier article", Text: text, Words: articleWords(b.rd.lang, a)})
		return true
	}
	for _, h := range hashes {
		if _, ok := b.paraSeen[h]; !ok {
			b.paraSeen[h] = b.kept + 1
		}
	}
	b.seenDates[b.kept+1] = a.Date
	return false
}

// para makes a paragraph of a block; its sentences come later (see
// segmentPara).
func (b *builder) para(bl block) Para {
	return Para{Line: bl.first, EndLine: bl.last, Text: bl.text}
}

// complete finishes an article: captions seen before the first article
// go to the first; an article with nothing in it is dropped (an empty date
// section); a kept one is numbered, dated and placed, and handed on. An
// article whose year only the rest of the issue can tell waits for the
// end, and the articles after it with it, to keep their order.
func (b *builder) complete(o *openArticle) {
	a := o.a
	if o == b.firstOpen {
		for _, c := range b.pendingCap {
			b.addCaption(o, c)
		}
		b.pendingCap = nil
	}
	b.dropPageFooter(a)
	b.dropTemplate(a)
	if b.copyOfEarlier(a) {
		return
	}
	if isEmpty(a) {
		if o.dateLine > 0 {
			b.stage = append(b.stage, Dropped{Line: o.dateLine, Kind: "empty section", Text: keep(o.sectionText)})
		}
		return
	}
	b.kept++
	a.N = b.kept
	a.Words = articleWords(b.rd.lang, a)
	b.iss.WordsKept += a.Words
	b.web = b.web || b.src.pageLines > 0
	if b.kept == 1 {
		b.firstHead = a.Headline
		if a.Headline != nil {
			_, titled := pageTitle(b.masthead, a.Headline.Text)
			b.web = b.web || titled
		}
	}
	if !b.mastDone {
		b.mastDone = true
		for _, m := range b.masthead {
			b.mastYears = append(b.mastYears, b.rd.lang.Years(m.text)...)
		}
	}
	wait := b.date(a, o.dateLine)
	for _, para := range articleParaPtrs(a) {
		for _, d := range b.rd.lang.FullDates(para.Text) {
			b.issueYears[d.Year]++
		}
	}
	var heading *Para
	if o.dateLine > 0 {
		heading = &Para{Line: o.dateLine, Text: o.sectionText}
	}
	a.Venue, a.VenueCue = findVenue(b.rd.venues, a, heading)
	if wait || len(b.held) > 0 {
		b.held = append(b.held, a)
		return
	}
	if err := b.emit(a); err != nil && b.err == nil {
		b.err = err
	}
}

// date gives an undated article the date of its dateline and fills in a
// missing year from the best evidence at hand. It reports whether the
// year must wait for the dates in the rest of the issue.
func (b *builder) date(a *Article, dateLine int) bool {
	if strings.HasPrefix(a.DateNote, "page ") {
		// a full date in the article's opening lines (a speech "delivered
		// … on December 8, 2021") says when it was given; the page's
		// metadata, when it was put online
		for k, para := range a.Body {
			if k > 1 {
				break
			}
			if d, cue, ok := b.rd.lang.Dateline(para.Text); ok && d.Year != 0 {
				if d != a.Date {
					a.Date, a.DateNote = d, fmt.Sprintf("%q (line %d), before the %s", cue, para.Line, a.DateNote)
				}
				break
			}
		}
	}
	if a.Date.IsZero() {
		for k, para := range a.Body {
			if k > 1 {
				break
			}
			if d, cue, ok := b.rd.lang.Dateline(para.Text); ok {
				a.Date = d
				a.DateNote = fmt.Sprintf("dateline %q (line %d)", cue, para.Line)
				break
			}
		}
	}
	if a.Date.IsZero() {
		if d, ok := b.rd.fileDate(b.iss.Name); ok {
			a.Date, a.DateNote = d, fmt.Sprintf("file name %q", b.iss.Name)
		} else if !b.rd.date.IsZero() {
			a.Date, a.DateNote = b.rd.date, "given with --date"
		} else if d, ok := b.rd.fileYear(b.iss.Name); ok {
			a.Date, a.DateNote = d, fmt.Sprintf("file name %q (the year only)", b.iss.Name)
		}
	}
	if a.Date.IsZero() {
		return false
	}
	if a.Date.Year != 0 {
		if strings.HasPrefix(a.DateNote, "heading") {
			b.lastYear, b.lastYearAt = a.Date.Year, dateLine
		}
		return false
	}
	y, note, ok := b.rd.inferYear(a, b.mastYears, b.lastYear, b.lastYearAt)
	if !ok {
		return true
	}
	a.Date.Year, a.DateNote = y, note
	return false
}

// inferYear finds the year of a date given without one: from a caption or
// paragraph of the article giving the full date, the last date heading
// with a year, or the masthead. It reports false when none tells.
func (rd *Reader) inferYear(a *Article, mastYears []int, lastYear, lastYearLine int) (int, string, bool) {
	for _, c := range a.Captions {
		for _, d := range rd.lang.FullDates(c.Text) {
			if d.Month == a.Date.Month && d.Day == a.Date.Day {
				return d.Year, a.DateNote + fmt.Sprintf("; year from caption (line %d)", c.Line), true
			}
		}
	}
	for _, para := range a.Body {
		for _, d := range rd.lang.FullDates(para.Text) {
			if d.Month == a.Date.Month && d.Day == a.Date.Day {
				return d.Year, a.DateNote + fmt.Sprintf("; year from text (line %d)", para.Line), true
			}
		}
	}
	if lastYear != 0 {
		return lastYear, a.DateNote + fmt.Sprintf("; year from the heading at line %d", lastYearLine), true
	}
	if y := mostCommon(mastYears); y != 0 {
		return y, a.DateNote + "; year from masthead", true
	}
	return 0, "", false
}

// yearFromIssue is the last resort for a year: the most common year of
// the full dates anywhere in the issue.
func (b *builder) yearFromIssue(a *Article) (int, string) {
	var ys []int
	for y, n := range b.issueYears {
		for range n {
			ys = append(ys, y)
		}
	}
	if y := mostCommon(ys); y != 0 {
		return y, a.DateNote + "; year from dates elsewhere in the issue"
	}
	return 0, a.DateNote + "; year unknown"
}

// segmentAll splits every paragraph of the articles into sentences, on
// all cores.
func (rd *Reader) segmentAll(arts []*Article) int {
	var paras []*Para
	for _, a := range arts {
		paras = append(paras, articleParaPtrs(a)...)
	}
	var cuts atomic.Int64
	parallel(context.Background(), len(paras), func(i int) { cuts.Add(int64(rd.segmentPara(paras[i]))) })
	return int(cuts.Load())
}

// segmentPara splits a paragraph into its sentences, cutting one longer
// than maxSentence into pieces (cutAt); it returns the pieces cut.
func (rd *Reader) segmentPara(p *Para) int {
	if p.Subhead {
		p.Sentences = []Span{{0, len(p.Text)}}
		return 0
	}
	p.Sentences = rd.lang.Sentences(p.Text)
	if len(p.Sentences) == 0 {
		p.Sentences = []Span{{0, len(p.Text)}}
	}
	cuts := 0
	for i := 0; i < len(p.Sentences); i++ {
		sp := p.Sentences[i]
		if sp.End-sp.Start <= maxSentence {
			continue
		}
		cut := cutAt(p.Text, sp.Start, sp.Start+maxSentence)
		p.Sentences = slices.Insert(p.Sentences, i+1, Span{cut, sp.End})
		p.Sentences[i].End = cut
		for p.Sentences[i+1].Start < p.Sentences[i+1].End && p.Text[p.Sentences[i+1].Start] == ' ' {
			p.Sentences[i+1].Start++
		}
		cuts++
	}
	return cuts
}

// cutSentences is the warning of sentences cut into pieces.
func cutSentences(n int) Warning {
	return Warning{Kind: "long sentence", Msg: fmt.Sprintf(
		"%d piece(s) of %d KB cut from sentences longer than that (text with no sentence end; a formulation across a cut is not counted)", n, maxSentence>>10)}
}

// numParas is the number of paragraphs of an article: headline, body
// paragraphs and captions.
func numParas(a *Article) int {
	n := len(a.Body) + len(a.Captions)
	if a.Headline != nil {
		n++
	}
	return n
}

// articlePara returns paragraph i of an article, counting the headline,
// then the body paragraphs, then the captions, as articleParaPtrs lists
// them.
func articlePara(a *Article, i int) *Para {
	if a.Headline != nil {
		if i == 0 {
			return a.Headline
		}
		i--
	}
	if i < len(a.Body) {
		return &a.Body[i]
	}
	return &a.Captions[i-len(a.Body)].Para
}

// articleParaPtrs returns the headline, body paragraphs and captions.
func articleParaPtrs(a *Article) []*Para {
	var paras []*Para
	if a.Headline != nil {
		paras = append(paras, a.Headline)
	}
	for i := range a.Body {
		paras = append(paras, &a.Body[i])
	}
	for i := range a.Captions {
		paras = append(paras, &a.Captions[i].Para)
	}
	return paras
}

func (rd *Reader) publication(masthead string) string {
	low := strings.ToLower(masthead)
	for _, p := range rd.pubs {
		if strings.Contains(low, strings.ToLower(p)) {
			return p
		}
	}
	return ""
}

// mostCommon returns the most frequent value, the latest on a tie, 0 for none.
func mostCommon(vs []int) int {
	count := map[int]int{}
	best := 0
	for _, v := range vs {
		count[v]++
		if count[v] > count[best] || (count[v] == count[best] && v > best) {
			best = v
		}
	}
	return best
}

// isFootnoteMarker reports a bracketed number: "[1]".
func isFootnoteMarker(s string) bool {
	if len(s) < 3 || s[0] != '[' || s[len(s)-1] != ']' {
		return false
	}
	for _, c := range s[1 : len(s)-1] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// titleSeparators are what stands between a web page title's headline
// and its site's name ("Xi stresses … - People's Daily Online").
func titleSeparators() []string { return []string{" - ", " | ", " – ", " — ", " _ "} }

// pageTitle finds a masthead line that is a web page's title: the
// headline, then the site's name after a dash or bar ("Xi stresses … -
// People's Daily Online"), and returns the site's name.
func pageTitle(masthead []block, headline string) (site string, ok bool) {
	for _, m := range masthead {
		if rest, ok := strings.CutPrefix(m.text, headline); ok {
			rest = strings.TrimSpace(rest)
			for _, sep := range titleSeparators() {
				if site, ok := strings.CutPrefix(rest, strings.TrimLeft(sep, " ")); ok && strings.TrimSpace(site) != "" {
					return strings.TrimSpace(site), true
				}
			}
		}
	}
	return "", false
}

// dropPageFooter, as an article ends, drops the footer of the page it
// was, when pages are joined in one text: the trailing run of its body
// that is page furniture (navigation lines, footer markers, link titles,
// the next page's title line and menus) and holds a footer marker ("Most
// Read", "Copyright …"), from the run's first marker or navigation line
// on. The input's own end is findFooter's.
func (b *builder) dropPageFooter(a *Article) {
	start, marker := len(a.Body), false
	for start > 0 && b.footerKind(a.Body[start-1].Text) != footerNot {
		marker = marker || b.rd.lang.FooterMarker(a.Body[start-1].Text)
		start--
	}
	if !marker {
		return
	}
	b.web = true
	for start < len(a.Body) && b.footerKind(a.Body[start].Text) == footerLink {
		start++ // link titles before the first marker stay text
	}
	if start < len(a.Body) {
		b.pageEnd = a.Body[start].Line
	}
	for _, p := range a.Body[start:] {
		b.stage = append(b.stage, Dropped{Line: p.Line, Kind: "footer", Text: keep(p.Text)})
	}
	a.Body = a.Body[:start]
}

// warnDropped counts the words dropped and warns when the reading may be
// wrong: more than half of the text dropped, or, from web pages, none.
func (b *builder) warnDropped() {
	iss := b.iss
	for i := range iss.Dropped {
		if iss.Dropped[i].Words == 0 { // a copy of an article says how many words it had
			iss.Dropped[i].Words = b.rd.lang.LineWords(iss.Dropped[i].Text)
		}
		iss.WordsDropped += iss.Dropped[i].Words
	}
	all := iss.WordsKept + iss.WordsDropped
	switch {
	case all > 0 && iss.WordsDropped*2 > all:
		iss.Warnings = append(iss.Warnings, Warning{Msg: fmt.Sprintf(
			"more than half of the text was dropped (%d of %d words, as masthead, menus, footers or template): check the reading with analyze inspect", iss.WordsDropped, all)})
	case b.web && iss.WordsDropped == 0 && iss.WordsKept > 0:
		iss.Warnings = append(iss.Warnings, Warning{Msg: "read as web pages, yet nothing was dropped: menus or footers may be counted as text (check with analyze inspect)"})
	}
}

// articleWords is the words of an article's headline and body.
func articleWords(lang Language, a *Article) int {
	n := 0
	if a.Headline != nil {
		n += lang.LineWords(a.Headline.Text)
	}
	for _, p := range a.Body {
		n += lang.LineWords(p.Text)
	}
	return n
}

// pageTurn, at block i, sees a new web page begin in a text of pages
// dumped one after another where nothing else would: the page's title
// line ("T - Site"), menus, then the headline T with no byline date below
// it (a byline date opens its article on its own; see dateHeading). It
// drops the title line and the menus, opens the page's article at its
// headline, and returns the headline's index; else i.
func (b *builder) pageTurn(i int) int {
	if b.cur == nil || len(b.cur.a.Body) == 0 {
		return i
	}
	bl := b.blk(i)
	if bl.kind != kindHead && bl.kind != kindBody {
		return i
	}
	title := ""
	for _, sep := range titleSeparators() {
		if t, _, ok := strings.Cut(bl.text, sep); ok && b.rd.lang.LineWords(t) >= 3 {
			title = strings.TrimSpace(t)
			break
		}
	}
	if title == "" {
		return i
	}
	for j := i + 1; j <= i+4 && !b.ended(j); j++ {
		h := b.blk(j)
		if h.text != title {
			if b.footerKind(h.text) == footerNot {
				return i // not menus between the title line and the headline
			}
			continue
		}
		if k := b.next(j, true); h.kind != kindHead || b.ended(k) || b.blk(k).kind != kindBody {
			return i
		}
		for k := i; k < j; k++ {
			m := b.blk(k)
			b.stage = append(b.stage, Dropped{Line: m.first, Kind: "page title and menus", Text: keep(m.text)})
		}
		b.web = true
		head := *h
		b.start(&head)
		return j
	}
	return i
}
