//go:build !linux

package pdftext

import "errors"

// residentBytes is unavailable off Linux; the child then runs under
// GOMEMLIMIT only.
func residentBytes(pid int) (int64, error) {
	return 0, errors.New("no resident-memory reading on this platform")
}
