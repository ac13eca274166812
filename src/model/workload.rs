//! The validated workload of one position in one unit (WISN).
//!
//! In: produced only by `validate/workload.rs`, which guarantees every value is
//! in range, the available working time is above 0, the support fractions sum
//! below 1, and the lists are sorted (so W does not depend on the order of the
//! file). Out: read by `analyse/workload.rs`, which computes every figure.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::source::Loc;

/// Per: the period a support activity's `hours` are given for.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Per {
    /// Per arbeidsdag.
    Day,
    /// Per uke.
    Week,
    /// Per måned.
    Month,
    /// Per år.
    Year,
}

impl Per {
    pub fn as_str(self) -> &'static str {
        match self {
            Per::Day => "day",
            Per::Week => "week",
            Per::Month => "month",
            Per::Year => "year",
        }
    }
}

/// Days away from work per year.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Absence {
    pub holidays: f64,
    pub vacation: f64,
    pub sick: f64,
    pub other: f64,
}

impl Absence {
    /// Σ absence_days, in the order of the format.
    pub fn total(&self) -> f64 {
        self.holidays + self.vacation + self.sick + self.other
    }
}

/// A health-service activity.
#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    pub name: String,
    /// Standard time per occurrence, > 0.
    pub minutes: f64,
    /// Volume in the base year, ≥ 0.
    pub per_year: f64,
    /// A demand driver id: the volume follows D(y)/D(B).
    pub driver: Option<String>,
}

/// A support activity (category allowance).
#[derive(Debug, Clone, PartialEq)]
pub struct Support {
    pub name: String,
    pub hours: f64,
    pub per: Per,
}

/// An individual activity (individual allowance).
#[derive(Debug, Clone, PartialEq)]
pub struct Individual {
    pub name: String,
    pub hours_per_year: f64,
    pub staff: u32,
}

/// `[[workload]]`: the WISN inputs of one (unit, position).
#[derive(Debug, Clone, PartialEq)]
pub struct Workload {
    pub unit: String,
    pub position: String,
    pub working_days: f64,
    pub hours_per_day: f64,
    pub hours_per_week: f64,
    pub absence: Absence,
    /// Sorted by (name, minutes, per_year, driver).
    pub activities: Vec<Activity>,
    /// Sorted by (name, per, hours).
    pub support: Vec<Support>,
    /// Sorted by (name, hours_per_year, staff).
    pub individual: Vec<Individual>,
    pub loc: Option<Loc>,
}

impl Workload {
    /// Sort the lists into their canonical order.
    pub fn normalise(&mut self) {
        self.activities.sort_by(|a, b| {
            a.name
                .cmp(&b.name)
                .then(a.minutes.total_cmp(&b.minutes))
                .then(a.per_year.total_cmp(&b.per_year))
                .then(a.driver.cmp(&b.driver))
        });
        self.support.sort_by(|a, b| {
            a.name
                .cmp(&b.name)
                .then(a.per.cmp(&b.per))
                .then(a.hours.total_cmp(&b.hours))
        });
        self.individual.sort_by(|a, b| {
            a.name
                .cmp(&b.name)
                .then(a.hours_per_year.total_cmp(&b.hours_per_year))
                .then(a.staff.cmp(&b.staff))
        });
    }
}

impl Workload {
    /// Available working time AWT in hours per year:
    /// (working_days − Σ absence_days) × hours_per_day. `validate` refuses a
    /// workload whose AWT is not above 0.
    pub fn available_hours(&self) -> f64 {
        (self.working_days - self.absence.total()) * self.hours_per_day
    }

    /// A support activity's standard as a fraction of working time: `day` →
    /// hours / hours_per_day; `week` → hours / hours_per_week; `month` →
    /// hours × 12 / AWT; `year` → hours / AWT.
    pub fn support_fraction(&self, s: &Support) -> f64 {
        match s.per {
            Per::Day => s.hours / self.hours_per_day,
            Per::Week => s.hours / self.hours_per_week,
            Per::Month => s.hours * 12.0 / self.available_hours(),
            Per::Year => s.hours / self.available_hours(),
        }
    }

    /// Σ of the support fractions, in the canonical order of `support`;
    /// `validate` refuses a workload where it is 1 or more.
    pub fn support_share(&self) -> f64 {
        self.support.iter().map(|s| self.support_fraction(s)).sum()
    }

    /// Whether some activity's volume follows a demand driver.
    pub fn is_driven(&self) -> bool {
        self.activities.iter().any(|a| a.driver.is_some())
    }
}
