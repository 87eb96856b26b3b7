package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/tui/admin"
	"github.com/tiepdan/tiepdan/tui/citizen"
	"github.com/tiepdan/tiepdan/tui/common"
	"github.com/tiepdan/tiepdan/tui/dossier"
	"github.com/tiepdan/tiepdan/tui/friendly"
	"github.com/tiepdan/tiepdan/tui/petition"
	"github.com/tiepdan/tiepdan/tui/reception"
	"github.com/tiepdan/tiepdan/tui/register"
	"github.com/tiepdan/tiepdan/tui/session"
)

// key handles the keys the frame owns (quit, tabs, administration) and
// hands the rest to the page on top.
func (a *App) key(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := a.c.Keys
	if !key.Matches(msg, k.Quit) {
		a.quitAsked = false
	}
	switch {
	case msg.Type == tea.KeyCtrlC, key.Matches(msg, k.Quit):
		if a.dirty() && !a.quitAsked {
			a.quitAsked = true
			a.status, a.statusErr = a.c.T("app.quit_dirty"), true
			return a, nil
		}
		return a, tea.Quit
	case a.setup != nil:
		// first run: only the settings form until it is saved
	case tabOf(k, msg) >= 0:
		a.tab = tabOf(k, msg)
		if s, ok := a.top().(common.Shown); ok {
			return a, s.Shown()
		}
		return a, nil
	case key.Matches(msg, k.Friendly):
		return a, friendly.Open(a.c)
	case msg.String() == "f12":
		if !admin.Allowed(a.c) {
			a.status, a.statusErr = a.c.T("err.permission"), true
			return a, nil
		}
		return a, admin.Open(a.c)
	}
	a.status = ""
	p, cmd := a.top().Update(msg)
	a.replaceTop(p)
	return a, cmd
}

func tabKeys(k common.KeyMap) []key.Binding {
	return []key.Binding{k.TabToday, k.TabReception, k.TabPetition, k.TabDossier, k.TabCitizen, k.TabSession, k.TabSummary}
}

// tabOf returns the tab whose key msg is, or -1.
func tabOf(k common.KeyMap, msg tea.KeyMsg) int {
	for i, b := range tabKeys(k) {
		if key.Matches(msg, b) {
			return i
		}
	}
	return -1
}

func (a *App) dirty() bool {
	for _, s := range a.stacks {
		for _, p := range s {
			if p.Dirty() {
				return true
			}
		}
	}
	return false
}

// detail builds the detail page of a record of any kind.
func (a *App) detail(msg common.OpenMsg) common.Page {
	switch msg.Kind {
	case model.KindReception:
		return reception.NewDetail(a.c, msg.ID)
	case model.KindPetition:
		return petition.NewDetail(a.c, msg.ID)
	case model.KindDossier:
		return dossier.NewDetail(a.c, msg.ID)
	case model.KindSession:
		return session.NewDetail(a.c, msg.ID)
	case model.KindCitizen:
		return citizen.NewPage(a.c, msg.ID)
	case model.KindDialogue:
		return register.NewDetail(a.c, friendly.DialogueDetail(a.c), msg.ID)
	case model.KindSurvey:
		return register.NewDetail(a.c, friendly.SurveyDetail(a.c), msg.ID)
	case model.KindLetter:
		return register.NewDetail(a.c, friendly.LetterDetail(a.c), msg.ID)
	}
	return nil
}
