package storage

import (
	"bytes"

	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
)

// DossierByCode finds the live dossier with code.
func (s *Store) DossierByCode(code string) (model.Dossier, error) {
	var d model.Dossier
	err := s.db.view(func(tx *bolt.Tx) error {
		t, _ := tableFor(model.KindDossier)
		for _, id := range prefixIDs(tx, ixCode, []byte(code+sep), 0) {
			if err := load(tx, t, id, &d); err == nil && !d.Voided && d.Code == code {
				return nil
			}
		}
		return model.ErrNotFound
	})
	return d, err
}

// dueUpTo walks the due.<kind> index from the oldest due date (or from
// from, when set) up to and including by, loading each record into a fresh value from newRec and
// handing it to keep; it stops after limit records and returns how many
// more there were.
func dueUpTo(tx *bolt.Tx, k model.Kind, from, by model.Date, limit int, keep func(model.Record)) (more int, err error) {
	t, _ := tableFor(k)
	c := tx.Bucket(bIdx).Bucket([]byte(dueIndex(k))).Cursor()
	high := dateKey(int32(by) + 1)
	n := 0
	first := func() ([]byte, []byte) {
		if from.IsZero() {
			return c.First()
		}
		return c.Seek(dateKey(int32(from)))
	}
	for key, _ := first(); key != nil && bytes.Compare(key, high) < 0; key, _ = c.Next() {
		if n == limit {
			more++
			continue
		}
		rec := t.newRec()
		if err := load(tx, t, beU64(key[len(key)-8:]), rec); err != nil {
			return more, err
		}
		keep(rec)
		n++
	}
	return more, nil
}

// Agenda lists what the desk owes, from the due indexes: open dossiers and
// petitions by due date, visits owing a reply by the date it is owed, and
// the sessions planned from SessionsFrom.
func (s *Store) Agenda(q model.AgendaQuery) (model.Agenda, error) {
	if q.Limit <= 0 {
		q.Limit = 200
	}
	a := model.Agenda{Citizens: map[uint64]model.Citizen{}, More: map[model.Kind]int{}}
	err := s.db.view(func(tx *bolt.Tx) error {
		var err error
		if !q.DossiersBy.IsZero() {
			a.More[model.KindDossier], err = dueUpTo(tx, model.KindDossier, q.DueFrom, q.DossiersBy, q.Limit, func(r model.Record) {
				a.Dossiers = append(a.Dossiers, *r.(*model.Dossier))
			})
			if err != nil {
				return err
			}
		}
		if !q.PetitionsBy.IsZero() {
			a.More[model.KindPetition], err = dueUpTo(tx, model.KindPetition, q.DueFrom, q.PetitionsBy, q.Limit, func(r model.Record) {
				a.Petitions = append(a.Petitions, *r.(*model.Petition))
			})
			if err != nil {
				return err
			}
		}
		if !q.RepliesBy.IsZero() {
			a.More[model.KindReception], err = dueUpTo(tx, model.KindReception, q.DueFrom, q.RepliesBy, q.Limit, func(r model.Record) {
				a.Replies = append(a.Replies, *r.(*model.Reception))
			})
			if err != nil {
				return err
			}
		}
		if !q.FollowUpsBy.IsZero() {
			a.More[model.KindDialogue], err = dueUpTo(tx, model.KindDialogue, q.DueFrom, q.FollowUpsBy, q.Limit, func(r model.Record) {
				a.FollowUps = append(a.FollowUps, *r.(*model.Dialogue))
			})
			if err != nil {
				return err
			}
		}
		if !q.SessionsFrom.IsZero() {
			t, _ := tableFor(model.KindSession)
			c := tx.Bucket(bIdx).Bucket([]byte(dateIndex(model.KindSession))).Cursor()
			for key, _ := c.Seek(dateKey(int32(q.SessionsFrom))); key != nil && len(a.Sessions) < 5; key, _ = c.Next() {
				var v model.ReceptionSession
				if err := load(tx, t, beU64(key[len(key)-8:]), &v); err != nil {
					return err
				}
				if !v.Voided && v.SessKind == model.SessionPeriodic {
					a.Sessions = append(a.Sessions, v)
				}
			}
		}
		ct := tablesCitizen()
		addCitizen := func(id uint64) {
			if _, ok := a.Citizens[id]; id == 0 || ok {
				return
			}
			var c model.Citizen
			if load(tx, ct, id, &c) == nil {
				a.Citizens[id] = c
			}
		}
		for _, d := range a.Dossiers {
			addCitizen(d.ApplicantID)
		}
		for _, p := range a.Petitions {
			addCitizen(p.CitizenID)
		}
		for _, r := range a.Replies {
			addCitizen(r.CitizenID)
		}
		return nil
	})
	return a, err
}
