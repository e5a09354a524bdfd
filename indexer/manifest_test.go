package indexer

import (
	"bytes"
	"strings"
	"testing"

	"github.com/precedent/precedent/corpus/lineage"
)

// records writes records to a gzip stream in memory and returns a reader
// of it, giving kept records families from fams (nil for none).
func records(t *testing.T, fams *lineage.Membership, recs ...fileRecord) *recordReader {
	t.Helper()
	var b bytes.Buffer
	w := newRecordWriter(&b)
	for i := range recs {
		if err := w.write(&recs[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.close(); err != nil {
		t.Fatal(err)
	}
	r, err := newRecordReader(&b, fams)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestJoin: join pairs the records of each path of two streams, gives
// this run's kept records their families in passage order, and reads an
// empty side as no records.
func TestJoin(t *testing.T) {
	fams := &lineage.Membership{IDs: []string{"fam-x", "fam-y"}, Number: []uint32{1, 0, 2, 1}}
	prev := records(t, nil,
		fileRecord{Path: "a.txt", Key: "1", Document: "A", Passages: 1, Families: []string{""}},
		fileRecord{Path: "c.txt", Key: "3"},
		fileRecord{Path: "d.txt", Key: "4", Document: "D", Passages: 2})
	next := records(t, fams,
		fileRecord{Path: "b.txt", Key: "2", Document: "B", Passages: 3},
		fileRecord{Path: "c.txt", Key: "3"},
		fileRecord{Path: "e.txt", Key: "5", Document: "E", Passages: 1})
	var got []string
	err := join(prev, next, func(old, cur *fileRecord) error {
		s := "-"
		if old != nil {
			s = old.Path
		}
		s += " "
		if cur != nil {
			s += cur.Path + " " + strings.Join(cur.Families, ",")
		} else {
			s += "-"
		}
		got = append(got, s)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a.txt -", "- b.txt fam-x,,fam-y", "c.txt c.txt ", "d.txt -", "- e.txt fam-x"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("join gave\n%q\nwant\n%q", got, want)
	}
	if err := join(nil, nil, func(*fileRecord, *fileRecord) error { t.Error("called on no records"); return nil }); err != nil {
		t.Error(err)
	}
}

// TestRecordsRefuseDisorder: records out of path order, or with families
// that do not match their passages or the lineage's count, are errors,
// not a wrong update.
func TestRecordsRefuseDisorder(t *testing.T) {
	var b bytes.Buffer
	w := newRecordWriter(&b)
	if err := w.write(&fileRecord{Path: "b"}); err != nil {
		t.Fatal(err)
	}
	if err := w.write(&fileRecord{Path: "a"}); err == nil {
		t.Error("the writer took a path out of order")
	}
	for name, tc := range map[string]struct {
		fams *lineage.Membership
		recs []fileRecord
		want string
	}{
		"order":             {nil, []fileRecord{{Path: "b"}, {Path: "b"}}, "b after b"},
		"families":          {nil, []fileRecord{{Path: "a", Document: "A", Passages: 2, Families: []string{"fam-x"}}}, "1 families for 2 passages"},
		"lineage too short": {&lineage.Membership{IDs: []string{"f"}, Number: []uint32{1}}, []fileRecord{{Path: "a", Document: "A", Passages: 2}}, "1 families for more"},
		"lineage too long":  {&lineage.Membership{IDs: []string{"f"}, Number: []uint32{1, 1, 1}}, []fileRecord{{Path: "a", Document: "A", Passages: 2}}, "3 families for 2 passages"},
	} {
		var b bytes.Buffer
		zw := newRecordWriter(&b)
		for i := range tc.recs {
			zw.enc.Encode(&tc.recs[i]) // past the writer's own check
		}
		zw.close()
		r, err := newRecordReader(&b, tc.fams)
		if err != nil {
			t.Fatal(err)
		}
		err = join(nil, r, func(*fileRecord, *fileRecord) error { return nil })
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want an error with %q", name, err, tc.want)
		}
	}
}
