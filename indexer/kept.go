package indexer

import (
	"crypto/sha256"
	"encoding/binary"

	"github.com/precedent/precedent/internal/mapped"
)

// The keys under which keptDocuments remembers a document.
const (
	byContent = "content"             // the file's content hash
	bySymbol  = "symbol and language" // its symbol and language
	byID      = "document id"         // its document id
)

// keptDocuments remembers the documents a run keeps, to find duplicates
// among the files that follow: each document under up to three keys, as
// the first 128 bits of the key's SHA-256, with the number of its file in
// the run's listing. It is an open-addressing table sized for the listing
// and mapped outside the heap (package mapped), so the heap does not grow
// with the corpus. Two keys sharing 128 bits (a chance of about n²/2¹²⁹
// for n keys) would make a document pass for a duplicate.
type keptDocuments struct {
	slots  []keptSlot // a power of two of them
	arrays mapped.Arrays
}

type keptSlot struct {
	key  [2]uint64
	file uint32 // the kept file's number + 1; 0 marks an empty slot
}

// newKeptDocuments makes a table for the documents of files files, mapped
// in dir ("" for the heap).
func newKeptDocuments(dir string, files int) (*keptDocuments, error) {
	n := 8
	for n < 4*files { // three keys a file at most: under three quarters full
		n *= 2
	}
	k := &keptDocuments{arrays: mapped.Arrays{Dir: dir}}
	var err error
	if k.slots, err = mapped.Make[keptSlot](&k.arrays, n); err != nil {
		k.arrays.Release()
		return nil, err
	}
	return k, nil
}

// find returns the number of the file kept under the key kind and value.
func (k *keptDocuments) find(kind, value string) (file int, ok bool) {
	key := keptKey(kind, value)
	for i := k.home(key); ; i = (i + 1) & (len(k.slots) - 1) {
		switch s := &k.slots[i]; {
		case s.file == 0:
			return 0, false
		case s.key == key:
			return int(s.file - 1), true
		}
	}
}

// add remembers file under the key kind and value, unless a file is
// already remembered under it.
func (k *keptDocuments) add(kind, value string, file int) {
	key := keptKey(kind, value)
	for i := k.home(key); ; i = (i + 1) & (len(k.slots) - 1) {
		switch s := &k.slots[i]; {
		case s.file == 0:
			*s = keptSlot{key: key, file: uint32(file + 1)}
			return
		case s.key == key:
			return
		}
	}
}

func (k *keptDocuments) home(key [2]uint64) int {
	return int(key[0] & uint64(len(k.slots)-1))
}

func keptKey(kind, value string) [2]uint64 {
	h := sha256.New()
	h.Write([]byte(kind))
	h.Write([]byte{0})
	h.Write([]byte(value))
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return [2]uint64{binary.LittleEndian.Uint64(sum[:8]), binary.LittleEndian.Uint64(sum[8:16])}
}

// release deletes the table.
func (k *keptDocuments) release() error { return k.arrays.Release() }
