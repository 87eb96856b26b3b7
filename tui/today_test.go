package tui_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/report"
	"github.com/tiepdan/tiepdan/tui/common"
)

// seedDesk gives the desk a morning's worth of deadlines on Wednesday
// 21/10/2026: dossiers due today, late with and without a timely apology,
// paused for supplements and not yet due; petitions near, past and far
// from their deadline; a reply owed tomorrow.
func seedDesk(t *testing.T, d *driver) map[string]model.Dossier {
	t.Helper()
	s := d.DB.For("canbo")
	c := model.Citizen{FullName: "Phạm Thị Thu", Address: "Thôn Bắc"}
	if err := s.SaveCitizen(&c); err != nil {
		t.Fatal(err)
	}
	at := func(day int) time.Time { return time.Date(2026, 10, day, 8, 0, 0, 0, model.VN) }
	dos := map[string]model.Dossier{}
	for _, x := range []struct {
		name     string
		received int
		due      int
		status   model.DossierStatus
		apology  int
	}{
		{"homnay", 16, 21, model.DossierInProgress, 0},
		{"tre", 12, 19, model.DossierInProgress, 0},
		{"coxinloi", 12, 19, model.DossierInProgress, 16},
		{"chobosung", 9, 15, model.DossierSupplement, 0},
		{"chuaden", 20, 30, model.DossierInProgress, 0},
	} {
		v := model.Dossier{ProcedureName: "Đăng ký khai sinh " + x.name, Field: model.FieldCivilStatus, WorkingDays: 3,
			ApplicantID: c.ID, Channel: model.ChannelDirect, ReceivedAt: at(x.received),
			Due: model.NewDate(2026, 10, x.due), DueReason: "Hẹn theo tình huống thử", Status: x.status,
			SupplementItems: "Tờ khai"}
		if x.status != model.DossierSupplement {
			v.SupplementItems = ""
		}
		if x.apology > 0 {
			v.Apologies = []model.Apology{{Issued: model.NewDate(2026, 10, x.apology), NewDue: model.NewDate(2026, 10, 23),
				Reason: "Chờ trích lục"}}
		}
		if err := s.SaveDossier(&v); err != nil {
			t.Fatalf("%s: %v", x.name, err)
		}
		dos[x.name] = v
	}
	for _, x := range []struct {
		summary string
		due     int
	}{{"Đơn sắp đến hạn", 23}, {"Đơn đã quá hạn", 19}, {"Đơn còn xa", 28}} {
		p := model.Petition{Received: model.NewDate(2026, 10, 5), Source: model.SourceByHand, CitizenID: c.ID,
			Summary: x.summary, Content: model.ContentProposal, Field: model.FieldLand, Eligibility: model.EligibilityEligible,
			InJurisdiction: true, Status: model.PetitionHandling, Due: model.NewDate(2026, 10, x.due)}
		if err := s.SavePetition(&p); err != nil {
			t.Fatal(err)
		}
	}
	r := model.Reception{At: at(8), RecKind: model.ReceptionRegular, CitizenID: c.ID, HeadCount: 1,
		Summary: "Hỏi về hỗ trợ hộ nghèo", Content: model.ContentProposal, Field: model.FieldSocialPolicy,
		Matter: model.MatterFirst, Handling: model.HandlingAccepted, FollowUpDue: model.NewDate(2026, 10, 22)}
	if err := s.SaveReception(&r); err != nil {
		t.Fatal(err)
	}
	return dos
}

func TestTodayScreenListsWhatIsOwed(t *testing.T) {
	d := newDriver(t, true)
	// The desk's own PC: what is printed is handed to the PDF viewer.
	var opened []string
	d.C.OpenForPrint = func(path, printer string) (bool, error) {
		opened = append(opened, filepath.Base(path))
		return false, nil
	}
	last := func() string {
		if len(opened) == 0 {
			return ""
		}
		return opened[len(opened)-1]
	}
	dos := seedDesk(t, d)
	d.key(tea.KeyCtrlR, 1)
	d.expect("Hôm nay: Thứ Tư, 21/10/2026", "Hôm nay đã làm",
		"Đến hạn hôm nay và 3 ngày làm việc tới: 3 việc",
		"Hồ sơ quá hạn: 3 — 1 có phiếu xin lỗi hẹn lại, 1 chờ bổ sung",
		"Đơn thư quá hạn giải quyết: 1", "Hẹn trả lời công dân đã quá hạn: 0",
		"Thứ Sáu 23/10/2026 (chưa lập lịch)")
	d.expectLine(dos["homnay"].Code, "Phạm Thị Thu", "hạn hôm nay")
	d.expectNot(dos["chuaden"].Code)
	d.expectLine("23/10/2026", "còn 2 ngày LV")
	d.expectNot("28/10/2026")
	d.expectLine("Trả lời", "Hỏi về hỗ trợ", "22/10/2026", "còn 1 ngày LV")
	// the backlog is folded: its records show once Enter opens it
	d.expectNot(dos["tre"].Code)
	d.key(tea.KeyUp, 10) // the first record line
	d.key(tea.KeyDown, 3)
	d.expectLine("▸ Hồ sơ quá hạn: 3")
	d.key(tea.KeyEnter, 1)
	d.expectLine("▾ Hồ sơ quá hạn: 3")
	d.expect("! chưa có phiếu xin lỗi trước hạn 1 ngày")
	d.expectLine("! "+dos["tre"].Code, "quá 2 ngày LV")
	d.expectLine("  "+dos["coxinloi"].Code, "quá 2 ngày LV")
	d.expectLine("⏸ "+dos["chobosung"].Code, "chờ bổ sung")

	// ↓ moves to the late one and Enter opens it.
	d.key(tea.KeyDown, 2)
	d.key(tea.KeyEnter, 1)
	d.expect("Hồ sơ "+dos["tre"].Code, "F2 In giấy hẹn", "^L Xin lỗi, hẹn lại")
	d.expectNot("^B In phiếu bổ sung") // nothing to print yet

	// F2 prints the appointment slip into the exports folder.
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("Đã mở bản PDF để in:")
	if want := "giay-hen-" + dos["tre"].Code + ".pdf"; last() != want {
		t.Errorf("opened %q, want %q", last(), want)
	}
	page, err := os.ReadFile(filepath.Join(d.C.ExportDir, "giay-hen-"+dos["tre"].Code+".html"))
	if err != nil || !strings.Contains(string(page), "GIẤY TIẾP NHẬN HỒ SƠ") && !strings.Contains(string(page), "Giấy tiếp nhận hồ sơ") {
		t.Fatalf("slip: %v", err)
	}
	if !strings.Contains(string(page), "Phạm Thị Thu") || !strings.Contains(string(page), "08 giờ 00 phút, ngày 19/10/2026") {
		t.Fatalf("the slip lacks the applicant or the due time:\n%s", page)
	}

	// ^L issues an apology: without a reason it is refused, naming the field.
	d.key(tea.KeyCtrlL, 1)
	d.expect("Phiếu xin lỗi, hẹn lại: "+dos["tre"].Code, "22/10/2026")
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("Lý do chậm trễ")
	d.expect("bắt buộc, chưa nhập")
	d.expect("▸ Lý do chậm trễ") // the cursor waits on the field to fix
	d.typeText("Chờ UBND xã Đông Hòa trả lời xác minh")
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("Đã mở bản PDF để in:")
	if want := "phieu-xin-loi-" + dos["tre"].Code + ".pdf"; last() != want {
		t.Errorf("opened %q, want %q", last(), want)
	}
	text, err := os.ReadFile(filepath.Join(d.C.ExportDir, "phieu-xin-loi-"+dos["tre"].Code+".txt"))
	flat := strings.Join(strings.Fields(string(text)), " ")
	if err != nil || !strings.Contains(flat, "Lý do: Chờ UBND xã Đông Hòa trả lời xác minh") ||
		!strings.Contains(flat, "vào ngày 22/10/2026") {
		t.Fatalf("apology text: %v\n%s", err, text)
	}
	got, _ := d.DB.For("canbo").Dossier(dos["tre"].ID)
	if len(got.Apologies) != 1 || got.Apologies[0].Issued != model.NewDate(2026, 10, 21) {
		t.Fatalf("apology stored as %+v", got.Apologies)
	}
	// Issued after the deadline, it does not clear the flag.
	d.key(tea.KeyEsc, 1)
	d.key(tea.KeyCtrlR, 1)
	d.expectLine("! "+dos["tre"].Code, "quá 2 ngày LV")

	// The dossier register of the month from the dossiers list.
	d.key(tea.KeyF5, 1)
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("Đã mở bản PDF để in:")
	if want := "so-theo-doi-ho-so-2026-10-01-2026-10-31.pdf"; last() != want {
		t.Errorf("opened %q, want %q", last(), want)
	}

	// An office that reports on the official window prints the official
	// month holding today: 21/10 is in November's, 15/10 - 14/11.
	d.C.Office.ReportWindow = model.WindowOfficial
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("Đã mở bản PDF để in:")
	if want := "so-theo-doi-ho-so-2026-10-15-2026-11-14.pdf"; last() != want {
		t.Errorf("opened %q, want %q", last(), want)
	}
	page, err = os.ReadFile(filepath.Join(d.C.ExportDir, "so-theo-doi-ho-so-2026-10-15-2026-11-14.html"))
	if err != nil || !strings.Contains(string(page), "(số liệu từ ngày 15/10/2026 đến ngày 14/11/2026)") {
		t.Errorf("official register: %v", err)
	}
}

// TestPrintOverSSHSaysWhereTheFileIs: with no hand on the clerk's PC (an
// SSH session), F2 says the file's full path, wrapped, never cut, and how
// to fetch it.
func TestPrintOverSSHSaysWhereTheFileIs(t *testing.T) {
	d := newDriver(t, true)
	seedDesk(t, d)
	d.key(tea.KeyF5, 1)
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	path := filepath.Join(d.C.ExportDir, "so-theo-doi-ho-so-2026-10-01-2026-10-31.pdf")
	flat := strings.ReplaceAll(d.screen(), "\n", "")
	if !strings.Contains(flat, path) || !strings.Contains(flat, "scp hoặc WinSCP") {
		t.Fatalf("the status does not give %s whole:\n%s", path, d.screen())
	}
	lines := strings.Split(d.screen(), "\n")
	if len(lines) != 24 {
		t.Errorf("%d lines, want the 24 of the screen", len(lines))
	}
	for i, l := range lines {
		if w := lipgloss.Width(l); w > 80 {
			t.Errorf("line %d is %d wide", i+1, w)
		}
	}
}

// TestPrintPageAddressIsALink: the print page's address on the status
// line is a hyperlink (OSC 8) for terminals that understand them, and the
// screen still fits 80 columns.
func TestPrintPageAddressIsALink(t *testing.T) {
	d := newDriver(t, true)
	d.C.HandToBrowser = func(path string) common.StatusMsg {
		return common.StatusMsg{Text: "Mã ghép nối 123456: mở http://192.168.1.10:23235/ trên máy tính của bạn."}
	}
	d.key(tea.KeyF5, 1)
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("\x1b]8;;http://192.168.1.10:23235/\x1b\\http://192.168.1.10:23235/\x1b]8;;\x1b\\")
	for i, l := range strings.Split(d.screen(), "\n") {
		if w := lipgloss.Width(l); w > 80 {
			t.Errorf("line %d is %d wide", i+1, w)
		}
	}
}

// A migrated office with hundreds of old overdue dossiers still sees its
// day on "Hôm nay": what was done today and what is due today come first,
// the backlog is one folded line, and its count is the summary's.
func TestTodayShowsTheDayOverALongBacklog(t *testing.T) {
	d := newDriver(t, true)
	s := d.DB.For("canbo")
	c := model.Citizen{FullName: "Vũ Văn Nam"}
	if err := s.SaveCitizen(&c); err != nil {
		t.Fatal(err)
	}
	old := time.Date(2025, 3, 3, 8, 0, 0, 0, model.VN)
	for i := 0; i < 250; i++ {
		v := model.Dossier{ProcedureName: "Chứng thực bản sao", Field: model.FieldCertification, WorkingDays: 1,
			ApplicantID: c.ID, Channel: model.ChannelDirect, ReceivedAt: old, Due: model.NewDate(2025, 3, 4),
			Status: model.DossierInProgress}
		if err := s.SaveDossier(&v); err != nil {
			t.Fatal(err)
		}
	}
	due := model.Dossier{ProcedureName: "Đăng ký kết hôn", Field: model.FieldCivilStatus, WorkingDays: 3,
		ApplicantID: c.ID, Channel: model.ChannelDirect, ReceivedAt: time.Date(2026, 10, 16, 8, 0, 0, 0, model.VN),
		Due: model.NewDate(2026, 10, 21), Status: model.DossierInProgress}
	if err := s.SaveDossier(&due); err != nil {
		t.Fatal(err)
	}
	r := model.Reception{At: testNow.Add(-time.Hour), RecKind: model.ReceptionRegular, CitizenID: c.ID, HeadCount: 3,
		Summary: "Hỏi về đường", Content: model.ContentProposal, Field: model.FieldOther,
		Matter: model.MatterFirst, Handling: model.HandlingGuided}
	if err := s.SaveReception(&r); err != nil {
		t.Fatal(err)
	}
	d.DropChanges() // seeded before the clerk looks: one reload below
	o, _ := s.Office()
	sum, err := report.Compute(s, o, model.MonthPeriod(2026, time.October), model.DateOf(testNow))
	if err != nil {
		t.Fatal(err)
	}
	d.key(tea.KeyCtrlR, 1)
	d.expect("Tiếp 1 lượt (3 người)")
	d.expectLine(due.Code, "Đăng ký kết hôn", "hạn hôm nay")
	d.expect(fmt.Sprintf("Hồ sơ quá hạn: %d —", sum.Dossiers.All.PendingLate))
	if sum.Dossiers.All.PendingLate != 250 {
		t.Fatalf("the summary counts %d late", sum.Dossiers.All.PendingLate)
	}
	d.expectNot("Chứng thực bản sao") // folded
	fits(t, d.screen(), 80)
}

// Many items due soon do not push the backlog and the session off the
// first screen: the soonest show, the rest fold into one line.
func TestTodayFoldsALongDueList(t *testing.T) {
	d := newDriver(t, true)
	s := d.DB.For("canbo")
	c := model.Citizen{FullName: "Tạ Văn Long"}
	if err := s.SaveCitizen(&c); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 12; i++ {
		v := model.Dossier{ProcedureName: "Chứng thực chữ ký", Field: model.FieldCertification, WorkingDays: 1,
			ApplicantID: c.ID, Channel: model.ChannelDirect, ReceivedAt: testNow.Add(-time.Hour), Due: model.NewDate(2026, 10, 22),
			Status: model.DossierInProgress}
		if err := s.SaveDossier(&v); err != nil {
			t.Fatal(err)
		}
	}
	d.DropChanges()
	d.key(tea.KeyCtrlR, 1)
	d.expect("Đến hạn hôm nay và 3 ngày làm việc tới: 12 việc", "… và 4 việc nữa đến hạn", "Hồ sơ quá hạn: 0",
		"Kỳ tiếp công dân định kỳ tiếp theo")
	if n := strings.Count(d.screen(), "Chứng thực chữ ký"); n != 8 {
		t.Errorf("%d due lines shown, want 8", n)
	}
	d.key(tea.KeyDown, 8)
	d.key(tea.KeyEnter, 1)
	d.expectNot("việc nữa đến hạn")
	if n := strings.Count(d.screen(), "Chứng thực chữ ký"); n <= 8 {
		t.Errorf("unfolded, %d due lines shown, want more than 8", n)
	}
}
