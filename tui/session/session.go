// Package session is the leader's reception sessions (buổi tiếp định kỳ /
// đột xuất): the list of sessions, the session form, and the session page
// where the clerk logs its visitors one after another without leaving it.
package session

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/model/vntext"
	"github.com/tiepdan/tiepdan/tui/common"
	"github.com/tiepdan/tiepdan/tui/form"
	"github.com/tiepdan/tiepdan/tui/reception"
	"github.com/tiepdan/tiepdan/tui/register"
)

func base(s *model.ReceptionSession) *model.Meta { return &s.Meta }

// ListSpec describes the sessions list.
func ListSpec(c *common.Common) register.Spec[model.ReceptionSession] {
	cat := c.Cat
	return register.Spec[model.ReceptionSession]{
		Kind:  model.KindSession,
		Title: "tab.session",
		Columns: []register.Column[model.ReceptionSession]{
			{Title: "col.date", Width: 10, Value: func(s *model.ReceptionSession, _ map[uint64]model.Citizen) string { return s.Date.String() }},
			{Title: "col.kind", Width: 10, Value: func(s *model.ReceptionSession, _ map[uint64]model.Citizen) string {
				return cat.Label("skind", string(s.SessKind))
			}},
			{Title: "col.presiding", Width: 30, Grow: 1, Value: func(s *model.ReceptionSession, _ map[uint64]model.Citizen) string { return s.Presiding }},
			{Title: "col.place", Width: 24, Grow: 1, Value: func(s *model.ReceptionSession, _ map[uint64]model.Citizen) string { return s.Place }},
		},
		Load: func(s model.Store, q model.ListQuery) (model.Page[model.ReceptionSession], error) {
			return s.ListSessions(q)
		},
		Base:    base,
		Open:    func(c *common.Common, id uint64) common.Page { return NewDetail(c, id) },
		OpenNew: true,
		New: func(c *common.Common) tea.Cmd {
			rec := model.ReceptionSession{Date: model.DateOf(c.Now()), SessKind: model.SessionPeriodic}
			rec.Presiding = presiding(c).Options[0].Code
			return c.Push(NewForm(c, rec))
		},
		KindOptions: form.Options(model.SessionKinds(), func(s string) string { return cat.Label("skind", s) }),
	}
}

// NewForm returns the session form.
func NewForm(c *common.Common, rec model.ReceptionSession) common.Page {
	title := c.T("session.new")
	if rec.ID != 0 {
		title = c.T("session.edit", rec.Date.String())
	}
	fields := []form.Field[model.ReceptionSession]{
		form.DateField("Date", true, func(s *model.ReceptionSession) *model.Date { return &s.Date }),
		form.ChoiceField("SessKind", true, form.Options(model.SessionKinds(), func(s string) string { return c.Cat.Label("skind", s) }),
			func(s *model.ReceptionSession) *model.SessionKind { return &s.SessKind }),
		presiding(c),
		form.BoolField("Delegated", func(s *model.ReceptionSession) *bool { return &s.Delegated }),
		form.TextField("Place", false, func(s *model.ReceptionSession) *string { return &s.Place }),
		form.TextField("Note", false, func(s *model.ReceptionSession) *string { return &s.Note }),
	}
	return form.New(c, title, rec, fields, c.Store.SaveSession)
}

// presiding picks who presides from the office's leaders (settings), so
// the summary can say who presided over how many sessions.
func presiding(c *common.Common) form.Field[model.ReceptionSession] {
	var opts []form.Option
	for _, n := range c.LeaderNames() {
		opts = append(opts, form.Option{Code: n, Label: n})
	}
	return form.ChoiceField("Presiding", true, opts, func(s *model.ReceptionSession) *string { return &s.Presiding })
}

type visitors struct {
	list  []model.Reception
	names map[uint64]string
}

// DetailSpec describes the session page: its details, the visitors logged so
// far, and ^N to log the next one. After each visitor is saved the next
// visitor's form opens at once; Esc on an empty form ends the run.
func DetailSpec(c *common.Common) register.DetailSpec[model.ReceptionSession] {
	cat := c.Cat
	next := func(c *common.Common, s model.ReceptionSession) tea.Cmd {
		rec := reception.NewRecord(c, s.ID)
		if today := model.DateOf(c.Now()); s.Date != today {
			// logging a past session afterwards: date the visits that day
			rec.At = s.Date.Time().Add(8 * 3600e9).UTC()
		}
		return c.Push(reception.NewForm(c, rec, model.Citizen{}))
	}
	return register.DetailSpec[model.ReceptionSession]{
		Kind:  model.KindSession,
		Get:   func(s model.Store, id uint64) (model.ReceptionSession, error) { return s.Session(id) },
		Base:  base,
		Title: func(c *common.Common, s *model.ReceptionSession) string { return c.T("session.title", s.Date.String()) },
		Lines: func(c *common.Common, s *model.ReceptionSession, _ model.Citizen) []register.Line {
			del := ""
			if s.Delegated {
				del = c.T("form.yes")
			}
			return []register.Line{
				register.L("field.Date", s.Date.String()),
				register.L("field.SessKind", cat.Label("skind", string(s.SessKind))),
				register.L("field.Presiding", s.Presiding),
				register.L("field.Delegated", del),
				register.L("field.Place", s.Place),
				register.L("field.Note", s.Note),
			}
		},
		Edit: func(c *common.Common, s model.ReceptionSession, _ model.Citizen) tea.Cmd {
			return c.Push(NewForm(c, s))
		},
		Load: func(st model.Store, s *model.ReceptionSession) (any, error) {
			list, err := st.SessionReceptions(s.ID)
			names := map[uint64]string{}
			for _, r := range list {
				if _, ok := names[r.CitizenID]; !ok {
					if cit, err := st.Citizen(r.CitizenID); err == nil {
						names[r.CitizenID] = cit.FullName
					}
				}
			}
			return visitors{list: list, names: names}, err
		},
		Links: func(extra any) []common.OpenMsg {
			v, _ := extra.(visitors)
			links := make([]common.OpenMsg, len(v.list))
			for i, r := range v.list {
				links[i] = common.OpenMsg{Kind: model.KindReception, ID: r.ID}
			}
			return links
		},
		Below: func(c *common.Common, s *model.ReceptionSession, extra any, sel int) string {
			v, _ := extra.(visitors)
			var b strings.Builder
			people := 0
			for _, r := range v.list {
				if !r.Voided {
					people += r.HeadCount
				}
			}
			b.WriteString("\n" + c.Styles.Header.Render(c.T("session.visitors", len(v.list), people)) + "\n")
			for i, r := range v.list {
				line := fmt.Sprintf("%2d. %s %s %3d  %s", i+1, r.At.In(model.VN).Format("15:04"),
					vntext.Pad(v.names[r.CitizenID], 22), r.HeadCount, strings.ReplaceAll(r.Summary, "\n", " "))
				line = vntext.Truncate(line, c.Width-1)
				switch {
				case i == sel:
					line = c.Styles.Selected.Render(line)
				case r.Voided:
					line = c.Styles.Voided.Render(line)
				}
				b.WriteString(line + "\n")
			}
			return b.String()
		},
		Extra: []register.Action[model.ReceptionSession]{{
			Key: c.Keys.AddVisitor,
			Run: next,
		}},
		AfterSave: func(c *common.Common, s *model.ReceptionSession, saved form.Saved) tea.Cmd {
			if saved.Kind != model.KindReception {
				return nil
			}
			return next(c, *s)
		},
	}
}

// NewDetail returns the session page of session id.
func NewDetail(c *common.Common, id uint64) common.Page {
	return register.NewDetail(c, DetailSpec(c), id)
}
