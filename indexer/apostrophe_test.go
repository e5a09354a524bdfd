package indexer

import "testing"

func TestApostropheFilter(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"right quote", "Ruritania\u2019s view", "Ruritania's view"},
		{"every look-alike", "a\u2018b\u02bcc`d\u00b4e", "a'b'c'd'e"},
		{"straight apostrophe kept", "Ruritania's view", "Ruritania's view"},
		{"other quotes kept", "\u201cLighthouses\u201d", "\u201cLighthouses\u201d"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(apostropheCharFilter{}.Filter([]byte(tt.in))); got != tt.want {
				t.Errorf("Filter(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
