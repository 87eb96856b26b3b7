package storage_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tiepdan/tiepdan/demo"
	"github.com/tiepdan/tiepdan/storage"
)

func demoExport(t *testing.T, secrets bool) (*storage.DB, []byte) {
	t.Helper()
	db, err := storage.Open(filepath.Join(t.TempDir(), "demo.db"), storage.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := demo.Generate(db, demo.Options{Records: 800, Seed: 9, End: time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := db.ExportTo(&buf, secrets); err != nil {
		t.Fatal(err)
	}
	return db, buf.Bytes()
}

// Export → import into an empty file → export gives the same bytes, and
// the imported file passes its check.
func TestExportImportExportIsIdentical(t *testing.T) {
	_, first := demoExport(t, true)
	x, err := storage.ReadExport(bytes.NewReader(first))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "moved.db")
	if err := storage.ImportInto(path, x); err != nil {
		t.Fatal(err)
	}
	if rep, err := storage.Check(path); err != nil || !rep.OK() {
		t.Fatalf("imported file: %+v %v", rep.Faults, err)
	}
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var second bytes.Buffer
	if err := db.ExportTo(&second, true); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, second.Bytes()) {
		a, b := strings.Split(string(first), "\n"), strings.Split(second.String(), "\n")
		for i := range min(len(a), len(b)) {
			if a[i] != b[i] {
				t.Fatalf("exports differ at line %d:\n%s\n%s", i+1, a[i], b[i])
			}
		}
		t.Fatalf("exports differ in length: %d and %d lines", len(a), len(b))
	}
}

// An import with one bad record writes nothing and names the record, its
// field and why; secrets stay out unless asked.
func TestImportRefusesABadRecordWhole(t *testing.T) {
	_, data := demoExport(t, false)
	if bytes.Contains(data, []byte(`"pw":`)) {
		t.Fatal("a password hash was exported without asking")
	}
	x, err := storage.ReadExport(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	x.Receptions[3].HeadCount = 0
	bad := x.Receptions[3].ID
	x.Dossiers[5].ApplicantID = 99999999
	path := filepath.Join(t.TempDir(), "moved.db")
	err = storage.ImportInto(path, x)
	var ie *storage.ImportError
	if !errors.As(err, &ie) || len(ie.Problems) != 2 {
		t.Fatalf("import: %v", err)
	}
	if p := ie.Problems[0]; p.Kind != "reception" || p.ID != bad || p.Field != "HeadCount" {
		t.Errorf("first problem %+v", p)
	}
	if p := ie.Problems[1]; p.Kind != "dossier" || p.Field != "ApplicantID" {
		t.Errorf("second problem %+v", p)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a refused import left a file: %v", err)
	}
	if _, err := os.Stat(path + ".import.tmp"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a refused import left its work file")
	}
}
