package tui_test

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
)

// The administrator keeps the procedure catalogue and the deadline rules
// from F12; bad input names the field and saves nothing.
func TestCatalogueAndDeadlineRulesScreens(t *testing.T) {
	db, chi := openAdminDB(t, nil)
	d := deskAs(t, db, chi)
	d.send(tea.KeyMsg{Type: tea.KeyF12})
	d.expect("5. Danh mục thủ tục hành chính", "6. Thời hạn theo quy định")
	before, _ := db.For("x").Procedures()
	d.typeText("5")
	d.expectLine("Đăng ký khai sinh", "Hộ tịch", "1", "Đang dùng") // the seeded catalogue
	d.key(tea.KeyCtrlN, 1)
	d.expect("Thêm thủ tục")
	d.typeText("Đăng ký giám hộ")
	d.key(tea.KeyTab, 2) // to the working days
	d.typeText("-3")
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("phải từ 0 đến")
	if ps, _ := db.For("x").Procedures(); len(ps) != len(before) {
		t.Fatalf("a refused procedure was saved: %+v", ps)
	}
	d.key(tea.KeyBackspace, 2)
	d.typeText("5")
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expectLine("Đăng ký giám hộ", "Hộ tịch", "5", "Đang dùng")
	ps, _ := db.For("x").Procedures()
	var added *model.Procedure
	for i := range ps {
		if ps[i].Name == "Đăng ký giám hộ" {
			added = &ps[i]
		}
	}
	if len(ps) != len(before)+1 || added == nil || added.WorkingDays != 5 || added.CreatedBy != "chi" {
		t.Fatalf("catalogue %+v", ps)
	}

	d.key(tea.KeyEsc, 1)
	d.typeText("6")
	d.expectLine("Xử lý đơn", "10 ngày làm việc", "Thông tư 05/2021/TT-T")
	d.expectLine("Khiếu nại: thụ lý", "10 ngày", "Luật Khiếu nại 2011", "01/07/2012")
	// A new version of the classification rule, from 01/12/2026.
	d.key(tea.KeyCtrlN, 1)
	d.expect("Thêm quy định thời hạn")
	d.key(tea.KeyTab, 1) // days
	d.typeText("0")
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("phải từ 1 đến 365")
	if o, _ := db.For("x").Office(); len(o.DeadlineRules) != 0 {
		t.Fatalf("a refused rule was saved: %+v", o.DeadlineRules)
	}
	d.key(tea.KeyBackspace, 1)
	d.typeText("7")
	d.key(tea.KeyTab, 2) // basis
	d.typeText("Quyết định số 12/QĐ-UBND")
	d.key(tea.KeyTab, 1)
	d.typeText("01/12/2026")
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expectLine("Xử lý đơn", "7 ngày làm việc", "Quyết định số", "01/12/2026")
	o, _ := db.For("x").Office()
	rule, ok := model.DeadlineRuleAt(o.DeadlineRules, model.DeadlineClassify, model.NewDate(2026, 12, 2))
	if !ok || rule.Days != 7 || len(o.DeadlineRules) != len(model.DefaultDeadlineRules(10))+1 {
		t.Fatalf("rules %+v", o.DeadlineRules)
	}
	if old, _ := model.DeadlineRuleAt(o.DeadlineRules, model.DeadlineClassify, model.NewDate(2026, 11, 30)); old.Days != 10 {
		t.Fatalf("the old version changed: %+v", old)
	}
	// The session now gives new records' deadlines by the saved rules.
	if r, _ := model.DeadlineRuleAt(d.C.Office.Deadlines(), model.DeadlineClassify, model.NewDate(2026, 12, 2)); r.Days != 7 {
		t.Fatalf("the session kept the old rules: %+v", r)
	}
}
