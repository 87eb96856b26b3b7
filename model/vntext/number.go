package vntext

import (
	"math"
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

// Percent formats a share (0.987) as "98,7%": one decimal, comma separator,
// rounded half away from zero. A share of exactly 1 is "100%", 0 is "0%".
func Percent(share float64) string {
	v := math.Round(share*1000) / 10
	s := strconv.FormatFloat(v, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	return strings.Replace(s, ".", ",", 1) + "%"
}
