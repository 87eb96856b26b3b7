package protect

import (
	"errors"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/tui/common"
	"github.com/tiepdan/tiepdan/tui/form"
)

// Unlock is what the passphrase page edits: the passphrase that opens the
// office's protected-identity key for this session, and, once opened, the
// identity it was asked for. It is never stored or kept in a draft.
type Unlock struct {
	model.Meta
	Passphrase string
	shown      string
}

// Kind returns an empty kind: nothing is stored.
func (*Unlock) Kind() model.Kind { return "" }

// Normalize does nothing: a passphrase is taken as typed.
func (*Unlock) Normalize() {}

// Validate asks for the passphrase.
func (u *Unlock) Validate(time.Time) error {
	if u.Passphrase == "" {
		return &model.ValidationError{Fields: []model.FieldError{{Field: "Passphrase", Code: model.ErrCodeRequired}}}
	}
	return nil
}

// ErrCodePassphraseWrong is the field error for a passphrase that does not
// open the key.
const ErrCodePassphraseWrong = "err.passphrase_wrong"

// UnlockWith opens the key with pass through store, as a field error on
// field when the passphrase is wrong (so a form shows it under the field).
func UnlockWith(store model.Store, field, pass string) error {
	err := store.UnlockProtected(pass)
	if errors.Is(err, model.ErrWrongPassphrase) {
		return &model.ValidationError{Fields: []model.FieldError{{Field: field, Code: ErrCodePassphraseWrong}}}
	}
	return err
}

// unlockPage asks for the passphrase, opens the key, then shows the
// identity of record kind/id (audited), as the status line.
func unlockPage(c *common.Common, kind model.Kind, id uint64) common.Page {
	pass := form.TextField("Passphrase", true, func(u *Unlock) *string { return &u.Passphrase })
	pass.Secret, pass.Private = true, true
	store := c.Store
	return form.New(c, c.T("protect.unlock_title"), Unlock{}, []form.Field[Unlock]{pass}, func(u *Unlock) error {
		if err := UnlockWith(store, "Passphrase", u.Passphrase); err != nil {
			return err
		}
		ident, err := store.ProtectedIdentity(kind, id)
		if err != nil {
			return err
		}
		u.shown = shown(ident)
		return nil
	}).WithResult(func(u Unlock) any {
		return common.StatusMsg{Text: c.T("protect.shown_audited", u.shown)}
	})
}

// shown is how the status line shows an identity: its parts joined.
func shown(ident model.Identity) string {
	parts := []string{ident.FullName}
	for _, s := range []string{ident.IDNumber, ident.Phone, ident.Address} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " · ")
}

// reveal reads the identity, or, while the session has not opened the key,
// asks for the passphrase first.
func reveal(c *common.Common, kind model.Kind, id uint64) tea.Cmd {
	store := c.Store
	return func() tea.Msg {
		ident, err := store.ProtectedIdentity(kind, id)
		if errors.Is(err, model.ErrProtectedLocked) {
			return common.PushMsg{Page: unlockPage(c, kind, id)}
		}
		if err != nil {
			return common.StatusMsg{Text: c.ErrorText(err), Err: true}
		}
		return common.StatusMsg{Text: c.T("protect.shown_audited", shown(ident))}
	}
}
