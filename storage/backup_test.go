package storage_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/storage"
)

// A backup is a checked copy; a damaged live file is refused naming what
// is wrong; the restore puts every record back and the check passes.
func TestBackupDamageRestore(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "office.db")
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := db.For("x")
	for _, n := range []string{"Lê Văn A", "Trần Thị B", "Phạm Văn C"} {
		newCitizen(t, s, n, "", "")
	}
	b, err := db.BackupTo(storage.BackupDir(path))
	if err != nil {
		t.Fatal(err)
	}
	if got := storage.Backups(path); len(got) != 1 || got[0].Path != b.Path {
		t.Fatalf("backups %+v, want %s", got, b.Path)
	}
	newCitizen(t, s, "Võ Văn D", "", "") // after the backup: lost with the file
	db.Close()

	whole, _ := os.ReadFile(path)
	if err := os.WriteFile(path, whole[:len(whole)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := storage.Open(path, storage.Options{}); !errors.Is(err, storage.ErrDamaged) {
		t.Fatalf("damaged file opened: %v", err)
	}
	if _, err := storage.Check(path); !errors.Is(err, storage.ErrDamaged) {
		t.Fatalf("check of the damaged file: %v", err)
	}
	kept, err := storage.Restore(path, b.Path, time.Now())
	if err != nil || kept == "" {
		t.Fatalf("restore: %q %v", kept, err)
	}
	if rep, err := storage.Check(path); err != nil || !rep.OK() || rep.Records[model.KindCitizen] != 3 {
		t.Fatalf("after restore: %+v %v", rep, err)
	}
	db, err = storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if hits, _ := db.For("x").SearchCitizens("tran thi b", 5); len(hits) != 1 {
		t.Fatalf("restored records: %+v", hits)
	}
	if damaged, _ := os.ReadFile(kept); len(damaged) != len(whole)/2 {
		t.Errorf("the replaced file was not kept as it was")
	}
}

// An empty file is refused, not made into a new office; a first open that
// fails leaves no empty file behind.
func TestEmptyFileRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.db")
	os.WriteFile(path, nil, 0o600)
	if _, err := storage.Open(path, storage.Options{}); !errors.Is(err, storage.ErrEmpty) {
		t.Fatalf("empty file: %v", err)
	}
	if st, _ := os.Stat(path); st.Size() != 0 {
		t.Fatal("the empty file was written")
	}
}

// Pruning keeps the newest backup of each of the last days and months.
func TestPruneKeepsDailyAndMonthly(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "office.db")
	bk := storage.BackupDir(db)
	os.MkdirAll(bk, 0o700)
	start := time.Date(2026, 1, 1, 18, 0, 0, 0, time.UTC)
	for i := 0; i < 400; i++ { // one a day for 400 days
		at := start.AddDate(0, 0, i)
		p := filepath.Join(bk, "office-"+at.Format("20060102-150405")+".db")
		os.WriteFile(p, []byte("x"), 0o600)
		os.Chtimes(p, at, at)
	}
	storage.Prune(db, bk, 14, 12)
	left := storage.Backups(db)
	// 14 daily, and the newest of 12 months of which the latest is already among the daily
	if len(left) < 14 || len(left) > 14+12 {
		t.Fatalf("%d backups left", len(left))
	}
	if !left[0].At.Equal(start.AddDate(0, 0, 399)) {
		t.Errorf("the newest backup was pruned: %v", left[0].At)
	}
}
