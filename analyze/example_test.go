package analyze_test

import (
	"fmt"
	"strings"

	"github.com/issuelens/analyze/analyze"
)

func ExampleReadIssue() {
	text := `Beijing Review
Xi Jinping at the Two Sessions

March 5

Xi Stresses Developing New Quality Productive Forces

Xi made the remarks in a deliberation with fellow lawmakers from east China's Jiangsu Province. He urged efforts to deepen reform.

Xi attends the deliberation in Beijing, March 5, 2024 (XINHUA)
`
	iss, err := analyze.ReadIssue(strings.NewReader(text), "issue.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(iss.Title, "/", iss.Publication)
	for _, a := range iss.Articles {
		fmt.Println(a.N, a.Date, a.Venue)
		fmt.Println(a.Headline.Text)
		fmt.Println(len(a.Body), "paragraph,", a.Sentences(), "sentences,", len(a.Captions), "caption")
		fmt.Println(a.DateNote)
	}
	// Output:
	// Xi Jinping at the Two Sessions / Beijing Review
	// 1 2024-03-05 Jiangsu delegation
	// Xi Stresses Developing New Quality Productive Forces
	// 1 paragraph, 3 sentences, 1 caption
	// heading "March 5" (line 4); year from caption (line 10)
}
