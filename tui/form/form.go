// Package form is the one form component every record editor uses: a column
// of labelled fields (text, date, date-time, number, choice, yes/no, and a
// reference picked from another page), inline Vietnamese messages under the
// fields that are wrong, scrolling at 80x24, F2 to save and Esc to leave.
package form

import (
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/tui/common"
)

// Kind is how a field is edited.
type Kind int

// Field kinds.
const (
	Text Kind = iota
	Date
	DateTime
	Int
	Choice
	Bool
	Ref
)

// Option is one value of a Choice field.
type Option struct{ Code, Label string }

// Field describes one row of a form over records of type T. Get renders the
// record's value as the field's text (a code for Choice, "1" or "" for Bool,
// an id for Ref); Set parses it back and returns a field error code (such as
// model.ErrCodeDate) when the text cannot be read.
type Field[T any] struct {
	Key string
	// Label overrides the catalogue key "field.<Key>" for the label.
	Label    string
	Kind     Kind
	Options  []Option
	Required bool
	// Secret hides what is typed (a new password): dots on screen, and the
	// value is never shown back.
	Secret bool
	Get    func(*T) string
	Set    func(*T, string) (code string)
	// RefLabel shows a Ref's current value; Pick builds the page that picks
	// a new one and returns a Picked result.
	RefLabel func(*T) string
	Pick     func(query string) common.Page
	// PickFor, when set instead of Pick, builds the picker from the record
	// as typed so far (a case picker needs the citizen chosen above).
	PickFor func(rec *T, query string) common.Page
	// Warn, when set, names a catalogue key for a notice shown under the
	// field while its text calls for one ("typed without diacritics"); it
	// never stops a save.
	Warn func(text string) (key string)
	// Private fields (a protected identity) are never kept in a draft.
	Private bool
	// OnPick, when set on a Ref, runs once a pick is put in: it may open a
	// page whose pick goes to the field it names (a citizen with open cases
	// is offered the case picker), while the focus goes on to the next
	// field as after any pick.
	OnPick func(rec *T, p Picked) (focus string, page common.Page)
}

// Picked is the result a Ref's picker page pops with; Extra is what else
// the picker knew of the choice (a citizen's last visit and open cases).
type Picked struct {
	Value string
	Label string
	Extra any
}

// Saved is the result a form pops with after a successful save.
type Saved struct {
	Kind   model.Kind
	ID     uint64
	Record any
}

// labelWidth is the width of the label column.
const labelWidth = 24

// Model is a form editing a copy of one record of type T (P is *T).
type Model[T any, P interface {
	*T
	model.Record
}] struct {
	c      *common.Common
	id     int
	title  string
	rec    T
	fields []Field[T]
	inputs []textinput.Model
	// fresh: the focused number or date field still holds the value it
	// had when focus came to it; the first character typed replaces it.
	fresh bool
	// typed is the run of letters typed into the focused choice field: a
	// search by the start of its options' words.
	typed   string
	values  []string
	initial []string
	labels  []string
	errs    map[string]string
	focus   int
	saving  bool
	confirm bool
	status  string
	save    func(P) error
	result  func(T) any
	// conflicted is set while the form shows a merge after a conflict;
	// clashes are the fields the other clerk changed, by field index.
	conflicted bool
	clashes    map[int]clash
	// opened is when the form opened; draftID names its draft.
	opened  time.Time
	draftID string
	link    string
	// offered is the field the page OnPick opened picks for (-1: none).
	offered int
	// confirmFn names a change that needs a second F2; armed: it was asked.
	confirmFn func(was, is *T) string
	armed     bool
}

// New returns a form titled title over a copy of rec, saved by save (run off
// the event loop). Cancelling pops with nil.
func New[T any, P interface {
	*T
	model.Record
}](c *common.Common, title string, rec T, fields []Field[T], save func(P) error) *Model[T, P] {
	fields = withChangeReason[T, P](c, &rec, fields)
	m := &Model[T, P]{c: c, id: c.NewPageID(), title: title, rec: rec, fields: fields, save: save,
		errs: map[string]string{}, opened: c.Now(), offered: -1}
	m.inputs = make([]textinput.Model, len(fields))
	m.values = make([]string, len(fields))
	m.labels = make([]string, len(fields))
	m.fields = keepStored(fields, &m.rec)
	for i, f := range m.fields {
		v := f.Get(&m.rec)
		m.values[i] = v
		if f.Kind == Ref && f.RefLabel != nil {
			m.labels[i] = f.RefLabel(&m.rec)
		}
		if isText(f.Kind) {
			ti := textinput.New()
			ti.Prompt = ""
			ti.CharLimit = model.MaxTextLen
			ti.Cursor.SetMode(cursor.CursorStatic)
			ti.SetValue(v)
			if f.Secret {
				ti.EchoMode, ti.EchoCharacter = textinput.EchoPassword, '•'
			}
			m.inputs[i] = ti
		}
	}
	m.initial = append([]string(nil), m.values...)
	m.focusField(m.firstToFill())
	return m
}

// firstToFill is where a form opens: on a new record, its first required
// field still empty (a visit's citizen, its date already today's); on a
// stored one, the first field.
func (m *Model[T, P]) firstToFill() int {
	if P(&m.rec).Base().ID != 0 {
		return 0
	}
	for i, f := range m.fields {
		if f.Required && (m.values[i] == "" || f.Kind == Ref && m.values[i] == "0") {
			return i
		}
	}
	return 0
}

// WithResult makes the form pop with result(record) instead of a Saved
// value: for forms that edit something other than a stored record (a filter).
func (m *Model[T, P]) WithResult(result func(T) any) *Model[T, P] {
	m.result = result
	return m
}

// keepStored gives each choice field whose stored value is not among its
// options (a name typed before the field was a choice, an account since
// disabled) that value as one more option: a form never hides or drops
// what a record holds.
func keepStored[T any](fields []Field[T], rec *T) []Field[T] {
	out := append([]Field[T](nil), fields...)
	for i, f := range out {
		if f.Kind != Choice {
			continue
		}
		v := f.Get(rec)
		if v == "" || slices.ContainsFunc(f.Options, func(o Option) bool { return o.Code == v }) {
			continue
		}
		out[i].Options = append(append([]Option(nil), f.Options...), Option{Code: v, Label: v})
	}
	return out
}

func isText(k Kind) bool { return k == Text || k == Date || k == DateTime || k == Int }

// ID returns the page id.
func (m *Model[T, P]) ID() int { return m.id }

// Init does nothing: the form has its data already.
func (m *Model[T, P]) Init() tea.Cmd { return nil }

// Title returns the form's title.
func (m *Model[T, P]) Title() string { return m.title }

// Busy reports a save under way: keys typed meanwhile wait in the root.
func (m *Model[T, P]) Busy() bool { return m.saving }

// Dirty reports whether any field differs from what the form opened with.
func (m *Model[T, P]) Dirty() bool {
	m.syncValues()
	for i := range m.values {
		if m.values[i] != m.initial[i] {
			return true
		}
	}
	return false
}

// Value returns the current text of field key (tests, and pages that prefill).
func (m *Model[T, P]) Value(key string) string {
	m.syncValues()
	for i, f := range m.fields {
		if f.Key == key {
			return m.values[i]
		}
	}
	return ""
}

// SetValue sets field key's value (and a Ref's label).
func (m *Model[T, P]) SetValue(key, value, label string) {
	for i, f := range m.fields {
		if f.Key == key {
			m.values[i], m.labels[i] = value, label
			if isText(f.Kind) {
				m.inputs[i].SetValue(value)
			}
		}
	}
}

// Help lists the live keys: they depend on the focused field.
func (m *Model[T, P]) Help() []common.KeyHelp {
	k := m.c.Keys
	hs := common.Help(k.Save, k.Next, k.Back)
	switch m.fields[m.focus].Kind {
	case Choice, Bool:
		hs = append(hs, common.KeyHelp{Key: "←/→", Desc: m.c.T("key.change")})
	case Ref:
		hs = append(hs, common.KeyHelp{Key: "Enter", Desc: m.c.T("key.pick")})
	}
	if _, ok := m.clashes[m.focus]; ok {
		hs = append(hs, common.KeyHelp{Key: "^L", Desc: m.c.T("key.clash")})
	}
	return hs
}

func (m *Model[T, P]) syncValues() {
	for i, f := range m.fields {
		if isText(f.Kind) {
			m.values[i] = m.inputs[i].Value()
		}
	}
}

func (m *Model[T, P]) focusField(i int) {
	if isText(m.fields[m.focus].Kind) {
		m.inputs[m.focus].Blur()
	}
	m.focus = (i + len(m.fields)) % len(m.fields)
	m.fresh, m.typed = false, ""
	if k := m.fields[m.focus].Kind; isText(k) {
		m.inputs[m.focus].Focus()
		m.inputs[m.focus].CursorEnd()
		m.fresh = k != Text && m.inputs[m.focus].Value() != ""
	}
}

// build applies every field to a copy of the record and returns it with the
// parse errors found.
func (m *Model[T, P]) build() (T, map[string]string) {
	m.syncValues()
	rec := m.rec
	errs := map[string]string{}
	for i, f := range m.fields {
		if code := f.Set(&rec, strings.TrimSpace(m.values[i])); code != "" {
			errs[f.Key] = m.c.Cat.FieldError(code)
		}
	}
	return rec, errs
}

type saveResult[T any] struct {
	rec T
	err error
}

// Update handles keys for the focused field, saving, and results of pickers
// and of the save itself.
func (m *Model[T, P]) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	switch msg := msg.(type) {
	case saveResult[T]:
		return m.saved(msg)
	case latestLoaded[T]:
		return m.merge(msg)
	case common.Returned:
		p, ok := msg.Result.(Picked)
		if m.offered >= 0 {
			// the page OnPick opened: its pick goes to its field, and the
			// focus stays where the clerk goes on typing
			if ok {
				m.values[m.offered], m.labels[m.offered] = p.Value, p.Label
				delete(m.errs, m.fields[m.offered].Key)
			}
			m.offered = -1
			return m, nil
		}
		if ok {
			f := m.fields[m.focus]
			m.values[m.focus], m.labels[m.focus] = p.Value, p.Label
			delete(m.errs, f.Key)
			m.focusField(m.focus + 1)
			if f.OnPick != nil {
				rec, _ := m.build()
				if key, page := f.OnPick(&rec, p); page != nil {
					for i, g := range m.fields {
						if g.Key == key {
							m.offered = i
						}
					}
					return m, m.c.Push(page)
				}
			}
		}
		return m, nil
	case tea.KeyMsg:
		return m.key(msg)
	}
	return m, nil
}

// withChangeReason adds "Lý do sửa" to the form of a stored record whose
// figures a closed period counted (model.Counted dated before the open
// window): the store refuses a change to them without one.
func withChangeReason[T any, P interface {
	*T
	model.Record
}](c *common.Common, rec *T, fields []Field[T]) []Field[T] {
	cr, ok := any(P(rec)).(model.Counted)
	if !ok || P(rec).Base().ID == 0 || cr.CountedOn() >= c.Office.OpenFrom(model.DateOf(c.Now())) {
		return fields
	}
	return append(fields, TextField("ChangeReason", false, func(r *T) *string { return &P(r).Base().ChangeReason }))
}
