// Package analyze reads plain-text news issues and turns them into data.
//
// Reading: a Reader (NewReader, or ReadIssue for one issue) takes an
// io.Reader holding one issue (a magazine special, a speech, a scraped
// news page) and returns an *Issue: its title, publication and encoding,
// its articles in order with date, venue, headline, body paragraphs split
// into sentences and photo captions, each with the source line it came
// from, and every line it dropped as boilerplate (masthead, footer, stage
// directions, time stamps).
//
// Analysis: an Analyzer (NewAnalyzer, or Analyze for one issue) compiles a
// lexicon (package analyze/lexicon) and returns a *Result for an issue:
// mentions of its formulations with their context, counts by day, venue
// and issue, themes sharing sentences and paragraphs, candidate new
// formulations (discovery) and what sets each day, venue and issue apart
// (keyness). AnalyzeStream analyses an issue as it is read, in memory
// that does not grow with it; Merge adds up the results of several issues
// into a corpus. Results merge by addition and come out the same from run
// to run; Days, Venues, IssueGroups and Ranked group them for rendering.
//
// Language: everything that depends on the language of the text goes
// through one interface, Language: sentences and tokens, how words fold
// and inflect, dates and datelines, headline, caption, stage-direction,
// footer and venue patterns, discovery's term rule, and the writing
// system for fonts. English is its first implementation (english*.go);
// NewReader and NewAnalyzer use it, NewReaderIn and NewAnalyzerIn take
// any, NewLanguage makes one by its code. The Language doc comment is the
// guide to adding one.
//
// The package never opens files, never writes output and imports no
// rendering library; report and charts render what it returns.
package analyze
