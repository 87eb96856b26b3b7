package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// VN is Vietnam's time zone (UTC+7, no daylight saving). Calendar dates are
// always dates in this zone; instants are stored in UTC.
var VN = time.FixedZone("ICT", 7*3600)

// Date is a calendar date in Vietnam, counted in days since 1970-01-01. The
// zero Date means "not set" (1970-01-01 is never a date this program records).
// Dates order as integers, which is what the date indexes rely on.
type Date int32

// NewDate returns the Date for year, month and day. It does not normalise:
// use ParseDate for user input.
func NewDate(y int, m time.Month, d int) Date {
	return Date(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// DateOf returns the calendar date of t in Vietnam.
func DateOf(t time.Time) Date {
	y, m, d := t.In(VN).Date()
	return NewDate(y, m, d)
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d == 0 }

// Time returns midnight of d in Vietnam.
func (d Date) Time() time.Time {
	u := time.Unix(int64(d)*86400, 0).UTC()
	return time.Date(u.Year(), u.Month(), u.Day(), 0, 0, 0, 0, VN)
}

// YMD returns the year, month and day of d.
func (d Date) YMD() (int, time.Month, int) {
	return time.Unix(int64(d)*86400, 0).UTC().Date()
}

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday { return time.Weekday((int64(d)%7 + 7 + 4) % 7) }

// AddDays returns d moved by n calendar days.
func (d Date) AddDays(n int) Date { return d + Date(n) }

// String formats d as Vietnamese documents do: 02/01/2026. The zero Date is "".
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	y, m, dd := d.YMD()
	return fmt.Sprintf("%02d/%02d/%04d", dd, int(m), y)
}

// ISO formats d as 2026-01-02.
func (d Date) ISO() string {
	if d.IsZero() {
		return ""
	}
	y, m, dd := d.YMD()
	return fmt.Sprintf("%04d-%02d-%02d", y, int(m), dd)
}

// MarshalText stores a Date as its ISO form, so encoded records stay readable.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.ISO()), nil }

// UnmarshalText reads the ISO form written by MarshalText.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = 0
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// ErrBadDate is returned by ParseDate for text that is not a real date.
var ErrBadDate = fmt.Errorf("bad date")

// ParseDate reads a date typed by a person: 21/10/2026, 21-10-2026, 21.10.2026,
// 2026-10-21, or with a two-digit year (21/10/26 is 2026). The date must exist
// (no 31/02) and lie between the years 1900 and 2200.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
	if len(parts) != 3 {
		return 0, ErrBadDate
	}
	nums := make([]int, 3)
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return 0, ErrBadDate
		}
		nums[i] = n
	}
	var y, m, d int
	if len(parts[0]) == 4 {
		y, m, d = nums[0], nums[1], nums[2]
	} else {
		d, m, y = nums[0], nums[1], nums[2]
		if len(parts[2]) <= 2 {
			y += 2000
		}
	}
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, ErrBadDate
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || int(t.Month()) != m {
		return 0, ErrBadDate
	}
	return NewDate(y, time.Month(m), d), nil
}

// ParseDateTime reads "21/10/2026 14:30" (time optional, then 00:00) as an
// instant in Vietnam time.
func ParseDateTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	datePart, timePart, hasTime := strings.Cut(s, " ")
	d, err := ParseDate(datePart)
	if err != nil {
		return time.Time{}, err
	}
	h, mi := 0, 0
	if hasTime {
		hs, ms, ok := strings.Cut(strings.TrimSpace(timePart), ":")
		if !ok {
			hs, ms, ok = strings.Cut(strings.TrimSpace(timePart), "h")
		}
		if !ok {
			return time.Time{}, ErrBadDate
		}
		if ms == "" {
			ms = "0"
		}
		h, err = strconv.Atoi(hs)
		if err != nil || h < 0 || h > 23 {
			return time.Time{}, ErrBadDate
		}
		mi, err = strconv.Atoi(ms)
		if err != nil || mi < 0 || mi > 59 {
			return time.Time{}, ErrBadDate
		}
	}
	y, m, dd := d.YMD()
	return time.Date(y, m, dd, h, mi, 0, 0, VN).UTC(), nil
}

// FormatDateTime formats an instant as "21/10/2026 14:30" in Vietnam time.
func FormatDateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(VN).Format("02/01/2006 15:04")
}
