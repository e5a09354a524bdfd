package corpus

import (
	"slices"
	"sort"
	"strings"
)

// Group is a group of states people filter by: a UN regional group or an
// organisation of states.
type Group struct {
	ID      string   `json:"id"`                // public id, e.g. "NAM"
	Name    string   `json:"name"`              // full name
	Aliases []string `json:"aliases,omitempty"` // other names used in UN documents
	Members []string `json:"members"`           // ISO alpha-3 codes of the member states in the gazetteer
}

// Group ids. They are public API.
const (
	GroupAfrican      = "AFRICAN_GROUP"
	GroupAsiaPacific  = "ASIA_PACIFIC_GROUP"
	GroupEastEuropean = "EEG"
	GroupLatinAmerica = "GRULAC"
	GroupWestern      = "WEOG"
	GroupEU           = "EU"
	GroupAU           = "AU"
	GroupArabLeague   = "LAS"
	GroupASEAN        = "ASEAN"
	GroupOAS          = "OAS"
	GroupOSCE         = "OSCE"
	GroupNATO         = "NATO"
	GroupNAM          = "NAM"
)

// groupTable describes the groups: id, name, aliases. Memberships of the
// regional groups come from stateTable; the organisations' members are in
// organisationMembers. Memberships are those of 2025.
var groupTable = []Group{
	{ID: GroupAfrican, Name: "Group of African States", Aliases: []string{"African Group", "African States"}},
	{ID: GroupAsiaPacific, Name: "Group of Asia-Pacific States", Aliases: []string{"Asia-Pacific Group", "Asia-Pacific States", "Group of Asian States"}},
	{ID: GroupEastEuropean, Name: "Group of Eastern European States", Aliases: []string{"Eastern European Group", "Eastern European States"}},
	{ID: GroupLatinAmerica, Name: "Group of Latin American and Caribbean States", Aliases: []string{"GRULAC", "Latin American and Caribbean Group", "Latin American and Caribbean States"}},
	{ID: GroupWestern, Name: "Group of Western European and Other States", Aliases: []string{"WEOG", "Western European and Others Group", "Western European and other States"}},
	{ID: GroupEU, Name: "European Union", Aliases: []string{"EU"}},
	{ID: GroupAU, Name: "African Union", Aliases: []string{"AU"}},
	{ID: GroupArabLeague, Name: "League of Arab States", Aliases: []string{"Arab League", "Arab Group", "Group of Arab States"}},
	{ID: GroupASEAN, Name: "Association of Southeast Asian Nations", Aliases: []string{"ASEAN", "Association of South-East Asian Nations"}},
	{ID: GroupOAS, Name: "Organization of American States", Aliases: []string{"OAS", "Organisation of American States"}},
	{ID: GroupOSCE, Name: "Organization for Security and Co-operation in Europe", Aliases: []string{"OSCE", "Organization for Security and Cooperation in Europe"}},
	{ID: GroupNATO, Name: "North Atlantic Treaty Organization", Aliases: []string{"NATO", "North Atlantic Alliance"}},
	{ID: GroupNAM, Name: "Movement of Non-Aligned Countries", Aliases: []string{"NAM", "Non-Aligned Movement", "Non-Aligned Countries"}},
}

// organisationMembers lists the members of the organisations as of 2025.
// Notes: the AU's 55th member, the Sahrawi Arab Democratic Republic, is not
// a UN member or observer and has no place in the gazetteer; the African
// Group's 54 states are all AU members. ASEAN admitted Timor-Leste as its
// 11th member in October 2025. The OAS list holds its 35 member states of
// record, including Cuba (not participating) and Nicaragua (withdrawal took
// effect in 2023 but it is still listed by many sources); LAS includes the
// State of Palestine.
var organisationMembers = map[string]string{
	GroupEU:         "AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL PRT ROU SVK SVN ESP SWE",
	GroupArabLeague: "DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SOM SDN SYR TUN ARE YEM",
	GroupASEAN:      "BRN KHM IDN LAO MYS MMR PHL SGP THA TLS VNM",
	GroupOAS:        "ATG ARG BHS BRB BLZ BOL BRA CAN CHL COL CRI CUB DMA DOM ECU SLV GRD GTM GUY HTI HND JAM MEX NIC PAN PRY PER KNA LCA VCT SUR TTO USA URY VEN",
	GroupOSCE:       "ALB AND ARM AUT AZE BLR BEL BIH BGR CAN HRV CYP CZE DNK EST FIN FRA GEO DEU GRC VAT HUN ISL IRL ITA KAZ KGZ LVA LIE LTU LUX MLT MDA MCO MNG MNE NLD MKD NOR POL PRT ROU RUS SMR SRB SVK SVN ESP SWE CHE TJK TUR TKM UKR GBR USA UZB",
	GroupNATO:       "ALB BEL BGR CAN HRV CZE DNK EST FIN FRA DEU GRC HUN ISL ITA LVA LTU LUX MNE NLD MKD NOR POL PRT ROU SVK SVN ESP SWE TUR GBR USA",
	GroupNAM:        "AFG DZA AGO ATG AZE BHS BHR BGD BRB BLR BLZ BEN BTN BOL BWA BRN BFA BDI KHM CMR CPV CAF TCD CHL COL COM COG CIV CUB PRK COD DJI DMA DOM ECU EGY GNQ ERI SWZ ETH FJI GAB GMB GHA GRD GTM GIN GNB GUY HTI HND IND IDN IRN IRQ JAM JOR KEN KWT LAO LBN LSO LBR LBY MDG MWI MYS MDV MLI MRT MUS MNG MAR MOZ MMR NAM NPL NIC NER NGA OMN PAK PSE PAN PNG PER PHL QAT RWA KNA LCA VCT STP SAU SEN SYC SLE SGP SOM ZAF LKA SDN SUR SYR THA TLS TGO TTO TUN TKM UGA ARE TZA UZB VUT VEN VNM YEM ZMB ZWE",
}

// membership maps a state code to the organisations it belongs to, in the
// order of groupTable. The AU's members are the African Group's.
func membership() map[string][]string {
	m := map[string][]string{}
	for _, g := range groupTable {
		for _, code := range strings.Fields(organisationMembers[g.ID]) {
			m[code] = append(m[code], g.ID)
		}
	}
	return m
}

// Groups returns the groups with their members (sorted codes), in a fixed
// order: the five UN regional groups, then the organisations.
func Groups() []Group {
	states := States()
	out := make([]Group, len(groupTable))
	for i, g := range groupTable {
		g.Members = nil
		for _, s := range states {
			if slices.Contains(s.Groups, g.ID) {
				g.Members = append(g.Members, s.Code)
			}
		}
		sort.Strings(g.Members)
		out[i] = g
	}
	return out
}

// GroupByID returns the group with the id (case-insensitive).
func GroupByID(id string) (Group, bool) {
	for _, g := range Groups() {
		if strings.EqualFold(g.ID, id) {
			return g, true
		}
	}
	return Group{}, false
}
