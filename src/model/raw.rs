//! Raw types: exactly what a plan file holds, as serde reads it.
//!
//! In: one TOML/YAML file (via the located node tree). Out: these structs, which
//! [`crate::validate`] turns into the [`crate::model`] that later stages use.
//! The doc comments become the descriptions of the JSON Schema under `schemas/`
//! (`plan schema`), so each one gives the Norwegian term.

use schemars::JsonSchema;
use serde::Deserialize;

use super::{Arena, Dimension, EduLevel, Metric, Strategy};

/// One plan file (TOML or YAML). Every collection is optional in a single file;
/// collections from all files of the plan directory are merged.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Kompetanseplan file (format v1)")]
pub struct PlanFile {
    /// Planen: the plan's identity, period and organisation. Exactly once per plan directory.
    pub plan: Option<RawPlan>,
    /// Forutsetninger: assumptions of the projection.
    pub assumptions: Option<RawAssumptions>,
    /// Data: the CSV files with the staff roster and survey answers.
    pub data: Option<RawData>,
    /// Kompetanser: formal competences (utdanning, autorisasjon) and real competence areas (realkompetanse).
    #[serde(default)]
    pub competence: Vec<RawCompetence>,
    /// Enheter: units (virksomheter, avdelinger).
    #[serde(default)]
    pub unit: Vec<RawUnit>,
    /// Bemanningsplan: capacity requirements (kompetansekrav, kapasitet) in FTE (årsverk).
    #[serde(default)]
    pub capacity: Vec<RawCapacity>,
    /// Kvalitetskrav: real-competence requirements (kompetansekrav, kvalitet).
    #[serde(default)]
    pub quality: Vec<RawQuality>,
    /// Hovedmål: main goals with their strategies.
    #[serde(default)]
    pub goal: Vec<RawGoal>,
    /// Tiltak: measures.
    #[serde(default)]
    pub measure: Vec<RawMeasure>,
    /// Indikatorer: indicators to follow the plan up (oppfølging og evaluering).
    #[serde(default)]
    pub indicator: Vec<RawIndicator>,
}

/// Planperiode: first and last year of the plan.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPeriod {
    /// Fra år: first year of the plan period.
    pub from: i64,
    /// Til år: last year of the plan period.
    pub to: i64,
}

/// Planen (plan): identity, period and organisation (KS steps 1–2).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPlan {
    /// Kommune: name of the municipality.
    pub municipality: String,
    /// Kommunenummer: four digits as a string, leading zero kept (e.g. "0301").
    pub municipality_number: String,
    /// Tittel: title of the plan.
    pub title: String,
    /// Planperiode: years the plan covers.
    pub period: RawPeriod,
    /// Basisår: year of the roster (defaults to period.from).
    pub base_year: Option<i64>,
    /// Vedtatt: date the plan was adopted (YYYY-MM-DD).
    #[schemars(with = "String", regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    pub adopted: String,
    /// Sist revidert: date of the last revision, rullering (YYYY-MM-DD).
    #[schemars(with = "String", regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    pub last_revised: String,
    /// Prosjekteier: owner of the plan.
    pub owner: String,
    /// Styringsgruppe: steering group.
    pub steering_group: Vec<String>,
    /// Arbeidsgruppe: working group.
    pub working_group: Vec<String>,
    /// Brukermedvirkning: user participation (eldreråd, råd for personer med funksjonsnedsettelse, ...).
    pub user_participation: Vec<String>,
    /// Forankring: how the plan is anchored (management, unions, politics).
    #[serde(default)]
    pub anchoring: Vec<String>,
}

/// Forutsetninger (assumptions).
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAssumptions {
    /// Pensjonsalder: general retirement age (default 67).
    pub retirement_age: Option<i64>,
    /// Turnover: share of staff leaving per year, 0..1 (default 0).
    pub turnover_rate: Option<f64>,
    /// Minste gruppestørrelse: anonymity threshold for survey and staff figures (default 5).
    pub min_group_size: Option<i64>,
}

/// Datafiler: CSV files, paths relative to the plan directory.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawData {
    /// Bemanningsoversikt: staff roster CSV.
    pub staff: Option<String>,
    /// Kartlegging: survey answers CSV.
    pub survey: Option<String>,
}

/// Formal (formalkompetanse) or real (realkompetanse) competence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CompetenceKind {
    /// Formalkompetanse: an education or authorisation.
    Formal,
    /// Realkompetanse: a skill area.
    Real,
}

/// Kompetanse: a formal competence or a real competence area.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCompetence {
    /// Id used in references.
    pub id: String,
    /// Navn: display name.
    pub name: String,
    /// Type: `formal` or `real`.
    pub kind: CompetenceKind,
    /// Utdanningsnivå: education level, for formal competences.
    pub level: Option<EduLevel>,
    /// Dimensjon: kunnskaper, ferdigheter, holdninger, evner — for real competences.
    pub dimension: Option<Dimension>,
    /// STYRK-08 occupation code (4 digits).
    pub styrk: Option<String>,
    /// Særaldersgrense: retirement age override for staff with this competence.
    pub retirement_age: Option<i64>,
    /// Kan læres: whether own staff can be trained in it (default true).
    pub trainable: Option<bool>,
    /// Beskrivelse.
    pub description: Option<String>,
}

/// Enhet: a unit (virksomhet, avdeling).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawUnit {
    pub id: String,
    /// Navn.
    pub name: String,
    /// Tjeneste: the service (free text).
    pub service: String,
    /// Beskrivelse.
    pub description: Option<String>,
}

/// Bemanningsplanlinje: required FTE (årsverk) for one position in one unit.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCapacity {
    /// Enhet: unit id.
    pub unit: String,
    /// Stilling: position id (matches `position` in the staff CSV).
    pub position: String,
    /// Stillingstittel.
    pub title: String,
    /// Årsverk: required FTE in the base year (≥ 0).
    pub fte: f64,
    /// Godkjent formalkompetanse: accepted formal competence ids; the first is the primary one.
    pub accepts: Vec<String>,
    /// Årlig vekst: growth of the requirement per year, as a fraction (0.05 = 5 %).
    pub annual_growth: Option<f64>,
    /// STYRK-08 code of the position.
    pub styrk: Option<String>,
}

/// Kvalitetskrav: share or number of a unit's staff who must master a real competence.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawQuality {
    /// Enhet: unit id.
    pub unit: String,
    /// Realkompetanse: a competence of kind `real`.
    pub competence: String,
    /// Minste nivå: self-assessed level 1–5 that counts as mastering it.
    pub min_level: i64,
    /// Andel: share of the unit's staff, 0..1 (give this or `count`).
    pub share: Option<f64>,
    /// Antall: number of persons (give this or `share`).
    pub count: Option<i64>,
}

/// Hovedmål: a main goal with its strategies.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawGoal {
    pub id: String,
    /// Tittel.
    pub title: String,
    /// Strategier.
    pub strategies: Vec<String>,
}

/// Tiltak: a measure.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMeasure {
    pub id: String,
    /// Hovedmål: goal id.
    pub goal: String,
    /// Tittel.
    pub title: String,
    /// Strategi: mobilise (mobilisere), develop (utvikle), acquire (rekruttere/anskaffe), phase_out (avvikle).
    pub strategy: Strategy,
    /// Kompetanser the measure addresses (ids).
    pub competences: Vec<String>,
    /// Enheter: unit ids; omitted = all units.
    pub units: Option<Vec<String>>,
    /// Ansvarlig: roles, e.g. radmann, hr, virksomhetsleder, forstelinjeleder, tillitsvalgt.
    #[serde(default)]
    pub responsible: Vec<String>,
    /// Læringsarena: in_work (i arbeid), at_work (på arbeid), outside_work (utenfor arbeid).
    pub arena: Option<Arena>,
    /// Start (year).
    pub start: i64,
    /// Slutt (year).
    pub end: i64,
    /// Kostnad i kroner per år.
    pub cost_nok: Option<f64>,
    /// Indikatorer (ids).
    #[serde(default)]
    pub indicators: Vec<String>,
}

/// Observasjon: a value in a year.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawObservation {
    /// År.
    pub year: i64,
    /// Verdi.
    pub value: f64,
}

/// Måltall: target value in a year.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTarget {
    /// Målår.
    pub year: i64,
    /// Minst.
    pub min: Option<f64>,
    /// Høyst.
    pub max: Option<f64>,
}

/// Indikator: computed from the roster (`metric`) or manual (`baseline`, `observed`).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawIndicator {
    pub id: String,
    /// Tittel.
    pub title: String,
    /// Beregnet indikator: education_share (utdanningsandel) or position_share (andel store stillinger).
    pub metric: Option<Metric>,
    /// education_share: levels counted in the numerator.
    pub levels: Option<Vec<EduLevel>>,
    /// education_share: levels counted in the denominator (all staff when omitted).
    pub among: Option<Vec<EduLevel>>,
    /// position_share: minimum stillingsprosent counted.
    pub min_percent: Option<f64>,
    /// Manual indicator: unit of measure (e.g. "antall").
    pub unit: Option<String>,
    /// Manual indicator: utgangspunkt (baseline value).
    pub baseline: Option<RawObservation>,
    /// Manual indicator: observed values (målinger).
    pub observed: Option<Vec<RawObservation>>,
    /// Måltall: target.
    pub target: Option<RawTarget>,
}
