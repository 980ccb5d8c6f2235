// Package report renders analyze results for people and programs: the
// structure summary printed by `analyze inspect` (text or JSON), and later
// the CSV tables and the Excel workbook. It takes analyze values and an
// io.Writer; it never opens files and never changes what it is given.
package report
