package friendly_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/internal/tuitest"
	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/report"
)

// summary computes October 2026's summary from the desk's database, as
// the summary screen does.
func summary(t *testing.T, d *tuitest.Driver) *report.Summary {
	t.Helper()
	s := d.DB.For("x")
	off, _ := s.Office()
	p, _ := model.ParsePeriod("2026-10")
	sum, err := report.Compute(s, off, p, model.DateOf(tuitest.Now))
	if err != nil {
		t.Fatal(err)
	}
	if err := sum.Check(); err != nil {
		t.Fatal(err)
	}
	return sum
}

// void voids the record on screen with reason.
func void(d *tuitest.Driver, reason string) {
	d.Key(tea.KeyCtrlD, 1)
	d.Type(reason)
	d.Key(tea.KeyEnter, 1)
	d.Expect("ĐÃ HỦY — lý do: " + reason)
}

// A dialogue conference through the screens: recorded with ^Y from
// anywhere, corrected, voided; the summary follows each step, and its
// follow-up is on "Hôm nay" until done.
func TestDialogueAddEditVoid(t *testing.T) {
	d := tuitest.New(t)
	d.Expect("^Y: ghi hội nghị đối thoại")
	d.Key(tea.KeyCtrlY, 1)
	d.Expect("1. Hội nghị đối thoại", "2. Khảo sát mức độ hài lòng", "3. Thư gửi công dân")
	d.Type("1")
	d.Key(tea.KeyCtrlN, 1)
	d.Expect("Hội nghị đối thoại mới", "Chủ tịch Nguyễn Văn Thành")
	d.ExpectLine("Đối thoại với", "Nhân dân thôn, tổ dân phố")
	d.Key(tea.KeyTab, 1) // from the first empty required field, the place, on
	d.Key(tea.KeyShiftTab, 1)
	d.Type("Nhà văn hóa thôn Đông")
	d.Key(tea.KeyTab, 2)
	d.Type("95")
	d.Key(tea.KeyTab, 1)
	d.Type("Đường nội đồng xuống cấp; cấp nước sạch")
	d.Key(tea.KeyTab, 1)
	d.Type("đ")          // Đất đai
	d.Key(tea.KeyTab, 2) // past the case: none
	d.Type("4")
	d.Key(tea.KeyTab, 1)
	d.Type("2")
	d.Key(tea.KeyTab, 1)
	d.Type("Trả lời bằng văn bản việc cấp nước")
	d.Send(tea.KeyMsg{Type: tea.KeyF2})
	d.ExpectLine("↳ bắt buộc, chưa nhập")
	d.ExpectLine("▸ Hạn trả lời")
	d.Type("26/10/2026")
	d.Send(tea.KeyMsg{Type: tea.KeyF2})
	d.ExpectLine("21/10/2026", "Nhân dân thôn", "Nhà văn hóa", "4/6")
	dl := summary(t, d).Friendly.Dialogues
	if dl.Total != 1 || dl.Raised != 6 || dl.Answered != 4 || dl.Attendees != 95 || dl.FollowUpsOpen != 1 {
		t.Fatalf("after the add: %+v", dl)
	}
	d.Key(tea.KeyEsc, 2) // back to "Hôm nay", under the list and the menu
	d.ExpectLine("Đối thoại 21/10/2026", "Trả lời bằng văn bản", "26/10/2026")

	// corrected: one more answered on the spot, the follow-up done
	d.Key(tea.KeyCtrlY, 1)
	d.Type("1")
	d.Key(tea.KeyEnter, 1)
	d.Expect("Hội nghị đối thoại ngày 21/10/2026", "trả lời tại hội nghị 4/6 ý kiến")
	d.Key(tea.KeyCtrlE, 1)
	d.Key(tea.KeyTab, 9)
	d.Key(tea.KeyBackspace, 1)
	d.Type("5")
	d.Key(tea.KeyTab, 1)
	d.Key(tea.KeyBackspace, 1)
	d.Type("1")
	d.Key(tea.KeyTab, 3)
	d.Type("21/10/2026")
	d.Send(tea.KeyMsg{Type: tea.KeyF2})
	d.Expect("trả lời tại hội nghị 5/6 ý kiến; tiếp thu, trả lời sau 1")
	dl = summary(t, d).Friendly.Dialogues
	if dl.Answered != 5 || dl.TakenAway != 1 || dl.FollowUpsDone != 1 || dl.FollowUpsOpen != 0 {
		t.Fatalf("after the edit: %+v", dl)
	}
	void(d, "Trùng với hội nghị đã ghi")
	if dl = summary(t, d).Friendly.Dialogues; dl.Total != 0 || dl.Raised != 0 {
		t.Fatalf("after the void: %+v", dl)
	}
}

// A survey batch: the levels may not add up to more than the forms
// returned; the share is over the forms that gave a level.
func TestSurveyAddEditVoid(t *testing.T) {
	d := tuitest.New(t)
	d.Key(tea.KeyCtrlY, 1)
	d.Type("2")
	d.Key(tea.KeyCtrlN, 1)
	d.Expect("Đợt khảo sát mới", "Hình thức khảo sát")
	d.ExpectLine("▸ Số phiếu phát ra") // the first required field still empty
	d.Key(tea.KeyShiftTab, 1)
	d.Type("Thái độ phục vụ của Bộ phận một cửa")
	for _, v := range []string{"60", "50", "30", "15", "9"} {
		d.Key(tea.KeyTab, 1)
		d.Type(v)
	}
	d.Send(tea.KeyMsg{Type: tea.KeyF2})
	d.Expect("các mức hài lòng cộng lại (54) nhiều hơn số phiếu", "thu về (50)")
	d.ExpectLine("▸ Chưa hài lòng")
	d.Key(tea.KeyBackspace, 1)
	d.Type("3")
	d.Send(tea.KeyMsg{Type: tea.KeyF2})
	d.ExpectLine("21/10/2026", "Phiếu giấy", "50/60", "93,7%")
	st := summary(t, d).Friendly.Satisfaction
	if st.Returned != 50 || st.Survey.Rated() != 48 || st.NotRated != 2 {
		t.Fatalf("after the add: %+v", st)
	}
	d.Key(tea.KeyEnter, 1)
	d.Key(tea.KeyCtrlE, 1)
	d.Key(tea.KeyTab, 7)
	d.Key(tea.KeyBackspace, 1)
	d.Type("5")
	d.Send(tea.KeyMsg{Type: tea.KeyF2})
	d.ExpectLine("Chưa hài lòng", "5")
	if st = summary(t, d).Friendly.Satisfaction; st.Survey.Unsatisfied != 5 || st.NotRated != 0 {
		t.Fatalf("after the edit: %+v", st)
	}
	void(d, "Nhập trùng đợt")
	if st = summary(t, d).Friendly.Satisfaction; st.Batches != 0 || st.All.Rated() != 0 {
		t.Fatalf("after the void: %+v", st)
	}
}

// A letter: saving it prints it on A5 with the office's text; the
// summary counts it by kind until voided.
func TestLetterAddEditVoid(t *testing.T) {
	d := tuitest.New(t)
	d.Key(tea.KeyCtrlY, 1)
	d.Type("3")
	d.Key(tea.KeyCtrlN, 1)
	d.Expect("Thư mới")
	d.ExpectLine("Loại thư", "Thư chúc mừng")
	d.ExpectLine("▸ Kính gửi")
	d.Type("Gia đình anh Lê Văn Tám và chị Đỗ Thị Mai")
	d.Key(tea.KeyTab, 1)
	d.Type("Thôn Đông")
	d.Key(tea.KeyTab, 1)
	d.Type("đăng ký kết hôn")
	d.Send(tea.KeyMsg{Type: tea.KeyF2})
	d.Expect("Đã ghi")
	files, _ := filepath.Glob(filepath.Join(d.C.ExportDir, "thu-*.txt"))
	if len(files) != 1 {
		t.Fatalf("printed: %v", files)
	}
	text, _ := os.ReadFile(files[0])
	for _, want := range []string{"THƯ CHÚC MỪNG", "Kính gửi: Gia đình anh Lê Văn Tám và chị Đỗ Thị Mai", "Địa chỉ: Thôn Đông",
		"Nhân dịp đăng ký kết hôn, UBND xã Quang Trung trân trọng gửi tới Gia đình anh Lê Văn Tám"} {
		if !strings.Contains(strings.Join(strings.Fields(string(text)), " "), want) {
			t.Fatalf("the letter lacks %q:\n%s", want, text)
		}
	}
	letters := func() map[string]int {
		out := map[string]int{}
		for _, k := range summary(t, d).Friendly.Letters {
			out[k.Key] = k.N
		}
		return out
	}
	if l := letters(); l["congrat"] != 1 {
		t.Fatalf("after the add: %v", l)
	}
	d.ExpectLine("21/10/2026", "Thư chúc mừng", "Gia đình anh Lê Văn Tám")
	d.Key(tea.KeyEnter, 1)
	d.Key(tea.KeyCtrlE, 1)
	d.Key(tea.KeyRight, 3) // chúc mừng → cảm ơn
	d.Send(tea.KeyMsg{Type: tea.KeyF2})
	d.Expect("Thư cảm ơn ngày 21/10/2026")
	if l := letters(); l["congrat"] != 0 || l["thanks"] != 1 {
		t.Fatalf("after the edit: %v", l)
	}
	void(d, "Gửi nhầm")
	if l := letters(); l["thanks"] != 0 {
		t.Fatalf("after the void: %v", l)
	}
}

// Editing a letter of a closed period (September, on 21 October): the form
// asks for a reason, the store refuses the change without one, and the
// history shows it; September's summary follows.
func TestClosedPeriodEditAsksForAReason(t *testing.T) {
	d := tuitest.New(t)
	s := d.DB.For("x")
	l := model.Letter{Date: model.NewDate(2026, 9, 28), LetterKind: model.LetterCongrat, Recipient: "Gia đình ông Trịnh Văn Bảy"}
	if err := s.SaveLetter(&l); err != nil {
		t.Fatal(err)
	}
	d.Key(tea.KeyCtrlY, 1)
	d.Type("3")
	d.Key(tea.KeyEnter, 1)
	d.Key(tea.KeyCtrlE, 1)
	d.Expect("Lý do sửa (kỳ đã chốt)")
	d.Key(tea.KeyRight, 1) // chúc mừng → chia buồn
	d.Send(tea.KeyMsg{Type: tea.KeyF2})
	d.Expect("sửa số liệu của kỳ đã chốt (trước ngày 01/10/2026)")
	d.ExpectLine("▸ Lý do sửa")
	d.Type("Ghi nhầm loại thư")
	d.Send(tea.KeyMsg{Type: tea.KeyF2})
	d.Expect("Thư chia buồn ngày 28/09/2026")
	d.Send(tea.KeyMsg{Type: tea.KeyF9})
	d.Expect("Lý do sửa kỳ đã chốt: Ghi nhầm loại thư")
	p, _ := model.ParsePeriod("2026-09")
	off, _ := s.Office()
	sum, err := report.Compute(s, off, p, model.DateOf(tuitest.Now))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Friendly.Letters[0].N != 0 || sum.Friendly.Letters[1].N != 1 {
		t.Fatalf("September's letters: %+v", sum.Friendly.Letters)
	}
}
