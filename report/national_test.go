package report_test

import (
	"strings"
	"testing"
	"time"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/report"
)

// cellOf returns the value of column num (1-based) of the row labelled
// label in t; blank cells give -1.
func cellOf(t *testing.T, tb report.Table, label string, num int) int {
	t.Helper()
	for _, r := range tb.Rows {
		if r.Label == label {
			c := r.Cells[num-1]
			if c.Blank {
				return -1
			}
			return c.N
		}
	}
	t.Fatalf("%s has no row %q", tb.Title, label)
	return 0
}

// TestNationalForms builds a small office by hand and reads its national
// forms: 01/TCD splits the head's own sessions from delegated ones and
// counts cases once; 01/XLD, 02-04/XLD and 01/KQGQ count the petitions by
// content, sector, status and outcome; columns the records cannot give are
// blank with a note; every check row holds.
func TestNationalForms(t *testing.T) {
	db := openDB(t) // today 21/11/2026
	s := db.For("test")
	o, _ := s.Office()
	o.Name, o.Place = "UBND phường Tân Định", "Tân Định"
	if err := s.SaveOffice(&o); err != nil {
		t.Fatal(err)
	}
	cit := newApplicant(t, s)
	session := func(d model.Date, delegated bool) uint64 {
		x := model.ReceptionSession{Date: d, SessKind: model.SessionPeriodic, Presiding: "Chủ tịch", Delegated: delegated}
		if err := s.SaveSession(&x); err != nil {
			t.Fatal(err)
		}
		return x.ID
	}
	visit := func(d model.Date, sess uint64, people int, cases ...uint64) model.Reception {
		r := model.Reception{At: d.Time().Add(9 * time.Hour), RecKind: model.ReceptionRegular, CitizenID: cit, HeadCount: people,
			Summary: "Hỏi về đất", Content: model.ContentProposal, Field: model.FieldLand, Handling: model.HandlingGuided,
			CaseIDs: cases}
		if sess != 0 {
			r.RecKind, r.SessionID = model.ReceptionInSession, sess
		}
		if err := s.SaveReception(&r); err != nil {
			t.Fatal(err)
		}
		return r
	}
	old := visit(day(9, 10), 0, 1)
	head := session(day(10, 2), false)
	deleg := session(day(10, 9), true)
	visit(day(10, 2), head, 12)                 // a group at the head's session: new case
	visit(day(10, 5), 0, 1, old.CaseIDs[0])     // regular, back about September's case
	visit(day(10, 9), deleg, 1, old.CaseIDs[0]) // delegated session, same case again
	visit(day(10, 9), deleg, 3)                 // delegated, a new case

	pet := func(p model.Petition) {
		p.Source, p.CitizenID, p.Summary = model.SourceByHand, cit, "Đơn"
		if p.Field == "" {
			p.Field = model.FieldOther
		}
		if p.Eligibility == "" {
			p.Eligibility = model.EligibilityEligible
		}
		if p.Status == "" {
			p.Status = model.PetitionHandling
		}
		if model.IsDenunciation(p.Content) {
			p.CitizenID, p.PaperRef = 0, "TC-1"
		}
		if err := s.SavePetition(&p); err != nil {
			t.Fatal(err)
		}
	}
	// A complaint about land, accepted and decided right, on time.
	pet(model.Petition{Received: day(10, 1), Content: model.ContentComplaint, Field: model.FieldLand, InJurisdiction: true,
		Accepted: day(10, 3), Status: model.PetitionResolved, Resolved: day(10, 20), Outcome: model.OutcomeRight})
	// A complaint carried over from September, policy, still being resolved.
	pet(model.Petition{Received: day(9, 20), Content: model.ContentComplaint, Field: model.FieldSocialPolicy,
		InJurisdiction: true, Accepted: day(9, 25)})
	// A denunciation of corruption, in jurisdiction, withdrawn.
	pet(model.Petition{Received: day(10, 6), Content: model.ContentDenunciation, Conduct: model.ConductCorruption,
		Field: model.FieldAdministrative, InJurisdiction: true, Status: model.PetitionWithdrawn, Resolved: day(10, 8)})
	// A proposal outside jurisdiction, transferred; one not processed yet;
	// one not eligible (anonymous).
	pet(model.Petition{Received: day(10, 7), Content: model.ContentProposal, Status: model.PetitionTransferred,
		TransferredTo: "UBND quận", Resolved: day(10, 9)})
	pet(model.Petition{Received: day(10, 28), Content: model.ContentReflection, Field: model.FieldJustice, InJurisdiction: true})
	pet(model.Petition{Received: day(10, 29), Content: model.ContentReflection, Eligibility: model.EligibilityAnonymous})

	sum, err := report.Compute(s, o, model.MonthPeriod(2026, time.October), testToday)
	if err != nil {
		t.Fatal(err)
	}
	if err := sum.Check(); err != nil {
		t.Fatal(err)
	}
	forms := map[string]report.Table{}
	for _, tb := range sum.NationalTables(vi) {
		forms[tb.Sheet] = tb
	}
	office := "UBND phường Tân Định"
	tcd := forms["01-TCD"]
	for _, c := range []struct {
		col, want int
		what      string
	}{
		{1, 4, "visits"}, {2, 17, "people"}, {3, 2, "cases first received"}, {4, 1, "cases received before"},
		{5, 1, "regular visits"}, {8, 1, "regular: September's case again"},
		{13, 1, "head's sessions"}, {14, 1, "head's visits"}, {15, 12, "head's people"}, {16, 1, "head's new case"},
		{18, 1, "head's groups"}, {19, 12, "people in the head's groups"},
		{20, 1, "delegated sessions"}, {21, 2, "delegated visits"}, {22, 4, "delegated people"}, {23, 1, "delegated new case"},
		{24, 0, "the old case counts once, where first raised"},
	} {
		if got := cellOf(t, tcd, office, c.col); got != c.want {
			t.Errorf("01/TCD (%d) %s = %d, want %d", c.col, c.what, got, c.want)
		}
	}
	xld := forms["01-XLD"]
	for _, c := range []struct{ col, want int }{
		{1, 6}, {2, 1}, {3, 5}, {4, 4}, {5, 2}, {6, 5}, {8, 2}, {9, 1}, {10, 2}, {11, 3}, {12, 1}, {13, 1}, {14, 4}, {17, 1},
	} {
		if got := cellOf(t, xld, office, c.col); got != c.want {
			t.Errorf("01/XLD (%d) = %d, want %d", c.col, got, c.want)
		}
	}
	if cellOf(t, xld, office, 18) != -1 || !strings.Contains(xld.Note, "Cột (18) để trống") {
		t.Errorf("01/XLD (18) is not blank with a note: %q", xld.Note)
	}
	if !strings.Contains(xld.Note, "(1) = (2) + (3) = (4) + (5): 6 = 1 + 5 = 4 + 2 ✓") {
		t.Errorf("01/XLD check row: %q", xld.Note)
	}
	kn := forms["02-XLD"]
	if cellOf(t, kn, office, 1) != 2 || cellOf(t, kn, office, 2) != 1 || cellOf(t, kn, office, 3) != 1 {
		t.Errorf("02/XLD: total, policy, land = %v", kn.Rows[0].Cells[:3])
	}
	tc := forms["03-XLD"]
	if cellOf(t, tc, office, 1) != 1 || cellOf(t, tc, office, 4) != 1 || cellOf(t, tc, office, 8) != 1 {
		t.Errorf("03/XLD: total, admin other, corruption = %v", tc.Rows[0].Cells)
	}
	kq := forms["01-KQGQ"]
	if cellOf(t, kq, "Khiếu nại", 1) != 2 || cellOf(t, kq, "Khiếu nại", 5) != 1 || cellOf(t, kq, "Khiếu nại", 9) != 1 ||
		cellOf(t, kq, "Khiếu nại", 11) != 1 || cellOf(t, kq, "Tố cáo", 3) != 1 {
		t.Errorf("01/KQGQ: %v / %v", kq.Rows[0].Cells, kq.Rows[1].Cells)
	}
	if cellOf(t, kq, "Khiếu nại", 12) != -1 {
		t.Error("01/KQGQ: money recovered is not blank")
	}
}
