package bench

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/server"
	"github.com/tiepdan/tiepdan/storage"
)

// loadSessions and loadDuration size BenchmarkSSHLoad: 50 sessions for a
// minute by default (TIEPDAN_LOAD_SESSIONS, TIEPDAN_LOAD_SECONDS; CI runs a
// few seconds only to keep it working).
func loadSize() (int, time.Duration) {
	n, secs := 50, 60
	if v, err := strconv.Atoi(os.Getenv("TIEPDAN_LOAD_SESSIONS")); err == nil && v > 0 {
		n = v
	}
	if v, err := strconv.Atoi(os.Getenv("TIEPDAN_LOAD_SECONDS")); err == nil && v > 0 {
		secs = v
	}
	return n, time.Duration(secs) * time.Second
}

// screen collects one session's output and signals each arrival.
type screen struct {
	mu    sync.Mutex
	buf   bytes.Buffer
	total int64
	bump  chan struct{}
}

func (s *screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	s.buf.Write(p)
	s.total += int64(len(p))
	s.mu.Unlock()
	select {
	case s.bump <- struct{}{}:
	default:
	}
	return len(p), nil
}

// since returns the output after offset and the current length.
func (s *screen) since(off int) (string, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.buf.Bytes()
	if off > len(b) {
		off = len(b)
	}
	return string(b[off:]), len(b)
}

func (s *screen) mark() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Len()
}

// waitFor waits until the output after off contains want.
func (s *screen) waitFor(off int, want string, limit time.Duration) error {
	deadline := time.After(limit)
	for {
		if out, _ := s.since(off); strings.Contains(out, want) {
			return nil
		}
		select {
		case <-s.bump:
		case <-deadline:
			return fmt.Errorf("no %q within %s", want, limit)
		}
	}
}

type desk struct {
	latencies []time.Duration
	typed     int
	typeBytes int64
	saved     []string
	err       error
}

// BenchmarkSSHLoad runs the server on loopback with many SSH sessions, each
// a clerk adding citizens: type a name key by key in the search box (each
// key timed until its echo arrives), ^N, F2, Esc; for the whole duration.
// It reports keystroke-to-screen percentiles, bytes per typed key, heap per
// session, saves, and lost updates (saves confirmed on screen but not in
// the database; must be 0).
//
// "hostile" runs the same clerks while a hostile client floods window
// changes (up to 65535x65535) from a session of its own and holds idle
// connections that never log in (more than the cap allows), and reports
// the server's largest heap during the run.
func BenchmarkSSHLoad(b *testing.B) {
	b.Run("clerks", func(b *testing.B) { sshLoad(b, false) })
	b.Run("hostile", func(b *testing.B) { sshLoad(b, true) })
}

func sshLoad(b *testing.B, hostile bool) {
	nSess, dur := loadSize()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dir := b.TempDir()
		db, err := storage.Open(filepath.Join(dir, "load.db"), storage.Options{})
		if err != nil {
			b.Fatal(err)
		}
		admin := db.For("quantri")
		o, _ := admin.Office()
		o.Name, o.Place = "UBND xã Quang Trung", "Quang Trung"
		if err := admin.SaveOffice(&o); err != nil {
			b.Fatal(err)
		}
		_, priv, _ := ed25519.GenerateKey(rand.Reader)
		signer, _ := gossh.NewSignerFromKey(priv)
		line := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(signer.PublicKey())))
		for s := 0; s <= nSess; s++ { // one more: the hostile client's account
			st := model.Staff{Username: fmt.Sprintf("cb%02d", s), Role: model.RoleClerk, Keys: []string{line}}
			if err := admin.SaveStaff(&st); err != nil {
				b.Fatal(err)
			}
		}
		hk, _, _, _ := server.LoadHostKey(filepath.Join(dir, "hk"))
		srv, err := server.New(server.Config{DB: db, HostKey: hk, ExportRoot: filepath.Join(dir, "x"), BackupEvery: -1,
			MaxSessions: nSess + 1, IdleLock: -1, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
		if err != nil {
			b.Fatal(err)
		}
		l, _ := net.Listen("tcp", "127.0.0.1:0")
		go srv.Serve(l)

		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		screens := make([]*screen, nSess)
		ins := make([]io.Writer, nSess)
		var clients []*gossh.Client
		for s := 0; s < nSess; s++ {
			c, err := gossh.Dial("tcp", l.Addr().String(), &gossh.ClientConfig{User: fmt.Sprintf("cb%02d", s),
				Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)}, HostKeyCallback: gossh.InsecureIgnoreHostKey()})
			if err != nil {
				b.Fatal(err)
			}
			clients = append(clients, c)
			sess, _ := c.NewSession()
			sess.RequestPty("xterm", 24, 80, gossh.TerminalModes{})
			ins[s], _ = sess.StdinPipe()
			screens[s] = &screen{bump: make(chan struct{}, 1)}
			sess.Stdout = screens[s]
			if err := sess.Shell(); err != nil {
				b.Fatal(err)
			}
			if err := screens[s].waitFor(0, "F3 Tiếp dân", 10*time.Second); err != nil {
				b.Fatal(err)
			}
		}
		runtime.GC()
		runtime.ReadMemStats(&after)

		b.StartTimer()
		desks := make([]desk, nSess)
		var wg sync.WaitGroup
		stop := time.Now().Add(dur)
		var heapMax uint64
		quit := make(chan struct{})
		if hostile {
			go flood(l.Addr().String(), signer, fmt.Sprintf("cb%02d", nSess), quit)
		}
		go func() { // the server's heap, sampled
			for {
				select {
				case <-quit:
					return
				case <-time.After(100 * time.Millisecond):
					var m runtime.MemStats
					runtime.ReadMemStats(&m)
					heapMax = max(heapMax, m.HeapInuse)
				}
			}
		}()
		for s := 0; s < nSess; s++ {
			wg.Add(1)
			go func(s int) {
				defer wg.Done()
				desks[s] = clerk(s, ins[s], screens[s], stop)
			}(s)
		}
		wg.Wait()
		close(quit)
		b.StopTimer()
		b.ReportMetric(float64(heapMax)/(1<<20), "heapMB-max")

		var lat []time.Duration
		typed, saves, lost := 0, 0, 0
		var typeBytes int64
		store := db.For("x")
		for s, d := range desks {
			if d.err != nil {
				b.Errorf("session %d: %v", s, d.err)
			}
			lat = append(lat, d.latencies...)
			typed += d.typed
			typeBytes += d.typeBytes
			for _, name := range d.saved {
				saves++
				hits, err := store.SearchCitizens(name, 5)
				if err != nil || len(hits) != 1 || hits[0].FullName != name {
					lost++
				}
			}
		}
		sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
		pct := func(p float64) float64 {
			if len(lat) == 0 {
				return 0
			}
			return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000
		}
		b.ReportMetric(float64(nSess), "sessions")
		b.ReportMetric(pct(0.50), "p50-ms")
		b.ReportMetric(pct(0.95), "p95-ms")
		b.ReportMetric(pct(0.99), "p99-ms")
		b.ReportMetric(pct(1), "max-ms")
		if typed > 0 {
			b.ReportMetric(float64(typeBytes)/float64(typed), "bytes/key")
		}
		b.ReportMetric(float64(int64(after.HeapInuse)-int64(before.HeapInuse))/float64(nSess)/1024, "heapKiB/session")
		b.ReportMetric(float64(typed), "keys")
		b.ReportMetric(float64(saves), "saves")
		b.ReportMetric(float64(lost), "lost")
		if lost > 0 {
			b.Errorf("%d lost updates", lost)
		}
		for _, c := range clients {
			c.Close()
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		srv.Shutdown(ctx)
		cancel()
		db.Close()
	}
}

// clerk is one desk's loop until stop.
func clerk(s int, in io.Writer, sc *screen, stop time.Time) desk {
	var d desk
	send := func(k string) error { _, err := io.WriteString(in, k); return err }
	if err := send("\x1b[17~"); err != nil { // F6: citizens
		d.err = err
		return d
	}
	for n := 0; time.Now().Before(stop); n++ {
		name := fmt.Sprintf("Khách %02d Lượt %03d", s, n)
		send("\x15") // ^U clears the search box
		time.Sleep(20 * time.Millisecond)
		for _, r := range name {
			off := sc.mark()
			sc.mu.Lock()
			bytesBefore := sc.total
			sc.mu.Unlock()
			t0 := time.Now()
			if err := send(string(r)); err != nil {
				d.err = err
				return d
			}
			if r != ' ' {
				if err := sc.waitFor(off, string(r), 5*time.Second); err != nil {
					d.err = fmt.Errorf("key %q: %w", r, err)
					return d
				}
				d.latencies = append(d.latencies, time.Since(t0))
			}
			time.Sleep(40 * time.Millisecond) // the search settles; a quick typist
			sc.mu.Lock()
			d.typeBytes += sc.total - bytesBefore
			sc.mu.Unlock()
			d.typed++
		}
		off := sc.mark()
		send("\x0e") // ^N: a new citizen from what was typed
		if err := sc.waitFor(off, "Thêm công dân", 5*time.Second); err != nil {
			d.err = err
			return d
		}
		off = sc.mark()
		send("\x1bOQ") // F2
		if err := sc.waitFor(off, "Công dân: "+name, 10*time.Second); err != nil {
			out, _ := sc.since(off)
			d.err = fmt.Errorf("save %s: %w; screen after F2: %q", name, err, out)
			return d
		}
		d.saved = append(d.saved, name)
		off = sc.mark()
		send("\x1b") // back to the search; wait for it, or the next keys
		// could reach the terminal glued to the Esc (read as Alt+key)
		if err := sc.waitFor(off, "Tìm:", 5*time.Second); err != nil {
			d.err = fmt.Errorf("back to search: %w", err)
			return d
		}
	}
	return d
}

// flood is the hostile client: one session sending window changes as fast
// as it can, and idle connections that never log in, until quit.
func flood(addr string, signer gossh.Signer, user string, quit chan struct{}) {
	var idle []net.Conn
	defer func() {
		for _, c := range idle {
			c.Close()
		}
	}()
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP("127.0.0.3")}}
	for i := 0; i < 2*server.MaxPending; i++ {
		if c, err := d.Dial("tcp", addr); err == nil {
			idle = append(idle, c)
		}
	}
	c, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: user, Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey()})
	if err != nil {
		return
	}
	defer c.Close()
	sess, err := c.NewSession()
	if err != nil {
		return
	}
	sess.RequestPty("xterm", 24, 80, gossh.TerminalModes{})
	sess.Stdout = io.Discard
	if err := sess.Shell(); err != nil {
		return
	}
	for i := 0; ; i++ {
		select {
		case <-quit:
			return
		default:
		}
		if err := sess.WindowChange((i*7919)%65536, (i*104729)%65536); err != nil {
			return
		}
	}
}
