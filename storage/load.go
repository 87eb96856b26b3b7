package storage

import (
	"fmt"
	"strconv"
	"strings"

	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
)

// loadBatch is how many records a bulk load commits at a time: large enough
// to amortise the commit, small enough to keep a transaction's dirty pages
// (and memory) bounded.
const loadBatch = 20_000

// Loader adds many new records quickly (the demo generator, imports). Each
// record is normalised, validated, indexed and audited exactly as a save
// would, but many share one transaction.
type Loader struct {
	s       *Store
	tx      *bolt.Tx
	pending int
}

// Load runs fn with a Loader acting for actor, committing every loadBatch
// records and once at the end. If fn fails, the current batch is rolled back;
// earlier batches stay (a load is not one transaction).
func (db *DB) Load(actor string, fn func(l *Loader) error) error {
	l := &Loader{s: &Store{db: db, actor: actor}}
	defer func() {
		if l.tx != nil {
			_ = l.tx.Rollback()
		}
	}()
	if err := fn(l); err != nil {
		return err
	}
	return l.commit()
}

func (l *Loader) commit() error {
	if l.tx == nil {
		return nil
	}
	err := l.tx.Commit()
	l.tx, l.pending = nil, 0
	return err
}

// Add stores a new record (ID must be 0). CreatedAt, when set, is kept as the
// record's creation time, so generated history looks real.
func (l *Loader) Add(rec model.Record) error {
	if l.tx == nil {
		tx, err := l.s.db.bolt.Begin(true)
		if err != nil {
			return err
		}
		l.tx = tx
	}
	t, _ := tableFor(rec.Kind())
	m := rec.Base()
	if m.ID != 0 {
		return fmt.Errorf("storage: Loader.Add of a record with id %d", m.ID)
	}
	rec.Normalize()
	now := l.s.db.now().UTC()
	if err := rec.Validate(now); err != nil {
		return err
	}
	b := l.tx.Bucket(t.bucket)
	b.FillPercent = 0.95 // ids only grow: pack pages full
	// Loads come in date order, so the date indexes grow at their end too.
	if di := l.tx.Bucket(bIdx).Bucket([]byte(dateIndex(t.kind))); di != nil {
		di.FillPercent = 0.9
	}
	id, err := b.NextSequence()
	if err != nil {
		return err
	}
	if m.CreatedAt.IsZero() {
		m.CreatedAt = now
	}
	m.ID, m.Version, m.CreatedBy = id, 1, l.s.actor
	m.UpdatedAt, m.UpdatedBy = m.CreatedAt, l.s.actor
	switch r := rec.(type) {
	case *model.Dossier:
		if err := l.bumpDossierCounter(r); err != nil {
			return err
		}
	case *model.Reception:
		if err := l.s.resolveCases(l.tx, r); err != nil {
			return err
		}
	case *model.Petition:
		if err := l.s.resolvePetitionCase(l.tx, r); err != nil {
			return err
		}
	}
	if err := l.s.write(l.tx, t, nil, rec, model.ActionCreate); err != nil {
		return err
	}
	if l.pending++; l.pending >= loadBatch {
		return l.commit()
	}
	return nil
}

// bumpDossierCounter keeps the year's code sequence above a loaded code, so
// dossiers created later never reuse it.
func (l *Loader) bumpDossierCounter(d *model.Dossier) error {
	i := strings.LastIndexByte(d.Code, '-')
	if i < 0 {
		return nil
	}
	n, err := strconv.ParseUint(d.Code[i+1:], 10, 64)
	if err != nil {
		return nil
	}
	key := []byte(fmt.Sprintf("dossier/%04d", d.ReceivedAt.In(model.VN).Year()))
	b := l.tx.Bucket(bCounters)
	if v := b.Get(key); len(v) == 8 && beU64(v) >= n {
		return nil
	}
	return b.Put(key, u64(n))
}
