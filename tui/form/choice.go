package form

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model/vntext"
)

// cycle moves a Choice to the previous/next option, or to the first option
// whose label starts with a typed letter.
func (m *Model[T, P]) cycle(msg tea.KeyMsg) {
	f := m.fields[m.focus]
	cur := -1
	for i, o := range f.Options {
		if o.Code == m.values[m.focus] {
			cur = i
		}
	}
	n := len(f.Options)
	switch {
	case msg.Type == tea.KeyRunes || msg.Type == tea.KeySpace && m.typed != "":
		// a run of letters searches; a key that would pick nothing is
		// ignored, so a sentence typed here by mistake changes little
		q := m.typed + typedText(msg)
		if i := matchOption(f.Options, q); i >= 0 {
			m.typed, cur = q, i
		}
	case msg.Type == tea.KeyBackspace && m.typed != "":
		r := []rune(m.typed)
		m.typed = string(r[:len(r)-1])
		if cur < 0 || !optionMatches(f.Options[cur], m.typed) {
			cur = matchOption(f.Options, m.typed)
		}
	case msg.Type == tea.KeyRight, msg.Type == tea.KeySpace:
		m.typed = ""
		cur = (cur + 1) % n
	case msg.Type == tea.KeyLeft:
		m.typed = ""
		cur = (cur - 1 + n) % n
	default:
		return
	}
	if cur >= 0 {
		m.values[m.focus] = f.Options[cur].Code
	}
}

// typedText is what a key adds to a search: its letters without
// diacritics, or a space.
func typedText(msg tea.KeyMsg) string {
	if msg.Type == tea.KeySpace {
		return " "
	}
	return vntext.Fold(string(msg.Runes))
}

// matchOption is the option a search q picks: the first whose label
// (without diacritics) starts with q, else the first with a later word
// that does; -1 when none does.
func matchOption(opts []Option, q string) int {
	for i, o := range opts {
		if strings.HasPrefix(vntext.Fold(o.Label), q) {
			return i
		}
	}
	for i, o := range opts {
		if optionMatches(o, q) {
			return i
		}
	}
	return -1
}

func optionMatches(o Option, q string) bool {
	l := vntext.Fold(o.Label)
	return strings.HasPrefix(l, q) || strings.Contains(l, " "+q)
}
