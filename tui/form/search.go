package form

import (
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model/vntext"
	"github.com/tiepdan/tiepdan/tui/common"
)

// SearchField is a choice among many options (a catalogue of several
// hundred procedures): typing on it opens a list that narrows as the
// clerk types, by words without diacritics found anywhere in the option;
// long options wrap in the list and in the form, never cut silently.
func SearchField[T any](c *common.Common, key string, required bool, options []Option, get func(*T) string, set func(*T, string) string) Field[T] {
	label := func(v string) string {
		for _, o := range options {
			if o.Code == v {
				return o.Label
			}
		}
		return ""
	}
	return Field[T]{Key: key, Kind: Ref, Required: required, Get: get, Set: set,
		RefLabel: func(r *T) string { return label(get(r)) },
		Pick:     func(q string) common.Page { return NewOptionPicker(c, "field."+key, options, q) }}
}

// OptionPicker lists options matching what is typed; Enter picks one.
type OptionPicker struct {
	c       *common.Common
	id      int
	title   string
	all     []Option
	folded  []string
	input   textinput.Model
	matches []int
	sel     int
}

// NewOptionPicker returns a picker over options titled by catalogue key
// title, starting with query.
func NewOptionPicker(c *common.Common, title string, options []Option, query string) *OptionPicker {
	ti := textinput.New()
	ti.Prompt = ""
	ti.CharLimit = 100
	ti.Cursor.SetMode(cursor.CursorStatic)
	ti.Placeholder = c.T("optpick.placeholder")
	ti.SetValue(query)
	ti.Focus()
	p := &OptionPicker{c: c, id: c.NewPageID(), title: title, all: options, input: ti}
	for _, o := range options {
		p.folded = append(p.folded, " "+strings.Join(vntext.Tokens(o.Label), " "))
	}
	p.filter()
	return p
}

// filter keeps the options holding every typed word, each as the start of
// one of the option's words ("cap giay" finds "Cấp bản sao Giấy khai
// sinh"), in catalogue order.
func (p *OptionPicker) filter() {
	words := vntext.Tokens(p.input.Value())
	p.matches = p.matches[:0]
	for i, f := range p.folded {
		ok := true
		for _, w := range words {
			if !strings.Contains(f, " "+w) {
				ok = false
				break
			}
		}
		if ok {
			p.matches = append(p.matches, i)
		}
	}
	p.sel = min(p.sel, max(0, len(p.matches)-1))
}

// ID returns the page id.
func (p *OptionPicker) ID() int { return p.id }

// Init does nothing: the options are at hand.
func (p *OptionPicker) Init() tea.Cmd { return nil }

// Title names the page after the field.
func (p *OptionPicker) Title() string { return p.c.T(p.title) }

// Dirty is false: a search holds nothing to lose.
func (p *OptionPicker) Dirty() bool { return false }

// Help lists the live keys.
func (p *OptionPicker) Help() []common.KeyHelp {
	hs := []common.KeyHelp{{Key: "Enter", Desc: p.c.T("key.choose")}, {Key: "Esc", Desc: p.c.T("key.back")}}
	if len(p.matches) > 1 {
		hs = append([]common.KeyHelp{{Key: "↑↓ PgDn", Desc: p.c.T("key.move")}}, hs...)
	}
	return hs
}

// Update narrows the list as the clerk types, moves, and picks.
func (p *OptionPicker) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return p, nil
	}
	switch k.Type {
	case tea.KeyEsc:
		return p, p.c.Pop(nil)
	case tea.KeyEnter:
		if len(p.matches) == 0 {
			return p, nil
		}
		o := p.all[p.matches[p.sel]]
		return p, p.c.Pop(Picked{Value: o.Code, Label: o.Label})
	case tea.KeyUp:
		p.sel = max(0, p.sel-1)
		return p, nil
	case tea.KeyDown:
		p.sel = min(max(0, len(p.matches)-1), p.sel+1)
		return p, nil
	case tea.KeyPgDown:
		p.sel = min(max(0, len(p.matches)-1), p.sel+p.rows()/2)
		return p, nil
	case tea.KeyPgUp:
		p.sel = max(0, p.sel-p.rows()/2)
		return p, nil
	}
	before := p.input.Value()
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	if p.input.Value() != before {
		p.sel = 0
		p.filter()
	}
	return p, cmd
}

func (p *OptionPicker) rows() int { return max(3, p.c.Height-8) }

// View renders the search box, the count, and the matches, each option
// wrapped over as many lines as it needs.
func (p *OptionPicker) View() string {
	st := p.c.Styles
	w := p.c.Width - 1
	out := []string{st.LabelFocus.Render(p.c.T("picker.search")) + " " + p.input.View(),
		st.Hint.Render(vntext.Truncate(p.c.T("optpick.count", len(p.matches), len(p.all)), w))}
	if len(p.matches) == 0 {
		out = append(out, st.Dim.Render(vntext.Truncate(p.c.T("optpick.none"), w)))
	}
	// the chosen option and those after it that fit; earlier ones scroll off
	rows := p.rows()
	var body []string
	start := p.sel
	for start > 0 {
		n := len(wrapCol(p.all[p.matches[start-1]].Label, w-4))
		if len(wrapLines(p, start, w))+n > rows {
			break
		}
		start--
	}
	for i := start; i < len(p.matches) && len(body) < rows; i++ {
		for j, l := range wrapCol(p.all[p.matches[i]].Label, w-4) {
			mark := "  "
			if j == 0 && i == p.sel {
				mark = "▸ "
			} else if j > 0 {
				mark = "    "
				l = strings.TrimSpace(l)
			}
			line := vntext.Pad(mark+l, w)
			if i == p.sel {
				line = st.Selected.Render(line)
			}
			body = append(body, line)
		}
	}
	if len(body) > rows {
		body = body[:rows]
	}
	return strings.Join(append(out, body...), "\n")
}

// wrapLines counts the lines from match start to the chosen one.
func wrapLines(p *OptionPicker, start, w int) []string {
	var out []string
	for i := start; i <= p.sel && i < len(p.matches); i++ {
		out = append(out, wrapCol(p.all[p.matches[i]].Label, w-4)...)
	}
	return out
}
