package analyze

import (
	"fmt"
	"testing"
)

// TestSameText: a phrase the segmenter cut two ways (日内瓦 会议 three
// times, in article 1; 日内 瓦会议 twice, in article 2) is one candidate,
// under its more frequent cut, with all 5 occurrences in 2 articles; a
// phrase cut one way stays as it is.
func TestSameText(t *testing.T) {
	seen := func(form string, article, n int) *termStat {
		one := func() *termStat {
			return &termStat{first: form, example: &Evidence{Article: article, seq: article}, words: 2, rel: relFree}
		}
		s := one()
		for range n - 1 {
			s.merge(one())
		}
		return s
	}
	kept := map[string]*termStat{"日内瓦 会议": seen("日内瓦会议", 1, 3), "日内 瓦会议": seen("日内瓦会议", 2, 2), "协议 草案": seen("协议草案", 1, 2)}
	got := sameText(kept, "")
	var rows []string
	for _, k := range []string{"日内瓦 会议", "日内 瓦会议", "协议 草案"} {
		if s, ok := got[k]; ok {
			free, _, _ := s.relations()
			rows = append(rows, fmt.Sprintf("%s: %d in %d, %d free", k, s.count(), s.articles(), free))
		}
	}
	if fmt.Sprint(rows) != "[日内瓦 会议: 5 in 2, 5 free 协议 草案: 2 in 1, 2 free]" {
		t.Errorf("after sameText: %v", rows)
	}
}
