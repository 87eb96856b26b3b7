package admin

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/auth"
	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/model/vntext"
	"github.com/tiepdan/tiepdan/tui/common"
	"github.com/tiepdan/tiepdan/tui/form"
	"github.com/tiepdan/tiepdan/tui/protect"
	"github.com/tiepdan/tiepdan/tui/register"
)

// StaffList lists every account: username, name, role, keys, password,
// state. Enter edits one, ^N adds one.
type StaffList struct {
	c       *common.Common
	id      int
	items   []model.Staff
	sel     int
	top     int
	loading bool
	err     string
	keep    string // username to select once loaded
}

type staffLoaded struct {
	items []model.Staff
	err   error
}

// NewStaffList returns the accounts page.
func NewStaffList(c *common.Common) *StaffList {
	return &StaffList{c: c, id: c.NewPageID()}
}

// ID returns the page id.
func (l *StaffList) ID() int { return l.id }

// Init loads the accounts.
func (l *StaffList) Init() tea.Cmd { return l.load() }

func (l *StaffList) load() tea.Cmd {
	l.loading = true
	store := l.c.Store
	return common.Do(l.id, func() tea.Msg {
		items, err := store.ListStaff()
		return staffLoaded{items: items, err: err}
	})
}

// Title names the page.
func (l *StaffList) Title() string { return l.c.T("admin.staff") }

// Dirty is false.
func (l *StaffList) Dirty() bool { return false }

// Help lists the live keys.
func (l *StaffList) Help() []common.KeyHelp {
	k := l.c.Keys
	hs := common.Help(k.Open, k.New, k.Refresh, k.Back)
	if l.c.UnlockStaff != nil {
		hs = append(hs, common.KeyHelp{Key: "^U", Desc: l.c.T("admin.key_unlock")})
	}
	return hs
}

// Items returns the accounts shown (tests).
func (l *StaffList) Items() []model.Staff { return l.items }

// Update moves, opens the form, and reloads after a save.
func (l *StaffList) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	k := l.c.Keys
	switch msg := msg.(type) {
	case staffLoaded:
		l.loading, l.items, l.err = false, msg.items, ""
		if msg.err != nil {
			l.err = l.c.ErrorText(msg.err)
		}
		for i, s := range l.items {
			if s.Username == l.keep {
				l.sel = i
			}
		}
		l.keep = ""
		l.sel = min(l.sel, max(0, len(l.items)-1))
	case common.Returned:
		if s, ok := msg.Result.(form.Saved); ok {
			name := s.Record.(StaffEdit).Username
			l.keep = name
			return l, tea.Batch(l.load(), common.Status(l.c.T("admin.staff_saved", name), false))
		}
	case tea.KeyMsg:
		switch {
		case msg.Type == tea.KeyUp && l.sel > 0:
			l.sel--
		case msg.Type == tea.KeyDown && l.sel < len(l.items)-1:
			l.sel++
		case key.Matches(msg, k.Back):
			return l, l.c.Pop(nil)
		case key.Matches(msg, k.New):
			return l, l.c.Push(NewStaffForm(l.c, model.Staff{Role: model.RoleClerk}))
		case key.Matches(msg, k.Open) && len(l.items) > 0:
			return l, l.c.Push(NewStaffForm(l.c, l.items[l.sel]))
		case msg.Type == tea.KeyCtrlU && l.c.UnlockStaff != nil && len(l.items) > 0:
			u := l.items[l.sel].Username
			if l.c.UnlockStaff(u) {
				return l, common.Status(l.c.T("cli.user_unlocked", u), false)
			}
			return l, common.Status(l.c.T("cli.user_not_locked", u), false)
		case key.Matches(msg, k.Refresh):
			return l, l.load()
		}
	}
	return l, nil
}

// View renders the table.
func (l *StaffList) View() string {
	st := l.c.Styles
	w := l.c.Width - 1
	row := func(user, name, role, keys, pw, state string) string {
		return vntext.Truncate(fmt.Sprintf("%s %s %s %s %s %s", register.Cell(user, 14), register.Cell(name, 20), register.Cell(role, 12),
			register.Cell(keys, 4), register.Cell(pw, 4), state), w)
	}
	c := l.c
	out := []string{st.Header.Render(row(c.T("field.Username"), c.T("field.FullName"), c.T("field.Role"),
		c.T("admin.col_keys"), c.T("admin.col_pw"), c.T("admin.col_state")))}
	switch {
	case l.err != "":
		return out[0] + "\n" + st.Error.Render(l.err)
	case len(l.items) == 0 && l.loading:
		return out[0] + "\n" + st.Dim.Render(c.T("loading"))
	case len(l.items) == 0:
		return out[0] + "\n" + st.Dim.Render(c.T("admin.staff_none"))
	}
	rows := max(1, c.Height-5)
	if l.sel < l.top {
		l.top = l.sel
	}
	if l.sel >= l.top+rows {
		l.top = l.sel - rows + 1
	}
	for i := l.top; i < len(l.items) && i < l.top+rows; i++ {
		s := l.items[i]
		pw, state := "-", c.T("cli.user_active")
		if s.PasswordHash != "" {
			pw = c.T("form.yes")
		}
		if s.Disabled {
			state = c.T("cli.user_disabled_state")
		}
		if s.SeeProtected {
			state += " · " + c.T("admin.sees_protected")
			if c.Protected == model.ProtectedRestricted && !s.HasPassphrase {
				// first, where the narrow column still shows it
				state = c.T("admin.no_passphrase") + " · " + state
			}
		}
		if c.LockedAccounts != nil {
			if until, ok := c.LockedAccounts()[s.Username]; ok {
				state = c.T("admin.locked_until", until.In(model.VN).Format("15:04")) + " · " + state
			}
		}
		line := row(s.Username, s.Label(), c.Cat.Label("role", string(s.Role)), fmt.Sprint(len(s.Keys)), pw, state)
		switch {
		case i == l.sel:
			line = st.Selected.Render(line)
		case s.Disabled:
			line = st.Voided.Render(line)
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// StaffEdit is what the account form edits: the account, plus a new
// password, a key to add and a key to remove, applied when it is saved.
// The password is hashed off the event loop and never kept.
type StaffEdit struct {
	model.Staff
	// MyPassphrase opens the protected-identity key for the administrator's
	// session, when granting the permission needs it and it is not open.
	MyPassphrase string
	NewPassword  string
	NewKey       string
	RemoveKey    string // fingerprint of the key to remove
}

// Error codes of the account form.
const (
	ErrCodePassword = "err.password_length"
	ErrCodeKey      = "err.ssh_key"
)

// Normalize cleans the account and trims the key.
func (e *StaffEdit) Normalize() {
	e.Staff.Normalize()
	e.NewKey = strings.TrimSpace(e.NewKey)
}

// Validate checks the account, the new password's length and the new key.
func (e *StaffEdit) Validate(now time.Time) error {
	var fields []model.FieldError
	if err := e.Staff.Validate(now); err != nil {
		ve, ok := err.(*model.ValidationError)
		if !ok {
			return err
		}
		fields = ve.Fields
	}
	if n := utf8.RuneCountInString(e.NewPassword); e.NewPassword != "" && (n < auth.MinPasswordLen || n > auth.MaxPasswordLen) {
		fields = append(fields, model.FieldError{Field: "NewPassword", Code: ErrCodePassword,
			Args: []any{auth.MinPasswordLen, auth.MaxPasswordLen}})
	}
	if e.NewKey != "" {
		if _, _, err := auth.ParseKey(e.NewKey); err != nil {
			fields = append(fields, model.FieldError{Field: "NewKey", Code: ErrCodeKey})
		}
	}
	if len(fields) > 0 {
		return &model.ValidationError{Fields: fields}
	}
	return nil
}

// Reload reads the stored account (after a conflict).
func (e *StaffEdit) Reload(s model.Store) (model.Record, error) {
	st, err := s.Staff(e.Username)
	return &StaffEdit{Staff: st}, err
}

// Apply returns the account with the password hashed and the keys added
// and removed.
func (e *StaffEdit) Apply() (model.Staff, error) {
	st := e.Staff
	st.Keys = nil
	for _, k := range e.Keys {
		if e.RemoveKey == "" || auth.Fingerprint(k) != e.RemoveKey {
			st.Keys = append(st.Keys, k)
		}
	}
	if e.NewKey != "" {
		canon, fp, err := auth.ParseKey(e.NewKey)
		if err != nil {
			return st, err
		}
		dup := false
		for _, k := range st.Keys {
			dup = dup || auth.Fingerprint(k) == fp
		}
		if !dup {
			st.Keys = append(st.Keys, canon)
		}
	}
	if e.NewPassword != "" {
		h, err := auth.HashPassword(e.NewPassword)
		if err != nil {
			return st, err
		}
		st.PasswordHash = h
	}
	return st, nil
}

// SaveStaff applies e and saves the account through store.
func SaveStaff(store model.Store) func(e *StaffEdit) error {
	return func(e *StaffEdit) error {
		st, err := e.Apply()
		if err != nil {
			return err
		}
		if e.MyPassphrase != "" && !store.ProtectedUnlocked() {
			if err := protect.UnlockWith(store, "MyPassphrase", e.MyPassphrase); err != nil {
				return err
			}
		}
		if err := store.SaveStaff(&st); err != nil {
			return err
		}
		*e = StaffEdit{Staff: st}
		return nil
	}
}

// NewStaffForm returns the form creating (ID 0) or editing account s.
func NewStaffForm(c *common.Common, s model.Staff) common.Page {
	roles := form.Options(model.Roles(), func(code string) string { return c.Cat.Label("role", code) })
	var fields []form.Field[StaffEdit]
	title := c.T("admin.staff_new")
	if s.ID == 0 {
		fields = append(fields, form.TextField("Username", true, func(e *StaffEdit) *string { return &e.Username }))
	} else {
		title = c.T("admin.staff_edit", s.Username)
	}
	fields = append(fields,
		form.TextField("FullName", false, func(e *StaffEdit) *string { return &e.FullName }),
		form.TextField("Title", false, func(e *StaffEdit) *string { return &e.Title }),
		form.ChoiceField("Role", true, roles, func(e *StaffEdit) *model.Role { return &e.Role }),
		form.BoolField("SeeProtected", func(e *StaffEdit) *bool { return &e.SeeProtected }),
	)
	if c.Protected == model.ProtectedRestricted {
		// identities are sealed: granting the permission wraps the key for
		// the grantee, under a passphrase they type, with the key this
		// session opened (asked here when it is not open yet)
		fields = append(fields, secret("Passphrase", "admin.grant_passphrase", func(e *StaffEdit) *string { return &e.Passphrase }))
		if c.Store.Me().SeeProtected && !c.Store.ProtectedUnlocked() {
			fields = append(fields, secret("MyPassphrase", "", func(e *StaffEdit) *string { return &e.MyPassphrase }))
		}
	}
	fields = append(fields, form.BoolField("Disabled", func(e *StaffEdit) *bool { return &e.Disabled }))
	pw := form.TextField("NewPassword", false, func(e *StaffEdit) *string { return &e.NewPassword })
	pw.Secret = true
	fields = append(fields, pw, form.TextField("NewKey", false, func(e *StaffEdit) *string { return &e.NewKey }))
	if len(s.Keys) > 0 {
		opts := []form.Option{{Code: "", Label: c.T("admin.keep_keys", len(s.Keys))}}
		for _, k := range s.Keys {
			opts = append(opts, form.Option{Code: auth.Fingerprint(k), Label: keyLabel(k)})
		}
		fields = append(fields, form.ChoiceField("RemoveKey", false, opts, func(e *StaffEdit) *string { return &e.RemoveKey }))
	}
	return form.New(c, title, StaffEdit{Staff: s}, fields, SaveStaff(c.Store))
}

// secret is a text field hidden as typed and never kept in a draft.
func secret(key, label string, get func(*StaffEdit) *string) form.Field[StaffEdit] {
	f := form.TextField(key, false, get)
	f.Label, f.Secret, f.Private = label, true, true
	return f
}

// keyLabel names a key by its comment (usually user@pc) and fingerprint.
func keyLabel(k string) string {
	fp := auth.Fingerprint(k)
	parts := strings.Fields(k)
	if len(parts) > 2 {
		return strings.Join(parts[2:], " ") + " " + vntext.Truncate(fp, 20)
	}
	return vntext.Truncate(fp, 30)
}
