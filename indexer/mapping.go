package indexer

import (
	"errors"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/ar"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/lang/es"
	"github.com/blevesearch/bleve/v2/analysis/lang/fr"
	"github.com/blevesearch/bleve/v2/analysis/lang/ru"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/unicodenorm"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
)

// FormatVersion is the version of the index layout (mapping, analysers,
// stored fields). An index built with another version is refused by
// CheckFormat; bump it whenever the mapping changes.
const FormatVersion = "precedent-index-13"

// AnalyzerText is the analyser of FieldText: apostrophes unified (see
// apostropheFilter), unicode word tokens, NFKC (ligatures, full-width
// forms), lower case, no stop words and no stemming, so a quoted phrase
// matches the exact wording only.
const AnalyzerText = "precedent_text"

// Internal keys of a generation (bleve SetInternal/GetInternal).
const (
	internalFormat = "precedent:format" // FormatVersion
)

// StemmingAnalyzers names Bleve's stemming analyser of each UN language
// with one (Chinese words are matched as written), by which search finds
// the forms of a word.
var StemmingAnalyzers = map[string]string{
	"en": en.AnalyzerName,
	"fr": fr.AnalyzerName,
	"es": es.AnalyzerName,
	"ru": ru.AnalyzerName,
	"ar": ar.AnalyzerName,
}

// keywordFields are the keyword fields: filters, and facets, which search
// counts from their postings (no doc values).
var keywordFields = []string{
	FieldState, FieldGroup, FieldMentions, FieldTopic, FieldNorm, FieldPrinciple,
	FieldBody, FieldType, FieldYear, FieldLanguage, FieldSymbol, FieldFamily,
	FieldDocID, FieldKind,
}

// NewMapping returns the index mapping: one Bleve document per passage,
// explicit fields only (no _all field; FieldText is the default field).
func NewMapping() (mapping.IndexMapping, error) {
	im := bleve.NewIndexMapping()
	if err := im.AddCustomTokenFilter("precedent_nfkc", map[string]interface{}{
		"type": unicodenorm.Name,
		"form": unicodenorm.NFKC,
	}); err != nil {
		return nil, err
	}
	if err := im.AddCustomAnalyzer(AnalyzerText, map[string]interface{}{
		"type":          custom.Name,
		"char_filters":  []string{apostropheFilter},
		"tokenizer":     unicode.Name,
		"token_filters": []string{"precedent_nfkc", lowercase.Name},
	}); err != nil {
		return nil, err
	}
	im.DefaultAnalyzer = AnalyzerText
	im.DefaultField = FieldText
	im.IndexDynamic = false
	im.StoreDynamic = false
	im.DocValuesDynamic = false
	im.DefaultMapping = passageMapping()
	return im, im.Validate()
}

func passageMapping() *mapping.DocumentMapping {
	dm := bleve.NewDocumentStaticMapping()
	// No "_all" composite field: every field is excluded from it, yet Bleve
	// would still build and write an empty one per passage.
	dm.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())
	for _, f := range keywordFields {
		dm.AddFieldMappingsAt(f, keywordField())
	}

	text := textField(AnalyzerText)
	text.IncludeTermVectors = true
	dm.AddFieldMappingsAt(FieldText, text)

	date := bleve.NewDateTimeFieldMapping()
	date.Store, date.IncludeInAll, date.DocValues = false, false, true
	dm.AddFieldMappingsAt(FieldDate, date)
	for _, f := range []string{FieldPassage, FieldDocument} {
		stored := bleve.NewTextFieldMapping()
		stored.Index, stored.Store, stored.IncludeInAll, stored.DocValues = false, true, false, false
		dm.AddFieldMappingsAt(f, stored)
	}
	return dm
}

func keywordField() *mapping.FieldMapping {
	f := bleve.NewKeywordFieldMapping()
	f.Analyzer = keyword.Name
	f.Store = false
	f.IncludeInAll = false
	f.IncludeTermVectors = false
	f.DocValues = false
	return f
}

func textField(analyzer string) *mapping.FieldMapping {
	f := bleve.NewTextFieldMapping()
	f.Analyzer = analyzer
	f.Store = false
	f.IncludeInAll = false
	f.IncludeTermVectors = false
	f.DocValues = false
	return f
}

// ErrFormat is returned (wrapped) by CheckFormat for an index of another
// format version.
var ErrFormat = errors.New("index format mismatch")

// CheckFormat returns nil when idx was built with FormatVersion, else an
// error wrapping ErrFormat that tells the user to rebuild.
func CheckFormat(idx bleve.Index) error {
	v, err := idx.GetInternal([]byte(internalFormat))
	if err != nil {
		return fmt.Errorf("reading index format: %w", err)
	}
	if string(v) != FormatVersion {
		got := string(v)
		if got == "" {
			got = "none"
		}
		return fmt.Errorf("%w: index has format %q, this program needs %q; rebuild it with 'precedent index --corpus DIR --data DIR'",
			ErrFormat, got, FormatVersion)
	}
	return nil
}
