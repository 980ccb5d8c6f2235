package analyze

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestPageCache: a page the template scan read is read from the cache
// once, to the same issue as read without one; other bytes are read
// afresh, and a cache too small for a page keeps none.
func TestPageCache(t *testing.T) {
	page1, err := os.ReadFile("../testdata/pages/site/page1.html")
	if err != nil {
		t.Fatal(err)
	}
	page2, err := os.ReadFile("../testdata/pages/site/page2.html")
	if err != nil {
		t.Fatal(err)
	}
	rd, err := NewReader(DefaultVenues())
	if err != nil {
		t.Fatal(err)
	}
	want, err := rd.Read(strings.NewReader(string(page1)), "page1.html")
	if err != nil {
		t.Fatal(err)
	}
	cache := NewPageCache(1 << 20)
	crd := rd.WithPageCache(cache)
	if _, err := crd.ScanPages(strings.NewReader(string(page1)), "page1.html"); err != nil {
		t.Fatal(err)
	}
	if len(cache.entries) != 1 || cache.size < 500 {
		t.Fatalf("after the scan the cache holds %d files, %d bytes; want 1, the page's text", len(cache.entries), cache.size)
	}
	got, err := crd.Read(strings.NewReader(string(page1)), "page1.html")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("page1.html read from the cache:\n%+v\nwant as read without:\n%+v", got, want)
	}
	if len(cache.entries) != 0 || cache.size != 0 {
		t.Errorf("after the reading the cache holds %d files, %d bytes; want none", len(cache.entries), cache.size)
	}

	// another page is not the one scanned
	if _, err := crd.ScanPages(strings.NewReader(string(page1)), "page1.html"); err != nil {
		t.Fatal(err)
	}
	other, err := crd.Read(strings.NewReader(string(page2)), "page1.html")
	if err != nil {
		t.Fatal(err)
	}
	if reflect.DeepEqual(other.Articles, want.Articles) || len(cache.entries) != 1 {
		t.Errorf("page2.html read as the page1.html scanned (%d files cached); want it read afresh, page1.html left", len(cache.entries))
	}

	small := NewPageCache(100)
	if _, err := rd.WithPageCache(small).ScanPages(strings.NewReader(string(page1)), "page1.html"); err != nil {
		t.Fatal(err)
	}
	if len(small.entries) != 0 || small.size != 0 {
		t.Errorf("a cache of 100 bytes holds %d files, %d bytes; want none", len(small.entries), small.size)
	}
}
