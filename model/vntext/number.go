package vntext

import (
	"strconv"
	"strings"
)

// Int formats n the Vietnamese way, with dots between thousands: 1770 gives
// "1.770".
func Int(n int) string {
	neg := n < 0
	if neg {
		n = -n
	}
	s := strconv.Itoa(n)
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	pre := len(s) % 3
	if pre > 0 {
		b.WriteString(s[:pre])
	}
	for i := pre; i < len(s); i += 3 {
		if b.Len() > 0 && !(neg && b.Len() == 1) {
			b.WriteByte('.')
		}
		b.WriteString(s[i : i+3])
	}
	return b.String()
}

// Count formats a small count as reports write it: zero-padded to two digits
// below ten ("04"), otherwise like Int ("1.770").
func Count(n int) string {
	if n >= 0 && n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return Int(n)
}

// Share formats num/den as a percentage the way reports write it: one
// decimal after a comma ("98,7%"), no ",0" ("40%"). The last decimal is cut,
// not rounded, so a share is never overstated: 2.453/2.484 is 98,75...% and
// reads "98,7%" (as in the Tam Nông report), and 999/1.000 never shows as
// "100%". A zero den gives "-": there is nothing to share.
func Share(num, den int) string {
	if den <= 0 || num < 0 {
		return "-"
	}
	per := int64(num) * 1000 / int64(den)
	s := strconv.FormatInt(per/10, 10)
	if d := per % 10; d != 0 {
		s += "," + strconv.FormatInt(d, 10)
	}
	return s + "%"
}

// DayMonth writes a date's day and month as official papers do (Nghị định
// 30/2020, Phụ lục I): a leading zero for days below 10 and for months 1
// and 2 ("ngày 05 tháng 01", "ngày 02 tháng 12", "ngày 15 tháng 3").
func DayMonth(day, month int) (string, string) {
	d, m := strconv.Itoa(day), strconv.Itoa(month)
	if day < 10 {
		d = "0" + d
	}
	if month < 3 {
		m = "0" + m
	}
	return d, m
}
