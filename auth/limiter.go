package auth

import (
	"sync"
	"time"
)

// Lockout policy: an account or an address that fails MaxFailures times
// within Window is refused for LockFor, even with the right credentials.
const (
	MaxFailures = 5
	Window      = 15 * time.Minute
	LockFor     = 15 * time.Minute
	// maxTracked bounds the memory a flood of addresses can take.
	maxTracked = 100_000
)

// Limiter counts failed logins per account and per address. It is safe for
// concurrent use. The zero value is not usable; call NewLimiter.
type Limiter struct {
	mu     sync.Mutex
	now    func() time.Time
	fails  map[string][]time.Time
	locked map[string]time.Time
}

// NewLimiter returns an empty limiter reading the clock now (nil: time.Now).
func NewLimiter(now func() time.Time) *Limiter {
	if now == nil {
		now = time.Now
	}
	return &Limiter{now: now, fails: map[string][]time.Time{}, locked: map[string]time.Time{}}
}

func userKey(u string) string    { return "u:" + u }
func addrKey(ip string) string   { return "a:" + ip }
func keys(u, ip string) []string { return []string{userKey(u), addrKey(ip)} }

// Locked reports whether user or address ip is locked out now, and until
// when.
func (l *Limiter) Locked(user, ip string) (bool, time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	for _, k := range keys(user, ip) {
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
// out now ("account" and/or "address"), for the log.
func (l *Limiter) Fail(user, ip string) (lockedNow []string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if len(l.fails) > maxTracked {
		l.prune(now)
	}
	for i, k := range keys(user, ip) {
		recent := l.fails[k][:0]
		for _, t := range l.fails[k] {
			if now.Sub(t) < Window {
				recent = append(recent, t)
			}
		}
		recent = append(recent, now)
		l.fails[k] = recent
		if len(recent) >= MaxFailures {
			if until, ok := l.locked[k]; !ok || !now.Before(until) {
				l.locked[k] = now.Add(LockFor)
				lockedNow = append(lockedNow, []string{"account", "address"}[i])
			}
			delete(l.fails, k)
		}
	}
	return lockedNow
}

// Succeed forgets the account's failures (not the address's: one good login
// from an address does not excuse a guessing neighbour).
func (l *Limiter) Succeed(user string) {
	l.mu.Lock()
	delete(l.fails, userKey(user))
	l.mu.Unlock()
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
