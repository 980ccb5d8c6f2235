package charts

import (
	"image/color"
	"math"
)

// themePalette is the theme colours: Okabe–Ito without black and grey,
// then Paul Tol's muted scheme, most distinct from Okabe–Ito first. Both
// are safe for colour-blind readers.
func themePalette() []color.RGBA {
	return []color.RGBA{
		rgb(0xE69F00), rgb(0x56B4E9), rgb(0x009E73), rgb(0xF0E442), rgb(0x0072B2), rgb(0xD55E00), rgb(0xCC79A7),
		rgb(0x332288), rgb(0x882255), rgb(0x999933), rgb(0xCC6677), rgb(0x117733), rgb(0xAA4499), rgb(0x88CCEE),
		rgb(0x44AA99), rgb(0xDDCC77),
	}
}

// ThemeColor is the colour of the i-th theme in lexicon order
// (Result.Themes[i]), the same in every chart: Okabe–Ito, then Paul Tol's
// muted colours; past 16 themes the colours repeat.
func ThemeColor(i int) color.Color {
	p := themePalette()
	if i < 0 {
		i = -i
	}
	return p[i%len(p)]
}

func rgb(hex uint32) color.RGBA {
	return color.RGBA{R: uint8(hex >> 16), G: uint8(hex >> 8), B: uint8(hex), A: 0xff}
}

// GroupColors gives n days, venues or issues their colours, as in the
// charts (for a workbook's native chart to match them).
func GroupColors(n int) []color.Color { return groupColors(n) }

// groupColors gives n days or venues their colours: steps of cividis, a
// ramp that reads in order and for colour-blind readers, from dark blue to
// olive yellow. It shares no colour with the themes.
func groupColors(n int) []color.Color {
	// viridisLite::cividis(10)
	ramp := []color.RGBA{
		rgb(0x00204D), rgb(0x00336F), rgb(0x39486B), rgb(0x575C6D), rgb(0x707173),
		rgb(0x8A8779), rgb(0xA69D75), rgb(0xC4B56C), rgb(0xE4CF5B), rgb(0xFFEA46),
	}
	at := func(t float64) color.Color { // t in [0, 1]
		x := t * float64(len(ramp)-1)
		i := int(math.Floor(x))
		if i >= len(ramp)-1 {
			return ramp[len(ramp)-1]
		}
		f := x - float64(i)
		a, b := ramp[i], ramp[i+1]
		mix := func(p, q uint8) uint8 { return uint8(math.Round(float64(p)*(1-f) + float64(q)*f)) }
		return color.RGBA{R: mix(a.R, b.R), G: mix(a.G, b.G), B: mix(a.B, b.B), A: 0xff}
	}
	out := make([]color.Color, n)
	for i := range out {
		t := 0.25
		if n > 1 {
			t = 0.9 * float64(i) / float64(n-1)
		}
		out[i] = at(t)
	}
	return out
}

// heatColor is the colour of a heat map cell: white for 0 to Okabe–Ito
// blue (0072B2) for the largest value.
func heatColor(v, vmax float64) color.Color {
	t := 0.0
	if vmax > 0 {
		t = math.Max(0, math.Min(1, v/vmax))
	}
	hi := rgb(0x0072B2)
	mix := func(q uint8) uint8 { return uint8(math.Round(255*(1-t) + float64(q)*t)) }
	return color.RGBA{R: mix(hi.R), G: mix(hi.G), B: mix(hi.B), A: 0xff}
}

// Colours of the two kinds of bar in the discovery and keyness charts:
// not theme colours, so that a colour always means one theme.
func colorStrong() color.Color { return rgb(0x00336F) } // new phrases, over-represented
func colorWeak() color.Color   { return rgb(0xB8AE8C) } // lexicon entries, under-represented
