package model_test

import (
	"errors"
	"testing"

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
		{"2026-Q4", 1, "2027-Q1"}, {"2026-H2", 1, "2027-H1"}, {"2026", -3, "2023"},
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
