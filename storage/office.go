package storage

import (
	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/vault"
)

// Office returns the office settings.
func (s *Store) Office() (model.Office, error) {
	var o model.Office
	err := s.db.view(func(tx *bolt.Tx) error {
		return decode(tx.Bucket(bMeta).Get(kOffice), &o)
	})
	return o, err
}

// SaveOffice validates and stores the office settings, with the same Version
// check and audit as any record.
func (s *Store) SaveOffice(o *model.Office) error {
	if s.role != model.RoleAdmin {
		return model.ErrNoPermission
	}
	pass, meta := o.Passphrase, o.Meta
	o.Passphrase = ""
	var key *vault.Key
	var wrap vault.Wrapped
	if pass != "" {
		if !s.seeProtected {
			return fieldErr("Passphrase", ErrCodePassphrasePermission)
		}
		var err error
		if key, wrap, err = s.wrapFor(pass); err != nil {
			return err
		}
	}
	err := s.update(func(tx *bolt.Tx) error {
		var old model.Office
		if err := decode(tx.Bucket(bMeta).Get(kOffice), &old); err != nil {
			return err
		}
		o.Normalize()
		now := s.db.now().UTC()
		if err := o.Validate(now); err != nil {
			return err
		}
		if old.Version != o.Version {
			return model.ErrConflict
		}
		o.Version++
		o.CreatedAt, o.CreatedBy = old.CreatedAt, old.CreatedBy
		o.UpdatedAt, o.UpdatedBy = now, s.actor
		if err := putValue(tx.Bucket(bMeta), kOffice, o); err != nil {
			return err
		}
		if key != nil {
			if err := s.setPassphrase(tx, s.actor, key, wrap); err != nil {
				return err
			}
		} else if o.ProtectedMode() == model.ProtectedRestricted {
			// restricted mode seals every identity: the office needs its key
			if kr, err := loadKeyring(tx); err != nil {
				return err
			} else if kr == nil {
				return fieldErr("Passphrase", ErrCodePassphraseFirst, vault.MinPassphraseLen)
			}
		}
		if old.ProtectedMode() == model.ProtectedRestricted && o.ProtectedMode() != model.ProtectedRestricted {
			// back to offline: the identities kept apart are destroyed, and
			// the file is compacted at its next opening so no freed page
			// keeps a copy
			if err := destroyIdentities(tx, now); err != nil {
				return err
			}
		}
		changes := diff(&old, o)
		if key != nil {
			changes = append(changes, model.Change{Field: "Passphrase", New: model.Mask})
		}
		return appendAudit(tx, model.AuditEvent{At: now, Staff: s.actor, Action: model.ActionUpdate,
			Kind: model.KindOffice, Changes: changes})
	})
	if err != nil {
		o.Passphrase, o.Meta = pass, meta // nothing was stored: the form may try again
		return err
	}
	if key != nil {
		s.setKey(key) // who set the passphrase has the key open
	}
	return nil
}
