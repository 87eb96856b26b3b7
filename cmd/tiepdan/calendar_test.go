package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/storage"
)

func TestCalendarCommand(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"calendar", "2024"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, want := range []string{
		"2024-02-09  Thứ Sáu   Tết Nguyên đán, ngày cuối năm (30/12 âm lịch)",
		"2024-02-10  Thứ Bảy   Tết Nguyên đán, mùng 1 (1/1 âm lịch) (trùng ngày nghỉ hằng tuần)",
		"2024-02-14  Thứ Tư    Nghỉ bù: Tết Nguyên đán, mùng 1",
		"2024-04-18  Thứ Năm   Giỗ Tổ Hùng Vương (10/3 âm lịch)",
		"2024-09-03  Thứ Ba    Quốc khánh, ngày liền kề",
		"Tháng 02   16", // 21 weekdays - 5 days off
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("lacks %q:\n%s", want, out.String())
		}
	}

	// The office's overrides: the PM's 2024 Tết was 8-14/2.
	path := filepath.Join(t.TempDir(), "cal.db")
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st := db.For("quantri")
	o, _ := st.Office()
	o.Name, o.Place = "UBND xã Quang Trung", "Quang Trung"
	o.DayOverrides = []model.DayOverride{
		{Date: model.NewDate(2024, 2, 15), Kind: model.WorkDay},
		{Date: model.NewDate(2024, 5, 4), Kind: model.WorkDay, Note: "Làm bù cho 2/5"},
		{Date: model.NewDate(2024, 2, 8), Kind: model.DayOff, Note: "Thông báo 6150/TB-BLĐTBXH"},
	}
	if err := st.SaveOffice(&o); err != nil {
		t.Fatal(err)
	}
	db.Close()
	out.Reset()
	if code := run([]string{"calendar", "--db", path, "2024"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	s := out.String()
	if !strings.Contains(s, "Lịch làm việc năm 2024 của UBND xã Quang Trung") ||
		!strings.Contains(s, "2024-02-08  Thứ Năm   Ngày nghỉ do cơ quan đặt — Thông báo 6150/TB-BLĐTBXH") ||
		strings.Contains(s, "2024-02-15") || !strings.Contains(s, "Tháng 02   16") ||
		!strings.Contains(s, "2024-05-04  Thứ Bảy  Làm bù cho 2/5") {
		t.Errorf("with overrides:\n%s", s)
	}

	for _, bad := range [][]string{{"calendar", "0"}, {"calendar", "99999"}, {"calendar", "năm"}, {"calendar"}} {
		errb.Reset()
		if code := run(bad, &out, &errb); code != 2 || errb.Len() == 0 {
			t.Errorf("%v: exit %d, %q", bad, code, errb.String())
		}
	}
	if code := run([]string{"calendar", "--db", filepath.Join(t.TempDir(), "none.db"), "2026"}, &out, &errb); code != 1 {
		t.Errorf("a missing database: exit %d", code)
	}
}

func TestOfficeRefusesBadOverrides(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cal.db")
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	st := db.For("quantri")
	o, _ := st.Office()
	o.Name, o.Place = "UBND xã Quang Trung", "Quang Trung"
	if err := st.SaveOffice(&o); err != nil {
		t.Fatal(err)
	}
	for _, bad := range [][]model.DayOverride{
		{{Date: model.NewDate(1800, 1, 1), Kind: model.DayOff}},
		{{Date: model.NewDate(2026, 1, 2), Kind: "holiday"}},
		{{Date: model.NewDate(2026, 1, 2), Kind: model.DayOff}, {Date: model.NewDate(2026, 1, 2), Kind: model.WorkDay}},
	} {
		o2 := o
		o2.DayOverrides = bad
		if err := st.SaveOffice(&o2); err == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
	if got, _ := st.Office(); len(got.DayOverrides) != 0 || got.Version != o.Version {
		t.Fatalf("a refused save changed the settings: %+v", got)
	}
}
