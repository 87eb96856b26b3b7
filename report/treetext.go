package report

import (
	"strings"

	"github.com/tiepdan/tiepdan/i18n"
	"github.com/tiepdan/tiepdan/model/vntext"
)

// treeColWidth is the narrowest column of a national form drawn with its
// column tree, so that a leaf's heading shows a word or two.
const treeColWidth = 9

// TreeTextLines draws a table with a column tree (a national form) in
// full: its heading rows, each cell centred over the columns it spans, the
// column numbers, the rows and the note wrapped in noteW columns. Lines are
// as wide as the table needs; a screen shows them scrolled sideways,
// keeping the first labelW columns (the row labels) in place. Without a
// tree it is TextLines at that width.
func (t Table) TreeTextLines(cat *i18n.Catalog, noteW int) (lines []string, labelW int) {
	if len(t.Heads) == 0 {
		return t.TextLines(cat, 1<<16, nil), 0
	}
	lw := width(t.Label)
	for _, r := range t.Rows {
		lw = max(lw, width(r.Label)+indent(r))
	}
	lw = min(lw, maxLabel)
	cw := make([]int, len(t.Cols))
	for i, c := range t.Cols {
		cw[i] = max(treeColWidth, width(c.Num)+2)
		for _, r := range t.Rows {
			if i < len(r.Cells) {
				cw[i] = max(cw[i], width(cellText(r.Cells[i])))
			}
		}
	}
	x := make([]int, len(t.Cols)+1) // where each column starts
	x[0] = lw + 1
	for i := range t.Cols {
		x[i+1] = x[i] + cw[i] + 1
	}
	total := x[len(t.Cols)] - 1
	grid := make([][]rune, len(t.Heads))
	for i := range grid {
		grid[i] = []rune(strings.Repeat(" ", total))
	}
	put := func(row, at int, s string) {
		for i, r := range []rune(s) {
			if at+i < total {
				grid[row][at+i] = r
			}
		}
	}
	put(0, 0, vntext.Truncate(t.Label, lw))
	for _, h := range t.PlacedHeads() {
		start, end := x[h.Col], x[min(len(t.Cols), h.Col+h.Span)]-1
		w := end - start
		put(h.Row, start, center(vntext.Truncate(h.Text, w), w))
	}
	lines = []string{t.Title}
	for _, g := range grid {
		lines = append(lines, strings.TrimRight(string(g), " "))
	}
	nums := strings.Repeat(" ", lw)
	for i, c := range t.Cols {
		nums += " " + padLeft("("+c.Num+")", cw[i])
	}
	lines = append(lines, strings.Repeat("-", total), nums, strings.Repeat("-", total))
	for _, r := range t.Rows {
		line := padRight(vntext.Truncate(strings.Repeat(" ", indent(r))+r.Label, lw), lw)
		for i := range t.Cols {
			v := ""
			if i < len(r.Cells) {
				v = cellText(r.Cells[i])
			}
			line += " " + padLeft(v, cw[i])
		}
		lines = append(lines, line)
	}
	for _, l := range t.NoteLines() {
		lines = append(lines, Wrap(l, noteW)...)
	}
	return lines, lw + 1
}
