package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/precedent/precedent/corpus/load"
)

func TestPrintDocument(t *testing.T) {
	d, err := load.File("../../corpus/load/testdata/corpus", "ga/A_RES_88_301.json", load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := printDocument(&out, d); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"symbol:       A/RES/88/301", "date:         2033-12-14", "15 passages",
		"[operative] A/RES/88/301, para. 2 (c) (ii) (p. 3)\nTraining;", "[preambular] A/RES/88/301, preamble, para. 3 (p. 1-2)"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestExtractOptions(t *testing.T) {
	tests := []struct {
		args []string
		file string
		json bool
		ok   bool
	}{
		{[]string{"a.pdf"}, "a.pdf", false, true},
		{[]string{"a.pdf", "--json"}, "a.pdf", true, true},
		{[]string{"--json", "a.pdf"}, "a.pdf", true, true},
		{[]string{}, "", false, false},
		{[]string{"a.pdf", "b.pdf"}, "", false, false},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			var o extractOptions
			err := o.parse(tc.args)
			if (err == nil) != tc.ok || tc.ok && (o.file != tc.file || o.json != tc.json) {
				t.Errorf("parse: err %v, options %+v", err, o)
			}
		})
	}
}
