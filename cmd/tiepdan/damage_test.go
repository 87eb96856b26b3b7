package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/demo"
	"github.com/tiepdan/tiepdan/i18n"
	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/storage"
)

// goodOffice writes a small demo office and returns its bytes.
func goodOffice(t *testing.T) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "good.db")
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Generate(db, demo.Options{Records: 600, Seed: 3, End: time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func boltEdit(t *testing.T, path string, fn func(tx *bolt.Tx) error) {
	t.Helper()
	b, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Update(fn); err != nil {
		t.Fatal(err)
	}
	b.Close()
}

// Every command meets a damaged file with a clear message in Vietnamese and
// a non-zero exit: no stack trace, no bbolt English, the file unchanged.
func TestDamagedFilesAreRefused(t *testing.T) {
	good := goodOffice(t)
	cases := []struct {
		name string
		make func(t *testing.T, path string)
		want string // in the message
	}{
		{"truncated to 8 KiB", func(t *testing.T, p string) { os.WriteFile(p, good[:8<<10], 0o600) }, "hỏng"},
		{"truncated to 20 KB", func(t *testing.T, p string) { os.WriteFile(p, good[:20000], 0o600) }, "hỏng"},
		{"truncated to half", func(t *testing.T, p string) { os.WriteFile(p, good[:len(good)/2], 0o600) }, "hỏng"},
		{"zero bytes", func(t *testing.T, p string) { os.WriteFile(p, nil, 0o600) }, "rỗng"},
		{"random pages", func(t *testing.T, p string) {
			b := append([]byte(nil), good...)
			r := rand.New(rand.NewPCG(1, 2))
			for page := 2; page*4096 < len(b); page++ { // every page: each command reads some
				for i := 16; i < 4096 && page*4096+i < len(b); i++ {
					b[page*4096+i] = byte(r.IntN(256))
				}
			}
			os.WriteFile(p, b, 0o600)
		}, "hỏng"},
		{"missing bucket", func(t *testing.T, p string) {
			os.WriteFile(p, good, 0o600)
			boltEdit(t, p, func(tx *bolt.Tx) error { return tx.DeleteBucket([]byte("audit")) })
		}, "hỏng"},
		{"foreign file", func(t *testing.T, p string) {
			boltEdit(t, p, func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("x")); return err })
		}, "không phải"},
		{"newer schema", func(t *testing.T, p string) {
			os.WriteFile(p, good, 0o600)
			boltEdit(t, p, func(tx *bolt.Tx) error {
				return tx.Bucket([]byte("meta")).Put([]byte("schema"), binary.BigEndian.AppendUint32(nil, 99))
			})
		}, "lược đồ dữ liệu 99"},
		{"a folder", func(t *testing.T, p string) { os.Mkdir(p, 0o700) }, ""},
	}
	cat := i18n.New(i18n.Vietnamese)
	_ = cat
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "office.db")
			c.make(t, path)
			sum := func() [32]byte {
				b, _ := os.ReadFile(path)
				return sha256.Sum256(b)
			}
			before := sum()
			for _, args := range [][]string{
				{"report", "--db", path, "--period", "2026-10"},
				{"print", "reception-register", "--db", path, "--period", "2026-10", "-o", dir},
				{"check", "--db", path},
				{"backup", "--db", path, "-o", filepath.Join(dir, "bk")},
				{"calendar", "2026", "--db", path},
			} {
				var out, errb bytes.Buffer
				code := run(args, &out, &errb)
				msg := errb.String()
				if code == 0 {
					t.Errorf("%v: exit 0\n%s%s", args, out.String(), msg)
				}
				if msg == "" || !strings.Contains(msg, c.want) {
					t.Errorf("%v: message %q lacks %q", args, msg, c.want)
				}
				for _, bad := range []string{"goroutine", "panic", "runtime error", "file size too small", "invalid database", "bbolt"} {
					if strings.Contains(msg+out.String(), bad) {
						t.Errorf("%v: the message shows %q:\n%s", args, bad, msg)
					}
				}
			}
			if sum() != before {
				t.Errorf("the file changed")
			}
		})
	}
}

// Back up, damage the live file, start the server: it refuses, naming the
// last good backup; restore it: every record is back and the check passes.
func TestServerRefusesADamagedFileAndRestoreBringsItBack(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "office.db")
	if err := os.WriteFile(path, goodOffice(t), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := run([]string{"backup", "--db", path}, &out, &errb); code != 0 {
		t.Fatalf("backup: %d %s", code, errb.String())
	}
	backups := storage.Backups(path)
	if len(backups) != 1 || !strings.Contains(out.String(), backups[0].Path) {
		t.Fatalf("backup said %q; backups %+v", out.String(), backups)
	}
	var before bytes.Buffer
	run([]string{"check", "--db", path}, &before, &errb)

	// cut it short of the pages in use (bbolt grows a file ahead of them,
	// so a cut of the file's own size may land in unused space)
	whole, _ := os.ReadFile(path)
	inUse := int(binary.LittleEndian.Uint64(whole[16+40:]) * uint64(binary.LittleEndian.Uint32(whole[16+8:])))
	os.WriteFile(path, whole[:min(len(whole), inUse)*2/3], 0o600)
	out.Reset()
	errb.Reset()
	code := run([]string{"serve", "--db", path, "--addr", "127.0.0.1:0", "--print-addr", "off", "--backup-every", "0"}, &out, &errb)
	if code == 0 || !strings.Contains(errb.String(), "đã hỏng") || !strings.Contains(errb.String(), backups[0].Path) {
		t.Fatalf("serve on a damaged file: %d\n%s%s", code, out.String(), errb.String())
	}
	out.Reset()
	errb.Reset()
	if code := run([]string{"restore", "--db", path, backups[0].Path}, &out, &errb); code != 0 {
		t.Fatalf("restore: %d %s", code, errb.String())
	}
	var after bytes.Buffer
	if code := run([]string{"check", "--db", path}, &after, &errb); code != 0 {
		t.Fatalf("check after restore: %d %s", code, errb.String())
	}
	// the same records, line for line (the file's size line aside)
	strip := func(s string) string { return s[strings.Index(s, "\n"):] }
	if strip(after.String()) != strip(before.String()) {
		t.Errorf("before:\n%s\nafter restore:\n%s", before.String(), after.String())
	}
}

// A host key that cannot be created (its folder cannot be written) says
// so, instead of asking to restore a key that never existed.
func TestServeSaysWhenItCannotCreateTheHostKey(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "not-a-folder")
	os.WriteFile(blocker, []byte("x"), 0o600)
	var out, errb bytes.Buffer
	code := run([]string{"serve", "--db", filepath.Join(dir, "o.db"), "--host-key", filepath.Join(blocker, "key"),
		"--addr", "127.0.0.1:0", "--print-addr", "off"}, &out, &errb)
	if code == 0 || !strings.Contains(errb.String(), "không tạo được") || strings.Contains(errb.String(), "khôi phục") {
		t.Fatalf("%d: %s", code, errb.String())
	}
}

// "tiepdan user unlock" lifts an account's saved lockouts from every
// address, and says when there were none.
func TestUserUnlock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "o.db")
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st := model.Staff{Username: "hoa", Role: model.RoleClerk}
	if err := db.For("x").SaveStaff(&st); err != nil {
		t.Fatal(err)
	}
	until := time.Now().Add(time.Hour)
	db.SaveLoginLocks(map[string]time.Time{"ua:hoa|10.0.0.5": until, "ua:hoa|10.0.0.6": until, "ua:lan|10.0.0.5": until})
	db.Close()
	var out, errb bytes.Buffer
	if code := run([]string{"user", "unlock", "--db", path, "hoa"}, &out, &errb); code != 0 || !strings.Contains(out.String(), "Đã mở khóa") {
		t.Fatalf("%d %s%s", code, out.String(), errb.String())
	}
	db, _ = storage.Open(path, storage.Options{})
	locks := db.LoginLocks()
	db.Close()
	if len(locks) != 1 || locks["ua:lan|10.0.0.5"].IsZero() {
		t.Fatalf("locks left: %v", locks)
	}
	out.Reset()
	run([]string{"user", "unlock", "--db", path, "hoa"}, &out, &errb)
	if !strings.Contains(out.String(), "không bị khóa") {
		t.Fatalf("second unlock: %s", out.String())
	}
}

// serve refuses a damaged file before it makes anything beside it (no host
// key is created for a server that will not start).
func TestServeRefusesBeforeMakingAHostKey(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "office.db")
	good := goodOffice(t)
	os.WriteFile(path, good[:len(good)/2], 0o600)
	var out, errb bytes.Buffer
	if code := run([]string{"serve", "--db", path, "--addr", "127.0.0.1:0", "--print-addr", "off"}, &out, &errb); code == 0 {
		t.Fatal("served a damaged file")
	}
	if _, err := os.Stat(filepath.Join(dir, "tiepdan_host_ed25519")); err == nil {
		t.Error("a host key was made for a server that did not start")
	}
}
