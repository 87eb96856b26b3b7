package storage

import (
	"sync"

	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
)

// Event says that a record was written and committed: the server forwards it
// to every session so lists refresh when someone else adds a record.
type Event struct {
	Kind   model.Kind
	ID     uint64
	Action string
	Staff  string
}

// listeners is the set of functions told about every committed change.
type listeners struct {
	mu   sync.Mutex
	next int
	fns  map[int]func(Event)
}

// Subscribe calls fn after every committed change, from the committing
// goroutine (fn must not block or write to the database); the returned
// function unsubscribes.
func (db *DB) Subscribe(fn func(Event)) (cancel func()) {
	l := &db.listeners
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.fns == nil {
		l.fns = map[int]func(Event){}
	}
	id := l.next
	l.next++
	l.fns[id] = fn
	return func() {
		l.mu.Lock()
		delete(l.fns, id)
		l.mu.Unlock()
	}
}

// notifyOnCommit tells the listeners about ev once tx commits (never if it
// rolls back).
func (db *DB) notifyOnCommit(tx *bolt.Tx, ev Event) {
	tx.OnCommit(func() {
		db.listeners.mu.Lock()
		fns := make([]func(Event), 0, len(db.listeners.fns))
		for _, fn := range db.listeners.fns {
			fns = append(fns, fn)
		}
		db.listeners.mu.Unlock()
		for _, fn := range fns {
			fn(ev)
		}
	})
}
