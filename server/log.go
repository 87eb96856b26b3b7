package server

import (
	"io"
	"log/slog"

	"github.com/tiepdan/tiepdan/model"
)

// NewLog is the server's log: text lines whose times are the office's
// (UTC+7, as every screen shows them), not the machine's zone.
func NewLog(w io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey && len(groups) == 0 && a.Value.Kind() == slog.KindTime {
				a.Value = slog.TimeValue(a.Value.Time().In(model.VN))
			}
			return a
		},
	}))
}
