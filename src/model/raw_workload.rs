//! Raw types of `[[workload]]`: the WISN inputs of one position in one unit,
//! exactly as a plan file holds them.
//!
//! In: one item of a plan file (via the located node tree). Out: these
//! structs, which [`crate::validate`] turns into [`super::workload::Workload`].
//! The doc comments become the JSON Schema; the ranges mirror the checks in
//! `validate/workload.rs` and add no rule of their own.

use schemars::JsonSchema;
use serde::Deserialize;

use super::workload::Per;

/// Arbeidsmengde (WISN): the workload of one position in one unit. The required FTE are W = A × CAF + IAF (docs/method.md).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawWorkload {
    /// Enhet: unit id.
    pub unit: String,
    /// Stilling: position id; a capacity line for (unit, position) must exist.
    pub position: String,
    /// Arbeidsdager: working days per year, above 0 and at most 366 (default 260).
    #[schemars(extend("exclusiveMinimum" = 0, "maximum" = 366, "default" = 260))]
    pub working_days: Option<f64>,
    /// Timer per dag: working hours per day, above 0 and at most 24 (default 7.5).
    #[schemars(extend("exclusiveMinimum" = 0, "maximum" = 24, "default" = 7.5))]
    pub hours_per_day: Option<f64>,
    /// Timer per uke: working hours per week, above 0 and at most 168 (default 5 × hours_per_day).
    #[schemars(extend("exclusiveMinimum" = 0, "maximum" = 168))]
    pub hours_per_week: Option<f64>,
    /// Fravær: days per year away from work, by kind (each 0 or more, default 0). Available working time = (working_days − Σ absence_days) × hours_per_day must stay above 0.
    #[schemars(default, with = "RawAbsence")]
    pub absence_days: Option<RawAbsence>,
    /// Helsetjenesteaktiviteter: the activities of the service, each with a standard time and a yearly volume.
    #[serde(default)]
    pub activities: Vec<RawActivity>,
    /// Støtteaktiviteter (category allowance): work every person in the position does (rapport, fagmøter, kurs).
    #[serde(default)]
    pub support: Vec<RawSupport>,
    /// Individuelle oppgaver (individual allowance): work only some persons do (verneombud, fagutvikling, tillitsverv).
    #[serde(default)]
    pub individual: Vec<RawIndividual>,
}

/// Fravær: days away from work per year (each 0 or more, default 0).
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAbsence {
    /// Helligdager: public holidays falling on working days.
    #[schemars(range(min = 0.0), extend("default" = 0))]
    pub holidays: Option<f64>,
    /// Ferie: vacation days.
    #[schemars(range(min = 0.0), extend("default" = 0))]
    pub vacation: Option<f64>,
    /// Sykefravær: sick days.
    #[schemars(range(min = 0.0), extend("default" = 0))]
    pub sick: Option<f64>,
    /// Annet fravær: other absence (permisjoner, velferd).
    #[schemars(range(min = 0.0), extend("default" = 0))]
    pub other: Option<f64>,
}

/// Helsetjenesteaktivitet: one activity of the service.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawActivity {
    /// Navn: e.g. "Medisinering".
    pub name: String,
    /// Standardtid: minutes per occurrence, above 0 and at most 100 000, e.g. 15.
    #[schemars(extend("exclusiveMinimum" = 0, "maximum" = 100000))]
    pub minutes: f64,
    /// Årlig volum: occurrences per year in the base year, 0 to 1 000 000 000, e.g. 12000 (vedtakstimer, besøk).
    #[schemars(range(min = 0.0, max = 1000000000.0))]
    pub per_year: f64,
    /// Drivkraft: id of a demand driver; the volume in year y is per_year × D(y)/D(B). Omitted = the same volume every year.
    pub driver: Option<String>,
}

/// Støtteaktivitet (category allowance): done by every person in the position.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSupport {
    /// Navn: e.g. "Rapport".
    pub name: String,
    /// Timer: hours per `per`, above 0, e.g. 0.5.
    #[schemars(extend("exclusiveMinimum" = 0, "maximum" = 8784))]
    pub hours: f64,
    /// Per: day (dag), week (uke), month (måned) or year (år).
    pub per: Per,
}

/// Individuell oppgave (individual allowance): done by some persons in the position.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawIndividual {
    /// Navn: e.g. "Verneombud".
    pub name: String,
    /// Timer per år: hours per year and person, 0 to 8 784.
    #[schemars(range(min = 0.0, max = 8784.0))]
    pub hours_per_year: f64,
    /// Antall personer: how many persons do it, 0 to 100 000 (default 1).
    #[schemars(range(min = 0, max = 100000), extend("default" = 1))]
    pub staff: Option<i64>,
}
