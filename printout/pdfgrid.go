package printout

import "strings"

// grid draws a table: the heading row in bold on every page, each row as
// tall as its tallest cell and moved whole to the next page when it would
// not fit.
func (p *pdfDoc) grid(b Block) {
	pdf, lay := p.pdf, p.lay
	size := lay.body - 1
	if lay.orient == "L" {
		size = lay.body - 2
	}
	const pad = 1.0
	// The cells' padding is pad; fpdf's own cell margin would also narrow
	// the text (SplitText subtracts it) and break words that fit.
	margin := pdf.GetCellMargin()
	pdf.SetCellMargin(0)
	defer pdf.SetCellMargin(margin)
	widths := p.colWidths(b, size, pad)
	_, pageH := pdf.GetPageSize()
	row := func(cells []string, style string) {
		pdf.SetFont(family, style, size)
		lines := make([][]string, len(cells))
		h := 0.0
		for i, c := range cells {
			if i >= len(widths) {
				break
			}
			lines[i] = pdf.SplitText(c, widths[i]-2*pad)
			h = max(h, float64(max(1, len(lines[i])))*lay.cellLine+2*pad)
		}
		x, y := lay.left, pdf.GetY()
		for i := range widths {
			pdf.Rect(x, y, widths[i], h, "D")
			align := "L"
			switch {
			case style == "B":
				align = "C"
			case i < len(cells) && isFigure(cells[i]): // as the HTML report sets them
				align = "R"
			}
			for j, l := range lines[i] {
				pdf.SetXY(x+pad, y+pad+float64(j)*lay.cellLine)
				pdf.CellFormat(widths[i]-2*pad, lay.cellLine, l, "", 0, align, false, 0, "")
			}
			x += widths[i]
		}
		pdf.SetXY(lay.left, y+h)
	}
	heads := make([]string, len(b.Cols))
	for i, c := range b.Cols {
		heads[i] = c.Head
	}
	height := func(cells []string, style string) float64 {
		pdf.SetFont(family, style, size)
		h := 0.0
		for i, c := range cells {
			if i < len(widths) {
				h = max(h, float64(max(1, len(pdf.SplitText(c, widths[i]-2*pad))))*lay.cellLine+2*pad)
			}
		}
		return h
	}
	pdf.SetAutoPageBreak(false, lay.bottom)
	defer pdf.SetAutoPageBreak(true, lay.bottom)
	headH := height(heads, "B")
	if pdf.GetY()+headH+lay.cellLine*2 > pageH-lay.bottom {
		p.newPage()
	}
	row(heads, "B")
	for _, r := range b.Rows {
		if pdf.GetY()+height(r, "") > pageH-lay.bottom {
			p.newPage()
			row(heads, "B")
		}
		row(r, "")
	}
	pdf.SetY(pdf.GetY() + lay.line/2)
}

// colWidths shares the table's width out: every column first gets room
// for its longest word, head and cells alike, so nothing breaks inside a
// word; where the page allows, a short cell (a date, a code, "Tổng cộng")
// is also kept whole. What is left goes to the columns whose text would
// still wrap, in proportion to how much more they would need, so rows are
// as few lines tall as the page allows.
func (p *pdfDoc) colWidths(b Block, size, pad float64) []float64 {
	pdf := p.pdf
	n := len(b.Cols)
	word := make([]float64, n)  // the longest word
	whole := make([]float64, n) // and the short cells whole
	want := make([]float64, n)  // every cell on one line
	measure := func(i int, text, style string, cell bool) {
		pdf.SetFont(family, style, size)
		for _, w := range strings.Fields(text) {
			word[i] = max(word[i], pdf.GetStringWidth(w)+2*pad+0.5)
		}
		if cell && len([]rune(text)) <= 16 {
			whole[i] = max(whole[i], pdf.GetStringWidth(text)+2*pad+0.5)
		}
		want[i] = max(want[i], pdf.GetStringWidth(text)+2*pad+0.5)
	}
	for i, c := range b.Cols {
		measure(i, c.Head, "B", false)
		for _, r := range b.Rows {
			if i < len(r) {
				measure(i, r[i], "", true)
			}
		}
		whole[i] = max(whole[i], word[i])
	}
	minW, need := whole, sum(whole)
	if need > p.width {
		minW, need = word, sum(word)
	}
	more := 0.0
	for i := range want {
		want[i] = max(minW[i], min(want[i], p.width/2))
		more += want[i] - minW[i]
	}
	widths := make([]float64, n)
	extra := p.width - need
	for i := range widths {
		switch {
		case extra < 0: // more columns than the page holds words for
			widths[i] = p.width * minW[i] / need
		case need+more <= p.width: // everything on one line, the rest shared
			widths[i] = want[i] + (p.width-need-more)*want[i]/(need+more)
		default:
			widths[i] = minW[i] + extra*(want[i]-minW[i])/more
		}
	}
	return widths
}

// isFigure reports whether a cell is a number as the reports write it:
// "1.211", "91,4%", "0".
func isFigure(c string) bool {
	if c == "" || c[0] < '0' || c[0] > '9' {
		return false
	}
	for _, r := range strings.TrimSuffix(c, "%") {
		if (r < '0' || r > '9') && r != '.' && r != ',' {
			return false
		}
	}
	return true
}

func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}
