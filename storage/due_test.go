package storage_test

import (
	"errors"
	"testing"
	"time"

	"github.com/tiepdan/tiepdan/model"
)

// The store fills in a dossier's due date from the office's working
// calendar, and refuses another date without a reason.
func TestDossierDueFromTheWorkingCalendar(t *testing.T) {
	db, _ := openTest(t)
	s := db.For("canbo")
	c := model.Citizen{FullName: "Đỗ Thị Mai"}
	if err := s.SaveCitizen(&c); err != nil {
		t.Fatal(err)
	}
	// Friday 13/02/2026 16:00, after the 15:00 cut-off, 3 working days,
	// Tết 16-20/02 between: counted from Monday 23/02, due Thursday 26/02.
	d := model.Dossier{ProcedureName: "Chứng thực bản sao", Field: model.FieldCertification, WorkingDays: 3,
		ApplicantID: c.ID, Channel: model.ChannelDirect, Status: model.DossierInProgress,
		ReceivedAt: time.Date(2026, 2, 13, 16, 0, 0, 0, model.VN)}
	if err := s.SaveDossier(&d); err != nil {
		t.Fatal(err)
	}
	if d.Due != model.NewDate(2026, 2, 26) {
		t.Fatalf("due %s, want 26/02/2026", d.Due)
	}

	var ve *model.ValidationError
	moved := d
	moved.Due = model.NewDate(2026, 2, 27)
	err := s.SaveDossier(&moved)
	if !errors.As(err, &ve) || ve.Fields[0].Field != "DueReason" || ve.Fields[0].Code != model.ErrCodeDueReason ||
		ve.Fields[0].Args[0] != "26/02/2026" {
		t.Fatalf("a new due date without a reason: %v", err)
	}
	if moved.Due != model.NewDate(2026, 2, 27) || moved.Version != 1 {
		t.Fatalf("the refused save changed the caller's record: %+v", moved)
	}
	if got, _ := s.Dossier(d.ID); got.Version != 1 || got.Due != d.Due {
		t.Fatalf("the refused save was stored: %+v", got)
	}
	moved.DueReason = "Chờ xác minh chữ ký tại UBND xã Đông Hòa"
	if err := s.SaveDossier(&moved); err != nil {
		t.Fatal(err)
	}
	again := moved
	again.Due = model.NewDate(2026, 3, 2)
	if err := s.SaveDossier(&again); !errors.As(err, &ve) || ve.Fields[0].Field != "DueReason" {
		t.Fatalf("a second change with the same reason: %v", err)
	}
	trail, _ := s.Audit(model.KindDossier, d.ID)
	last := trail[len(trail)-1]
	fields := map[string]model.Change{}
	for _, ch := range last.Changes {
		fields[ch.Field] = ch
	}
	if fields["Due"].Old != "26/02/2026" || fields["Due"].New != "27/02/2026" || fields["DueReason"].New == "" {
		t.Fatalf("the change of due date is not audited with its reason: %+v", last.Changes)
	}

	// A due date before the receipt is refused.
	bad := moved
	bad.Due, bad.DueReason = model.NewDate(2026, 2, 10), "nhầm"
	if err := s.SaveDossier(&bad); !errors.As(err, &ve) || ve.Fields[0].Field != "Due" {
		t.Fatalf("due before the receipt: %v", err)
	}

	// Correcting the receipt under a computed due date moves it.
	e := model.Dossier{ProcedureName: "Chứng thực bản sao", Field: model.FieldCertification, WorkingDays: 3,
		ApplicantID: c.ID, Channel: model.ChannelDirect, Status: model.DossierInProgress,
		ReceivedAt: time.Date(2026, 2, 13, 10, 0, 0, 0, model.VN)}
	if err := s.SaveDossier(&e); err != nil || e.Due != model.NewDate(2026, 2, 25) {
		t.Fatalf("before the cut-off: due %s, %v", e.Due, err)
	}
	e.ReceivedAt = time.Date(2026, 2, 13, 15, 30, 0, 0, model.VN)
	if err := s.SaveDossier(&e); err != nil || e.Due != model.NewDate(2026, 2, 26) {
		t.Fatalf("after correcting the receipt: due %s, %v", e.Due, err)
	}

	// The office's overrides count: Saturday 21/02 worked.
	o, _ := s.Office()
	o.Name, o.Place = "UBND xã Quang Trung", "Quang Trung"
	o.DayOverrides = []model.DayOverride{{Date: model.NewDate(2026, 2, 21), Kind: model.WorkDay, Note: "Làm bù"}}
	if err := s.SaveOffice(&o); err != nil {
		t.Fatal(err)
	}
	f := e
	f.ID, f.Version, f.Code, f.Due = 0, 0, "", 0
	if err := s.SaveDossier(&f); err != nil || f.Due != model.NewDate(2026, 2, 25) {
		t.Fatalf("with 21/02 worked: due %s, %v", f.Due, err)
	}
}
