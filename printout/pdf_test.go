package printout_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tiepdan/tiepdan/model/vntext"
	"github.com/tiepdan/tiepdan/printout"
)

// pdfRead writes b to a file and reads it back with poppler (pdftotext,
// pdfinfo), as a person's viewer would see it: the text, laid out, and the
// document's information (pages, page size, creation date).
func pdfRead(t *testing.T, b []byte) (text, info string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (Debian poppler-utils; .ci/run installs it): %v", err)
	}
	inf, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	return string(out), string(inf)
}

// TestFormsAsPDF renders every form as a PDF and reads it back: the
// heading of an official paper, the place and the zero-padded date, the
// title, the names and figures, the paper size, and the page numbers of a
// register from page 2 on.
func TestFormsAsPDF(t *testing.T) {
	for name, doc := range forms(t) {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := doc.Write(&buf, printout.FormatPDF); err != nil {
				t.Fatal(err)
			}
			if doc.FileName(printout.FormatPDF) != doc.FileStem+".pdf" {
				t.Errorf("file name %s", doc.FileName(printout.FormatPDF))
			}
			text, info := pdfRead(t, buf.Bytes())
			flat := strings.Join(strings.Fields(text), " ")
			want := []string{"UBND TỈNH THANH HÓA", "UBND XÃ QUANG TRUNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
				"Độc lập - Tự do - Hạnh phúc", doc.PlaceDate, strings.ToUpper(doc.Title)}
			if !regexp.MustCompile(`ngày \d\d tháng (0[12]|1[0-2]|[3-9]) năm \d{4}`).MatchString(doc.PlaceDate) {
				t.Errorf("date line %q is not as Nghị định 30 writes it", doc.PlaceDate)
			}
			switch name {
			case "slip":
				want = append(want, "Đỗ Thị Mai", "QT-260213-0042", "Chứng thực bản sao từ bản chính", "16 giờ 00 phút, ngày 26/02/2026")
			case "dossier-register":
				want = append(want, "Đỗ Thị Mai", "QT-261005-0311", "QT-260213-0042")
			case "reception-register":
				want = append(want, "Chuyển đơn:", "Thanh tra", "ĐTC-07", "Đơn số 7;") // cells interleave line by line
			}
			for _, w := range want {
				if !strings.Contains(flat, w) {
					t.Errorf("lacks %q:\n%s", w, text)
				}
			}
			size := "841.89 x 595.28" // A4 landscape
			if doc.Size == printout.A5 {
				size = "420.94 x 595.28"
			}
			if !strings.Contains(info, size) {
				t.Errorf("page size is not %s:\n%s", size, info)
			}
			if !strings.Contains(info, "CreationDate") || !strings.Contains(info, "2026") {
				t.Errorf("no creation date of the day it was made:\n%s", info)
			}
		})
	}
}

// TestRegisterPDFRepeatsItsHeading: a register longer than a page repeats
// its column heads on every page, numbers its pages from 2 on and never
// splits a row.
func TestRegisterPDFRepeatsItsHeading(t *testing.T) {
	doc := forms(t)["dossier-register"]
	grid := &doc.Blocks[len(doc.Blocks)-1]
	for len(grid.Rows) < 80 {
		grid.Rows = append(grid.Rows, grid.Rows[len(grid.Rows)%2])
	}
	var buf bytes.Buffer
	if err := doc.WritePDF(&buf); err != nil {
		t.Fatal(err)
	}
	text, info := pdfRead(t, buf.Bytes())
	pages := strings.Split(text, "\f")
	if !strings.Contains(info, "Pages:") || len(pages) < 3 {
		t.Fatalf("%d pages for 80 rows", len(pages))
	}
	head := grid.Cols[1].Head
	for i, p := range pages[:len(pages)-1] {
		if !strings.Contains(p, head) {
			t.Errorf("page %d lacks the column head %q", i+1, head)
		}
		if i > 0 && !strings.HasPrefix(strings.TrimSpace(p), vntext.Int(i+1)) {
			t.Errorf("page %d does not start with its number:\n%.200s", i+1, p)
		}
	}
}

func TestDayMonthPadding(t *testing.T) {
	for _, c := range []struct {
		d, m         int
		wantD, wantM string
	}{{2, 12, "02", "12"}, {5, 1, "05", "01"}, {15, 2, "15", "02"}, {15, 3, "15", "3"}, {10, 10, "10", "10"}} {
		if d, m := vntext.DayMonth(c.d, c.m); d != c.wantD || m != c.wantM {
			t.Errorf("DayMonth(%d, %d) = %s, %s; want %s, %s", c.d, c.m, d, m, c.wantD, c.wantM)
		}
	}
}

// TestWideTableBreaksOnlyBetweenWords: a table of twenty columns, as the
// report's appendix has, breaks its heads between words only ("Kỳ trước
// chuyển sang", never "trướ c"), and keeps every figure ("91,4%") whole.
func TestWideTableBreaksOnlyBetweenWords(t *testing.T) {
	heads := []string{"Chỉ tiêu", "Tổng số", "Kỳ trước chuyển sang", "Mới tiếp nhận", "Trực tiếp",
		"Trực tuyến", "Bưu chính công ích", "Bưu điện thường", "Đã giải quyết", "Trước hạn",
		"Đúng hạn", "Quá hạn", "Tỷ lệ trước và đúng hạn", "Từ chối giải quyết", "Công dân rút hồ sơ",
		"Đang giải quyết", "Đang giải quyết trong hạn", "Đang giải quyết quá hạn"}
	row := []string{"Tổng cộng", "1.211", "179", "1.032", "560", "452", "19", "1", "1.024", "788",
		"148", "88", "91,4%", "4", "3", "180", "108", "72"}
	var cols []printout.Col
	for _, h := range heads {
		cols = append(cols, printout.Col{Head: h})
	}
	doc := printout.Doc{Size: printout.A4, Title: "BÁO CÁO", Blocks: []printout.Block{
		{Kind: printout.Break, Value: "L"},
		{Kind: printout.Grid, Cols: cols, Rows: [][]string{row}},
	}}
	var buf bytes.Buffer
	if err := doc.WritePDF(&buf); err != nil {
		t.Fatal(err)
	}
	text, _ := pdfRead(t, buf.Bytes())
	tokens := map[string]bool{}
	for _, w := range strings.Fields(text) {
		tokens[w] = true
	}
	for _, h := range append(heads, row...) {
		for _, w := range strings.Fields(h) {
			if !tokens[w] {
				t.Errorf("%q is broken inside a word (%q)", w, h)
			}
		}
	}
}
