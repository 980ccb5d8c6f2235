package analyze

import (
	"bytes"
	"context"
	"errors"
	"os"
	"testing"

	"github.com/issuelens/analyze/analyze/lexicon"
)

// TestAnalyzeStreamStops: an error from each, a bad input and a cancelled
// context each stop the stream with that error.
func TestAnalyzeStreamStops(t *testing.T) {
	lex, _ := lexicon.Default()
	az, _ := NewAnalyzer(lex)
	rd, _ := NewReader(VenuesOf(lex))
	data, err := os.ReadFile(corpus(t))
	if err != nil {
		t.Fatal(err)
	}
	stop := errors.New("disk full")
	n := 0
	_, err = az.AnalyzeStream(context.Background(), rd, bytes.NewReader(data), "c", Options{}, func(a *Article) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 3 {
		t.Errorf("each failing at article 3: err %v after %d articles; want %v after 3", err, n, stop)
	}
	bad := append(append([]byte{}, data[:200000]...), 0)
	var ie *InputError
	if _, err := az.AnalyzeStream(context.Background(), rd, bytes.NewReader(bad), "c", Options{}, nil); !errors.As(err, &ie) || ie.Msg != "binary data (NUL byte), not a text issue" {
		t.Errorf("NUL byte after 200 KB: err %v; want the input error", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	_, err = az.AnalyzeStream(ctx, rd, bytes.NewReader(data), "c", Options{}, func(a *Article) error {
		cancel()
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err %v; want context.Canceled", err)
	}
}
