package storage

import (
	"bytes"
	"encoding/binary"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/model/vntext"
)

// Index bucket names under idx/.
const (
	ixName     = "name"
	ixTokCount = "tokcount"
	ixIDNum    = "idnum"
	ixPhone    = "phone"
	ixCitizen  = "citizen"
	ixSession  = "session"
	ixCode     = "code"
	ixAudit    = "audit"
	// ixAuditStaff and ixAuditDay list audit events by staff member and by
	// day (schema 3).
	ixAuditStaff = "staffaudit"
	ixAuditDay   = "dayaudit"
)

func dateIndex(k model.Kind) string { return "date." + string(k) }
func dueIndex(k model.Kind) string  { return "due." + string(k) }
func closedIndex(k model.Kind) string {
	return "closed." + string(k)
}

// entry is one secondary index key a record owns, with its value: empty,
// except for the date and closed indexes, whose values are the record's
// facts (facts.go).
type entry struct {
	idx string
	key []byte
	val []byte
}

// table describes one record kind: its bucket, a constructor, and the index
// entries a record value implies. Index maintenance, verification and bulk
// loading all go through entries, so they cannot disagree.
type table struct {
	kind     model.Kind
	bucket   []byte
	kindByte byte
	newRec   func() model.Record
	entries  func(r model.Record) []entry
}

func tables() []table {
	return []table{
		{model.KindCitizen, []byte("citizen"), 'c', func() model.Record { return &model.Citizen{} }, citizenEntries},
		{model.KindSession, []byte("session"), 's', func() model.Record { return &model.ReceptionSession{} }, sessionEntries},
		{model.KindReception, []byte("reception"), 'r', func() model.Record { return &model.Reception{} }, receptionEntries},
		{model.KindPetition, []byte("petition"), 'p', func() model.Record { return &model.Petition{} }, petitionEntries},
		{model.KindDossier, []byte("dossier"), 'd', func() model.Record { return &model.Dossier{} }, dossierEntries},
		{model.KindProcedure, []byte("procedure"), 'x', func() model.Record { return &model.Procedure{} }, func(model.Record) []entry { return nil }},
		{model.KindCase, []byte("case"), 'k', func() model.Record { return &model.Case{} }, caseEntries},
		{model.KindDialogue, []byte("dialogue"), 'g', func() model.Record { return &model.Dialogue{} }, dialogueEntries},
		{model.KindSurvey, []byte("survey"), 'v', func() model.Record { return &model.Survey{} }, surveyEntries},
		{model.KindLetter, []byte("letter"), 'l', func() model.Record { return &model.Letter{} }, letterEntries},
	}
}

func tableFor(k model.Kind) (table, bool) {
	for _, t := range tables() {
		if t.kind == k {
			return t, true
		}
	}
	return table{}, false
}

func tableForByte(b byte) (table, bool) {
	for _, t := range tables() {
		if t.kindByte == b {
			return t, true
		}
	}
	return table{}, false
}

// indexNames lists every index bucket under idx/.
func indexNames() []string {
	names := []string{ixName, ixTokCount, ixIDNum, ixPhone, ixCitizen, ixSession, ixCode, ixAudit,
		ixAuditStaff, ixAuditDay, ixCitizenCase, ixCaseLink}
	for _, k := range []model.Kind{model.KindSession, model.KindReception, model.KindPetition, model.KindDossier,
		model.KindDialogue, model.KindSurvey, model.KindLetter, model.KindCase} {
		names = append(names, dateIndex(k))
	}
	return append(names, dueIndex(model.KindPetition), dueIndex(model.KindDossier), dueIndex(model.KindReception),
		dueIndex(model.KindDialogue),
		closedIndex(model.KindPetition), closedIndex(model.KindDossier))
}

// openDate stands for "not closed yet" in the closed index, after every date.
const openDate = int32(1<<31 - 1)

// closedEntry is a closed index key: the closing date (openDate while open),
// the received date and the id. Records received before a period and not
// closed before it (carried over) are the keys from the period's start on
// whose received date precedes it, read without decoding any value.
func closedEntry(k model.Kind, closed, received model.Date, id uint64) entry {
	c := int32(closed)
	if closed.IsZero() {
		c = openDate
	}
	return entry{idx: closedIndex(k), key: join(dateKey(c), dateKey(int32(received)), u64(id))}
}

func join(parts ...[]byte) []byte {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	out := make([]byte, 0, n)
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// sep separates the text parts of index keys.
const sep = "\x00"

// dateEntry is a date index key: the date, the second of the day (0 for
// records that have only a date) and the id, so a day's records list in
// time order and a period is the key range of its dates.
func dateEntry(k model.Kind, d model.Date, secs uint32, id uint64) entry {
	return entry{idx: dateIndex(k), key: join(dateKey(int32(d)), binary.BigEndian.AppendUint32(nil, secs), u64(id))}
}

// secondOfDay is t's time of day in Vietnam, in seconds.
func secondOfDay(t time.Time) uint32 {
	h, m, s := t.In(model.VN).Clock()
	return uint32(h*3600 + m*60 + s)
}

func citizenLink(citizenID uint64, kb byte, id uint64) entry {
	return entry{idx: ixCitizen, key: join(u64(citizenID), []byte{kb}, u64(id))}
}

func citizenEntries(r model.Record) []entry {
	c := r.(*model.Citizen)
	if c.Voided {
		return nil
	}
	id := u64(c.ID)
	full := []byte(vntext.Fold(c.FullName))
	var out []entry
	seen := map[string]bool{}
	for _, tok := range vntext.Tokens(c.FullName) {
		if seen[tok] {
			continue
		}
		seen[tok] = true
		out = append(out, entry{idx: ixName, key: join([]byte(tok), []byte(sep), full, []byte(sep), id)})
	}
	if c.IDNumber != "" {
		out = append(out, entry{idx: ixIDNum, key: join([]byte(c.IDNumber), []byte(sep), id)})
	}
	if c.Phone != "" {
		out = append(out, entry{idx: ixPhone, key: join([]byte(c.Phone), []byte(sep), id)})
	}
	return out
}

func sessionEntries(r model.Record) []entry {
	s := r.(*model.ReceptionSession)
	e := dateEntry(model.KindSession, s.Date, 0, s.ID)
	if !s.Voided {
		e.val = sessionFactsValue(s)
	}
	return []entry{e}
}

func receptionEntries(r model.Record) []entry {
	v := r.(*model.Reception)
	e := dateEntry(model.KindReception, v.Date(), secondOfDay(v.At), v.ID)
	if !v.Voided {
		e.val = receptionFactsValue(v)
	}
	out := []entry{e}
	if v.CitizenID != 0 {
		out = append(out, citizenLink(v.CitizenID, 'r', v.ID))
	}
	if v.SessionID != 0 {
		out = append(out, entry{idx: ixSession, key: join(u64(v.SessionID), u64(v.ID))})
	}
	if !v.Voided && !v.FollowUpDue.IsZero() && v.Replied.IsZero() {
		out = append(out, entry{idx: dueIndex(model.KindReception), key: join(dateKey(int32(v.FollowUpDue)), u64(v.ID))})
	}
	if !v.Voided {
		for _, id := range v.CaseIDs {
			out = append(out, caseLink(id, 'r', v.ID, v.Date()))
		}
	}
	return out
}

func petitionEntries(r model.Record) []entry {
	p := r.(*model.Petition)
	facts := petitionFactsValue(p)
	e := dateEntry(model.KindPetition, p.Received, 0, p.ID)
	if !p.Voided {
		e.val = facts
	}
	out := []entry{e}
	if p.CitizenID != 0 {
		out = append(out, citizenLink(p.CitizenID, 'p', p.ID))
	}
	if !p.Voided && p.CaseID != 0 {
		out = append(out, caseLink(p.CaseID, 'p', p.ID, p.Received))
	}
	if !p.Voided && p.Status.Open() && !p.Due.IsZero() {
		out = append(out, entry{idx: dueIndex(model.KindPetition), key: join(dateKey(int32(p.Due)), u64(p.ID))})
	}
	if !p.Voided {
		c := closedEntry(model.KindPetition, p.ClosedOn(), p.Received, p.ID)
		c.val = facts
		out = append(out, c)
	}
	return out
}

func dossierEntries(r model.Record) []entry {
	d := r.(*model.Dossier)
	facts := dossierFactsValue(d)
	e := dateEntry(model.KindDossier, d.Received(), secondOfDay(d.ReceivedAt), d.ID)
	if !d.Voided {
		e.val = facts
	}
	out := []entry{e}
	if d.ApplicantID != 0 {
		out = append(out, citizenLink(d.ApplicantID, 'd', d.ID))
	}
	if !d.Voided && d.Status.Open() {
		out = append(out, entry{idx: dueIndex(model.KindDossier), key: join(dateKey(int32(d.Due)), u64(d.ID))})
	}
	if !d.Voided {
		c := closedEntry(model.KindDossier, d.ClosedOn(), d.Received(), d.ID)
		c.val = facts
		out = append(out, c)
	}
	if d.Code != "" {
		out = append(out, entry{idx: ixCode, key: join([]byte(d.Code), []byte(sep), u64(d.ID))})
	}
	return out
}

// applyEntries removes the entries of old that new lacks, puts the new ones
// that are missing or whose value changed, and keeps tokcount in step with
// the name index.
func applyEntries(tx *bolt.Tx, old, new []entry) error {
	idx := tx.Bucket(bIdx)
	find := func(list []entry, e entry) (entry, bool) {
		for _, x := range list {
			if x.idx == e.idx && bytes.Equal(x.key, e.key) {
				return x, true
			}
		}
		return entry{}, false
	}
	for _, e := range old {
		if _, ok := find(new, e); ok {
			continue
		}
		if err := idx.Bucket([]byte(e.idx)).Delete(e.key); err != nil {
			return err
		}
		if e.idx == ixName {
			if err := bumpToken(idx, e.key, -1); err != nil {
				return err
			}
		}
	}
	for _, e := range new {
		o, had := find(old, e)
		if had && bytes.Equal(o.val, e.val) {
			continue
		}
		if err := idx.Bucket([]byte(e.idx)).Put(e.key, e.val); err != nil {
			return err
		}
		if e.idx == ixName && !had {
			if err := bumpToken(idx, e.key, 1); err != nil {
				return err
			}
		}
	}
	return nil
}

func bumpToken(idx *bolt.Bucket, nameKey []byte, delta int64) error {
	tok := nameKey[:bytes.IndexByte(nameKey, 0)]
	b := idx.Bucket([]byte(ixTokCount))
	var n int64
	if v := b.Get(tok); len(v) == 8 {
		n = int64(binary.BigEndian.Uint64(v))
	}
	n += delta
	if n <= 0 {
		return b.Delete(tok)
	}
	return b.Put(tok, u64(uint64(n)))
}
