package storage

import (
	"fmt"
	"slices"
	"time"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/model/calendar"
	"github.com/tiepdan/tiepdan/model/vntext"
)

// Store is model.Store over a DB, acting for one staff member.
type Store struct {
	db           *DB
	actor        string
	name         string // the staff member's full name, in a server session
	role         model.Role
	seeProtected bool
	local        bool        // the desk's own PC: no login, any permitted passphrase opens the key
	keys         *sessionKey // the protected-identity key this session opened
}

var _ model.Store = (*Store)(nil)

// ErrCodeNotFound is the field error code for a reference to a record that
// does not exist (or is voided).
const ErrCodeNotFound = "err.ref_not_found"

// ErrCodeDuplicateID is the field error code for an ID number another citizen
// already has; its argument is that citizen's name.
const ErrCodeDuplicateID = "err.duplicate_id"

func fieldErr(field, code string, args ...any) error {
	return &model.ValidationError{Fields: []model.FieldError{{Field: field, Code: code, Args: args}}}
}

// get loads one record of type T by id.
func get[T any, P interface {
	*T
	model.Record
}](s *Store, id uint64) (T, error) {
	var v T
	t, _ := tableFor(P(&v).Kind())
	err := s.db.view(func(tx *bolt.Tx) error { return load(tx, t, id, P(&v)) })
	return v, err
}

// exists reports whether a live (not voided) record of kind k has id.
func exists(tx *bolt.Tx, k model.Kind, id uint64) bool {
	t, _ := tableFor(k)
	r := t.newRec()
	return load(tx, t, id, r) == nil && !r.Base().Voided
}

func (s *Store) update(fn func(tx *bolt.Tx) error) error { return s.db.update(fn) }

// Citizen returns citizen id.
func (s *Store) Citizen(id uint64) (model.Citizen, error) { return get[model.Citizen](s, id) }

// SaveCitizen stores c; an ID number already held by another citizen is a
// field error naming that citizen.
func (s *Store) SaveCitizen(c *model.Citizen) error {
	return s.update(func(tx *bolt.Tx) error {
		return s.save(tx, c, func(tx *bolt.Tx, _ model.Record) error {
			if c.IDNumber == "" {
				return nil
			}
			for _, id := range prefixIDs(tx, ixIDNum, []byte(c.IDNumber+"\x00"), 2) {
				if id == c.ID {
					continue
				}
				var other model.Citizen
				if load(tx, tablesCitizen(), id, &other) == nil {
					return fieldErr("IDNumber", ErrCodeDuplicateID, other.FullName)
				}
			}
			return nil
		})
	})
}

func tablesCitizen() table { t, _ := tableFor(model.KindCitizen); return t }

// Session returns session id.
func (s *Store) Session(id uint64) (model.ReceptionSession, error) {
	return get[model.ReceptionSession](s, id)
}

// SaveSession stores a reception session.
func (s *Store) SaveSession(v *model.ReceptionSession) error {
	return s.update(func(tx *bolt.Tx) error { return s.save(tx, v, nil) })
}

// Reception returns visit id.
func (s *Store) Reception(id uint64) (model.Reception, error) { return get[model.Reception](s, id) }

func (s *Store) receptionHook(r *model.Reception) hook {
	return func(tx *bolt.Tx, old model.Record) error {
		if r.CitizenID != 0 && !exists(tx, model.KindCitizen, r.CitizenID) {
			return fieldErr("CitizenID", ErrCodeNotFound)
		}
		if r.SessionID != 0 && !exists(tx, model.KindSession, r.SessionID) {
			return fieldErr("SessionID", ErrCodeNotFound)
		}
		if r.PetitionID != 0 && !exists(tx, model.KindPetition, r.PetitionID) {
			return fieldErr("PetitionID", ErrCodeNotFound)
		}
		var prev *model.Reception
		if old != nil {
			prev = old.(*model.Reception)
			if err := s.reclassify(prev.Content, r.Content, prev.CitizenID, r.CitizenID); err != nil {
				return err
			}
		}
		if err := s.resolveCases(tx, r); err != nil {
			return err
		}
		return followUpDue(tx, r, prev)
	}
}

// ErrCodeReclassify is the field error for a clerk without the
// permission turning a denunciation into another kind, or naming its
// sender as a citizen: the denouncer would become a named, searchable
// citizen.
const ErrCodeReclassify = "err.reclassify_permission"

// reclassify allows a stored denunciation to become another kind, or to
// gain a citizen, only for staff allowed to see protected identities; the
// kept identity never moves into the citizen register (it stays apart).
func (s *Store) reclassify(was, is model.ContentKind, citWas, citIs uint64) error {
	if !model.IsDenunciation(was) || s.seeProtected {
		return nil
	}
	switch {
	case !model.IsDenunciation(is):
		return fieldErr("Content", ErrCodeReclassify)
	case citIs != 0 && citIs != citWas:
		return fieldErr("CitizenID", ErrCodeReclassify)
	}
	return nil
}

// SaveReception stores a visit; its citizen and session must exist. A visit
// that owes the citizen a reply gets its date from the reply rule.
func (s *Store) SaveReception(r *model.Reception) error {
	due, rule, cases, matter := r.FollowUpDue, r.FollowUpRule, slices.Clone(r.CaseIDs), r.Matter
	err := s.update(func(tx *bolt.Tx) error { return s.save(tx, r, s.receptionHook(r)) })
	if err != nil {
		r.FollowUpDue, r.FollowUpRule, r.CaseIDs, r.Matter = due, rule, cases, matter
	}
	return err
}

// Petition returns petition id.
func (s *Store) Petition(id uint64) (model.Petition, error) { return get[model.Petition](s, id) }

func (s *Store) petitionHook(p *model.Petition) hook {
	return func(tx *bolt.Tx, old model.Record) error {
		if p.CitizenID != 0 && !exists(tx, model.KindCitizen, p.CitizenID) {
			return fieldErr("CitizenID", ErrCodeNotFound)
		}
		if err := s.resolvePetitionCase(tx, p); err != nil {
			return err
		}
		var prev *model.Petition
		if old != nil {
			prev = old.(*model.Petition)
			if err := s.reclassify(prev.Content, p.Content, prev.CitizenID, p.CitizenID); err != nil {
				return err
			}
		}
		return petitionDue(tx, p, prev)
	}
}

// SavePetition stores a petition; its sender, if any, must exist. An empty
// deadline is computed from the rules table (DueRule names the rule).
func (s *Store) SavePetition(p *model.Petition) error {
	due, rule, caseID := p.Due, p.DueRule, p.CaseID
	err := s.update(func(tx *bolt.Tx) error { return s.save(tx, p, s.petitionHook(p)) })
	if err != nil {
		p.Due, p.DueRule, p.CaseID = due, rule, caseID
	}
	return err
}

// PetitionFromReception saves the new petition p (linked back to the visit)
// and marks the visit as having handed over a written petition that became p,
// both in one transaction: either both are saved or neither.
func (s *Store) PetitionFromReception(p *model.Petition, receptionID, receptionVersion uint64) error {
	return s.update(func(tx *bolt.Tx) error {
		var r model.Reception
		t, _ := tableFor(model.KindReception)
		if err := load(tx, t, receptionID, &r); err != nil {
			return err
		}
		if r.Voided {
			return model.ErrVoided
		}
		if r.Version != receptionVersion {
			return model.ErrConflict
		}
		if r.PetitionID != 0 && exists(tx, model.KindPetition, r.PetitionID) {
			return fieldErr("PetitionID", "err.already_petition")
		}
		p.ReceptionID = receptionID
		if p.CaseID == 0 && len(r.CaseIDs) > 0 {
			p.CaseID = r.CaseIDs[0] // the petition continues the visit's case
		}
		if p.PaperRef == "" {
			p.PaperRef = r.PaperRef // the paper file goes with the petition
		}
		kept := tx.Bucket(bProtected).Get(protectedKey(model.KindReception, receptionID))
		if kept != nil && (p.Identity == nil || p.Identity.Empty()) {
			p.Protected = true // the visit's kept identity goes with it, below
		}
		if err := s.save(tx, p, s.petitionHook(p)); err != nil {
			return err
		}
		if kept != nil && tx.Bucket(bProtected).Get(protectedKey(model.KindPetition, p.ID)) == nil {
			// the denouncer's identity, under the same protection: copied
			// apart, never onto the record
			if err := tx.Bucket(bProtected).Put(protectedKey(model.KindPetition, p.ID), append([]byte(nil), kept...)); err != nil {
				return err
			}
		}
		r.Written, r.PetitionID = true, p.ID
		return s.save(tx, &r, s.receptionHook(&r))
	})
}

// Dossier returns dossier id.
func (s *Store) Dossier(id uint64) (model.Dossier, error) { return get[model.Dossier](s, id) }

// DossierPaper returns dossier id and its applicant read in one
// transaction, for a paper that shows both.
func (s *Store) DossierPaper(id uint64) (d model.Dossier, a model.Citizen, err error) {
	err = s.db.view(func(tx *bolt.Tx) error {
		dt, _ := tableFor(model.KindDossier)
		if err := load(tx, dt, id, &d); err != nil {
			return err
		}
		ct, _ := tableFor(model.KindCitizen)
		return load(tx, ct, d.ApplicantID, &a)
	})
	return d, a, err
}

// SaveDossier stores a dossier; a new one without a code gets the next code
// of its year: <office code>-YYMMDD-NNNN.
func (s *Store) SaveDossier(d *model.Dossier) error {
	due, code, sups := d.Due, d.Code, d.Supplements
	today := model.DateOf(s.db.now())
	err := s.update(func(tx *bolt.Tx) error {
		return s.save(tx, d, func(tx *bolt.Tx, old model.Record) error {
			if !exists(tx, model.KindCitizen, d.ApplicantID) {
				return fieldErr("ApplicantID", ErrCodeNotFound)
			}
			var prev *model.Dossier
			if old != nil {
				prev = old.(*model.Dossier)
			}
			if err := checkDue(tx, d, prev, today); err != nil {
				return err
			}
			if prev != nil {
				d.Code = prev.Code
				return nil
			}
			if d.Code == "" {
				code, err := nextDossierCode(tx, d.ReceivedAt)
				if err != nil {
					return err
				}
				d.Code = code
			}
			return nil
		})
	})
	if err != nil {
		d.Due, d.Code, d.Supplements = due, code, sups
	}
	return err
}

// checkDue fills in or checks a dossier's due date against the office's
// working calendar: an empty one is computed; one that differs from the
// computed date needs a reason, and a new reason each time it changes. When
// the receipt, the working days or a pause for supplements change under a
// computed due date, the due date follows.
func checkDue(tx *bolt.Tx, d, prev *model.Dossier, today model.Date) error {
	o, err := officeIn(tx)
	if err != nil {
		return err
	}
	supplements(d, prev, today)
	cal := calendar.ForOffice(o)
	want := cal.DossierDueFor(d, o.IntakeCutoffHour)
	if prev != nil && d.Due == prev.Due && prev.Due == cal.DossierDueFor(prev, o.IntakeCutoffHour) {
		d.Due = want
	}
	if d.Due.IsZero() {
		d.Due = want
	}
	changed := prev == nil || d.Due != prev.Due
	if changed && d.Due != want && (d.DueReason == "" || prev != nil && d.DueReason == prev.DueReason) {
		return fieldErr("DueReason", model.ErrCodeDueReason, want.String())
	}
	return nil
}

func nextDossierCode(tx *bolt.Tx, at time.Time) (string, error) {
	var o model.Office
	if err := decode(tx.Bucket(bMeta).Get(kOffice), &o); err != nil {
		return "", err
	}
	prefix := o.Code
	if prefix == "" {
		prefix = "HS"
	}
	t := at.In(model.VN)
	key := []byte(fmt.Sprintf("dossier/%04d", t.Year()))
	b := tx.Bucket(bCounters)
	var n uint64
	if v := b.Get(key); len(v) == 8 {
		n = beU64(v)
	}
	n++
	if err := b.Put(key, u64(n)); err != nil {
		return "", err
	}
	return fmt.Sprintf("%s-%s-%04d", prefix, t.Format("060102"), n), nil
}

// Procedures returns the catalogue, active entries first, each part sorted
// by name.
func (s *Store) Procedures() ([]model.Procedure, error) {
	var out []model.Procedure
	err := s.db.view(func(tx *bolt.Tx) error {
		t, _ := tableFor(model.KindProcedure)
		return tx.Bucket(t.bucket).ForEach(func(_, v []byte) error {
			var p model.Procedure
			if err := decode(v, &p); err != nil {
				return err
			}
			if !p.Voided {
				out = append(out, p)
			}
			return nil
		})
	})
	sortProcedures(out)
	return out, err
}

// SaveProcedure stores a catalogue entry.
func (s *Store) SaveProcedure(p *model.Procedure) error {
	return s.update(func(tx *bolt.Tx) error { return s.save(tx, p, nil) })
}

// Void marks a record voided with a reason (required).
func (s *Store) Void(kind model.Kind, id, version uint64, reason string) error {
	reason = vntext.Clean(reason, false)
	if reason == "" {
		return fieldErr("VoidReason", model.ErrCodeRequired)
	}
	if utf8.RuneCountInString(reason) > model.MaxShortLen {
		return fieldErr("VoidReason", model.ErrCodeTooLong, model.MaxShortLen)
	}
	return s.update(func(tx *bolt.Tx) error { return s.voidRecord(tx, kind, id, version, reason) })
}
