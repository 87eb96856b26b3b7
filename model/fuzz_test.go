package model

import (
	"testing"
)

// Parsing what a clerk types never panics, and what parses prints back to
// something that parses to the same value.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"2026-10", "2026-Q4", "2026-H1", "2026-9M", "2026", "01/10/2026..31/10/2026", "21/10/2026",
		"21/10/2026 09:30", "31/02/2026", "0912 345 678", "+84 912345678", "001070012345", "", "9999-99", "1/1/1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if p, err := ParsePeriod(s); err == nil && p.From > p.To {
			t.Fatalf("ParsePeriod(%q) = %v: ends before it starts", s, p)
		}
		if d, err := ParseDate(s); err == nil {
			if back, err := ParseDate(d.String()); err != nil || back != d {
				t.Fatalf("ParseDate(%q) = %v, printed %q reads %v (%v)", s, d, d.String(), back, err)
			}
		}
		_, _ = ParseDateTime(s)
		_ = ValidIDNumber(s)
		p := NormalizePhone(s)
		if ValidPhone(p) && NormalizePhone(p) != p {
			t.Fatalf("NormalizePhone is not idempotent on %q: %q → %q", s, p, NormalizePhone(p))
		}
	})
}
