package register

import (
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/tui/common"
)

// Voided is the result the void prompt pops with after voiding.
type Voided struct{}

// VoidPrompt asks for the reason and voids the record. Records are never
// deleted: a voided one keeps its data and stops counting.
type VoidPrompt struct {
	c       *common.Common
	id      int
	kind    model.Kind
	rid     uint64
	version uint64
	input   textinput.Model
	err     string
	busy    bool
}

type voidDone struct{ err error }

// NewVoidPrompt returns the prompt voiding record rid at version.
func NewVoidPrompt(c *common.Common, kind model.Kind, rid, version uint64) *VoidPrompt {
	ti := textinput.New()
	ti.Prompt = ""
	ti.CharLimit = model.MaxShortLen
	ti.Cursor.SetMode(cursor.CursorStatic)
	ti.Focus()
	return &VoidPrompt{c: c, id: c.NewPageID(), kind: kind, rid: rid, version: version, input: ti}
}

// ID returns the page id.
func (v *VoidPrompt) ID() int { return v.id }

// Init does nothing.
func (v *VoidPrompt) Init() tea.Cmd { return nil }

// Title names the action.
func (v *VoidPrompt) Title() string { return v.c.T("void.title") }

// Dirty reports a typed reason.
func (v *VoidPrompt) Dirty() bool { return strings.TrimSpace(v.input.Value()) != "" }

// Help lists the live keys.
func (v *VoidPrompt) Help() []common.KeyHelp {
	return []common.KeyHelp{{Key: "Enter", Desc: v.c.T("void.confirm")}, {Key: "Esc", Desc: v.c.T("key.back")}}
}

// Update handles typing, confirming and the store's answer.
func (v *VoidPrompt) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	switch msg := msg.(type) {
	case voidDone:
		v.busy = false
		if msg.err != nil {
			v.err = v.c.ErrorText(msg.err)
			return v, nil
		}
		return v, v.c.Pop(Voided{})
	case tea.KeyMsg:
		if v.busy {
			return v, nil
		}
		switch {
		case key.Matches(msg, v.c.Keys.Back):
			return v, v.c.Pop(nil)
		case msg.Type == tea.KeyEnter:
			reason := strings.TrimSpace(v.input.Value())
			if reason == "" {
				v.err = v.c.T("field.VoidReason") + ": " + v.c.Cat.FieldError(model.ErrCodeRequired)
				return v, nil
			}
			v.busy = true
			store, kind, id, ver := v.c.Store, v.kind, v.rid, v.version
			return v, common.Do(v.id, func() tea.Msg { return voidDone{err: store.Void(kind, id, ver, reason)} })
		}
		var cmd tea.Cmd
		v.input, cmd = v.input.Update(msg)
		return v, cmd
	}
	return v, nil
}

// View renders the question and the reason field.
func (v *VoidPrompt) View() string {
	st := v.c.Styles
	s := v.c.T("void.explain") + "\n\n" + st.LabelFocus.Render(v.c.T("field.VoidReason")+" *") + " " + v.input.View()
	if v.err != "" {
		s += "\n" + st.Error.Render(v.err)
	}
	return s
}
