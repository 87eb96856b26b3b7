package common

import (
	"path/filepath"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/printout"
)

// WriteDoc writes doc as PDF, HTML and text and returns the status to
// show, naming the PDF.
func WriteDoc(c *Common, dir string, doc printout.Doc) tea.Msg {
	var path string
	// The PDF is the one to print; the page and the text stay as preview.
	for _, f := range []printout.Format{printout.FormatText, printout.FormatHTML, printout.FormatPDF} {
		p, err := printout.WriteFile(dir, doc, f)
		if err != nil {
			return StatusMsg{Text: c.T("print.write_failed", p, err.Error()), Err: true}
		}
		path = p
	}
	return Handed(c, path)
}

// Handed says where a written PDF went: on the desk's own PC to the
// printer the settings name or to the viewer, ready to print; over SSH,
// the file on the server and how to fetch it. The full path is said.
func Handed(c *Common, path string) StatusMsg {
	if c.OpenForPrint == nil {
		if c.HandToBrowser != nil {
			return c.HandToBrowser(path)
		}
		return StatusMsg{Text: c.T("print.done_remote", path, filepath.Base(path))}
	}
	printed, err := c.OpenForPrint(path, c.Office.Printer)
	switch {
	case err != nil:
		return StatusMsg{Text: c.T("print.open_failed", path, err.Error()), Err: true}
	case printed:
		return StatusMsg{Text: c.T("print.sent", c.Office.Printer, path)}
	}
	return StatusMsg{Text: c.T("print.opened", path)}
}

// PrintRegister writes the register f of period p to the exports folder.
func PrintRegister(c *Common, f printout.Form, p model.Period) tea.Cmd {
	store, cat, dir, now := c.Store, c.Cat, c.ExportDir, c.Now()
	return func() tea.Msg {
		x, err := printout.NewContext(store, cat, now)
		if err != nil {
			return StatusMsg{Text: c.ErrorText(err), Err: true}
		}
		doc, err := printout.Register(store, x, f, p)
		if err != nil {
			return StatusMsg{Text: c.ErrorText(err), Err: true}
		}
		return WriteDoc(c, dir, doc)
	}
}
