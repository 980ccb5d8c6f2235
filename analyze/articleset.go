package analyze

import (
	"encoding/binary"
	"sort"
)

// articleSet is a set of article places (numbers ≥ 0) held as the gaps
// between them in ascending order, each a varint: a phrase found in
// thousands of articles costs a byte or two an article, not eight. Places
// come in ascending order as articles are merged in order, which is the
// cheap case; any other order works too. A set of one place (most
// phrases are seen once) is its last place alone, with no bytes.
type articleSet struct {
	n    int    // places in the set
	last int    // the largest place, when n > 0
	gaps []byte // when n > 1: the first place, then the gaps, as uvarints
}

// add puts place a in the set.
func (s *articleSet) add(a int) {
	switch {
	case s.n > 0 && a == s.last:
	case s.n == 0:
		s.gaps = s.gaps[:0]
		s.n, s.last = 1, a
	case a > s.last:
		if s.n == 1 {
			s.gaps = binary.AppendUvarint(s.gaps, uint64(s.last))
		}
		s.gaps = binary.AppendUvarint(s.gaps, uint64(a-s.last))
		s.n, s.last = s.n+1, a
	default:
		places := s.list()
		i := sort.SearchInts(places, a)
		if i < len(places) && places[i] == a {
			return
		}
		places = append(places, 0)
		copy(places[i+1:], places[i:])
		places[i] = a
		s.set(places)
	}
}

// merge puts every place of o in s.
func (s *articleSet) merge(o *articleSet) {
	if o.n == 0 {
		return
	}
	if s.n == 0 {
		*s = articleSet{n: o.n, last: o.last, gaps: append([]byte(nil), o.gaps...)}
		return
	}
	for _, a := range o.list() {
		s.add(a)
	}
}

// list returns the places in ascending order.
func (s *articleSet) list() []int {
	if s.n == 1 {
		return []int{s.last}
	}
	out := make([]int, 0, s.n)
	a, b := 0, s.gaps
	for len(b) > 0 {
		g, k := binary.Uvarint(b)
		a += int(g)
		out = append(out, a)
		b = b[k:]
	}
	return out
}

// set replaces the set with places, ascending and distinct.
func (s *articleSet) set(places []int) {
	*s = articleSet{}
	for _, a := range places {
		s.add(a)
	}
}

// shifted returns the set with every place moved by off: only the first
// place changes, the gaps stay.
func (s *articleSet) shifted(off int) articleSet {
	switch s.n {
	case 0:
		return articleSet{}
	case 1:
		return articleSet{n: 1, last: s.last + off}
	}
	first, k := binary.Uvarint(s.gaps)
	gaps := binary.AppendUvarint(nil, uint64(int(first)+off))
	return articleSet{n: s.n, last: s.last + off, gaps: append(gaps, s.gaps[k:]...)}
}
