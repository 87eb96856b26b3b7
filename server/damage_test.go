package server_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/tiepdan/tiepdan/model"
)

// A record damaged on disk while the server runs fails the one read that
// meets it, with the clear message; that session goes on, and so does
// every other.
func TestOneBadReadEndsNoSession(t *testing.T) {
	f := start(t, nil)
	s := f.db.As(model.Staff{Username: "an", Role: model.RoleClerk})
	for _, n := range []string{"Hỏng Văn Trang", "Lành Thị Mạnh"} {
		c := model.Citizen{FullName: n}
		if err := s.SaveCitizen(&c); err != nil {
			t.Fatal(err)
		}
	}
	// damage the stored value of the first, in the live file
	file, err := os.OpenFile(f.db.Path(), os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	all, _ := os.ReadFile(f.db.Path())
	// every copy of the record in the file (bbolt copies pages on write:
	// a freed page may still hold an older one)
	var starts []int64
	name := []byte(`"name":"Hỏng Văn Trang"`) // the record, not its audit event
	for off := 0; ; {
		at := bytes.Index(all[off:], name)
		if at < 0 {
			break
		}
		at += off
		if start := bytes.LastIndex(all[:at], []byte("\x01{\"")); start >= 0 {
			starts = append(starts, int64(start))
		}
		off = at + len(name)
	}
	if len(starts) == 0 {
		t.Fatal("the record is not in the file")
	}
	for _, at := range starts {
		if _, err := file.WriteAt([]byte{0x09}, at); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() { // mended before the fixture verifies the file
		for _, at := range starts {
			file.WriteAt([]byte{0x01}, at)
		}
		file.Close()
	})

	ca := f.keyLogin("binh")
	cb := f.keyLogin("an")
	a, b := f.open(ca), f.open(cb)
	a.waitFor("Hôm nay")
	b.waitFor("Hôm nay")
	a.send("\x1b[17~") // F6: citizens
	a.waitFor("Tìm:")
	a.send("hong van")
	a.waitFor("đã hỏng")
	// that session goes on
	a.send("\x15") // ^U
	a.send("lanh")
	a.waitFor("Lành Thị Mạnh")
	// and the other was never touched
	b.send("\x1b[17~")
	b.waitFor("Tìm:")
	b.send("lanh thi")
	b.waitFor("Lành Thị Mạnh")
	if f.srv.Sessions() != 2 {
		t.Fatalf("%d sessions left", f.srv.Sessions())
	}
}
