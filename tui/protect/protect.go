// Package protect is what the reception and petition screens show of a
// denouncer (DESIGN §4): the paper file reference; in restricted mode the
// identity fields, which are write-only on the form; the mask everywhere a
// name would be; and, for staff with the permission, one key that shows the
// identity and is audited.
package protect

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/tui/common"
	"github.com/tiepdan/tiepdan/tui/form"
	"github.com/tiepdan/tiepdan/tui/register"
)

// Sender is what lists and detail views show as the sender of a record with
// content kind ck: the citizen's name, or for a denunciation the mask (an
// identity is kept apart) or "no identity kept".
func Sender(c *common.Common, ck model.ContentKind, p *model.Protection, name string) string {
	if !model.IsDenunciation(ck) {
		return name
	}
	if p.Protected {
		return model.Mask
	}
	return c.T("protect.none")
}

// Fields returns the paper file field and, in restricted mode, the identity
// fields. Identity fields never show a stored identity (the form is not a
// way to read it); what is typed replaces the kept one.
func Fields[T any](c *common.Common, prot func(*T) *model.Protection) []form.Field[T] {
	fs := []form.Field[T]{form.TextField("PaperRef", false, func(r *T) *string { return &prot(r).PaperRef })}
	if c.Protected != model.ProtectedRestricted {
		return fs
	}
	ident := func(r *T) *model.Identity {
		p := prot(r)
		if p.Identity == nil {
			p.Identity = &model.Identity{}
		}
		return p.Identity
	}
	text := func(k string, ptr func(*model.Identity) *string) form.Field[T] {
		return form.Field[T]{Key: k, Kind: form.Text, Private: true,
			Get: func(*T) string { return "" },
			Set: func(r *T, v string) string {
				if v != "" {
					*ptr(ident(r)) = v
				}
				return ""
			}}
	}
	return append(fs,
		text("IdentityName", func(i *model.Identity) *string { return &i.FullName }),
		text("IdentityIDNumber", func(i *model.Identity) *string { return &i.IDNumber }),
		text("IdentityPhone", func(i *model.Identity) *string { return &i.Phone }),
		text("IdentityAddress", func(i *model.Identity) *string { return &i.Address }))
}

// Note is the line a detail view shows for a denunciation, saying why no
// name is shown.
func Note(c *common.Common, ck model.ContentKind, p *model.Protection) register.Line {
	if !model.IsDenunciation(ck) {
		return register.Line{}
	}
	if p.Protected {
		return register.L("field.Protected", c.T("protect.restricted_note"))
	}
	return register.L("field.Protected", c.T("protect.offline_note"))
}

// Action is the detail view's key that shows the kept identity, offered only
// to staff with the permission on a record that has one; the store audits
// each view.
func Action[T any](c *common.Common, kind model.Kind, prot func(*T) *model.Protection, base func(*T) *model.Meta) register.Action[T] {
	return register.Action[T]{
		Key: key.NewBinding(key.WithKeys("ctrl+k"), key.WithHelp("^K", c.T("protect.key_show"))),
		Enabled: func(r *T) bool {
			return prot(r).Protected && c.Store.Me().SeeProtected
		},
		Run: func(c *common.Common, r T) tea.Cmd { return reveal(c, kind, base(&r).ID) },
	}
}
