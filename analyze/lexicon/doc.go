// Package lexicon reads the YAML lexicon of formulations that analyze
// counts: themes of formulations (canonical phrase, variants, Chinese
// original, exact flag), spans to ignore, venue patterns and stopwords.
// Parse takes an io.Reader and a name for errors and returns a *Lexicon or
// a *ParseError with the line; Default returns the lexicon embedded in the
// binary. The package never opens files.
package lexicon
