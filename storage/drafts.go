package storage

import (
	"bytes"
	"fmt"
	"sort"

	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
)

// bDrafts holds unsaved forms' drafts: username 0x00 draft ID → model.Draft.
// It is created on the first draft (older files lack it, and need no
// migration for it); nothing in it is a record, so no figure, index or
// audit event reads it.
var bDrafts = []byte("drafts")

func draftKey(staff, id string) []byte { return append(append([]byte(staff), 0), id...) }

// SaveDraft keeps d for the staff member this store acts for. A staff member
// keeps at most model.MaxDrafts; the oldest go first.
func (s *Store) SaveDraft(d model.Draft) error {
	if d.ID == "" {
		return fmt.Errorf("draft without an id")
	}
	d.Staff = s.actor
	if d.SavedAt.IsZero() {
		d.SavedAt = s.db.now().UTC()
	}
	v, err := encode(&d)
	if err != nil {
		return err
	}
	if len(v) > model.MaxDraftBytes {
		return fmt.Errorf("draft of %d bytes", len(v))
	}
	return s.db.update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bDrafts)
		if err != nil {
			return err
		}
		if err := b.Put(draftKey(s.actor, d.ID), v); err != nil {
			return err
		}
		mine, err := draftsOf(b, s.actor)
		if err != nil {
			return err
		}
		for _, old := range mine[min(len(mine), model.MaxDrafts):] {
			if err := b.Delete(draftKey(s.actor, old.ID)); err != nil {
				return err
			}
		}
		return nil
	})
}

// Drafts lists the drafts of the staff member this store acts for, newest
// first. A draft that cannot be read is left out, never an error: a draft
// is a convenience, and a damaged one must not stop a login.
func (s *Store) Drafts() ([]model.Draft, error) {
	var out []model.Draft
	err := s.db.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bDrafts)
		if b == nil {
			return nil
		}
		var err error
		out, err = draftsOf(b, s.actor)
		return err
	})
	return out, err
}

// DeleteDraft drops the draft id of the staff member this store acts for.
func (s *Store) DeleteDraft(id string) error {
	return s.db.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bDrafts)
		if b == nil {
			return nil
		}
		return b.Delete(draftKey(s.actor, id))
	})
}

func draftsOf(b *bolt.Bucket, staff string) ([]model.Draft, error) {
	var out []model.Draft
	prefix := draftKey(staff, "")
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		var d model.Draft
		if decode(v, &d) == nil && d.Staff == staff {
			out = append(out, d)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].SavedAt.After(out[j].SavedAt) })
	return out, nil
}
