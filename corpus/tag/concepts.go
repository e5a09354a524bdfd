package tag

// Phrase patterns of the taxonomy. Each pattern is written in British
// spelling (American variants are folded by the tokeniser) and matched
// word by word, case-insensitively, ignoring hyphens and line breaks. Where
// two patterns overlap the longest wins, so a pattern can carve an
// exception out of a shorter one ("sovereign equality" is not
// "sovereign"); a pattern with no labels is such an exception and tags
// nothing. A pattern may tag several concepts.
//
// Labels: "topic:ID", "norm:ID", "principle:ID", and the weak labels of
// weakRules, which tag only in the absence of other labels.
// weakRule is what a weak label tags (label) unless the passage has a label
// with one of the prefixes of unless.
type weakRule struct {
	label  string
	unless []string
}

var weakRules = map[string]weakRule{
	// Threat words tag the threats topic only when the passage states no
	// norm and no legal principle: there they name what the rule is about.
	"weak:threats": {"topic:threats", []string{"norm:", "principle:"}},
	// Emergency response teams are the subject of norm (k) unless the
	// passage is about confidence-building or capacity-building, where they
	// are a channel or a beneficiary.
	"weak:13k": {"norm:13k", []string{"topic:cbms", "topic:capacity_building"}},
}

var conceptPatterns = []struct {
	labels   []string
	patterns []string
}{
	// Topics.
	{[]string{"topic:threats"}, []string{
		"existing and potential threats", "emerging threats", "expressing concern", "expressing deep concern",
		"expressing grave concern", "malicious use of icts", "malicious uses of icts", "malicious purposes", "criminal or terrorist purposes",
		"threat landscape", "threats in the sphere of information security", "threats in the field of information security",
		"attack surface"}},
	{[]string{"weak:threats"}, []string{"threat", "threats", "malicious", "cyberattacks", "cyber attacks", "cyber threats",
		"cyberthreats", "malicious ict activities", "malicious ict activity", "malicious information and communications technology activities",
		"malicious information and communications technology activity", "ransomware", "misuse", "misuses", "criminal misuse",
		"military purposes", "future conflicts"}},
	{[]string{"topic:norms"}, []string{
		"norms rules and principles", "rules norms and principles", "norms of responsible", "rules of responsible",
		"norms for responsible", "non binding norms", "voluntary norms", "additional norms", "agreed norms", "the norms",
		"these norms", "rules of behaviour", "voluntary standards", "norms and rules", "normative framework", "cyber norms",
		"binding norms", "legally binding norms"}},
	{[]string{"topic:international_law"}, []string{"international law", "customary international law", "charter of the united nations", "un charter", "united nations charter"}},
	{[]string{""}, []string{
		"consistent with international law", "in accordance with international law", "obligations under international law",
		"under international law", "in conformity with international law",
		// References to a working group's reports cite a source; they are not about the dialogue itself.
		"report of the open ended working group", "reports of the open ended working group",
		"report of the 2021 2025 open ended working group", "reports of the 2021 2025 open ended working group",
		// Sanctions, not intervention in a State's affairs.
		"unilateral coercive measures"}},
	{[]string{"topic:cbms"}, []string{
		"confidence building", "cbms", "cbm", "point of contact", "points of contact", "poc directory",
		"transparency measures", "confidence and security building"}},
	{[]string{"topic:capacity_building"}, []string{
		"capacity building", "capacity development", "build capacity", "building capacity", "build capacities",
		"technical assistance", "assist states", "states capacities", "state capacities", "digital divide", "digital divides",
		"capacity gaps", "capacity needs"}},
	{[]string{"topic:institutional_dialogue"}, []string{
		"programme of action", "poa", "institutional dialogue", "open ended working group", "open ended working groups",
		"permanent mechanism", "future mechanism", "establish a mechanism", "dialogue", "inclusive dialogue",
		"global mechanism on developments in the field of ict", "work of the group of governmental experts", "adoption by consensus",
		"endorse the final report", "endorses the final report", "under the auspices of the united nations",
		"under united nations auspices"}},
	// Working with someone, not the institutional dialogue.
	{[]string{""}, []string{"in dialogue with"}},
	// A delegation's statement, not intervention in a State's affairs.
	{[]string{""}, []string{"intervention on", "interventions on", "intervention delivered"}},
	// Norms of A/70/174 para. 13.
	{[]string{"norm:13a"}, []string{"increase stability and security in the use of icts", "cooperate in developing and applying measures"}},
	{[]string{"norm:13b"}, []string{"consider all relevant information", "larger context of the event"}},
	{[]string{"norm:13c", "principle:due_diligence", "principle:state_responsibility"}, []string{
		"knowingly allow their territory to be used for internationally wrongful acts",
		"knowingly allow its territory to be used for internationally wrongful acts"}},
	{[]string{"norm:13c", "principle:due_diligence"}, []string{"knowingly allow their territory", "knowingly allow its territory"}},
	{[]string{"norm:13d"}, []string{"terrorist and criminal use", "criminal and terrorist use", "prosecute terrorist"}},
	{[]string{"norm:13e"}, []string{"in ensuring the secure use of icts", "right to privacy in the digital age"}},
	{[]string{"norm:13f"}, []string{"intentionally damages critical infrastructure", "impairs the use and operation of critical infrastructure", "knowingly support ict activity"}},
	{[]string{"norm:13g"}, []string{"protect their critical infrastructure", "protect its critical infrastructure", "protect critical infrastructure"}},
	{[]string{"norm:13h"}, []string{"requests for assistance", "respond to appropriate requests"}},
	{[]string{"norm:13i"}, []string{"integrity of the supply chain", "supply chain", "supply chains", "harmful hidden functions", "proliferation of malicious ict tools"}},
	{[]string{"norm:13j"}, []string{"responsible reporting of ict vulnerabilities", "reporting of ict vulnerabilities", "reporting of vulnerabilities", "vulnerability disclosure"}},
	{[]string{"weak:13k"}, []string{"emergency response teams", "certs", "csirts", "computer emergency response teams", "incident response teams"}},
	// Legal principles.
	{[]string{"principle:sovereignty"}, []string{
		"sovereignty", "sovereign", "territorial jurisdiction", "exercise jurisdiction over", "jurisdiction over the ict infrastructure",
		"jurisdiction over ict infrastructure", "enforcement authority", "enforcement jurisdiction", "inherently governmental functions",
		"inherently governmental function", "governmental functions", "government functions", "jurisdiction over",
		"exercise its authority", "exercises authority", "exercise authority"}},
	{[]string{"principle:sovereign_equality"}, []string{"sovereign equality", "sovereignly equal", "independent and equal", "equal and independent", "equality of states"}},
	{[]string{"principle:sovereign_equality", "principle:sovereignty"}, []string{"equal sovereignty"}},
	{[]string{"principle:non_intervention"}, []string{
		"non intervention", "nonintervention", "non interventionism", "non interference", "intervention", "interventions",
		"intervene", "intervening", "interfere in the internal affairs", "interference in the internal affairs",
		"interfering in the internal affairs", "coercive", "coercion", "domestic jurisdiction", "domaine reserve", "without interference", "interference in any form",
		"external interference", "foreign interference", "outside interference"}},
	{[]string{"principle:use_of_force"}, []string{
		"use of force", "uses of force", "threat or use of force", "threat of force", "non use of force", "article 2 4",
		"art 2 4", "article 2 paragraph 4", "art 2 para 4", "article 2 para 4", "armed force", "form of force", "prohibition of force",
		"act of aggression", "acts of aggression"}},
	{[]string{"principle:self_defence"}, []string{
		"self defence", "armed attack", "armed attacks", "article 51", "art 51", "legitimate defence", "armed aggression",
		"use of force in self defence", "use of force in the exercise of self defence", "use of armed force in self defence",
		"use of force in the exercise of individual or collective self defence"}},
	{[]string{"principle:peaceful_settlement"}, []string{
		"peaceful settlement", "settlement of disputes", "settlement of international disputes", "peaceful means", "article 33", "art 33"}},
	{[]string{"principle:ihl"}, []string{
		"international humanitarian law", "humanitarian law", "ihl", "jus in bello", "law of armed conflict", "laws of armed conflict",
		"principle of distinction", "principles of distinction", "precautions in attack", "military objective", "military objectives",
		"civilian objects", "principle of humanity", "geneva conventions"}},
	{[]string{"principle:state_responsibility"}, []string{
		"state responsibility", "responsibility of states", "international responsibility", "internationally wrongful", "internationally wrongful act",
		"internationally wrongful acts", "wrongful act", "wrongful acts", "attribution", "attributable", "attributed",
		"attributing", "proxies", "proxy", "arsiwa", "direction or control", "elements of governmental authority"}},
	{[]string{"principle:due_diligence"}, []string{
		"due diligence", "territory is not used", "territories are not used", "not used to harm", "not used to adversely affect"}},
	{[]string{"principle:countermeasures"}, []string{"countermeasures", "countermeasure", "counter measures", "counter measure", "collective countermeasures"}},
	{[]string{"principle:human_rights"}, []string{
		"human rights", "privacy", "freedom of expression", "fundamental freedoms", "ihrl", "freedom of opinion",
		"civil and political rights", "human rights law"}},
	{[]string{"principle:neutrality"}, []string{"neutrality", "neutral states", "neutral state", "law of neutrality"}},
}
