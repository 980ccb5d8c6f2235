package analyze

import (
	"fmt"
	"strconv"
	"time"
)

// Date is a calendar day. Year is 0 when the text gives only month and
// day; Month and Day are 0 when only the year is known (a report filed
// as "1978.txt" that names no day).
type Date struct{ Year, Month, Day int }

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Month == 0 && d.Year == 0 }

// YearOnly reports a date known to the year only.
func (d Date) YearOnly() bool { return d.Month == 0 && d.Year != 0 }

// String gives ISO 8601: 2024-03-05, --03-05 when the year is unknown,
// 1978 when only the year is known, or "" for no date.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Year == 0:
		return fmt.Sprintf("--%02d-%02d", d.Month, d.Day)
	default:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	}
}

// makeDate checks the parts and returns the date, or false when the day
// does not exist (February 30) or the year is out of range.
func makeDate(year, month, day int) (Date, bool) {
	if month < 1 || month > 12 || day < 1 || day > 31 {
		return Date{}, false
	}
	if year != 0 && (year < 1800 || year > 2200) {
		return Date{}, false
	}
	y := year
	if y == 0 {
		y = 2024 // a leap year, so February 29 stands without a year
	}
	t := time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day {
		return Date{}, false
	}
	return Date{year, month, day}, true
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
