package tui_test

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// Saving a new session opens it, ready for its first visitor; the visitors
// on a session's page can be opened (↓ to choose, Enter to open).
func TestSessionOpensOnSaveAndItsVisitorsOpen(t *testing.T) {
	d := newDriver(t, true)
	d.send(tea.KeyMsg{Type: tea.KeyF7})
	d.key(tea.KeyCtrlN, 1)
	d.key(tea.KeyTab, 2)
	d.typeText("Chủ tịch UBND xã")
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("Buổi tiếp ngày 21/10/2026", "Đã tiếp 0 lượt")
	d.key(tea.KeyCtrlN, 1)
	d.expect("Buổi tiếp — người tiếp theo")
	for _, v := range []struct{ name, summary string }{{"Hoàng Văn Em", "Kiến nghị về điện chiếu sáng"}, {"Đinh Thị Gấm", "Hỏi về bảo hiểm y tế"}} {
		d.key(tea.KeyTab, 1)
		d.key(tea.KeyEnter, 1)
		d.typeText(v.name)
		d.key(tea.KeyCtrlN, 1)
		d.send(tea.KeyMsg{Type: tea.KeyF2})
		d.key(tea.KeyTab, 1)
		d.typeText(v.summary)
		d.key(tea.KeyTab, 1)
		d.key(tea.KeyRight, 3)
		d.key(tea.KeyTab, 1)
		d.key(tea.KeyRight, 1)
		d.send(tea.KeyMsg{Type: tea.KeyF2})
		d.expect("Buổi tiếp — người tiếp theo")
	}
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
