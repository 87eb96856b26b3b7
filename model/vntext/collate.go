package vntext

import (
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Collator orders strings the Vietnamese way (a ă â b c d đ e ê …, tones after
// letters). A Collator is not safe for concurrent use: make one per sort.
type Collator struct {
	c *collate.Collator
}

// NewCollator returns a Vietnamese collator.
func NewCollator() *Collator {
	return &Collator{c: collate.New(language.Vietnamese)}
}

// Compare orders a and b in Vietnamese alphabetical order.
func (c *Collator) Compare(a, b string) int {
	return c.c.CompareString(a, b)
}

// CompareNames orders personal names as Vietnamese registers do: by the given
// name (the last word) first, then by the whole name, so "Trần Văn An" comes
// before "Lê Thị Bình".
func (c *Collator) CompareNames(a, b string) int {
	if r := c.c.CompareString(lastWord(a), lastWord(b)); r != 0 {
		return r
	}
	return c.c.CompareString(a, b)
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}
