//! The skeleton's file templates, in Norwegian: one per file, each commented
//! with the KS step it belongs to.
//!
//! In: nothing (constants). Out: text with `{from}`, `{to}`, `{mid}` and
//! `{today}` placeholders that [`super::files`] fills in.

pub(super) const README: &str = "\
# Strategisk kompetanseplan for helse og omsorg

Denne mappen er en kompetanseplan som tekstfiler, laget med `plan init`.
Planen følger KS' sju steg for strategisk kompetanseplanlegging:

| steg | hva | fil |
|---|---|---|
| 1 | Organisering og involvering | `plan.toml` (`owner`, `steering_group`, `working_group`, `user_participation`) |
| 2 | Forankring | `plan.toml` (`anchoring`) |
| 3 | Overordnede mål og føringer | `goals.toml`, `plan.toml` (`[assumptions]`) |
| 4 | Hva er kompetanse? | `competences.toml` |
| 5 | Kompetanse- og bemanningsanalyse | `units.toml`, `requirements.yaml` (krav), `data/` (kapital) |
| 6 | Kompetansestrategier og tiltak | `measures.toml` |
| 7 | Gjennomføring, oppfølging og evaluering | `indicators.toml`, `last_revised` i `plan.toml` |

Eksemplene i filene (én enhet, fire ansatte, ett tiltak) er der for å vise formatet.
Erstatt dem med kommunens egne tall. Sjekk planen etter hver endring:

    plan check .
    plan analyse .

Alle TOML- og YAML-filer i mappen (også i undermapper) leses og slås sammen, så
hver enhet kan gjerne ha sin egen fil. Nøklene er engelske; hva de betyr står i
docs/format.md i kompetanseplan-prosjektet, og `.schemas/plan-file.schema.json`
gir redigeringsverktøy (taplo, yaml-language-server) hjelp og kontroll mens du skriver.
";

pub(super) const PLAN: &str = r#"
# Steg 1 – Organisering og involvering
# Hvem eier planen, hvem styrer og hvem gjør jobben? Ta med tillitsvalgte og
# verneombud i arbeidsgruppen, og brukerrådene for brukermedvirkning.
[plan]
municipality = "Eksempel"           # kommunens navn
municipality_number = "9999"        # kommunenummer, fire siffer som tekst ("0301")
title = "Strategisk kompetanseplan for helse og omsorg {from}–{to}"
# Planperioden (4–10 år) og basisåret, året bemanningsoversikten i data/ gjelder for.
period = { from = {from}, to = {to} }
base_year = {from}
# Vedtatt (dato for politisk vedtak) og sist rullert: planen skal rulleres hvert år (steg 7).
adopted = {today}
last_revised = {today}
owner = "Kommunalsjef helse og omsorg"  # prosjekteier
steering_group = ["Kommunalsjef helse og omsorg", "Virksomhetsledere", "HR-rådgiver", "Hovedtillitsvalgt"]
working_group = ["Rådgiver helse og omsorg", "Virksomhetsleder", "Tillitsvalgt", "Verneombud"]
user_participation = ["Eldrerådet", "Rådet for personer med funksjonsnedsettelse", "Ungdomsrådet"]

# Steg 2 – Forankring
# Hvordan er planen forankret i ledelsen, hos de tillitsvalgte og politisk?
# Hver virksomhet bør lage sin egen handlingsplan ut fra denne.
anchoring = [
  "Behandlet i driftsutvalget og vedtatt i kommunestyret",
  "Drøftet med hovedtillitsvalgte og hovedverneombud",
]

# Steg 3 – Overordnede mål og føringer (forutsetningene for framskrivingen)
# Målene selv står i goals.toml.
[assumptions]
retirement_age = 67   # generell pensjonsalder; særaldersgrense settes per kompetanse
turnover_rate = 0.0   # andel som slutter per år (0–1), f.eks. 0.08
min_group_size = 5    # grupper med færre svar vises ikke (personvern)

# Steg 5 – Kompetansekapital: bemanningsoversikten og kartleggingen (CSV).
# Se data/README.md for kolonnene.
[data]
staff = "data/staff.csv"
survey = "data/survey.csv"
"#;

pub(super) const COMPETENCES: &str = r#"
# Steg 4 – Hva er kompetanse?
# Kompetanse er kunnskaper, ferdigheter, holdninger og evner. Planen skiller mellom
# formalkompetanse (kind = "formal": utdanning og autorisasjon, med nivå) og
# realkompetanse (kind = "real": det folk faktisk kan, med dimensjon).
# Legg til kommunens egne; hver kompetanse må brukes et sted i planen.
#
# level: none, upper_secondary (fagbrev), vocational (fagskole), bachelor, master, doctorate
# dimension: knowledge (kunnskaper), skill (ferdigheter), attitude (holdninger), ability (evner)

[[competence]]
id = "sykepleier"
name = "Sykepleier"
kind = "formal"
level = "bachelor"
styrk = "2223"          # STYRK-08 yrkeskode
retirement_age = 65     # særaldersgrense

[[competence]]
id = "helsefagarbeider"
name = "Helsefagarbeider"
kind = "formal"
level = "upper_secondary"
styrk = "5321"
retirement_age = 65

[[competence]]
id = "demensomsorg"
name = "Demensomsorg"
kind = "real"
dimension = "knowledge"
trainable = true        # false når kompetansen må rekrutteres, ikke læres
"#;

pub(super) const UNITS: &str = r#"
# Steg 5 – Kompetanse- og bemanningsanalyse: enhetene (virksomheter, avdelinger).
# Id-en brukes i requirements.yaml, i tiltakene og i kolonnen `unit` i data/.

[[unit]]
id = "enhet-a"
name = "Eksempel helse- og omsorgssenter"
service = "Helse- og omsorgssenter"
"#;

pub(super) const REQUIREMENTS: &str = r#"
# Steg 5 – Kompetansekrav (Lai): hva trenger tjenestene, i mengde og kvalitet?
#
# capacity: bemanningsplanen – årsverk per enhet og stilling, og hvilken
# formalkompetanse som godtas i stillingen (den første er hovedkompetansen).
# `position` må stemme med kolonnen `position` i data/staff.csv.
capacity:
  - unit: enhet-a
    position: sykepleier
    title: Sykepleier
    fte: 2.0                 # årsverk i basisåret
    accepts: [sykepleier]
    styrk: "2223"
  - unit: enhet-a
    position: helsefagarbeider
    title: Helsefagarbeider
    fte: 2.0
    accepts: [helsefagarbeider, sykepleier]
    annual_growth: 0.0       # årlig vekst i behovet, f.eks. 0.02 for 2 %

# quality: krav til realkompetanse – andel (share) eller antall (count) av de
# ansatte som skal beherske et område minst på nivå min_level (1–5) i kartleggingen.
# Kartlegg bare det dere har stilt krav til (KS).
quality:
  - unit: enhet-a
    competence: demensomsorg
    min_level: 3
    share: 0.5
"#;

pub(super) const GOALS: &str = r#"
# Steg 3 – Overordnede mål og føringer
# Hovedmål fra kommuneplanen og nasjonale føringer, med strategiene for å nå dem.
# Tiltakene i measures.toml viser til målene med `goal`.

[[goal]]
id = "kompetanse"
title = "Heve kompetansen i helse og omsorg"
strategies = [
  "Alle ansatte skal ha den kompetansen tjenesten trenger",
  "Arbeidsplassen er den viktigste læringsarenaen",
]
"#;

pub(super) const MEASURES: &str = r#"
# Steg 6 – Kompetansestrategier og tiltak
# strategy: mobilise (mobilisere), develop (utvikle), acquire (rekruttere/anskaffe),
#           phase_out (avvikle)
# responsible: roller, f.eks. radmann, hr, virksomhetsleder, forstelinjeleder, tillitsvalgt
# arena: in_work (læring i arbeid), at_work (på arbeid), outside_work (utenfor arbeid)
# Et tiltak dekker et behov når `competences` inneholder kompetansen, og `units`
# inneholder enheten (uten `units` gjelder tiltaket alle enheter).

[[measure]]
id = "demens-abc"
goal = "kompetanse"
title = "Demensomsorgens ABC for alle ansatte"
strategy = "develop"
competences = ["demensomsorg"]
units = ["enhet-a"]
responsible = ["virksomhetsleder", "forstelinjeleder"]
arena = "at_work"
start = {from}
end = {mid}
cost_nok = 50000       # kostnad per år, til økonomiplanen
indicators = ["heltid", "fullfort-abc"]
"#;

pub(super) const INDICATORS: &str = r#"
# Steg 7 – Gjennomføring, oppfølging og evaluering
# Indikatorer beregnet fra bemanningsoversikten (metric) eller ført manuelt
# (baseline og observed). Gi hver indikator et måltall (target).

[[indicator]]
id = "heltid"
title = "Andel ansatte i heltidsstilling"
metric = "position_share"   # andel ansatte med minst min_percent stilling
min_percent = 100
target = { year = {to}, min = 0.5 }

[[indicator]]
id = "fullfort-abc"
title = "Antall ansatte som har fullført Demensomsorgens ABC"
unit = "antall"
baseline = { year = {from}, value = 0 }
target = { year = {mid}, min = 4 }
# observed = [{ year = {mid}, value = 3 }]   # før inn målingene ved hver rullering
"#;

pub(super) const DATA_README: &str = "\
# data/ – kompetansekapitalen (steg 5)

Bemanningsoversikten og kartleggingen som CSV. Overskriftene må være nøyaktig
som i filene. Id-er er pseudonymer: ingen navn eller fødselsnumre i disse filene.

`staff.csv` – én linje per ansatt (f.eks. fra PAI-registeret per 1. desember):

- `id` pseudonym, `unit` enhet, `position` stilling (som i requirements.yaml)
- `percent` stillingsprosent (0–100), `wanted_percent` ønsket stilling (tom = som nå)
- `education` formalkompetanse (tom = ingen helsefaglig utdanning), `birth_year` fødselsår
- `studying` kompetanse under utdanning, `study_done` året den regnes med

`survey.csv` – ett svar per respondent og kompetanseområde:

- `respondent` pseudonym, `unit` enhet, `competence` realkompetanse
- `level` selvvurdert nivå 1–5, `need` opplevd behov 1–5 (kan stå tomt)

Se docs/format.md i kompetanseplan-prosjektet for alle felt, og kjør
`plan check .` i planmappen etter hver endring.
";

/// Rows of `data/staff.csv` (the header comes from the roster's layout).
pub(super) const STAFF_ROWS: &str = "\
a01,enhet-a,sykepleier,100,sykepleier,1985,,,
a02,enhet-a,sykepleier,100,sykepleier,1990,,,
a03,enhet-a,helsefagarbeider,100,helsefagarbeider,1988,,,
a04,enhet-a,helsefagarbeider,100,helsefagarbeider,1992,,,
";

/// Rows of `data/survey.csv` (the header comes from the survey's layout).
pub(super) const SURVEY_ROWS: &str = "\
r01,enhet-a,demensomsorg,3,3
r02,enhet-a,demensomsorg,4,2
";
