package charts

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math/rand/v2"
	"testing"
)

// roundTrip encodes img with encodePNG, decodes it with image/png and
// checks every pixel.
func roundTrip(t *testing.T, name string, img *image.RGBA) {
	t.Helper()
	var buf bytes.Buffer
	if err := encodePNG(&buf, img); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	got, err := png.Decode(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("%s: decode: %v", name, err)
	}
	b := img.Bounds()
	if got.Bounds().Dx() != b.Dx() || got.Bounds().Dy() != b.Dy() {
		t.Fatalf("%s: decoded %v; want %dx%d", name, got.Bounds(), b.Dx(), b.Dy())
	}
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			want := color.NRGBAModel.Convert(img.At(b.Min.X+x, b.Min.Y+y))
			if c := color.NRGBAModel.Convert(got.At(got.Bounds().Min.X+x, got.Bounds().Min.Y+y)); c != want {
				t.Fatalf("%s: pixel (%d,%d) = %v; want %v", name, x, y, c, want)
			}
		}
	}
}

// TestEncodePNG: the PNG writer gives back every pixel, for a chart, for
// noise (no run to compress, IDAT over many chunks), for odd sizes, a
// sub-image and an image with transparency (written by image/png).
func TestEncodePNG(t *testing.T) {
	var chartPNG bytes.Buffer
	c := chart(t, Build(analyzeReference(t), Options{}), "top_formulations_by_day")
	if err := c.WritePNG(&chartPNG, Options{}); err != nil {
		t.Fatal(err)
	}
	if chartPNG.Len() > 400_000 {
		t.Errorf("chart PNG is %d bytes; want under 400 KB", chartPNG.Len())
	}
	decoded, err := png.Decode(&chartPNG)
	if err != nil {
		t.Fatal(err)
	}
	rgba := image.NewRGBA(decoded.Bounds())
	draw.Draw(rgba, rgba.Bounds(), decoded, image.Point{}, draw.Src)
	roundTrip(t, "chart", rgba)

	r := rand.New(rand.NewPCG(1, 2))
	noise := image.NewRGBA(image.Rect(0, 0, 301, 257))
	for i := range noise.Pix {
		noise.Pix[i] = byte(r.IntN(256))
		if i%4 == 3 {
			noise.Pix[i] = 255
		}
	}
	roundTrip(t, "noise", noise)
	roundTrip(t, "1x1", image.NewRGBA(image.Rect(0, 0, 1, 1)))
	roundTrip(t, "sub-image", noise.SubImage(image.Rect(7, 9, 200, 100)).(*image.RGBA))

	clear := image.NewRGBA(image.Rect(0, 0, 20, 10))
	clear.Set(3, 4, color.RGBA{200, 0, 0, 255})
	roundTrip(t, "transparent", clear)

	// opaque rows, then a pixel that is not, where a row first differs
	// from the one above and where an odd width's last pixel does
	for _, x := range []int{0, 5, 20} {
		late := image.NewRGBA(image.Rect(0, 0, 21, 10))
		draw.Draw(late, late.Bounds(), image.White, image.Point{}, draw.Src)
		late.Set(x, 6, color.RGBA{0, 0, 0, 0})
		roundTrip(t, fmt.Sprintf("transparent at (%d,6)", x), late)
	}
}

// BenchmarkEncodePNG: writing one 1600 × 900 chart (the sample's
// formulations by day) as PNG, with a new encoder and with the one a
// Render worker keeps.
func BenchmarkEncodePNG(b *testing.B) {
	c := chart(b, Build(analyzeReference(b), Options{}), "top_formulations_by_day")
	var buf bytes.Buffer
	s := &scratch{}
	if err := c.writePNG(&buf, Options{}, s); err != nil {
		b.Fatal(err)
	}
	b.Run("new", func(b *testing.B) {
		b.SetBytes(int64(len(s.img.Pix)))
		for b.Loop() {
			buf.Reset()
			if err := encodePNG(&buf, s.img); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("kept", func(b *testing.B) {
		b.SetBytes(int64(len(s.img.Pix)))
		for b.Loop() {
			buf.Reset()
			if err := s.png.encode(&buf, s.img); err != nil {
				b.Fatal(err)
			}
		}
	})
}
