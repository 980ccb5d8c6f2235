package analyze

import (
	"bytes"
	"encoding/binary"
	"hash/maphash"
	"unicode"
	"unicode/utf8"
)

// Terms are the candidate phrases of a text by key. A text has a phrase
// for nearly every run of two to six words in it, and most are seen once:
// those are packed (see onceSet); a phrase seen again gets a tally. Terms
// merge by addition.
type Terms struct {
	stats map[string]*termStat // the phrases seen more than once (and some seen once, from merging)
	once  onceSet
	cut   termsCut // what bound let go
}

// maxOnce and maxTallied are the most phrases seen once and seen more
// often that Terms hold (see bound): about 35 MB each. The State of the
// Union addresses (2 MB) have 203,000 and 11,000, the 57 Chinese
// Government Work Reports together 282,000 and 56,000; 50 MB of words
// drawn at random have tens of millions seen once, the reports repeated
// on one line without punctuation half a million seen more often.
const (
	maxOnce    = 600_000
	maxTallied = 150_000
)

// termsCut is what bound let go: at how many points, how many phrases,
// and the highest count a phrase let go had.
type termsCut struct {
	times, phrases, maxCount int
}

// bound keeps t within maxOnce and maxTallied: past the first, the
// phrases seen once are let go; past the second, those seen least, until
// half are left (lossy counting: a phrase let go and seen again starts
// anew, so its count falls short by what was let go).
func (t *Terms) bound() {
	if t.once.live > maxOnce {
		t.cut.times++
		t.cut.phrases += t.once.live
		t.cut.maxCount = max(t.cut.maxCount, 1)
		t.once = onceSet{}
	}
	if len(t.stats) <= maxTallied {
		return
	}
	t.cut.times++
	for least := 1; len(t.stats) > maxTallied/2; least++ {
		for k, s := range t.stats {
			if n := s.count(); n <= least {
				delete(t.stats, k)
				t.cut.phrases++
				t.cut.maxCount = max(t.cut.maxCount, n)
			}
		}
	}
}

func newTerms() *Terms { return &Terms{stats: map[string]*termStat{}} }

// len is the number of phrases.
func (t *Terms) len() int { return len(t.stats) + t.once.live }

// Add merges o into t; o is not changed.
func (t *Terms) Add(o *Terms) { t.merge(o, 0, false) }

// absorb merges o into t, taking o's tallies over where t has none:
// cheaper than Add, for an o that is not used again.
func (t *Terms) absorb(o *Terms) { t.merge(o, 0, true) }

// addShifted merges o into t with o's articles' places moved by off; o
// is not changed.
func (t *Terms) addShifted(o *Terms, off int) { t.merge(o, off, false) }

// merge merges o into t, moving o's places by off; with consume, o is
// not used again and its tallies may become t's.
func (t *Terms) merge(o *Terms, off int, consume bool) {
	defer t.bound()
	t.cut.times += o.cut.times
	t.cut.phrases += o.cut.phrases
	t.cut.maxCount = max(t.cut.maxCount, o.cut.maxCount)
	moved := map[*Evidence]*Evidence{} // examples stay shared
	move := func(e *Evidence) *Evidence {
		if off == 0 {
			return e
		}
		m, ok := moved[e]
		if !ok {
			m = ptr(*e)
			m.seq += off
			moved[e] = m
		}
		return m
	}
	for k, s := range o.stats {
		if !consume {
			s = s.clone(off)
			s.example = move(s.example)
		}
		if d := t.tally(k); d != nil {
			d.merge(s)
		} else {
			t.stats[k] = s
		}
	}
	examples := make([]int, len(o.once.examples)) // o's example → t's, plus one
	o.once.each(func(r onceRecord) {
		ex := move(o.once.examples[r.example])
		if d := t.tallyBytes(r.key); d != nil {
			d.merge(o.once.stat(r, ex))
			return
		}
		if examples[r.example] == 0 {
			examples[r.example] = t.once.addExample(ex) + 1
		}
		r.example = examples[r.example] - 1
		t.once.insert(r)
	})
}

// tally returns the tally of phrase k, making one of it (see promote)
// when it has been seen once; nil when t does not have it.
func (t *Terms) tally(k string) *termStat {
	if s, ok := t.stats[k]; ok {
		return s
	}
	if at, r, ok := t.once.findString(k); ok {
		return t.promote(at, r, k)
	}
	return nil
}

// tallyBytes is tally for a key held as bytes.
func (t *Terms) tallyBytes(key []byte) *termStat {
	if s, ok := t.stats[string(key)]; ok {
		return s
	}
	if at, r, ok := t.once.find(key); ok {
		return t.promote(at, r, string(key))
	}
	return nil
}

// promote moves the phrase of record r, at place at, from the packed
// phrases to the tallies, under k, and returns its tally.
func (t *Terms) promote(at uint64, r onceRecord, k string) *termStat {
	s := t.once.stat(r, t.once.examples[r.example])
	if r.form == nil && !r.upper {
		s.first = k // written as its key: one string for both
	}
	t.once.kill(at)
	t.stats[k] = s
	return s
}

// get returns the tally of phrase k, or nil; a phrase seen once gets a
// tally made for the call (merging into it changes nothing in t).
func (t *Terms) get(k string) *termStat {
	if s, ok := t.stats[k]; ok {
		return s
	}
	if _, r, ok := t.once.findString(k); ok {
		return t.once.stat(r, t.once.examples[r.example])
	}
	return nil
}

// onceSet holds phrases seen once, each a record in chunks of bytes,
// found through an open-addressing table of their places: a phrase costs
// its key, a few bytes and a table slot, where a map entry, a tally and
// its strings cost some 150 bytes more. Records are appended; one that is
// seen again is marked dead (see Terms.promote) and left.
type onceSet struct {
	chunks   [][]byte
	slots    []uint64 // chunk<<32 | offset of a record, plus one; 0 for none
	used     int      // slots taken, by live and dead records
	live     int
	dead     int         // dead records in the chunks
	examples []*Evidence // the records' examples, shared by the phrases of a sentence
	seed     maphash.Seed
}

// onceRecord is a phrase seen once.
type onceRecord struct {
	key     []byte
	form    []byte // as written; nil when it is key, or key with its first letter in upper case (see formUpper)
	upper   bool
	words   uint8
	rel     uint8 // how it stands to the lexicon matches (relFree …)
	pattern bool
	example int // index in onceSet.examples
}

// A record: a flag byte, the number of words, then as uvarints the
// example, the key's length, the key, and with recForm the form's length
// and the form.
const (
	recRel   = 0x03 // the relation (relFree …)
	recPat   = 0x04 // pattern
	recDead  = 0x08 // seen again: the phrase is in Terms.stats
	recUpper = 0x10 // the form is the key with its first letter in upper case
	recForm  = 0x20 // the form is written out
)

const (
	firstChunk = 4 << 10
	maxChunk   = 1 << 20
)

// addExample adds an example for records to name; it returns its index.
func (o *onceSet) addExample(e *Evidence) int {
	o.examples = append(o.examples, e)
	return len(o.examples) - 1
}

// hash returns the table slot where the search for key begins.
func (o *onceSet) hash(key []byte) int {
	return int(maphash.Bytes(o.seed, key) & uint64(len(o.slots)-1))
}

// find returns the place and record of the live phrase key.
func (o *onceSet) find(key []byte) (uint64, onceRecord, bool) {
	if o.live == 0 {
		return 0, onceRecord{}, false
	}
	return o.probe(o.hash(key), func(k []byte) bool { return bytes.Equal(k, key) })
}

// findString is find for a key held as a string.
func (o *onceSet) findString(key string) (uint64, onceRecord, bool) {
	if o.live == 0 {
		return 0, onceRecord{}, false
	}
	h := int(maphash.String(o.seed, key) & uint64(len(o.slots)-1)) // as hash gives for the bytes
	return o.probe(h, func(k []byte) bool { return string(k) == key })
}

// probe looks from slot i on for the live record whose key is, as eq
// tells.
func (o *onceSet) probe(i int, eq func(key []byte) bool) (uint64, onceRecord, bool) {
	for ; o.slots[i] != 0; i = (i + 1) & (len(o.slots) - 1) {
		if r, dead := o.record(o.slots[i]); !dead && eq(r.key) {
			return o.slots[i], r, true
		}
	}
	return 0, onceRecord{}, false
}

// record decodes the record at place at (as slots hold it).
func (o *onceSet) record(at uint64) (onceRecord, bool) {
	b := o.chunks[at>>32][at&0xffffffff-1:]
	flags := b[0]
	r := onceRecord{words: b[1], rel: flags & recRel, pattern: flags&recPat != 0, upper: flags&recUpper != 0}
	b = b[2:]
	ex, n := binary.Uvarint(b)
	r.example = int(ex)
	b = b[n:]
	kl, n := binary.Uvarint(b)
	r.key = b[n : n+int(kl)]
	if flags&recForm != 0 {
		b = b[n+int(kl):]
		fl, n := binary.Uvarint(b)
		r.form = b[n : n+int(fl)]
	}
	return r, flags&recDead != 0
}

// insert adds a record for a phrase not in the set.
func (o *onceSet) insert(r onceRecord) {
	if o.slots == nil {
		o.seed = maphash.MakeSeed()
		o.slots = make([]uint64, 64)
	}
	if 4*(o.used+1) > 3*len(o.slots) {
		o.rehash()
	}
	flags := r.rel & recRel
	if r.pattern {
		flags |= recPat
	}
	if r.upper {
		flags |= recUpper
	}
	if r.form != nil {
		flags |= recForm
	}
	size := 2 + 3*binary.MaxVarintLen64 + len(r.key) + len(r.form)
	last := len(o.chunks) - 1
	if last < 0 || len(o.chunks[last])+size > cap(o.chunks[last]) {
		n := firstChunk
		if last >= 0 {
			n = min(2*cap(o.chunks[last]), maxChunk)
		}
		o.chunks = append(o.chunks, make([]byte, 0, max(n, size)))
		last++
	}
	c := o.chunks[last]
	at := uint64(last)<<32 | uint64(len(c)+1)
	c = append(c, flags, r.words)
	c = binary.AppendUvarint(c, uint64(r.example))
	c = binary.AppendUvarint(c, uint64(len(r.key)))
	c = append(c, r.key...)
	if r.form != nil {
		c = binary.AppendUvarint(c, uint64(len(r.form)))
		c = append(c, r.form...)
	}
	o.chunks[last] = c
	i := o.hash(r.key)
	for o.slots[i] != 0 {
		i = (i + 1) & (len(o.slots) - 1)
	}
	o.slots[i] = at
	o.used++
	o.live++
}

// kill marks the record at place at dead. Once the dead outnumber the
// live (a text that repeats itself), the live are copied anew without
// them.
func (o *onceSet) kill(at uint64) {
	o.chunks[at>>32][at&0xffffffff-1] |= recDead
	o.live--
	o.dead++
	if o.dead > o.live && o.dead >= 1024 {
		o.rehash()
	}
}

// rehash makes the table twice as large as the live records need, and
// leaves the dead out of it; when most records are dead, out of the
// chunks too.
func (o *onceSet) rehash() {
	n := 64
	for 4*(o.live+1) > 3*n/2 {
		n *= 2
	}
	if o.dead > o.live {
		old := *o
		o.chunks = nil
		o.live, o.dead = 0, 0
		o.slots = make([]uint64, n)
		o.used = 0
		old.each(o.insert)
		return
	}
	o.slots = make([]uint64, n)
	o.used = 0
	o.eachAt(func(at uint64, r onceRecord) {
		i := o.hash(r.key)
		for o.slots[i] != 0 {
			i = (i + 1) & (n - 1)
		}
		o.slots[i] = at
		o.used++
	})
}

// each calls fn with the live records in the order they were added.
func (o *onceSet) each(fn func(r onceRecord)) {
	o.eachAt(func(_ uint64, r onceRecord) { fn(r) })
}

func (o *onceSet) eachAt(fn func(at uint64, r onceRecord)) {
	for ci, c := range o.chunks {
		for off := 0; off < len(c); {
			at := uint64(ci)<<32 | uint64(off+1)
			r, dead := o.record(at)
			off = recordEnd(c, off)
			if !dead {
				fn(at, r)
			}
		}
	}
}

// recordEnd returns the offset after the record at off in chunk c.
func recordEnd(c []byte, off int) int {
	flags := c[off]
	i := off + 2
	_, n := binary.Uvarint(c[i:])
	i += n
	kl, n := binary.Uvarint(c[i:])
	i += n + int(kl)
	if flags&recForm != 0 {
		fl, n := binary.Uvarint(c[i:])
		i += n + int(fl)
	}
	return i
}

// stat makes a tally of record r, whose example is ex.
func (o *onceSet) stat(r onceRecord, ex *Evidence) *termStat {
	return &termStat{first: r.formString(), example: ex, words: r.words, pattern: r.pattern, rel: r.rel}
}

// formString is the phrase as written.
func (r onceRecord) formString() string {
	switch {
	case r.form != nil:
		return string(r.form)
	case r.upper:
		c, n := utf8.DecodeRune(r.key)
		return string(unicode.ToUpper(c)) + string(r.key[n:])
	}
	return string(r.key)
}

// packForm sets how r holds form, the phrase as written, against its key.
func (r *onceRecord) packForm(form []byte) {
	switch {
	case bytes.Equal(form, r.key):
	case formUpper(r.key, form):
		r.upper = true
	default:
		r.form = form
	}
}

// formUpper reports whether form is key with its first letter in upper
// case, as a phrase opening a sentence is written.
func formUpper(key, form []byte) bool {
	c, n := utf8.DecodeRune(key)
	u := unicode.ToUpper(c)
	if u == c || c == utf8.RuneError {
		return false
	}
	f, m := utf8.DecodeRune(form)
	return f == u && bytes.Equal(form[m:], key[n:])
}
