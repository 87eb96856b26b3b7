package storage

import (
	"errors"
	"sort"

	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/vault"
)

// bStaff holds staff accounts: username → model.Staff value. The username is
// the key because it is what a login names; the Meta ID (from the bucket's
// sequence) names the account in audit events.
var bStaff = []byte("staff")

// ErrCodeDuplicateUser is the field error for a username already taken.
const ErrCodeDuplicateUser = "err.duplicate_user"

// ErrCodeLastAdmin is the field error for a change that would leave no
// enabled administrator account, so nobody could manage accounts over SSH.
const ErrCodeLastAdmin = "err.last_admin"

// otherActiveAdmin reports whether an enabled administrator other than
// username exists.
func otherActiveAdmin(b *bolt.Bucket, username string) (bool, error) {
	found := false
	err := b.ForEach(func(k, v []byte) error {
		if found || string(k) == username {
			return nil
		}
		var st model.Staff
		if err := decode(v, &st); err != nil {
			return err
		}
		found = st.IsActiveAdmin()
		return nil
	})
	return found, err
}

// Staff returns the account with username u, or model.ErrNotFound.
func (s *Store) Staff(u string) (model.Staff, error) { return s.db.Staff(u) }

// Staff returns the account with username u, or model.ErrNotFound. The
// server reads it at every login, outside any session's Store.
func (db *DB) Staff(u string) (model.Staff, error) {
	var st model.Staff
	err := db.view(func(tx *bolt.Tx) error {
		v := tx.Bucket(bStaff).Get([]byte(u))
		if v == nil {
			return model.ErrNotFound
		}
		return decode(v, &st)
	})
	return st, err
}

// ListStaff returns every account, by username.
func (s *Store) ListStaff() ([]model.Staff, error) {
	var out []model.Staff
	err := s.db.view(func(tx *bolt.Tx) error {
		kr, err := loadKeyring(tx)
		if err != nil {
			return err
		}
		return tx.Bucket(bStaff).ForEach(func(_, v []byte) error {
			var st model.Staff
			if err := decode(v, &st); err != nil {
				return err
			}
			if kr != nil {
				_, st.HasPassphrase = kr.Wraps[st.Username]
			}
			out = append(out, st)
			return nil
		})
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Username < out[j].Username })
	return out, err
}

// SaveStaff creates or updates an account, administrators only, with the
// usual Version check and one audit event (the password hash is never
// written to the audit log, only that it changed). A username cannot be
// renamed: a new account with a taken username is refused.
func (s *Store) SaveStaff(st *model.Staff) error {
	if s.role != model.RoleAdmin {
		return model.ErrNoPermission
	}
	pass, meta := st.Passphrase, st.Meta
	st.Passphrase = ""
	key, wrap, err := s.grantWrap(st, pass)
	if err == nil {
		err = s.saveStaff(st, key, wrap)
	}
	if err != nil {
		st.Passphrase, st.Meta = pass, meta // nothing was stored: the form may try again
	}
	return err
}

// grantWrap wraps the office's key, as this session opened it, under the
// passphrase pass that st typed to be granted the permission (the slow
// part, before the transaction). With no passphrase, or while the office
// has no key yet, there is nothing to wrap.
func (s *Store) grantWrap(st *model.Staff, pass string) (*vault.Key, vault.Wrapped, error) {
	if pass == "" || !st.SeeProtected {
		return nil, vault.Wrapped{}, nil
	}
	k := s.openedKey()
	if k == nil {
		var kr *keyring
		if err := s.db.view(func(tx *bolt.Tx) (err error) { kr, err = loadKeyring(tx); return err }); err != nil || kr == nil {
			return nil, vault.Wrapped{}, err
		}
		return nil, vault.Wrapped{}, fieldErr("Passphrase", ErrCodePassphraseLocked)
	}
	w, err := k.Wrap(pass)
	if errors.Is(err, vault.ErrPassphraseLength) {
		err = fieldErr("Passphrase", ErrCodePassphraseLength, vault.MinPassphraseLen)
	}
	return k, w, err
}

// protectedGrant keeps the office's key wraps in step with the account:
// the permission taken away drops the member's wrap; granted, it needs
// their passphrase once the office has a key.
func (s *Store) protectedGrant(tx *bolt.Tx, old, st *model.Staff, key *vault.Key, wrap vault.Wrapped) error {
	if !st.SeeProtected {
		return dropPassphrase(tx, st.Username)
	}
	if key != nil {
		return s.setPassphrase(tx, st.Username, key, wrap)
	}
	if old != nil && old.SeeProtected {
		return nil
	}
	kr, err := loadKeyring(tx)
	if err != nil || kr == nil {
		return err
	}
	if _, ok := kr.Wraps[st.Username]; !ok {
		return fieldErr("Passphrase", ErrCodePassphraseGrant)
	}
	return nil
}

func (s *Store) saveStaff(st *model.Staff, key *vault.Key, wrap vault.Wrapped) error {
	return s.update(func(tx *bolt.Tx) error {
		now := s.db.now().UTC()
		st.Normalize()
		if err := st.Validate(now); err != nil {
			return err
		}
		b := tx.Bucket(bStaff)
		var old *model.Staff
		if v := b.Get([]byte(st.Username)); v != nil {
			old = &model.Staff{}
			if err := decode(v, old); err != nil {
				return err
			}
		}
		action := model.ActionCreate
		switch {
		case st.ID == 0 && old != nil:
			return fieldErr("Username", ErrCodeDuplicateUser)
		case st.ID == 0:
			id, err := b.NextSequence()
			if err != nil {
				return err
			}
			st.ID, st.Version, st.CreatedAt, st.CreatedBy = id, 1, now, s.actor
		case old == nil || old.ID != st.ID:
			return model.ErrNotFound
		case old.Version != st.Version:
			return model.ErrConflict
		default:
			st.Version++
			st.CreatedAt, st.CreatedBy = old.CreatedAt, old.CreatedBy
			action = model.ActionUpdate
		}
		if old != nil && old.IsActiveAdmin() && !st.IsActiveAdmin() {
			if ok, err := otherActiveAdmin(b, st.Username); err != nil {
				return err
			} else if !ok {
				field := "Role"
				if st.Disabled {
					field = "Disabled"
				}
				return fieldErr(field, ErrCodeLastAdmin)
			}
		}
		st.UpdatedAt, st.UpdatedBy = now, s.actor
		if err := s.protectedGrant(tx, old, st, key, wrap); err != nil {
			return err
		}
		if err := putValue(b, []byte(st.Username), st); err != nil {
			return err
		}
		ev := model.AuditEvent{At: now, Staff: s.actor, Action: action, Kind: model.KindStaff, RecordID: st.ID}
		if old != nil {
			for _, c := range diff(old, st) {
				if c.Field == "PasswordHash" {
					c.Old, c.New = maskIf(c.Old != ""), maskIf(c.New != "")
				}
				ev.Changes = append(ev.Changes, c)
			}
		}
		if key != nil {
			ev.Changes = append(ev.Changes, model.Change{Field: "Passphrase", New: model.Mask})
		}
		s.db.notifyOnCommit(tx, Event{Kind: model.KindStaff, ID: st.ID, Action: action, Staff: s.actor})
		return appendAudit(tx, ev)
	})
}

// Me returns who this store acts for: the account, or in local mode an
// administrator named after the OS user.
func (s *Store) Me() model.Staff {
	return model.Staff{Username: s.actor, FullName: s.name, Role: s.role, SeeProtected: s.seeProtected}
}

func (s *Store) canAudit() bool { return s.role == model.RoleLeader || s.role == model.RoleAdmin }
