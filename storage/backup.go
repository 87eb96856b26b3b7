package storage

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// ErrBackupBad is matched when a backup just written, or one offered for a
// restore, fails its check; Faults says why.
var ErrBackupBad = errors.New("backup does not pass its check")

// BackupTo writes a consistent copy of the open database into dir (made if
// missing), named after the database and the time ("tiepdan-20261202-
// 173000.db"): one read transaction, so the copy is what the file held at
// one moment while others go on saving; synced to disk, reopened and
// checked before it gets its name. It returns the backup written.
func (db *DB) BackupTo(dir string) (Backup, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return Backup{}, err
	}
	now := db.now()
	stem := strings.TrimSuffix(filepath.Base(db.path), filepath.Ext(db.path))
	final := filepath.Join(dir, fmt.Sprintf("%s-%s.db", stem, now.Format("20060102-150405")))
	tmp := final + ".tmp"
	if err := db.copyTo(tmp); err != nil {
		_ = os.Remove(tmp)
		return Backup{}, err
	}
	rep, err := Check(tmp)
	if err == nil && !rep.OK() {
		err = fmt.Errorf("%w: %s", ErrBackupBad, rep.Faults[0].Detail)
		if k := rep.Faults[0].Kind; k == FaultUnreadable || k == FaultStructure {
			// the copy is as the file is: the file itself is damaged
			err = fmt.Errorf("%w: %w", ErrDamaged, ErrBackupBad)
		}
	}
	if err != nil {
		_ = os.Remove(tmp)
		return Backup{}, err
	}
	if err := os.Rename(tmp, final); err != nil {
		_ = os.Remove(tmp)
		return Backup{}, err
	}
	syncDir(dir)
	return Backup{Path: final, At: now}, nil
}

// copyTo writes the database's current state to path and syncs it.
func (db *DB) copyTo(path string) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	err = db.view(func(tx *bolt.Tx) error {
		_, werr := tx.WriteTo(f)
		return werr
	})
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// Restore replaces the database at dbPath (closed: no program may have it
// open) with the backup at from, after checking the backup; the file it
// replaces is kept aside as <db>.replaced-<time> and its name returned
// ("" when there was none).
func Restore(dbPath, from string, now time.Time) (kept string, err error) {
	rep, err := Check(from)
	if err != nil {
		return "", err
	}
	if !rep.OK() {
		return "", fmt.Errorf("%w: %s", ErrBackupBad, rep.Faults[0].Detail)
	}
	// the live file must not be held by a server or another desk
	if _, err := os.Stat(dbPath); err == nil {
		b, err := bolt.Open(dbPath, 0o600, &bolt.Options{Timeout: 2 * time.Second, ReadOnly: true})
		if err != nil {
			return "", classifyOpenError(err)
		}
		b.Close()
	}
	tmp := dbPath + ".restore.tmp"
	if err := copyFile(from, tmp); err != nil {
		_ = os.Remove(tmp)
		return "", err
	}
	if _, err := os.Stat(dbPath); err == nil {
		kept = fmt.Sprintf("%s.replaced-%s", dbPath, now.Format("20060102-150405"))
		if err := os.Rename(dbPath, kept); err != nil {
			_ = os.Remove(tmp)
			return "", err
		}
	}
	if err := os.Rename(tmp, dbPath); err != nil {
		return kept, err
	}
	syncDir(filepath.Dir(dbPath))
	return kept, nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

// Prune deletes the backups of dbPath in dir beyond what is kept: the
// newest of each of the last daily days that have one, and the newest of
// each of the last monthly months. It returns how many it deleted.
func Prune(dbPath, dir string, daily, monthly int) int {
	keep := map[string]bool{}
	days, months := map[string]bool{}, map[string]bool{}
	list := Backups(dbPath, dir)
	for _, b := range list { // newest first
		if filepath.Dir(b.Path) != filepath.Clean(dir) {
			continue
		}
		d, m := b.At.Format("2006-01-02"), b.At.Format("2006-01")
		if !days[d] && len(days) < daily {
			days[d], keep[b.Path] = true, true
		}
		if !months[m] && len(months) < monthly {
			months[m], keep[b.Path] = true, true
		}
	}
	n := 0
	for _, b := range list {
		if filepath.Dir(b.Path) == filepath.Clean(dir) && !keep[b.Path] {
			if os.Remove(b.Path) == nil {
				n++
			}
		}
	}
	return n
}
