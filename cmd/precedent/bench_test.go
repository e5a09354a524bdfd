package main

import (
	"slices"
	"testing"
)

func TestBenchScales(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want []int
		bad  bool
	}{
		{"default", nil, []int{1, 10, 125}, false},
		{"list", []string{"--scale", "1, 10,124"}, []int{1, 10, 124}, false},
		{"quick overrides", []string{"--quick", "--scale", "10"}, []int{1}, false},
		{"zero", []string{"--scale", "0"}, nil, true},
		{"word", []string{"--scale", "ten"}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var o benchOptions
			if err := o.parse(tt.args); err != nil {
				t.Fatal(err)
			}
			got, err := o.scaleList()
			if (err != nil) != tt.bad || !slices.Equal(got, tt.want) {
				t.Errorf("scaleList() = %v, %v; want %v (error: %v)", got, err, tt.want, tt.bad)
			}
		})
	}
}
