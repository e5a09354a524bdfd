package main

import (
	"flag"
	"io"
	"slices"
	"testing"
)

func TestParseInterspersed(t *testing.T) {
	tests := []struct {
		name string
		args []string
		pos  []string
		json bool
	}{
		{"flag first", []string{"--json", "a", "b"}, []string{"a", "b"}, true},
		{"flag between", []string{"a", "--json", "b"}, []string{"a", "b"}, true},
		{"flag last", []string{"a", "b", "--json"}, []string{"a", "b"}, true},
		{"no flag", []string{"a"}, []string{"a"}, false},
		{"nothing", nil, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := flag.NewFlagSet("t", flag.ContinueOnError)
			json := fs.Bool("json", false, "")
			pos, err := parseInterspersed(fs, tt.args)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(pos, tt.pos) || *json != tt.json {
				t.Errorf("got %q json=%v, want %q json=%v", pos, *json, tt.pos, tt.json)
			}
		})
	}
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if _, err := parseInterspersed(fs, []string{"a", "--nope"}); err == nil {
		t.Error("an unknown flag after a positional argument: no error")
	}
}
