package storage

import (
	"encoding/json"
	"time"

	bolt "go.etcd.io/bbolt"
)

// kLoginLocks holds the login lockouts in force (meta bucket, JSON), so a
// server restart does not lift them.
var kLoginLocks = []byte("loginlocks")

// LoginLocks returns the lockouts saved by SaveLoginLocks.
func (db *DB) LoginLocks() map[string]time.Time {
	out := map[string]time.Time{}
	_ = db.view(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bMeta).Get(kLoginLocks); v != nil {
			return json.Unmarshal(v, &out)
		}
		return nil
	})
	return out
}

// SaveLoginLocks replaces the saved lockouts.
func (db *DB) SaveLoginLocks(locks map[string]time.Time) error {
	v, err := json.Marshal(locks)
	if err != nil {
		return err
	}
	return db.update(func(tx *bolt.Tx) error { return tx.Bucket(bMeta).Put(kLoginLocks, v) })
}
