// Package analyze reads plain-text news issues and turns them into data.
//
// ReadIssue takes an io.Reader holding one issue (a magazine special, a
// speech, a scraped news page) and returns an *Issue: its title, its
// articles in order with date, venue, headline, body paragraphs and photo
// captions, each with the source line it came from, and every line it
// dropped as boilerplate. The package never opens files, never writes
// output and imports no rendering library; report and charts render what
// it returns.
package analyze
