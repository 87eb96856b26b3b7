// Package calendar is the Vietnamese working calendar: the lunar calendar
// computed by the standard astronomical method for UTC+7, the public
// holidays of the Labour Code (solar and lunar), days moved off a rest day,
// the administrator's per-year overrides, and working-day arithmetic.
package calendar

import (
	"math"

	"github.com/tiepdan/tiepdan/model"
)

// The lunar calendar used in Vietnam is astronomical: a month starts on the
// day (at UTC+7) of a new moon; month 11 is the month that contains the
// winter solstice; when 13 new moons separate two months 11, the leap month
// is the first month after month 11 that contains no major solar term
// (trung khí, a multiple of 30° of the sun's longitude).
//
// The new moons and the sun's longitude come from the formulas of J. Meeus,
// Astronomical Algorithms (2nd ed., chapters 25 and 49), with ΔT from the
// Espenak-Meeus polynomials. Day numbers here are Julian day numbers.

// tz is Vietnam's offset from UTC, in days.
const tz = 7.0 / 24

const synodicMonth = 29.530588861

// julianDay returns the Julian day number of d (noon-based, integer).
func julianDay(d model.Date) int { return int(d) + 2440588 }

// dateOf returns the Date of Julian day number jd.
func dateOf(jd int) model.Date { return model.Date(jd - 2440588) }

func rad(deg float64) float64 { return deg * math.Pi / 180 }

// deltaT returns TT - UT in days for a (fractional) year, by the
// Espenak-Meeus polynomials.
func deltaT(y float64) float64 {
	var s float64
	switch {
	case y < 1900:
		u := (y - 1820) / 100
		s = -20 + 32*u*u
	case y < 1920:
		t := y - 1900
		s = -2.79 + 1.494119*t - 0.0598939*t*t + 0.0061966*t*t*t - 0.000197*t*t*t*t
	case y < 1941:
		t := y - 1920
		s = 21.20 + 0.84493*t - 0.076100*t*t + 0.0020936*t*t*t
	case y < 1961:
		t := y - 1950
		s = 29.07 + 0.407*t - t*t/233 + t*t*t/2547
	case y < 1986:
		t := y - 1975
		s = 45.45 + 1.067*t - t*t/260 - t*t*t/718
	case y < 2005:
		t := y - 2000
		s = 63.86 + 0.3345*t - 0.060374*t*t + 0.0017275*t*t*t + 0.000651814*t*t*t*t + 0.00002373599*t*t*t*t*t
	case y < 2050:
		t := y - 2000
		s = 62.92 + 0.32217*t + 0.005589*t*t
	case y < 2150:
		u := (y - 1820) / 100
		s = -20 + 32*u*u - 0.5628*(2150-y)
	default:
		u := (y - 1820) / 100
		s = -20 + 32*u*u
	}
	return s / 86400
}

// yearOf returns the approximate fractional year of a Julian date.
func yearOf(jd float64) float64 { return 2000 + (jd-2451545)/365.25 }

// newMoon returns the Julian date (UT) of new moon number k, counted from
// the new moon of 6 January 2000 (Meeus, chapter 49).
func newMoon(k int) float64 {
	kf := float64(k)
	t := kf / 1236.85
	t2, t3, t4 := t*t, t*t*t, t*t*t*t
	jde := 2451550.09766 + synodicMonth*kf + 0.00015437*t2 - 0.000000150*t3 + 0.00000000073*t4
	e := 1 - 0.002516*t - 0.0000074*t2
	m := rad(2.5534 + 29.10535670*kf - 0.0000014*t2 - 0.00000011*t3)
	mp := rad(201.5643 + 385.81693528*kf + 0.0107582*t2 + 0.00001238*t3 - 0.000000058*t4)
	f := rad(160.7108 + 390.67050284*kf - 0.0016118*t2 - 0.00000227*t3 + 0.000000011*t4)
	om := rad(124.7746 - 1.56375588*kf + 0.0020672*t2 + 0.00000215*t3)
	sin := math.Sin
	c := -0.40720*sin(mp) + 0.17241*e*sin(m) + 0.01608*sin(2*mp) + 0.01039*sin(2*f) +
		0.00739*e*sin(mp-m) - 0.00514*e*sin(mp+m) + 0.00208*e*e*sin(2*m) - 0.00111*sin(mp-2*f) -
		0.00057*sin(mp+2*f) + 0.00056*e*sin(2*mp+m) - 0.00042*sin(3*mp) + 0.00042*e*sin(m+2*f) +
		0.00038*e*sin(m-2*f) - 0.00024*e*sin(2*mp-m) - 0.00017*sin(om) - 0.00007*sin(mp+2*m) +
		0.00004*sin(2*mp-2*f) + 0.00004*sin(3*m) + 0.00003*sin(mp+m-2*f) + 0.00003*sin(2*mp+2*f) -
		0.00003*sin(mp+m+2*f) + 0.00003*sin(mp-m+2*f) - 0.00002*sin(mp-m-2*f) - 0.00002*sin(3*mp+m) +
		0.00002*sin(4*mp)
	planetary := [14][3]float64{
		{299.77, 0.107408, 0.000325}, {251.88, 0.016321, 0.000165}, {251.83, 26.651886, 0.000164},
		{349.42, 36.412478, 0.000126}, {84.66, 18.206239, 0.000110}, {141.74, 53.303771, 0.000062},
		{207.14, 2.453732, 0.000060}, {154.84, 7.306860, 0.000056}, {34.52, 27.261239, 0.000047},
		{207.19, 0.121824, 0.000042}, {291.34, 1.844379, 0.000040}, {161.72, 24.198154, 0.000037},
		{239.56, 25.513099, 0.000035}, {331.55, 3.592518, 0.000023},
	}
	for i, p := range planetary {
		a := p[0] + p[1]*kf
		if i == 0 {
			a -= 0.009173 * t2
		}
		c += p[2] * sin(rad(a))
	}
	jde += c
	return jde - deltaT(yearOf(jde))
}

// newMoonDay returns the Julian day number of the Vietnamese calendar day
// on which new moon k falls.
func newMoonDay(k int) int { return int(math.Floor(newMoon(k) + 0.5 + tz)) }

// sunLongitude returns the sun's apparent longitude in degrees [0, 360) at
// Julian date jd (UT), Meeus chapter 25 (low accuracy, about 0.01°).
func sunLongitude(jd float64) float64 {
	jde := jd + deltaT(yearOf(jd))
	t := (jde - 2451545) / 36525
	l0 := 280.46646 + 36000.76983*t + 0.0003032*t*t
	m := rad(357.52911 + 35999.05029*t - 0.0001537*t*t)
	c := (1.914602-0.004817*t-0.000014*t*t)*math.Sin(m) + (0.019993-0.000101*t)*math.Sin(2*m) +
		0.000289*math.Sin(3*m)
	om := rad(125.04 - 1934.136*t)
	l := l0 + c - 0.00569 - 0.00478*math.Sin(om)
	l = math.Mod(l, 360)
	if l < 0 {
		l += 360
	}
	return l
}

// sector returns which twelfth of the ecliptic (0-11, 30° each, 0 at the
// vernal equinox) the sun is in at the start (local midnight) of day jd.
func sector(jd int) int {
	return int(sunLongitude(float64(jd)-0.5-tz) / 30)
}

// moonIndex returns the number k of the last new moon whose day is on or
// before day jd.
func moonIndex(jd int) int {
	k := int(math.Floor((float64(jd) - 2451550.09766) / synodicMonth))
	for newMoonDay(k+1) <= jd {
		k++
	}
	for newMoonDay(k) > jd {
		k--
	}
	return k
}

// month11 returns the moon index of month 11 of the lunar year that ends
// early in solar year y+1, that is the month containing the winter solstice
// of solar year y.
func month11(y int) int {
	k := moonIndex(julianDay(model.NewDate(y, 12, 31)))
	// The solstice (270°, sector 9) falls in month k if the sun had not
	// reached it when month k began.
	if sector(newMoonDay(k)) >= 9 {
		k--
	}
	return k
}

// leapOffset returns, for a lunar year with 13 months after month 11 at
// moon index a11, the offset from a11 of the leap month: the first month
// without a major term, that is whose start and end fall in the same sector.
func leapOffset(a11 int) int {
	for i := 1; i < 14; i++ {
		if sector(newMoonDay(a11+i)) == sector(newMoonDay(a11+i+1)) {
			return i
		}
	}
	return 0
}

// LunarDate is a date of the Vietnamese lunar calendar.
type LunarDate struct {
	Year, Month, Day int
	Leap             bool
}

// Lunar returns the lunar date of d.
func Lunar(d model.Date) LunarDate {
	jd := julianDay(d)
	k := moonIndex(jd)
	y, _, _ := d.YMD()
	a11 := month11(y)
	b11 := a11
	ly := y
	if a11 > k {
		b11, a11 = a11, month11(y-1)
	} else {
		ly = y + 1
		b11 = month11(y + 1)
	}
	// a11 <= k < b11: months 11, 12, 1, … of lunar year ly (11 and 12
	// belong to ly-1).
	diff := k - a11
	month := diff + 11
	leap := false
	if b11-a11 == 13 {
		lo := leapOffset(a11)
		if diff >= lo {
			month = diff + 10
			leap = diff == lo
		}
	}
	if month > 12 {
		month -= 12
	}
	if month >= 11 && diff < 4 {
		ly--
	}
	return LunarDate{Year: ly, Month: month, Day: jd - newMoonDay(k) + 1, Leap: leap}
}

// Solar returns the solar date of lunar day l, and false when no such day
// exists (a leap month that year does not have, or a day 30 of a month of 29).
func Solar(l LunarDate) (model.Date, bool) {
	if l.Month < 1 || l.Month > 12 || l.Day < 1 || l.Day > 30 {
		return 0, false
	}
	var a11, b11 int
	if l.Month < 11 {
		a11, b11 = month11(l.Year-1), month11(l.Year)
	} else {
		a11, b11 = month11(l.Year), month11(l.Year+1)
	}
	off := l.Month - 11
	if off < 0 {
		off += 12
	}
	if b11-a11 == 13 {
		lo := leapOffset(a11)
		leapMonth := (lo + 10) % 12 // the month the leap month repeats
		if leapMonth == 0 {
			leapMonth = 12
		}
		switch {
		case l.Leap && l.Month != leapMonth:
			return 0, false
		case l.Leap || off >= lo:
			off++
		}
	} else if l.Leap {
		return 0, false
	}
	k := a11 + off
	start := newMoonDay(k)
	if l.Day > newMoonDay(k+1)-start {
		return 0, false
	}
	return dateOf(start + l.Day - 1), true
}

// LeapMonth returns the month that lunar year y repeats, or 0.
func LeapMonth(y int) int {
	// Months 1-10 of y lie between month 11 of y-1 and month 11 of y;
	// months 11 and 12 of y after month 11 of y.
	for _, span := range [2]int{y - 1, y} {
		a11, b11 := month11(span), month11(span+1)
		if b11-a11 != 13 {
			continue
		}
		m := (leapOffset(a11) + 10) % 12
		if m == 0 {
			m = 12
		}
		if (span == y-1) == (m <= 10) {
			return m
		}
	}
	return 0
}
