package server_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/tiepdan/tiepdan/server"
	"github.com/tiepdan/tiepdan/storage"
)

// The server backs up on its own when the newest backup is too old (at
// start, with none), into each backup folder, and every backup passes its
// check.
func TestServerBacksUpOnItsOwn(t *testing.T) {
	second := filepath.Join(t.TempDir(), "usb")
	f := start(t, func(c *server.Config) {
		c.BackupDirs = []string{filepath.Join(filepath.Dir(c.DB.Path()), "saoluu"), second}
	})
	deadline := time.Now().Add(10 * time.Second)
	var main, usb []storage.Backup
	for time.Now().Before(deadline) {
		main = storage.Backups(f.db.Path())
		usb = storage.Backups(f.db.Path(), second)
		if len(main) > 0 && len(usb) > 0 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if len(main) == 0 || len(usb) == 0 {
		t.Fatalf("backups: main %v, second folder %v", main, usb)
	}
	for _, b := range append(main[:1], usb[0]) {
		if st, err := os.Stat(b.Path); err != nil || st.Size() == 0 {
			t.Fatalf("%s: %v", b.Path, err)
		}
		if rep, err := storage.Check(b.Path); err != nil || !rep.OK() {
			t.Fatalf("%s does not pass its check: %+v %v", b.Path, rep, err)
		}
	}
}
