package bench

import (
	"context"
	"fmt"
	"path/filepath"
)

// RunPhase is the child side of Run: it reads the phase's configuration
// from cfgPath, runs it and writes its result to resultPath.
func RunPhase(ctx context.Context, cfgPath, resultPath string) error {
	var cfg phaseConfig
	if err := readJSON(cfgPath, &cfg); err != nil {
		return err
	}
	base, err := ReadBase(cfg.Base)
	if err != nil {
		return err
	}
	var mix []Query
	if err := readJSON(cfg.Mix, &mix); err != nil {
		return err
	}
	s := Scaler{Base: base, Seed: cfg.Seed}
	data := filepath.Join(cfg.Dir, "data")
	var out any
	switch cfg.Phase {
	case "index":
		out, err = IndexScaled(ctx, s, cfg.Copies, filepath.Join(cfg.Dir, "corpus"), data)
	case "serve":
		out, err = MeasureServe(ctx, data, mix, cfg.InProc, cfg.HTTP)
	case "fts":
		out, err = ftsPhase(ctx, s, cfg, mix)
	default:
		err = fmt.Errorf("unknown phase %q", cfg.Phase)
	}
	if err != nil {
		return err
	}
	return writeJSON(resultPath, out)
}

// ftsPhase builds the FTS5 database, then measures it after reopening.
func ftsPhase(ctx context.Context, s Scaler, cfg phaseConfig, mix []Query) (*FTSResult, error) {
	path := filepath.Join(cfg.Dir, "fts5.db")
	res, err := BuildFTS(ctx, s, cfg.Copies, path)
	if err != nil {
		return nil, err
	}
	return res, MeasureFTS(ctx, path, mix, cfg.InProc, res)
}
