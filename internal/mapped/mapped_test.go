package mapped

import (
	"os"
	"testing"
)

// TestArrays: mapped arrays start as zeros, keep what is written, leave no
// file visible in their directory, and are released.
func TestArrays(t *testing.T) {
	type entry struct {
		hash uint64
		item int32
	}
	dir := t.TempDir()
	a := Arrays{Dir: dir}
	ints, err := Make[int32](&a, 5000)
	if err != nil {
		t.Fatal(err)
	}
	entries, err := Make[entry](&a, 3)
	if err != nil {
		t.Fatal(err)
	}
	for i := range ints {
		if ints[i] != 0 {
			t.Fatalf("ints[%d] = %d, want a zero start", i, ints[i])
		}
		ints[i] = int32(i)
	}
	entries[2] = entry{hash: 1 << 63, item: -7}
	if ints[4999] != 4999 || entries[2].item != -7 || entries[2].hash != 1<<63 || entries[0] != (entry{}) {
		t.Errorf("read back %d, %+v, %+v", ints[4999], entries[2], entries[0])
	}
	if left, _ := os.ReadDir(dir); len(left) > 0 {
		t.Errorf("array files are visible in %s: %v", dir, left)
	}
	if len(a.maps) != 2 {
		t.Errorf("%d mappings, want one per array", len(a.maps))
	}
	if err := a.Release(); err != nil || a.maps != nil || a.files != nil {
		t.Errorf("Release: %v, %d maps and %d files left", err, len(a.maps), len(a.files))
	}
	if heap, err := Make[uint64](&Arrays{}, 4); err != nil || len(heap) != 4 {
		t.Errorf("without a directory: %v, %d values", err, len(heap))
	}
}
