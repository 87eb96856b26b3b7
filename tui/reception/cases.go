package reception

import (
	"fmt"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/model/vntext"
	"github.com/tiepdan/tiepdan/tui/common"
	"github.com/tiepdan/tiepdan/tui/form"
	"github.com/tiepdan/tiepdan/tui/register"
)

// Values of the case fields besides a case's id.
const (
	caseNew  = "new" // open a new case from the visit
	caseNone = ""    // the second case field: none
)

// caseFields are the visit form's two case fields: the main case (empty: a
// new case opened by the visit) and a second case the visit raised (empty:
// none). Each is picked from the citizen's cases, newest first.
func caseFields(c *common.Common, labels map[uint64]string) []form.Field[model.Reception] {
	slot := func(key string, i int) form.Field[model.Reception] {
		return form.Field[model.Reception]{Key: key, Kind: form.Ref,
			Get: func(r *model.Reception) string {
				switch {
				case len(r.CaseIDs) <= i:
					return caseNone
				case r.CaseIDs[i] == 0:
					return caseNew
				}
				return strconv.FormatUint(r.CaseIDs[i], 10)
			},
			Set: func(r *model.Reception, v string) string {
				ids := append([]uint64(nil), r.CaseIDs...)
				for len(ids) <= i {
					ids = append(ids, 0)
				}
				switch v {
				case caseNone:
					if i == 0 {
						ids[0] = 0
					} else {
						ids = ids[:i]
					}
				case caseNew:
					ids[i] = 0
				default:
					id, err := strconv.ParseUint(v, 10, 64)
					if err != nil {
						return model.ErrCodeRequired
					}
					ids[i] = id
				}
				r.CaseIDs = ids
				return ""
			},
			RefLabel: func(r *model.Reception) string {
				switch {
				case len(r.CaseIDs) <= i && i > 0:
					return c.T("case.none")
				case len(r.CaseIDs) <= i || r.CaseIDs[i] == 0:
					return c.T("case.new")
				}
				if l, ok := labels[r.CaseIDs[i]]; ok {
					return l
				}
				return fmt.Sprintf("#%d", r.CaseIDs[i])
			},
			PickFor: func(r *model.Reception, _ string) common.Page { return newCasePicker(c, r.CitizenID, i > 0) },
		}
	}
	return []form.Field[model.Reception]{slot("CaseID", 0), slot("CaseID2", 1)}
}

// offerOpenCase: a citizen picked for a visit who has open cases is
// offered them at once (the case picker, on the case field), since a
// returning citizen most often comes back about one; Esc keeps a new case.
func offerOpenCase(c *common.Common) func(r *model.Reception, p form.Picked) (string, common.Page) {
	return func(r *model.Reception, p form.Picked) (string, common.Page) {
		x, ok := p.Extra.(model.Contact)
		if !ok || x.OpenCases == 0 || r.CitizenID == 0 {
			return "", nil
		}
		cp := newCasePicker(c, r.CitizenID, false)
		cp.offer = true
		return "CaseID", cp
	}
}

// caseLabel names a case in one line: number, date opened, summary, and
// whether it has ended.
func caseLabel(c *common.Common, k model.Case) string {
	s := c.T("case.label", k.ID, k.Opened.String(), k.Summary)
	if !k.Open() {
		s += " (" + c.T("case.closed") + ")"
	}
	return s
}

// casePicker lists the choices for a case field: a new case (and, for the
// second field, none), then the citizen's cases, newest first. Enter or the
// choice's number picks it: one keystroke for the case the citizen came
// back about.
type casePicker struct {
	c       *common.Common
	id      int
	second  bool
	citizen uint64
	cases   []model.Case
	offer   bool // opened by itself after the citizen was picked
	loaded  bool
	err     string
	sel     int
}

type casesLoaded struct {
	cases []model.Case
	err   error
}

func newCasePicker(c *common.Common, citizen uint64, second bool) *casePicker {
	return &casePicker{c: c, id: c.NewPageID(), citizen: citizen, second: second}
}

func (p *casePicker) ID() int { return p.id }

func (p *casePicker) Init() tea.Cmd {
	if p.citizen == 0 {
		p.loaded = true
		return nil
	}
	store, cit := p.c.Store, p.citizen
	return common.Do(p.id, func() tea.Msg {
		cs, err := store.CitizenCases(cit)
		return casesLoaded{cs, err}
	})
}

func (p *casePicker) Title() string { return p.c.T("case.pick_title") }
func (p *casePicker) Dirty() bool   { return false }

func (p *casePicker) Help() []common.KeyHelp {
	return []common.KeyHelp{{Key: "Enter", Desc: p.c.T("key.choose")}, {Key: "Esc", Desc: p.c.T("key.back")}}
}

// choices are the picker's lines as (value, label).
func (p *casePicker) choices() [][2]string {
	var out [][2]string
	if p.second {
		out = append(out, [2]string{caseNone, p.c.T("case.none")})
	}
	out = append(out, [2]string{caseNew, p.c.T("case.new")})
	for _, k := range p.cases {
		out = append(out, [2]string{strconv.FormatUint(k.ID, 10), caseLabel(p.c, k)})
	}
	return out
}

func (p *casePicker) pick(i int) tea.Cmd {
	ch := p.choices()
	if i < 0 || i >= len(ch) {
		return nil
	}
	v := ch[i][0]
	if v == caseNew && !p.second {
		v = caseNone // the main case field: empty is a new case
	}
	return p.c.Pop(form.Picked{Value: v, Label: ch[i][1]})
}

func (p *casePicker) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	switch msg := msg.(type) {
	case casesLoaded:
		p.loaded, p.cases = true, msg.cases
		if msg.err != nil {
			p.err = p.c.ErrorText(msg.err)
		}
	case tea.KeyMsg:
		n := len(p.choices())
		switch msg.Type {
		case tea.KeyEsc:
			return p, p.c.Pop(nil)
		case tea.KeyUp:
			p.sel = (p.sel + n - 1) % n
		case tea.KeyDown, tea.KeyTab:
			p.sel = (p.sel + 1) % n
		case tea.KeyEnter:
			return p, p.pick(p.sel)
		case tea.KeyRunes:
			if d := string(msg.Runes); len(d) == 1 && d[0] >= '1' && d[0] <= '9' {
				return p, p.pick(int(d[0] - '1'))
			}
		}
	}
	return p, nil
}

func (p *casePicker) View() string {
	st := p.c.Styles
	var b strings.Builder
	if p.offer {
		b.WriteString(st.Status.Render(vntext.Truncate(p.c.T("case.offer"), p.c.Width-1)) + "\n")
	}
	b.WriteString(st.Hint.Render(p.c.T("case.pick_hint")) + "\n")
	if p.citizen == 0 {
		b.WriteString(st.Dim.Render(p.c.T("case.no_citizen")) + "\n")
	}
	if p.err != "" {
		b.WriteString(st.Error.Render(p.err) + "\n")
	}
	if !p.loaded {
		b.WriteString(st.Dim.Render(p.c.T("loading")) + "\n")
	}
	rows := max(1, p.c.Height-8)
	start := max(0, p.sel-rows+1)
	for i, ch := range p.choices() {
		if i < start || i >= start+rows {
			continue
		}
		num := "  "
		if i < 9 {
			num = strconv.Itoa(i+1) + "."
		}
		line := vntext.Truncate(num+" "+ch[1], p.c.Width-2)
		if i == p.sel {
			line = st.Selected.Render(line)
		}
		b.WriteString(" " + line + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

var _ common.Page = (*casePicker)(nil)

// closeCase is the visit page's ^K: the visit's (main) case is recorded as
// ended today, or opened again when it had ended, so the case picker
// shows it for what it is.
func closeCase(c *common.Common) register.Action[model.Reception] {
	return register.Action[model.Reception]{
		Key:     c.Keys.CloseCase,
		Enabled: func(r *model.Reception) bool { return len(r.CaseIDs) > 0 },
		Run: func(c *common.Common, r model.Reception) tea.Cmd {
			store, id, today := c.Store, r.CaseIDs[0], model.DateOf(c.Now())
			return func() tea.Msg {
				k, err := store.Case(id)
				if err == nil {
					if k.Open() {
						k.Closed = max(today, k.Opened)
					} else {
						k.Closed = 0
					}
					err = store.SaveCase(&k)
				}
				switch {
				case err != nil:
					return common.StatusMsg{Text: c.ErrorText(err), Err: true}
				case k.Open():
					return common.StatusMsg{Text: c.T("case.reopened_msg", id)}
				}
				return common.StatusMsg{Text: c.T("case.closed_msg", id, k.Closed.String())}
			}
		},
	}
}
