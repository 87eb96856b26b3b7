package common

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/tiepdan/tiepdan/i18n"
)

// KeyMap is every binding of the app in one place. While a text field has
// focus no bare letter is a hotkey (Telex typing arrives in batches), so
// actions use F-keys, Ctrl combinations, Enter, Esc and Tab.
type KeyMap struct {
	Quit, Help                                      key.Binding
	TabToday, TabReception, TabPetition, TabDossier key.Binding
	TabCitizen, TabSession, TabSummary              key.Binding
	Export, Period, Window                          key.Binding
	Up, Down, PageUp, PageDown, Home, End           key.Binding
	Open, Back, New, Edit, Void, Filter, Refresh    key.Binding
	Save, Next, Prev, Left, Right, Toggle, Pick     key.Binding
	ToPetition, Citizen, Audit, AddVisitor, Voided  key.Binding
	CloseCase, Friendly                             key.Binding
}

// DefaultKeyMap returns the bindings with help texts from the catalogue.
func DefaultKeyMap(c *i18n.Catalog) KeyMap {
	b := func(desc string, label string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(label, c.T(desc)))
	}
	return KeyMap{
		Quit:         b("key.quit", "F10", "f10", "ctrl+q"),
		Help:         b("key.help", "F1", "f1"),
		TabToday:     b("tab.today", "^G", "ctrl+g"),
		TabReception: b("tab.reception", "F3", "f3"),
		TabPetition:  b("tab.petition", "F4", "f4"),
		TabDossier:   b("tab.dossier", "F5", "f5"),
		TabCitizen:   b("tab.citizen", "F6", "f6"),
		TabSession:   b("tab.session", "F7", "f7"),
		// F11 is full screen in Windows Terminal; ^T reaches the summary there.
		TabSummary: b("tab.summary", "F11", "f11", "ctrl+t"),
		Export:     b("key.export", "F2", "f2", "ctrl+s"),
		Period:     b("key.period", "^F", "ctrl+f"),
		Window:     b("key.window", "^W", "ctrl+w"),
		Up:         b("key.up", "↑", "up"),
		Down:       b("key.down", "↓", "down"),
		PageUp:     b("key.pageup", "PgUp", "pgup"),
		PageDown:   b("key.pagedown", "PgDn", "pgdown"),
		Home:       b("key.home", "Home", "home"),
		End:        b("key.end", "End", "end"),
		Open:       b("key.open", "Enter", "enter"),
		Back:       b("key.back", "Esc", "esc"),
		New:        b("key.new", "^N", "ctrl+n", "insert"),
		Edit:       b("key.edit", "^E", "ctrl+e"),
		Void:       b("key.void", "^D", "ctrl+d"),
		Filter:     b("key.filter", "^F", "ctrl+f"),
		Refresh:    b("key.refresh", "^R", "ctrl+r"),
		Save:       b("key.save", "F2", "f2", "ctrl+s"),
		Next:       b("key.next", "Tab", "tab", "down"),
		Prev:       b("key.prev", "S-Tab", "shift+tab", "up"),
		Left:       b("key.left", "←", "left"),
		Right:      b("key.right", "→", "right"),
		Toggle:     b("key.toggle", "Space", " "),
		Pick:       b("key.pick", "Enter", "enter", "f4"),
		ToPetition: b("key.to_petition", "^P", "ctrl+p"),
		Citizen:    b("key.citizen", "^O", "ctrl+o"),
		Audit:      b("key.audit", "F9", "f9"),
		AddVisitor: b("key.add_visitor", "^N", "ctrl+n", "insert"),
		Voided:     b("key.voided", "F8", "f8"),
		CloseCase:  b("key.close_case", "^K", "ctrl+k"),
		// dialogues, satisfaction surveys and letters, from anywhere
		Friendly: b("key.friendly", "^Y", "ctrl+y"),
	}
}

// Help turns bindings into footer entries.
func Help(bs ...key.Binding) []KeyHelp {
	out := make([]KeyHelp, 0, len(bs))
	for _, b := range bs {
		if b.Enabled() {
			out = append(out, KeyHelp{Key: b.Help().Key, Desc: b.Help().Desc})
		}
	}
	return out
}
