package storage

import (
	"fmt"
	"reflect"
	"time"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/model/vntext"
)

// load reads record id of table t into rec.
func load(tx *bolt.Tx, t table, id uint64, rec model.Record) error {
	v := tx.Bucket(t.bucket).Get(u64(id))
	if v == nil {
		return model.ErrNotFound
	}
	return decode(v, rec)
}

// hook runs inside a save's transaction after validation, with the stored
// version (nil for a new record); it checks references and fills derived
// fields. A *model.ValidationError from it is returned to the caller as is.
type hook func(tx *bolt.Tx, old model.Record) error

// save writes rec: normalise, validate, check Version, stamp meta, run the
// hook, put the value, apply the index diff and append one audit event. It
// runs inside tx; on any error the caller's transaction rolls back, so nothing
// is half-written. On success rec carries its new ID and Version.
func (s *Store) save(tx *bolt.Tx, rec model.Record, h hook) (err error) {
	t, _ := tableFor(rec.Kind())
	// A failed save leaves the caller's record as it was, so a retry after
	// fixing the input works (the transaction rolls back the rest).
	before := *rec.Base()
	var prot model.Protection
	if p, ok := rec.(protectedRecord); ok {
		prot = *p.Prot()
	}
	defer func() {
		if err != nil {
			*rec.Base() = before
			if p, ok := rec.(protectedRecord); ok {
				*p.Prot() = prot
			}
		}
	}()
	now := s.db.now().UTC()
	rec.Normalize()
	if err := rec.Validate(now); err != nil {
		return err
	}
	m := rec.Base()
	b := tx.Bucket(t.bucket)
	var old model.Record
	action := model.ActionCreate
	if m.ID == 0 {
		id, err := b.NextSequence()
		if err != nil {
			return err
		}
		m.ID, m.Version, m.CreatedAt, m.CreatedBy = id, 1, now, s.actor
		m.Voided, m.VoidReason = false, ""
	} else {
		old = t.newRec()
		if err := load(tx, t, m.ID, old); err != nil {
			return err
		}
		om := old.Base()
		if om.Voided {
			return model.ErrVoided
		}
		if om.Version != m.Version {
			return model.ErrConflict
		}
		m.Version++
		m.CreatedAt, m.CreatedBy = om.CreatedAt, om.CreatedBy
		m.Voided, m.VoidReason = false, ""
		action = model.ActionUpdate
	}
	m.UpdatedAt, m.UpdatedBy = now, s.actor
	if err := s.closedPeriod(tx, old, rec, now); err != nil {
		return err
	}
	if h != nil {
		if err := h(tx, old); err != nil {
			return err
		}
	}
	var extra []model.Change
	if p, ok := rec.(protectedRecord); ok {
		c, err := s.keepIdentity(tx, t.kind, m.ID, p.Prot(), old)
		if err != nil {
			return err
		}
		extra = c
	}
	return s.write(tx, t, old, rec, action, extra...)
}

// closedPeriod refuses a save that changes what a closed period counted
// without a reason (model.ClosedChange), naming the first open day.
func (s *Store) closedPeriod(tx *bolt.Tx, old, rec model.Record, now time.Time) error {
	m := rec.Base()
	m.ChangeReason = vntext.Clean(m.ChangeReason, false)
	c, ok := rec.(model.Counted)
	if !ok || old == nil {
		return nil
	}
	var off model.Office
	if err := decode(tx.Bucket(bMeta).Get(kOffice), &off); err != nil {
		return err
	}
	from := off.OpenFrom(model.DateOf(now))
	if !model.ClosedChange(old.(model.Counted), c, from) {
		return nil
	}
	if m.ChangeReason == "" {
		return fieldErr("ChangeReason", model.ErrCodeChangeReason, from.String())
	}
	if utf8.RuneCountInString(m.ChangeReason) > model.MaxShortLen {
		return fieldErr("ChangeReason", model.ErrCodeTooLong, model.MaxShortLen)
	}
	return nil
}

// write puts rec, applies its index diff against old and appends the audit
// event for action.
func (s *Store) write(tx *bolt.Tx, t table, old, rec model.Record, action string, extra ...model.Change) error {
	if err := putValue(tx.Bucket(t.bucket), u64(rec.Base().ID), rec); err != nil {
		return err
	}
	var oldEntries []entry
	if old != nil {
		oldEntries = t.entries(old)
	}
	if err := applyEntries(tx, oldEntries, t.entries(rec)); err != nil {
		return err
	}
	ev := model.AuditEvent{At: rec.Base().UpdatedAt, Staff: s.actor, Action: action, Kind: t.kind, RecordID: rec.Base().ID}
	if old != nil {
		// A creation lists no values: the first update's old values and
		// the record itself already hold them, and it halves the log.
		ev.Changes = diff(old, rec)
	}
	ev.Changes = append(ev.Changes, extra...)
	ev.Reason = rec.Base().ChangeReason
	s.db.notifyOnCommit(tx, Event{Kind: t.kind, ID: ev.RecordID, Action: action, Staff: s.actor})
	return appendAudit(tx, ev)
}

// voidRecord marks record id of kind voided with reason.
func (s *Store) voidRecord(tx *bolt.Tx, kind model.Kind, id, version uint64, reason string) error {
	t, ok := tableFor(kind)
	if !ok {
		return fmt.Errorf("storage: unknown kind %q", kind)
	}
	old, rec := t.newRec(), t.newRec()
	if err := load(tx, t, id, old); err != nil {
		return err
	}
	if err := load(tx, t, id, rec); err != nil {
		return err
	}
	m := rec.Base()
	if m.Voided {
		return model.ErrVoided
	}
	if m.Version != version {
		return model.ErrConflict
	}
	m.Voided, m.VoidReason = true, reason
	m.Version++
	m.UpdatedAt, m.UpdatedBy = s.db.now().UTC(), s.actor
	return s.write(tx, t, old, rec, model.ActionVoid)
}

// metaField reports the fields audit changes leave out: every change
// touches them.
func metaField(name string) bool {
	switch name {
	case "ID", "Version", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy":
		return true
	}
	return false
}

// diff lists the fields that differ between old and new (every set field
// when old is nil), as text, in struct order.
func diff(old, new model.Record) []model.Change {
	nv := reflect.ValueOf(new).Elem()
	var ov reflect.Value
	if old != nil {
		ov = reflect.ValueOf(old).Elem()
	}
	var out []model.Change
	var walk func(nv, ov reflect.Value)
	walk = func(nv, ov reflect.Value) {
		for i := 0; i < nv.NumField(); i++ {
			f := nv.Type().Field(i)
			if f.Anonymous {
				var o reflect.Value
				if ov.IsValid() {
					o = ov.Field(i)
				}
				walk(nv.Field(i), o)
				continue
			}
			if metaField(f.Name) || f.Tag.Get("json") == "-" {
				continue // Identity is kept apart and never audited as text
			}
			n := text(nv.Field(i))
			o := ""
			if ov.IsValid() {
				o = text(ov.Field(i))
			}
			if n != o {
				out = append(out, model.Change{Field: f.Name, Old: o, New: n})
			}
		}
	}
	walk(nv, ov)
	return out
}

func text(v reflect.Value) string {
	if v.IsZero() {
		return ""
	}
	switch x := v.Interface().(type) {
	case time.Time:
		return model.FormatDateTime(x)
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprint(v.Interface())
}
