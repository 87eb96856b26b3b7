package model

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// PeriodKind is the span of a reporting period; it decides what the
// previous and next periods are and how the period is named.
type PeriodKind string

// Period kinds.
const (
	PeriodMonth   PeriodKind = "month"
	PeriodQuarter PeriodKind = "quarter"
	PeriodHalf    PeriodKind = "half"
	PeriodNine    PeriodKind = "nine" // the first 9 months of a year
	PeriodYear    PeriodKind = "year"
	PeriodRange   PeriodKind = "range"
)

// Window says which dates a named span covers.
type Window string

// Windows. The calendar window is the span's calendar dates; the official
// one is the window offices report on (data from the 15th to the 14th, the
// cut-off day kept in the office settings): a month runs from
// the day after the cut-off in the previous month to the cut-off, a quarter
// over the three months before its last month's cut-off, and the 6 and 9
// months and the year are cumulative from the day after the cut-off of the
// previous December (15/12/2021 - 14/06/2022 for the first half of 2022).
// The second half runs 15/06 - 14/12.
const (
	WindowCalendar Window = "calendar"
	WindowOfficial Window = "official"
)

// Windows lists the windows.
func Windows() []Window { return []Window{WindowCalendar, WindowOfficial} }

// Valid reports whether w is a known window (empty is the calendar).
func (w Window) Valid() bool { return w == "" || w == WindowCalendar || w == WindowOfficial }

// ParseWindow reads "official" or "calendar" (also "chinhthuc", "lich").
func ParseWindow(s string) (Window, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "official", "chinhthuc", "chinh-thuc":
		return WindowOfficial, true
	case "calendar", "lich", "":
		return WindowCalendar, true
	}
	return "", false
}

// Period is an inclusive range of dates with the span it was chosen as and
// its window. A named span keeps its name whatever its window: its last
// month is the month of To.
type Period struct {
	Kind     PeriodKind
	From, To Date
	// Official is true when the dates are the official window's.
	Official bool
}

// ErrBadPeriod is matched (errors.Is) by ParsePeriod's errors.
var ErrBadPeriod = errors.New("bad period")

// Reasons a period is refused; the UI shows the catalogue text "period.<reason>".
const (
	PeriodErrStart   = "err_start"   // the start of a range is not a date
	PeriodErrEnd     = "err_end"     // the end of a range is not a date
	PeriodErrOrder   = "err_order"   // the range ends before it starts
	PeriodErrYear    = "err_year"    // the year is not four digits in 1900-2200
	PeriodErrQuarter = "err_quarter" // a quarter other than Q1-Q4
	PeriodErrHalf    = "err_half"    // a half other than H1-H2
	PeriodErrMonth   = "err_month"   // a month other than 01-12
)

// PeriodError says which input was refused and why (one of the PeriodErr
// reasons).
type PeriodError struct {
	Input  string
	Reason string
}

func (e *PeriodError) Error() string {
	return fmt.Sprintf("%v %q: %s", ErrBadPeriod, e.Input, e.Reason)
}

// Is makes errors.Is(err, ErrBadPeriod) true.
func (e *PeriodError) Is(target error) bool { return target == ErrBadPeriod }

// months is how many months a named span covers.
func (k PeriodKind) months() int {
	switch k {
	case PeriodMonth:
		return 1
	case PeriodQuarter:
		return 3
	case PeriodHalf:
		return 6
	case PeriodNine:
		return 9
	case PeriodYear:
		return 12
	}
	return 0
}

// cumulative reports whether the span's official window starts with the
// year's (from the previous December's cut-off) rather than the month
// before its own months.
func (k PeriodKind) cumulative() bool { return k == PeriodNine || k == PeriodYear }

// span builds the named span of kind ending with month last of year y, in
// the calendar or the official window with cut-off day cutoff.
func span(kind PeriodKind, y int, last time.Month, official bool, cutoff int) Period {
	n := time.Month(kind.months())
	if !official {
		return Period{Kind: kind, From: NewDate(y, last-n+1, 1), To: NewDate(y, last+1, 1) - 1}
	}
	if cutoff <= 0 {
		cutoff = 14
	}
	// Normalise the year and month first: last may have stepped past a
	// year's end.
	to := NewDate(y, last, cutoff)
	y, last, _ = to.YMD()
	first := last - n // the month whose cut-off opens the window
	if kind.cumulative() || (kind == PeriodHalf && last == 6) {
		first = 0 // December of the previous year
	}
	return Period{Kind: kind, From: NewDate(y, first, cutoff+1), To: to, Official: true}
}

// MonthPeriod returns the calendar month y-m.
func MonthPeriod(y int, m time.Month) Period { return span(PeriodMonth, y, m, false, 0) }

// QuarterPeriod returns quarter q (1-4) of year y.
func QuarterPeriod(y, q int) Period { return span(PeriodQuarter, y, time.Month(3*q), false, 0) }

// HalfPeriod returns half h (1-2) of year y.
func HalfPeriod(y, h int) Period { return span(PeriodHalf, y, time.Month(6*h), false, 0) }

// NinePeriod returns the first nine months of year y.
func NinePeriod(y int) Period { return span(PeriodNine, y, time.September, false, 0) }

// YearPeriod returns the calendar year y.
func YearPeriod(y int) Period { return span(PeriodYear, y, time.December, false, 0) }

// WindowPeriod returns the official reporting window of month y-m: from the
// day after cutoff in the previous month to day cutoff of month m (cutoff 14:
// 15/09 to 14/10 for October).
func WindowPeriod(y int, m time.Month, cutoff int) Period {
	return span(PeriodMonth, y, m, true, cutoff)
}

// MonthHolding returns the month that holds d in window w: in the
// official window a day after the cut-off belongs to the next month's
// window (21/10 is in November's, 15/10 - 14/11).
func MonthHolding(d Date, w Window, cutoff int) Period {
	y, m, day := d.YMD()
	if cutoff <= 0 {
		cutoff = 14
	}
	official := w == WindowOfficial
	if official && day > cutoff {
		m++
	}
	return span(PeriodMonth, y, m, official, cutoff)
}

// Label returns the year and the last month of a named span: the month of
// To, in either window.
func (p Period) Label() (y int, last time.Month) {
	y, last, _ = p.To.YMD()
	return y, last
}

// In returns the same named span in window w (cut-off day cutoff); a custom
// range keeps its dates.
func (p Period) In(w Window, cutoff int) Period {
	if p.Kind == PeriodRange || p.Kind.months() == 0 {
		return p
	}
	y, last := p.Label()
	return span(p.Kind, y, last, w == WindowOfficial, cutoff)
}

// Window returns the period's window.
func (p Period) Window() Window {
	if p.Official {
		return WindowOfficial
	}
	return WindowCalendar
}

// Contains reports whether d falls in p.
func (p Period) Contains(d Date) bool { return d >= p.From && d <= p.To }

// Days returns the number of days in p.
func (p Period) Days() int { return int(p.To-p.From) + 1 }

// Step returns the period n periods after p (n < 0: before), in the same
// window. A month steps by months, a quarter by quarters, 9 months and a
// year by years; a custom range by its length.
func (p Period) Step(n int, cutoff int) Period {
	y, last := p.Label()
	switch p.Kind {
	case PeriodMonth, PeriodQuarter, PeriodHalf:
		return span(p.Kind, y, last+time.Month(n*p.Kind.months()), p.Official, cutoff)
	case PeriodNine, PeriodYear:
		return span(p.Kind, y+n, last, p.Official, cutoff)
	}
	d := Date(p.Days() * n)
	return Period{Kind: PeriodRange, From: p.From + d, To: p.To + d}
}

// String writes p the way ParsePeriod reads it back (the window aside).
func (p Period) String() string {
	y, last := p.Label()
	switch p.Kind {
	case PeriodMonth:
		return fmt.Sprintf("%04d-%02d", y, int(last))
	case PeriodQuarter:
		return fmt.Sprintf("%04d-Q%d", y, int(last)/3)
	case PeriodHalf:
		return fmt.Sprintf("%04d-H%d", y, int(last)/6)
	case PeriodNine:
		return fmt.Sprintf("%04d-9M", y)
	case PeriodYear:
		return fmt.Sprintf("%04d", y)
	}
	return p.From.ISO() + ".." + p.To.ISO()
}

// ParsePeriod reads a period in the calendar window: 2026-10 (month),
// 2026-Q4, 2026-H1, 2026-9M (nine months), 2026, or an inclusive range
// 2026-10-01..2026-10-31 or 01/10/2026..31/10/2026. Years run from 1900 to
// 2200; a range may not end before it starts. Period.In gives the
// official window.
func ParsePeriod(s string) (Period, error) {
	s = strings.TrimSpace(s)
	bad := func(why string) (Period, error) { return Period{}, &PeriodError{Input: s, Reason: why} }
	if from, to, ok := strings.Cut(s, ".."); ok {
		f, err := ParseDate(from)
		if err != nil {
			return bad(PeriodErrStart)
		}
		t, err := ParseDate(to)
		if err != nil {
			return bad(PeriodErrEnd)
		}
		if t < f {
			return bad(PeriodErrOrder)
		}
		return Period{Kind: PeriodRange, From: f, To: t}, nil
	}
	yearOf := func(v string) (int, bool) {
		y, err := strconv.Atoi(v)
		return y, err == nil && len(v) == 4 && y >= 1900 && y <= 2200
	}
	ys, rest, hasRest := strings.Cut(s, "-")
	y, ok := yearOf(ys)
	if !ok {
		return bad(PeriodErrYear)
	}
	if !hasRest {
		return YearPeriod(y), nil
	}
	switch {
	case strings.EqualFold(rest, "9M"):
		return NinePeriod(y), nil
	case len(rest) == 2 && (rest[0] == 'Q' || rest[0] == 'q'):
		q, err := strconv.Atoi(rest[1:])
		if err != nil || q < 1 || q > 4 {
			return bad(PeriodErrQuarter)
		}
		return QuarterPeriod(y, q), nil
	case len(rest) == 2 && (rest[0] == 'H' || rest[0] == 'h'):
		h, err := strconv.Atoi(rest[1:])
		if err != nil || h < 1 || h > 2 {
			return bad(PeriodErrHalf)
		}
		return HalfPeriod(y, h), nil
	}
	m, err := strconv.Atoi(rest)
	if err != nil || len(rest) > 2 || m < 1 || m > 12 {
		return bad(PeriodErrMonth)
	}
	return MonthPeriod(y, time.Month(m)), nil
}
