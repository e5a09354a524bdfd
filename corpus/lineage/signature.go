package lineage

const hexDigits = "0123456789abcdef"

// Signature parameters, chosen by measurement on the shared corpus: of
// shingles of 2, 3 and 4 words with 16x2, 16x4, 20x3 and 32x2 bands x rows,
// 4-word shingles in 32 bands of 2 rows made every pair of members of the
// hand-built families (testdata/families.json) an LSH candidate with the
// fewest candidate pairs among the settings that did. Two passages whose
// shingle sets have a Jaccard similarity of 0.3 share a band with
// probability 0.95, of 0.5 with probability above 0.9999.
const (
	ShingleSize = 4
	NumHashes   = 64
	NumBands    = 32
	bandRows    = NumHashes / NumBands
)

// Signature is the MinHash of a passage's word shingles: NumHashes values.
type Signature []uint64

// seeds are the fixed per-hash seeds; band keys are stored in indexes, so
// they must never change without a format version bump.
var seeds = func() [NumHashes]uint64 {
	var s [NumHashes]uint64
	x := uint64(0x5072656365646e74) // "Precednt"
	for i := range s {
		x += 0x9e3779b97f4a7c15
		s[i] = mix(x)
	}
	return s
}()

// mix is the splitmix64 finaliser, a fast 64-bit bijective mixer.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// Sign returns the MinHash signature of normalised words (see Normalise).
// Texts shorter than ShingleSize words are one shingle; no words give a nil
// signature.
func Sign(words []string) Signature {
	if len(words) == 0 {
		return nil
	}
	sig := make(Signature, NumHashes)
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	n := max(len(words)-ShingleSize+1, 1)
	for i := 0; i < n; i++ {
		h := shingleHash(words[i:min(i+ShingleSize, len(words))])
		for j := range sig {
			if v := mix(h ^ seeds[j]); v < sig[j] {
				sig[j] = v
			}
		}
	}
	return sig
}

// shingleHash is 64-bit FNV-1a over the words, each followed by a zero byte.
func shingleHash(words []string) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for _, w := range words {
		for i := 0; i < len(w); i++ {
			h = (h ^ uint64(w[i])) * prime
		}
		h *= prime
	}
	return h
}

// bandHash returns the hash of band b of a signature.
func bandHash(sig Signature, b int) uint64 {
	h := uint64(b+1) * 0x9e3779b97f4a7c15
	for _, v := range sig[b*bandRows : (b+1)*bandRows] {
		h = mix(h ^ v)
	}
	return h
}

// Bands returns the LSH band keys of a signature ("b03:9f2c..."), one per
// band: two passages are candidates when they share a key.
func Bands(sig Signature) []string {
	if len(sig) != NumHashes {
		return nil
	}
	const keyLen = len("b00:") + 16
	buf := make([]byte, 0, NumBands*keyLen)
	for b := range NumBands {
		buf = append(buf, 'b', byte('0'+b/10), byte('0'+b%10), ':')
		h := bandHash(sig, b)
		for shift := 60; shift >= 0; shift -= 4 {
			buf = append(buf, hexDigits[h>>uint(shift)&0xf])
		}
	}
	all := string(buf) // one allocation; the keys are slices of it
	keys := make([]string, NumBands)
	for b := range keys {
		keys[b] = all[b*keyLen : (b+1)*keyLen]
	}
	return keys
}

// Estimate returns the share of equal MinHash values of two signatures, an
// estimate of the Jaccard similarity of their shingle sets.
func Estimate(a, b Signature) float64 {
	if len(a) != NumHashes || len(b) != NumHashes {
		return 0
	}
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / NumHashes
}
