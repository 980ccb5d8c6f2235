package charts

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"io"
	"runtime"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/issuelens/analyze/analyze"
	"github.com/issuelens/analyze/internal/workers"
)

// Options set the size of the images and what the formulation charts count.
type Options struct {
	Width, Height int    // pixels; 0 means 1600 x 900
	DPI           int    // 0 means 150
	TopN          int    // formulations in charts 1, 2, 6 and 7 (0 means 12; the trend draws at most 6 lines)
	Rate          bool   // per 1,000 word tokens instead of counts (charts 1, 2, 6)
	Source        string // input file name, for the source line
	Version       string // tool version, for the source line
	// Labels names formulations in English ("en"), or in English and
	// Chinese ("both": "high-quality development 高质量发展"); "" is both
	// when the result holds a Chinese issue, else English.
	Labels string
	// Phrases are the formulations the history's trend draws (English
	// phrase or Chinese form), instead of the most mentioned.
	Phrases []string

	// fonts are the faces the charts of one Render share (parsing the
	// Chinese face is a millisecond a chart); nil: each chart's own
	fonts *font.Cache
}

// Defaults of Options, and the largest side of an image.
const (
	maxPixels     = 10000
	DefaultWidth  = 1600
	DefaultHeight = 900
	DefaultDPI    = 150
	DefaultTopN   = 12
)

func (o Options) withDefaults() Options {
	if o.Width == 0 {
		o.Width = DefaultWidth
	}
	if o.Height == 0 {
		o.Height = DefaultHeight
	}
	if o.DPI == 0 {
		o.DPI = DefaultDPI
	}
	if o.TopN <= 0 {
		o.TopN = DefaultTopN
	}
	return o
}

// size checks the image size and returns it in points.
func (o Options) size() (w, h vg.Length, err error) {
	if o.Width < 0 || o.Height < 0 || o.DPI < 0 {
		return 0, 0, fmt.Errorf("charts: size %dx%d at %d dpi: must not be negative", o.Width, o.Height, o.DPI)
	}
	if o.Width > maxPixels || o.Height > maxPixels {
		return 0, 0, fmt.Errorf("charts: size %dx%d: at most %d px a side", o.Width, o.Height, maxPixels)
	}
	w = vg.Length(o.Width) / vg.Length(o.DPI) * vg.Inch
	h = vg.Length(o.Height) / vg.Length(o.DPI) * vg.Inch
	// below 4 x 2.5 inches the text would be too small to read
	if w < 4*vg.Inch || h < 2.5*vg.Inch {
		return 0, 0, fmt.Errorf("charts: %dx%d px at %d dpi is %.1fx%.1f in, too small for readable text (at least 4x2.5 in)",
			o.Width, o.Height, o.DPI, w/vg.Inch, h/vg.Inch)
	}
	return w, h, nil
}

// Series is data a chart plots: one named series of labelled values.
type Series struct {
	Name   string   // e.g. a day "2024-03-05", a venue, a theme, "new", "in lexicon", "over", "under"
	Labels []string // category labels (formulation, theme, term...), same order as Values
	Values []float64
}

// NoMentions is what a chart without data says, centred where the data
// would be; Chart.Empty starts with it.
const NoMentions = "no mentions"

// Chart is one chart, ready to render.
type Chart struct {
	Name     string   // file name without extension, e.g. "top_formulations_by_day", "keyness_2024-03-05"
	Title    string   // what the chart shows
	Subtitle string   // the issue title and its dates, and what the numbers are
	Series   []Series // exactly the data drawn, for tests and for readers
	Empty    string   // when there is nothing to draw: the message drawn instead (NoMentions and why), else ""

	legend []legendItem
	bar    *colorBar // the heat map's key, in the footer
	notes  []string  // footnotes above the source line
	source string
	script string // the writing system of the text (analyze.Language.Script): the typeface follows it
	body   func(c draw.Canvas, lk *look)
}

// Build makes the charts of an analysis, in a fixed order: formulations
// by day, by venue, themes by day, the theme co-occurrence heat map, the
// theme network, the formulation trend, where the top formulations stand
// in the issue (dispersion), discovered phrases, then one
// keyness chart per day in date order (for at most MaxKeynessCharts days:
// those with the most words). It never fails: a chart without
// data says so (Chart.Empty).
func Build(res *analyze.Result, opt Options) []Chart {
	opt = opt.withDefaults()
	f := newFacts(res)
	f.bilingual = opt.Labels == "both"
	if opt.Labels == "" && res != nil {
		for _, is := range res.Issues {
			f.bilingual = f.bilingual || is.Lang == "zh"
		}
	}
	src := opt.Source
	if src == "" && f.res.Issue != nil {
		src = f.res.Issue.Name
	}
	source := "Source: " + src
	if opt.Version != "" {
		source += "; analyze " + opt.Version
	}
	out := []Chart{
		formulationsChart(f, opt, false),
		formulationsChart(f, opt, true),
		themesByDayChart(f),
		heatmapChart(f),
		networkChart(f),
		trendChart(f, opt),
		dispersionChart(f, opt),
		discoveredChart(f),
	}
	for _, d := range f.keynessDays() {
		out = append(out, keynessChart(f, d))
	}
	script := ""
	if res != nil && res.Language != nil {
		script = res.Language.Script()
	}
	for i := range out {
		out[i].source = source
		out[i].script = script
	}
	return out
}

// WritePNG renders the chart as a PNG of opt's Width × Height pixels at
// opt's DPI (what the chart holds was fixed by Build).
func (c Chart) WritePNG(w io.Writer, opt Options) error {
	return c.writePNG(w, opt, &scratch{})
}

// scratch is what a Render worker keeps from one chart to the next: the
// image it draws into (a new 1600 × 900 image is 5.8 MB of fresh pages,
// and the kernel's faulting them in was a quarter of a chart's time) and
// its PNG encoder.
type scratch struct {
	img *image.RGBA
	png pngEncoder
}

// writePNG is WritePNG with a worker's scratch: it draws into its image
// if that has the chart's size (see newPNGCanvas), and keeps the image it
// drew into for the next chart.
func (c Chart) writePNG(w io.Writer, opt Options, s *scratch) error {
	opt = opt.withDefaults()
	wd, ht, err := opt.size()
	if err != nil {
		return err
	}
	cv := newPNGCanvas(opt.Width, opt.Height, opt.DPI, s.img)
	defer cv.close()
	s.img = cv.img
	c.draw(draw.New(cv), newLookWith(wd, ht, c.script, opt.fonts))
	return s.png.encode(w, cv.img)
}

// WriteSVG renders the chart as SVG of the size WritePNG would give. The
// text asks for Liberation Sans, then Arial and Helvetica, which have the
// same widths.
func (c Chart) WriteSVG(w io.Writer, opt Options) error {
	opt = opt.withDefaults()
	wd, ht, err := opt.size()
	if err != nil {
		return err
	}
	cv := vgsvg.New(wd, ht)
	lk := newLookWith(wd, ht, c.script, opt.fonts)
	lk.paintBackground = true
	c.draw(draw.New(cv), lk)
	var buf bytes.Buffer
	if _, err := cv.WriteTo(&buf); err != nil {
		return err
	}
	out := bytes.ReplaceAll(buf.Bytes(), []byte("font-family:Liberation Sans;"),
		[]byte("font-family:'Liberation Sans',Arial,Helvetica,sans-serif;"))
	_, err = w.Write(out)
	return err
}

// RenderAll renders every chart of Build in parallel (at most
// runtime.GOMAXPROCS at a time) and returns file name → bytes: "NAME.png"
// for every chart and, when svg is true, "NAME.svg" too. The bytes do not
// depend on scheduling; the first error in chart order is returned.
func RenderAll(res *analyze.Result, opt Options, svg bool) (map[string][]byte, error) {
	if _, _, err := opt.withDefaults().size(); err != nil {
		return nil, err
	}
	return Render(Build(res, opt), opt, svg)
}

// Render renders charts made by Build as RenderAll does, for a caller that
// also needs the charts themselves (their titles, say) and so builds them
// only once.
func Render(cs []Chart, opt Options, svg bool) (map[string][]byte, error) {
	if _, _, err := opt.withDefaults().size(); err != nil {
		return nil, err
	}
	type job struct {
		chart int
		svg   bool
	}
	var jobs []job
	for i := range cs {
		jobs = append(jobs, job{i, false})
		if svg {
			jobs = append(jobs, job{i, true})
		}
	}
	if fonts, err := cjkFonts(); err == nil {
		opt.fonts = fonts // safe to share: Font methods are, with a buffer a call
	}
	outs := make([][]byte, len(jobs))
	scratches := make(chan *scratch, runtime.GOMAXPROCS(0)) // at most one a worker
	err := workers.Each(context.Background(), len(jobs), func(j int) error {
		jb := jobs[j]
		var buf bytes.Buffer
		var err error
		if jb.svg {
			err = cs[jb.chart].WriteSVG(&buf, opt)
		} else {
			s := &scratch{}
			select {
			case s = <-scratches:
			default:
			}
			err = cs[jb.chart].writePNG(&buf, opt, s)
			scratches <- s
		}
		outs[j] = buf.Bytes()
		if err != nil {
			return fmt.Errorf("chart %s: %w", cs[jb.chart].Name, err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	for j, jb := range jobs {
		ext := ".png"
		if jb.svg {
			ext = ".svg"
		}
		files[cs[jb.chart].Name+ext] = outs[j]
	}
	return files, nil
}
