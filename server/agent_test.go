package server_test

import (
	"testing"
)

// A request to forward the client's key agent is refused, as X11 and port
// forwarding are, and the session works on.
func TestAgentForwardingRefused(t *testing.T) {
	f := start(t, nil)
	c := f.keyLogin("binh")
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	ok, err := s.SendRequest("auth-agent-req@openssh.com", true, nil)
	if err != nil || ok {
		t.Fatalf("agent forwarding answered %v (%v), want a refusal", ok, err)
	}
	s.Close()
	tm := f.open(c)
	tm.waitFor("Hôm nay")
}
