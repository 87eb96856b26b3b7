package tui

import (
	"regexp"
	"strings"

	"github.com/tiepdan/tiepdan/model/vntext"
	"github.com/tiepdan/tiepdan/tui/admin"
	"github.com/tiepdan/tiepdan/tui/common"
)

// footer lists the top page's live keys, then F12 where the staff member
// may administer, then F10: on one line, or on two when they do not fit in
// one, so no key that works is left unsaid (up to what two lines hold).
func (a *App) footer(w int) []string {
	st := a.c.Styles
	hs := a.top().Help()
	if a.setup == nil && admin.Allowed(a.c) {
		hs = append(hs, common.KeyHelp{Key: "F12", Desc: a.c.T("admin.title")})
	}
	hs = append(hs, common.Help(a.c.Keys.Quit)...)
	var lines [][]string
	used := w // start a new line at once
	for _, hk := range hs {
		n := vntext.Width(hk.Key+" "+hk.Desc) + 2
		if used+n > w {
			if len(lines) == 2 {
				break
			}
			lines, used = append(lines, nil), 0
		}
		used += n
		lines[len(lines)-1] = append(lines[len(lines)-1], st.Key.Render(hk.Key)+" "+st.Footer.Render(hk.Desc))
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.Join(l, "  ")
	}
	return out
}

// wrapStatus cuts a status into at most n lines of w columns, breaking
// between words, or inside a word (a path) longer than a line.
func wrapStatus(s string, w, n int) []string { return vntext.Wrap(s, w, n) }

// urlRE finds a web address in a status line.
var urlRE = regexp.MustCompile(`https?://[^\s\x1b]+[^\s\x1b.,;:)]`)

// linkURLs makes each web address on a line a hyperlink (OSC 8) that
// terminals which understand them let the clerk click (the print page's
// address); the others show the text as it is.
func linkURLs(line string) string {
	return urlRE.ReplaceAllStringFunc(line, func(u string) string {
		return "\x1b]8;;" + u + "\x1b\\" + u + "\x1b]8;;\x1b\\"
	})
}
