package register

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/model/vntext"
	"github.com/tiepdan/tiepdan/tui/common"
	"github.com/tiepdan/tiepdan/tui/form"
)

// Line is one "label: value" row of a detail view.
type Line struct{ Label, Value string }

// Action is an extra key a detail view offers (turn a visit into a petition,
// log the next visitor of a session).
type Action[T any] struct {
	Key     key.Binding
	Enabled func(*T) bool
	Run     func(c *common.Common, rec T) tea.Cmd
}

// DetailSpec is what a register tells its detail view.
type DetailSpec[T any] struct {
	Kind    model.Kind
	Get     func(s model.Store, id uint64) (T, error)
	Base    func(*T) *model.Meta
	Title   func(c *common.Common, rec *T) string
	Lines   func(c *common.Common, rec *T, cit model.Citizen) []Line
	Citizen func(*T) uint64
	Edit    func(c *common.Common, rec T, cit model.Citizen) tea.Cmd
	Extra   []Action[T]
	// Below renders more under the lines (a session's visitors) from what
	// Load fetched after the record; sel is the one of Links chosen.
	Below func(c *common.Common, rec *T, extra any, sel int) string
	Load  func(s model.Store, rec *T) (any, error)
	// Links are the records listed below that can be opened, in the order
	// shown: ↑↓ choose one, Enter opens it.
	Links func(extra any) []common.OpenMsg
	// AfterSave runs when a form opened from this page saved (the session
	// page opens the next visitor's form).
	AfterSave func(c *common.Common, rec *T, saved form.Saved) tea.Cmd
}

// Detail shows one record with its actions.
type Detail[T any] struct {
	c      *common.Common
	id     int
	spec   DetailSpec[T]
	rid    uint64
	rec    T
	cit    model.Citizen
	extra  any
	sel    int
	loaded bool
	err    string
}

type detailLoaded[T any] struct {
	rec   T
	cit   model.Citizen
	extra any
	err   error
}

// NewDetail returns the detail page of record id.
func NewDetail[T any](c *common.Common, spec DetailSpec[T], id uint64) *Detail[T] {
	return &Detail[T]{c: c, id: c.NewPageID(), spec: spec, rid: id}
}

// ID returns the page id.
func (d *Detail[T]) ID() int { return d.id }

// Init loads the record.
func (d *Detail[T]) Init() tea.Cmd { return d.load() }

func (d *Detail[T]) load() tea.Cmd {
	store, spec, id := d.c.Store, d.spec, d.rid
	return common.Do(d.id, func() tea.Msg {
		rec, err := spec.Get(store, id)
		if err != nil {
			return detailLoaded[T]{err: err}
		}
		var cit model.Citizen
		if spec.Citizen != nil {
			if cid := spec.Citizen(&rec); cid != 0 {
				cit, _ = store.Citizen(cid)
			}
		}
		var extra any
		if spec.Load != nil {
			extra, err = spec.Load(store, &rec)
		}
		return detailLoaded[T]{rec: rec, cit: cit, extra: extra, err: err}
	})
}

// Record returns the record shown (tests).
func (d *Detail[T]) Record() T { return d.rec }

// Title names the record.
func (d *Detail[T]) Title() string {
	if !d.loaded || d.err != "" {
		return d.c.T("kind." + string(d.spec.Kind))
	}
	return d.spec.Title(d.c, &d.rec)
}

// Dirty is false.
func (d *Detail[T]) Dirty() bool { return false }

func (d *Detail[T]) live() bool { return d.loaded && d.err == "" && !d.spec.Base(&d.rec).Voided }

// Help lists the live keys: none that change a voided record.
func (d *Detail[T]) Help() []common.KeyHelp {
	k := d.c.Keys
	var hs []common.KeyHelp
	if d.live() {
		for _, a := range d.spec.Extra {
			if a.Enabled == nil || a.Enabled(&d.rec) {
				hs = append(hs, common.Help(a.Key)...)
			}
		}
		hs = append(hs, common.Help(k.Edit, k.Void)...)
	}
	if len(d.links()) > 0 {
		hs = append([]common.KeyHelp{{Key: "↑↓", Desc: d.c.T("key.choose")}}, append(common.Help(k.Open), hs...)...)
	}
	hs = append(hs, common.Help(k.Back)...)
	if d.cit.ID != 0 {
		hs = append(hs, common.Help(k.Citizen)...)
	}
	return append(hs, common.Help(k.Audit)...)
}

// Update handles the record's actions and reloads after any of them.
func (d *Detail[T]) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	k := d.c.Keys
	switch msg := msg.(type) {
	case detailLoaded[T]:
		d.loaded = true
		if msg.err != nil {
			d.err = d.c.ErrorText(msg.err)
			return d, nil
		}
		d.rec, d.cit, d.extra, d.err = msg.rec, msg.cit, msg.extra, ""
		d.sel = max(0, min(d.sel, len(d.links())-1))
	case common.Returned:
		var cmds []tea.Cmd
		switch r := msg.Result.(type) {
		case form.Saved:
			cmds = append(cmds, common.Status(d.c.T("form.saved"), false))
			if d.spec.AfterSave != nil {
				cmds = append(cmds, d.spec.AfterSave(d.c, &d.rec, r))
			}
		case Voided:
			cmds = append(cmds, common.Status(d.c.T("record.void_done"), false))
		}
		return d, tea.Batch(append(cmds, d.load())...)
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, k.Back):
			return d, d.c.Pop(nil)
		case key.Matches(msg, k.Audit) && d.loaded:
			return d, d.c.Push(NewAudit(d.c, d.spec.Kind, d.rid))
		case key.Matches(msg, k.Citizen) && d.cit.ID != 0:
			return d, func() tea.Msg { return common.OpenMsg{Kind: model.KindCitizen, ID: d.cit.ID} }
		case msg.Type == tea.KeyDown && d.sel+1 < len(d.links()):
			d.sel++
			return d, nil
		case msg.Type == tea.KeyUp && d.sel > 0:
			d.sel--
			return d, nil
		case key.Matches(msg, k.Open) && d.sel < len(d.links()):
			open := d.links()[d.sel]
			return d, func() tea.Msg { return open }
		case !d.live():
			return d, nil
		case key.Matches(msg, k.Edit):
			return d, d.spec.Edit(d.c, d.rec, d.cit)
		case key.Matches(msg, k.Void):
			m := d.spec.Base(&d.rec)
			return d, d.c.Push(NewVoidPrompt(d.c, d.spec.Kind, m.ID, m.Version))
		}
		for _, a := range d.spec.Extra {
			if key.Matches(msg, a.Key) && (a.Enabled == nil || a.Enabled(&d.rec)) {
				return d, a.Run(d.c, d.rec)
			}
		}
	}
	return d, nil
}

// View renders the record's lines.
func (d *Detail[T]) View() string {
	st := d.c.Styles
	if d.err != "" {
		return st.Error.Render(d.err)
	}
	if !d.loaded {
		return st.Dim.Render(d.c.T("loading"))
	}
	var b strings.Builder
	m := d.spec.Base(&d.rec)
	if m.Voided {
		b.WriteString(st.Error.Render(d.c.T("record.voided", m.VoidReason)) + "\n")
	}
	lw := 20
	vw := d.c.Width - lw - 2
	for _, l := range d.spec.Lines(d.c, &d.rec, d.cit) {
		if l.Value == "" {
			continue
		}
		label := st.Label.Render(Cell(d.c.T(l.Label), lw))
		for i, part := range wrap(l.Value, vw) {
			if i > 0 {
				label = strings.Repeat(" ", lw)
			}
			b.WriteString(label + " " + part + "\n")
		}
	}
	b.WriteString(st.Dim.Render(vntext.Truncate(d.c.T("record.meta", d.c.StaffName(m.CreatedBy), model.FormatDateTime(m.CreatedAt),
		d.c.StaffName(m.UpdatedBy), model.FormatDateTime(m.UpdatedAt), m.Version), d.c.Width-1)) + "\n")
	if d.spec.Below != nil {
		b.WriteString(d.spec.Below(d.c, &d.rec, d.extra, d.sel))
	}
	return strings.TrimRight(b.String(), "\n")
}

// wrap breaks s into lines of at most w cells at spaces.
func wrap(s string, w int) []string { return vntext.Wrap(s, w, 0) }

// L makes a Line.
func L(label, value string) Line { return Line{Label: label, Value: value} }

// links are the records below that Enter opens.
func (d *Detail[T]) links() []common.OpenMsg {
	if d.spec.Links == nil || !d.loaded {
		return nil
	}
	return d.spec.Links(d.extra)
}
