package storage_test

import (
	"errors"
	"testing"
	"time"

	"github.com/tiepdan/tiepdan/model"
)

func vnAt(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, model.VN)
}

// A request for supplements stops a dossier's clock and the applicant's
// answer starts it again: the working days left move past the pause.
func TestSupplementsPauseTheDossierClock(t *testing.T) {
	db, clk := openTest(t)
	s := db.For("canbo")
	c := newCitizen(t, s, "Lê Thị Hồng", "", "")
	clk.t = vnAt(2026, 11, 2, 9, 0)
	// Monday 02/11/2026 09:00, 5 working days: due Monday 09/11.
	d := model.Dossier{ProcedureName: "Đăng ký kết hôn", Field: model.FieldCivilStatus, WorkingDays: 5,
		ApplicantID: c.ID, Channel: model.ChannelDirect, Status: model.DossierInProgress, ReceivedAt: clk.t}
	if err := s.SaveDossier(&d); err != nil {
		t.Fatal(err)
	}
	if d.Due != model.NewDate(2026, 11, 9) {
		t.Fatalf("due %s, want 09/11/2026", d.Due)
	}
	// Wednesday 04/11: supplements asked; without saying what, refused.
	clk.t = vnAt(2026, 11, 4, 10, 0)
	d.Status = model.DossierSupplement
	if err := s.SaveDossier(&d); fieldOf(err) != "SupplementItems" {
		t.Fatalf("a request without its content: %v", err)
	}
	if got, _ := s.Dossier(d.ID); got.Version != 1 || len(got.Supplements) != 0 {
		t.Fatalf("the refused request was stored: %+v", got)
	}
	d.SupplementItems = "Giấy xác nhận tình trạng hôn nhân"
	if err := s.SaveDossier(&d); err != nil {
		t.Fatal(err)
	}
	if len(d.Supplements) != 1 || d.Supplements[0].Requested != model.NewDate(2026, 11, 4) || d.Due != model.NewDate(2026, 11, 9) {
		t.Fatalf("request filed as %+v, due %s", d.Supplements, d.Due)
	}
	// A form cannot rewrite the filed requests.
	d.Supplements[0].Requested = model.NewDate(2026, 11, 3)
	d.Note = "Đã gọi điện nhắc"
	if err := s.SaveDossier(&d); err != nil {
		t.Fatal(err)
	}
	if d.Supplements[0].Requested != model.NewDate(2026, 11, 4) {
		t.Fatalf("the form rewrote the request: %+v", d.Supplements)
	}
	// Tuesday 10/11: the applicant brings the paper. Three working days
	// were left after 04/11 (05, 06, 09/11): due Friday 13/11.
	clk.t = vnAt(2026, 11, 10, 14, 0)
	d.Status = model.DossierInProgress
	if err := s.SaveDossier(&d); err != nil {
		t.Fatal(err)
	}
	if d.Supplements[0].Resumed != model.NewDate(2026, 11, 10) || d.Due != model.NewDate(2026, 11, 13) {
		t.Fatalf("after resuming: %+v, due %s; want due 13/11/2026", d.Supplements, d.Due)
	}
	trail, _ := s.Audit(model.KindDossier, d.ID)
	found := false
	for _, ch := range trail[len(trail)-1].Changes {
		found = found || ch.Field == "Due" && ch.Old == "09/11/2026" && ch.New == "13/11/2026"
	}
	if !found {
		t.Fatalf("the moved due date is not in the audit: %+v", trail[len(trail)-1].Changes)
	}
}

func fieldOf(err error) string {
	if ve, ok := err.(*model.ValidationError); ok && len(ve.Fields) > 0 {
		return ve.Fields[0].Field
	}
	return ""
}

// A petition's deadline comes from the rules table and keeps the rule
// version it was given.
func TestPetitionDeadlinesFromTheRulesTable(t *testing.T) {
	db, clk := openTest(t)
	s := db.For("canbo")
	c := newCitizen(t, s, "Phạm Văn Nam", "", "")
	clk.t = vnAt(2026, 11, 20, 9, 0)
	recv := model.NewDate(2026, 11, 2) // a Monday
	newPet := func(kind model.ContentKind) model.Petition {
		return model.Petition{Received: recv, Source: model.SourceByHand, CitizenID: c.ID, Summary: "Tranh chấp lối đi",
			Content: kind, Field: model.FieldLand, Eligibility: model.EligibilityEligible, InJurisdiction: true,
			Status: model.PetitionHandling}
	}
	cases := []struct {
		kind model.ContentKind
		want model.Date
		ref  string
	}{
		// proposals: classified within 10 working days: 16/11
		{model.ContentProposal, model.NewDate(2026, 11, 16), "classify"},
		// complaints: accepted within 10 days: 12/11
		{model.ContentComplaint, model.NewDate(2026, 11, 12), "complaint_accept@2012-07-01"},
	}
	for _, tc := range cases {
		p := newPet(tc.kind)
		if err := s.SavePetition(&p); err != nil {
			t.Fatal(err)
		}
		if p.Due != tc.want || p.DueRule != tc.ref {
			t.Errorf("%s: due %s by %q, want %s by %q", tc.kind, p.Due, p.DueRule, tc.want, tc.ref)
		}
	}
	// Accepted on Friday 06/11: 30 days later is Sunday 06/12, so the
	// deadline is Monday 07/12; complex, 45 days: Monday 21/12.
	p := newPet(model.ContentComplaint)
	if err := s.SavePetition(&p); err != nil {
		t.Fatal(err)
	}
	p.Accepted = model.NewDate(2026, 11, 6)
	if err := s.SavePetition(&p); err != nil {
		t.Fatal(err)
	}
	if p.Due != model.NewDate(2026, 12, 7) || p.DueRule != "complaint_resolve@2012-07-01" {
		t.Fatalf("accepted complaint: due %s by %q", p.Due, p.DueRule)
	}
	p.Complex = true
	if err := s.SavePetition(&p); err != nil {
		t.Fatal(err)
	}
	if p.Due != model.NewDate(2026, 12, 21) {
		t.Fatalf("complex complaint: due %s", p.Due)
	}
	// A date the clerk types is kept and has no rule.
	p.Due = model.NewDate(2026, 12, 18)
	if err := s.SavePetition(&p); err != nil {
		t.Fatal(err)
	}
	if p.Due != model.NewDate(2026, 12, 18) || p.DueRule != "" {
		t.Fatalf("typed date: %s by %q", p.Due, p.DueRule)
	}
	// Extensions only for denunciations after acceptance.
	p.Extensions = 1
	if err := s.SavePetition(&p); fieldOf(err) != "Extensions" {
		t.Fatalf("extension of a complaint: %v", err)
	}

	// The administrator shortens the classification rule from 01/12/2026:
	// an old petition saved again keeps its version; a new one gets the new.
	old := newPet(model.ContentReflection)
	if err := s.SavePetition(&old); err != nil {
		t.Fatal(err)
	}
	o, _ := s.Office()
	o.DeadlineRules = append(o.Deadlines(), model.DeadlineRule{Key: model.DeadlineClassify, Mode: model.CountWorking,
		Days: 5, Basis: "Quyết định thử", From: model.NewDate(2026, 12, 1)})
	o.Name, o.Place = "UBND xã Quang Trung", "Quang Trung"
	if err := s.SaveOffice(&o); err != nil {
		t.Fatal(err)
	}
	old.Note = "Bổ sung ghi chú"
	if err := s.SavePetition(&old); err != nil || old.Due != model.NewDate(2026, 11, 16) || old.DueRule != "classify" {
		t.Fatalf("old petition: due %s by %q (%v)", old.Due, old.DueRule, err)
	}
	clk.t = vnAt(2026, 12, 2, 9, 0)
	fresh := newPet(model.ContentReflection)
	fresh.Received = model.NewDate(2026, 12, 2) // Wednesday; 5 working days: 09/12
	if err := s.SavePetition(&fresh); err != nil || fresh.Due != model.NewDate(2026, 12, 9) || fresh.DueRule != "classify@2026-12-01" {
		t.Fatalf("new petition: due %s by %q (%v)", fresh.Due, fresh.DueRule, err)
	}
	// A denunciation accepted on 02/12, extended once: 30 + 30 days.
	den := newPet(model.ContentDenunciation)
	den.CitizenID, den.PaperRef = 0, "Hồ sơ giấy số 12/TC"
	den.Received = model.NewDate(2026, 12, 2)
	den.Accepted = model.NewDate(2026, 12, 2)
	den.Extensions = 1
	if err := s.SavePetition(&den); err != nil {
		t.Fatal(err)
	}
	// The first 30 days end on 01/01/2027, a holiday before a weekend, and
	// move to Monday 04/01; 30 more: Wednesday 03/02/2027.
	if den.Due != model.NewDate(2027, 2, 3) {
		t.Fatalf("extended denunciation: due %s", den.Due)
	}
}

// A visit that owes the citizen a reply gets the reply rule's date.
func TestVisitReplyDeadline(t *testing.T) {
	db, _ := openTest(t)
	s := db.For("canbo")
	c := newCitizen(t, s, "Vũ Minh Tâm", "", "")
	r := newReception(t, s, c.ID, testNow) // Wednesday 21/10/2026, guided
	if !r.FollowUpDue.IsZero() {
		t.Fatalf("a guided visit owes no reply: %s", r.FollowUpDue)
	}
	r.Handling = model.HandlingAccepted
	if err := s.SaveReception(&r); err != nil {
		t.Fatal(err)
	}
	// 10 working days after 21/10: 04/11/2026.
	if r.FollowUpDue != model.NewDate(2026, 11, 4) || r.FollowUpRule != "reply" {
		t.Fatalf("reply due %s by %q", r.FollowUpDue, r.FollowUpRule)
	}
	r.Handling = model.HandlingGuided
	if err := s.SaveReception(&r); err != nil || !r.FollowUpDue.IsZero() {
		t.Fatalf("guided again: %s (%v)", r.FollowUpDue, err)
	}
	r.Replied = model.NewDate(2026, 10, 20)
	if err := s.SaveReception(&r); fieldOf(err) != "Replied" {
		t.Fatalf("a reply before the visit: %v", err)
	}
}

// DossierPaper reads a dossier and its applicant together, for a paper.
func TestDossierPaper(t *testing.T) {
	db, clk := openTest(t)
	s := db.For("canbo")
	c := newCitizen(t, s, "Lê Thị Hồng", "", "")
	d := model.Dossier{ProcedureName: "Đăng ký kết hôn", Field: model.FieldCivilStatus, WorkingDays: 5,
		ApplicantID: c.ID, Channel: model.ChannelDirect, Status: model.DossierInProgress, ReceivedAt: clk.t}
	if err := s.SaveDossier(&d); err != nil {
		t.Fatal(err)
	}
	got, a, err := s.DossierPaper(d.ID)
	if err != nil || got.Code != d.Code || a.FullName != "Lê Thị Hồng" {
		t.Fatalf("DossierPaper: %+v %+v %v", got, a, err)
	}
	if _, _, err := s.DossierPaper(d.ID + 100); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("a missing dossier: %v", err)
	}
}
