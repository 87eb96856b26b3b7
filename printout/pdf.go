package printout

import (
	"embed"
	"io"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"
)

// fonts are Liberation Serif 2 (SIL Open Font License 1.1, fonts/LICENSE):
// every Vietnamese glyph, with Times New Roman's metrics, so a page lays
// out as the offices' Word templates do.
//
//go:embed fonts/*.ttf
var fonts embed.FS

const family = "serif"

// pdfLayout is a paper's page and type sizes in millimetres and points.
// Margins follow Nghị định 30/2020 for A4 (top and bottom 20-25 mm, left
// 30-35 mm, right 15-20 mm) and are scaled down for A5 slips.
type pdfLayout struct {
	size, orient       string
	left, top, right   float64
	bottom             float64
	body, head, title  float64 // points
	line, cellLine     float64 // mm
	signGap, ruleRatio float64
}

func layoutFor(s Size) pdfLayout {
	switch s {
	case A5:
		return pdfLayout{size: "A5", orient: "P", left: 20, top: 15, right: 10, bottom: 15,
			body: 11, head: 10.5, title: 12, line: 5, cellLine: 4.6, signGap: 16}
	case A4:
		return pdfLayout{size: "A4", orient: "P", left: 30, top: 20, right: 15, bottom: 20,
			body: 13, head: 12, title: 14, line: 6.2, cellLine: 5, signGap: 22}
	}
	return pdfLayout{size: "A4", orient: "L", left: 30, top: 20, right: 15, bottom: 20,
		body: 12, head: 12, title: 13, line: 5.6, cellLine: 4.6, signGap: 20}
}

// pdfDoc draws one Doc.
type pdfDoc struct {
	pdf    *fpdf.Fpdf
	lay    pdfLayout
	width  float64 // between the margins
	orient string  // of the current page: "P" or "L"
}

// newPage starts a page like the current one (a landscape appendix stays
// landscape).
func (p *pdfDoc) newPage() {
	p.pdf.AddPageFormat(p.orient, p.pdf.GetPageSizeStr(p.lay.size))
}

// WritePDF renders d as a PDF to print: the fonts embedded, the heading of
// an official paper (Nghị định 30/2020, Phụ lục I), the body, tables whose
// heading row is repeated on every page and whose rows are as tall as
// their text and never split, the signatures kept together, and page
// numbers from page 2 on, centred at the top. Nothing of a browser's own
// header or footer.
func (d *Doc) WritePDF(w io.Writer) error {
	lay := layoutFor(d.Size)
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: lay.orient, UnitStr: "mm", SizeStr: lay.size})
	for style, file := range map[string]string{"": "Regular", "B": "Bold", "I": "Italic", "BI": "BoldItalic"} {
		b, err := fonts.ReadFile("fonts/LiberationSerif-" + file + ".ttf")
		if err != nil {
			return err
		}
		pdf.AddUTF8FontFromBytes(family, style, b)
	}
	pdf.SetMargins(lay.left, lay.top, lay.right)
	pdf.SetAutoPageBreak(true, lay.bottom)
	pdf.SetTitle(d.Title, true)
	pdf.SetCreator("tiepdan", true)
	if !d.Made.IsZero() {
		pdf.SetCreationDate(d.Made)
		pdf.SetModificationDate(d.Made)
	}
	pdf.SetHeaderFuncMode(func() {
		if n := pdf.PageNo(); n > 1 {
			pdf.SetFont(family, "", lay.head)
			pdf.SetY(lay.top - 8)
			pdf.CellFormat(0, 5, strconv.Itoa(n), "", 0, "C", false, 0, "")
			pdf.SetY(lay.top)
		}
	}, false)
	pdf.AddPage()
	pw, _ := pdf.GetPageSize()
	p := &pdfDoc{pdf: pdf, lay: lay, width: pw - lay.left - lay.right, orient: lay.orient}
	p.heading(d)
	for _, b := range d.Blocks {
		p.block(b)
	}
	p.signs(d.SignCols(), d.Recipients)
	for _, b := range d.Appendix {
		p.block(b)
	}
	if err := pdf.Error(); err != nil {
		return err
	}
	return pdf.Output(w)
}

// rule draws a short line centred at cx, w wide, just under the text.
func (p *pdfDoc) rule(cx, w float64) {
	y := p.pdf.GetY() + 0.6
	p.pdf.SetLineWidth(0.3)
	p.pdf.Line(cx-w/2, y, cx+w/2, y)
	p.pdf.SetY(y + 1.5)
}

// heading draws the agency on the left, the national motto on the right
// with the place and date in italics under it, then the title and its
// subject with a short rule.
func (p *pdfDoc) heading(d *Doc) {
	pdf, lay := p.pdf, p.lay
	leftW := p.width * 0.42
	rightW := p.width - leftW
	top := pdf.GetY()
	lh := lay.line * lay.head / lay.body
	center := func(x, w float64, style string, size float64, text string) {
		// A name stays on one line where a slightly smaller size allows
		// (never below 8 pt); otherwise it wraps between words.
		for pdf.SetFont(family, style, size); pdf.GetStringWidth(text) > w-2 && size > 8; pdf.SetFont(family, style, size) {
			size -= 0.5
		}
		pdf.SetX(x)
		pdf.MultiCell(w, lh, text, "", "C", false)
	}
	x := lay.left
	if d.Superior != "" {
		center(x, leftW, "", lay.head, strings.ToUpper(d.Superior))
	}
	center(x, leftW, "B", lay.head, strings.ToUpper(d.Office))
	if d.Unit != "" {
		center(x, leftW, "B", lay.head, strings.ToUpper(d.Unit))
	}
	p.rule(x+leftW/2, leftW/3)
	if d.Number != "" {
		center(x, leftW, "", lay.head, d.Number)
	}
	leftEnd := pdf.GetY()

	pdf.SetY(top)
	x = lay.left + leftW
	center(x, rightW, "B", lay.head, d.Nation)
	center(x, rightW, "B", lay.head+1, d.Motto)
	pdf.SetFont(family, "B", lay.head+1)
	p.rule(x+rightW/2, pdf.GetStringWidth(d.Motto))
	pdf.SetY(max(pdf.GetY(), leftEnd) + 1)
	center(x, rightW, "I", lay.head+1, d.PlaceDate)

	pdf.SetY(pdf.GetY() + lh)
	pdf.SetFont(family, "B", lay.title)
	pdf.MultiCell(0, lay.line, strings.ToUpper(d.Title), "", "C", false)
	widest := 0.0
	for _, s := range d.Subtitle {
		pdf.SetFont(family, "B", lay.body)
		pdf.MultiCell(0, lay.line, s, "", "C", false)
		widest = max(widest, min(pdf.GetStringWidth(s), p.width))
	}
	if widest == 0 {
		pdf.SetFont(family, "B", lay.title)
		widest = min(pdf.GetStringWidth(strings.ToUpper(d.Title)), p.width)
	}
	p.rule(lay.left+p.width/2, max(20, widest/3))
	pdf.SetY(pdf.GetY() + lay.line/2)
}

// block draws one body block.
func (p *pdfDoc) block(b Block) {
	pdf, lay := p.pdf, p.lay
	pdf.SetFont(family, "", lay.body)
	switch b.Kind {
	case Para:
		indent := strings.Repeat(" ", int(10/pdf.GetStringWidth(" ")))
		pdf.MultiCell(0, lay.line, indent+b.Text, "", "J", false)
	case Field:
		pdf.SetX(lay.left)
		pdf.Write(lay.line, b.Text+": ")
		pdf.SetFont(family, "B", lay.body)
		pdf.Write(lay.line, b.Value)
		pdf.Ln(lay.line)
	case List:
		if b.Text != "" {
			pdf.MultiCell(0, lay.line, b.Text, "", "L", false)
		}
		for i, item := range b.Items {
			pdf.SetX(lay.left + 8)
			pdf.CellFormat(7, lay.line, strconv.Itoa(i+1)+".", "", 0, "L", false, 0, "")
			pdf.MultiCell(p.width-15, lay.line, item, "", "J", false)
		}
	case Grid:
		p.grid(b)
	case Note:
		pdf.SetFont(family, "I", lay.body-2)
		pdf.MultiCell(0, lay.line*0.8, b.Text, "", "L", false)
	case Heading:
		pdf.SetFont(family, "B", lay.body)
		pdf.SetY(pdf.GetY() + lay.line/3)
		pdf.MultiCell(0, lay.line, b.Text, "", "L", false)
	case Break:
		orient := "P"
		if b.Value == "L" {
			orient = "L"
		}
		p.orient = orient
		p.newPage()
		pw, _ := pdf.GetPageSize()
		p.width = pw - lay.left - lay.right
	}
}

// signs draws the signature columns side by side, kept on one page, and
// on the left of a report the "Nơi nhận:" list.
func (p *pdfDoc) signs(cols []Sign, recipients []string) {
	if len(cols) == 0 {
		return
	}
	pdf, lay := p.pdf, p.lay
	_, pageH := pdf.GetPageSize()
	need := max(4*lay.line+lay.signGap, float64(len(recipients))*lay.line)
	if pdf.GetY()+need > pageH-lay.bottom {
		p.newPage()
	}
	top := pdf.GetY() + lay.line/2
	w := p.width / float64(len(cols))
	if len(recipients) > 0 {
		pdf.SetY(top)
		for i, r := range recipients {
			style, size := "", lay.body-2
			if i == 0 {
				style, size = "BI", lay.body-1
			}
			pdf.SetFont(family, style, size)
			pdf.SetX(lay.left)
			pdf.MultiCell(w, lay.line*0.85, r, "", "L", false)
		}
	}
	for i, s := range cols {
		x := lay.left + float64(i)*w
		pdf.SetY(top)
		line := func(style, text string) {
			if text == "" {
				return
			}
			pdf.SetFont(family, style, lay.body)
			pdf.SetX(x)
			pdf.MultiCell(w, lay.line, text, "", "C", false)
		}
		line("B", s.For)
		line("B", s.Title)
		line("I", s.Note)
		if s.Name != "" {
			pdf.SetY(pdf.GetY() + lay.signGap)
			line("B", s.Name)
		}
	}
}
