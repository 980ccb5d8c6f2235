package analyze

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// kind is what a block of text is taken to be.
type kind int

const (
	kindBody    kind = iota
	kindHead         // a short title-like line: a headline if an article follows
	kindDate         // a line that is only a date
	kindCaption      // a photo caption or credit
	kindStage        // a stage direction or time stamp: dropped
)

// textPatterns are the compiled expressions that classify blocks.
type textPatterns struct {
	dates        *datePatterns
	captionEnd   *regexp.Regexp
	captionStart *regexp.Regexp
	gluedCredit  *regexp.Regexp
	stage        *regexp.Regexp
	stageInline  *regexp.Regexp
	timestamp    *regexp.Regexp
	footerLead   *regexp.Regexp // a footer marker opening a line
	footerAny    *regexp.Regexp // one anywhere in it
}

func newTextPatterns() *textPatterns {
	const agencies = `xinhua|xinhua news agency|afp|ap|reuters|cfp|vcg|ic|cns|ecns|china news service|china daily|people's daily|global times|cgtn|getty images|file|photo|photos|file photo|visual china|imaginechina`
	return &textPatterns{
		dates: newDatePatterns(),
		// … March 5, 2024 (XINHUA) | (Xinhua/Ju Peng) | [Photo/Xinhua] | (Photo by Wang Ye)
		captionEnd: regexp.MustCompile(`(?i)(?:\((?:` + agencies + `)(?:\s*/[^)]{0,60})?\)|\((?:photo|photos|file photo)(?:\s*by|:)[^)]{0,60}\)|\[(?:photo|photos|file photo)(?:\s*/[^\]]{0,60})?\])\s*$`),
		// Photo: … | Photo taken on … | File photo shows … | Photo by …
		captionStart: regexp.MustCompile(`(?i)^(?:(?:an? |the )?(?:aerial |file |undated |combo )?photos?(?: taken (?:on|in)\b|\s*:|\s*/| by\b| shows\b)|(?:white house|ap|reuters|afp|xinhua|getty images) photo by\b)`),
		// a photo credit run into the sentence after it: "White House photo by Eric DraperEvery time …"
		gluedCredit: regexp.MustCompile(`^((?:White House |AP |Reuters |AFP |Xinhua |Getty Images )?[Pp]hoto by [A-Z][a-z]+(?: [A-Z]\.)? [A-Z][a-z]+)\s*(\S.{20,})$`),
		stage:       regexp.MustCompile(`(?i)^\((?:applause|laughter|cheers|boos|laughter and applause|applause and laughter|inaudible|crosstalk)\.?\)$`),
		stageInline: regexp.MustCompile(`(?i)\s*\((?:applause|laughter|cheers|boos|laughter and applause|applause and laughter|inaudible|crosstalk)\.?\)`),
		timestamp:   regexp.MustCompile(`(?i)^(?:end\s+)?\d{1,2}:\d{2}\s*[ap]\.?m\.?(?:\s+[a-z]{2,4})?\.?$`),
		footerLead:  regexp.MustCompile(`(?i)^(?:related(?: news| stories| articles| links| reading)?\s*:?$|copyright\b|©|\(c\)\s*\d{4}|all rights reserved|partners?\s*:|editors?\s*:|\[editor|share\s*(?:this|on)?\s*:|source\s*:|follow us|back to top|print$|email$|more\s*:|tags?\s*:|keywords?\s*:)`),
		footerAny:   regexp.MustCompile(`(?i)all rights reserved|\bICP\b|ICP备`),
	}
}

// classify decides a block's kind from its text.
func (p *textPatterns) classify(text string) (kind, Date) {
	if d, ok := p.dates.heading(text); ok {
		return kindDate, d
	}
	// each expression runs only where the cheap test of something every
	// match holds passes: most lines are body text that none matches
	if text != "" && (text[0] == '(' && p.stage.MatchString(text) ||
		(isDigit(text[0]) || text[0] == 'e' || text[0] == 'E') && p.timestamp.MatchString(text)) {
		return kindStage, Date{}
	}
	if closesBracket(text) && p.captionEnd.MatchString(text) || mentionsPhoto(text) && p.captionStart.MatchString(text) {
		return kindCaption, Date{}
	}
	if headlineLike(text) {
		return kindHead, Date{}
	}
	return kindBody, Date{}
}

// footerMarker reports a site footer's marker: "Related:", "Copyright …",
// "All rights reserved", an ICP licence number. The expression that looks
// through the whole line runs only where its words are.
func (p *textPatterns) footerMarker(text string) bool {
	if p.footerLead.MatchString(text) {
		return true
	}
	low := strings.ToLower(text)
	maybe := strings.Contains(low, "rights reserved") || strings.Contains(low, "icp") ||
		strings.ContainsRune(text, 'ſ') // a long s, which (?i) takes for an s
	return maybe && p.footerAny.MatchString(text)
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

// headlineLike reports a short line that reads as a title: up to 20 words,
// opening with a capital, a digit or a quote, and not ending as a sentence.
func headlineLike(text string) bool {
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

// navLike reports a footer navigation item: a few words, no sentence end,
// or a row of items separated by bars.
func navLike(text string) bool {
	if strings.Count(text, "|") >= 2 {
		return true
	}
	words := strings.Fields(text)
	if len(words) == 0 || len(words) > 5 || len(text) > 60 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text)
	return !strings.ContainsRune(".!?", r)
}

// wrapped reports whether next continues prev's sentence across a hard line
// break: prev does not end a sentence and next opens in lower case.
func wrapped(prev, next string) bool {
	if prev == "" || next == "" {
		return false
	}
	if allCaps(prev) && allCaps(next) && endsInInitial(prev) {
		return true // a title in capitals broken after an initial: "PRESIDENT GEORGE H.W."
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
