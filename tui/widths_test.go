package tui_test

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/tiepdan/tiepdan/model"
)

// Wide (CJK) and combining characters, as a name or content pasted from
// elsewhere may hold.
const (
	wideName    = "Nguyễn 王小明 Thị Hồng Nhung Phương"
	combining   = "Tra\u0300n Va\u0306\u0301n Ho\u0302\u0300ng" // decomposed marks
	wideSummary = "Đề nghị 解决 tranh chấp đất đai 土地 giữa hai hộ gia đình ở thôn Đông, kéo dài nhiều năm"
)

// seedWide records one of each kind with wide and combining text.
func seedWide(t *testing.T, s model.Store) {
	t.Helper()
	a := model.Citizen{FullName: wideName, BirthYear: 1970, Address: "Thôn 東 " + combining, IDNumber: "001070012345"}
	b := model.Citizen{FullName: combining, BirthYear: 1980}
	for _, c := range []*model.Citizen{&a, &b} {
		if err := s.SaveCitizen(c); err != nil {
			t.Fatal(err)
		}
	}
	r := model.Reception{At: testNow.Add(-time.Hour), RecKind: model.ReceptionRegular, CitizenID: a.ID, HeadCount: 2,
		Summary: wideSummary, Content: model.ContentComplaint, Field: model.FieldLand, LandDispute: true,
		Matter: model.MatterFirst, Handling: model.HandlingGuided, Note: wideSummary}
	if err := s.SaveReception(&r); err != nil {
		t.Fatal(err)
	}
	p := model.Petition{Received: model.DateOf(testNow), Source: model.SourceByHand, CitizenID: b.ID,
		Summary: wideSummary, Content: model.ContentProposal, Field: model.FieldLand,
		Eligibility: model.EligibilityEligible, Status: model.PetitionHandling}
	if err := s.SavePetition(&p); err != nil {
		t.Fatal(err)
	}
	procs, _ := s.Procedures()
	x := model.Dossier{ProcedureID: procs[0].ID, ProcedureName: procs[0].Name + " 王", Field: procs[0].Field, WorkingDays: 3,
		ApplicantID: a.ID, Channel: model.ChannelDirect, ReceivedAt: testNow.Add(-time.Hour), Status: model.DossierInProgress,
		Documents: wideSummary}
	if err := s.SaveDossier(&x); err != nil {
		t.Fatal(err)
	}
	ss := model.ReceptionSession{Date: model.DateOf(testNow), SessKind: model.SessionPeriodic, Presiding: "Chủ tịch " + wideName,
		Place: "Hội trường 大"}
	if err := s.SaveSession(&ss); err != nil {
		t.Fatal(err)
	}
	dl := model.Dialogue{Date: model.DateOf(testNow), Place: "Nhà văn hóa 東 " + combining, Presiding: "Chủ tịch " + wideName,
		With: model.WithClearance, Attendees: 40, Matters: wideSummary, Answered: 3, TakenAway: 1, FollowUp: wideSummary,
		FollowUpDue: model.DateOf(testNow).AddDays(2)}
	if err := s.SaveDialogue(&dl); err != nil {
		t.Fatal(err)
	}
	sv := model.Survey{Date: model.DateOf(testNow), Medium: model.SurveyPaper, Subject: wideSummary, FormsOut: 10,
		FormsReturned: 9, VerySatisfied: 5, Satisfied: 4}
	if err := s.SaveSurvey(&sv); err != nil {
		t.Fatal(err)
	}
	l := model.Letter{Date: model.DateOf(testNow), LetterKind: model.LetterCondolence, Recipient: "Gia đình " + wideName,
		Address: "Thôn 東 " + combining, Occasion: wideSummary}
	if err := s.SaveLetter(&l); err != nil {
		t.Fatal(err)
	}
}

// Every screen, at 60, 80 and 120 columns, with wide and combining
// characters in the data: no line is wider than the window and the screen
// has the window's lines, no more.
func TestEveryScreenFitsTheWindow(t *testing.T) {
	for _, w := range []int{60, 80, 120} {
		db, chi := openAdminDB(t, nil)
		seedWide(t, db.For("x"))
		d := deskAs(t, db, chi)
		d.send(tea.WindowSizeMsg{Width: w, Height: 24})
		check := func(where string) {
			t.Helper()
			s := d.screen()
			for i, l := range strings.Split(s, "\n") {
				if lw := lipgloss.Width(l); lw > w {
					t.Errorf("%d columns, %s: line %d is %d cells: %q", w, where, i+1, lw, l)
				}
			}
			if n := strings.Count(s, "\n") + 1; n > 24 {
				t.Errorf("%d columns, %s: %d lines", w, where, n)
			}
		}
		check("Hôm nay")
		for _, tab := range []struct {
			key  tea.KeyType
			name string
		}{{tea.KeyF3, "visits"}, {tea.KeyF4, "petitions"}, {tea.KeyF5, "dossiers"}, {tea.KeyF7, "sessions"}} {
			d.send(tea.KeyMsg{Type: tab.key})
			check(tab.name + " list")
			if tab.key == tea.KeyF3 {
				// a wider window gives the room to the contents column
				const more = "土地 giữa hai"
				if got := strings.Contains(d.screen(), more); got != (w == 120) {
					t.Errorf("%d columns: the visits list shows %q: %v\n%s", w, more, got, d.screen())
				}
			}
			d.key(tea.KeyEnter, 1)
			check(tab.name + " page")
			d.key(tea.KeyCtrlE, 1)
			check(tab.name + " edit form")
			d.key(tea.KeyTab, 3)
			check(tab.name + " edit form, third field")
			d.key(tea.KeyEsc, 2)
			d.key(tea.KeyEsc, 1)
			d.key(tea.KeyCtrlN, 1)
			check(tab.name + " new form")
			d.key(tea.KeyEsc, 2)
		}
		d.send(tea.KeyMsg{Type: tea.KeyF6})
		d.typeText("wang")
		d.typeText(" ")
		d.key(tea.KeyBackspace, 5)
		d.typeText("nguyen")
		check("citizen search")
		d.key(tea.KeyEnter, 1)
		check("citizen page")
		d.key(tea.KeyEsc, 1)
		d.send(tea.KeyMsg{Type: tea.KeyF11})
		check("summary")
		d.key(tea.KeyEnter, 1)
		check("summary prose")
		for _, n := range "123456" {
			d.send(tea.KeyMsg{Type: tea.KeyF12})
			d.typeText(string(n))
			check("administration " + string(n))
			d.key(tea.KeyEsc, 2)
		}
		// dialogues, surveys and letters (^Y): lists, pages, forms
		for _, n := range "123" {
			d.key(tea.KeyCtrlY, 1)
			d.typeText(string(n))
			check("friendly register " + string(n))
			d.key(tea.KeyEnter, 1)
			check("friendly page " + string(n))
			d.key(tea.KeyEsc, 1)
			d.key(tea.KeyCtrlN, 1)
			check("friendly new form " + string(n))
			d.key(tea.KeyEsc, 2)
			d.key(tea.KeyEsc, 2) // the list, the menu
		}
		// a long text typed into a focused field scrolls inside it, the
		// cursor at its end on screen
		d.send(tea.KeyMsg{Type: tea.KeyF3})
		d.key(tea.KeyCtrlN, 1)
		d.key(tea.KeyTab, 2)
		long := strings.Repeat("Nội dung 土地 dài ", 6) + "KẾT"
		d.typeText(long)
		check("long text being typed")
		d.expectLine("▸ Nội dung", "KẾT")
		d.key(tea.KeyEsc, 2)
	}
}
