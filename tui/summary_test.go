package tui_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/tiepdan/tiepdan/model"
)

// seedDossiers saves two dossiers: one received 05/10 and resolved early,
// one received 28/09 and still open, due 02/10 (carried over into October,
// late).
func seedDossiers(t *testing.T, d *driver) {
	t.Helper()
	s := d.DB.For("canbo")
	c := model.Citizen{FullName: "Nguyễn Thị Lan"}
	if err := s.SaveCitizen(&c); err != nil {
		t.Fatal(err)
	}
	for _, x := range []model.Dossier{
		{ReceivedAt: model.NewDate(2026, 10, 5).Time().Add(9 * time.Hour), Due: model.NewDate(2026, 10, 8),
			Status: model.DossierResolved, Resolved: model.NewDate(2026, 10, 6)},
		{ReceivedAt: model.NewDate(2026, 9, 28).Time().Add(9 * time.Hour), Due: model.NewDate(2026, 10, 2),
			Status: model.DossierInProgress},
	} {
		x.ProcedureName, x.Field, x.WorkingDays, x.ApplicantID, x.Channel = "Đăng ký khai sinh", model.FieldCivilStatus, 3, c.ID, model.ChannelDirect
		x.DueReason = "Hẹn theo tình huống thử"
		if err := s.SaveDossier(&x); err != nil {
			t.Fatal(err)
		}
	}
}

// totalRow returns the first "Tổng cộng" row of the screen as its fields.
func (d *driver) totalRow() []string {
	for _, line := range strings.Split(d.screen(), "\n") {
		if f := strings.Fields(line); len(f) > 2 && f[0] == "Tổng" && f[1] == "cộng" {
			return f[2:]
		}
	}
	d.T.Fatalf("no total row:\n%s", d.screen())
	return nil
}

func TestSummaryScreenStepsSwitchesAndExports(t *testing.T) {
	d := newDriver(t, true)
	seedDossiers(t, d)
	d.send(tea.KeyMsg{Type: tea.KeyF11})
	d.expect("Tổng hợp số liệu: Tháng 10/2026", "01/10/2026 - 31/10/2026", "(đến 21/10/2026)", "Hồ sơ thủ tục hành chính")
	// Total, carried over, received, direct, online, postal (BCCI), ordinary post, resolved.
	if got := strings.Join(d.totalRow()[:8], " "); got != "2 1 1 1 0 0 0 1" {
		t.Errorf("October total row starts %q", got)
	}
	d.key(tea.KeyLeft, 1)
	d.expect("Tháng 9/2026", "01/09/2026 - 30/09/2026")
	if got := strings.Join(d.totalRow()[:3], " "); got != "1 0 1" {
		t.Errorf("September total row starts %q", got)
	}
	for _, want := range []string{"Quý 3/2026", "6 tháng cuối năm 2026", "9 tháng năm 2026", "Năm 2026", "Tháng 10/2026"} {
		d.key(tea.KeyTab, 1)
		d.expect(want)
	}
	d.expect("01/10/2026 - 31/10/2026")
	// ^W: the same month in the official window, and back.
	d.send(tea.KeyMsg{Type: tea.KeyCtrlW})
	d.expect("Tháng 10/2026 (chính thức)", "15/09/2026 - 14/10/2026", "^W Chính thức/lịch")
	d.key(tea.KeyTab, 1)
	d.expect("Quý 4/2026 (chính thức)", "15/09/2026 - 14/12/2026")
	d.key(tea.KeyLeft, 1)
	d.expect("Quý 3/2026 (chính thức)", "15/06/2026 - 14/09/2026")
	for _, want := range []string{"6 tháng cuối năm 2026 (chính thức)", "9 tháng năm 2026 (chính thức)", "Năm 2026 (chính thức)"} {
		d.key(tea.KeyTab, 1)
		d.expect(want)
	}
	d.expect("15/12/2025 - 14/12/2026")
	// Back to a month: the official one holding today (21/10 is after the
	// cut-off, so November's window), then the calendar month, October.
	d.key(tea.KeyTab, 1)
	d.expect("Tháng 11/2026 (chính thức)", "15/10/2026 - 14/11/2026")
	d.send(tea.KeyMsg{Type: tea.KeyCtrlW})
	d.expect("Tháng 11/2026", "01/11/2026 - 30/11/2026")
	d.key(tea.KeyLeft, 1)
	d.expect("Tháng 10/2026", "01/10/2026 - 31/10/2026")

	// The prose view, then the identities.
	d.key(tea.KeyEnter, 1)
	d.expect("[Văn bản báo cáo]", "Tổng số hồ sơ yêu cầu giải quyết TTHC từ 01/10/2026 đến")
	d.key(tea.KeyEnter, 1)
	d.expect("[Kiểm tra số liệu]", "đẳng thức kiểm tra số liệu đều đúng", "✓ Hồ sơ: Tổng số = Kỳ trước chuyển sang")
	d.key(tea.KeyEnter, 1)

	// A typed period: a bad one is refused with the reason, a range is taken.
	d.send(tea.KeyMsg{Type: tea.KeyCtrlF})
	d.typeText("2026-13")
	d.key(tea.KeyEnter, 1)
	d.expect("Kỳ báo cáo \"2026-13\" không đúng: tháng phải từ 01 đến 12")
	d.send(tea.KeyMsg{Type: tea.KeyCtrlU})
	for range "2026-13" {
		d.key(tea.KeyBackspace, 1)
	}
	d.typeText("01/10/2026..10/10/2026")
	d.key(tea.KeyEnter, 1)
	d.expect("Tổng hợp số liệu: 01/10/2026 - 10/10/2026")
	d.expectNot("không đúng")

	// The written report as a PDF, the first format offered, then the
	// XLSX, the next: the status says where.
	d.key(tea.KeyF2, 1)
	d.expect("Xuất báo cáo ra tệp trong thư mục", "pdf", "xlsx", "html", "csv")
	d.key(tea.KeyEnter, 1)
	if _, err := os.Stat(filepath.Join(d.C.ExportDir, "baocao-2026-10-01..2026-10-10.pdf")); err != nil {
		t.Fatalf("PDF export: %v\n%s", err, d.screen())
	}
	d.key(tea.KeyF2, 1)
	d.key(tea.KeyDown, 1)
	d.key(tea.KeyEnter, 1)
	path := filepath.Join(d.C.ExportDir, "baocao-2026-10-01..2026-10-10.xlsx")
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("export: %v\n%s", err, d.screen())
	}
	d.expect("Đã xuất báo cáo ra tệp")

	// Every line fits 80 columns, and the frame is exactly 24 lines.
	lines := strings.Split(d.screen(), "\n")
	if len(lines) != 24 {
		t.Errorf("%d lines", len(lines))
	}
	for i, l := range lines {
		if w := lipgloss.Width(l); w > 80 {
			t.Errorf("line %d is %d wide: %q", i+1, w, l)
		}
	}
}

// TestSessionMinimumIsAnOfficeSetting raises the minimum of periodic
// session days in the settings (F12) and sees the summary judge October by
// it.
func TestSessionMinimumIsAnOfficeSetting(t *testing.T) {
	d := newDriver(t, true)
	d.send(tea.KeyMsg{Type: tea.KeyF12})
	d.key(tea.KeyEnter, 1) // Thông tin cơ quan
	d.expect("Tiếp ĐK tối thiểu/tháng", "Áp dụng từ ngày", "01/07/2026")
	d.key(tea.KeyTab, 12)
	d.key(tea.KeyBackspace, 2)
	d.typeText("3")
	d.key(tea.KeyF2, 1)
	d.send(tea.KeyMsg{Type: tea.KeyF11})
	d.key(tea.KeyEnter, 1)
	d.expect("thiểu 03 ngày); chưa đạt số ngày tiếp tối thiểu")
	o, err := d.C.Store.Office()
	if err != nil || len(o.SessionRules) != 2 || o.SessionRules[1].PerMonth != 3 {
		t.Fatalf("saved rules %+v (%v)", o.SessionRules, err)
	}
}

// TestNationalFormsOnScreen: Enter past the identities shows each national
// form with its column tree at 80x24; "<" and ">" scroll it sideways to
// the columns beyond the screen.
func TestNationalFormsOnScreen(t *testing.T) {
	d := newDriver(t, true)
	seedDossiers(t, d)
	d.send(tea.KeyMsg{Type: tea.KeyF11})
	d.key(tea.KeyEnter, 3)
	d.expect("[Biểu 01/TCD]", "01/TCD — Kết quả tiếp công dân", "Tổng số", "(1)", "< > Cuộn ngang")
	d.expectNot("(26)")
	for range 30 {
		d.typeText(">")
	}
	d.expect("(26)", "Ủy quyền tiếp")
	// The row labels stay; the numbers row now starts past column 1.
	d.expectLine("UBND xã Quang Trung")
	for _, l := range strings.Split(d.screen(), "\n") {
		if strings.Contains(l, "(26)") && strings.Contains(l, "(1) ") {
			t.Errorf("numbers row not scrolled: %q", l)
		}
	}
	for range 30 {
		d.typeText("<")
	}
	d.expect("(1)")
	// On to II.06a: the dossiers by field, the check rows true.
	d.key(tea.KeyEnter, 6)
	d.expect("[Biểu II.06a]", "Hộ tịch", "(1) = (2) + (3) + (4)", "✓")
	d.expectNot("✗")
	for i, l := range strings.Split(d.screen(), "\n") {
		if w := lipgloss.Width(l); w > 80 {
			t.Errorf("line %d is %d wide", i+1, w)
		}
	}
	d.key(tea.KeyEnter, 1)
	d.expect("[Bảng số liệu]")
}
