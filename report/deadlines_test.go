package report_test

import (
	"testing"
	"time"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/report"
)

// TestAcceptedPetitionsLateOnlyAgainstTheirResolution: once accepted, a
// proposal is late only against its resolution deadline (30 days from
// acceptance by default, the office's own rule), never against the
// classification deadline of 10 working days from receipt; the summary and
// the desk's agenda ("Hôm nay") agree on who is late.
func TestAcceptedPetitionsLateOnlyAgainstTheirResolution(t *testing.T) {
	db := openDB(t) // today is 21/11/2026
	s := db.For("test")
	cit := newApplicant(t, s)
	save := func(p model.Petition) model.Petition {
		t.Helper()
		p.Source, p.CitizenID, p.Summary, p.Field = model.SourceByHand, cit, "Kiến nghị", model.FieldOther
		p.Eligibility, p.InJurisdiction, p.Status = model.EligibilityEligible, true, model.PetitionHandling
		if err := s.SavePetition(&p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// Received 01/10, accepted 10/11: classification was due 15/10, the
	// resolution is due 10/12. Not late.
	inTime := save(model.Petition{Received: day(10, 1), Content: model.ContentProposal, Accepted: day(11, 10)})
	// Received 01/09, accepted 05/10: resolution due 04/11. Late.
	late := save(model.Petition{Received: day(9, 1), Content: model.ContentReflection, Accepted: day(10, 5)})
	// A second-time complaint accepted 01/10: 45 days, due 16/11. Late.
	second := save(model.Petition{Received: day(9, 25), Content: model.ContentComplaint, SecondTime: true, Accepted: day(10, 1)})
	// The same, complex: 60 days, due 30/11. Not late.
	secondComplex := save(model.Petition{Received: day(9, 25), Content: model.ContentComplaint, SecondTime: true,
		Complex: true, Accepted: day(10, 1)})
	for _, c := range []struct {
		name string
		p    model.Petition
		due  model.Date
	}{
		{"accepted proposal", inTime, day(12, 10)},
		{"accepted reflection", late, day(11, 4)},
		{"second-time complaint", second, day(11, 16)},
		{"second-time complex complaint", secondComplex, day(11, 30)},
	} {
		if c.p.Due != c.due {
			t.Errorf("%s: due %s by %q, want %s", c.name, c.p.Due, c.p.DueRule, c.due)
		}
	}

	sum, err := report.Compute(s, model.DefaultOffice(), model.MonthPeriod(2026, time.November), testToday)
	if err != nil {
		t.Fatal(err)
	}
	if got := sum.Petitions.All.Overdue; got != 2 {
		t.Errorf("summary: %d overdue, want 2 (the reflection and the second-time complaint)", got)
	}
	if got := sum.Petitions.ByKind[2].Overdue; got != 1 {
		t.Errorf("summary: %d proposals/reflections overdue, want 1", got)
	}
	a, err := s.Agenda(model.AgendaQuery{PetitionsBy: testToday - 1})
	if err != nil {
		t.Fatal(err)
	}
	lateIDs := map[uint64]bool{}
	for _, p := range a.Petitions {
		lateIDs[p.ID] = true
	}
	if len(lateIDs) != 2 || !lateIDs[late.ID] || !lateIDs[second.ID] {
		t.Errorf("Hôm nay lists as late %v, want #%d and #%d", lateIDs, late.ID, second.ID)
	}
}
