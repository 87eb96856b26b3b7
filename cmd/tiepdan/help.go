package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/tiepdan/tiepdan/i18n"
	"github.com/tiepdan/tiepdan/storage"
)

// newFlags is a command's flag set: it prints nothing itself, so help and
// errors are written by flagExit in the chosen language.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(strings.TrimSpace("tiepdan "+name), flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// flagExit answers a flag-parsing error: -h or --help writes the command's
// help to standard output and exits 0; a bad flag is named, the help
// follows on standard error, exit 2.
func flagExit(fs *flag.FlagSet, name string, err error, cat *i18n.Catalog, stdout, stderr io.Writer) int {
	if errors.Is(err, flag.ErrHelp) {
		writeCommandHelp(stdout, fs, name, cat)
		return 0
	}
	fmt.Fprintln(stderr, flagErrorText(cat, err))
	writeCommandHelp(stderr, fs, name, cat)
	return 2
}

// flagErrorText says what was wrong with the flags in the chosen language:
// the flag package's own messages are English.
func flagErrorText(cat *i18n.Catalog, err error) string {
	msg := err.Error()
	for _, m := range []struct{ prefix, key string }{
		{"flag provided but not defined: ", "cli.unknown_flag"},
		{"flag needs an argument: ", "cli.flag_needs_value"},
	} {
		if name, ok := strings.CutPrefix(msg, m.prefix); ok {
			return cat.T(m.key, name)
		}
	}
	if strings.HasPrefix(msg, "invalid value ") {
		// invalid value "x" for flag -records: parse error
		if v, rest, ok := strings.Cut(strings.TrimPrefix(msg, "invalid value "), " for flag "); ok {
			name, _, _ := strings.Cut(rest, ":")
			return cat.T("cli.flag_bad_value", name, v)
		}
	}
	return cat.T("cli.bad_flag", msg)
}

// writeCommandHelp writes one command's help: its synopsis, what it does,
// and each flag with its meaning and default.
func writeCommandHelp(w io.Writer, fs *flag.FlagSet, name string, cat *i18n.Catalog) {
	fmt.Fprintln(w, usageText(cat, name))
	fmt.Fprintln(w, cat.T("cli.cmd."+commandKey(name)))
	if fs == nil {
		return
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, cat.T("cli.flags"))
	fs.VisitAll(func(f *flag.Flag) {
		fmt.Fprintf(w, "  -%s\n      %s", f.Name, f.Usage)
		if f.DefValue != "" && f.DefValue != "0" && f.DefValue != "false" {
			fmt.Fprint(w, " "+cat.T("cli.default", f.DefValue))
		}
		fmt.Fprintln(w)
	})
}

func usageText(cat *i18n.Catalog, name string) string {
	key := "cli." + commandKey(name) + "_usage" // cli.report_usage, cli.ui_usage
	if name == "report" {
		return cat.T(key, strings.ReplaceAll(formatNames(), ", ", "|"))
	}
	return cat.T(key)
}

func commandKey(name string) string {
	if name == "" {
		return "ui"
	}
	return name
}

// writeProgramHelp is "tiepdan help": every command with one line each.
func writeProgramHelp(w io.Writer, cmds map[string]command, cat *i18n.Catalog) {
	fmt.Fprintln(w, cat.T("cli.help_intro"))
	fmt.Fprintf(w, "  %-9s %s\n", "", cat.T("cli.cmd.ui"))
	for _, n := range append(commandNames(cmds), "help") {
		fmt.Fprintf(w, "  %-9s %s\n", n, cat.T("cli.cmd."+n))
	}
	fmt.Fprintln(w, cat.T("cli.help_more"))
	fmt.Fprintln(w, cat.T("cli.help_schema", storage.SchemaVersion))
}
