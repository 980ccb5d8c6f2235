package analyze

import "github.com/issuelens/analyze/analyze/lexicon"

// Language is everything reading and analysing an issue needs to know of
// the language it is written in; the rest of the package knows almost
// none of it (see the end of this comment). English is the first (english*.go); a Reader and an Analyzer take
// one (NewReaderIn, NewAnalyzerIn; NewReader and NewAnalyzer take
// English), and NewLanguage makes one by its code.
//
// # Adding a language
//
// A language is a file set and a line: write a type with these methods in
// files of its own (chinese.go, chinese_layout.go, chinese_names.go and
// chinese_venues.go, as english.go, english_layout.go, english_dates.go
// and english_venues.go are laid out), a constructor that compiles its
// patterns and loads its models once, and add the constructor to
// languages (languages.go). Nothing else changes: the reader, matcher,
// discovery and keyness call only these methods, and the optional ones a
// language may have besides (WordAdder, NameTeller). A Language is made once per process and shared: every method
// must be safe for concurrent use, and fast (most run on every line or
// every token).
//
// Text comes in normalised (see Para.Text): UTF-8, no-break spaces as
// spaces, runs of space folded. Byte offsets (Span, Token.Start) are into
// the text given. The English methods, line by line, are the reference
// for what each must do; a test of a toy language (language_test.go) shows
// the least a language must provide. What a language does not have, it
// answers plainly: no part-of-speech tags (Tag ""), no inflection (Stem
// is the word, Inflected is equality), no capitals (Headline tests
// length and punctuation only), no stage directions (Stage false).
//
// Some facts stay out of it on purpose. Stopwords and the formulations to
// count are the lexicon's (one lexicon per language); Fold gives the form
// the lexicon's stopwords are compared in. Dates are calendar dates in
// every language (Date); a language only recognises how they are written.
// A language written without spaces (WordSeparator "", Chinese) gets
// KWIC context in characters (Analyzer.kwic) and lines joined without a
// space. Still outside it: an acronym's brackets are ASCII
// (matcher.dropBracketedAcronyms), a long line's windows end after a
// space (blockStream.readLong: a line with none is read whole), and
// VenuesOf adds English's venues.
type Language interface {
	// Code is the language's BCP 47 tag ("en"), the code NewLanguage and
	// Issue.Language know it by.
	Code() string
	// Script is the ISO 15924 code of the writing system ("Latn", "Hans"),
	// for a renderer to pick a font that has its letters.
	Script() string

	// Sentences splits a paragraph into its sentences, as byte ranges of
	// text in order, leaving out the space between them. A language must
	// split a text the same way in pieces as whole where a piece ends
	// after a space (a long line is split a window at a time).
	Sentences(text string) []Span
	// Wraps reports whether line next continues the sentence of line prev
	// across a hard line break (English: prev does not end a sentence and
	// next opens in lower case), so that the two are one paragraph.
	Wraps(prev, next string) bool
	// Subhead reports a paragraph that is a subhead within an article: a
	// short line in capitals ("II. FOOD SECURITY"), read as one heading,
	// not split into sentences.
	Subhead(line string) bool
	// Headline reports whether a line reads as a title: short, and not
	// ending as a sentence does. A title that body text follows opens an
	// article.
	Headline(line string) bool
	// TitleLine reports whether a line not taken for a Headline may still
	// be the title of the article a date heading under it opens (English:
	// a short title-case line ending in a full stop, as in "Annual
	// Message to the Congress.").
	TitleLine(line string) bool
	// LineWords is how many words a line has, as the layout rules count
	// them: a masthead line naming the issue has at least 3.
	LineWords(line string) int
	// GapTitle reports whether a title standing after a wide gap in the
	// body of an article opens a new article though no date follows it
	// (English: one of at least 4 words, as in a magazine's issue; Chinese:
	// never, for a report's unnumbered part titles stand so, and a Chinese
	// article opens with a date, a dateline or a delivery line).
	GapTitle(line string) bool
	// Caption reports a photo caption or credit standing as a line.
	Caption(line string) bool
	// PageLine cuts a web page dumped on one line into the pieces its
	// lines would be (title and menus, headline, byline, caption, article,
	// footer), or returns nil for a line that is not such a page.
	PageLine(line string) []PagePiece
	// SplitDateline splits a line at a news dateline inside it ("Xi
	// stresses reform BEIJING, March 5 (Xinhua) -- …"), or reports false.
	SplitDateline(text string) (before, rest string, ok bool)
	// SplitCaption splits a photo credit run into the sentence after it
	// ("White House photo by Eric DraperEvery time …"), or reports false.
	SplitCaption(text string) (caption, rest string, ok bool)
	// Stage reports a line that is only a stage direction or a time stamp,
	// left out of the articles, and which it is (Dropped.Kind: "stage
	// direction" or "timestamp").
	Stage(line string) (kind string, ok bool)
	// InlineStage returns the stage directions inside a paragraph
	// ("(Applause.)"), in order and apart, to be cut out of it.
	InlineStage(text string) []Span
	// FooterMarker reports a line that marks a site footer ("Related:",
	// "Copyright …"); NavItem, a navigation item (a few words, or a row
	// of them between bars). A trailing run of them is the footer.
	FooterMarker(line string) bool
	NavItem(line string) bool
	// ContentsMarker reports a line that opens a table of contents or a
	// list of summaries ("Contents", "In this issue"; "目录", "本版导读"): the
	// reader drops what follows it when the headlines it lists stand again
	// further on, as the articles themselves.
	ContentsMarker(line string) bool
	// Publications lists the publications a masthead may name, matched
	// case-insensitively (Issue.Publication); the first named wins.
	Publications() []string
	// Venues is the language's built-in venue list (DefaultVenues for
	// English); VenueFinder compiles a venue list, with the language's
	// general venue cues after it ("the delegation of Jiangsu Province").
	Venues() []VenuePattern
	VenueFinder(venues []VenuePattern) VenueFinder

	// DateLine parses a line that is nothing but a date: a date heading.
	DateLine(line string) (Date, bool)
	// Dateline parses a news dateline opening a paragraph ("BEIJING,
	// March 5 (Xinhua) --"): the date, the dateline as written, and
	// whether there is one.
	Dateline(text string) (d Date, cue string, ok bool)
	// FullDates returns the dates with a year written in running text,
	// in order: they give a year to dates written without one.
	FullDates(text string) []Date
	// Years returns the years a masthead line names.
	Years(text string) []int

	// Tokens splits text into tokens in order, each with its byte offset
	// and, when tag is true, its part-of-speech tag (tagging is slower:
	// matching alone does not ask for it).
	Tokens(text string, tag bool) []Token
	// WordToken reports whether a token's text counts as a word: for word
	// counts and keyness, and to bound a coordination (English: it holds a
	// letter or digit and is no clitic such as "'s").
	WordToken(text string) bool
	// AppendWords appends to dst the byte ranges of a token's text that
	// are words to match, and returns it: English drops quotes and
	// brackets (a quoted formulation still matches) and splits
	// "high-quality" into "high" and "quality".
	AppendWords(dst []Span, token string) []Span
	// Fold gives a word's form for comparing (English: lower case, curly
	// apostrophes straight): exact lexicon entries, ignored spans,
	// stopwords and keyness words are compared folded.
	Fold(word string) string
	// Stem gives the class a folded word shares with its inflected forms
	// (English: Porter2), and Inflected whether two folded words of one
	// class are forms of one word ("forces" and "force", but not
	// "modernization" and "modern"). A lexicon entry that is not exact
	// matches the words Stem and Inflected make one.
	Stem(folded string) string
	Inflected(a, b string) bool
	// Attaches reports a token that belongs to the word before it (English
	// clitics: "people" + "'s"), so that a discovered phrase holds them
	// together.
	Attaches(folded string) bool
	// Conjunction and ListSeparator report the words that coordinate
	// modifiers, as in "industrial, supply and value chains" (English:
	// "and", "or"; ","): each of "industrial chains", "supply chains" is
	// counted where it is a lexicon entry.
	Conjunction(folded string) bool
	ListSeparator(folded string) bool
	// TermRole is discovery's term rule: what a token (folded as given)
	// may be in a candidate phrase.
	TermRole(tok Token, folded string) TermRole
	// LexiconForms is how a lexicon formulation is written in the
	// language: the strings to match (English: its phrase and variants;
	// Chinese: its zh form and zh variants). None, and the formulation is
	// not counted in the language.
	LexiconForms(f lexicon.Formulation) []string
	// InName reports whether after, the text right after a formulation
	// matched, makes the formulation part of the name of an institution
	// (Chinese: 工业和信息化部, “一带一路”研究所), not a mention of it: its
	// words are masked as the lexicon's ignore spans are. English: never
	// (its institutions are the lexicon's ignore spans).
	InName(after string) bool
	// WordSeparator is what stands between the words of a phrase as
	// written: " " in English, "" in a language written without spaces.
	WordSeparator() string
	// FormRank ranks how plainly a phrase is written, from 0 to 3, to
	// choose between forms seen as often (English prefers one not in title
	// case or capitals, then one in lower case).
	FormRank(form string) int
}

// WordAdder is a Language whose word segmenter learns words: the
// lexicon's forms are added to it (Chinese: gse's dictionary), so that a
// formulation is one word where the segmenter would cut it.
type WordAdder interface {
	AddWords(words []string)
}

// NameTeller is a Language that tells a name or a title from a
// formulation (Chinese: 国务院, 全国人大常委会): discovery lowers such a
// phrase.
type NameTeller interface {
	NameLike(phrase string) bool
}

// Token is a token of a text as a Language splits it.
type Token struct {
	Text  string // as in the text
	Start int    // byte offset in the text
	Tag   string // part-of-speech tag (English: Penn Treebank); "" when not asked for or not known
}

// TermRole is what a token may be in a phrase discovery proposes. A
// candidate runs over no break and neither opens nor closes with a
// stopword; it has the shape of a term when every token is a head,
// modifier or link, a link stands inside and a head ends it (such
// phrases score double).
type TermRole uint8

// Term roles.
const (
	TermBreak    TermRole = iota // no phrase crosses it: punctuation, a number
	TermOther                    // may stand in a phrase, which then has no term shape
	TermLink                     // may join the parts of a term, inside it ("capabilities in emerging areas")
	TermModifier                 // may stand before the end of a term: adjectives, participles
	TermHead                     // may stand anywhere in a term and end it: nouns
)

// VenueFinder finds the venue a paragraph names: the venue of the cue
// that stands first in text, and the cue as written. article returns the
// text of the article's opening, for a cue that names the venue by it.
type VenueFinder func(text string, article func() string) (venue, cue string, ok bool)

// PagePiece is a piece of a web page dumped on one line (Language.PageLine):
// a line of the page as it would have been, and why it is dropped ("page
// title and menus", "footer"), or "" for text to read.
type PagePiece struct {
	Text string
	Drop string
}
