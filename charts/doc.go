// Package charts renders analyze results as PNG (and SVG) charts ready to
// paste into a briefing. It takes analyze values and writes images; it
// never changes what it is given. The charts arrive with issue #5; until
// then the package holds nothing but this description.
package charts
