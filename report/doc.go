// Package report renders analyze results for people and programs: the CSV
// tables of data/ (Tables, WriteCSV; each table declares its columns once,
// see Column), the Excel workbook (WriteWorkbook; its sheets are listed
// by SheetNames) and the structure printed by `analyze inspect` (text or
// JSON). Its groupings and rates are analyze's (Result.Periods, Venues,
// Group.Count, analyze.Rate), the same the charts show. It takes analyze
// values and an io.Writer (and, for a large workbook, a scratch file the
// caller opens); it never opens files and never changes what it is given.
package report
