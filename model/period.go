package model

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// PeriodKind is how a reporting period was chosen; it decides what the
// previous and next periods are.
type PeriodKind string

// Period kinds.
const (
	PeriodMonth   PeriodKind = "month"
	PeriodQuarter PeriodKind = "quarter"
	PeriodHalf    PeriodKind = "half"
	PeriodYear    PeriodKind = "year"
	PeriodWindow  PeriodKind = "window" // official window: the day after cut-off of the previous month to cut-off
	PeriodRange   PeriodKind = "range"
)

// Period is an inclusive range of dates with the kind it was chosen as.
type Period struct {
	Kind     PeriodKind
	From, To Date
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

// MonthPeriod returns the calendar month y-m.
func MonthPeriod(y int, m time.Month) Period {
	from := NewDate(y, m, 1)
	return Period{Kind: PeriodMonth, From: from, To: NewDate(y, m+1, 1) - 1}
}

// QuarterPeriod returns quarter q (1-4) of year y.
func QuarterPeriod(y, q int) Period {
	p := Period{Kind: PeriodQuarter, From: NewDate(y, time.Month(3*q-2), 1)}
	p.To = NewDate(y, time.Month(3*q+1), 1) - 1
	return p
}

// HalfPeriod returns half h (1-2) of year y.
func HalfPeriod(y, h int) Period {
	p := Period{Kind: PeriodHalf, From: NewDate(y, time.Month(6*h-5), 1)}
	p.To = NewDate(y, time.Month(6*h+1), 1) - 1
	return p
}

// YearPeriod returns the calendar year y.
func YearPeriod(y int) Period {
	return Period{Kind: PeriodYear, From: NewDate(y, 1, 1), To: NewDate(y, 12, 31)}
}

// WindowPeriod returns the official reporting window of month y-m: from the
// day after cutoff in the previous month to day cutoff of month m (cutoff 14:
// 15/09 to 14/10 for October).
func WindowPeriod(y int, m time.Month, cutoff int) Period {
	return Period{Kind: PeriodWindow, From: NewDate(y, m-1, cutoff+1), To: NewDate(y, m, cutoff)}
}

// Contains reports whether d falls in p.
func (p Period) Contains(d Date) bool { return d >= p.From && d <= p.To }

// Days returns the number of days in p.
func (p Period) Days() int { return int(p.To-p.From) + 1 }

// Step returns the period n periods after p (n < 0: before). A month steps
// by months, a quarter by quarters and so on; a custom range by its length.
func (p Period) Step(n int, cutoff int) Period {
	y, m, _ := p.From.YMD()
	switch p.Kind {
	case PeriodMonth:
		return MonthPeriod(y, m+time.Month(n))
	case PeriodQuarter:
		return QuarterPeriod(y, (int(m)-1)/3+1).shiftMonths(3 * n)
	case PeriodHalf:
		return HalfPeriod(y, (int(m)-1)/6+1).shiftMonths(6 * n)
	case PeriodYear:
		return YearPeriod(y + n)
	case PeriodWindow:
		_, tm, _ := p.To.YMD()
		ty, _, _ := p.To.YMD()
		return WindowPeriod(ty, tm+time.Month(n), cutoff)
	}
	d := Date(p.Days() * n)
	return Period{Kind: PeriodRange, From: p.From + d, To: p.To + d}
}

func (p Period) shiftMonths(n int) Period {
	fy, fm, _ := p.From.YMD()
	ty, tm, _ := p.To.YMD()
	return Period{Kind: p.Kind, From: NewDate(fy, fm+time.Month(n), 1), To: NewDate(ty, tm+time.Month(n)+1, 1) - 1}
}

// String writes p the way ParsePeriod reads it back.
func (p Period) String() string {
	y, m, _ := p.From.YMD()
	switch p.Kind {
	case PeriodMonth:
		return fmt.Sprintf("%04d-%02d", y, int(m))
	case PeriodQuarter:
		return fmt.Sprintf("%04d-Q%d", y, (int(m)-1)/3+1)
	case PeriodHalf:
		return fmt.Sprintf("%04d-H%d", y, (int(m)-1)/6+1)
	case PeriodYear:
		return fmt.Sprintf("%04d", y)
	}
	return p.From.ISO() + ".." + p.To.ISO()
}

// ParsePeriod reads a period: 2026-10 (month), 2026-Q4, 2026-H1, 2026, or an
// inclusive range 2026-10-01..2026-10-31 or 01/10/2026..31/10/2026. Years
// run from 1900 to 2200; a range may not end before it starts.
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
