package storage

import (
	"bytes"
	"regexp"
	"sort"
	"strconv"
	"strings"

	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/model/vntext"
)

// maxSearchScan bounds the index keys one search examines, so a keystroke
// stays fast whatever the data; results are then the first matches found.
const maxSearchScan = 200_000

// SearchCitizens finds live citizens. A query of digits (3 or more; spaces,
// dots and a +84 prefix allowed) matches ID numbers and phones by prefix.
// Otherwise every query word must be a prefix of a word of the name without
// diacritics, and a number among the words that can start a birth year
// (1966, or 19 as it is being typed) must begin the citizen's birth year;
// when nobody is born so, the number is read as part of the name. The scan
// starts from the rarest query word, found through the token counts, so
// "nguyen van an" reads the "an" entries, not "nguyen"'s.
func (s *Store) SearchCitizens(query string, limit int) ([]model.Citizen, error) {
	if limit <= 0 {
		limit = 20
	}
	query = vntext.Clean(query, false)
	if d := vntext.Digits(query); len(d) >= 3 && len(d) == len(strings.NewReplacer(" ", "", ".", "", "+", "", "-", "").Replace(query)) {
		var ids []uint64
		err := s.db.view(func(tx *bolt.Tx) error {
			ids = digitSearch(tx, d, model.NormalizePhone(query), limit)
			return nil
		})
		if err != nil {
			return nil, err
		}
		return s.loadRanked(ids, "", query, limit)
	}
	all := vntext.Tokens(query)
	toks, year := splitYear(all)
	if len(toks) == 0 {
		return nil, nil
	}
	if year != "" {
		out, err := s.searchNames(toks, year, query, limit)
		if err != nil || len(out) > 0 {
			return out, err
		}
	}
	return s.searchNames(all, "", query, limit)
}

// searchNames finds citizens whose names have every token, born in a year
// starting with year when it is set.
func (s *Store) searchNames(toks []string, year, query string, limit int) ([]model.Citizen, error) {
	want := limit * 5
	if year != "" {
		want = yearScan // most namesakes are born in other years
	}
	var ids []uint64
	err := s.db.view(func(tx *bolt.Tx) error {
		ids = nameSearch(tx, toks, want)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.loadRanked(ids, year, query, limit)
}

// loadRanked reads the citizens ids (those born in a year starting with
// year, when set) and ranks them for query.
func (s *Store) loadRanked(ids []uint64, year, query string, limit int) ([]model.Citizen, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	out := make([]model.Citizen, 0, len(ids))
	err := s.db.view(func(tx *bolt.Tx) error {
		t := tablesCitizen()
		for _, id := range ids {
			var c model.Citizen
			if err := load(tx, t, id, &c); err != nil {
				return err
			}
			if year == "" || (c.BirthYear > 0 && strings.HasPrefix(strconv.Itoa(c.BirthYear), year)) {
				out = append(out, c)
			}
		}
		return nil
	})
	rankCitizens(out, query)
	if len(out) > limit {
		out = out[:limit]
	}
	return out, err
}

func digitSearch(tx *bolt.Tx, digits, phone string, limit int) []uint64 {
	seen := map[uint64]bool{}
	var ids []uint64
	add := func(list []uint64) {
		for _, id := range list {
			if !seen[id] && len(ids) < limit {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	add(prefixIDs(tx, ixIDNum, []byte(digits), limit))
	add(prefixIDs(tx, ixPhone, []byte(phone), limit))
	return ids
}

// yearStart matches what can begin a birth year: 1, 19, 196, 1966, 2, 20…
var yearStart = regexp.MustCompile(`^(1|19|19[0-9]|19[0-9][0-9]|2|20|20[0-9]|20[0-9][0-9])$`)

// yearScan bounds the namesakes a search with a birth year reads.
const yearScan = 5000

// splitYear takes a birth year (or its first digits, as it is typed) out of
// a name search: "nguyen van binh 1966" is the name and 1966.
func splitYear(toks []string) (name []string, year string) {
	for _, t := range toks {
		if year == "" && yearStart.MatchString(t) {
			year = t
			continue
		}
		name = append(name, t)
	}
	if len(name) == 0 {
		return toks, ""
	}
	return name, year
}

func nameSearch(tx *bolt.Tx, toks []string, want int) []uint64 {
	idx := tx.Bucket(bIdx)
	counts := idx.Bucket([]byte(ixTokCount))
	// The last word may be half typed: it matches as a prefix. The others
	// are matched as prefixes too when checking, but the scan uses them
	// whole when they are the rarest, which is exact for finished words.
	best, bestN, bestPrefix := "", uint64(1<<63), false
	for i, tok := range toks {
		last := i == len(toks)-1
		var n uint64
		if last {
			n = prefixCount(counts, []byte(tok))
		} else if v := counts.Get([]byte(tok)); len(v) == 8 {
			n = beU64(v)
		}
		if !last && n == 0 {
			// A finished word nobody has: maybe a prefix after all.
			n = prefixCount(counts, []byte(tok))
			last = true
		}
		if n < bestN {
			best, bestN, bestPrefix = tok, n, last
		}
	}
	if bestN == 0 {
		return nil
	}
	prefix := []byte(best)
	if !bestPrefix {
		prefix = append(prefix, 0)
	}
	seen := map[uint64]bool{}
	var ids []uint64
	c := idx.Bucket([]byte(ixName)).Cursor()
	scanned := 0
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		if scanned++; scanned > maxSearchScan {
			break
		}
		rest := k[bytes.IndexByte(k, 0)+1:]
		full := string(rest[:len(rest)-9])
		id := beU64(k[len(k)-8:])
		if seen[id] || !matchAll(full, toks) {
			continue
		}
		seen[id] = true
		ids = append(ids, id)
		if len(ids) >= want {
			break
		}
	}
	return ids
}

// prefixCount sums the token counts of every token starting with p, stopping
// early once the sum is clearly not the smallest.
func prefixCount(counts *bolt.Bucket, p []byte) uint64 {
	var n uint64
	c := counts.Cursor()
	for k, v := c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, v = c.Next() {
		n += beU64(v)
	}
	return n
}

// matchAll reports whether every query token is a prefix of a distinct word
// of the folded full name.
func matchAll(full string, toks []string) bool {
	words := strings.Fields(full)
	used := make([]bool, len(words))
	for _, t := range toks {
		found := false
		for i, w := range words {
			if !used[i] && strings.HasPrefix(w, t) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// rankCitizens orders results: names that start with the query as typed
// (diacritics included) first, then those that start with it folded, then
// the rest, each group in Vietnamese name order.
func rankCitizens(cs []model.Citizen, query string) {
	col := vntext.NewCollator()
	exact := strings.ToLower(query)
	folded := vntext.Fold(query)
	rank := func(c model.Citizen) int {
		switch {
		case strings.HasPrefix(strings.ToLower(c.FullName), exact):
			return 0
		case strings.HasPrefix(vntext.Fold(c.FullName), folded):
			return 1
		}
		return 2
	}
	sort.SliceStable(cs, func(i, j int) bool {
		ri, rj := rank(cs[i]), rank(cs[j])
		if ri != rj {
			return ri < rj
		}
		return col.CompareNames(cs[i].FullName, cs[j].FullName) < 0
	})
}
