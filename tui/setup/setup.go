// Package setup is the office settings form: asked on first run (the
// office's name and place are needed for every printed document) and
// reachable later with F12.
package setup

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/tui/common"
	"github.com/tiepdan/tiepdan/tui/form"
)

// Fields returns the office settings form's fields.
func Fields(c *common.Common) []form.Field[model.Office] {
	name := form.TextField("Name", true, func(o *model.Office) *string { return &o.Name })
	name.Label = "setup.name"
	place := form.TextField("Place", true, func(o *model.Office) *string { return &o.Place })
	place.Label = "setup.place"
	code := form.TextField("Code", false, func(o *model.Office) *string { return &o.Code })
	code.Label = "setup.code"
	return []form.Field[model.Office]{
		name, place,
		form.TextField("Superior", false, func(o *model.Office) *string { return &o.Superior }),
		code,
		form.TextField("SignerTitle", false, func(o *model.Office) *string { return &o.SignerTitle }),
		form.TextField("SignerName", false, func(o *model.Office) *string { return &o.SignerName }),
		form.IntField("GroupThreshold", true, func(o *model.Office) *int { return &o.GroupThreshold }),
		form.IntField("IntakeCutoffHour", true, func(o *model.Office) *int { return &o.IntakeCutoffHour }),
		form.IntField("CutoffDay", true, func(o *model.Office) *int { return &o.CutoffDay }),
		form.IntField("SessionRules", true, func(o *model.Office) *int { return &o.LatestSessionRule().PerMonth }),
		form.DateField("SessionFrom", true, func(o *model.Office) *model.Date { return &o.LatestSessionRule().From }),
		protectedMode(c),
	}
}

// NewForm returns the settings form over o; first marks the first-run form.
func NewForm(c *common.Common, o model.Office, first bool) common.Page {
	title := c.T("setup.edit")
	if first {
		title = c.T("setup.first")
	}
	return form.New(c, title, o, Fields(c), c.Store.SaveOffice)
}

// Open loads the settings and pushes their form.
func Open(c *common.Common) tea.Cmd {
	store := c.Store
	return func() tea.Msg {
		o, err := store.Office()
		if err != nil {
			return common.StatusMsg{Text: c.ErrorText(err), Err: true}
		}
		return common.PushMsg{Page: NewForm(c, o, false)}
	}
}

// protectedMode is the choice between keeping no identity of denouncers
// (offline, the default) and keeping it apart (restricted).
func protectedMode(c *common.Common) form.Field[model.Office] {
	return form.Field[model.Office]{Key: "Protected", Kind: form.Choice, Required: true,
		Options: form.Options([]model.ProtectedMode{model.ProtectedOffline, model.ProtectedRestricted},
			func(code string) string { return c.Cat.Label("protmode", code) }),
		Get: func(o *model.Office) string { return string(o.ProtectedMode()) },
		Set: func(o *model.Office, v string) string { o.Protected = model.ProtectedMode(v); return "" }}
}
