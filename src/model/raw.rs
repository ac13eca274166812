//! Raw types: exactly what a plan file holds, as serde reads it.
//!
//! In: one TOML/YAML file (via the located node tree). Out: these structs, which
//! [`crate::validate`] turns into the [`crate::model`] that later stages use.
//! The doc comments become the descriptions of the JSON Schema under `schemas/`
//! (`plan schema`), so each one gives the Norwegian term. The `#[schemars(...)]`
//! ranges, patterns and conditions mirror the checks in [`crate::validate`], so
//! an editor flags what `plan check` would; they never add a rule of their own.

use schemars::JsonSchema;
use serde::Deserialize;

use super::{Arena, Dimension, EduLevel, MeasureStatus, Metric, Strategy};

/// One plan file (TOML or YAML). Every collection is optional in a single file; collections from all files of the plan directory are merged.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Kompetanseplan file (format v1)")]
pub struct PlanFile {
    /// Planen: the plan's identity, period and organisation. Exactly once per plan directory.
    #[schemars(default, with = "RawPlan")]
    pub plan: Option<RawPlan>,
    /// Forutsetninger: assumptions of the projection. At most once per plan directory.
    #[schemars(default, with = "RawAssumptions")]
    pub assumptions: Option<RawAssumptions>,
    /// Datafiler: the CSV files with the staff roster (bemanningsoversikt) and survey answers (kartlegging). At most once per plan directory.
    #[schemars(default, with = "RawData")]
    pub data: Option<RawData>,
    /// Kompetanser: formal competences (formalkompetanse: utdanning, autorisasjon) and real competence areas (realkompetanse).
    #[serde(default)]
    pub competence: Vec<RawCompetence>,
    /// Enheter: units (virksomheter, avdelinger).
    #[serde(default)]
    pub unit: Vec<RawUnit>,
    /// Bemanningsplan: capacity requirements (kompetansekrav, kapasitet) in FTE (årsverk), one line per unit and position.
    #[serde(default)]
    pub capacity: Vec<RawCapacity>,
    /// Kvalitetskrav: real-competence requirements (kompetansekrav, kvalitet), one line per unit, competence and level.
    #[serde(default)]
    pub quality: Vec<RawQuality>,
    /// Arbeidsmengde (WISN): the workload of one position in one unit, from which its required FTE are computed (WHO's Workload Indicators of Staffing Need). At most one per (unit, position).
    #[serde(default)]
    pub workload: Vec<super::raw_workload::RawWorkload>,
    /// Hovedmål: main goals with their strategies.
    #[serde(default)]
    pub goal: Vec<RawGoal>,
    /// Tiltak: measures (tiltaksplan).
    #[serde(default)]
    pub measure: Vec<RawMeasure>,
    /// Indikatorer: indicators to follow the plan up (oppfølging og evaluering).
    #[serde(default)]
    pub indicator: Vec<RawIndicator>,
    /// Befolkningsframskriving: the population projection (SSB) that demand drivers read. At most once per plan directory.
    #[schemars(default, with = "RawPopulation")]
    pub population: Option<RawPopulation>,
    /// Etterspørselsdrivere: demand drivers, user rates (dekningsgrader) per age band applied to the population projection.
    #[serde(default)]
    pub driver: Vec<RawDriver>,
    /// Scenarier: other futures to analyse the plan under (the plan itself is scenario `basis`).
    #[serde(default)]
    pub scenario: Vec<RawScenario>,
}

/// Befolkningsframskriving: a population projection file (tidy CSV, SSB StatBank CSV as downloaded, or JSON-stat2), persons by year and single age. At most once per plan directory.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPopulation {
    /// Fil: path relative to the plan directory, e.g. "data/befolkning.csv".
    pub file: String,
    /// Region: kommunenummer as a string, e.g. "3301"; required when the file holds more than one region.
    pub region: Option<String>,
    /// Alternativ: projection alternative code (default "MMMM", SSB's main alternative), e.g. "LLML".
    #[schemars(extend("default" = "MMMM"))]
    pub alternative: Option<String>,
}

/// Etterspørselsdriver: user rates (dekningsgrader) per age band; D(y) = Σ rate × persons in the band in year y. Give `rates` or `ages`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDriver {
    /// Id: unique among drivers, used in `capacity.driver` and `scenario.rates`, e.g. "hjemmetjeneste".
    pub id: String,
    /// Tittel: display title, e.g. "Hjemmetjenester".
    pub title: String,
    /// Dekningsgrader: age band ("67-79" inclusive, or "90+" for 90 to 100) → user rate, 0 or more, e.g. { "67-79" = 0.06, "80-89" = 0.25, "90+" = 0.5 }. Bands must not overlap.
    pub rates: Option<std::collections::BTreeMap<String, f64>>,
    /// Aldersgruppe: one band with rate 1 (the count of residents), e.g. "80+". Instead of `rates`.
    pub ages: Option<String>,
}

/// Scenario: the plan under another future: another population alternative, other assumptions, other user rates.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawScenario {
    /// Id: unique among scenarios, not "basis" (the plan itself), e.g. "ssb-lav".
    pub id: String,
    /// Tittel: display title, e.g. "Lav befolkningsvekst (SSB LLML)".
    pub title: String,
    /// Beskrivelse: free text.
    pub description: Option<String>,
    /// Befolkningsalternativ: projection alternative code in the population file, e.g. "LLML".
    pub alternative: Option<String>,
    /// Forutsetninger: assumptions overridden in this scenario.
    #[schemars(default, with = "RawScenarioAssumptions")]
    pub assumptions: Option<RawScenarioAssumptions>,
    /// Dekningsgrader: per driver id, bands whose rate is replaced, e.g. rates.hjemmetjeneste = { "80-89" = 0.22 }; other bands keep the driver's rates.
    #[serde(default)]
    pub rates: std::collections::BTreeMap<String, std::collections::BTreeMap<String, f64>>,
}

/// Forutsetninger overridden by a scenario.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawScenarioAssumptions {
    /// Pensjonsalder: 50–80.
    #[schemars(range(min = 50, max = 80))]
    pub retirement_age: Option<i64>,
    /// Turnover (avgang): share of staff leaving per year, 0–1.
    #[schemars(range(min = 0.0, max = 1.0))]
    pub turnover_rate: Option<f64>,
    /// Årlig effektivisering: labour saved per year, −0.5–0.5.
    #[schemars(range(min = -0.5, max = 0.5))]
    pub efficiency: Option<f64>,
}

/// Planperiode: first and last year of the plan (from ≤ to).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPeriod {
    /// Fra år: first year of the plan period, e.g. 2025.
    #[schemars(range(min = 1900, max = 2200))]
    pub from: i64,
    /// Til år: last year of the plan period, e.g. 2029 (not before `from`).
    #[schemars(range(min = 1900, max = 2200))]
    pub to: i64,
}

/// Planen (plan): identity, period and organisation (KS steps 1–2). Exactly once per plan directory.
/// Only `municipality`, `title` and `period` are required: a plan being drafted has no
/// `adopted` date yet, and `plan check` says which KS steps are still to be filled.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPlan {
    /// Kommune: name of the municipality (required).
    #[schemars(required)]
    pub municipality: Option<String>,
    /// Kommunenummer: four digits as a string, leading zero kept (e.g. "0301").
    #[schemars(regex(pattern = r"^[0-9]{4}$"))]
    pub municipality_number: Option<String>,
    /// Tittel: title of the plan (required).
    #[schemars(required)]
    pub title: Option<String>,
    /// Planperiode: years the plan covers, e.g. { from = 2025, to = 2029 } (required).
    #[schemars(required)]
    pub period: Option<RawPeriod>,
    /// Basisår: year of the roster and survey, within the period (default: period.from).
    #[schemars(range(min = 1900, max = 2200))]
    pub base_year: Option<i64>,
    /// Vedtatt: date the plan was adopted (YYYY-MM-DD; a TOML date or a string). Absent while the plan is a draft (utkast).
    #[schemars(
        with = "Option<String>",
        regex(pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
    )]
    pub adopted: Option<String>,
    /// Sist revidert: date of the last revision, rullering (YYYY-MM-DD, not before `adopted`). More than 12 months ago gives a warning.
    #[schemars(
        with = "Option<String>",
        regex(pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
    )]
    pub last_revised: Option<String>,
    /// Prosjekteier: owner of the plan, e.g. "Kommunalsjef helse og omsorg" (KS step 1).
    pub owner: Option<String>,
    /// Styringsgruppe: steering group (roles or names of bodies) (KS step 1).
    #[serde(default)]
    pub steering_group: Vec<String>,
    /// Arbeidsgruppe: working group, with tillitsvalgte and verneombud (KS step 1).
    #[serde(default)]
    pub working_group: Vec<String>,
    /// Brukermedvirkning: user participation (eldreråd, råd for personer med funksjonsnedsettelse, ungdomsråd, ...) (KS step 2).
    #[serde(default)]
    pub user_participation: Vec<String>,
    /// Forankring: how the plan is anchored (management, unions, politics). Optional, default empty.
    #[serde(default)]
    pub anchoring: Vec<String>,
}

/// Forutsetninger (assumptions) of the projection over the plan period. At most once per plan directory.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAssumptions {
    /// Pensjonsalder: general retirement age in years, 50–80 (default 67). A competence's særaldersgrense overrides it.
    #[schemars(range(min = 50, max = 80), extend("default" = 67))]
    pub retirement_age: Option<i64>,
    /// Turnover (avgang): share of staff leaving per year, 0–1 (default 0), e.g. 0.1 for 10 %.
    #[schemars(range(min = 0.0, max = 1.0), extend("default" = 0.0))]
    pub turnover_rate: Option<f64>,
    /// Minste gruppestørrelse: anonymity threshold (personvern), 1–1000 (default 5). Survey results from fewer respondents are suppressed.
    #[schemars(range(min = 1, max = 1000), extend("default" = 5))]
    pub min_group_size: Option<i64>,
    /// Årlig effektivisering: labour saved per year by innovation and welfare technology, as a fraction, −0.5–0.5 (default 0), e.g. 0.01 for 1 % a year; applied to every capacity line.
    #[schemars(range(min = -0.5, max = 0.5), extend("default" = 0.0))]
    pub efficiency: Option<f64>,
}

/// Datafiler: CSV files, paths relative to the plan directory. CSV files are read only when named here.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawData {
    /// Bemanningsoversikt: staff roster CSV (id,unit,position,percent,education,birth_year,wanted_percent,studying,study_done), e.g. "data/staff.csv".
    pub staff: Option<super::raw_data::RawSource>,
    /// Kartlegging: survey answers CSV (respondent,unit,competence,level,need), e.g. "data/survey.csv".
    pub survey: Option<super::raw_data::RawSource>,
}

/// Kompetansetype: formal (formalkompetanse) or real (realkompetanse) competence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CompetenceKind {
    /// Formalkompetanse: an education or authorisation; needs `level`.
    Formal,
    /// Realkompetanse: a skill area; needs `dimension`.
    Real,
}

/// Kompetanse: a formal competence (utdanning, autorisasjon; with `level`) or a real competence area (realkompetanse; with `dimension`).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    extend(
        "if" = { "properties": { "kind": { "const": "formal" } } },
        "then" = {
            "required": ["level"],
            "properties": { "level": { "not": { "type": "null" } }, "dimension": { "type": "null" } }
        },
        "else" = {
            "required": ["dimension"],
            "properties": { "dimension": { "not": { "type": "null" } }, "level": { "type": "null" } }
        }
    )
)]
pub struct RawCompetence {
    /// Id: unique among competences, used in references (capacity `accepts`, quality, measures, the staff and survey CSVs), e.g. "sykepleier".
    pub id: String,
    /// Navn: display name, e.g. "Sykepleier".
    pub name: String,
    /// Type: `formal` (formalkompetanse) or `real` (realkompetanse).
    pub kind: CompetenceKind,
    /// Utdanningsnivå: education level; required for formal competences, not allowed for real ones.
    pub level: Option<EduLevel>,
    /// Dimensjon: kunnskaper, ferdigheter, holdninger, evner; required for real competences, not allowed for formal ones.
    pub dimension: Option<Dimension>,
    /// STYRK-08 yrkeskode: four digits as a string, e.g. "2223" (sykepleiere), "5321" (helsefagarbeidere).
    #[schemars(regex(pattern = r"^[0-9]{4}$"))]
    pub styrk: Option<String>,
    /// Særaldersgrense: retirement age (50–80) for staff with this education, overriding assumptions.retirement_age; 65 for many care positions.
    #[schemars(range(min = 50, max = 80))]
    pub retirement_age: Option<i64>,
    /// Kan læres: whether own staff can be trained in it (default true). Quality needs of a non-trainable competence must be acquired.
    #[schemars(extend("default" = true))]
    pub trainable: Option<bool>,
    /// Beskrivelse: free text.
    pub description: Option<String>,
}

/// Enhet: a unit (virksomhet, avdeling), e.g. a helse- og omsorgssenter or the hjemmetjeneste.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawUnit {
    /// Id: unique among units, used in references and in the CSVs' `unit` column, e.g. "sjoheim".
    pub id: String,
    /// Navn: display name, e.g. "Sjøheim helse- og omsorgssenter".
    pub name: String,
    /// Tjeneste: the service (free text), e.g. "Helsetjenester i hjemmet".
    pub service: String,
    /// Beskrivelse: free text.
    pub description: Option<String>,
}

/// Bemanningsplanlinje: required FTE (årsverk) for one position in one unit. (unit, position) is unique.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCapacity {
    /// Enhet: unit id.
    pub unit: String,
    /// Stilling: position id (matches `position` in the staff CSV), e.g. "sykepleier".
    #[schemars(regex(pattern = r"\S"))]
    pub position: String,
    /// Stillingstittel: display title, e.g. "Sykepleier".
    pub title: String,
    /// Årsverk: required FTE in the base year, 0 or more, e.g. 6.0. May be omitted when a `workload` exists for the same unit and position: the requirement is then computed from it (WISN).
    #[schemars(range(min = 0.0))]
    pub fte: Option<f64>,
    /// Godkjent formalkompetanse: accepted formal competence ids, at least one; the first is the primary one.
    #[schemars(length(min = 1))]
    pub accepts: Vec<String>,
    /// Årlig vekst: growth of the requirement per year as a fraction, −0.5–1 (default 0), e.g. 0.05 for 5 %. Not allowed on a line without `fte` (its workload sets the growth).
    #[schemars(range(min = -0.5, max = 1.0), extend("default" = 0.0))]
    pub annual_growth: Option<f64>,
    /// Etterspørselsdriver: id of a `[[driver]]` whose index D(y)/D(B) grows the requirement, instead of `annual_growth`.
    pub driver: Option<String>,
    /// STYRK-08 yrkeskode of the position: four digits as a string.
    #[schemars(regex(pattern = r"^[0-9]{4}$"))]
    pub styrk: Option<String>,
}

/// Kvalitetskrav: share (`share`) or number (`count`) of a unit's staff who must master a real competence at `min_level` or above. Give exactly one of `share` and `count`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("oneOf" = [
    { "required": ["share"], "properties": { "share": { "type": "number" } } },
    { "required": ["count"], "properties": { "count": { "type": "integer" } } }
]))]
pub struct RawQuality {
    /// Enhet: unit id.
    pub unit: String,
    /// Realkompetanse: id of a competence of kind `real`.
    pub competence: String,
    /// Minste nivå: self-assessed survey level 1–5 that counts as mastering it.
    #[schemars(range(min = 1, max = 5))]
    pub min_level: i64,
    /// Andel: share of the unit's staff (headcount), 0–1, e.g. 0.5. Give this or `count`.
    #[schemars(range(min = 0.0, max = 1.0))]
    pub share: Option<f64>,
    /// Antall: number of persons, 0 or more. Give this or `share`.
    #[schemars(range(min = 0, max = 4294967295_i64))]
    pub count: Option<i64>,
}

/// Hovedmål: a main goal with its strategies.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawGoal {
    /// Id: unique among goals, used in `measure.goal`, e.g. "heltid".
    pub id: String,
    /// Tittel: the goal, e.g. "Flere heltidsstillinger".
    pub title: String,
    /// Strategier: the strategies towards the goal (free text).
    pub strategies: Vec<String>,
}

/// Tiltak: a measure, in one of the four competence strategies.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMeasure {
    /// Id: unique among measures, e.g. "okt-stilling".
    pub id: String,
    /// Hovedmål: id of the goal the measure serves.
    pub goal: String,
    /// Tittel: what is done.
    pub title: String,
    /// Strategi: mobilise (mobilisere), develop (utvikle), acquire (rekruttere/anskaffe), phase_out (avvikle).
    pub strategy: Strategy,
    /// Kompetanser: ids of the competences the measure builds, mobilises or acquires (at least one).
    #[schemars(length(min = 1))]
    pub competences: Vec<String>,
    /// Enheter: unit ids the measure covers; omitted = all units.
    pub units: Option<Vec<String>>,
    /// Ansvarlig: roles, e.g. radmann, hr, virksomhetsleder, forstelinjeleder, tillitsvalgt. Empty gives a warning.
    #[serde(default)]
    pub responsible: Vec<String>,
    /// Læringsarena: in_work (læring i arbeid), at_work (på arbeid), outside_work (utenfor arbeid).
    pub arena: Option<Arena>,
    /// Start: first year of the measure. Outside the plan period gives a warning.
    #[schemars(range(min = 1900, max = 2200))]
    pub start: i64,
    /// Slutt: last year of the measure (not before `start`).
    #[schemars(range(min = 1900, max = 2200))]
    pub end: i64,
    /// Kostnad: cost in kroner (NOK) per year, 0 or more.
    #[schemars(range(min = 0.0))]
    pub cost_nok: Option<f64>,
    /// Indikatorer: ids of the indicators that evaluate the measure. Empty gives a warning.
    #[serde(default)]
    pub indicators: Vec<String>,
    /// Status: planned (planlagt, the default), ongoing (pågår), done (gjennomført), cancelled (avlyst). The latest `followup` entry's status wins when it is dated after the plan's `last_revised`.
    #[schemars(extend("default" = "planned"))]
    pub status: Option<MeasureStatus>,
    /// Oppfølging: follow-up entries, one per check of the measure (date, status, participants, note).
    #[serde(default)]
    pub followup: Vec<RawFollowUp>,
}

/// Oppfølging: one follow-up of a measure.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFollowUp {
    /// Dato: the date of the follow-up (YYYY-MM-DD; a TOML date or a string).
    #[schemars(with = "String", regex(pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    pub date: String,
    /// Status: planned (planlagt), ongoing (pågår), done (gjennomført), cancelled (avlyst).
    pub status: MeasureStatus,
    /// Deltakere: how many took part so far, 0 or more.
    #[schemars(range(min = 0, max = 1000000))]
    pub participants: Option<i64>,
    /// Merknad: free text.
    pub note: Option<String>,
}

/// Observasjon (måling): a value in a year.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawObservation {
    /// År: the year of the value.
    #[schemars(range(min = 1900, max = 2200))]
    pub year: i64,
    /// Verdi: the value, in the indicator's unit.
    pub value: f64,
}

/// Måltall: target value in a year; give `min`, `max` or both (min ≤ max).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("anyOf" = [
    { "required": ["min"], "properties": { "min": { "type": "number" } } },
    { "required": ["max"], "properties": { "max": { "type": "number" } } }
]))]
pub struct RawTarget {
    /// Målår: the year the target applies to.
    #[schemars(range(min = 1900, max = 2200))]
    pub year: i64,
    /// Minst: the value must be at least this.
    pub min: Option<f64>,
    /// Høyst: the value must be at most this.
    pub max: Option<f64>,
}

/// Indikator: either computed from the roster (`metric`, with `levels`/`among` or `min_percent`; optional `observed` values from official sources such as KOSTRA) or manual (`unit`, `baseline`, `observed`); both with an optional `target`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("allOf" = [
    {
        "if": { "required": ["metric"], "properties": { "metric": { "type": "string" } } },
        "then": {
            "properties": {
                "unit": { "type": "null" },
                "baseline": { "type": "null" }
            }
        },
        "else": {
            "properties": {
                "levels": { "type": "null" },
                "among": { "type": "null" },
                "min_percent": { "type": "null" }
            },
            "anyOf": [
                { "required": ["unit"], "properties": { "unit": { "type": "string" } } },
                { "required": ["baseline"], "properties": { "baseline": { "type": "object" } } },
                { "required": ["observed"], "properties": { "observed": { "type": "array" } } }
            ]
        }
    },
    {
        "if": { "required": ["metric"], "properties": { "metric": { "const": "education_share" } } },
        "then": {
            "required": ["levels"],
            "properties": { "levels": { "type": "array" }, "min_percent": { "type": "null" } }
        }
    },
    {
        "if": { "required": ["metric"], "properties": { "metric": { "const": "position_share" } } },
        "then": {
            "required": ["min_percent"],
            "properties": {
                "min_percent": { "type": "number" },
                "levels": { "type": "null" },
                "among": { "type": "null" }
            }
        }
    }
]))]
pub struct RawIndicator {
    /// Id: unique among indicators, used in `measure.indicators`, e.g. "heltid".
    pub id: String,
    /// Tittel: what is measured, e.g. "Andel ansatte i heltidsstilling".
    pub title: String,
    /// Beregnet indikator (metric): education_share (utdanningsandel, share of FTE) or position_share (stillingsandel, share of staff). Omit for a manual indicator.
    pub metric: Option<Metric>,
    /// Utdanningsnivåer (education_share only, required): levels counted in the numerator.
    #[schemars(length(min = 1))]
    pub levels: Option<Vec<EduLevel>>,
    /// Blant nivåer (education_share only): levels counted in the denominator (all staff when omitted; no education counts as `none`).
    pub among: Option<Vec<EduLevel>>,
    /// Minste stillingsprosent (position_share only, required): staff with at least this stillingsprosent are counted, above 0 and at most 100, e.g. 100 for heltid.
    #[schemars(extend("exclusiveMinimum" = 0, "maximum" = 100))]
    pub min_percent: Option<f64>,
    /// Måleenhet (manual indicator): unit of measure, e.g. "antall".
    pub unit: Option<String>,
    /// Utgangspunkt (manual indicator): baseline value in a year.
    pub baseline: Option<RawObservation>,
    /// Målinger: observed values, one per year. Manual indicators: the measurements; computed ones: values from official sources (KOSTRA, SSB), shown beside the projection.
    pub observed: Option<Vec<RawObservation>>,
    /// Måltall: target. Omitted gives a warning.
    pub target: Option<RawTarget>,
}
