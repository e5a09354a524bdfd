package corpus

import (
	"sort"
	"strings"
	"sync"
)

// State is a UN member or observer state in the gazetteer.
type State struct {
	Code       string   `json:"code"`                 // ISO 3166-1 alpha-3, as in UN voting records
	Name       string   `json:"name"`                 // the UN's official short name, e.g. "Türkiye"
	Aliases    []string `json:"aliases,omitempty"`    // other names: short forms, former names
	Adjectives []string `json:"adjectives,omitempty"` // demonyms, e.g. "Dutch"; count as mentions only before a noun such as "Government"
	Observer   bool     `json:"observer,omitempty"`   // a non-member observer state (Holy See, State of Palestine)
	Groups     []string `json:"groups,omitempty"`     // ids of the groups it belongs to, see Groups
}

// stateTable lists the 193 member states and 2 observer states: alpha-3 code,
// UN official short name, UN regional group (AF, AP, EE, LA, WE, or - for
// none), aliases and adjectives (";"-separated). The ISO codes are
// cross-checked against github.com/biter777/countries in states_test.go.
const stateTable = `
AFG|Afghanistan|AP||Afghan
ALB|Albania|EE||Albanian
DZA|Algeria|AF||Algerian
AND|Andorra|WE||Andorran
AGO|Angola|AF||Angolan
ATG|Antigua and Barbuda|LA||
ARG|Argentina|LA|Argentine Republic|Argentine;Argentinian
ARM|Armenia|EE||Armenian
AUS|Australia|WE||Australian
AUT|Austria|WE||Austrian
AZE|Azerbaijan|EE||Azerbaijani
BHS|Bahamas|LA|The Bahamas|Bahamian
BHR|Bahrain|AP||Bahraini
BGD|Bangladesh|AP||Bangladeshi
BRB|Barbados|LA||Barbadian
BLR|Belarus|EE||Belarusian
BEL|Belgium|WE||Belgian
BLZ|Belize|LA||Belizean
BEN|Benin|AF||Beninese
BTN|Bhutan|AP||Bhutanese
BOL|Bolivia (Plurinational State of)|LA|Bolivia;Plurinational State of Bolivia|Bolivian
BIH|Bosnia and Herzegovina|EE|Bosnia-Herzegovina|
BWA|Botswana|AF||
BRA|Brazil|LA||Brazilian
BRN|Brunei Darussalam|AP|Brunei|
BGR|Bulgaria|EE||Bulgarian
BFA|Burkina Faso|AF||Burkinabe
BDI|Burundi|AF||Burundian
CPV|Cabo Verde|AF|Cape Verde|Cabo Verdean
KHM|Cambodia|AP||Cambodian
CMR|Cameroon|AF||Cameroonian
CAN|Canada|WE||Canadian
CAF|Central African Republic|AF||
TCD|Chad|AF||Chadian
CHL|Chile|LA||Chilean
CHN|China|AP|People's Republic of China|Chinese
COL|Colombia|LA||Colombian
COM|Comoros|AF||Comorian
COG|Congo|AF|Republic of the Congo;Congo-Brazzaville|Congolese
CRI|Costa Rica|LA||Costa Rican
CIV|Côte d'Ivoire|AF|Ivory Coast|Ivorian
HRV|Croatia|EE||Croatian
CUB|Cuba|LA||Cuban
CYP|Cyprus|AP||Cypriot
CZE|Czechia|EE|Czech Republic|Czech
PRK|Democratic People's Republic of Korea|AP|North Korea;DPRK|North Korean
COD|Democratic Republic of the Congo|AF|Democratic Republic of Congo;DR Congo;DRC;Zaire|
DNK|Denmark|WE||Danish
DJI|Djibouti|AF||Djiboutian
DMA|Dominica|LA|Commonwealth of Dominica|
DOM|Dominican Republic|LA||
ECU|Ecuador|LA||Ecuadorian
EGY|Egypt|AF||Egyptian
SLV|El Salvador|LA||Salvadoran
GNQ|Equatorial Guinea|AF||Equatoguinean
ERI|Eritrea|AF||Eritrean
EST|Estonia|EE||Estonian
SWZ|Eswatini|AF|Kingdom of Eswatini;Swaziland|Swazi
ETH|Ethiopia|AF||Ethiopian
FJI|Fiji|AP||Fijian
FIN|Finland|WE||Finnish
FRA|France|WE|French Republic|French
GAB|Gabon|AF||Gabonese
GMB|Gambia|AF|The Gambia|Gambian
GEO|Georgia|EE||Georgian
DEU|Germany|WE|Federal Republic of Germany|German
GHA|Ghana|AF||Ghanaian
GRC|Greece|WE|Hellenic Republic|Greek
GRD|Grenada|LA||Grenadian
GTM|Guatemala|LA||Guatemalan
GIN|Guinea|AF||Guinean
GNB|Guinea-Bissau|AF||
GUY|Guyana|LA||Guyanese
HTI|Haiti|LA||Haitian
HND|Honduras|LA||Honduran
HUN|Hungary|EE||Hungarian
ISL|Iceland|WE||Icelandic
IND|India|AP||Indian
IDN|Indonesia|AP||Indonesian
IRN|Iran (Islamic Republic of)|AP|Iran;Islamic Republic of Iran|Iranian
IRQ|Iraq|AP||Iraqi
IRL|Ireland|WE||Irish
ISR|Israel|WE||Israeli
ITA|Italy|WE||Italian
JAM|Jamaica|LA||Jamaican
JPN|Japan|AP||Japanese
JOR|Jordan|AP||Jordanian
KAZ|Kazakhstan|AP||Kazakh
KEN|Kenya|AF||Kenyan
KIR|Kiribati|AP||
KWT|Kuwait|AP||Kuwaiti
KGZ|Kyrgyzstan|AP|Kyrgyz Republic|Kyrgyz
LAO|Lao People's Democratic Republic|AP|Laos|Lao
LVA|Latvia|EE||Latvian
LBN|Lebanon|AP||Lebanese
LSO|Lesotho|AF||
LBR|Liberia|AF||Liberian
LBY|Libya|AF||Libyan
LIE|Liechtenstein|WE||
LTU|Lithuania|EE||Lithuanian
LUX|Luxembourg|WE||Luxembourgish
MDG|Madagascar|AF||Malagasy
MWI|Malawi|AF||Malawian
MYS|Malaysia|AP||Malaysian
MDV|Maldives|AP||Maldivian
MLI|Mali|AF||Malian
MLT|Malta|WE||Maltese
MHL|Marshall Islands|AP||
MRT|Mauritania|AF||Mauritanian
MUS|Mauritius|AF||Mauritian
MEX|Mexico|LA||Mexican
FSM|Micronesia (Federated States of)|AP|Micronesia;Federated States of Micronesia|
MCO|Monaco|WE||Monegasque
MNG|Mongolia|AP||Mongolian
MNE|Montenegro|EE||Montenegrin
MAR|Morocco|AF||Moroccan
MOZ|Mozambique|AF||Mozambican
MMR|Myanmar|AP|Burma|
NAM|Namibia|AF||Namibian
NRU|Nauru|AP||Nauruan
NPL|Nepal|AP||Nepalese
NLD|Netherlands (Kingdom of the)|WE|Netherlands;Kingdom of the Netherlands;Holland|Dutch
NZL|New Zealand|WE||
NIC|Nicaragua|LA||Nicaraguan
NER|Niger|AF||Nigerien
NGA|Nigeria|AF||Nigerian
MKD|North Macedonia|EE|Macedonia;The former Yugoslav Republic of Macedonia|
NOR|Norway|WE||Norwegian
OMN|Oman|AP||Omani
PAK|Pakistan|AP||Pakistani
PLW|Palau|AP||Palauan
PAN|Panama|LA||Panamanian
PNG|Papua New Guinea|AP||
PRY|Paraguay|LA||Paraguayan
PER|Peru|LA||Peruvian
PHL|Philippines|AP|The Philippines|Philippine;Filipino
POL|Poland|EE||Polish
PRT|Portugal|WE||Portuguese
QAT|Qatar|AP||Qatari
KOR|Republic of Korea|AP|South Korea;Korea, Republic of|South Korean
MDA|Republic of Moldova|EE|Moldova|Moldovan
ROU|Romania|EE||Romanian
RUS|Russian Federation|EE|Russia|Russian
RWA|Rwanda|AF||Rwandan
KNA|Saint Kitts and Nevis|LA|St. Kitts and Nevis|
LCA|Saint Lucia|LA|St. Lucia|
VCT|Saint Vincent and the Grenadines|LA|St. Vincent and the Grenadines|
WSM|Samoa|AP||Samoan
SMR|San Marino|WE||
STP|Sao Tome and Principe|AF||
SAU|Saudi Arabia|AP||Saudi
SEN|Senegal|AF||Senegalese
SRB|Serbia|EE||Serbian
SYC|Seychelles|AF||
SLE|Sierra Leone|AF||
SGP|Singapore|AP||Singaporean
SVK|Slovakia|EE|Slovak Republic|Slovak
SVN|Slovenia|EE||Slovenian
SLB|Solomon Islands|AP||
SOM|Somalia|AF||Somali
ZAF|South Africa|AF||South African
SSD|South Sudan|AF||South Sudanese
ESP|Spain|WE||Spanish
LKA|Sri Lanka|AP||Sri Lankan
SDN|Sudan|AF|The Sudan|
SUR|Suriname|LA||Surinamese
SWE|Sweden|WE||Swedish
CHE|Switzerland|WE|Swiss Confederation|Swiss
SYR|Syrian Arab Republic|AP|Syria|Syrian
TJK|Tajikistan|AP||Tajik
THA|Thailand|AP||Thai
TLS|Timor-Leste|AP|East Timor|Timorese
TGO|Togo|AF||Togolese
TON|Tonga|AP||Tongan
TTO|Trinidad and Tobago|LA||
TUN|Tunisia|AF||Tunisian
TUR|Türkiye|WE|Turkey;Republic of Türkiye|Turkish
TKM|Turkmenistan|AP||Turkmen
TUV|Tuvalu|AP||
UGA|Uganda|AF||Ugandan
UKR|Ukraine|EE||Ukrainian
ARE|United Arab Emirates|AP|UAE|Emirati
GBR|United Kingdom of Great Britain and Northern Ireland|WE|United Kingdom;UK;Great Britain;Britain|British
TZA|United Republic of Tanzania|AF|Tanzania|Tanzanian
USA|United States of America|WE|United States;USA;US;U.S.|
URY|Uruguay|LA||Uruguayan
UZB|Uzbekistan|AP||Uzbek
VUT|Vanuatu|AP||
VEN|Venezuela (Bolivarian Republic of)|LA|Venezuela;Bolivarian Republic of Venezuela|Venezuelan
VNM|Viet Nam|AP|Vietnam|Vietnamese
YEM|Yemen|AP||Yemeni
ZMB|Zambia|AF||Zambian
ZWE|Zimbabwe|AF||Zimbabwean
VAT|Holy See|-|Vatican|
PSE|State of Palestine|AP|Palestine|Palestinian
`

// observers are the two non-member observer states.
var observers = map[string]bool{"VAT": true, "PSE": true}

var gazetteer = sync.OnceValues(buildGazetteer)

func buildGazetteer() ([]State, map[string]int) {
	regions := map[string]string{"AF": "AFRICAN_GROUP", "AP": "ASIA_PACIFIC_GROUP", "EE": "EEG", "LA": "GRULAC", "WE": "WEOG"}
	members := membership()
	var states []State
	for _, line := range strings.Split(strings.TrimSpace(stateTable), "\n") {
		f := strings.Split(line, "|")
		s := State{Code: f[0], Name: f[1], Aliases: splitList(f[3]), Adjectives: splitList(f[4]), Observer: observers[f[0]]}
		if g, ok := regions[f[2]]; ok {
			s.Groups = append(s.Groups, g)
		}
		if f[2] == "AF" {
			s.Groups = append(s.Groups, GroupAU)
		}
		s.Groups = append(s.Groups, members[s.Code]...)
		states = append(states, s)
	}
	sort.Slice(states, func(i, j int) bool { return states[i].Name < states[j].Name })
	index := make(map[string]int, len(states))
	for i, s := range states {
		index[s.Code] = i
	}
	return states, index
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ";")
}

// States returns the 193 member states and 2 observer states, sorted by
// name. The slice is shared: callers must not modify it.
func States() []State {
	s, _ := gazetteer()
	return s
}

// StateByCode returns the state with the ISO alpha-3 code (case-insensitive).
func StateByCode(code string) (State, bool) {
	states, index := gazetteer()
	i, ok := index[strings.ToUpper(code)]
	if !ok {
		return State{}, false
	}
	return states[i], true
}

// StateName returns the UN short name of the state with the code, or "" if
// the code is unknown.
func StateName(code string) string {
	s, _ := StateByCode(code)
	return s.Name
}

// GroupsOf returns the ids of the groups the state belongs to.
func GroupsOf(code string) []string {
	s, _ := StateByCode(code)
	return s.Groups
}
