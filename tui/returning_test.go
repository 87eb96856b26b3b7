package tui_test

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
)

// A returning citizen is found by name and birth year together; each
// picker row says when the citizen last came and about what; picking a
// citizen with an open case offers it at once, one key continues it, and
// the clerk goes on typing at the next field.
func TestReturningCitizenIsFoundAndOfferedTheOpenCase(t *testing.T) {
	d := newDriver(t, true)
	s := d.DB.For("x")
	var binh model.Citizen
	for _, y := range []int{1972, 1966} {
		c := model.Citizen{FullName: "Nguyễn Văn Bình", BirthYear: y, Address: "Thôn Đông"}
		if err := s.SaveCitizen(&c); err != nil {
			t.Fatal(err)
		}
		binh = c
	}
	r := model.Reception{At: time.Date(2026, 10, 12, 9, 0, 0, 0, time.Local), RecKind: model.ReceptionRegular,
		CitizenID: binh.ID, HeadCount: 1, Summary: "Tranh chấp lối đi chung", Content: model.ContentProposal,
		Field: model.FieldLand, Matter: model.MatterFirst, Handling: model.HandlingGuided}
	if err := s.SaveReception(&r); err != nil {
		t.Fatal(err)
	}
	d.key(tea.KeyF3, 1)
	d.key(tea.KeyCtrlN, 1)
	d.key(tea.KeyEnter, 1)
	d.typeText("nguyen van binh 1966")
	d.expectLine("Nguyễn Văn Bình", "1966")
	d.expectNot("1972")
	d.expect("1 vụ việc đang mở · Lần cuối 12/10/2026 (Tiếp dân): Tranh chấp lối đi chung")
	d.key(tea.KeyEnter, 1)
	d.expect("Công dân có vụ việc đang mở", "Tranh chấp lối đi chung")
	d.typeText("2")
	d.expectLine("▸ Số người", "1")
	d.expectLine("Vụ việc", "#1", "Tranh chấp lối đi chung")
}
