package auth_test

import (
	"strings"
	"testing"
	"time"

	"github.com/tiepdan/tiepdan/auth"
)

// A stored hash asking for more than the program would ever make (a
// tampered account: 1 GiB, 16 passes) is refused at once, not computed.
func TestTamperedHashCostIsCapped(t *testing.T) {
	h, err := auth.HashPassword("matkhau123")
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.Split(h, "$")
	parts[3] = "m=1048576,t=16,p=1"
	start := time.Now()
	if auth.CheckPassword(strings.Join(parts, "$"), "matkhau123") {
		t.Fatal("a hash with tampered parameters logged in")
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("checking a tampered hash took %v", d)
	}
	if !auth.CheckPassword(h, "matkhau123") {
		t.Fatal("the real hash no longer checks")
	}
}
