package citizen

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/model/vntext"
	"github.com/tiepdan/tiepdan/tui/common"
	"github.com/tiepdan/tiepdan/tui/form"
)

// searchLimit is how many matches the picker shows.
const searchLimit = 30

// Picker searches citizens as the clerk types. In pick mode Enter returns
// the chosen citizen to the page below (a form); in browse mode (the
// Citizens tab) Enter opens the citizen's page.
type Picker struct {
	c       *common.Common
	id      int
	pick    bool
	input   textinput.Model
	results []model.Citizen
	last    map[uint64]model.Contact
	sel     int
	seq     int
	shown   int
	err     string
}

type searchDone struct {
	seq     int
	results []model.Citizen
	last    map[uint64]model.Contact
	err     error
}

// NewPicker returns a picker starting with query.
func NewPicker(c *common.Common, query string, pick bool) *Picker {
	ti := textinput.New()
	ti.Prompt = ""
	ti.CharLimit = 100
	ti.Cursor.SetMode(cursor.CursorStatic)
	ti.Placeholder = c.T("picker.placeholder")
	ti.SetValue(query)
	ti.Focus()
	return &Picker{c: c, id: c.NewPageID(), pick: pick, input: ti}
}

// ID returns the page id.
func (p *Picker) ID() int { return p.id }

// Init searches for the starting query.
func (p *Picker) Init() tea.Cmd { return p.search() }

// Title names the page.
func (p *Picker) Title() string {
	if p.pick {
		return p.c.T("picker.title")
	}
	return p.c.T("tab.citizen")
}

// Dirty is false: a search holds nothing to lose.
func (p *Picker) Dirty() bool { return false }

// Help lists the live keys.
func (p *Picker) Help() []common.KeyHelp {
	k := p.c.Keys
	open := common.KeyHelp{Key: "Enter", Desc: p.c.T("key.choose")}
	if !p.pick {
		open.Desc = p.c.T("key.open")
	}
	hs := []common.KeyHelp{open}
	hs = append(hs, common.Help(k.New)...)
	if p.pick {
		hs = append(hs, common.Help(k.Back)...)
	}
	return hs
}

// Query returns what is typed.
func (p *Picker) Query() string { return p.input.Value() }

func (p *Picker) search() tea.Cmd {
	p.seq++
	seq, q, store := p.seq, p.input.Value(), p.c.Store
	if strings.TrimSpace(q) == "" {
		p.results, p.shown = nil, seq
		return nil
	}
	return common.Do(p.id, func() tea.Msg {
		r, err := store.SearchCitizens(q, searchLimit)
		var last map[uint64]model.Contact
		if err == nil && len(r) > 0 {
			ids := make([]uint64, len(r))
			for i, c := range r {
				ids[i] = c.ID
			}
			last, err = store.LastContacts(ids)
		}
		return searchDone{seq: seq, results: r, last: last, err: err}
	})
}

// Update handles typing (a search per change), moving, choosing and
// creating a citizen from what was typed.
func (p *Picker) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	k := p.c.Keys
	switch msg := msg.(type) {
	case searchDone:
		if msg.seq < p.shown {
			return p, nil // an older keystroke's answer arriving late
		}
		p.shown, p.results, p.last, p.sel, p.err = msg.seq, msg.results, msg.last, 0, ""
		if msg.err != nil {
			p.err = p.c.ErrorText(msg.err)
		}
		return p, nil
	case common.Returned:
		saved, ok := msg.Result.(form.Saved)
		if !ok {
			return p, p.search()
		}
		cit := saved.Record.(model.Citizen)
		if p.pick {
			return p, p.c.Pop(form.Picked{Value: strconv.FormatUint(cit.ID, 10), Label: Label(cit)})
		}
		return p, tea.Batch(p.search(), p.c.Push(NewPage(p.c, cit.ID)))
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, k.Back) && p.pick:
			return p, p.c.Pop(nil)
		case key.Matches(msg, k.New):
			return p, p.c.Push(NewForm(p.c, p.prefill()))
		case msg.Type == tea.KeyUp:
			if p.sel > 0 {
				p.sel--
			}
			return p, nil
		case msg.Type == tea.KeyDown:
			if p.sel < len(p.results)-1 {
				p.sel++
			}
			return p, nil
		case msg.Type == tea.KeyEnter:
			if len(p.results) == 0 {
				return p, nil
			}
			cit := p.results[p.sel]
			if p.pick {
				return p, p.c.Pop(form.Picked{Value: strconv.FormatUint(cit.ID, 10), Label: Label(cit), Extra: p.last[cit.ID]})
			}
			return p, p.c.Push(NewPage(p.c, cit.ID))
		}
		before := p.input.Value()
		var cmd tea.Cmd
		p.input, cmd = p.input.Update(msg)
		if p.input.Value() != before {
			return p, tea.Batch(cmd, p.search())
		}
		return p, cmd
	}
	return p, nil
}

// prefill turns the query into a new citizen: digits become the ID number
// or phone, anything else the name.
func (p *Picker) prefill() model.Citizen {
	q := strings.TrimSpace(p.input.Value())
	d := vntext.Digits(q)
	switch {
	case d != "" && len(d) == len(strings.ReplaceAll(q, " ", "")) && (len(d) == 9 || len(d) == 12):
		return model.Citizen{IDNumber: d}
	case d != "" && len(d) >= 10 && model.ValidPhone(model.NormalizePhone(q)):
		return model.Citizen{Phone: q}
	}
	return model.Citizen{FullName: q}
}

// View renders the search box and the matches.
func (p *Picker) View() string {
	st := p.c.Styles
	var b strings.Builder
	b.WriteString(st.LabelFocus.Render(p.c.T("picker.search")) + " " + p.input.View() + "\n")
	for _, l := range vntext.Wrap(p.c.T("picker.hint"), p.c.Width-1, 2) {
		b.WriteString(st.Hint.Render(l) + "\n")
	}
	if p.err != "" {
		b.WriteString(st.Error.Render(p.err) + "\n")
	}
	if strings.TrimSpace(p.input.Value()) != "" && len(p.results) == 0 {
		b.WriteString(st.Dim.Render(p.c.T("picker.none")) + "\n")
	}
	w := p.c.Width
	// two lines a citizen: who, and when they last came and about what
	rows := max(1, (p.c.Height-8)/2)
	start := 0
	if p.sel >= rows {
		start = p.sel - rows + 1
	}
	for i := start; i < len(p.results) && i < start+rows; i++ {
		r := p.results[i]
		line := fmt.Sprintf("%s %4s %-12s %-10s %s", vntext.Pad(r.FullName, 26), year(r.BirthYear),
			r.IDNumber, r.Phone, r.Address)
		line = vntext.Truncate(line, w-2)
		if i == p.sel {
			line = st.Selected.Render(vntext.Pad(line, w-2))
		}
		b.WriteString(" " + line + "\n")
		b.WriteString(" " + st.Dim.Render(vntext.Truncate("   "+p.lastText(r.ID), w-2)) + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// lastText says when the citizen last came and about what, and how many
// of their cases are open.
func (p *Picker) lastText(id uint64) string {
	x, ok := p.last[id]
	if !ok {
		return p.c.T("picker.never")
	}
	s := p.c.T("picker.never")
	if x.ID != 0 {
		s = p.c.T("picker.last", x.Date.String(), p.c.T("kind."+string(x.Kind)), x.Summary)
	}
	if x.OpenCases > 0 {
		s = p.c.T("picker.open_cases", x.OpenCases) + " · " + s
	}
	return s
}

func year(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}
