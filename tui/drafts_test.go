package tui_test

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/tui"
	"github.com/tiepdan/tiepdan/tui/common"
)

// startVisit types a visit's citizen and summary and leaves it unsaved.
func (d *driver) startVisit(name, summary string) {
	d.T.Helper()
	d.key(tea.KeyF3, 1)
	d.key(tea.KeyCtrlN, 1)
	d.key(tea.KeyEnter, 1)
	d.typeText(name)
	d.key(tea.KeyCtrlN, 1)
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.key(tea.KeyTab, 1)
	d.typeText(summary)
	d.expect("Tiếp công dân — lượt mới", summary)
}

// A form left unsaved when the session ends (the line dropped, the server
// stopped, the clerk quit) is kept as that clerk's draft and offered back
// at the next login; reopened and saved, the draft is gone and the visit is
// on the list. Another clerk never sees it.
func TestUnsavedFormIsOfferedBackAtTheNextLogin(t *testing.T) {
	d := newDriver(t, true)
	d.startVisit("Trần Văn Hùng", "Xin cấp giấy chứng nhận quyền sử dụng đất")
	d.App.(*tui.App).SaveDrafts()

	other := deskAs(t, d.DB, model.Staff{Username: "hoa", FullName: "Nguyễn Thị Hoa", Role: model.RoleClerk})
	other.expectNot("Bản nháp")

	again := deskAs(t, d.DB, model.Staff{Username: "canbo", Role: model.RoleAdmin})
	again.expect("Bản nháp chưa lưu", "Tiếp công dân — lượt mới", "Trần Văn Hùng",
		"Xin cấp giấy chứng nhận quyền sử dụng đất")
	again.key(tea.KeyEnter, 1)
	again.expect("Đã mở lại bản nháp", "Trần Văn Hùng", "Xin cấp giấy chứng nhận quyền sử dụng đất")
	again.expectLine("Vụ việc", "Mở vụ việc mới") // a reference left as it was keeps its label
	again.key(tea.KeyTab, 1)
	again.key(tea.KeyRight, 1) // content: Khiếu nại
	again.key(tea.KeyTab, 1)
	again.key(tea.KeyRight, 1) // field: Đất đai
	again.send(tea.KeyMsg{Type: tea.KeyF2})
	again.expect("Đã lưu.")
	again.expectLine("Trần Văn Hùng", "Khiếu nại", "Xin cấp giấy chứng nhận")
	if ds, err := d.DB.For("canbo").Drafts(); err != nil || len(ds) != 0 {
		t.Fatalf("the draft outlived its save: %+v (%v)", ds, err)
	}
}

// While the clerk types, the draft is written (on the App's timer, here on
// request), rewritten as the typing changes, and dropped when the clerk
// discards the form.
func TestDraftFollowsTheTypingAndGoesWithTheForm(t *testing.T) {
	d := newDriver(t, true)
	store := d.DB.For("canbo")
	d.startVisit("Lý Thị Mai", "Hỏi thủ tục")
	d.send(tui.FlushDrafts{})
	ds, _ := store.Drafts()
	if len(ds) != 1 || ds[0].Values["Summary"] != "Hỏi thủ tục" || ds[0].Labels["CitizenID"] == "" {
		t.Fatalf("draft after typing: %+v", ds)
	}
	d.typeText(" tách thửa")
	d.send(tui.FlushDrafts{})
	ds, _ = store.Drafts()
	if len(ds) != 1 || ds[0].Values["Summary"] != "Hỏi thủ tục tách thửa" {
		t.Fatalf("draft after more typing: %+v", ds)
	}
	d.key(tea.KeyEsc, 2) // discard, confirmed
	d.expectNot("lượt mới")
	if ds, _ = store.Drafts(); len(ds) != 0 {
		t.Fatalf("a discarded form's draft remains: %+v", ds)
	}
}

// Del twice on the offer drops a draft for good.
func TestDraftCanBeDropped(t *testing.T) {
	d := newDriver(t, true)
	d.startVisit("Phan Văn Tài", "Phản ánh đèn đường")
	d.App.(*tui.App).SaveDrafts()
	again := deskAs(t, d.DB, model.Staff{Username: "canbo", Role: model.RoleAdmin})
	again.expect("Bản nháp chưa lưu", "Phan Văn Tài")
	again.key(tea.KeyDelete, 1)
	again.expect("Nhấn Del lần nữa")
	again.key(tea.KeyDelete, 1)
	again.expectNot("Bản nháp chưa lưu")
	if ds, _ := d.DB.For("canbo").Drafts(); len(ds) != 0 {
		t.Fatalf("dropped draft remains: %+v", ds)
	}
}

// When the server stops, the session says so, leaves the clerk a few
// seconds, and keeps what is still unsaved as a draft.
func TestServerStopWarnsAndKeepsTheDraft(t *testing.T) {
	d := newDriver(t, true)
	app := d.App.(*tui.App)
	d.App = tui.NewSession(app, tui.LockConfig{Grace: 50 * time.Millisecond})
	d.startVisit("Hồ Thị Nga", "Xin trích lục bản đồ")
	d.send(common.ShutdownMsg{})
	d.expect("Máy chủ sẽ dừng sau", "nhấn F2 để lưu ngay", "Xin trích lục bản đồ")
	app.SaveDrafts() // what the server does once the program has ended
	ds, _ := d.DB.For("canbo").Drafts()
	if len(ds) != 1 || ds[0].Values["Summary"] != "Xin trích lục bản đồ" {
		t.Fatalf("drafts after the stop: %+v", ds)
	}
}

// "Hôm nay" counts the clerk's drafts and opens them, so a draft left for
// later is not forgotten until the next login.
func TestTodayLeadsBackToTheDrafts(t *testing.T) {
	d := newDriver(t, true)
	d.startVisit("Lò Văn Sáng", "Xin xác nhận hộ nghèo")
	d.send(tui.FlushDrafts{})
	d.key(tea.KeyCtrlG, 1)
	d.expectLine("▸ Bản nháp chưa lưu: 1")
	d.key(tea.KeyUp, 10) // the first line that can be chosen: the drafts
	d.key(tea.KeyEnter, 1)
	d.expect("Còn 1 biểu mẫu đang nhập dở", "Lò Văn Sáng")
}
