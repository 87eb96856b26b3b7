package tui_test

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/tiepdan/tiepdan/i18n"
	"github.com/tiepdan/tiepdan/internal/tuitest"
	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/storage"
	"github.com/tiepdan/tiepdan/tui/common"
)

var testNow = time.Date(2026, 10, 21, 9, 30, 0, 0, model.VN)

// driver is the desk of internal/tuitest, with the short names these
// tests were written with.
type driver struct{ *tuitest.Driver }

func newDriver(t *testing.T, configured bool) *driver {
	t.Helper()
	db, err := storage.Open(filepath.Join(t.TempDir(), "t.db"), storage.Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := db.Verify(); err != nil {
			t.Errorf("verify: %v", err)
		}
		db.Close()
	})
	store := db.For("canbo")
	if configured {
		o, _ := store.Office()
		o.Name, o.Place = "UBND xã Quang Trung", "Quang Trung"
		if err := store.SaveOffice(&o); err != nil {
			t.Fatal(err)
		}
	}
	c := common.New(store, i18n.New(i18n.Vietnamese), lipgloss.NewRenderer(io.Discard), "canbo", func() time.Time { return testNow })
	c.ExportDir = t.TempDir()
	c.DraftEvery = -1 // drafts are written when a test asks
	return &driver{tuitest.Attach(t, db, c)}
}

func (d *driver) run(cmd tea.Cmd)          { d.Run(cmd) }
func (d *driver) send(msgs ...tea.Msg)     { d.Send(msgs...) }
func (d *driver) typeText(s string)        { d.Type(s) }
func (d *driver) key(k tea.KeyType, n int) { d.Key(k, n) }
func (d *driver) screen() string           { return d.Screen() }

func (d *driver) expect(want ...string) {
	d.T.Helper()
	d.Expect(want...)
}

// expectLine checks that one line of the screen holds all parts.
func (d *driver) expectLine(parts ...string) {
	d.T.Helper()
	d.ExpectLine(parts...)
}

func (d *driver) expectNot(bad string) {
	d.T.Helper()
	d.ExpectNot(bad)
}

// fillReception goes to the reception register (F3) and fills a new visit
// form opened with ^N: the citizen is created from the picker, the content
// typed, kind and field chosen.
func (d *driver) fillReception(name, summary string) {
	d.key(tea.KeyF3, 1)
	d.key(tea.KeyCtrlN, 1)
	d.expect("Tiếp công dân — lượt mới")
	d.key(tea.KeyEnter, 1) // open the picker: a new visit opens on its citizen
	d.typeText(name)
	d.expect("Không tìm thấy")
	d.key(tea.KeyCtrlN, 1) // new citizen from what was typed
	d.expect("Thêm công dân", name)
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("Tiếp công dân — lượt mới", name)
	d.key(tea.KeyTab, 1) // focus is on head count after the pick
	d.typeText(summary)
	d.key(tea.KeyTab, 1)
	d.key(tea.KeyRight, 1) // content: Khiếu nại
	d.key(tea.KeyTab, 1)
	d.key(tea.KeyRight, 1) // field: Đất đai
}

func TestCreateListEditFindReception(t *testing.T) {
	d := newDriver(t, true)
	d.expect("Hôm nay: Thứ Tư, 21/10/2026") // the first screen
	d.key(tea.KeyF3, 1)
	d.expect("Chưa có bản ghi nào")
	d.fillReception("Nguyễn Văn Ân", "Khiếu nại việc cấp sổ đỏ")
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("Đã lưu.", "Nguyễn Văn Ân", "Khiếu nại", "21/10/2026 09:30")

	// edit: open, ^E, change the head count, save; the detail shows it
	d.key(tea.KeyEnter, 1)
	d.expect("Lượt tiếp số 1", "Khiếu nại việc cấp sổ đỏ")
	d.key(tea.KeyCtrlE, 1)
	d.expect("Sửa lượt tiếp số 1")
	d.key(tea.KeyTab, 2)
	d.key(tea.KeyBackspace, 1)
	d.typeText("3")
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("Đã lưu.")
	d.expectLine("Số người", " 3")
	rec, err := d.DB.For("x").Reception(1)
	if err != nil || rec.HeadCount != 3 || rec.Version != 2 {
		t.Fatalf("stored after edit: %+v %v", rec, err)
	}

	// find: the Citizens tab, typed without diacritics
	d.send(tea.KeyMsg{Type: tea.KeyF6})
	d.typeText("nguyen van an")
	d.expect("Nguyễn Văn Ân")
	d.key(tea.KeyEnter, 1)
	d.expect("Công dân: Nguyễn Văn Ân", "Lịch sử làm việc (1)", "Khiếu nại việc cấp sổ đỏ")
}

func TestFormShowsFieldErrorsAndKeepsTyping(t *testing.T) {
	d := newDriver(t, true)
	d.key(tea.KeyF3, 1)
	d.key(tea.KeyCtrlN, 1)
	d.key(tea.KeyTab, 1) // from the citizen, where a new visit opens, to the head count
	d.key(tea.KeyBackspace, 1)
	d.typeText("10000")
	d.key(tea.KeyUp, 2)
	d.key(tea.KeyBackspace, 16)
	d.typeText("32/13/2026")
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("không đọc được ngày", "phải từ 1 đến 9999", "bắt buộc, chưa nhập", "10000")
	if p, _ := d.DB.For("x").ListReceptions(model.ListQuery{}); len(p.Items) != 0 {
		t.Fatal("an invalid visit was saved")
	}
	// Esc asks before discarding, the second Esc leaves
	d.key(tea.KeyEsc, 1)
	d.expect("Bỏ các thay đổi chưa lưu?")
	d.key(tea.KeyEsc, 1)
	d.expect("Chưa có bản ghi nào")
}

func TestFirstRunAsksForOffice(t *testing.T) {
	d := newDriver(t, false)
	d.expect("Lần đầu sử dụng", "Tên cơ quan")
	d.send(tea.KeyMsg{Type: tea.KeyF3}) // tabs are not reachable yet
	d.expect("Lần đầu sử dụng")
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("bắt buộc, chưa nhập")
	d.typeText("UBND phường Bách Quang")
	d.key(tea.KeyTab, 1)
	d.typeText("Bách Quang")
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("Đã lưu thông tin cơ quan", "F3 Tiếp dân")
	if o, _ := d.DB.For("x").Office(); o.Name != "UBND phường Bách Quang" {
		t.Fatalf("office = %+v", o)
	}
}

func TestVoidWithReasonAndPetitionFromReception(t *testing.T) {
	d := newDriver(t, true)
	d.fillReception("Trần Thị Bình", "Tranh chấp đất với hàng xóm")
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.key(tea.KeyEnter, 1)
	d.key(tea.KeyCtrlP, 1)
	d.expect("Đơn từ lượt tiếp số 1", "Tranh chấp đất với hàng xóm", "Trần Thị Bình", "Qua tiếp công dân")
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("Đã lưu.", "Đơn số 1")
	d.expectNot("^P Thành đơn")
	p, err := d.DB.For("x").Petition(1)
	if err != nil || p.ReceptionID != 1 || p.Summary != "Tranh chấp đất với hàng xóm" {
		t.Fatalf("petition: %+v %v", p, err)
	}

	// void the visit: a reason is required, then it leaves the list
	d.key(tea.KeyCtrlD, 1)
	d.key(tea.KeyEnter, 1)
	d.expect("Lý do hủy: bắt buộc")
	d.typeText("Nhập nhầm người")
	d.key(tea.KeyEnter, 1)
	d.expect("ĐÃ HỦY — lý do: Nhập nhầm người")
	d.expectNot("^E Sửa")
	d.key(tea.KeyEsc, 1)
	d.key(tea.KeyCtrlR, 1)
	d.expect("Chưa có bản ghi nào")
	d.send(tea.KeyMsg{Type: tea.KeyF8})
	d.expect("Trần Thị Bình")
}

func TestSessionLogsVisitorsOneAfterAnother(t *testing.T) {
	d := newDriver(t, true)
	d.newSession("chu")
	d.expect("Định kỳ", "Chủ tịch UBND")
	d.key(tea.KeyCtrlN, 1)
	d.expect("Buổi tiếp — người tiếp theo")
	for i, name := range []string{"Lê Văn Cường", "Phạm Thị Dung"} {
		d.nextVisitor(name, "Kiến nghị số "+string(rune('1'+i)))
	}
	d.key(tea.KeyEsc, 1)
	d.expect("Đã tiếp 2 lượt, 2 người", "Lê Văn Cường", "Phạm Thị Dung")
	rs, _ := d.DB.For("x").SessionReceptions(1)
	if len(rs) != 2 || rs[0].RecKind != model.ReceptionInSession {
		t.Fatalf("session visits: %+v", rs)
	}
}

func TestScreenFitsEightyByTwentyFour(t *testing.T) {
	d := newDriver(t, true)
	d.fillReception("Nguyễn Văn Ân", strings.Repeat("Nội dung rất dài ", 20))
	for _, line := range strings.Split(d.screen(), "\n") {
		if w := lipgloss.Width(line); w > 80 {
			t.Errorf("line of %d cells: %q", w, line)
		}
	}
	if n := strings.Count(d.screen(), "\n") + 1; n != 24 {
		t.Errorf("screen has %d lines, want 24", n)
	}
}

// TestTypeAheadDuringSaveLandsOnTheNextPage types on while a save is still
// running (its command not yet back): the keys must wait and then reach the
// page that follows, as a fast clerk over a slow link expects.
func TestTypeAheadDuringSaveLandsOnTheNextPage(t *testing.T) {
	d := newDriver(t, true)
	d.key(tea.KeyF3, 1)
	d.key(tea.KeyCtrlN, 1)
	d.key(tea.KeyEnter, 1)
	d.typeText("Hoàng Thị Yến")
	d.key(tea.KeyCtrlN, 1)
	var pending tea.Cmd
	d.App, pending = d.App.Update(tea.KeyMsg{Type: tea.KeyF2}) // the save is under way
	for _, m := range []tea.Msg{tea.KeyMsg{Type: tea.KeyTab}, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("Xin xác nhận")}} {
		var cmd tea.Cmd
		d.App, cmd = d.App.Update(m)
		if cmd != nil {
			t.Fatal("a key typed during the save was acted on at once")
		}
	}
	d.run(pending)
	d.expect("Tiếp công dân — lượt mới", "Hoàng Thị Yến")
	d.expectLine("Nội dung", "Xin xác nhận")
}

// newVisitFor opens a new visit on the visits list (^N) and picks the
// citizen found by query, whose name the picker shows; focus is then on the
// head count.
func (d *driver) newVisitFor(query, name string) {
	d.T.Helper()
	d.key(tea.KeyCtrlN, 1)
	d.key(tea.KeyEnter, 1)
	d.typeText(query)
	d.expect(name)
	d.key(tea.KeyEnter, 1)
}

// TestVisitContinuesTheCitizensCase: on a returning citizen's visit the
// "Vụ việc" field lists the citizen's cases and one key picks the one they
// came back about; the visit is then a return (nhiều lần) by the case's
// history, with no flag typed.
func TestVisitContinuesTheCitizensCase(t *testing.T) {
	d := newDriver(t, true)
	s := d.DB.For("canbo")
	cit := model.Citizen{FullName: "Trần Văn Hùng", Address: "Thôn 3"}
	if err := s.SaveCitizen(&cit); err != nil {
		t.Fatal(err)
	}
	first := model.Reception{At: testNow.AddDate(0, 0, -14), RecKind: model.ReceptionRegular, CitizenID: cit.ID, HeadCount: 1,
		Summary: "Tranh chấp ranh giới đất", Content: model.ContentProposal, Field: model.FieldLand, Handling: model.HandlingGuided}
	if err := s.SaveReception(&first); err != nil {
		t.Fatal(err)
	}
	d.key(tea.KeyF3, 1)
	d.newVisitFor("tran van hung", "Trần Văn Hùng")
	// the citizen's open case is offered at once
	d.expect("Công dân có vụ việc đang mở", "1. Mở vụ việc mới", fmt.Sprintf("2. VV #%d 07/10/2026: Tranh chấp ranh giới đất", first.CaseIDs[0]))
	d.typeText("2")
	d.expectLine("▸ Số người", "1")
	d.key(tea.KeyTab, 1)
	d.typeText("Hỏi lại về ranh giới đất")
	d.key(tea.KeyTab, 1)
	d.key(tea.KeyRight, 1) // content: Khiếu nại
	d.key(tea.KeyTab, 1)
	d.key(tea.KeyRight, 1) // field: Đất đai
	d.key(tea.KeyTab, 2)   // land dispute, case
	d.expectLine("▸ Vụ việc", fmt.Sprintf("VV #%d 07/10/2026", first.CaseIDs[0]))
	d.expectLine("Vụ việc thứ hai", "Không")
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("Đã lưu.")
	p, err := s.ListReceptions(model.ListQuery{Limit: 5})
	if err != nil || len(p.Items) != 2 {
		t.Fatalf("visits: %v %v", p.Items, err)
	}
	got := p.Items[0]
	if len(got.CaseIDs) != 1 || got.CaseIDs[0] != first.CaseIDs[0] || got.Matter != model.MatterRepeat {
		t.Errorf("the visit: cases %v, matter %s; want the first visit's case, a return", got.CaseIDs, got.Matter)
	}
	d.key(tea.KeyEnter, 1)
	d.expectLine("Vụ việc", fmt.Sprintf("#%d", first.CaseIDs[0]))
	d.expectLine("Lần đầu/nhiều lần", "Nhiều lần")

	// ^K records the case as ended; the picker then says so; ^K again
	// opens it again.
	d.expect("^K Kết thúc/mở lại vụ việc")
	d.send(tea.KeyMsg{Type: tea.KeyCtrlK})
	d.expect(fmt.Sprintf("Đã ghi vụ việc #%d kết thúc ngày 21/10/2026.", first.CaseIDs[0]))
	if k, err := s.Case(first.CaseIDs[0]); err != nil || k.Open() || k.Version != 2 {
		t.Fatalf("case after ^K: %+v %v", k, err)
	}
	d.key(tea.KeyEsc, 1)
	d.newVisitFor("tran van hung", "Trần Văn Hùng")
	d.key(tea.KeyTab, 6)
	d.key(tea.KeyEnter, 1)
	d.expect("(đã kết thúc)")
}

// A label longer than the label column is cut on screen; the focused field
// shows it whole beneath, so a clerk reads what the field is for.
func TestFocusedFieldShowsItsWholeLabel(t *testing.T) {
	d := newDriver(t, false)
	d.expect("Lần đầu sử dụng")
	d.expectNot("Số báo cáo (trống: văn thư ghi)")
	for i := 0; i < 40 && !strings.Contains(d.screen(), "▸ Số báo cáo"); i++ {
		d.key(tea.KeyTab, 1)
	}
	d.expect("▸ Số báo cáo", "Số báo cáo (trống: văn thư ghi)")
	d.key(tea.KeyTab, 1)
	d.expectNot("Số báo cáo (trống: văn thư ghi)")
}

// The first key typed into a prefilled field replaces its value, as in a
// spreadsheet cell ("Số người 1", typing 6 gives 6, not 16); an arrow,
// Home or End first keeps the value to edit it. A value that typing would
// replace is shown selected.
func TestTypingReplacesAPrefilledValue(t *testing.T) {
	d := newDriver(t, true)
	d.key(tea.KeyF3, 1)
	d.key(tea.KeyCtrlN, 1)
	d.key(tea.KeyEnter, 1)
	d.typeText("Lê Văn Tám")
	d.key(tea.KeyCtrlN, 1)
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expectLine("▸ Số người", "1")
	d.typeText("6")
	d.expectLine("▸ Số người", "6")
	d.expectNot("16")
	d.key(tea.KeyTab, 1)
	d.key(tea.KeyShiftTab, 1) // back to it: the 6 is prefilled now
	d.key(tea.KeyEnd, 1)
	d.typeText("0")
	d.expectLine("▸ Số người", "60")
	d.key(tea.KeyTab, 1)
	d.key(tea.KeyShiftTab, 1)
	d.key(tea.KeyBackspace, 1) // Backspace edits the value, as in a cell being edited
	d.typeText("5")
	d.expectLine("▸ Số người", "65")
}

// A setting whose name does not say what it does explains itself under the
// field while it is focused ("Ngày chốt số liệu").
func TestFocusedSettingExplainsItself(t *testing.T) {
	d := newDriver(t, false)
	d.expect("Lần đầu sử dụng")
	for i := 0; i < 40 && !strings.Contains(d.screen(), "▸ Ngày chốt số liệu"); i++ {
		d.key(tea.KeyTab, 1)
	}
	d.expect("▸ Ngày chốt số liệu", "số liệu của kỳ tính đến hết ngày này")
	d.key(tea.KeyTab, 1)
	d.expectNot("số liệu của kỳ tính đến hết ngày này")
}
