package bench

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/storage"
)

// crashChild is set in the environment of the process the harness kills:
// it saves visits' citizens into the file named there, one after another,
// printing "ack ID" after each save returned, until it is killed.
const crashChild = "TIEPDAN_CRASH_CHILD"

func init() {
	path := os.Getenv(crashChild)
	if path == "" {
		return
	}
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		fmt.Println("open", err)
		os.Exit(2)
	}
	s := db.For("crash")
	w := bufio.NewWriter(os.Stdout)
	for n := 0; ; n++ {
		c := model.Citizen{FullName: fmt.Sprintf("Khách Thử %d", n), Address: "Thôn Đông"}
		if err := s.SaveCitizen(&c); err != nil {
			fmt.Fprintln(w, "err", err)
			w.Flush()
			os.Exit(3)
		}
		fmt.Fprintf(w, "ack %d\n", c.ID)
		w.Flush() // acknowledged: the save returned, synced to disk
	}
}

// crashRounds kills a writing process at random moments, rounds times,
// then checks after each that every acknowledged save is in the file and
// the file passes its check. It returns the rounds, the saves acknowledged
// and what was lost or failed.
func crashRounds(tb testing.TB, rounds int) (acked, lost, faults int) {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "crash.db")
	self, err := os.Executable()
	if err != nil {
		tb.Fatal(err)
	}
	// the office exists before the first kill: a kill while the very first
	// open creates the file is a first run cut off, not a lost save
	first, err := storage.Open(path, storage.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	first.Close()
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	for round := 0; round < rounds; round++ {
		cmd := exec.Command(self, "-test.run=^$")
		cmd.Env = append(os.Environ(), crashChild+"="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			tb.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			tb.Fatal(err)
		}
		var ids []uint64
		done := make(chan struct{})
		go func() {
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				if f := strings.Fields(sc.Text()); len(f) == 2 && f[0] == "ack" {
					id, _ := strconv.ParseUint(f[1], 10, 64)
					ids = append(ids, id)
				}
			}
			close(done)
		}()
		time.Sleep(time.Duration(5+r.IntN(60)) * time.Millisecond)
		_ = cmd.Process.Signal(syscall.SIGKILL)
		<-done
		_ = cmd.Wait()
		acked += len(ids)
		rep, err := storage.Check(path)
		if err != nil || !rep.OK() {
			faults++
			tb.Errorf("round %d: check %v %+v", round, err, rep.Faults)
			continue
		}
		db, err := storage.Open(path, storage.Options{})
		if err != nil {
			faults++
			tb.Errorf("round %d: open: %v", round, err)
			continue
		}
		s := db.For("x")
		for _, id := range ids {
			if _, err := s.Citizen(id); err != nil {
				lost++
			}
		}
		db.Close()
	}
	return acked, lost, faults
}

// TestCrashKeepsEveryAcknowledgedSave: a few rounds in every test run.
func TestCrashKeepsEveryAcknowledgedSave(t *testing.T) {
	acked, lost, faults := crashRounds(t, 5)
	if lost > 0 || faults > 0 {
		t.Fatalf("%d acknowledged saves, %d lost, %d rounds failing the check", acked, lost, faults)
	}
}

// BenchmarkCrash: b.N rounds (-benchtime 1000x for the figures in
// README.md).
func BenchmarkCrash(b *testing.B) {
	acked, lost, faults := crashRounds(b, b.N)
	b.ReportMetric(float64(b.N), "rounds")
	b.ReportMetric(float64(acked), "acked")
	b.ReportMetric(float64(lost), "lost")
	b.ReportMetric(float64(faults), "check-failures")
	if lost > 0 || faults > 0 {
		b.Fatalf("%d lost, %d failing the check", lost, faults)
	}
}
