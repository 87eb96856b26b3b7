package storage

import (
	"errors"
	"fmt"
	"os"
	"time"

	bolt "go.etcd.io/bbolt"
)

// kCompact, when set (to the time identities were destroyed), asks the
// next opening to compact the file: bbolt keeps freed pages as they were,
// and a destroyed identity must not survive in one.
var kCompact = []byte("compact")

// destroyIdentities deletes every identity kept apart and asks for the
// compaction.
func destroyIdentities(tx *bolt.Tx, now time.Time) error {
	if err := tx.DeleteBucket(bProtected); err != nil && !errors.Is(err, bolt.ErrBucketNotFound) {
		return err
	}
	if _, err := tx.CreateBucket(bProtected); err != nil {
		return err
	}
	return tx.Bucket(bMeta).Put(kCompact, []byte(now.Format(time.RFC3339)))
}

// ProtectedCount is how many identities are kept apart: what switching the
// office back to offline would destroy.
func (s *Store) ProtectedCount() (int, error) {
	n := 0
	err := s.db.view(func(tx *bolt.Tx) error {
		n = tx.Bucket(bProtected).Stats().KeyN
		return nil
	})
	return n, err
}

// IdentitiesDestroyedAt is when identities were last destroyed and the
// file awaits its compaction (zero: none pending).
func (db *DB) IdentitiesDestroyedAt() time.Time {
	var at time.Time
	_ = db.view(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bMeta).Get(kCompact); v != nil {
			at, _ = time.Parse(time.RFC3339, string(v))
		}
		return nil
	})
	return at
}

// compactIfAsked rewrites the file at path into a new one holding only the
// live pages, when identities were destroyed since it was last written so:
// called by Open before the file is served. The old file is removed once
// the new one is synced and named.
func compactIfAsked(path string, opt Options) error {
	b, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: opt.LockTimeout})
	if err != nil {
		return classifyOpenError(err)
	}
	defer b.Close() // also when a damaged page panics below: the lock goes with it
	asked := false
	_ = b.View(func(tx *bolt.Tx) error {
		if m := tx.Bucket(bMeta); m != nil {
			asked = m.Get(kCompact) != nil
		}
		return nil
	})
	if !asked {
		return nil
	}
	tmp := path + ".compact.tmp"
	_ = os.Remove(tmp)
	dst, err := bolt.Open(tmp, 0o600, nil)
	if err != nil {
		b.Close()
		return err
	}
	err = bolt.Compact(dst, b, 64<<20)
	if err == nil {
		err = dst.Update(func(tx *bolt.Tx) error { return tx.Bucket(bMeta).Delete(kCompact) })
	}
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	b.Close()
	if err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("compacting %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		_ = os.Remove(tmp)
		return err
	}
	syncDir(dirOf(path))
	return nil
}
