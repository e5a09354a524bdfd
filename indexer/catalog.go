package indexer

import (
	"strconv"
	"strings"

	"github.com/precedent/precedent/corpus"
)

// CatalogEntry is one core document that FetchCatalog downloads by symbol.
type CatalogEntry struct {
	Symbol string
	Body   string // corpus.Body*
	Type   string // corpus.Type*
	Date   string // year, or full date when known
	Title  string // short title, may be ""
}

// Catalog is the built-in list of core documents: the GGE and OEWG
// reports, the compendium of national contributions, and the General
// Assembly's ICT resolutions since A/RES/53/70.
var Catalog = append([]CatalogEntry{
	{Symbol: "A/65/201", Body: corpus.BodyGGE, Type: corpus.TypeConsensusReport, Date: "2010"},
	{Symbol: "A/68/98", Body: corpus.BodyGGE, Type: corpus.TypeConsensusReport, Date: "2013"},
	{Symbol: "A/70/174", Body: corpus.BodyGGE, Type: corpus.TypeConsensusReport, Date: "2015-07-22"},
	{Symbol: "A/76/135", Body: corpus.BodyGGE, Type: corpus.TypeConsensusReport, Date: "2021"},
	{Symbol: "A/76/136", Body: corpus.BodyGGE, Type: corpus.TypeOther, Date: "2021",
		Title: "Official compendium of voluntary national contributions on how international law applies to the use of ICTs by States"},
	{Symbol: "A/75/816", Body: corpus.BodyOEWG, Type: corpus.TypeConsensusReport, Date: "2021"},
	{Symbol: "A/77/275", Body: corpus.BodyOEWG, Type: corpus.TypeProgressReport, Date: "2022"},
	{Symbol: "A/78/265", Body: corpus.BodyOEWG, Type: corpus.TypeProgressReport, Date: "2023"},
	{Symbol: "A/79/214", Body: corpus.BodyOEWG, Type: corpus.TypeProgressReport, Date: "2024"},
}, gaResolutions(
	"53/70", "54/49", "55/28", "56/19", "57/53", "58/32", "59/61", "60/45", "61/54", "62/17",
	"63/37", "64/25", "65/41", "66/24", "67/27", "68/243", "69/28", "70/237", "71/28",
	"73/27", "73/266", "74/28", "74/29", "75/32", "75/240", "76/19", "77/36", "77/37",
	"78/16", "78/237", "79/237",
)...)

// gaResolutions makes catalog entries of resolutions "session/number",
// dated with the year their session opened.
func gaResolutions(ids ...string) []CatalogEntry {
	out := make([]CatalogEntry, len(ids))
	for i, id := range ids {
		session, _, _ := strings.Cut(id, "/")
		n, _ := strconv.Atoi(session)
		out[i] = CatalogEntry{Symbol: "A/RES/" + id, Body: corpus.BodyGA, Type: corpus.TypeResolution,
			Date: strconv.Itoa(1945 + n)}
	}
	return out
}
