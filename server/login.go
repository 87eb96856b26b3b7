package server

import (
	"errors"
	"net"
	"sync"
	"time"

	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"

	"github.com/tiepdan/tiepdan/auth"
	"github.com/tiepdan/tiepdan/model"
)

// extMethod is the permissions extension naming how a connection
// authenticated. The permissions x/crypto hands to the session are those of
// the attempt that succeeded, so this (and Session.PublicKey) is what the
// connection proved, never what a client merely offered.
const extMethod = "tiepdan-auth"

// connState follows one connection through authentication, to count a
// connection that offered only wrong keys as one failure.
type connState struct {
	mu          sync.Mutex
	user        string
	keyRejected bool
	pwFailed    bool
	// pending: the connection has not opened a session yet; it holds a
	// place among those waiting to log in, and a deadline
	pending bool
	ip      string
	conn    net.Conn
	counted bool // its failed key login was counted
}

// Before logging in, a connection gets HandshakeTimeout to open a session,
// an address at most MaxPendingPerAddr connections waiting, the server at
// most MaxPending: 3,000 idle connections once held the process's files
// until a correct login hung.
const (
	HandshakeTimeout  = 30 * time.Second
	MaxPendingPerAddr = 10
	MaxPending        = 100
	keepAlive         = 30 * time.Second
)

func ipOf(a net.Addr) string {
	if host, _, err := net.SplitHostPort(a.String()); err == nil {
		return host
	}
	return a.String()
}

// passwordHandler accepts an account's password unless the account or the
// address is locked out. Unknown accounts and accounts without a password
// cost one hash too, so the answer and its timing say nothing of which
// usernames exist.
func (s *Server) passwordHandler(ctx ssh.Context, pw string) bool {
	user, ip := ctx.User(), ipOf(ctx.RemoteAddr())
	if locked, until := s.limiter.Locked(user, ip); locked {
		auth.CheckPassword("", pw)
		s.log.Warn("login refused: locked out", "user", user, "ip", ip, "until", until.Format("15:04:05"))
		return false
	}
	st, err := s.db.Staff(user)
	ok := auth.CheckPassword(st.PasswordHash, pw) && err == nil && !st.Disabled
	if !ok {
		s.failed(user, ip, "password")
		if cs := stateOf(ctx); cs != nil {
			cs.mu.Lock()
			cs.pwFailed = true
			cs.mu.Unlock()
		}
		return false
	}
	if ctx.Permissions().Extensions == nil {
		ctx.Permissions().Extensions = map[string]string{}
	}
	ctx.Permissions().Extensions[extMethod] = "password"
	s.limiter.Succeed(user, ip)
	return true
}

// publicKeyHandler accepts a key listed on the account. x/crypto calls it
// for keys merely offered as well as for the signed attempt, so it decides
// nothing about identity: the session checks the key the connection proved.
func (s *Server) publicKeyHandler(ctx ssh.Context, key ssh.PublicKey) bool {
	// a password lockout never blocks a correct key: guessing a password
	// says nothing against the key's holder
	user := ctx.User()
	st, err := s.db.Staff(user)
	if err == nil && !st.Disabled && auth.HasKey(st.Keys, key) {
		if ctx.Permissions().Extensions == nil {
			ctx.Permissions().Extensions = map[string]string{}
		}
		ctx.Permissions().Extensions[extMethod] = "publickey"
		return true
	}
	if cs := stateOf(ctx); cs != nil {
		cs.mu.Lock()
		cs.user, cs.keyRejected = user, true
		cs.mu.Unlock()
	}
	return false
}

// banner tells whoever connects, before logging in, that the account is
// locked from this address and until when (otherwise a lockout looks like
// a typo); empty when it is not.
func (s *Server) banner(ctx ssh.Context) string {
	locked, until := s.limiter.Locked(ctx.User(), ipOf(ctx.RemoteAddr()))
	if !locked {
		return ""
	}
	return s.cat.T("server.locked_banner", ctx.User(), until.In(model.VN).Format("15:04 02/01/2006")) + "\r\n"
}

// failed counts one failure and logs it, and the lockout it causes.
func (s *Server) failed(user, ip, method string) {
	s.log.Warn("login failed", "user", user, "ip", ip, "method", method)
	for _, what := range s.limiter.Fail(user, ip) {
		s.log.Warn("locked out after repeated failures", "what", what, "user", user, "ip", ip,
			"failures", auth.MaxFailures, "minutes", int(auth.LockFor.Minutes()))
	}
}

type stateKey struct{}

func stateOf(ctx ssh.Context) *connState {
	cs, _ := ctx.Value(stateKey{}).(*connState)
	return cs
}

// connCallback gives each connection its state, found again by remote
// address when the connection fails authentication.
func (s *Server) connCallback(ctx ssh.Context, conn net.Conn) net.Conn {
	ip := ipOf(conn.RemoteAddr())
	s.mu.Lock()
	if s.pending[ip] >= MaxPendingPerAddr || s.pendingTotal >= MaxPending {
		n := s.pending[ip]
		s.mu.Unlock()
		s.log.Warn("connection refused before login: too many waiting", "ip", ip, "from_ip", n, "max_ip", MaxPendingPerAddr)
		return nil // closed at once
	}
	s.pending[ip]++
	s.pendingTotal++
	s.mu.Unlock()
	if tc, ok := conn.(*net.TCPConn); ok {
		_ = tc.SetKeepAlive(true)
		_ = tc.SetKeepAlivePeriod(keepAlive)
	}
	_ = conn.SetDeadline(time.Now().Add(HandshakeTimeout)) // the wall clock: a network deadline
	cs := &connState{pending: true, ip: ip, conn: conn}
	ctx.SetValue(stateKey{}, cs)
	key := conn.RemoteAddr().String()
	s.conns.Store(key, cs)
	return &trackedConn{Conn: conn, forget: func() {
		s.conns.Delete(key)
		// a connection that offered only keys the account lacks and never
		// got in is a failed login, counted and logged like a wrong
		// password (the failed-connection callback may come after this)
		cs.mu.Lock()
		count := cs.pending && cs.keyRejected && !cs.pwFailed && cs.user != "" && !cs.counted
		cs.counted = cs.counted || count
		user := cs.user
		cs.mu.Unlock()
		if count {
			s.failed(user, ip, "publickey")
		}
		s.loggedIn(cs)
	}}
}

// loggedIn ends a connection's wait (a session opened, or it closed): its
// place is free and its deadline lifted.
func (s *Server) loggedIn(cs *connState) {
	if cs == nil {
		return
	}
	cs.mu.Lock()
	was := cs.pending
	cs.pending = false
	cs.mu.Unlock()
	if !was {
		return
	}
	_ = cs.conn.SetDeadline(time.Time{})
	s.mu.Lock()
	s.pending[cs.ip]--
	if s.pending[cs.ip] <= 0 {
		delete(s.pending, cs.ip)
	}
	s.pendingTotal--
	s.mu.Unlock()
}

// connFailed counts a connection that gave up after offering only keys the
// account does not have (password failures were counted one by one).
func (s *Server) connFailed(conn net.Conn, err error) {
	v, ok := s.conns.Load(conn.RemoteAddr().String())
	if !ok {
		return
	}
	cs := v.(*connState)
	var authErr *gossh.ServerAuthError
	cs.mu.Lock()
	count := cs.keyRejected && !cs.pwFailed && cs.user != "" && !cs.counted
	cs.counted = cs.counted || count
	user := cs.user
	cs.mu.Unlock()
	if count && errors.As(err, &authErr) {
		s.failed(user, ipOf(conn.RemoteAddr()), "publickey")
	}
}

type trackedConn struct {
	net.Conn
	once   sync.Once
	forget func()
}

func (c *trackedConn) Close() error {
	c.once.Do(c.forget)
	return c.Conn.Close()
}

// errRefused is returned by identify for any session that cannot act as a
// live account; the client is told only that access is refused.
var errRefused = errors.New("refused")

// identify returns the account a session acts for: the SSH user, proven by
// the key the connection authenticated with (which must still be on the
// account) or by its password, and not disabled since.
func (s *Server) identify(sess ssh.Session) (model.Staff, error) {
	st, err := s.db.Staff(sess.User())
	if err != nil || st.Disabled {
		return model.Staff{}, errRefused
	}
	method := sess.Permissions().Extensions[extMethod]
	switch {
	case method == "publickey" && sess.PublicKey() != nil && auth.HasKey(st.Keys, sess.PublicKey()):
		return st, nil
	case method == "password" && sess.PublicKey() == nil && st.PasswordHash != "":
		return st, nil
	}
	return model.Staff{}, errRefused
}

// Unlock lifts the password lockouts of an account from every address (the
// staff screen's ^U) and says whether there was one.
func (s *Server) Unlock(user string) bool {
	ok := s.limiter.Unlock(user)
	if ok {
		s.log.Info("lockout lifted", "user", user)
	}
	return ok
}
