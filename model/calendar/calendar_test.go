package calendar_test

import (
	"errors"
	"math/rand"
	"testing"
	"time"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/model/calendar"
)

func iso(t *testing.T, s string) model.Date {
	t.Helper()
	tm, err := time.Parse("2006-01-02", s)
	if err != nil {
		t.Fatal(err)
	}
	return model.NewDate(tm.Year(), tm.Month(), tm.Day())
}

// tet is the first day of the lunar year, 1980-2050, as published for
// Vietnam (the Hong Kong Observatory's conversion tables for UTC+8, with
// the three years where UTC+7 gives another day: 1985, 2007, 2030).
var tet = map[int]string{
	1980: "1980-02-16", 1981: "1981-02-05", 1982: "1982-01-25", 1983: "1983-02-13", 1984: "1984-02-02",
	1985: "1985-01-21", 1986: "1986-02-09", 1987: "1987-01-29", 1988: "1988-02-17", 1989: "1989-02-06",
	1990: "1990-01-27", 1991: "1991-02-15", 1992: "1992-02-04", 1993: "1993-01-23", 1994: "1994-02-10",
	1995: "1995-01-31", 1996: "1996-02-19", 1997: "1997-02-07", 1998: "1998-01-28", 1999: "1999-02-16",
	2000: "2000-02-05", 2001: "2001-01-24", 2002: "2002-02-12", 2003: "2003-02-01", 2004: "2004-01-22",
	2005: "2005-02-09", 2006: "2006-01-29", 2007: "2007-02-17", 2008: "2008-02-07", 2009: "2009-01-26",
	2010: "2010-02-14", 2011: "2011-02-03", 2012: "2012-01-23", 2013: "2013-02-10", 2014: "2014-01-31",
	2015: "2015-02-19", 2016: "2016-02-08", 2017: "2017-01-28", 2018: "2018-02-16", 2019: "2019-02-05",
	2020: "2020-01-25", 2021: "2021-02-12", 2022: "2022-02-01", 2023: "2023-01-22", 2024: "2024-02-10",
	2025: "2025-01-29", 2026: "2026-02-17", 2027: "2027-02-06", 2028: "2028-01-26", 2029: "2029-02-13",
	2030: "2030-02-02", 2031: "2031-01-23", 2032: "2032-02-11", 2033: "2033-01-31", 2034: "2034-02-19",
	2035: "2035-02-08", 2036: "2036-01-28", 2037: "2037-02-15", 2038: "2038-02-04", 2039: "2039-01-24",
	2040: "2040-02-12", 2041: "2041-02-01", 2042: "2042-01-22", 2043: "2043-02-10", 2044: "2044-01-30",
	2045: "2045-02-17", 2046: "2046-02-06", 2047: "2047-01-26", 2048: "2048-02-14", 2049: "2049-02-02",
	2050: "2050-01-23",
}

// gioTo is the Hùng Kings' day (lunar 10/3) as announced in the yearly
// holiday notices.
var gioTo = map[int]string{
	2010: "2010-04-23", 2011: "2011-04-12", 2012: "2012-03-31", 2013: "2013-04-19", 2014: "2014-04-09",
	2015: "2015-04-28", 2016: "2016-04-16", 2017: "2017-04-06", 2018: "2018-04-25", 2019: "2019-04-14",
	2020: "2020-04-02", 2021: "2021-04-21", 2022: "2022-04-10", 2023: "2023-04-29", 2024: "2024-04-18",
	2025: "2025-04-07", 2026: "2026-04-26", 2027: "2027-04-16",
}

// leap is the repeated month of lunar years that have one.
var leap = map[int]int{
	1990: 5, 1993: 3, 1995: 8, 1998: 5, 2001: 4, 2004: 2, 2006: 7, 2009: 5, 2012: 4, 2014: 9, 2017: 6, 2020: 4, 2023: 2, 2025: 6, 2028: 5,
	2031: 3, 2033: 11, 2036: 6,
}

func TestTetAndGioToDates(t *testing.T) {
	for y, want := range tet {
		got, ok := calendar.Solar(calendar.LunarDate{Year: y, Month: 1, Day: 1})
		if !ok || got != iso(t, want) {
			t.Errorf("Tết %d: %s, want %s", y, got.ISO(), want)
		}
		if l := calendar.Lunar(iso(t, want)); l != (calendar.LunarDate{Year: y, Month: 1, Day: 1}) {
			t.Errorf("%s is lunar %+v, want 1/1/%d", want, l, y)
		}
		if l := calendar.Lunar(iso(t, want) - 1); l.Year != y-1 || l.Month != 12 || (l.Day != 29 && l.Day != 30) {
			t.Errorf("the eve of Tết %d is lunar %+v", y, l)
		}
	}
	for y, want := range gioTo {
		got, ok := calendar.Solar(calendar.LunarDate{Year: y, Month: 3, Day: 10})
		if !ok || got != iso(t, want) {
			t.Errorf("Giỗ Tổ %d: %s, want %s", y, got.ISO(), want)
		}
	}
}

func TestLeapMonths(t *testing.T) {
	for y := 1990; y <= 2050; y++ {
		if got := calendar.LeapMonth(y); got != leap[y] && y <= 2036 {
			t.Errorf("leap month of %d: %d, want %d", y, got, leap[y])
		}
	}
	// DESIGN §4: 2023-03-23 is day 2 of the leap second month.
	if l := calendar.Lunar(iso(t, "2023-03-23")); l != (calendar.LunarDate{Year: 2023, Month: 2, Day: 2, Leap: true}) {
		t.Errorf("2023-03-23 is %+v", l)
	}
	if d, ok := calendar.Solar(calendar.LunarDate{Year: 2023, Month: 2, Day: 2, Leap: true}); !ok || d != iso(t, "2023-03-23") {
		t.Errorf("leap 2/2/2023 is %s", d.ISO())
	}
	if d, _ := calendar.Solar(calendar.LunarDate{Year: 2023, Month: 2, Day: 2}); d != iso(t, "2023-02-21") {
		t.Errorf("ordinary 2/2/2023 is %s", d.ISO())
	}
	if _, ok := calendar.Solar(calendar.LunarDate{Year: 2024, Month: 2, Day: 1, Leap: true}); ok {
		t.Error("2024 has no leap month, yet leap 2/2024 converted")
	}
	if _, ok := calendar.Solar(calendar.LunarDate{Year: 2023, Month: 3, Day: 1, Leap: true}); ok {
		t.Error("2023 repeats month 2, yet leap 3/2023 converted")
	}
}

// Every day of 1900-2199 converts to a lunar date and back, months have 29
// or 30 days, and days follow each other.
func TestLunarRoundTripEveryDay(t *testing.T) {
	prev := calendar.Lunar(model.NewDate(1900, 1, 1) - 1)
	for d := model.NewDate(1900, 1, 1); d <= model.NewDate(2199, 12, 31); d++ {
		l := calendar.Lunar(d)
		back, ok := calendar.Solar(l)
		if !ok || back != d {
			t.Fatalf("%s → %+v → %s", d.ISO(), l, back.ISO())
		}
		switch {
		case l.Day == prev.Day+1 && l.Month == prev.Month && l.Leap == prev.Leap:
		case l.Day == 1 && (prev.Day == 29 || prev.Day == 30):
		default:
			t.Fatalf("%s: %+v follows %+v", d.ISO(), l, prev)
		}
		prev = l
	}
}

func names(hs []calendar.Holiday) map[string]string {
	m := map[string]string{}
	for _, h := range hs {
		m[h.Date.ISO()] = h.Name
	}
	return m
}

func TestHolidays2026(t *testing.T) {
	hs, err := calendar.Default().Holidays(2026)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"2026-01-01": calendar.NewYear,
		"2026-02-16": calendar.TetEve, "2026-02-17": calendar.Tet1, "2026-02-18": calendar.Tet2,
		"2026-02-19": calendar.Tet3, "2026-02-20": calendar.Tet4,
		"2026-04-26": calendar.HungKings, "2026-04-27": calendar.Compensation, // Sunday, moved to Monday
		"2026-04-30": calendar.Reunification, "2026-05-01": calendar.Labour,
		"2026-09-02": calendar.National, "2026-09-03": calendar.NationalExtra,
	}
	got := names(hs)
	if len(got) != len(want) {
		t.Errorf("%d days off, want %d: %v", len(got), len(want), got)
	}
	for d, n := range want {
		if got[d] != n {
			t.Errorf("%s: %q, want %q", d, got[d], n)
		}
	}
}

// Days moved off a rest day (nghỉ bù), checked against the holiday notices
// of those years.
func TestCompensationDays(t *testing.T) {
	c := calendar.Default()
	off := func(days ...string) {
		t.Helper()
		for _, s := range days {
			if c.IsWorkingDay(iso(t, s)) {
				t.Errorf("%s should be a day off", s)
			}
		}
	}
	work := func(days ...string) {
		t.Helper()
		for _, s := range days {
			if !c.IsWorkingDay(iso(t, s)) {
				t.Errorf("%s should be a working day", s)
			}
		}
	}
	// 2023: Giỗ Tổ Saturday 29/4, 30/4 Sunday, 1/5 Monday: off 29/4-3/5.
	off("2023-04-29", "2023-04-30", "2023-05-01", "2023-05-02", "2023-05-03")
	work("2023-04-28", "2023-05-04")
	// 2023: 2/9 Saturday: 1/9 (Friday) and 4/9 (Monday) off.
	off("2023-09-01", "2023-09-04")
	work("2023-09-05", "2023-08-31")
	// 2024: 2/9 Monday with 3/9; 2025: 2/9 Tuesday with 1/9; 2022: Friday
	// with Thursday 1/9; 2021: Thursday with Friday 3/9.
	off("2024-09-02", "2024-09-03", "2025-09-01", "2025-09-02", "2022-09-01", "2022-09-02",
		"2021-09-02", "2021-09-03")
	work("2024-09-04", "2025-09-03", "2022-08-31", "2021-09-01")
	// 2024: Tết Saturday 10/2; eve Friday 9/2; the two weekend days move
	// to Wednesday 14/2 and Thursday 15/2.
	off("2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14", "2024-02-15")
	work("2024-02-08", "2024-02-16")
	// 2022: 1/1 Saturday → Monday 3/1.
	off("2022-01-03")
	// 2020 (before the 2/9 extra day rule): 2/9 Wednesday only.
	work("2020-09-03", "2020-09-01")
}

func TestOverridesAndWorkdays(t *testing.T) {
	// The PM's 2024 Tết: 8/2-14/2, so 8/2 off and 15/2 worked; a Saturday
	// worked to swap for a bridge day.
	c := calendar.New(nil, []calendar.Override{
		{Date: iso(t, "2024-02-08"), Kind: model.DayOff, Note: "Tết theo Thông báo 6150"},
		{Date: iso(t, "2024-02-15"), Kind: model.WorkDay},
		{Date: iso(t, "2024-05-04"), Kind: model.WorkDay, Note: "Làm bù"},
	})
	if c.IsWorkingDay(iso(t, "2024-02-08")) || !c.IsWorkingDay(iso(t, "2024-02-15")) || !c.IsWorkingDay(iso(t, "2024-05-04")) {
		t.Fatal("overrides not applied")
	}
	h, ok := c.DayOff(iso(t, "2024-02-08"))
	if !ok || h.Name != calendar.OverrideOff || h.Note != "Tết theo Thông báo 6150" {
		t.Fatalf("8/2/2024: %+v", h)
	}
	// Six-day week (Saturday working): a Sunday holiday moves to Monday,
	// a Saturday one does not move.
	six := calendar.New([]time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday}, nil)
	if six.IsWorkingDay(iso(t, "2026-04-27")) || !six.IsWorkingDay(iso(t, "2023-05-04")) ||
		six.IsWorkingDay(iso(t, "2023-04-29")) || !six.IsWorkingDay(iso(t, "2023-05-06")) {
		t.Error("six-day week holidays")
	}
}

func TestWorkingDayArithmetic(t *testing.T) {
	c := calendar.Default()
	cases := []struct {
		from string
		n    int
		want string
	}{
		{"2026-02-13", 3, "2026-02-25"}, // across Tết 2026 (16-20/2)
		{"2026-02-13", 1, "2026-02-23"},
		{"2026-02-17", 0, "2026-02-17"},
		{"2025-12-31", 1, "2026-01-02"}, // across the year end and 1/1
		{"2025-12-31", 2, "2026-01-05"},
		{"2026-04-24", 1, "2026-04-28"}, // Giỗ Tổ Sunday, Monday moved
		{"2026-04-29", 1, "2026-05-04"},
		{"2026-02-25", -3, "2026-02-13"},
	}
	for _, tc := range cases {
		if got := c.AddWorkingDays(iso(t, tc.from), tc.n); got != iso(t, tc.want) {
			t.Errorf("%s + %d: %s, want %s", tc.from, tc.n, got.ISO(), tc.want)
		}
	}
	if n := c.WorkingDaysBetween(iso(t, "2026-02-13"), iso(t, "2026-02-25")); n != 3 {
		t.Errorf("13/2 to 25/2/2026: %d working days", n)
	}
	if n := c.WorkingDaysInMonth(2026, time.February); n != 15 {
		t.Errorf("February 2026: %d working days, want 15", n)
	}
	// Across an override: a Saturday worked counts.
	o := calendar.New(nil, []calendar.Override{{Date: iso(t, "2026-02-21"), Kind: model.WorkDay}})
	if got := o.AddWorkingDays(iso(t, "2026-02-13"), 1); got != iso(t, "2026-02-21") {
		t.Errorf("with 21/2 worked: %s", got.ISO())
	}
}

func TestRoundTripProperty(t *testing.T) {
	c := calendar.New(nil, []calendar.Override{{Date: model.NewDate(2026, 2, 21), Kind: model.WorkDay},
		{Date: model.NewDate(2026, 3, 6), Kind: model.DayOff}})
	r := rand.New(rand.NewSource(1))
	lo, hi := int(model.NewDate(2019, 1, 1)), int(model.NewDate(2031, 12, 31))
	for range 5000 {
		d := model.Date(lo + r.Intn(hi-lo))
		n := r.Intn(400)
		end := c.AddWorkingDays(d, n)
		if got := c.WorkingDaysBetween(d, end); got != n {
			t.Fatalf("%s + %d = %s, but %d working days between", d.ISO(), n, end.ISO(), got)
		}
		if n > 0 && !c.IsWorkingDay(end) {
			t.Fatalf("%s + %d = %s, not a working day", d.ISO(), n, end.ISO())
		}
		if c.IsWorkingDay(d) && c.AddWorkingDays(end, -n) != d {
			t.Fatalf("%s + %d - %d = %s", d.ISO(), n, n, c.AddWorkingDays(end, -n).ISO())
		}
	}
}

func FuzzAddThenCount(f *testing.F) {
	c := calendar.Default()
	f.Add(int32(model.NewDate(2026, 2, 13)), uint16(3))
	f.Add(int32(model.NewDate(2025, 12, 31)), uint16(1))
	f.Fuzz(func(t *testing.T, day int32, n uint16) {
		d := model.Date(day)
		if !calendar.InRange(d) || !calendar.InRange(d+Date(int(n)*2+30)) {
			return
		}
		end := c.AddWorkingDays(d, int(n))
		if got := c.WorkingDaysBetween(d, end); got != int(n) {
			t.Fatalf("%s + %d = %s, count back %d", d.ISO(), n, end.ISO(), got)
		}
	})
}

// Date is model.Date, for brevity in the fuzz bounds.
type Date = model.Date

func TestYearOutOfRange(t *testing.T) {
	for _, y := range []int{0, -5, 1899, 2200, 99999} {
		if _, err := calendar.Default().Holidays(y); !errors.Is(err, calendar.ErrYearRange) {
			t.Errorf("year %d: %v", y, err)
		}
	}
}

// DESIGN §4 and issue 5: a dossier received on Friday 13/02/2026 at 16:00,
// after the 15:00 cut-off, counts from the next working day, Monday 23/02
// (Tết 16-20/02 between); 3 working days later is Thursday 26/02.
func TestDossierDueAcrossTet2026(t *testing.T) {
	c := calendar.Default()
	late := time.Date(2026, 2, 13, 16, 0, 0, 0, model.VN)
	if got := c.Intake(late, 15); got != iso(t, "2026-02-23") {
		t.Errorf("counts as received %s", got.ISO())
	}
	if got := c.DossierDue(late, 3, 15); got != iso(t, "2026-02-26") {
		t.Errorf("due %s, want 2026-02-26", got.ISO())
	}
	early := time.Date(2026, 2, 13, 10, 0, 0, 0, model.VN)
	if got := c.DossierDue(early, 3, 15); got != iso(t, "2026-02-25") {
		t.Errorf("before the cut-off: due %s, want 2026-02-25", got.ISO())
	}
	// Online on Sunday 15/02: counts from Monday 23/02 too.
	sunday := time.Date(2026, 2, 15, 9, 0, 0, 0, model.VN)
	if got := c.DossierDue(sunday, 3, 15); got != iso(t, "2026-02-26") {
		t.Errorf("on a Sunday: due %s", got.ISO())
	}
	if got := c.DossierDue(early, 0, 15); got != iso(t, "2026-02-13") {
		t.Errorf("same-day procedure: due %s", got.ISO())
	}
}

// BenchmarkDossierDueCold is what the store does on each dossier save: build
// the office's calendar (holidays not yet computed) and count a due date.
func BenchmarkDossierDueCold(b *testing.B) {
	at := time.Date(2026, 2, 13, 16, 0, 0, 0, model.VN)
	for b.Loop() {
		calendar.New(nil, nil).DossierDue(at, 15, 15)
	}
}

// BenchmarkDossierDueWarm counts due dates on one calendar.
func BenchmarkDossierDueWarm(b *testing.B) {
	c := calendar.Default()
	at := time.Date(2026, 2, 13, 16, 0, 0, 0, model.VN)
	for b.Loop() {
		c.DossierDue(at, 15, 15)
	}
}

// BenchmarkLunar converts one solar date to lunar.
func BenchmarkLunar(b *testing.B) {
	d := model.NewDate(2026, 11, 21)
	for b.Loop() {
		calendar.Lunar(d)
	}
}

// Long spans are counted from per-year running totals; they must agree
// with counting day by day, across years, Tết and the office's overrides.
func TestWorkingDaysBetweenLongSpans(t *testing.T) {
	cal := calendar.New(nil, []model.DayOverride{
		{Date: model.NewDate(2025, 2, 8), Kind: model.WorkDay},
		{Date: model.NewDate(2026, 12, 31), Kind: model.DayOff},
	})
	naive := func(a, b model.Date) int {
		n := 0
		for d := a + 1; d <= b; d++ {
			if cal.IsWorkingDay(d) {
				n++
			}
		}
		return n
	}
	r := rand.New(rand.NewSource(5))
	for range 3000 {
		a := model.NewDate(2019, 1, 1) + model.Date(r.Intn(3000))
		b := a + model.Date(r.Intn(2500))
		if got, want := cal.WorkingDaysBetween(a, b), naive(a, b); got != want {
			t.Fatalf("WorkingDaysBetween(%s, %s) = %d, counting day by day %d", a, b, got, want)
		}
		if got := cal.WorkingDaysBetween(b, a); got != -naive(a, b) {
			t.Fatalf("reversed span %s..%s: %d", b, a, got)
		}
	}
}
