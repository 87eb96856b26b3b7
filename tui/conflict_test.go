package tui_test

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/tui/common"
)

// secondDesk opens another session on d's database, as staff member actor.
func (d *driver) secondDesk(actor string) *driver {
	other := deskAs(d.T, d.DB, model.Staff{Username: actor, Role: model.RoleClerk})
	other.key(tea.KeyF3, 1) // the reception register
	return other
}

func TestTwoDesksEditTheSameRecord(t *testing.T) {
	a := newDriver(t, true)
	a.fillReception("Nguyễn Văn Ân", "Khiếu nại việc cấp sổ đỏ")
	a.send(tea.KeyMsg{Type: tea.KeyF2})
	a.expect("Đã lưu.")
	b := a.secondDesk("binh")
	b.expect("Nguyễn Văn Ân")

	// a opens the visit and changes the head count, not saved yet
	a.key(tea.KeyEnter, 1)
	a.key(tea.KeyCtrlE, 1)
	a.key(tea.KeyTab, 2)
	a.key(tea.KeyBackspace, 1)
	a.typeText("3")
	// b changes the summary and saves first
	b.key(tea.KeyEnter, 1)
	b.key(tea.KeyCtrlE, 1)
	b.key(tea.KeyTab, 3)
	b.typeText(" lần hai")
	b.send(tea.KeyMsg{Type: tea.KeyF2})
	b.expect("Đã lưu.")

	a.send(tea.KeyMsg{Type: tea.KeyF2})
	a.expect("binh đã lưu bản ghi này lúc", "Họ đã sửa: Nội", "bản của họ và của bạn cạnh nhau")
	a.expectLine("Số người", "3")
	a.expect("Khiếu nại việc cấp sổ đỏ lần hai") // b's summary came in
	rec, _ := a.DB.For("x").Reception(1)
	if rec.HeadCount != 1 || rec.Version != 2 {
		t.Fatalf("the conflicting save wrote something: %+v", rec)
	}
	a.send(tea.KeyMsg{Type: tea.KeyF2})
	a.expect("Đã lưu.")
	rec, _ = a.DB.For("x").Reception(1)
	if rec.HeadCount != 3 || rec.Summary != "Khiếu nại việc cấp sổ đỏ lần hai" || rec.Version != 3 {
		t.Fatalf("after both saves: head count %d, summary %q, version %d; want 3, b's summary, 3",
			rec.HeadCount, rec.Summary, rec.Version)
	}
}

func TestBothChangedTheSameFieldKeepsTyping(t *testing.T) {
	a := newDriver(t, true)
	a.fillReception("Trần Thị Bình", "Đề nghị sửa đường")
	a.send(tea.KeyMsg{Type: tea.KeyF2})
	b := a.secondDesk("binh")
	for _, d := range []*driver{a, b} {
		d.key(tea.KeyEnter, 1)
		d.key(tea.KeyCtrlE, 1)
		d.key(tea.KeyTab, 2)
		d.key(tea.KeyBackspace, 1)
	}
	b.typeText("7")
	b.send(tea.KeyMsg{Type: tea.KeyF2})
	a.typeText("4")
	a.send(tea.KeyMsg{Type: tea.KeyF2})
	a.expect("Họ đã sửa: Số")
	a.expectLine("Số người", "4")
	// theirs and mine side by side, mine in use; ^L takes theirs
	a.expectLine("○ Của binh", "│ ● Của bạn")
	a.expectLine("7", "│ 4")
	a.expect("^L Đổi bản của họ/của bạn")
	a.key(tea.KeyCtrlL, 1)
	a.expectLine("● Của binh", "│ ○ Của bạn")
	a.expectLine("▸ Số người", "7")
	a.send(tea.KeyMsg{Type: tea.KeyF2})
	a.expect("Đã lưu.")
	if rec, _ := a.DB.For("x").Reception(1); rec.HeadCount != 7 {
		t.Fatalf("head count %d, want the other clerk's 7", rec.HeadCount)
	}
}

// A field only the other clerk changed is shown with both values too, the
// other clerk's in use, so nobody overwrites it blind; ^L puts back what
// this clerk's form had.
func TestFieldOnlyTheyChangedShowsBothValues(t *testing.T) {
	a := newDriver(t, true)
	a.fillReception("Lương Văn Sơn", "Hỏi về trợ cấp")
	a.send(tea.KeyMsg{Type: tea.KeyF2})
	b := a.secondDesk("binh")
	for _, d := range []*driver{a, b} {
		d.key(tea.KeyEnter, 1)
		d.key(tea.KeyCtrlE, 1)
	}
	b.key(tea.KeyTab, 3)
	b.typeText(" người có công")
	b.send(tea.KeyMsg{Type: tea.KeyF2})
	a.key(tea.KeyTab, 2)
	a.key(tea.KeyBackspace, 1)
	a.typeText("2")
	a.send(tea.KeyMsg{Type: tea.KeyF2})
	a.expectLine("● Của binh", "│ ○ Của bạn")
	a.expectLine("Hỏi về trợ cấp người có", "│ Hỏi về trợ cấp")
	a.key(tea.KeyTab, 1)
	a.key(tea.KeyCtrlL, 1)
	a.expectLine("▸ Nội dung", "Hỏi về trợ cấp")
	a.expectLine("○ Của binh", "│ ● Của bạn")
}

func TestListRefreshesWhenAnotherDeskAdds(t *testing.T) {
	a := newDriver(t, true)
	b := a.secondDesk("binh")
	b.expect("Chưa có bản ghi nào")
	a.fillReception("Lê Văn Cường", "Phản ánh tiếng ồn")
	a.send(tea.KeyMsg{Type: tea.KeyF2})
	b.DropChanges() // the changes are handed to b below, one kind at a time
	b.send(common.ChangedMsg{Kind: model.KindPetition, Staff: "canbo"})
	b.expect("Chưa có bản ghi nào") // another kind: nothing to do
	b.send(common.ChangedMsg{Kind: model.KindReception, ID: 1, Staff: "canbo"})
	b.expect("Lê Văn Cường")
	if strings.Contains(b.screen(), "Chưa có bản ghi nào") {
		t.Fatal("list not refreshed")
	}
}
