package corpus

import "strings"

// Concept is one entry of the taxonomy: a topic (pillar of the framework of
// responsible state behaviour), a norm of A/70/174 para. 13 (Parent
// "norms"), or a legal principle. Ids are public API.
type Concept struct {
	ID         string `json:"id"`
	Label      string `json:"label"`
	Definition string `json:"definition"`
	Parent     string `json:"parent,omitempty"`
}

var topics = []Concept{
	{ID: "threats", Label: "Existing and potential threats", Definition: "Malicious uses of ICTs and the risks they pose to international peace and security."},
	{ID: "norms", Label: "Norms of responsible State behaviour", Definition: "The voluntary, non-binding norms, rules and principles of responsible State behaviour in the use of ICTs."},
	{ID: "international_law", Label: "International law", Definition: "How international law, in particular the Charter of the United Nations, applies to the use of ICTs by States."},
	{ID: "cbms", Label: "Confidence-building measures", Definition: "Transparency, points of contact and other measures that build trust and prevent misperception between States."},
	{ID: "capacity_building", Label: "Capacity-building", Definition: "Assistance and cooperation that help States build the capacities to secure ICTs and implement the framework."},
	{ID: "institutional_dialogue", Label: "Regular institutional dialogue", Definition: "UN processes for dialogue on ICT security: working groups, the Programme of Action, the future permanent mechanism."},
}

var norms = []Concept{
	{ID: "13a", Parent: "norms", Label: "(a) Cooperation to increase stability and security", Definition: "States cooperate to increase stability and security in the use of ICTs and prevent harmful ICT practices."},
	{ID: "13b", Parent: "norms", Label: "(b) Consider all relevant information", Definition: "In case of ICT incidents States consider all relevant information, including the challenges of attribution."},
	{ID: "13c", Parent: "norms", Label: "(c) Territory not used for wrongful acts", Definition: "States do not knowingly allow their territory to be used for internationally wrongful acts using ICTs."},
	{ID: "13d", Parent: "norms", Label: "(d) Cooperation against criminal and terrorist use", Definition: "States cooperate to exchange information, assist each other and prosecute criminal and terrorist use of ICTs."},
	{ID: "13e", Parent: "norms", Label: "(e) Human rights and privacy online", Definition: "States respect human rights, including the right to privacy and freedom of expression, in securing ICTs."},
	{ID: "13f", Parent: "norms", Label: "(f) No damage to critical infrastructure", Definition: "States do not conduct or knowingly support ICT activity that intentionally damages critical infrastructure."},
	{ID: "13g", Parent: "norms", Label: "(g) Protect critical infrastructure", Definition: "States take appropriate measures to protect their critical infrastructure from ICT threats."},
	{ID: "13h", Parent: "norms", Label: "(h) Respond to requests for assistance", Definition: "States respond to appropriate requests for assistance from States whose critical infrastructure is attacked."},
	{ID: "13i", Parent: "norms", Label: "(i) Supply chain integrity", Definition: "States ensure the integrity of the supply chain and prevent harmful hidden functions and malicious tools."},
	{ID: "13j", Parent: "norms", Label: "(j) Reporting of vulnerabilities", Definition: "States encourage responsible reporting of ICT vulnerabilities and share information on remedies."},
	{ID: "13k", Parent: "norms", Label: "(k) Protect emergency response teams", Definition: "States do not harm authorized emergency response teams (CERTs/CSIRTs) nor use them for malicious activity."},
}

var principles = []Concept{
	{ID: "applicability", Label: "Applicability of international law", Definition: "International law, and in particular the UN Charter, applies to the use of ICTs by States."},
	{ID: "sovereignty", Label: "Sovereignty", Definition: "States' sovereignty and jurisdiction over ICT infrastructure and activities on their territory, and whether it is a standalone rule."},
	{ID: "sovereign_equality", Label: "Sovereign equality", Definition: "All States are equal in rights and duties under the Charter (Art. 2(1))."},
	{ID: "non_intervention", Label: "Non-intervention", Definition: "States may not coercively intervene in the internal or external affairs of other States."},
	{ID: "use_of_force", Label: "Prohibition of the use of force", Definition: "States refrain from the threat or use of force against other States (Charter Art. 2(4))."},
	{ID: "self_defence", Label: "Self-defence", Definition: "The inherent right of self-defence against an armed attack (Charter Art. 51), its conditions and limits."},
	{ID: "peaceful_settlement", Label: "Peaceful settlement of disputes", Definition: "States settle their international disputes by peaceful means (Charter Art. 2(3) and 33)."},
	{ID: "ihl", Label: "International humanitarian law", Definition: "The law of armed conflict and its principles of distinction, proportionality, precaution, humanity and necessity."},
	{ID: "state_responsibility", Label: "State responsibility and attribution", Definition: "Internationally wrongful acts, attribution of conduct (incl. proxies and non-State actors) and its consequences."},
	{ID: "due_diligence", Label: "Due diligence", Definition: "States' obligation not to knowingly allow their territory to be used for acts contrary to the rights of other States."},
	{ID: "countermeasures", Label: "Countermeasures", Definition: "Otherwise unlawful measures taken in response to an internationally wrongful act, including collective countermeasures."},
	{ID: "human_rights", Label: "International human rights law", Definition: "Human rights, including privacy and freedom of expression, apply online as offline."},
	{ID: "neutrality", Label: "Neutrality", Definition: "The law of neutrality in armed conflict as it applies to ICT operations."},
}

// Topics returns the six top-level topics (pillars), in framework order.
func Topics() []Concept { return topics }

// Norms returns the eleven norms of A/70/174 para. 13 (a)-(k).
func Norms() []Concept { return norms }

// Principles returns the legal principles.
func Principles() []Concept { return principles }

// Facet fields that Label knows.
const (
	FieldState     = "state"
	FieldMentions  = "mentions"
	FieldGroup     = "group"
	FieldTopic     = "topic"
	FieldNorm      = "norm"
	FieldPrinciple = "principle"
	FieldBody      = "body"
	FieldType      = "type"
	FieldLanguage  = "language"
)

var fixedLabels = map[string]map[string]string{
	FieldBody: {BodyGA: "General Assembly", BodyGGE: "Group of Governmental Experts", BodyOEWG: "Open-ended Working Group",
		BodyNational: "National", BodyRegional: "Regional organisation", BodyOther: "Other"},
	FieldType: {TypeResolution: "Resolution", TypeDraftResolution: "Draft resolution", TypeConsensusReport: "Consensus report",
		TypeProgressReport: "Progress report", TypeChairSummary: "Chair's summary", TypeWorkingPaper: "Working paper",
		TypeNationalPosition: "National position", TypeStatement: "Statement", TypeSGReport: "Report of the Secretary-General", TypeOther: "Other"},
	FieldLanguage: {"en": "English", "fr": "French", "es": "Spanish", "ru": "Russian", "ar": "Arabic", "zh": "Chinese"},
}

// Label returns the human label of a facet value: field is one of the Field*
// constants. It returns value itself when the value is unknown.
func Label(field, value string) string {
	switch field {
	case FieldState, FieldMentions:
		if n := StateName(value); n != "" {
			return n
		}
	case FieldGroup:
		if g, ok := GroupByID(value); ok {
			return g.Name
		}
	case FieldTopic:
		return conceptLabel(topics, value)
	case FieldNorm:
		return conceptLabel(norms, value)
	case FieldPrinciple:
		return conceptLabel(principles, value)
	default:
		if l, ok := fixedLabels[field][strings.ToLower(value)]; ok {
			return l
		}
		if l, ok := fixedLabels[field][value]; ok {
			return l
		}
	}
	return value
}

func conceptLabel(list []Concept, id string) string {
	for _, c := range list {
		if c.ID == id {
			return c.Label
		}
	}
	return id
}
