package analyze

// GroupKey is a day and venue of an issue: the unit counts are kept by.
// Date is ISO (or "" when undated); Issue is the issue's name, so that the
// counts of several issues merge without mixing.
type GroupKey struct {
	Date  string
	Venue string
	Issue string
}

// Counts are mention and token counts by group. They merge: adding the
// counts of two parts of a text gives the counts of the whole, so issues
// and archives can be counted in pieces and summed.
type Counts struct {
	Groups []GroupKey         // in order of first appearance
	Tokens map[GroupKey]int   // word tokens counted in each group
	Chars  map[GroupKey]int   // characters counted in each group, in a language written without spaces (Chinese); none in English
	Forms  map[GroupKey][]int // mentions by Formulation.ID (slices grow as needed)
	seen   map[GroupKey]bool
	totals []int // mentions by Formulation.ID over all groups
}

// NewCounts returns empty counts.
func NewCounts() *Counts {
	return &Counts{Tokens: map[GroupKey]int{}, Chars: map[GroupKey]int{}, Forms: map[GroupKey][]int{}, seen: map[GroupKey]bool{}}
}

// TokenTotal is the word tokens of all the groups.
func (c *Counts) TokenTotal() int {
	n := 0
	for _, t := range c.Tokens {
		n += t
	}
	return n
}

func (c *Counts) addGroup(k GroupKey) {
	if !c.seen[k] {
		c.seen[k] = true
		c.Groups = append(c.Groups, k)
	}
}

func (c *Counts) add(k GroupKey, form, n int) {
	c.addGroup(k)
	v := c.Forms[k]
	for len(v) <= form {
		v = append(v, 0)
	}
	v[form] += n
	c.Forms[k] = v
	for len(c.totals) <= form {
		c.totals = append(c.totals, 0)
	}
	c.totals[form] += n
}

// Count returns the mentions of a formulation in a group.
func (c *Counts) Count(k GroupKey, form int) int {
	if v := c.Forms[k]; form < len(v) {
		return v[form]
	}
	return 0
}

// Add merges o into c; groups new to c follow its own, in o's order.
func (c *Counts) Add(o *Counts) {
	for _, k := range o.Groups {
		c.addGroup(k)
		c.Tokens[k] += o.Tokens[k]
		if n := o.Chars[k]; n > 0 {
			c.Chars[k] += n
		}
		for form, n := range o.Forms[k] {
			if n != 0 {
				c.add(k, form, n)
			}
		}
	}
}

// Total returns a formulation's mentions over all groups.
func (c *Counts) Total(form int) int {
	if form < len(c.totals) {
		return c.totals[form]
	}
	return 0
}
