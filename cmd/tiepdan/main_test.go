package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tiepdan/tiepdan/report"
	"github.com/tiepdan/tiepdan/storage"
)

// TestBadDatabaseFiles runs the command on files it must refuse: each gives
// a Vietnamese message naming the file, a non-zero exit within 5 seconds,
// and leaves the file as it was.
func TestBadDatabaseFiles(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "rac.db")
	os.WriteFile(garbage, bytes.Repeat([]byte("không phải cơ sở dữ liệu "), 400), 0o600)
	locked := filepath.Join(dir, "dangmo.db")
	db, err := storage.Open(locked, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tests := []struct {
		name, path, want string
	}{
		{"not a bbolt file", garbage, "không phải tệp dữ liệu của tiepdan"},
		{"held by another process", locked, "đang được một chương trình tiepdan khác"},
		{"a folder", dir, "không phải tệp dữ liệu"},
		{"missing folder", filepath.Join(dir, "khong", "co", "x.db"), "thư mục chứa tệp không tồn tại"},
		{"a folder where files cannot be made", "/proc/tiepdan-test.db", "không tạo được tệp"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before, _ := os.ReadFile(tc.path)
			var out, errOut bytes.Buffer
			start := time.Now()
			code := run([]string{"--db", tc.path}, &out, &errOut)
			if code == 0 {
				t.Fatal("exit 0")
			}
			if el := time.Since(start); el > 5*time.Second {
				t.Fatalf("took %v", el)
			}
			if !strings.Contains(errOut.String(), tc.want) {
				t.Fatalf("message %q lacks %q", errOut.String(), tc.want)
			}
			if after, _ := os.ReadFile(tc.path); !bytes.Equal(before, after) {
				t.Error("file changed")
			}
		})
	}
}

func TestDemoCommand(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	var out, errOut bytes.Buffer
	if code := run([]string{"demo", "--db", path, "--records", "3000", "--seed", "7"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "Đã tạo dữ liệu mẫu") {
		t.Fatalf("output %q", out.String())
	}
	if code := run([]string{"demo"}, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), "Cách dùng") {
		t.Fatalf("demo without --db: %d %q", code, errOut.String())
	}
	errOut.Reset()
	if code := run([]string{"lung-tung"}, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), "Lệnh không rõ") {
		t.Fatalf("unknown command: %d %q", code, errOut.String())
	}
}

// The flags a newcomer writes first ("tiepdan -db x.db report") belong to
// the command that follows, as if written after it.
func TestFlagsBeforeTheCommand(t *testing.T) {
	db := demoDB(t)
	var after, afterErr, before, beforeErr bytes.Buffer
	if code := run([]string{"report", "-db", db, "-period", "2026-10"}, &after, &afterErr); code != 0 {
		t.Fatalf("report -db: %d %s", code, afterErr.String())
	}
	if code := run([]string{"-db", db, "report", "-period", "2026-10"}, &before, &beforeErr); code != 0 {
		t.Fatalf("-db report: %d %s", code, beforeErr.String())
	}
	if after.Len() == 0 || before.String() != after.String() {
		t.Fatalf("-db before the command gave another report:\n%s\n---\n%s", before.String(), after.String())
	}
	// "user" reads its action first: the flags go after it
	var out, errOut bytes.Buffer
	if code := run([]string{"-db", db, "user", "list"}, &out, &errOut); code != 0 {
		t.Fatalf("-db user list: %d %s", code, errOut.String())
	}
}

// The usage names every command the program has and every format the
// report writes; none is left out when one is added.
func TestUsageNamesEveryCommandAndFormat(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"lung-tung"}, &out, &errOut); code != 2 {
		t.Fatalf("unknown command exit %d", code)
	}
	for _, c := range []string{"report", "print", "serve", "user", "calendar", "demo"} {
		if !strings.Contains(errOut.String(), c) {
			t.Errorf("usage lacks %q: %s", c, errOut.String())
		}
	}
	out.Reset()
	run([]string{"report", "-h"}, &out, &errOut)
	for _, f := range report.Formats() {
		if !strings.Contains(out.String(), string(f)) {
			t.Errorf("report -h lacks format %q:\n%s", f, out.String())
		}
	}
}

// "tiepdan help" and "--help" list every command with its line in the
// chosen language and exit 0; each command's help is in that language too,
// names its arguments, and a bad flag is said in it.
func TestHelpInTheChosenLanguage(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"--help"}, {"-h"}} {
		var out, errOut bytes.Buffer
		if code := run(args, &out, &errOut); code != 0 {
			t.Fatalf("%v: exit %d %s", args, code, errOut.String())
		}
		for _, want := range []string{"Các lệnh:", "report    lập báo cáo", "calendar  xem ngày nghỉ lễ",
			"user      quản lý tài khoản", "serve     chạy máy chủ SSH", "print     in giấy hẹn", "demo      tạo một cơ quan mẫu"} {
			if !strings.Contains(out.String(), want) {
				t.Errorf("%v lacks %q:\n%s", args, want, out.String())
			}
		}
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"calendar", "-h"}, "tiepdan calendar NĂM"},
		{[]string{"help", "print"}, "slip|supplement|apology"},
		{[]string{"user", "-h"}, "tiepdan user add"},
		{[]string{"serve", "--help"}, "Các cờ:"},
		{[]string{"demo", "-h"}, "(mặc định: 20000)"},
		{[]string{"-lang", "en", "help"}, "Commands:"},
		{[]string{"report", "-h"}, "tiepdan report [--db"},
		{[]string{"-h", "-db", "x.db"}, "Các lệnh:"},
	} {
		var out, errOut bytes.Buffer
		if code := run(tc.args, &out, &errOut); code != 0 || !strings.Contains(out.String(), tc.want) {
			t.Errorf("%v: exit %d, lacks %q:\n%s%s", tc.args, code, tc.want, out.String(), errOut.String())
		}
		if strings.Contains(out.String(), "[cli.") {
			t.Errorf("%v: a catalogue key is missing:\n%s", tc.args, out.String())
		}
		if strings.Contains(out.String(), "Usage of") {
			t.Errorf("%v: Go's English usage:\n%s", tc.args, out.String())
		}
	}
	var out, errOut bytes.Buffer
	if code := run([]string{"report", "-bogus"}, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), "Không có cờ -bogus") {
		t.Errorf("bad flag: exit %d %q", code, errOut.String())
	}
}
