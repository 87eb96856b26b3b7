package storage_test

import (
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/tiepdan/tiepdan/demo"
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

// Random bytes in every third page of a real file: the check says the file
// is damaged and a backup of it is refused as damaged, and neither ends
// the process (bbolt's own check walks pages in a goroutine where the same
// damage is a panic nobody can recover; the pages are read first where it
// can be).
func TestCheckOfScatteredDamageDoesNotCrash(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "office.db")
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// the generated office whose damage once ended the process
	if _, err := demo.Generate(db, demo.Options{Records: 600, Seed: 3, End: time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	b, _ := os.ReadFile(path)
	r := rand.New(rand.NewPCG(1, 2))
	for page := 4; page*4096 < len(b); page += 3 {
		for i := 16; i < 4096 && page*4096+i < len(b); i++ {
			b[page*4096+i] = byte(r.IntN(256))
		}
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	rep, err := storage.Check(path)
	if err == nil && rep.OK() {
		t.Fatal("the damaged file passes its check")
	}
	db, err = storage.Open(path, storage.Options{})
	if err != nil {
		return // refused at the door: as good
	}
	defer db.Close()
	if _, err := db.BackupTo(filepath.Join(dir, "bk")); !errors.Is(err, storage.ErrDamaged) {
		t.Fatalf("backup of a damaged file: %v", err)
	}
}
