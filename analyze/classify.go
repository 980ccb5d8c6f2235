package analyze

// kind is what a block of text is taken to be.
type kind int

const (
	kindBody    kind = iota
	kindHead         // a short title-like line: a headline if an article follows
	kindDate         // a line that is only a date
	kindCaption      // a photo caption or credit
	kindStage        // a stage direction or time stamp: dropped
)

// classify decides a block's kind from its text, by the tests of the
// reader's language in this order: a date heading, a stage direction, a
// caption, a headline-like line; else body text.
func (rd *Reader) classify(text string) (kind, Date) {
	lang := rd.lang
	if d, ok := lang.DateLine(text); ok {
		return kindDate, d
	}
	if _, ok := lang.Stage(text); ok {
		return kindStage, Date{}
	}
	if lang.Caption(text) {
		return kindCaption, Date{}
	}
	if lang.Headline(text) {
		return kindHead, Date{}
	}
	return kindBody, Date{}
}

// titleBefore reports whether a block may be the title of the article a
// date heading below it opens: a headline-like line, or a body line the
// language takes for a title (see Language.TitleLine).
func (rd *Reader) titleBefore(bl block) bool {
	switch bl.kind {
	case kindHead:
		return true
	case kindBody:
		return rd.lang.TitleLine(bl.text)
	}
	return false
}

// footerLine reports a site footer's marker or navigation item.
func (rd *Reader) footerLine(text string) bool {
	return rd.lang.NavItem(text) || rd.lang.FooterMarker(text)
}
