package tui_test

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/tiepdan/tiepdan/i18n"
	"github.com/tiepdan/tiepdan/model"
)

// Every list shows every change made in this process at once, the clerk's
// own included: five visits logged from the session tab are on F3's list
// without ^R, and a petition on F4's.
func TestListsShowTheClerksOwnChanges(t *testing.T) {
	d := newDriver(t, true)
	d.key(tea.KeyF3, 1)
	d.expect("Chưa có bản ghi nào")
	d.key(tea.KeyF4, 1)
	d.expect("Chưa có bản ghi nào")
	// the same clerk saves elsewhere in this process (the session tab)
	s := d.DB.For("canbo")
	cit := model.Citizen{FullName: "Đỗ Thị Mận", Address: "Thôn 2"}
	if err := s.SaveCitizen(&cit); err != nil {
		t.Fatal(err)
	}
	r := model.Reception{At: testNow, RecKind: model.ReceptionRegular, CitizenID: cit.ID, HeadCount: 1,
		Summary: "Đề nghị sửa đường liên thôn", Content: model.ContentProposal, Field: model.FieldLand, Handling: model.HandlingGuided}
	if err := s.SaveReception(&r); err != nil {
		t.Fatal(err)
	}
	p := model.Petition{Received: model.NewDate(2026, 10, 21), Source: model.SourceByHand, CitizenID: cit.ID,
		Summary: "Đơn đề nghị sửa đường", Content: model.ContentProposal, Field: model.FieldLand,
		Eligibility: model.EligibilityEligible, InJurisdiction: true, Status: model.PetitionHandling}
	if err := s.SavePetition(&p); err != nil {
		t.Fatal(err)
	}
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24}) // the program delivers the commits
	d.expect("21/10/2026 Đỗ Thị Mận", "Kiến nghị")
	d.key(tea.KeyF3, 1)
	d.expect("21/10/2026 09:30 Đỗ Thị Mận")
}

// A new citizen from the picker takes what was typed, as typed; typed
// without diacritics, the form says so beside the name, and the notice
// goes when the name is typed with them.
func TestNewCitizenNameWithoutDiacriticsIsPointedOut(t *testing.T) {
	d := newDriver(t, true)
	d.key(tea.KeyF3, 1)
	d.key(tea.KeyCtrlN, 1)
	d.key(tea.KeyEnter, 1)
	d.typeText("tran van hung")
	d.key(tea.KeyCtrlN, 1)
	d.expectLine("Họ và tên", "tran van hung")
	d.expect("chưa có dấu")
	for i := 0; i < len("tran van hung"); i++ {
		d.key(tea.KeyBackspace, 1)
	}
	d.typeText("Trần Văn Hùng")
	d.expectNot("chưa có dấu")
}

// The tab bar fits the window in either language: every tab's key is on
// it (the English labels are longer: inactive tabs then show their key
// only), and no line is wider than the window.
func TestTabBarFits(t *testing.T) {
	for _, tc := range []struct {
		lang  i18n.Lang
		width int
	}{{i18n.English, 80}, {i18n.Vietnamese, 80}, {i18n.Vietnamese, 60}, {i18n.English, 60}} {
		d := newDriver(t, true)
		d.C.Cat = i18n.New(tc.lang)
		d.send(tea.WindowSizeMsg{Width: tc.width, Height: 24})
		d.key(tea.KeyF4, 1)
		lines := strings.Split(d.screen(), "\n")
		for _, k := range []string{"^G", "F3", "F4", "F5", "F6", "F7", "F11"} {
			if !strings.Contains(lines[0], k) {
				t.Errorf("%v at %d: the tab bar lacks %s: %q", tc.lang, tc.width, k, lines[0])
			}
		}
		for i, l := range lines {
			if w := lipgloss.Width(l); w > tc.width {
				t.Errorf("%v at %d: line %d is %d wide: %q", tc.lang, tc.width, i, w, l)
			}
		}
	}
}

// A petition's deadline is named by what it is the deadline for: a
// complaint not yet accepted shows "Hạn thụ lý", once accepted "Hạn giải
// quyết"; a proposal before acceptance "Hạn xử lý đơn".
func TestPetitionDeadlineSaysWhatItIsFor(t *testing.T) {
	d := newDriver(t, true)
	s := d.DB.For("canbo")
	cit := model.Citizen{FullName: "Vũ Văn Lâm", Address: "Thôn 1"}
	if err := s.SaveCitizen(&cit); err != nil {
		t.Fatal(err)
	}
	p := model.Petition{Received: model.NewDate(2026, 10, 19), Source: model.SourceByHand, CitizenID: cit.ID,
		Summary: "Khiếu nại quyết định thu hồi đất", Content: model.ContentComplaint, Field: model.FieldLand,
		Eligibility: model.EligibilityEligible, InJurisdiction: true, Status: model.PetitionHandling}
	if err := s.SavePetition(&p); err != nil {
		t.Fatal(err)
	}
	d.key(tea.KeyF4, 1)
	d.key(tea.KeyEnter, 1)
	d.expectLine("Hạn thụ lý", "/2026")
	d.expectNot("Hạn giải quyết")
	p.Accepted = model.NewDate(2026, 10, 21)
	if err := s.SavePetition(&p); err != nil {
		t.Fatal(err)
	}
	d.key(tea.KeyCtrlR, 1)
	d.key(tea.KeyEsc, 1)
	d.key(tea.KeyEnter, 1)
	d.expectLine("Hạn giải quyết", "/2026")
	d.expectNot("Hạn thụ lý")
}

// A name with wide characters (a Chinese citizen's, 李小龍) lines up in a
// list with a Vietnamese one: columns are display columns, not runes.
func TestListColumnsAreDisplayColumns(t *testing.T) {
	d := newDriver(t, true)
	s := d.DB.For("canbo")
	for _, name := range []string{"Nguyễn Văn Ân", "李小龍 Lee"} {
		cit := model.Citizen{FullName: name, Address: "Thôn 1"}
		if err := s.SaveCitizen(&cit); err != nil {
			t.Fatal(err)
		}
		r := model.Reception{At: testNow, RecKind: model.ReceptionRegular, CitizenID: cit.ID, HeadCount: 1,
			Summary: "Đề nghị làm rõ ranh giới thửa đất giữa hai hộ gia đình", Content: model.ContentProposal,
			Field: model.FieldLand, Handling: model.HandlingGuided}
		if err := s.SaveReception(&r); err != nil {
			t.Fatal(err)
		}
	}
	d.key(tea.KeyF3, 1)
	col := map[string]int{}
	for _, l := range strings.Split(d.screen(), "\n") {
		for _, who := range []string{"Ân", "Lee"} {
			if i := strings.Index(l, who); i >= 0 {
				j := strings.Index(l, "Kiến nghị")
				if j < 0 {
					t.Fatalf("no content kind on %q", l)
				}
				col[who] = lipgloss.Width(l[:j])
			}
		}
	}
	if len(col) != 2 || col["Ân"] != col["Lee"] {
		t.Errorf("the column after the name starts at %v", col)
	}
}

// A record saved from its list is the one selected when the list comes
// back, even when the refresh of the change arrives first.
func TestSavedRecordIsSelectedOnItsList(t *testing.T) {
	d := newDriver(t, true)
	d.fillReception("Hà Văn Một", "Việc thứ nhất")
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("Đã lưu.")
	d.fillReception("Hà Văn Hai", "Việc thứ hai")
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("Đã lưu.")
	d.key(tea.KeyEnter, 1)
	d.expect("Việc thứ hai")
}
