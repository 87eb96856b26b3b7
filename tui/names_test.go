package tui_test

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
)

// Records and forms name staff by full name, not by login: who received a
// visit (picked among the office's staff) and who created and last changed
// a record.
func TestRecordsNameStaffByFullName(t *testing.T) {
	db, _ := openAdminDB(t, nil)
	hoa := model.Staff{Username: "hoa", FullName: "Nguyễn Thị Hoa", Role: model.RoleClerk}
	if err := db.For("quantri").SaveStaff(&hoa); err != nil {
		t.Fatal(err)
	}
	d := deskAs(t, db, hoa)
	d.fillReception("Vũ Thị Hằng", "Xin xác nhận tạm trú")
	d.key(tea.KeyTab, 8) // land, case, second case, written, handling, transferred to, handled before, received by
	d.expectLine("▸ Người tiếp", "Nguyễn Thị Hoa")
	d.typeText("le")
	d.expectLine("▸ Người tiếp", "Lê Thị Chi")
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.key(tea.KeyEnter, 1)
	d.expectLine("Người tiếp", "Lê Thị Chi")
	d.expect("Tạo bởi Nguyễn Thị Hoa")
	d.expectNot("Tạo bởi hoa")
	rs, _ := db.For("x").ListReceptions(model.ListQuery{Limit: 5})
	if len(rs.Items) != 1 || rs.Items[0].ReceivedBy != "chi" {
		t.Fatalf("received by is not kept as the login: %+v", rs.Items)
	}
}

// A session's presiding leader is picked from the office's leaders as set
// in the settings, not typed: letters typed pick by name, a letter that
// picks nobody changes nothing, and the summary says who presided.
func TestPresidingIsPickedFromTheOfficesLeaders(t *testing.T) {
	d := newDriver(t, true)
	o, _ := d.DB.For("x").Office()
	o.Leaders = []string{"Chủ tịch Nguyễn Văn An", "Phó Chủ tịch Trần Thị Bình"}
	if err := d.DB.For("x").SaveOffice(&o); err != nil {
		t.Fatal(err)
	}
	d.C.SetOffice(o)
	d.send(tea.KeyMsg{Type: tea.KeyF7})
	d.key(tea.KeyCtrlN, 1)
	d.key(tea.KeyTab, 2)
	d.expectLine("▸ Người chủ trì", "Chủ tịch Nguyễn Văn An")
	d.typeText("tran")
	d.expectLine("▸ Người chủ trì", "Phó Chủ tịch Trần Thị Bình")
	d.typeText("xyz")
	d.expectLine("▸ Người chủ trì", "Phó Chủ tịch Trần Thị Bình")
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("Buổi tiếp ngày 21/10/2026", "Phó Chủ tịch Trần Thị Bình")
	d.send(tea.KeyMsg{Type: tea.KeyF11})
	d.key(tea.KeyEnter, 1) // the written report
	d.expect("Phó Chủ tịch Trần Thị Bình chủ trì")
}
