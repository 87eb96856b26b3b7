package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tiepdan/tiepdan/i18n"
	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/storage"
)

// Granting the permission from the command line once identities are
// sealed asks the person granted for their passphrase (twice at a
// terminal, one line each from a script) and a
// holder's passphrase to open the key; a wrong holder's passphrase grants
// nothing.
func TestUserGrantAsksForPassphrases(t *testing.T) {
	path := filepath.Join(t.TempDir(), "o.db")
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	admin := db.For("quantri")
	o, _ := admin.Office()
	o.Name, o.Place, o.Protected, o.Passphrase = "UBND xã Quang Trung", "Quang Trung", model.ProtectedRestricted, "trăng rằm tháng tám"
	if err := admin.SaveOffice(&o); err != nil {
		t.Fatal(err)
	}
	db.Close()
	cat := i18n.New(i18n.Vietnamese)
	user := func(stdin string, args ...string) (int, string) {
		var out, errb bytes.Buffer
		code := runUser(append(args, "--db", path), cat, strings.NewReader(stdin), &out, &errb)
		return code, out.String() + errb.String()
	}
	if code, out := user("khóa của lan 2026\nsai rồi sai rồi\n",
		"add", "lan", "--role", "leader", "--see-protected", "yes"); code == 0 || !strings.Contains(out, "mật khẩu bảo vệ không đúng") {
		t.Fatalf("a wrong holder's passphrase: %d %s", code, out)
	}
	if code, out := user("khóa của lan 2026\ntrăng rằm tháng tám\n",
		"add", "lan", "--role", "leader", "--see-protected", "yes"); code != 0 {
		t.Fatalf("grant: %d %s", code, out)
	}
	db, err = storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	lan, err := db.Staff("lan")
	if err != nil || !lan.SeeProtected {
		t.Fatalf("lan: %+v %v", lan, err)
	}
	if err := db.As(lan).UnlockProtected("khóa của lan 2026"); err != nil {
		t.Fatalf("lan's passphrase: %v", err)
	}
}
