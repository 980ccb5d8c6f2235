package history

import (
	"context"
	"database/sql"
	"slices"
	"sort"
	"strings"

	"github.com/issuelens/analyze/analyze"
)

// Load returns the stored issues with what trends need: each issue's
// description, its formulation counts and its discovered phrases (not its
// articles, per-article counts or co-occurrence, which stay in the store
// for queries).
func (s *Store) Load(ctx context.Context) ([]Issue, error) {
	var out []Issue
	err := s.read(func() (err error) {
		out, err = s.load(ctx)
		return err
	})
	return out, err
}

func (s *Store) load(ctx context.Context) ([]Issue, error) {
	var out []Issue
	byID := map[int64]int{}
	err := s.each(ctx, `SELECT id, sha256, name, title, publication, first_date, last_date, articles,
		tokens, mentions, lexicon, lexicon_sha256, tool_version, analyzed_at, series, lang FROM issues ORDER BY id`, func(rows *sql.Rows) error {
		var id int64
		var is Issue
		in := &is.Info
		if err := rows.Scan(&id, &in.SHA256, &in.Name, &in.Title, &is.Publication, &in.Date, &in.LastDate, &in.Articles,
			&in.Tokens, &in.Mentions, &is.Lexicon, &is.LexiconSHA256, &is.Version, &in.AnalyzedAt, &in.Series, &in.Lang); err != nil {
			return err
		}
		byID[id] = len(out)
		out = append(out, is)
		return nil
	})
	if err != nil {
		return nil, err
	}
	// the rows of each issue's tables, in the order they were recorded:
	// each scan gives the row's issue and how the row adds to it
	type adder = func(*Issue)
	for _, q := range []struct {
		query string
		scan  func(rows *sql.Rows) (int64, adder, error)
	}{
		{`SELECT issue_id, theme, phrase, zh, count FROM formulation_counts ORDER BY issue_id, rowid`, func(rows *sql.Rows) (int64, adder, error) {
			var id int64
			var f Formulation
			err := rows.Scan(&id, &f.Theme, &f.Phrase, &f.Zh, &f.Count)
			return id, func(is *Issue) { is.Formulations = append(is.Formulations, f) }, err
		}},
		{`SELECT issue_id, phrase, modifier, count FROM modifiers ORDER BY issue_id, rowid`, func(rows *sql.Rows) (int64, adder, error) {
			var id int64
			var m analyze.ModifierCount
			err := rows.Scan(&id, &m.Phrase, &m.Modifier, &m.Count)
			return id, func(is *Issue) { is.Modifiers = append(is.Modifiers, m) }, err
		}},
		{`SELECT issue_id, items, count FROM set_lists ORDER BY issue_id, rowid`, func(rows *sql.Rows) (int64, adder, error) {
			var id int64
			var items string
			var l analyze.ListCount
			err := rows.Scan(&id, &items, &l.Count)
			l.Items = strings.Split(items, "\t")
			return id, func(is *Issue) { is.Lists = append(is.Lists, l) }, err
		}},
		{`SELECT issue_id, phrase, count, articles, score, in_lexicon FROM discovered ORDER BY issue_id, rowid`, func(rows *sql.Rows) (int64, adder, error) {
			var id int64
			var c Candidate
			err := rows.Scan(&id, &c.Phrase, &c.Count, &c.Articles, &c.Score, &c.InLexicon)
			return id, func(is *Issue) { is.Discovered = append(is.Discovered, c) }, err
		}},
	} {
		err := s.each(ctx, q.query, func(rows *sql.Rows) error {
			id, add, err := q.scan(rows)
			if err == nil {
				add(&out[byID[id]])
			}
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// each runs a query with its args and calls fn with each of its rows;
// errors name the store.
func (s *Store) each(ctx context.Context, query string, fn func(*sql.Rows) error, args ...any) error {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return classify(s.path, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return classify(s.path, err)
		}
	}
	if err := rows.Err(); err != nil {
		return classify(s.path, err)
	}
	return nil
}

// Combine is the stored issues with this run's: an issue of the run
// replaces the stored one with the same SHA-256.
func Combine(stored, run []Issue) []Issue {
	mine := map[string]bool{}
	for _, is := range run {
		mine[is.Info.SHA256] = true
	}
	var out []Issue
	for _, is := range stored {
		if !mine[is.Info.SHA256] {
			out = append(out, is)
		}
	}
	return append(out, run...)
}

// View is the history seen from a report about the issues with the given
// SHA-256s (one issue, or the issues of a corpus): the issues of their
// series (see SeriesView), and for one issue, what no earlier issue of
// its series had. A corpus whose issues belong to several series sees
// only its own issues, with no series named.
func View(issues []Issue, current []string, lex []analyze.Formulation) *analyze.History {
	mine := map[string]bool{}
	for _, sha := range current {
		mine[sha] = true
	}
	keys := map[string]bool{}
	var own []Issue
	for _, is := range issues {
		if mine[is.Info.SHA256] {
			keys[SeriesKey(is.Info.Series)] = true
			own = append(own, is)
		}
	}
	if len(keys) > 1 {
		return view(own, "", current, lex)
	}
	if len(own) == 0 {
		return view(nil, "", current, lex)
	}
	return SeriesView(issues, own[0].Info.Series, current, lex)
}

// SeriesView is the history of one series (named in any case) seen from
// the issues with the given SHA-256s (none, for the series alone). Where
// the series has dated issues, they are its history in date order and
// its undated issues are left out (History.LeftOut): an issue without a
// date has no place in time. A series with no dated issue is in the order
// of its file names, each issue labelled by a short title.
func SeriesView(issues []Issue, series string, current []string, lex []analyze.Formulation) *analyze.History {
	var pick []Issue
	key := SeriesKey(series)
	for _, is := range issues {
		if SeriesKey(is.Info.Series) == key {
			pick = append(pick, is)
		}
	}
	if len(pick) > 0 {
		series = order(pick)[0].Info.Series
	}
	return view(pick, series, current, lex)
}

// order is how issues stand in a history: by date, then by when analysed
// and by SHA-256; undated issues by file name, then the same.
func order(issues []Issue) []Issue {
	out := append([]Issue(nil), issues...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Info, out[j].Info
		if (a.Date == "") != (b.Date == "") {
			return a.Date != ""
		}
		if a.Date != b.Date {
			return a.Date < b.Date
		}
		if a.Date == "" && a.Name != b.Name {
			return a.Name < b.Name
		}
		if a.AnalyzedAt != b.AnalyzedAt {
			return a.AnalyzedAt < b.AnalyzedAt
		}
		return a.SHA256 < b.SHA256
	})
	return out
}

// view is the history of the given issues, named series: dated ones in
// order with the undated ones left out, or all in order when none is
// dated; every formulation counted somewhere (the lexicon's in its order,
// then the others), and, for one current issue, what no earlier issue had.
func view(issues []Issue, series string, current []string, lex []analyze.Formulation) *analyze.History {
	ordered := order(issues)
	h := &analyze.History{Series: series}
	if dated := sort.Search(len(ordered), func(i int) bool { return ordered[i].Info.Date == "" }); dated > 0 {
		for _, is := range ordered[dated:] {
			h.LeftOut = append(h.LeftOut, is.Info)
		}
		ordered = yearLabels(ordered[:dated])
	} else {
		ordered = shortLabels(ordered)
	}
	place := map[string]int{}
	for i, is := range ordered {
		h.Issues = append(h.Issues, is.Info)
		place[is.Info.SHA256] = i
	}
	for _, sha := range current {
		if i, ok := place[sha]; ok {
			h.Current = append(h.Current, i)
		}
	}
	sort.Ints(h.Current)
	if len(current) == 1 && len(h.Current) == 0 {
		h.Unplaced = true
		return h // an undated issue, out of its series' history: nothing is new in it
	}

	// every phrase, with the theme it was last filed under
	type key struct{ theme, phrase string }
	counts := map[string][]int{}
	theme := map[string]string{}
	for i, is := range ordered {
		for _, f := range is.Formulations {
			c := counts[f.Phrase]
			if c == nil {
				c = make([]int, len(ordered))
				for j := range c {
					c[j] = -1
				}
				counts[f.Phrase] = c
			}
			c[i] = f.Count
			theme[f.Phrase] = f.Theme
		}
	}
	var phrases []key
	inLex := map[string]bool{}
	for _, f := range lex {
		inLex[f.Phrase] = true
		phrases = append(phrases, key{f.Theme, f.Phrase})
	}
	var others []key
	for p := range counts {
		if !inLex[p] {
			others = append(others, key{theme[p], p})
		}
	}
	sort.Slice(others, func(i, j int) bool {
		if others[i].theme != others[j].theme {
			return others[i].theme < others[j].theme
		}
		return others[i].phrase < others[j].phrase
	})
	for _, k := range append(phrases, others...) {
		c := counts[k.phrase]
		first := -1
		for i, n := range c {
			if n > 0 {
				first = i
				break
			}
		}
		if first < 0 {
			continue // counted nowhere
		}
		h.Phrases = append(h.Phrases, analyze.HistoryPhrase{Theme: k.theme, Phrase: k.phrase, Counts: c,
			FirstSeen: ordered[first].Info.Date, FirstIssue: first})
	}

	if len(h.Current) != 1 {
		return h
	}
	cur := h.Current[0]
	h.Earlier = cur
	if cur == 0 {
		return h
	}
	for _, p := range h.Phrases {
		if p.FirstIssue == cur {
			h.NewFormulations = append(h.NewFormulations, p.Phrase)
		}
	}
	seen := map[string]bool{}
	for _, is := range ordered[:cur] {
		for _, c := range is.Discovered {
			seen[strings.ToLower(c.Phrase)] = true
		}
	}
	h.NewCandidates = map[string]bool{}
	for _, c := range ordered[cur].Discovered {
		if k := strings.ToLower(c.Phrase); !seen[k] {
			h.NewCandidates[k] = true
		}
	}
	dropped(h, lex)
	drift(h, ordered)
	listDrift(h, ordered)
	return h
}

// listDrift fills in the changes to set lists in the report's issue
// (h.Current[0]), against the lists of at least analyze.SetListMin
// formulations that the issues before it (at most analyze.DropWindow)
// set out:
//   - items left out: a list that at least analyze.DriftMin of them set
//     out whole (in any order), of which the issue sets out some but not
//     all, and nowhere all; each list of the issue is matched with the
//     usual list most issues set out, then the shortest, then the first
//     by its items;
//   - order changed: the issue sets out a list whole in an order none of
//     them used, where at least analyze.DriftMin of them agreed on one.
//
// A list the issue sets out in two orders is reported once.
func listDrift(h *analyze.History, ordered []Issue) {
	cur := h.Current[0]
	from := max(0, cur-analyze.DropWindow)
	type usual struct {
		in     int            // issues before with it, in any order
		orders map[string]int // its orders (items joined by tabs) → issues before with it
		seq    string         // the order most of them used (the first on a tie)
		items  []string       // its items in that order
	}
	setKey := func(items []string) string {
		s := slices.Clone(items)
		slices.Sort(s)
		return strings.Join(s, "\t")
	}
	before := map[string]*usual{}
	for _, is := range ordered[from:cur] {
		seen := map[string]bool{}
		for _, l := range is.Lists {
			k, seq := setKey(l.Items), strings.Join(l.Items, "\t")
			if len(l.Items) < analyze.SetListMin || seen[seq] {
				continue
			}
			u := before[k]
			if u == nil {
				u = &usual{orders: map[string]int{}}
				before[k] = u
			}
			if !seen[k] {
				u.in++
			}
			seen[k], seen[seq] = true, true
			u.orders[seq]++
		}
	}
	for _, u := range before {
		best := ""
		for seq, n := range u.orders {
			if m := u.orders[best]; best == "" || n > m || n == m && seq < best {
				best = seq
			}
		}
		u.seq, u.items = best, strings.Split(best, "\t")
	}
	now := map[string]bool{}
	for _, l := range ordered[cur].Lists {
		now[setKey(l.Items)] = true
	}
	keys := make([]string, 0, len(before))
	for k, u := range before {
		if u.in >= analyze.DriftMin && !now[k] {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b string) int {
		ua, ub := before[a], before[b]
		if ua.in != ub.in {
			return ub.in - ua.in
		}
		if len(ua.items) != len(ub.items) {
			return len(ua.items) - len(ub.items)
		}
		return strings.Compare(a, b)
	})
	reported := map[string]bool{}
	for _, l := range ordered[cur].Lists { // by items
		k := setKey(l.Items)
		if reported[k] {
			continue
		}
		reported[k] = true
		if u := before[k]; u != nil && u.in >= analyze.DriftMin { // a usual list, whole
			if seq := strings.Join(l.Items, "\t"); u.orders[seq] == 0 && u.orders[u.seq] >= analyze.DriftMin {
				h.ListDrift = append(h.ListDrift, analyze.ListDrift{Change: analyze.ListReordered, Now: l.Items, Count: l.Count,
					Usual: u.items, UsualIn: u.orders[u.seq], Window: cur - from})
			}
			continue
		}
		for _, k := range keys {
			u := before[k]
			if !subset(l.Items, u.items) {
				continue
			}
			var missing []string
			for _, it := range u.items {
				if !slices.Contains(l.Items, it) {
					missing = append(missing, it)
				}
			}
			h.ListDrift = append(h.ListDrift, analyze.ListDrift{Change: analyze.ListLeftOut, Missing: missing, Now: l.Items, Count: l.Count,
				Usual: u.items, UsualIn: u.in, Window: cur - from})
			break
		}
	}
}

// subset reports whether every item of a is in b and b holds more.
func subset(a, b []string) bool {
	if len(a) >= len(b) {
		return false
	}
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// drift fills in the changes of wording of the report's issue
// (h.Current[0]): a word before a formulation that none of the issues
// before it (at most analyze.DropWindow) put there, where at least
// analyze.DriftMin of them put the same other word there.
func drift(h *analyze.History, ordered []Issue) {
	cur := h.Current[0]
	from := max(0, cur-analyze.DropWindow)
	before := map[string]map[string]int{} // phrase → word → issues before with it
	for _, is := range ordered[from:cur] {
		for _, m := range is.Modifiers {
			if before[m.Phrase] == nil {
				before[m.Phrase] = map[string]int{}
			}
			before[m.Phrase][m.Modifier]++
		}
	}
	for _, m := range ordered[cur].Modifiers { // by phrase and word
		words := before[m.Phrase]
		if words[m.Modifier] > 0 {
			continue
		}
		usual, n := "", 0
		for w, k := range words {
			if k > n || k == n && w < usual {
				usual, n = w, k
			}
		}
		if n >= analyze.DriftMin {
			h.Drift = append(h.Drift, analyze.Drift{Phrase: m.Phrase, Modifier: m.Modifier, Count: m.Count, Usual: usual, UsualIn: n, Window: cur - from})
		}
	}
}

// dropped fills in what the report's issue (h.Current[0], with h.Earlier
// issues before it) no longer says that the issues just before it said:
// the rules are analyze.DropWindow and the constants beside it. themes
// come in the order of the lexicon's (lex), then by name.
func dropped(h *analyze.History, lex []analyze.Formulation) {
	cur := h.Current[0]
	from := max(0, cur-analyze.DropWindow)
	window := cur - from
	if window < analyze.DropMin {
		return
	}
	var themes []string
	seenTheme := map[string]bool{}
	for _, f := range lex {
		if !seenTheme[f.Theme] {
			seenTheme[f.Theme] = true
			themes = append(themes, f.Theme)
		}
	}
	var others []string
	share := make([]map[string]float64, cur+1) // issue → theme → share of its mentions
	for i := from; i <= cur; i++ {
		byTheme, total := map[string]int{}, 0
		for _, p := range h.Phrases {
			if n := p.Counts[i]; n > 0 {
				byTheme[p.Theme] += n
				total += n
			}
		}
		share[i] = map[string]float64{}
		for th, n := range byTheme {
			share[i][th] = float64(n) / float64(total)
			if !seenTheme[th] {
				seenTheme[th] = true
				others = append(others, th)
			}
		}
	}
	sort.Strings(others)
	for _, p := range h.Phrases {
		if p.Counts[cur] != 0 { // counted, or not in this issue's lexicon (-1)
			continue
		}
		in, last := 0, -1
		for i := from; i < cur; i++ {
			if p.Counts[i] > 0 {
				in++
				last = i
			}
		}
		if in >= analyze.DropMin {
			h.Dropped = append(h.Dropped, analyze.DroppedFormulation{Theme: p.Theme, Phrase: p.Phrase, In: in, Window: window,
				LastIssue: h.Issues[last].Label(), LastCount: p.Counts[last]})
		}
	}
	for _, th := range append(themes, others...) {
		before, n := 0.0, 0
		for i := from; i < cur; i++ {
			if len(share[i]) > 0 { // an issue with no mention has no shares
				before += share[i][th]
				n++
			}
		}
		if n == 0 {
			continue
		}
		before /= float64(n)
		if now := share[cur][th]; before >= analyze.ThemeMinShare && now < before/analyze.ThemeFall {
			h.DroppedThemes = append(h.DroppedThemes, analyze.DroppedTheme{Theme: th, Share: now, Before: before, Window: window})
		}
	}
}

// shortLabels gives the issues of an undated series their labels: their
// titles cut to a few words, or, where two of those are the same, every
// issue's file name.
func shortLabels(issues []Issue) []Issue {
	out := append([]Issue(nil), issues...)
	seen := map[string]bool{}
	repeat := false
	for i := range out {
		in := &out[i].Info
		in.Short = shortTitle(in.Title)
		if in.Short == "" {
			in.Short = in.Name
		}
		repeat = repeat || seen[in.Short]
		seen[in.Short] = true
	}
	for i := range out {
		if repeat {
			out[i].Info.Short = out[i].Info.Name
		}
	}
	return out
}

// yearLabels labels dated issues by their years alone when some are
// dated by the year only and no two share a year (a yearly report, read
// from some texts to the day and from others to the year), so that the
// labels are alike; otherwise it leaves them their dates.
func yearLabels(issues []Issue) []Issue {
	yearOnly := false
	years := map[string]bool{}
	for _, is := range issues {
		d := is.Info.Date
		yearOnly = yearOnly || len(d) == 4
		if years[d[:min(4, len(d))]] {
			return issues
		}
		years[d[:min(4, len(d))]] = true
	}
	if !yearOnly {
		return issues
	}
	out := append([]Issue(nil), issues...)
	for i := range out {
		out[i].Info.Short = out[i].Info.Date[:min(4, len(out[i].Info.Date))]
	}
	return out
}

// shortTitle is a title cut at a word to at most 28 characters, with "…"
// where cut.
func shortTitle(title string) string {
	const most = 28
	r := []rune(strings.Join(strings.Fields(title), " "))
	if len(r) <= most {
		return string(r)
	}
	cut := most - 1
	if i := strings.LastIndex(string(r[:cut]), " "); i > len(string(r[:cut]))/2 {
		return string(r[:cut])[:i] + "…"
	}
	return string(r[:cut]) + "…"
}
