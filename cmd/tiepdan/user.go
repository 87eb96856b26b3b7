package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/charmbracelet/x/term"

	"github.com/tiepdan/tiepdan/auth"
	"github.com/tiepdan/tiepdan/i18n"
	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/storage"
)

// parseInterspersed parses flags that may come before or after the
// positional arguments ("user add an --role clerk" as well as
// "user add --role clerk an") and returns the positional ones.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// userCmd is one "tiepdan user" action after flag parsing.
type userCmd struct {
	cat            *i18n.Catalog
	stdin          io.Reader
	lines          *bufio.Reader // stdin when it is not a terminal
	stdout, stderr io.Writer
}

// runUser is "tiepdan user add|list|disable|enable|set|key-add|key-remove|
// passwd": staff accounts, while no server holds the file (the database is
// created if absent). Usage errors exit 2, failures 1.
func runUser(args []string, cat *i18n.Catalog, stdin io.Reader, stdout, stderr io.Writer) int {
	u := &userCmd{cat: cat, stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		fmt.Fprintln(stderr, cat.T("cli.user_usage"))
		return 2
	}
	fs := newFlags("user " + args[0])
	dbPath := fs.String("db", DefaultDB, cat.T("cli.flag_db"))
	role := fs.String("role", "", cat.T("cli.flag_role"))
	name := fs.String("name", "", cat.T("cli.flag_name"))
	title := fs.String("title", "", cat.T("cli.flag_title"))
	keyFile := fs.String("key", "", cat.T("cli.flag_key"))
	seeProt := fs.String("see-protected", "", cat.T("cli.flag_see_protected"))
	fs.String("lang", "vi", cat.T("cli.flag_lang"))
	switch args[0] {
	case "-h", "-help", "--help", "help":
		writeCommandHelp(stdout, fs, "user", cat)
		return 0
	}
	pos, err := parseInterspersed(fs, args[1:])
	if err != nil {
		return flagExit(fs, "user", err, cat, stdout, stderr)
	}
	action := args[0]
	if action != "list" && len(pos) != 1 || action == "list" && len(pos) != 0 {
		fmt.Fprintln(stderr, cat.T("cli.user_usage"))
		return 2
	}
	var key string
	if *keyFile != "" {
		if key, err = readKeyFile(*keyFile); err != nil {
			fmt.Fprintln(stderr, cat.T("cli.user_bad_key", *keyFile))
			return 2
		}
	}
	db, err := storage.Open(*dbPath, storage.Options{})
	if err != nil {
		fmt.Fprintln(stderr, OpenErrorText(cat, *dbPath, err))
		return 1
	}
	defer db.Close()
	s := db.For(actor())
	if action == "list" {
		return u.list(s)
	}
	username := strings.ToLower(pos[0])
	if action == "add" {
		st := model.Staff{Username: username, FullName: *name, Title: *title, Role: model.Role(*role),
			SeeProtected: *seeProt == "true" || *seeProt == "yes"}
		if key != "" {
			st.Keys = []string{key}
		}
		return u.save(s, &st, "cli.user_added")
	}
	st, err := s.Staff(username)
	if err != nil {
		fmt.Fprintln(stderr, cat.T("cli.user_not_found", username))
		return 1
	}
	switch action {
	case "unlock":
		// the lockouts the server keeps in the file (the server itself
		// lifts them from the staff screen while it runs)
		locks := db.LoginLocks()
		n := 0
		for k := range locks {
			if strings.HasPrefix(k, "ua:"+username+"|") {
				delete(locks, k)
				n++
			}
		}
		if n == 0 {
			fmt.Fprintln(stdout, cat.T("cli.user_not_locked", username))
			return 0
		}
		if err := db.SaveLoginLocks(locks); err != nil {
			fmt.Fprintln(stderr, cat.T("cli.user_failed", dbErrorText(cat, *dbPath, err)))
			return 1
		}
		fmt.Fprintln(stdout, cat.T("cli.user_unlocked", username))
		return 0
	case "disable", "enable":
		st.Disabled = action == "disable"
		done := "cli.user_enabled"
		if st.Disabled {
			done = "cli.user_disabled"
		}
		return u.save(s, &st, done)
	case "set":
		if *role != "" {
			st.Role = model.Role(*role)
		}
		if *name != "" {
			st.FullName = *name
		}
		if *title != "" {
			st.Title = *title
		}
		if *seeProt != "" {
			st.SeeProtected = *seeProt == "true" || *seeProt == "yes"
		}
		return u.save(s, &st, "cli.user_updated")
	case "key-add":
		if key == "" {
			fmt.Fprintln(stderr, cat.T("cli.user_usage"))
			return 2
		}
		if fp := auth.Fingerprint(key); fp != "" && hasFingerprint(st.Keys, fp) {
			fmt.Fprintln(stdout, cat.T("cli.user_key_had", username, fp))
			return 0
		}
		st.Keys = append(st.Keys, key)
		return u.save(s, &st, "cli.user_updated")
	case "key-remove":
		return u.removeKey(s, &st, key)
	case "passwd":
		pw, err := u.readPassword()
		if err != nil {
			fmt.Fprintln(stderr, err.Error())
			return 1
		}
		if st.PasswordHash, err = auth.HashPassword(pw); err != nil {
			fmt.Fprintln(stderr, cat.T("cli.user_pw_length", auth.MinPasswordLen, auth.MaxPasswordLen))
			return 1
		}
		return u.save(s, &st, "cli.user_pw_set")
	}
	fmt.Fprintln(stderr, cat.T("cli.user_usage"))
	return 2
}

func (u *userCmd) save(s *storage.Store, st *model.Staff, done string) int {
	err := s.SaveStaff(st)
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		if f, ok := ve.For("Passphrase"); ok && (f.Code == storage.ErrCodePassphraseGrant || f.Code == storage.ErrCodePassphraseLocked) {
			// the office's identities are sealed: the grant needs passphrases
			if err := u.grant(s, st); err != nil {
				fmt.Fprintln(u.stderr, err.Error())
				return 1
			}
			err = s.SaveStaff(st)
		}
	}
	if err != nil {
		if errors.As(err, &ve) {
			for _, f := range ve.Fields {
				fmt.Fprintln(u.stderr, u.cat.T("field."+f.Field)+": "+u.cat.FieldError(f.Code, f.Args...))
			}
			if _, bad := ve.For("Role"); bad {
				fmt.Fprintln(u.stderr, u.cat.T("cli.user_roles"))
			}
			return 2
		}
		fmt.Fprintln(u.stderr, u.cat.T("cli.user_failed", err.Error()))
		return 1
	}
	fmt.Fprintln(u.stdout, u.cat.T(done, st.Username))
	return 0
}

func (u *userCmd) list(s *storage.Store) int {
	all, err := s.ListStaff()
	if err != nil {
		fmt.Fprintln(u.stderr, u.cat.T("cli.user_failed", err.Error()))
		return 1
	}
	if len(all) == 0 {
		fmt.Fprintln(u.stdout, u.cat.T("cli.user_none"))
		return 0
	}
	w := tabwriter.NewWriter(u.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, u.cat.T("cli.user_list_head"))
	for _, st := range all {
		state := u.cat.T("cli.user_active")
		if st.Disabled {
			state = u.cat.T("cli.user_disabled_state")
		}
		prot, pw := "-", "-"
		if st.SeeProtected {
			prot = u.cat.T("form.yes")
		}
		if st.PasswordHash != "" {
			pw = u.cat.T("form.yes")
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%d\t%s\t%s\n", st.Username, st.Label(), u.cat.Label("role", string(st.Role)),
			prot, len(st.Keys), pw, state)
	}
	w.Flush()
	return 0
}

func (u *userCmd) removeKey(s *storage.Store, st *model.Staff, key string) int {
	fp := auth.Fingerprint(key)
	kept := st.Keys[:0:0]
	for _, k := range st.Keys {
		if auth.Fingerprint(k) != fp {
			kept = append(kept, k)
		}
	}
	if fp == "" || len(kept) == len(st.Keys) {
		fmt.Fprintln(u.stderr, u.cat.T("cli.user_key_missing", st.Username))
		return 1
	}
	st.Keys = kept
	return u.save(s, st, "cli.user_updated")
}

func hasFingerprint(keys []string, fp string) bool {
	for _, k := range keys {
		if auth.Fingerprint(k) == fp {
			return true
		}
	}
	return false
}

// readKeyFile reads a public key file (the first key line of it).
func readKeyFile(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			canon, _, err := auth.ParseKey(line)
			return canon, err
		}
	}
	return "", auth.ErrBadKey
}

// readPassword reads the new password: twice without echo from a terminal,
// or the next line of standard input otherwise (scripts, tests).
func (u *userCmd) readPassword() (string, error) {
	return u.readSecret("cli.user_pw_prompt", true)
}

// readSecret asks for a secret with prompt: without echo from a terminal
// (twice when twice, and both must agree), or the next line of standard
// input otherwise.
func (u *userCmd) readSecret(prompt string, twice bool, args ...any) (string, error) {
	if f, ok := u.stdin.(*os.File); ok && term.IsTerminal(f.Fd()) {
		fmt.Fprint(u.stderr, u.cat.T(prompt, args...))
		a, err := term.ReadPassword(f.Fd())
		fmt.Fprintln(u.stderr)
		if err != nil || !twice {
			return string(a), err
		}
		fmt.Fprint(u.stderr, u.cat.T("cli.user_pw_again"))
		b, err := term.ReadPassword(f.Fd())
		fmt.Fprintln(u.stderr)
		if err != nil {
			return "", err
		}
		if string(a) != string(b) {
			return "", errors.New(u.cat.T("cli.user_pw_mismatch"))
		}
		return string(a), nil
	}
	if u.lines == nil {
		u.lines = bufio.NewReader(u.stdin)
	}
	line, err := u.lines.ReadString('\n')
	if err != nil && line == "" {
		return "", errors.New(u.cat.T("cli.user_pw_none"))
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// grant asks what granting the permission needs once the office's
// identities are sealed: the passphrase of the person granted (typed by
// them), and a passphrase that already opens the key.
func (u *userCmd) grant(s *storage.Store, st *model.Staff) error {
	pass, err := u.readSecret("cli.user_grant_prompt", true, st.Username)
	if err != nil {
		return err
	}
	if !s.ProtectedUnlocked() {
		holder, err := u.readSecret("cli.user_holder_prompt", false)
		if err != nil {
			return err
		}
		if err := s.UnlockProtected(holder); err != nil {
			return errors.New(u.cat.T("err.passphrase_wrong"))
		}
	}
	st.Passphrase = pass
	return nil
}
