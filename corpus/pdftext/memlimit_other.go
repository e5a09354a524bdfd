//go:build !linux

package pdftext

import "errors"

// limitMemory is unsupported off Linux: the child then runs with
// GOMEMLIMIT only, and failures say so.
func limitMemory(pid int, limit int64) error {
	return errors.New("no address-space limit on this platform")
}
