package api

import (
	"net/http"

	"github.com/precedent/precedent/corpus"
)

// labelled is an id with its human label.
type labelled struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

func labelledList(field string, ids ...string) []labelled {
	out := make([]labelled, len(ids))
	for i, id := range ids {
		out[i] = labelled{ID: id, Label: corpus.Label(field, id)}
	}
	return out
}

// taxonomyBody is the answer of /v1/taxonomy.
type taxonomyBody struct {
	Topics     []corpus.Concept `json:"topics"`
	Norms      []corpus.Concept `json:"norms"`
	Principles []corpus.Concept `json:"principles"`
	Bodies     []labelled       `json:"bodies"`
	Types      []labelled       `json:"types"`
	Languages  []labelled       `json:"languages"`
}

func (s *Server) taxonomy(w http.ResponseWriter, r *http.Request) error {
	if err := checkParams(r.URL.Query(), nil); err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "public, max-age=3600")
	writeJSON(w, http.StatusOK, taxonomyBody{
		Topics: corpus.Topics(), Norms: corpus.Norms(), Principles: corpus.Principles(),
		Bodies: labelledList(corpus.FieldBody, corpus.BodyGA, corpus.BodyGGE, corpus.BodyOEWG,
			corpus.BodyNational, corpus.BodyRegional, corpus.BodyOther),
		Types: labelledList(corpus.FieldType, corpus.TypeResolution, corpus.TypeDraftResolution,
			corpus.TypeConsensusReport, corpus.TypeProgressReport, corpus.TypeChairSummary, corpus.TypeWorkingPaper,
			corpus.TypeNationalPosition, corpus.TypeStatement, corpus.TypeSGReport, corpus.TypeOther),
		Languages: labelledList(corpus.FieldLanguage, "en", "fr", "es", "ru", "ar", "zh"),
	})
	return nil
}

// statesBody is the answer of /v1/states.
type statesBody struct {
	States []corpus.State `json:"states"`
	Groups []corpus.Group `json:"groups"`
}

func (s *Server) states(w http.ResponseWriter, r *http.Request) error {
	if err := checkParams(r.URL.Query(), nil); err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "public, max-age=3600")
	writeJSON(w, http.StatusOK, statesBody{States: corpus.States(), Groups: corpus.Groups()})
	return nil
}
