package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// demoDB makes a small synthetic office once per test.
func demoDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "office.db")
	var out, errOut bytes.Buffer
	if code := run([]string{"demo", "--db", path, "--records", "3000", "--seed", "3"}, &out, &errOut); code != 0 {
		t.Fatalf("demo: %d %s", code, errOut.String())
	}
	return path
}

func TestReportCommandFormats(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	y, m, _ := time.Now().AddDate(0, -1, 0).Date()
	period := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).Format("2006-01")
	for _, tc := range []struct {
		format string
		check  func(t *testing.T, b []byte)
	}{
		{"text", func(t *testing.T, b []byte) {
			if !bytes.Contains(b, []byte("I. GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH")) {
				t.Errorf("text lacks the first section:\n%s", b)
			}
		}},
		{"prose", func(t *testing.T, b []byte) {
			if !bytes.Contains(b, []byte("Tổng số hồ sơ yêu cầu giải quyết TTHC từ ")) {
				t.Errorf("prose: %s", b)
			}
		}},
		{"csv", func(t *testing.T, b []byte) {
			if !bytes.HasPrefix(b, []byte("\ufeff")) {
				t.Error("csv without BOM")
			}
		}},
		{"html", func(t *testing.T, b []byte) {
			if !bytes.Contains(b, []byte("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")) {
				t.Error("html without the national heading")
			}
		}},
		{"xlsx", func(t *testing.T, b []byte) {
			f, err := excelize.OpenReader(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if l := f.GetSheetList(); len(l) < 5 || l[0] != "Báo cáo" || l[len(l)-1] != "Kiểm tra số liệu" {
				t.Errorf("sheets %v", l)
			}
		}},
	} {
		t.Run(tc.format, func(t *testing.T) {
			out := filepath.Join(dir, "bc."+tc.format)
			var stdout, stderr bytes.Buffer
			code := run([]string{"report", "--db", db, "--period", period, "--format", tc.format, "-o", out}, &stdout, &stderr)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			if !strings.Contains(stdout.String(), "Đã ghi báo cáo vào tệp") || !strings.Contains(stdout.String(), out) {
				t.Errorf("says %q", stdout.String())
			}
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			tc.check(t, b)
			// Standard output gets the same bytes.
			stdout.Reset()
			if code := run([]string{"report", "--db", db, "--period", period, "--format", tc.format}, &stdout, &stderr); code != 0 {
				t.Fatalf("to stdout: exit %d", code)
			}
			if tc.format != "xlsx" && !bytes.Equal(stdout.Bytes(), b) {
				t.Error("standard output differs from the file")
			}
		})
	}
	// -o naming a folder writes the default file name into it.
	var stdout, stderr bytes.Buffer
	if code := run([]string{"report", "--db", db, "--period", "2026-Q3", "--format", "csv", "-o", dir}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "baocao-2026-Q3.csv")); err != nil {
		t.Error(err)
	}
}

func TestReportCommandRefuses(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "x.txt")
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"month 13", []string{"--period", "2026-13"}, 2, "Kỳ báo cáo \"2026-13\" không đúng: tháng phải từ 01 đến 12"},
		{"quarter 5", []string{"--period", "2026-Q5"}, 2, "quý phải từ Q1 đến Q4"},
		{"range backwards", []string{"--period", "31/10/2026..01/10/2026"}, 2, "ngày kết thúc đứng trước ngày bắt đầu"},
		{"garbage", []string{"--period", "tháng mười"}, 2, "năm phải có 4 chữ số"},
		{"bad date in range", []string{"--period", "2026-10-01..2026-02-30"}, 2, "ngày kết thúc của khoảng thời gian không đúng"},
		{"unknown format", []string{"--format", "docx"}, 2, "Định dạng \"docx\" không có"},
		{"missing folder", []string{"-o", filepath.Join(dir, "khong", "co", "bc.txt")}, 1, "thư mục " + filepath.Join(dir, "khong", "co") + " không tồn tại"},
		{"missing database", []string{"--db", filepath.Join(dir, "nham.db")}, 1, "Không có tệp dữ liệu"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"report", "--db", db, "-o", out}, tc.args...)
			var stdout, stderr bytes.Buffer
			if code := run(args, &stdout, &stderr); code != tc.code {
				t.Errorf("exit %d, want %d (%s)", code, tc.code, stderr.String())
			}
			if !strings.Contains(stderr.String(), tc.want) {
				t.Errorf("message %q lacks %q", stderr.String(), tc.want)
			}
			left, _ := os.ReadDir(dir)
			if len(left) != 0 {
				t.Errorf("left behind: %v", left)
			}
		})
	}
}

// TestReportOfficialWindow: "--period 2022-H1 --window official" is the
// official half-year, headed as offices write it with its dates; a bad
// window is refused with the reason, exit 2.
func TestReportOfficialWindow(t *testing.T) {
	db := demoDB(t)
	var out, errOut bytes.Buffer
	if code := run([]string{"report", "--db", db, "--period", "2022-H1", "--window", "official"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	text := strings.Join(strings.Fields(out.String()), " ")
	for _, want := range []string{"6 tháng đầu năm 2022", "(số liệu từ ngày 15/12/2021 đến ngày 14/06/2022)",
		"Từ ngày 15/12/2021 đến ngày 14/06/2022,"} {
		if !strings.Contains(text, want) {
			t.Errorf("lacks %q:\n%s", want, out.String())
		}
	}
	out.Reset()
	if code := run([]string{"report", "--db", db, "--period", "2026-9M", "--window", "calendar", "--format", "prose"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "từ 01/01/2026 đến 30/09/2026") {
		t.Errorf("9 months, calendar: %s", out.String())
	}
	errOut.Reset()
	if code := run([]string{"report", "--db", db, "--period", "2022-H1", "--window", "15-14"}, &out, &errOut); code != 2 ||
		!strings.Contains(errOut.String(), "Kỳ số liệu \"15-14\" không đúng") {
		t.Errorf("bad window: exit %d, %q", code, errOut.String())
	}
}

// TestReportPDF: the written report of a period as a PDF, read back with
// poppler: the heading of an official paper with the zero-padded date, the
// title and period, the numbered parts with their figures, the recipients
// and the signer, then the tables on landscape pages, the national forms
// among them.
func TestReportPDF(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	if code := run([]string{"report", "--db", db, "--period", "2026-H1", "--window", "official", "--format", "pdf", "-o", dir},
		&out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	pdf := filepath.Join(dir, "baocao-2026-H1-chinhthuc.pdf")
	text, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	flat := strings.Join(strings.Fields(string(text)), " ")
	for _, want := range []string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: /BC-UBND", "BÁO CÁO",
		"6 tháng đầu năm 2026", "(số liệu từ ngày 15/12/2025 đến ngày 14/06/2026)",
		"I. GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", "II. TIẾP CÔNG DÂN", "III. TIẾP NHẬN, XỬ LÝ ĐƠN THƯ",
		"Tổng số hồ sơ yêu cầu giải quyết TTHC từ 15/12/2025 đến 14/06/2026", "Nơi nhận:", "Lưu: VT.",
		"TM. ỦY BAN NHÂN DÂN", "PHỤ LỤC: CÁC BẢNG SỐ LIỆU", "01/TCD", "II.06a"} {
		if !strings.Contains(flat, want) {
			t.Errorf("report PDF lacks %q", want)
		}
	}
	if !regexp.MustCompile(`ngày \d\d tháng (0[12]|1[0-2]|[3-9]) năm 20\d\d`).MatchString(flat) {
		t.Errorf("no date line as Nghị định 30 writes it")
	}
	info, err := exec.Command("pdfinfo", "-f", "1", "-l", "99", pdf).Output()
	if err != nil || !regexp.MustCompile(`Page +1 size: +595.28 x 841.89`).Match(info) ||
		!regexp.MustCompile(`Page +3 size: +841.89 x 595.28`).Match(info) {
		t.Errorf("pages: the report on A4 portrait, the appendix landscape: %v\n%s", err, info)
	}
}
