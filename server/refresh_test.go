package server_test

import (
	"testing"
	"time"

	"github.com/tiepdan/tiepdan/model"
)

func TestListRefreshesWhenAnotherSessionSaves(t *testing.T) {
	f := start(t, nil)
	c := f.keyLogin("binh")
	tm := f.open(c)
	tm.waitFor("Hôm nay")
	tm.send("\x1bOR") // F3: the reception register
	tm.waitFor("Chưa có bản ghi nào")
	s := f.db.As(model.Staff{Username: "an", Role: model.RoleClerk})
	cit := model.Citizen{FullName: "Đỗ Thị Én"}
	if err := s.SaveCitizen(&cit); err != nil {
		t.Fatal(err)
	}
	r := model.Reception{At: time.Now().Add(-time.Minute), RecKind: model.ReceptionRegular, CitizenID: cit.ID, HeadCount: 1,
		Summary: "Hỏi đường", Content: model.ContentProposal, Field: model.FieldOther,
		Matter: model.MatterFirst, Handling: model.HandlingGuided}
	if err := s.SaveReception(&r); err != nil {
		t.Fatal(err)
	}
	tm.waitFor("Đỗ Thị Én")
}
