package auth

import (
	"strings"
	"sync"
	"time"
)

// Lockout policy: an account failing MaxFailures times from one address
// within Window is refused from that address for LockFor; an address
// failing MaxAddressFailures times, whatever the accounts, is refused on
// its own. An account is never locked for everyone: a neighbour guessing
// "hoa" from one PC must not keep Hoa out from hers.
const (
	MaxFailures        = 5
	MaxAddressFailures = 20
	Window             = 15 * time.Minute
	LockFor            = 15 * time.Minute
	// maxTracked bounds the memory a flood of addresses can take.
	maxTracked = 100_000
)

// Limiter counts failed logins per account and address, and per address.
// It is safe for concurrent use. The zero value is not usable; call
// NewLimiter.
type Limiter struct {
	mu     sync.Mutex
	now    func() time.Time
	fails  map[string][]time.Time
	locked map[string]time.Time
	// Persist, when set, is given every lock in force whenever they
	// change, so they outlast a restart (NewLimiterWith reads them back).
	Persist func(locks map[string]time.Time)
}

// NewLimiter returns an empty limiter reading the clock now (nil: time.Now).
func NewLimiter(now func() time.Time) *Limiter { return NewLimiterWith(now, nil) }

// NewLimiterWith returns a limiter holding the locks saved before (a
// restart).
func NewLimiterWith(now func() time.Time, locks map[string]time.Time) *Limiter {
	if now == nil {
		now = time.Now
	}
	l := &Limiter{now: now, fails: map[string][]time.Time{}, locked: map[string]time.Time{}}
	for k, v := range locks {
		l.locked[k] = v
	}
	return l
}

func pairKey(u, ip string) string { return "ua:" + u + "|" + ip }
func addrKey(ip string) string    { return "a:" + ip }

// Locked reports whether user may not log in by password from address ip
// now, and until when.
func (l *Limiter) Locked(user, ip string) (bool, time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	for _, k := range []string{pairKey(user, ip), addrKey(ip)} {
		if until, ok := l.locked[k]; ok {
			if now.Before(until) {
				return true, until
			}
			delete(l.locked, k)
		}
	}
	return false, time.Time{}
}

// Fail counts one failed login of user from ip and returns what it locked
// out now ("account" for this address, and/or "address"), for the log.
func (l *Limiter) Fail(user, ip string) (lockedNow []string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if len(l.fails) > maxTracked {
		l.prune(now)
	}
	for i, k := range []string{pairKey(user, ip), addrKey(ip)} {
		recent := l.fails[k][:0]
		for _, t := range l.fails[k] {
			if now.Sub(t) < Window {
				recent = append(recent, t)
			}
		}
		recent = append(recent, now)
		l.fails[k] = recent
		if len(recent) >= []int{MaxFailures, MaxAddressFailures}[i] {
			if until, ok := l.locked[k]; !ok || !now.Before(until) {
				l.locked[k] = now.Add(LockFor)
				lockedNow = append(lockedNow, []string{"account", "address"}[i])
			}
			delete(l.fails, k)
		}
	}
	if len(lockedNow) > 0 {
		l.persist()
	}
	return lockedNow
}

// Succeed forgets the account's failures from that address (not the
// address's own: one good login does not excuse a guessing neighbour).
func (l *Limiter) Succeed(user, ip string) {
	l.mu.Lock()
	delete(l.fails, pairKey(user, ip))
	l.mu.Unlock()
}

// Unlock lifts every lock on the account, from every address (an
// administrator's decision), and forgets its failures. It reports whether
// there was one.
func (l *Limiter) Unlock(user string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	prefix := "ua:" + user + "|"
	found := false
	for k := range l.locked {
		if strings.HasPrefix(k, prefix) {
			delete(l.locked, k)
			found = true
		}
	}
	for k := range l.fails {
		if strings.HasPrefix(k, prefix) {
			delete(l.fails, k)
		}
	}
	if found {
		l.persist()
	}
	return found
}

// LockedAccounts lists the accounts locked from some address now, with the
// latest time a lock ends.
func (l *Limiter) LockedAccounts() map[string]time.Time {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	out := map[string]time.Time{}
	for k, until := range l.locked {
		if rest, ok := strings.CutPrefix(k, "ua:"); ok && now.Before(until) {
			u := rest[:strings.LastIndex(rest, "|")]
			if until.After(out[u]) {
				out[u] = until
			}
		}
	}
	return out
}

func (l *Limiter) persist() {
	if l.Persist == nil {
		return
	}
	cp := make(map[string]time.Time, len(l.locked))
	for k, v := range l.locked {
		cp[k] = v
	}
	l.Persist(cp)
}

func (l *Limiter) prune(now time.Time) {
	for k, ts := range l.fails {
		if len(ts) == 0 || now.Sub(ts[len(ts)-1]) >= Window {
			delete(l.fails, k)
		}
	}
	for k, until := range l.locked {
		if !now.Before(until) {
			delete(l.locked, k)
		}
	}
}
