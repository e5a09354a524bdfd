// Package bench measures Precedent against a peer on scaled copies of the
// real corpus: it loads the corpus once, makes deterministic scaled corpora
// from it (re-dated, renumbered, lightly perturbed copies), indexes them with
// the indexer's pipeline, runs a fixed query mix in-process and over HTTP,
// runs the same data and queries through SQLite FTS5, and reports latency
// percentiles, throughput, sizes, memory and ratios to FTS5.
//
// Each measured phase (indexing, serving, FTS5) runs in a child process so
// that its peak resident memory is its own; the parent only orchestrates.
//
// Dependency rule: bench imports corpus (and its subpackages), indexer,
// search, api and modernc.org/sqlite. Nothing imports bench but
// cmd/precedent.
package bench
