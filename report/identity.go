package report

import (
	"fmt"
	"strings"
)

// Identity is one equation the summary relies on, with its values: Left
// must equal the sum of Right. Formula is the catalogue key of its text
// ("rpt.id.<name>"); Row names the row or column it was checked on.
type Identity struct {
	Section string // "dossier", "reception" or "petition"
	Formula string
	Row     string
	Left    int
	Right   []int
}

// Holds reports whether the identity is true.
func (i Identity) Holds() bool {
	sum := 0
	for _, v := range i.Right {
		sum += v
	}
	return sum == i.Left
}

func (i Identity) String() string {
	parts := make([]string, len(i.Right))
	for k, v := range i.Right {
		parts[k] = fmt.Sprint(v)
	}
	return fmt.Sprintf("%s %s [%s]: %d = %s", i.Section, i.Formula, i.Row, i.Left, strings.Join(parts, " + "))
}

// Identities lists every identity of the summary with its values.
func (s *Summary) Identities() []Identity {
	var out []Identity
	add := func(sec, f, row string, left int, right ...int) {
		out = append(out, Identity{Section: sec, Formula: "rpt.id." + f, Row: row, Left: left, Right: right})
	}
	d := s.Dossiers
	drows := append(append([]DossierRow{d.All}, d.ByField...), d.ByProcedure...)
	for i, r := range drows {
		name := rowName(i, len(d.ByField), r.Key)
		add("dossier", "d_total", name, r.Total, r.CarriedOver, r.Received)
		add("dossier", "d_channels", name, r.Received, r.Direct, r.Online, r.Postal, r.Post)
		add("dossier", "d_resolved", name, r.Resolved, r.Early, r.OnTime, r.Late)
		add("dossier", "d_outcome", name, r.Total, r.Resolved, r.Rejected, r.Withdrawn, r.Pending)
		add("dossier", "d_pending", name, r.Pending, r.PendingInTime, r.PendingLate)
	}
	for _, c := range dossierColumns() {
		add("dossier", "d_by_field", "col:"+c.Key, c.Get(d.All), sumOf(d.ByField, c.Get)...)
		add("dossier", "d_by_procedure", "col:"+c.Key, c.Get(d.All), sumOf(d.ByProcedure, c.Get)...)
	}

	r := s.Reception
	for _, c := range visitColumns() {
		add("reception", "r_kinds", "col:"+c.Key, c.Get(r.Total), c.Get(r.Regular), c.Get(r.InSession))
	}
	for _, v := range []struct {
		name string
		row  VisitRow
	}{{"total", r.Total}, {"regular", r.Regular}, {"session", r.InSession}, {"groups", r.Groups}} {
		add("reception", "r_matters", "row:"+v.name, v.row.Cases, v.row.First, v.row.Repeat)
	}
	add("reception", "r_content", "", r.Total.Visits, counts(r.ByContent)...)
	add("reception", "r_field", "", r.Total.Visits, counts(r.ByField)...)
	add("reception", "r_handling", "", r.Total.Visits, counts(r.ByHandling)...)

	p := s.Petitions
	for _, row := range append([]PetitionRow{p.All, p.Land}, p.ByKind...) {
		name := ""
		if row.Key != "" {
			name = "kind:" + row.Key
		}
		add("petition", "p_total", name, row.Total, row.CarriedOver, row.Received)
		add("petition", "p_eligible", name, row.Total, row.Eligible, row.NotEligible)
		add("petition", "p_jurisdiction", name, row.Total, row.InJurisdiction, row.NotInJurisdiction)
		add("petition", "p_status", name, row.Total, row.Resolved, row.Guided, row.Transferred,
			row.Withdrawn, row.Archived, row.Pending)
	}
	for _, c := range petitionColumns() {
		add("petition", "p_by_kind", "col:"+c.Key, c.Get(p.All), sumOf(p.ByKind, c.Get)...)
	}
	add("petition", "p_field", "", p.All.Total, counts(p.ByField)...)
	s.friendlyIdentities(add)
	return out
}

// Check returns an error naming the first identity that does not hold.
func (s *Summary) Check() error {
	for _, id := range append(s.Identities(), s.nationalIdentities()...) {
		if !id.Holds() {
			return fmt.Errorf("identity does not hold: %s", id)
		}
	}
	return nil
}

func rowName(i, fields int, key string) string {
	switch {
	case i == 0:
		return ""
	case i <= fields:
		return "field:" + key
	}
	return "procedure:" + key
}

func sumOf[R any](rows []R, get func(R) int) []int {
	out := make([]int, len(rows))
	for i, r := range rows {
		out[i] = get(r)
	}
	return out
}

func counts(list []KeyCount) []int {
	out := make([]int, len(list))
	for i, k := range list {
		out[i] = k.N
	}
	return out
}
