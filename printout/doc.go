// Package printout renders the desk's printed forms: the appointment slip,
// the request for supplements and the apology with a new appointment for
// a dossier (A5), and the registers of a period, Sổ tiếp công dân and Sổ
// theo dõi hồ sơ (A4 landscape). Each form is built as a Doc, one value
// both writers read, so the HTML page to print and the plain text say the
// same thing.
package printout

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// Size is the paper a Doc is laid out for.
type Size string

// Paper sizes.
const (
	A5          Size = "A5"
	A4          Size = "A4"
	A4Landscape Size = "A4 landscape"
)

// Doc is one printed form: the heading of an official paper (the office on
// the left, the national motto on the right, place and date), the title,
// the body blocks and the signatures.
type Doc struct {
	Lang          string
	Size          Size
	Superior      string
	Office        string
	Unit          string
	Number        string
	Nation, Motto string
	PlaceDate     string
	Title         string
	Subtitle      []string
	Blocks        []Block
	Signs         []Sign
	// Recipients are the "Nơi nhận:" lines beside the signature of a
	// report, its first line the heading.
	Recipients []string
	// Appendix follows the signature (a report's tables).
	Appendix       []Block
	FileStem       string
	TextWidth      int
	HTMLTitleExtra string
	// Made is when the document was made (the PDF's creation date).
	Made time.Time
}

// BlockKind says how a block is drawn.
type BlockKind int

// Block kinds: a paragraph; a "label: value" line; a numbered list; a
// table with a header row; a heading of a part; a new page (landscape when
// Value is "L").
const (
	Para BlockKind = iota
	Field
	List
	Grid
	Heading
	Break
	// Note is a line said under a table, in italics.
	Note
)

// Block is one piece of a form's body.
type Block struct {
	Kind  BlockKind
	Text  string
	Value string
	Items []string
	Cols  []Col
	Rows  [][]string
}

// Col is a table column: its heading, its width in characters in the plain
// text, and its share of the printed width in percent.
type Col struct {
	Head    string
	Chars   int
	Percent int
}

// Sign is one signature column: on whose behalf (TM. …), who signs, the
// note under it, the name.
type Sign struct {
	For, Title, Note, Name string
}

// Format is an output format of a form.
type Format string

// Formats.
const (
	FormatPDF  Format = "pdf"
	FormatHTML Format = "html"
	FormatText Format = "txt"
)

// ParseFormat reads "pdf", "html" or "txt" ("text").
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "pdf":
		return FormatPDF, nil
	case "html", "htm":
		return FormatHTML, nil
	case "txt", "text":
		return FormatText, nil
	}
	return "", fmt.Errorf("printout: unknown format %q", s)
}

// Write renders d in format f.
func (d *Doc) Write(w io.Writer, f Format) error {
	switch f {
	case FormatText:
		return d.WriteText(w)
	case FormatPDF:
		return d.WritePDF(w)
	}
	return d.WriteHTML(w)
}

// FileName is the name the form is saved under in format f.
func (d *Doc) FileName(f Format) string { return d.FileStem + "." + string(f) }

// SignCols lays out the signature columns: a single signer signs on the
// right half, as on official papers.
func (d *Doc) SignCols() []Sign {
	if len(d.Signs) == 1 {
		return []Sign{{}, d.Signs[0]}
	}
	return d.Signs
}
