package pdftext

import "golang.org/x/sys/unix"

// limitMemory caps the address space of process pid.
func limitMemory(pid int, limit int64) error {
	lim := &unix.Rlimit{Cur: uint64(limit), Max: uint64(limit)}
	return unix.Prlimit(pid, unix.RLIMIT_AS, lim, nil)
}
