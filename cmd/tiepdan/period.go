package main

import (
	"fmt"
	"io"

	"github.com/tiepdan/tiepdan/i18n"
	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/report"
)

// periodChoice is what --period and --window asked for, before the office's
// settings (default window, cut-off day) are known.
type periodChoice struct {
	period    model.Period
	given     bool
	window    model.Window
	windowSet bool
}

// parsePeriodFlags reads --period and --window; a bad value is reported on
// stderr, naming it and what is expected, and ok is false (exit 2).
func parsePeriodFlags(cat *i18n.Catalog, periodText, windowText string, stderr io.Writer) (pc periodChoice, ok bool) {
	if periodText != "" {
		p, err := model.ParsePeriod(periodText)
		if err != nil {
			fmt.Fprintln(stderr, report.PeriodErrorText(cat, err))
			return pc, false
		}
		pc.period, pc.given = p, true
	}
	if windowText != "" {
		w, good := model.ParseWindow(windowText)
		if !good {
			fmt.Fprintln(stderr, cat.T("cli.bad_window", windowText))
			return pc, false
		}
		pc.window, pc.windowSet = w, true
	}
	return pc, true
}

// resolve gives the period in the window asked for, or the office's
// default; without --period, the month that holds today.
func (pc periodChoice) resolve(office model.Office, today model.Date) model.Period {
	w := office.Window()
	if pc.windowSet {
		w = pc.window
	}
	if !pc.given {
		return model.MonthHolding(today, w, office.CutoffOn(today))
	}
	return office.Official(pc.period, w)
}
