package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// export → import into a new file → export gives the same file; a bad
// record in an import is named in Vietnamese and nothing is written.
func TestExportImportCommands(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "office.db")
	os.WriteFile(path, goodOffice(t), 0o600)
	first, second := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")
	var out, errb bytes.Buffer
	if code := run([]string{"export", "--db", path, "-o", first, "--with-secrets"}, &out, &errb); code != 0 {
		t.Fatalf("export: %s", errb.String())
	}
	moved := filepath.Join(dir, "moved.db")
	if code := run([]string{"import", "--db", moved, first}, &out, &errb); code != 0 {
		t.Fatalf("import: %s", errb.String())
	}
	if code := run([]string{"export", "--db", moved, "-o", second, "--with-secrets"}, &out, &errb); code != 0 {
		t.Fatalf("export again: %s", errb.String())
	}
	a, _ := os.ReadFile(first)
	b, _ := os.ReadFile(second)
	if !bytes.Equal(a, b) {
		t.Fatal("the second export differs from the first")
	}
	bad := bytes.Replace(a, []byte(`"hc": 1,`), []byte(`"hc": 0,`), 1)
	badPath := filepath.Join(dir, "bad.json")
	os.WriteFile(badPath, bad, 0o600)
	errb.Reset()
	target := filepath.Join(dir, "never.db")
	if code := run([]string{"import", "--db", target, badPath}, &out, &errb); code == 0 {
		t.Fatal("a bad import succeeded")
	}
	if !strings.Contains(errb.String(), "Không nhập") || !strings.Contains(errb.String(), "Tiếp dân số") ||
		!strings.Contains(errb.String(), "Số người") {
		t.Errorf("the refusal does not name the record: %s", errb.String())
	}
	if _, err := os.Stat(target); err == nil {
		t.Error("a refused import wrote a file")
	}
}
