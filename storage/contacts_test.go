package storage_test

import (
	"testing"
	"time"

	"github.com/tiepdan/tiepdan/model"
)

// A name and a birth year together find the person among namesakes, and a
// year still being typed narrows as it grows.
func TestSearchByNameAndBirthYear(t *testing.T) {
	db, _ := openTest(t)
	s := db.For("x")
	for i, y := range []int{1966, 1972, 1966, 0} {
		c := model.Citizen{FullName: "Nguyễn Văn Bình", BirthYear: y, Address: "Thôn " + string(rune('1'+i))}
		if err := s.SaveCitizen(&c); err != nil {
			t.Fatal(err)
		}
	}
	other := model.Citizen{FullName: "Nguyễn Thị Bình", BirthYear: 1966}
	numbered := model.Citizen{FullName: "Khách 19 Lượt 003", BirthYear: 1990}
	for _, c := range []*model.Citizen{&other, &numbered} {
		if err := s.SaveCitizen(c); err != nil {
			t.Fatal(err)
		}
	}
	for q, want := range map[string]int{"nguyen van binh 1966": 2, "binh 1972": 1, "nguyen van binh 19": 3,
		"nguyen van binh": 4, "binh 1966": 3, "nguyen van binh 1980": 0,
		// a number that is no birth year is part of the name
		"khach 19 luot 003": 1, "khach 19": 1} {
		got, err := s.SearchCitizens(q, 20)
		if err != nil || len(got) != want {
			t.Errorf("%q found %d (%v), want %d", q, len(got), err, want)
		}
		for _, c := range got {
			if q == "binh 1972" && c.BirthYear != 1972 {
				t.Errorf("%q found %+v", q, c)
			}
		}
	}
}

// LastContacts gives each citizen's latest live visit or petition and the
// count of their open cases.
func TestLastContacts(t *testing.T) {
	db, _ := openTest(t)
	s := db.For("x")
	a := newCitizen(t, s, "Lê Văn Tám", "", "")
	b := newCitizen(t, s, "Lê Văn Chín", "", "")
	visit := func(day int, summary string) model.Reception {
		r := model.Reception{At: time.Date(2026, 10, day, 9, 0, 0, 0, time.Local), RecKind: model.ReceptionRegular,
			CitizenID: a.ID, HeadCount: 1, Summary: summary, Content: model.ContentProposal, Field: model.FieldOther,
			Matter: model.MatterFirst, Handling: model.HandlingGuided}
		if err := s.SaveReception(&r); err != nil {
			t.Fatal(err)
		}
		return r
	}
	visit(5, "Hỏi đường")
	visit(12, "Đề nghị sửa cống")
	got, err := s.LastContacts([]uint64{a.ID, b.ID})
	if err != nil {
		t.Fatal(err)
	}
	x, ok := got[a.ID]
	if !ok || x.Summary != "Đề nghị sửa cống" || x.Date.String() != "12/10/2026" || x.OpenCases != 2 {
		t.Fatalf("last contact of a: %+v", x)
	}
	if _, ok := got[b.ID]; ok {
		t.Fatalf("b has no contact: %+v", got[b.ID])
	}
}
