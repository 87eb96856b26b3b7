package report

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/tiepdan/tiepdan/i18n"
)

// Format is an export format.
type Format string

// The export formats.
const (
	FormatText Format = "text"
	FormatCSV  Format = "csv" // for Excel on a Vietnamese PC: ";" and decimal comma
	// FormatCSVPlain is RFC 4180 for programs: "," and a "." decimal point.
	FormatCSVPlain Format = "csv-plain"
	// FormatPDF is the written report to print; the printout package
	// renders it (Write refuses it).
	FormatPDF   Format = "pdf"
	FormatXLSX  Format = "xlsx"
	FormatHTML  Format = "html"
	FormatProse Format = "prose"
)

// Formats lists the export formats in the order screens offer them.
func Formats() []Format {
	return []Format{FormatPDF, FormatXLSX, FormatHTML, FormatCSV, FormatText, FormatProse, FormatCSVPlain}
}

// ErrBadFormat is returned for a format name that is not one of Formats.
var ErrBadFormat = errors.New("unknown export format")

// ParseFormat reads a format name.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats() {
		if string(f) == strings.ToLower(strings.TrimSpace(s)) {
			return f, nil
		}
	}
	return "", fmt.Errorf("%w: %q", ErrBadFormat, s)
}

// Ext returns the file name extension of f.
func (f Format) Ext() string {
	switch f {
	case FormatText, FormatProse:
		return ".txt"
	case FormatCSVPlain:
		return ".csv"
	}
	return "." + string(f)
}

// FileName is the default name of an export: "baocao-2026-10.xlsx",
// "baocao-2026-10-01..2026-10-20-vanban.txt" for prose.
func FileName(s *Summary, f Format) string {
	name := "baocao-" + s.Period.String()
	if s.Period.Official {
		name += "-chinhthuc"
	}
	switch f {
	case FormatProse:
		name += "-vanban"
	case FormatCSVPlain:
		name += "-may"
	}
	return name + f.Ext()
}

// Write writes the summary in format f to w.
func Write(w io.Writer, f Format, s *Summary, cat *i18n.Catalog) error {
	switch f {
	case FormatText:
		return writeText(w, s, cat)
	case FormatProse:
		return writeProse(w, s, cat)
	case FormatCSV:
		return writeCSV(w, s, cat, excelVN)
	case FormatCSVPlain:
		return writeCSV(w, s, cat, plainCSV)
	case FormatXLSX:
		return writeXLSX(w, s, cat)
	case FormatHTML:
		return writeHTML(w, s, cat)
	}
	return fmt.Errorf("%w: %q", ErrBadFormat, f)
}

// WriteFile writes the summary to path all or nothing: the export is built
// in memory, written to a temporary file beside path, flushed to disk and
// renamed over path. On any error no file is left behind and an existing
// file at path is untouched.
func WriteFile(path string, f Format, s *Summary, cat *i18n.Catalog) error {
	return WriteAtomic(path, func(w io.Writer) error { return Write(w, f, s, cat) })
}

// WriteAtomic writes what fill produces to path through a temporary file
// renamed over it, so a reader never sees half a file and a failure leaves
// any earlier file as it was.
func WriteAtomic(path string, fill func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := fill(&buf); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	_, err = tmp.Write(buf.Bytes())
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}
