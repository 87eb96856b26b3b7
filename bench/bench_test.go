// Package bench measures tiepdan against DESIGN §8 on a generated database:
// 1,000,000 records by default (TIEPDAN_BENCH_RECORDS to change; CI uses a
// small one just to keep the benchmarks running). The database is generated
// once, deterministically, into bench/data/ and reused. See bench/README.md
// for the figures and the commands that produced them.
package bench

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/demo"
	"github.com/tiepdan/tiepdan/i18n"
	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/printout"
	"github.com/tiepdan/tiepdan/report"
	"github.com/tiepdan/tiepdan/storage"
	"github.com/tiepdan/tiepdan/tui"
	"github.com/tiepdan/tiepdan/tui/common"
)

// End is the fixed "today" of the generated office, so every run measures
// the same data.
var End = time.Date(2026, 11, 20, 12, 0, 0, 0, model.VN)

var (
	once   sync.Once
	dbPath string
	dbErr  error
)

func records() int {
	if n, err := strconv.Atoi(os.Getenv("TIEPDAN_BENCH_RECORDS")); err == nil && n >= 100 {
		return n
	}
	return 1_000_000
}

// database returns the path of the generated database, making it on first
// use.
func database(b *testing.B) string {
	once.Do(func() {
		n := records()
		dir := "data"
		if err := os.MkdirAll(dir, 0o755); err != nil {
			dbErr = err
			return
		}
		dbPath = filepath.Join(dir, fmt.Sprintf("office-%d.db", n))
		if _, err := os.Stat(dbPath); err == nil {
			return
		}
		tmp := dbPath + ".tmp"
		os.Remove(tmp)
		db, err := storage.Open(tmp, storage.Options{NoSync: true})
		if err != nil {
			dbErr = err
			return
		}
		start := time.Now()
		st, err := demo.Generate(db, demo.Options{Records: n, Seed: 1, End: End})
		if err == nil {
			err = db.Sync()
		}
		db.Close()
		if err != nil {
			dbErr = err
			return
		}
		fmt.Fprintf(os.Stderr, "generated %s: %+v in %v\n", dbPath, st, time.Since(start).Round(time.Second))
		dbErr = os.Rename(tmp, dbPath)
	})
	if dbErr != nil {
		b.Fatal(dbErr)
	}
	return dbPath
}

func open(b *testing.B) *storage.DB {
	db, err := storage.Open(database(b), storage.Options{Now: func() time.Time { return End }})
	if err != nil {
		b.Fatal(err)
	}
	return db
}

// runCmds executes commands and feeds their messages back, as Bubble Tea
// would, until none is left.
func runCmds(m tea.Model, cmd tea.Cmd) tea.Model {
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		default:
			var next tea.Cmd
			m, next = m.Update(msg)
			queue = append(queue, next)
		}
	}
	return m
}

func newApp(db *storage.DB) tea.Model {
	c := common.New(db.For("bench"), i18n.New(i18n.Vietnamese), lipgloss.NewRenderer(io.Discard), "bench",
		func() time.Time { return End })
	c.DraftEvery = -1 // runCmds would wait for the draft timer
	return tui.New(c)
}

// BenchmarkOpenToFirstScreen: open the file, build the UI, load every tab's
// first page and render the first screen. DESIGN §8: under 200 ms.
func BenchmarkOpenToFirstScreen(b *testing.B) {
	database(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		db := open(b)
		app := newApp(db)
		app = runCmds(app, app.Init())
		app, _ = app.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		if !strings.Contains(app.View(), "F3") {
			b.Fatal("no screen")
		}
		db.Close()
	}
}

// BenchmarkNextPage: the dossier list's next page, from a page deep in the
// register.
func BenchmarkNextPage(b *testing.B) {
	db := open(b)
	defer db.Close()
	s := db.For("bench")
	first, err := s.ListDossiers(model.ListQuery{Limit: 50})
	if err != nil || first.Next == nil {
		b.Fatalf("first page: %v", err)
	}
	b.ResetTimer()
	cursor := first.Next
	for i := 0; i < b.N; i++ {
		p, err := s.ListDossiers(model.ListQuery{Limit: 50, Cursor: cursor})
		if err != nil {
			b.Fatal(err)
		}
		if cursor = p.Next; cursor == nil {
			cursor = first.Next
		}
	}
}

// BenchmarkSearchKeystroke: one search as the clerk types, per query: name
// prefixes without diacritics as they grow, a full name, common and rare
// given names, an ID prefix and a phone prefix. DESIGN §8: under 20 ms per
// keystroke.
func BenchmarkSearchKeystroke(b *testing.B) {
	db := open(b)
	defer db.Close()
	s := db.For("bench")
	queries := []string{"n", "ng", "nguyen", "nguyen v", "nguyen van", "nguyen van a", "nguyen van an",
		"tran thi h", "thi", "an", "hoa", "dang thi dao", "001", "0912", "nguyen van an 19", "nguyen van an 1966"}
	for _, q := range queries {
		b.Run(strings.ReplaceAll(q, " ", "_"), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := s.SearchCitizens(q, 30); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	// what the picker does per key: the search, then each row's last
	// visit or petition and open cases
	for _, q := range []string{"nguyen van an", "nguyen van an 1966"} {
		b.Run("picker_"+strings.ReplaceAll(q, " ", "_"), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				cs, err := s.SearchCitizens(q, 30)
				if err != nil {
					b.Fatal(err)
				}
				ids := make([]uint64, len(cs))
				for j, c := range cs {
					ids[j] = c.ID
				}
				if _, err := s.LastContacts(ids); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSave: create one visit. "fsync" is what a clerk waits for; "nosync"
// is the same work without the fsync, so the difference is the disk's.
// DESIGN §8: one fsync plus under 5 ms.
func BenchmarkSave(b *testing.B) {
	for _, mode := range []string{"fsync", "nosync"} {
		b.Run(mode, func(b *testing.B) {
			// on a copy: the generated database must stay as generated
			path := filepath.Join(b.TempDir(), "save.db")
			if err := copyFile(database(b), path); err != nil {
				b.Fatal(err)
			}
			db, err := storage.Open(path, storage.Options{Now: func() time.Time { return End }, NoSync: mode == "nosync"})
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			s := db.For("bench")
			cit, err := s.SearchCitizens("nguyen", 1)
			if err != nil || len(cit) == 0 {
				b.Fatalf("no citizen: %v", err)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				r := model.Reception{At: End.Add(-time.Hour), RecKind: model.ReceptionRegular, CitizenID: cit[0].ID,
					HeadCount: 1, Summary: "Đo tốc độ lưu", Content: model.ContentProposal, Field: model.FieldOther,
					Matter: model.MatterFirst, Handling: model.HandlingGuided}
				if err := s.SaveReception(&r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSummary computes the period summary of DESIGN §5 (DESIGN §8: a
// month under 50 ms, a year under 300 ms on 1,000,000 records). The year
// 2025 is a closed year; 2026 is the running one (carried-over items from
// every earlier year are read through the closed index). "export-*" adds
// writing the month's summary in that format to memory.
func BenchmarkSummary(b *testing.B) {
	db := open(b)
	defer db.Close()
	s := db.For("bench")
	office, err := s.Office()
	if err != nil {
		b.Fatal(err)
	}
	today := model.DateOf(End)
	for _, tc := range []struct {
		name   string
		period model.Period
	}{
		{"month", model.MonthPeriod(2026, time.October)},
		{"quarter", model.QuarterPeriod(2026, 3)},
		{"year", model.YearPeriod(2025)},
		{"year-running", model.YearPeriod(2026)},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				sum, err := report.Compute(s, office, tc.period, today)
				if err != nil {
					b.Fatal(err)
				}
				if err := sum.Check(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	sum, err := report.Compute(s, office, model.MonthPeriod(2026, time.October), today)
	if err != nil {
		b.Fatal(err)
	}
	cat := i18n.New(i18n.Vietnamese)
	x, err := printout.NewContext(s, cat, End)
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range report.Formats() {
		b.Run("export-"+string(f), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				var err error
				if f == report.FormatPDF { // the written report, rendered by printout
					err = printout.WriteSummaryPDF(io.Discard, x, sum)
				} else {
					err = report.Write(io.Discard, f, sum, cat)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkNationalTables computes a period's summary and renders every
// national statistical form (01/TCD … II.06a) with their check rows, as
// the summary screen, the XLSX and the HTML do (DESIGN §8: a year's under
// 300 ms warm on one core). "raw-scan" is the baseline measured in the same
// run: bbolt alone walking the same date and closed index entries without
// decoding them.
func BenchmarkNationalTables(b *testing.B) {
	path := database(b)
	cat := i18n.New(i18n.Vietnamese)
	today := model.DateOf(End)
	periods := []struct {
		name   string
		period model.Period
	}{
		{"month", model.MonthPeriod(2026, time.October)},
		{"year", model.YearPeriod(2025)},
		{"year-official", model.YearPeriod(2025).In(model.WindowOfficial, 14)},
	}
	db := open(b)
	s := db.For("bench")
	office, err := s.Office()
	if err != nil {
		b.Fatal(err)
	}
	for _, tc := range periods {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				sum, err := report.Compute(s, office, tc.period, today)
				if err != nil {
					b.Fatal(err)
				}
				if err := sum.Check(); err != nil {
					b.Fatal(err)
				}
				if len(sum.NationalTables(cat)) != len(report.Forms()) {
					b.Fatal("forms missing")
				}
			}
		})
	}
	db.Close()
	raw, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		b.Fatal(err)
	}
	defer raw.Close()
	for _, tc := range periods[1:2] {
		b.Run("raw-scan-"+tc.name, func(b *testing.B) {
			from := binary.BigEndian.AppendUint32(nil, uint32(int32(tc.period.From))+1<<31)
			to := binary.BigEndian.AppendUint32(nil, uint32(int32(tc.period.To)+1)+1<<31)
			for i := 0; i < b.N; i++ {
				n := 0
				err := raw.View(func(tx *bolt.Tx) error {
					idx := tx.Bucket([]byte("idx"))
					for _, name := range []string{"date.session", "date.reception", "date.petition", "date.dossier"} {
						c := idx.Bucket([]byte(name)).Cursor()
						for k, v := c.Seek(from); k != nil && bytes.Compare(k, to) < 0; k, v = c.Next() {
							n += len(v)
						}
					}
					for _, name := range []string{"closed.petition", "closed.dossier"} {
						c := idx.Bucket([]byte(name)).Cursor()
						for k, v := c.Seek(from); k != nil; k, v = c.Next() {
							if bytes.Compare(k[4:8], from) < 0 {
								n += len(v)
							}
						}
					}
					return nil
				})
				if err != nil || n == 0 {
					b.Fatal(err, n)
				}
			}
		})
	}
}

// BenchmarkMemoryAfterOpen reports the Go heap and the process's resident
// memory after opening and showing the first screen (DESIGN §8: under 64 MB
// for the local app). Resident memory includes the file pages bbolt's mmap
// has touched.
func BenchmarkMemoryAfterOpen(b *testing.B) {
	database(b)
	for i := 0; i < b.N; i++ {
		db := open(b)
		app := newApp(db)
		app = runCmds(app, app.Init())
		_ = app.View()
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "heap-MB")
		b.ReportMetric(rssMB(), "rss-MB")
		db.Close()
	}
}

func rssMB() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			f := strings.Fields(line)
			kb, _ := strconv.Atoi(f[1])
			return float64(kb) / 1024
		}
	}
	return 0
}

func copyFile(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}

// BenchmarkToday: the "Hôm nay" screen's agenda from the due indexes (open
// dossiers due by today, petitions and replies due within 3 working days)
// and its first render, on a loaded app.
func BenchmarkToday(b *testing.B) {
	db := open(b)
	defer db.Close()
	app := newApp(db)
	app = runCmds(app, app.Init())
	app, _ = app.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var cmd tea.Cmd
		app, cmd = app.Update(tea.KeyMsg{Type: tea.KeyCtrlR})
		app = runCmds(app, cmd)
		if !strings.Contains(app.View(), "Đến hạn hôm nay") {
			b.Fatalf("no agenda:\n%s", app.View())
		}
	}
}

// BenchmarkPrintDossierRegister: the dossier register of the last month
// (every dossier received in it) built and written as a printable page.
func BenchmarkPrintDossierRegister(b *testing.B) {
	db := open(b)
	defer db.Close()
	st := db.For("bench")
	cat := i18n.New(i18n.Vietnamese)
	p := model.MonthPeriod(2026, time.October)
	for _, f := range []printout.Format{printout.FormatHTML, printout.FormatPDF} {
		b.Run(string(f), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				x, err := printout.NewContext(st, cat, End)
				if err != nil {
					b.Fatal(err)
				}
				doc, err := printout.Register(st, x, printout.FormDossierRegister, p)
				if err != nil {
					b.Fatal(err)
				}
				var buf countingWriter
				if err := doc.Write(&buf, f); err != nil {
					b.Fatal(err)
				}
				if i == 0 {
					b.ReportMetric(float64(len(doc.Blocks[0].Rows)), "rows")
					b.ReportMetric(float64(buf)/1e6, "MB")
				}
			}
		})
	}
}

// countingWriter counts what is written to it.
type countingWriter int

func (w *countingWriter) Write(p []byte) (int, error) {
	*w += countingWriter(len(p))
	return len(p), nil
}
