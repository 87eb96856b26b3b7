package server

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"math/big"
	"sync"
	"time"
)

// Lifetimes of the print page's pairing codes and documents.
const (
	PairingCodeTTL  = 5 * time.Minute
	DefaultDocTTL   = 24 * time.Hour
	maxDocsPerStaff = 200
)

// printHub hands the PDFs printed in SSH sessions to browser tabs on the
// clerks' own PCs. A tab is paired with a staff member once, with a
// one-time code the session shows; from then on it sees that staff
// member's documents, and only theirs, until they expire.
type printHub struct {
	mu    sync.Mutex
	now   func() time.Time
	ttl   time.Duration
	codes map[string]pairing // code → who asked for it
	tabs  map[string]string  // tab token → staff username
	docs  map[string][]handedDoc
	seq   int
}

type pairing struct {
	staff   string
	expires time.Time
}

// handedDoc is one document waiting in a staff member's tab.
type handedDoc struct {
	ID      int       `json:"id"`
	Name    string    `json:"name"`
	Made    time.Time `json:"made"`
	data    []byte
	expires time.Time
}

func newPrintHub(now func() time.Time, ttl time.Duration) *printHub {
	if ttl <= 0 {
		ttl = DefaultDocTTL
	}
	return &printHub{now: now, ttl: ttl, codes: map[string]pairing{}, tabs: map[string]string{},
		docs: map[string][]handedDoc{}}
}

// code returns a fresh six-digit pairing code for staff, good once, for
// PairingCodeTTL.
func (h *printHub) code(staff string) string {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.expire()
	for {
		n, err := rand.Int(rand.Reader, big.NewInt(1_000_000))
		if err != nil {
			panic(err) // crypto/rand never fails on the supported systems
		}
		c := fmt.Sprintf("%06d", n.Int64())
		if _, taken := h.codes[c]; !taken {
			h.codes[c] = pairing{staff: staff, expires: h.now().Add(PairingCodeTTL)}
			return c
		}
	}
}

// pair spends code and returns a new tab token for its staff member; a
// used, unknown or expired code is refused.
func (h *printHub) pair(code string) (token string, ok bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.expire()
	p, found := h.codes[code]
	if !found {
		return "", false
	}
	delete(h.codes, code)
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		return "", false
	}
	token = hex.EncodeToString(b)
	h.tabs[token] = p.staff
	return token, true
}

// staffOf returns the staff member a tab token belongs to.
func (h *printHub) staffOf(token string) (string, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	s, ok := h.tabs[token]
	return s, ok
}

// paired reports whether staff has a tab.
func (h *printHub) paired(staff string) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, s := range h.tabs {
		if s == staff {
			return true
		}
	}
	return false
}

// add puts a document in staff's tab.
func (h *printHub) add(staff, name string, data []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.expire()
	h.seq++
	now := h.now()
	list := append(h.docs[staff], handedDoc{ID: h.seq, Name: name, Made: now, data: data, expires: now.Add(h.ttl)})
	if len(list) > maxDocsPerStaff {
		list = list[len(list)-maxDocsPerStaff:]
	}
	h.docs[staff] = list
}

// list returns the documents of the tab's staff member, newest last.
func (h *printHub) list(token string) ([]handedDoc, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.expire()
	staff, ok := h.tabs[token]
	if !ok {
		return nil, false
	}
	return append([]handedDoc(nil), h.docs[staff]...), true
}

// doc returns document id if it belongs to the tab's staff member.
func (h *printHub) doc(token string, id int) (handedDoc, bool) {
	docs, ok := h.list(token)
	if !ok {
		return handedDoc{}, false
	}
	for _, d := range docs {
		if d.ID == id {
			return d, true
		}
	}
	return handedDoc{}, false
}

// expire drops codes and documents past their time. h.mu is held.
func (h *printHub) expire() {
	now := h.now()
	for c, p := range h.codes {
		if !now.Before(p.expires) {
			delete(h.codes, c)
		}
	}
	for staff, list := range h.docs {
		keep := list[:0]
		for _, d := range list {
			if now.Before(d.expires) {
				keep = append(keep, d)
			}
		}
		if len(keep) == 0 {
			delete(h.docs, staff)
		} else {
			h.docs[staff] = keep
		}
	}
}
