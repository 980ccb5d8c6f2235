package analyze

// word is one matchable unit of a sentence: a token, or one part of a
// token its language splits ("high-quality" gives "high" and "quality";
// see Language.AppendWords).
type word struct {
	lower      string // folded (see Language.Fold): lower case in English
	stem       string // the class of its inflected forms (see Language.Stem)
	start, end int    // byte range in the paragraph text
	group      int    // index of the token it is part of
	tag        string // part-of-speech tag of that token
}

// words splits text into tagged tokens and matchable words, with the
// number of word tokens in it (see Language.WordToken).
func words(lang Language, text string) ([]Token, []word, int) {
	toks := lang.Tokens(text, true)
	ws, n := splitWords(lang, toks)
	return toks, ws, n
}

// untaggedWords is words without part-of-speech tags, for matching
// alone (the matcher never looks at tags): a fifth of the time.
func untaggedWords(lang Language, text string) []word {
	ws, _ := splitWords(lang, lang.Tokens(text, false))
	return ws
}

// splitWords turns tokens into matchable words.
func splitWords(lang Language, toks []Token) ([]word, int) {
	out := make([]word, 0, len(toks)+4)
	count := 0
	var parts []Span
	for gi, tk := range toks {
		if lang.WordToken(tk.Text) {
			count++
		}
		parts = lang.AppendWords(parts[:0], tk.Text)
		for _, p := range parts {
			if p.End <= p.Start {
				continue
			}
			text := tk.Text[p.Start:p.End]
			lower := lang.Fold(text)
			out = append(out, word{lower: lower, stem: lang.Stem(lower), start: tk.Start + p.Start, end: tk.Start + p.End, group: gi, tag: tk.Tag})
		}
	}
	return out, count
}
