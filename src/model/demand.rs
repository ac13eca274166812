//! The validated demand inputs: the population projection, demand drivers
//! and scenarios.
//!
//! In: produced only by [`crate::validate`] (bands checked, references
//! resolved, the projection cut to the plan's region). Out: read by the
//! analysis (`analyse::demand`), the checks and the report. D(y), the users
//! of a driver in a year, is [`Driver::users`]: the one place of that rule.

use std::collections::BTreeMap;

use super::Assumptions;
use crate::source::Loc;

/// The oldest single age of a projection; 100 means "100 or older".
pub const MAX_AGE: u8 = 100;

/// Persons by single age 0..=100 in one year (summed over sex).
pub type Ages = [f64; MAX_AGE as usize + 1];

/// The population projection of the plan's region: persons by (alternative,
/// year, age). Every year of the plan period is present for every alternative
/// the plan or a scenario uses.
#[derive(Debug, Clone, PartialEq)]
pub struct Population {
    /// The file, as shown to the user (e.g. `data/befolkning.csv`).
    pub file: String,
    /// The region (kommunenummer) when the file names one.
    pub region: Option<String>,
    /// The plan's own alternative (default `MMMM`).
    pub alternative: String,
    /// alternative → year → persons by age.
    pub series: BTreeMap<String, BTreeMap<i32, Ages>>,
}

impl Population {
    /// Persons by age in `year` under `alternative`.
    pub fn ages(&self, alternative: &str, year: i32) -> Option<&Ages> {
        self.series.get(alternative)?.get(&year)
    }
}

/// An age band `from..=to` with its user rate.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// The key as written: "67-79" or "90+".
    pub key: String,
    pub from: u8,
    pub to: u8,
    pub rate: f64,
}

impl Band {
    /// Persons in the band.
    pub fn persons(&self, ages: &Ages) -> f64 {
        ages.get(usize::from(self.from)..=usize::from(self.to))
            .map_or(0.0, |a| a.iter().sum())
    }
}

/// A demand driver: user rates per age band.
#[derive(Debug, Clone)]
pub struct Driver {
    pub id: String,
    pub title: String,
    /// Sorted by `from`, never overlapping.
    pub bands: Vec<Band>,
    pub loc: Option<Loc>,
}

/// D(y) = Σ over bands of rate × persons in the band.
pub fn users(bands: &[Band], ages: &Ages) -> f64 {
    bands.iter().map(|b| b.rate * b.persons(ages)).sum()
}

impl Driver {
    /// D(y) under the driver's own rates.
    pub fn users(&self, ages: &Ages) -> f64 {
        users(&self.bands, ages)
    }
}

/// A scenario: the plan under another future. The plan itself is `basis`.
#[derive(Debug, Clone)]
pub struct Scenario {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    /// The population alternative (`None`: the plan's).
    pub alternative: Option<String>,
    /// The plan's assumptions with the scenario's overrides applied.
    pub assumptions: Assumptions,
    /// The overridden keys with their values, in the order of the keys
    /// (`retirement_age`, `turnover_rate`, `efficiency`), for the report.
    pub overrides: Vec<(&'static str, f64)>,
    /// driver id → the driver's full band list with the scenario's rates.
    pub rates: BTreeMap<String, Vec<Band>>,
    pub loc: Option<Loc>,
}

/// The id of the plan itself as a scenario.
pub const BASIS: &str = "basis";

impl super::Plan {
    /// The plan under scenario `s`: its assumptions, its population
    /// alternative, and its drivers' rates. Everything else is the plan's.
    pub fn under(&self, s: &Scenario) -> super::Plan {
        self.clone().into_scenario(s)
    }

    /// The plan under scenario `s`, taking the plan by value.
    pub fn into_scenario(self, s: &Scenario) -> super::Plan {
        let mut plan = self;
        plan.assumptions = s.assumptions;
        if let (Some(p), Some(alt)) = (plan.population.as_mut(), &s.alternative) {
            p.alternative = alt.clone();
        }
        for d in &mut plan.drivers {
            if let Some(bands) = s.rates.get(&d.id) {
                d.bands = bands.clone();
            }
        }
        plan
    }
}

/// An assumption overridden ad hoc (`plan analyse --set assumptions.turnover_rate=0.12`).
#[derive(Debug, Clone, PartialEq)]
pub struct Override {
    /// As written.
    pub text: String,
    key: &'static str,
    value: f64,
}

/// The assumptions `--set` and a scenario may override, with their ranges.
pub const OVERRIDABLE: [(&str, f64, f64); 3] = [
    ("retirement_age", 50.0, 80.0),
    ("turnover_rate", 0.0, 1.0),
    ("efficiency", -0.5, 0.5),
];

impl Override {
    /// Read `assumptions.KEY=VALUE`; the message says what is wrong.
    pub fn parse(text: &str) -> Result<Override, String> {
        let (key, value) = text.split_once('=').ok_or_else(|| {
            format!("`{text}` is not KEY=VALUE, e.g. assumptions.turnover_rate=0.12")
        })?;
        let key = key.trim();
        let name = key.strip_prefix("assumptions.").unwrap_or(key);
        let keys = || {
            OVERRIDABLE
                .iter()
                .map(|(k, _, _)| format!("assumptions.{k}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let Some(&(k, lo, hi)) = OVERRIDABLE.iter().find(|(k, _, _)| *k == name) else {
            return Err(format!("`{key}` cannot be set; the keys are {}", keys()));
        };
        let v: f64 = value
            .trim()
            .parse()
            .ok()
            .filter(|v: &f64| v.is_finite())
            .ok_or_else(|| format!("`{}` is not a number", value.trim()))?;
        if !(lo..=hi).contains(&v) || (k == "retirement_age" && v.fract() != 0.0) {
            return Err(format!("assumptions.{k} {v} is outside {lo}–{hi}"));
        }
        Ok(Override {
            text: format!("assumptions.{k}={}", value.trim()),
            key: k,
            value: v,
        })
    }

    pub fn apply(&self, a: &mut Assumptions) {
        match self.key {
            "retirement_age" => a.retirement_age = self.value as u32,
            "turnover_rate" => a.turnover_rate = self.value,
            _ => a.efficiency = self.value,
        }
    }
}
