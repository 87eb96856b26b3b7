package storage_test

import (
	"encoding/binary"
	"errors"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/storage"
)

func dialogue(d model.Date, answered, away int) model.Dialogue {
	return model.Dialogue{Date: d, Scheduled: true, Place: "Nhà văn hóa thôn 3", Presiding: "Chủ tịch Nguyễn Văn Thành",
		With: model.WithVillage, Attendees: 120, Matters: "Đường giao thông nội đồng", Field: model.FieldLand,
		Answered: answered, TakenAway: away, FollowUp: "Trả lời bằng văn bản", FollowUpDue: d.AddDays(15)}
}

// The three new registers save, list newest first, and reach the period
// scan with what the summary counts; a voided record stops counting.
func TestFriendlyRecordsScan(t *testing.T) {
	db, _ := openTest(t)
	s := db.For("an")
	day := model.DateOf(testNow)
	d1, d2 := dialogue(day.AddDays(-20), 5, 2), dialogue(day.AddDays(-2), 3, 0)
	d2.With, d2.Scheduled = model.WithYouth, false
	for _, d := range []*model.Dialogue{&d1, &d2} {
		if err := s.SaveDialogue(d); err != nil {
			t.Fatal(err)
		}
	}
	sv := model.Survey{Date: day, Medium: model.SurveyPaper, FormsOut: 50, FormsReturned: 40, VerySatisfied: 25, Satisfied: 14, Unsatisfied: 1}
	if err := s.SaveSurvey(&sv); err != nil {
		t.Fatal(err)
	}
	bad := model.Survey{Date: day, Medium: model.SurveyPaper, FormsOut: 10, FormsReturned: 10, VerySatisfied: 8, Satisfied: 5}
	if err := s.SaveSurvey(&bad); err == nil {
		t.Fatal("levels adding up to more than the forms returned were saved")
	}
	for _, k := range []model.LetterKind{model.LetterCongrat, model.LetterCongrat, model.LetterCondolence} {
		l := model.Letter{Date: day, LetterKind: k, Recipient: "Gia đình ông Lê Văn Tám"}
		if err := s.SaveLetter(&l); err != nil {
			t.Fatal(err)
		}
	}
	ghost := dialogue(day, 1, 0)
	ghost.CaseID = 999
	var ve *model.ValidationError
	if err := s.SaveDialogue(&ghost); !errors.As(err, &ve) || ve.Fields[0].Field != "CaseID" {
		t.Fatalf("a dialogue linked to no case: %v", err)
	}
	page, err := s.ListDialogues(model.ListQuery{})
	if err != nil || len(page.Items) != 2 || page.Items[0].ID != d2.ID {
		t.Fatalf("dialogues listed: %+v %v", page.Items, err)
	}
	if err := s.Void(model.KindLetter, 3, 1, "Nhập nhầm"); err != nil {
		t.Fatal(err)
	}
	var dl []model.DialogueFacts
	var svs []model.SurveyFacts
	letters := map[model.LetterKind]int{}
	procs := 0
	err = s.ScanPeriod(day.AddDays(-30), day, model.PeriodVisitor{
		Dialogue:  func(f model.DialogueFacts) error { dl = append(dl, f); return nil },
		Survey:    func(f model.SurveyFacts) error { svs = append(svs, f); return nil },
		Letter:    func(f model.LetterFacts) error { letters[f.Kind]++; return nil },
		Procedure: func(model.ProcedureFacts) error { procs++; return nil },
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(dl) != 2 || dl[0].Answered != 5 || dl[0].TakenAway != 2 || dl[1].With != model.WithYouth || dl[1].Scheduled {
		t.Fatalf("dialogue facts: %+v", dl)
	}
	if len(svs) != 1 || svs[0].Returned != 40 || svs[0].Unsatis != 1 {
		t.Fatalf("survey facts: %+v", svs)
	}
	if letters[model.LetterCongrat] != 2 || letters[model.LetterCondolence] != 0 {
		t.Fatalf("letters (the condolence one voided): %v", letters)
	}
	if procs == 0 {
		t.Fatal("the catalogue was not visited")
	}
}

// A schema 6 file opens, gains the new registers, and takes a dialogue.
func TestSchema6FileGainsTheNewRegisters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := storage.Open(path, storage.Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	c := newCitizen(t, db.For("an"), "Lê Thị Cũ", "", "")
	db.Close()
	b, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = b.Update(func(tx *bolt.Tx) error {
		for _, name := range []string{"dialogue", "survey", "letter"} {
			if err := tx.DeleteBucket([]byte(name)); err != nil {
				return err
			}
		}
		idx := tx.Bucket([]byte("idx"))
		for _, name := range []string{"date.dialogue", "date.survey", "date.letter", "due.dialogue", "date.case"} {
			if err := idx.DeleteBucket([]byte(name)); err != nil {
				return err
			}
		}
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), binary.BigEndian.AppendUint32(nil, 6))
	})
	b.Close()
	if err != nil {
		t.Fatal(err)
	}
	db, err = storage.Open(path, storage.Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s := db.For("an")
	if got, err := s.Citizen(c.ID); err != nil || got.FullName != "Lê Thị Cũ" {
		t.Fatalf("the old record: %+v %v", got, err)
	}
	d := dialogue(model.DateOf(testNow), 1, 1)
	if err := s.SaveDialogue(&d); err != nil {
		t.Fatal(err)
	}
	if err := db.Verify(); err != nil {
		t.Fatal(err)
	}
}

// A change to what a closed period counted needs a reason, kept in the
// audit log; a change that counts for nothing (a note, a follow-up done
// later) does not; the open window follows the office's setting.
func TestClosedPeriodNeedsAReason(t *testing.T) {
	db, _ := openTest(t)
	s := db.For("an")
	l := model.Letter{Date: model.NewDate(2026, 9, 25), LetterKind: model.LetterCongrat, Recipient: "Gia đình ông Lê Văn Tám"}
	if err := s.SaveLetter(&l); err != nil {
		t.Fatal(err)
	}
	l.Note = "Đã gửi qua trưởng thôn"
	if err := s.SaveLetter(&l); err != nil {
		t.Fatalf("a note on a closed period's letter: %v", err)
	}
	l.LetterKind = model.LetterThanks
	var ve *model.ValidationError
	if err := s.SaveLetter(&l); !errors.As(err, &ve) || ve.Fields[0].Field != "ChangeReason" ||
		ve.Fields[0].Args[0] != "01/10/2026" {
		t.Fatalf("September's letter changed kind without a reason: %v", err)
	}
	l.ChangeReason = "Ghi nhầm loại thư"
	if err := s.SaveLetter(&l); err != nil {
		t.Fatal(err)
	}
	evs, _ := s.Audit(model.KindLetter, l.ID)
	if len(evs) == 0 || evs[len(evs)-1].Reason != "Ghi nhầm loại thư" && evs[0].Reason != "Ghi nhầm loại thư" {
		t.Fatalf("the reason is not in the audit log: %+v", evs)
	}
	d := dialogue(model.NewDate(2026, 9, 8), 3, 1)
	if err := s.SaveDialogue(&d); err != nil {
		t.Fatal(err)
	}
	d.FollowUpDone = model.NewDate(2026, 10, 20)
	if err := s.SaveDialogue(&d); err != nil {
		t.Fatalf("a follow-up done later: %v", err)
	}
	// an official window: 15/10-14/11 is open on 21/10, 10/10 is closed
	off, _ := s.Office()
	off.Name, off.Place, off.ReportWindow = "UBND xã Quang Trung", "Quang Trung", model.WindowOfficial
	if err := s.SaveOffice(&off); err != nil {
		t.Fatal(err)
	}
	if got := off.OpenFrom(model.NewDate(2026, 10, 21)); got != model.NewDate(2026, 10, 15) {
		t.Fatalf("open from %v", got)
	}
	if got := off.OpenFrom(model.NewDate(2026, 10, 10)); got != model.NewDate(2026, 9, 15) {
		t.Fatalf("open from %v on 10/10", got)
	}
	sv := model.Survey{Date: model.NewDate(2026, 10, 10), Medium: model.SurveyPaper, FormsOut: 20, FormsReturned: 20, Satisfied: 20}
	if err := s.SaveSurvey(&sv); err != nil {
		t.Fatal(err)
	}
	sv.Satisfied, sv.VerySatisfied = 15, 5
	if err := s.SaveSurvey(&sv); !errors.As(err, &ve) || ve.Fields[0].Field != "ChangeReason" {
		t.Fatalf("a survey of a closed official window changed without a reason: %v", err)
	}
}
