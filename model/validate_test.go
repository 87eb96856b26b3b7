package model_test

import (
	"errors"
	"testing"
	"time"

	"github.com/tiepdan/tiepdan/model"
)

var now = time.Date(2026, 10, 21, 9, 0, 0, 0, model.VN)

func today() model.Date { return model.DateOf(now) }

func goodReception() model.Reception {
	return model.Reception{At: now.Add(-time.Hour), RecKind: model.ReceptionRegular, CitizenID: 1, HeadCount: 1,
		Summary: "Hỏi về thủ tục", Content: model.ContentReflection, Field: model.FieldOther,
		Matter: model.MatterFirst, Handling: model.HandlingGuided}
}

func goodPetition() model.Petition {
	return model.Petition{Received: today(), Source: model.SourcePost, CitizenID: 1, Summary: "Khiếu nại",
		Content: model.ContentComplaint, Field: model.FieldLand, Eligibility: model.EligibilityEligible,
		InJurisdiction: true, Status: model.PetitionHandling}
}

func goodDossier() model.Dossier {
	return model.Dossier{ProcedureName: "Chứng thực chữ ký", Field: model.FieldCertification, WorkingDays: 1,
		ApplicantID: 1, Channel: model.ChannelDirect, ReceivedAt: now, Due: today().AddDays(1), Status: model.DossierInProgress}
}

// fails asserts that rec fails validation on field with code.
func fails(t *testing.T, rec model.Record, field, code string) {
	t.Helper()
	rec.Normalize()
	err := rec.Validate(now)
	var ve *model.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("want error on %s, got %v", field, err)
	}
	fe, ok := ve.For(field)
	if !ok {
		t.Fatalf("want error on %s, got %v", field, ve)
	}
	if fe.Code != code {
		t.Fatalf("error on %s = %s, want %s", field, fe.Code, code)
	}
}

func TestCitizenValidation(t *testing.T) {
	tests := []struct {
		name, field, code string
		edit              func(*model.Citizen)
	}{
		{"empty name", "FullName", model.ErrCodeRequired, func(c *model.Citizen) { c.FullName = "  \u200b " }},
		{"ID 10 digits", "IDNumber", model.ErrCodeIDNumber, func(c *model.Citizen) { c.IDNumber = "0123456789" }},
		{"ID with letters", "IDNumber", model.ErrCodeIDNumber, func(c *model.Citizen) { c.IDNumber = "00120300123A" }},
		{"CCCD bad province 099", "IDNumber", model.ErrCodeIDNumber, func(c *model.Citizen) { c.IDNumber = "099203001234" }},
		{"CCCD province 000", "IDNumber", model.ErrCodeIDNumber, func(c *model.Citizen) { c.IDNumber = "000203001234" }},
		{"phone too short", "Phone", model.ErrCodePhone, func(c *model.Citizen) { c.Phone = "091234" }},
		{"phone bad prefix", "Phone", model.ErrCodePhone, func(c *model.Citizen) { c.Phone = "0112345678" }},
		{"born in the future", "BirthYear", model.ErrCodeRange, func(c *model.Citizen) { c.BirthYear = 2030 }},
		{"born 1800", "BirthYear", model.ErrCodeRange, func(c *model.Citizen) { c.BirthYear = 1800 }},
		{"bad gender", "Gender", model.ErrCodeChoice, func(c *model.Citizen) { c.Gender = "x" }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := model.Citizen{FullName: "Nguyễn Văn Ân"}
			tc.edit(&c)
			fails(t, &c, tc.field, tc.code)
		})
	}
	ok := []model.Citizen{
		{FullName: "Ân", IDNumber: "001 203 001 234", Phone: "+84 912 345 678"},
		{FullName: "Ân", IDNumber: "123456789", Phone: "024 3825 1234", BirthYear: 1950},
	}
	for _, c := range ok {
		c.Normalize()
		if err := c.Validate(now); err != nil {
			t.Errorf("%+v: %v", c, err)
		}
	}
}

func TestReceptionValidation(t *testing.T) {
	tests := []struct {
		name, field, code string
		edit              func(*model.Reception)
	}{
		{"head count 0", "HeadCount", model.ErrCodeRange, func(r *model.Reception) { r.HeadCount = 0 }},
		{"head count 10000", "HeadCount", model.ErrCodeRange, func(r *model.Reception) { r.HeadCount = 10000 }},
		{"tomorrow", "At", model.ErrCodeFuture, func(r *model.Reception) { r.At = now.Add(24 * time.Hour) }},
		{"no time", "At", model.ErrCodeRequired, func(r *model.Reception) { r.At = time.Time{} }},
		{"empty summary", "Summary", model.ErrCodeRequired, func(r *model.Reception) { r.Summary = "\n \t" }},
		{"no citizen", "CitizenID", model.ErrCodeRequired, func(r *model.Reception) { r.CitizenID = 0 }},
		{"session visit without session", "SessionID", model.ErrCodeRequired, func(r *model.Reception) { r.RecKind = model.ReceptionInSession }},
		{"no content kind", "Content", model.ErrCodeChoice, func(r *model.Reception) { r.Content = "" }},
		{"land dispute outside land", "LandDispute", model.ErrCodeLandField, func(r *model.Reception) { r.LandDispute = true }},
		{"transfer without where", "TransferredTo", model.ErrCodeRequired, func(r *model.Reception) { r.Handling = model.HandlingTransferred }},
		{"follow-up before visit", "FollowUpDue", model.ErrCodeBefore, func(r *model.Reception) { r.FollowUpDue = today().AddDays(-3) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := goodReception()
			tc.edit(&r)
			fails(t, &r, tc.field, tc.code)
		})
	}
	r := goodReception()
	if err := r.Validate(now); err != nil {
		t.Fatalf("good reception: %v", err)
	}
}

func TestPetitionValidation(t *testing.T) {
	tests := []struct {
		name, field, code string
		edit              func(*model.Petition)
	}{
		{"received tomorrow", "Received", model.ErrCodeFuture, func(p *model.Petition) { p.Received = today().AddDays(1) }},
		{"no sender, not anonymous", "CitizenID", model.ErrCodeRequired, func(p *model.Petition) { p.CitizenID = 0 }},
		{"resolved without date", "Resolved", model.ErrCodeRequired, func(p *model.Petition) { p.Status = model.PetitionResolved; p.Outcome = model.OutcomeRight }},
		{"complaint resolved without outcome", "Outcome", model.ErrCodeOutcome, func(p *model.Petition) { p.Status = model.PetitionResolved; p.Resolved = today() }},
		{"resolved outside jurisdiction", "Status", model.ErrCodeJurisdiction, func(p *model.Petition) {
			p.Status, p.Resolved, p.Outcome, p.InJurisdiction = model.PetitionResolved, today(), model.OutcomeRight, false
		}},
		{"transferred in jurisdiction", "Status", model.ErrCodeJurisdiction, func(p *model.Petition) {
			p.Status, p.Resolved, p.TransferredTo = model.PetitionTransferred, today(), "UBND huyện"
		}},
		{"resolved before received", "Resolved", model.ErrCodeBefore, func(p *model.Petition) {
			p.Status, p.Resolved, p.Outcome = model.PetitionResolved, today().AddDays(-1), model.OutcomeRight
		}},
		{"co-signers 10000", "CoSigners", model.ErrCodeRange, func(p *model.Petition) { p.CoSigners = 10000 }},
		{"due before received", "Due", model.ErrCodeBefore, func(p *model.Petition) { p.Due = today().AddDays(-1) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := goodPetition()
			tc.edit(&p)
			fails(t, &p, tc.field, tc.code)
		})
	}
	p := goodPetition()
	p.CitizenID, p.Eligibility = 0, model.EligibilityAnonymous
	if err := p.Validate(now); err != nil {
		t.Fatalf("anonymous petition: %v", err)
	}
}

func TestDossierValidation(t *testing.T) {
	tests := []struct {
		name, field, code string
		edit              func(*model.Dossier)
	}{
		{"received in the future", "ReceivedAt", model.ErrCodeFuture, func(d *model.Dossier) { d.ReceivedAt = now.Add(2 * time.Hour) }},
		{"due before receipt", "Due", model.ErrCodeBefore, func(d *model.Dossier) { d.Due = today().AddDays(-1) }},
		{"no applicant", "ApplicantID", model.ErrCodeRequired, func(d *model.Dossier) { d.ApplicantID = 0 }},
		{"no channel", "Channel", model.ErrCodeChoice, func(d *model.Dossier) { d.Channel = "fax" }},
		{"resolved status without date", "Resolved", model.ErrCodeRequired, func(d *model.Dossier) { d.Status = model.DossierResolved }},
		{"resolved date while open", "Resolved", model.ErrCodeNotAllowed, func(d *model.Dossier) { d.Resolved = today() }},
		{"negative working days", "WorkingDays", model.ErrCodeRange, func(d *model.Dossier) { d.WorkingDays = -1 }},
		{"no procedure", "ProcedureName", model.ErrCodeRequired, func(d *model.Dossier) { d.ProcedureName = "" }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := goodDossier()
			tc.edit(&d)
			fails(t, &d, tc.field, tc.code)
		})
	}
}

func TestParseDate(t *testing.T) {
	good := map[string]string{"21/10/2026": "2026-10-21", "1/2/26": "2026-02-01", "2026-10-21": "2026-10-21",
		"29.02.2024": "2024-02-29", " 05-06-2025 ": "2025-06-05"}
	for in, want := range good {
		d, err := model.ParseDate(in)
		if err != nil || d.ISO() != want {
			t.Errorf("ParseDate(%q) = %s, %v; want %s", in, d.ISO(), err, want)
		}
	}
	for _, in := range []string{"", "31/02/2026", "29/02/2025", "00/01/2026", "1/13/2026", "hôm qua", "1/1/1800", "12/2026"} {
		if _, err := model.ParseDate(in); err == nil {
			t.Errorf("ParseDate(%q) accepted", in)
		}
	}
	d := model.NewDate(2026, 10, 21)
	if d.Weekday() != time.Wednesday || d.String() != "21/10/2026" {
		t.Errorf("date %v weekday %v", d, d.Weekday())
	}
	at, err := model.ParseDateTime("21/10/2026 14:30")
	if err != nil || model.FormatDateTime(at) != "21/10/2026 14:30" || at.Location() != time.UTC {
		t.Errorf("ParseDateTime: %v %v", at, err)
	}
}
