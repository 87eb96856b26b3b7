package report_test

import (
	"testing"
	"time"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/report"
)

// TestCasesAreCountedOnce: a citizen who comes back three times about the
// same land boundary is three visits and one case; a group of 20 is one
// visit, 20 people and one case; one visit may raise two cases; a case
// first received in an earlier period is "tiếp nhiều lần" in this one.
func TestCasesAreCountedOnce(t *testing.T) {
	db := openDB(t) // today is 21/11/2026
	s := db.For("test")
	cit := newApplicant(t, s)
	head := newApplicant(t, s)
	visit := func(d model.Date, people int, cases ...uint64) model.Reception {
		t.Helper()
		r := model.Reception{At: d.Time().Add(9 * time.Hour), RecKind: model.ReceptionRegular, CitizenID: cit, HeadCount: people,
			Summary: "Tranh chấp ranh giới đất với hộ liền kề", Content: model.ContentProposal, Field: model.FieldLand,
			LandDispute: true, Handling: model.HandlingGuided, CaseIDs: cases}
		if people > 1 {
			r.CitizenID, r.Summary, r.LandDispute, r.Field = head, "Đoàn hỏi về đền bù mở đường", false, model.FieldOther
		}
		if err := s.SaveReception(&r); err != nil {
			t.Fatal(err)
		}
		return r
	}
	// September: the boundary case is opened.
	first := visit(day(9, 28), 1)
	boundary := first.CaseIDs[0]
	// October: the citizen comes back twice about it; a group of 20 comes
	// once; one more visit raises the boundary again and a new matter.
	second := visit(day(10, 5), 1, boundary)
	third := visit(day(10, 19), 1, boundary)
	group := visit(day(10, 12), 20)
	both := visit(day(10, 26), 1, boundary, 0)
	if first.Matter != model.MatterFirst || second.Matter != model.MatterRepeat || third.Matter != model.MatterRepeat {
		t.Errorf("matters %s %s %s: the first visit opens the case, the others come back to it", first.Matter, second.Matter, third.Matter)
	}
	if len(both.CaseIDs) != 2 || both.CaseIDs[0] != boundary || both.CaseIDs[1] == 0 {
		t.Fatalf("the visit raising two cases has %v", both.CaseIDs)
	}
	if len(group.CaseIDs) != 1 || group.Matter != model.MatterFirst {
		t.Errorf("group: cases %v, matter %s", group.CaseIDs, group.Matter)
	}

	sum, err := report.Compute(s, model.DefaultOffice(), model.MonthPeriod(2026, time.October), testToday)
	if err != nil {
		t.Fatal(err)
	}
	if err := sum.Check(); err != nil {
		t.Error(err)
	}
	r := sum.Reception
	// 4 visits, 23 people; cases: the boundary (received before October:
	// nhiều lần), the group's, the new matter (lần đầu).
	if got := r.Total; got != (report.VisitRow{Visits: 4, People: 23, Cases: 3, First: 2, Repeat: 1}) {
		t.Errorf("October: %+v", got)
	}
	if got := r.Groups; got != (report.VisitRow{Visits: 1, People: 20, Cases: 1, First: 1}) {
		t.Errorf("groups: %+v, want one visit, 20 people, one case", got)
	}
	// September alone: one visit, one case first received.
	sep, err := report.Compute(s, model.DefaultOffice(), model.MonthPeriod(2026, time.September), testToday)
	if err != nil {
		t.Fatal(err)
	}
	if got := sep.Reception.Total; got != (report.VisitRow{Visits: 1, People: 1, Cases: 1, First: 1}) {
		t.Errorf("September: %+v", got)
	}
	// The citizen's cases, newest first, for the picker.
	cs, err := s.CitizenCases(cit)
	if err != nil || len(cs) != 2 || cs[1].ID != boundary || cs[1].Opened != day(9, 28) {
		t.Errorf("citizen's cases %+v, %v", cs, err)
	}
	// A case that does not exist is refused on the field, nothing saved.
	bad := model.Reception{At: day(10, 27).Time().Add(9 * time.Hour), RecKind: model.ReceptionRegular, CitizenID: cit,
		HeadCount: 1, Summary: "X", Content: model.ContentProposal, Field: model.FieldOther, Handling: model.HandlingGuided,
		CaseIDs: []uint64{9999}}
	if err := s.SaveReception(&bad); err == nil || bad.ID != 0 {
		t.Errorf("a visit to a missing case saved: %v", err)
	}
}
