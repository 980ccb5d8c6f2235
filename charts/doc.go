// Package charts turns an analyze.Result into PNG (and SVG) charts an
// analyst can paste into a briefing as they are. Build takes the Result
// and Options and returns the charts in a fixed order, each with the
// series it plots: the most frequent formulations by day and by venue, the
// theme mix by day, theme co-occurrence as a heat map and as a network,
// the formulation trend, where the top formulations stand along the issue
// (a dispersion plot), candidate new formulations, and one keyness
// chart per day. WritePNG and WriteSVG draw a chart to an io.Writer at the
// size and resolution asked for; RenderAll draws them all in parallel (Render
// does for charts the caller has built already) and returns file name →
// bytes, the same bytes for the same input. Days, venues, issues and
// per-1,000 rates are analyze's (Result.Days, Group.Count, analyze.Rate), so
// a chart and the workbook show the same numbers. A chart
// without data still renders, titled, with a "no mentions" message. The
// package opens no files, never changes the Result, and keeps no state
// between calls.
package charts
