package tui_test

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
)

// Saving a new session opens it, ready for its first visitor; the visitors
// on a session's page can be opened (↓ to choose, Enter to open).
func TestSessionOpensOnSaveAndItsVisitorsOpen(t *testing.T) {
	d := newDriver(t, true)
	d.newSession("chu")
	d.key(tea.KeyCtrlN, 1)
	d.expect("Buổi tiếp — người tiếp theo")
	d.nextVisitor("Hoàng Văn Em", "Kiến nghị về điện chiếu sáng")
	d.nextVisitor("Đinh Thị Gấm", "Hỏi về bảo hiểm y tế")
	d.key(tea.KeyEsc, 1)
	d.expect("Đã tiếp 2 lượt", "Enter Xem")
	d.key(tea.KeyDown, 1)
	d.key(tea.KeyEnter, 1)
	d.expect("Lượt tiếp số 2", "Hỏi về bảo hiểm y tế")
	d.key(tea.KeyEsc, 1)
	d.key(tea.KeyUp, 1)
	d.key(tea.KeyEnter, 1)
	d.expect("Lượt tiếp số 1", "Kiến nghị về điện chiếu sáng")
}

// The footer shows the keys that work on the screen: F12 where the staff
// member may administer (and not where not), and F10 always, however many
// keys the page has; ↑↓ on a list of more than one row.
func TestFooterShowsTheKeysThatWork(t *testing.T) {
	db, _ := openAdminDB(t, nil)
	admin := deskAs(t, db, model.Staff{Username: "quantri", Role: model.RoleAdmin})
	clerk := deskAs(t, db, model.Staff{Username: "an", Role: model.RoleClerk})
	footer := func(d *driver) string {
		lines := strings.Split(d.screen(), "\n")
		return lines[len(lines)-1]
	}
	for _, d := range []*driver{admin, clerk} {
		d.key(tea.KeyF5, 1)
	}
	if f := footer(admin); !strings.Contains(f, "F12 Quản trị") || !strings.Contains(f, "F10 Thoát") {
		t.Errorf("admin's footer: %q", f)
	}
	if f := footer(clerk); strings.Contains(f, "F12") || !strings.Contains(f, "F10 Thoát") {
		t.Errorf("clerk's footer: %q", f)
	}
	// ↑↓ once a list has rows to move between
	if strings.Contains(admin.screen(), "↑↓") {
		t.Errorf("↑↓ on an empty list: %q", footer(admin))
	}
	d := newDriver(t, true)
	d.fillReception("Hồ Văn Mạnh", "Hỏi về thủ tục cấp đổi căn cước")
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.fillReception("Hồ Thị Nụ", "Hỏi về trợ cấp người cao tuổi")
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("↑↓ Chọn")
}

// The header says who is logged in, by full name, and in which office.
func TestHeaderSaysWhoAndWhere(t *testing.T) {
	db, _ := openAdminDB(t, nil)
	o, _ := db.For("x").Office()
	o.Name, o.Place = "UBND phường Hòa Bình", "Hòa Bình"
	if err := db.For("x").SaveOffice(&o); err != nil {
		t.Fatal(err)
	}
	d := deskAs(t, db, model.Staff{Username: "hoa", FullName: "Nguyễn Thị Hoa", Role: model.RoleClerk})
	d.key(tea.KeyCtrlR, 1)
	lines := strings.Split(d.screen(), "\n")
	if !strings.Contains(lines[1], "Nguyễn Thị Hoa") || !strings.Contains(lines[1], "UBND phường Hòa Bình") {
		t.Errorf("the header does not say who and where: %q", lines[:2])
	}
	if strings.Contains(lines[1], "hoa ") {
		t.Errorf("the login is shown, not the name: %q", lines[1])
	}
}

// A choice field takes a run of letters as a search by the start of any
// word of its options ("ha" is "Hành chính, cán bộ", "an ninh" is "Tư
// pháp, an ninh trật tự"), shows what was typed, and ignores a key that
// would pick nothing, instead of jumping on every key.
func TestChoiceFieldSearchesByWordPrefix(t *testing.T) {
	d := newDriver(t, true)
	d.key(tea.KeyF3, 1)
	d.key(tea.KeyCtrlN, 1)
	d.key(tea.KeyEnter, 1)
	d.typeText("Mai Văn Phúc")
	d.key(tea.KeyCtrlN, 1)
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.key(tea.KeyTab, 3) // summary, content kind, field
	d.expectLine("▸ Lĩnh vực", "gõ chữ đầu")
	d.typeText("h")
	d.typeText("a")
	d.expectLine("▸ Lĩnh vực", "Hành chính, cán bộ", "gõ: ha")
	d.typeText("q") // picks nothing: ignored
	d.expectLine("▸ Lĩnh vực", "Hành chính, cán bộ", "gõ: ha")
	d.key(tea.KeyShiftTab, 1)
	d.key(tea.KeyTab, 1) // a new search
	d.typeText("an")
	d.send(tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}) // as a terminal sends it
	d.typeText("ninh")
	d.expectLine("▸ Lĩnh vực", "Tư pháp, an ninh trật tự")
	d.key(tea.KeyBackspace, 1) // one letter back: still the same option
	d.expectLine("▸ Lĩnh vực", "Tư pháp, an ninh trật tự", "gõ: an nin")
}

// newSession saves a new periodic session presided by the leader the
// letters pick picks among the office's: saving opens its page.
func (d *driver) newSession(pick string) {
	d.T.Helper()
	d.send(tea.KeyMsg{Type: tea.KeyF7})
	d.key(tea.KeyCtrlN, 1)
	d.key(tea.KeyTab, 2)
	d.typeText(pick)
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("Buổi tiếp ngày 21/10/2026", "Đã tiếp 0 lượt")
}

// nextVisitor fills the open "người tiếp theo" form for a new citizen and
// saves it; the next visitor's form opens at once.
func (d *driver) nextVisitor(name, summary string) {
	d.T.Helper()
	d.key(tea.KeyEnter, 1)
	d.typeText(name)
	d.key(tea.KeyCtrlN, 1)
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.key(tea.KeyTab, 1)
	d.typeText(summary)
	d.key(tea.KeyTab, 1)
	d.key(tea.KeyRight, 3)
	d.key(tea.KeyTab, 1)
	d.key(tea.KeyRight, 1)
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("Buổi tiếp — người tiếp theo")
}
