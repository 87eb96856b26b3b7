package server_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/tiepdan/tiepdan/server"
)

// The server's log writes its times in the office's time (UTC+7), as the
// screens show them, whatever the machine's zone.
func TestLogTimesAreOfficeTime(t *testing.T) {
	var buf bytes.Buffer
	server.NewLog(&buf).Info("phiên mở", "user", "an")
	line := buf.String()
	i := strings.Index(line, "time=")
	if i < 0 {
		t.Fatalf("no time in %q", line)
	}
	stamp := strings.Fields(line[i+len("time="):])[0]
	at, err := time.Parse(time.RFC3339Nano, stamp)
	if err != nil {
		t.Fatalf("time %q: %v", stamp, err)
	}
	if _, off := at.Zone(); off != 7*3600 {
		t.Errorf("log time %q is not UTC+7", stamp)
	}
	if d := time.Since(at); d < 0 || d > time.Minute {
		t.Errorf("log time %q is not now", stamp)
	}
}
