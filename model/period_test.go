package model_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/tiepdan/tiepdan/model"
)

func TestParsePeriod(t *testing.T) {
	good := []struct{ in, from, to, back string }{
		{"2026-10", "2026-10-01", "2026-10-31", "2026-10"},
		{"2024-02", "2024-02-01", "2024-02-29", "2024-02"},
		{"2026-Q4", "2026-10-01", "2026-12-31", "2026-Q4"},
		{"2026-q1", "2026-01-01", "2026-03-31", "2026-Q1"},
		{"2026-H1", "2026-01-01", "2026-06-30", "2026-H1"},
		{"2026-H2", "2026-07-01", "2026-12-31", "2026-H2"},
		{"2026", "2026-01-01", "2026-12-31", "2026"},
		{"2026-9M", "2026-01-01", "2026-09-30", "2026-9M"},
		{"2022-9m", "2022-01-01", "2022-09-30", "2022-9M"},
		{"2026-10-01..2026-10-31", "2026-10-01", "2026-10-31", "2026-10-01..2026-10-31"},
		{"01/01/2022..30/5/2022", "2022-01-01", "2022-05-30", "2022-01-01..2022-05-30"},
		{"05/03/2026..05/03/2026", "2026-03-05", "2026-03-05", "2026-03-05..2026-03-05"},
	}
	for _, tc := range good {
		p, err := model.ParsePeriod(tc.in)
		if err != nil {
			t.Errorf("%q: %v", tc.in, err)
			continue
		}
		if p.From.ISO() != tc.from || p.To.ISO() != tc.to || p.String() != tc.back {
			t.Errorf("%q = %s..%s (%s), want %s..%s (%s)", tc.in, p.From.ISO(), p.To.ISO(), p, tc.from, tc.to, tc.back)
		}
	}
	for _, in := range []string{"2026-13", "2026-00", "2026-Q5", "2026-Q0", "2026-H3", "26", "1899", "abc", "",
		"2026-10-31..2026-10-01", "2026-10-01..", "..2026-10-01", "31/02/2026..01/03/2026", "2026-1O", "2026-100"} {
		if _, err := model.ParsePeriod(in); !errors.Is(err, model.ErrBadPeriod) {
			t.Errorf("%q accepted (err %v)", in, err)
		}
	}
}

func TestPeriodStepAndWindow(t *testing.T) {
	steps := []struct {
		in   string
		n    int
		want string
	}{
		{"2026-01", -1, "2025-12"}, {"2026-12", 1, "2027-01"}, {"2026-Q1", -1, "2025-Q4"},
		{"2026-Q4", 1, "2027-Q1"}, {"2026-H2", 1, "2027-H1"}, {"2026", -3, "2023"}, {"2026-9M", -1, "2025-9M"},
		{"2026-10-01..2026-10-10", 1, "2026-10-11..2026-10-20"},
	}
	for _, tc := range steps {
		p, _ := model.ParsePeriod(tc.in)
		if got := p.Step(tc.n, 14).String(); got != tc.want {
			t.Errorf("%s step %d = %s, want %s", tc.in, tc.n, got, tc.want)
		}
	}
	w := model.WindowPeriod(2026, 1, 14)
	if w.From.ISO() != "2025-12-15" || w.To.ISO() != "2026-01-14" {
		t.Errorf("January window = %s..%s", w.From.ISO(), w.To.ISO())
	}
	if n := w.Step(1, 14); n.From.ISO() != "2026-01-15" || n.To.ISO() != "2026-02-14" {
		t.Errorf("next window = %s..%s", n.From.ISO(), n.To.ISO())
	}
	if !w.Contains(model.NewDate(2026, 1, 14)) || w.Contains(model.NewDate(2026, 1, 15)) {
		t.Error("window bounds")
	}
}

// TestOfficialWindows2026 checks every official window of 2026: months
// from the 15th to the 14th, quarters over their three months, and the 6
// months, 9 months and year cumulative from 15/12/2025.
func TestOfficialWindows2026(t *testing.T) {
	d := func(y, m, dd int) string { return model.NewDate(y, time.Month(m), dd).ISO() }
	type want struct{ in, from, to string }
	cases := []want{
		{"2026-Q1", d(2025, 12, 15), d(2026, 3, 14)},
		{"2026-Q2", d(2026, 3, 15), d(2026, 6, 14)},
		{"2026-Q3", d(2026, 6, 15), d(2026, 9, 14)},
		{"2026-Q4", d(2026, 9, 15), d(2026, 12, 14)},
		{"2026-H1", d(2025, 12, 15), d(2026, 6, 14)},
		{"2026-H2", d(2026, 6, 15), d(2026, 12, 14)},
		{"2026-9M", d(2025, 12, 15), d(2026, 9, 14)},
		{"2026", d(2025, 12, 15), d(2026, 12, 14)},
		{"2022-H1", d(2021, 12, 15), d(2022, 6, 14)},
	}
	for m := 1; m <= 12; m++ {
		cases = append(cases, want{fmt.Sprintf("2026-%02d", m), d(2026, m-1, 15), d(2026, m, 14)})
	}
	for _, tc := range cases {
		p, err := model.ParsePeriod(tc.in)
		if err != nil {
			t.Fatalf("%s: %v", tc.in, err)
		}
		o := p.In(model.WindowOfficial, 14)
		if o.From.ISO() != tc.from || o.To.ISO() != tc.to || !o.Official || o.Kind != p.Kind || o.String() != p.String() {
			t.Errorf("%s official = %s..%s (%s, official %v), want %s..%s", tc.in, o.From.ISO(), o.To.ISO(), o, o.Official, tc.from, tc.to)
		}
		if back := o.In(model.WindowCalendar, 14); back != p {
			t.Errorf("%s: back to the calendar gives %+v, want %+v", tc.in, back, p)
		}
	}
	// Stepping keeps the window; the official quarters and months tile the
	// official year with no gap and no overlap.
	q := model.QuarterPeriod(2026, 1).In(model.WindowOfficial, 14)
	if prev := q.Step(-1, 14); prev.From.ISO() != d(2025, 9, 15) || prev.To.ISO() != d(2025, 12, 14) || !prev.Official {
		t.Errorf("the quarter before Q1 2026 official = %s..%s", prev.From.ISO(), prev.To.ISO())
	}
	m := model.MonthPeriod(2026, 1).In(model.WindowOfficial, 14)
	for i := 0; i < 11; i++ {
		next := m.Step(1, 14)
		if next.From != m.To+1 {
			t.Errorf("window after %s starts %s", m.To, next.From)
		}
		m = next
	}
	if m.To.ISO() != d(2026, 12, 14) {
		t.Errorf("December's window ends %s", m.To)
	}
	if y := model.YearPeriod(2026).In(model.WindowOfficial, 14).Step(1, 14); y.From.ISO() != d(2026, 12, 15) || y.To.ISO() != d(2027, 12, 14) {
		t.Errorf("official 2027 = %s..%s", y.From, y.To)
	}
	// A custom range keeps its dates in any window.
	r, _ := model.ParsePeriod("01/01/2022..30/05/2022")
	if r.In(model.WindowOfficial, 14) != r {
		t.Error("a range moved with the window")
	}
}

// TestCutoffRules: a new circular moves the cut-off day from a date on;
// periods before it keep the old windows.
func TestCutoffRules(t *testing.T) {
	o := model.DefaultOffice()
	if o.CutoffOn(model.NewDate(2026, 5, 1)) != 14 {
		t.Fatal("default cut-off is not the 14th")
	}
	o.LatestCutoffRule()
	o.CutoffRules = append(o.CutoffRules, model.CutoffRule{From: model.NewDate(2027, 1, 1), Day: 20})
	old := o.Official(model.MonthPeriod(2026, time.December), model.WindowOfficial)
	neu := o.Official(model.MonthPeriod(2027, time.March), model.WindowOfficial)
	if old.From.ISO() != "2026-11-15" || old.To.ISO() != "2026-12-14" {
		t.Errorf("December 2026 = %s..%s", old.From.ISO(), old.To.ISO())
	}
	if neu.From.ISO() != "2027-02-21" || neu.To.ISO() != "2027-03-20" {
		t.Errorf("March 2027 = %s..%s", neu.From.ISO(), neu.To.ISO())
	}
	o.CutoffRules = append(o.CutoffRules, model.CutoffRule{From: model.NewDate(2026, 1, 1), Day: 10})
	o.Name, o.Place = "UBND xã Quang Trung", "Quang Trung"
	var ve *model.ValidationError
	if err := o.Validate(time.Now()); !errors.As(err, &ve) || ve.Fields[0].Field != "CutoffFrom" {
		t.Errorf("a rule out of order: %v", err)
	}
}
