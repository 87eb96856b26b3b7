package main

import (
	"os/exec"
	"runtime"
)

// openForPrint hands a PDF on the desk's own PC to be printed: straight to
// the printer the office settings name (CUPS' lp on Linux and macOS;
// Windows prints to its default printer through the PDF reader), or else
// opened in the PC's default viewer, ready to print. It returns at once;
// printed reports whether it went to a printer.
func openForPrint(path, printer string) (printed bool, err error) {
	var cmd *exec.Cmd
	switch {
	case printer != "" && runtime.GOOS == "windows":
		cmd = exec.Command("powershell", "-NoProfile", "-Command", "Start-Process", "-FilePath", path, "-Verb", "Print")
	case printer != "":
		cmd = exec.Command("lp", "-d", printer, path)
	case runtime.GOOS == "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", path)
	case runtime.GOOS == "darwin":
		cmd = exec.Command("open", path)
	default:
		cmd = exec.Command("xdg-open", path)
	}
	if err := cmd.Start(); err != nil {
		return false, err
	}
	go func() { _ = cmd.Wait() }() // reap it; the viewer lives on its own
	return printer != "", nil
}
