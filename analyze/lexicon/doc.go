// Package lexicon reads the YAML lexicon of formulations that analyze
// counts: themes of formulations (canonical phrase, variants, Chinese
// original and its variants, exact flag), spans to ignore, venue patterns
// and stopwords.
// Parse takes an io.Reader and a name for errors and returns a *Lexicon or
// a *ParseError with the line; Default returns the lexicon embedded in the
// binary. Before decoding, Parse refuses what would exhaust the YAML
// decoder (files over 1 MiB or 40,000 words and punctuation marks,
// nesting over 32 levels, anchors, aliases, merge keys, tags) and bytes that
// are not UTF-8. The package never opens files.
package lexicon
