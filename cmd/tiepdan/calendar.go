package main

import (
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/tiepdan/tiepdan/i18n"
	"github.com/tiepdan/tiepdan/model/calendar"
)

// runCalendar is "tiepdan calendar YEAR [--db FILE]": the year's days off
// other than weekly rest days (ISO date, weekday, Vietnamese name, and the
// lunar date of lunar holidays), with the office's overrides when --db is
// given, and the number of working days per month.
func runCalendar(args []string, cat *i18n.Catalog, stdout, stderr io.Writer) int {
	fs := newFlags("calendar")
	dbPath := fs.String("db", "", cat.T("cli.flag_calendar_db"))
	fs.String("lang", "vi", cat.T("cli.flag_lang"))
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return flagExit(fs, "calendar", err, cat, stdout, stderr)
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, cat.T("cli.calendar_usage"))
		return 2
	}
	year, err := strconv.Atoi(pos[0])
	if err != nil || year < calendar.MinYear || year > calendar.MaxYear {
		fmt.Fprintln(stderr, cat.T("cli.calendar_year", pos[0], calendar.MinYear, calendar.MaxYear))
		return 2
	}
	cal := calendar.Default()
	office := ""
	if *dbPath != "" {
		db, ok := openExisting(cat, *dbPath, stderr)
		if !ok {
			return 1
		}
		o, err := db.For(actor()).Office()
		db.Close()
		if err != nil {
			fmt.Fprintln(stderr, cat.T("cli.report_failed", dbErrorText(cat, *dbPath, err)))
			return 1
		}
		cal, office = calendar.ForOffice(o), o.Name
	}
	hs, err := cal.Holidays(year)
	if err != nil {
		fmt.Fprintln(stderr, cat.T("cli.calendar_year", pos[0], calendar.MinYear, calendar.MaxYear))
		return 2
	}
	if office != "" {
		fmt.Fprintln(stdout, cat.T("cli.calendar_title_office", year, office))
	} else {
		fmt.Fprintln(stdout, cat.T("cli.calendar_title", year))
	}
	fmt.Fprintln(stdout)
	fmt.Fprintln(stdout, cat.T("cli.calendar_days_off"))
	w := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	for _, h := range hs {
		fmt.Fprintf(w, "%s\t%s\t%s\n", h.Date.ISO(), cat.Label("weekday", strconv.Itoa(int(h.Date.Weekday()))),
			cal.Describe(h, cat.T, true))
	}
	w.Flush()
	if ws := cal.SwappedWorkdays(year); len(ws) > 0 {
		fmt.Fprintln(stdout)
		fmt.Fprintln(stdout, cat.T("cli.calendar_workdays"))
		for _, o := range ws {
			line := o.Date.ISO() + "  " + cat.Label("weekday", strconv.Itoa(int(o.Date.Weekday())))
			if o.Note != "" {
				line += "  " + o.Note
			}
			fmt.Fprintln(stdout, line)
		}
	}
	fmt.Fprintln(stdout)
	fmt.Fprintln(stdout, cat.T("cli.calendar_working_days"))
	total := 0
	for m := time.January; m <= time.December; m++ {
		n := cal.WorkingDaysInMonth(year, m)
		total += n
		fmt.Fprintf(stdout, "  %s  %3d\n", cat.T("cli.calendar_month", int(m)), n)
	}
	fmt.Fprintf(stdout, "  %s  %3d\n", cat.T("cli.calendar_year_total"), total)
	return 0
}
