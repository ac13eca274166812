//! Lai's analysis: kompetansekrav → kompetansekapital → kompetansebehov.
//!
//! In: a validated [`Plan`]. Out: an [`Analysis`] — plain, serialisable data
//! (capacity gaps per unit, position and year; quality gaps; indicator values;
//! workforce key figures). Nothing here prints. The rules are documented in
//! docs/method.md; every sum runs over staff in the canonical order (unit,
//! position, id), so the result does not depend on input row order.

pub mod capacity;
pub mod coverage;
pub mod indicators;
pub mod privacy;
pub mod quality;
mod roster;
pub mod totals;
pub mod workforce;

#[cfg(test)]
mod proptests;
#[cfg(test)]
pub(crate) mod testkit;

use serde::Serialize;

pub use capacity::CapacityRow;
pub use indicators::{IndicatorRow, YearValue};
pub use quality::QualityRow;
pub use workforce::Workforce;

use crate::model::Plan;
use roster::Roster;

/// The whole analysis of a plan (or of one unit of it).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    /// B: the year of the roster.
    pub base_year: i32,
    /// E: the last year of the plan period.
    pub end_year: i32,
    /// One row per capacity line and year, sorted by unit, position, year.
    pub capacity: Vec<CapacityRow>,
    /// One row per quality line (base year), sorted by unit, competence, min_level.
    pub quality: Vec<QualityRow>,
    /// One row per indicator, sorted by id.
    pub indicators: Vec<IndicatorRow>,
    /// Key figures of the roster in the base year.
    pub workforce: Workforce,
    /// Quality totals per (competence, min_level) over two or more rows, with
    /// hidden figures only where no suppressed row can be recovered (not part
    /// of the JSON, whose rows are the contract).
    #[serde(skip)]
    pub quality_totals: Vec<totals::QualityTotal>,
    /// The anonymity threshold, for renderers (not part of the JSON).
    #[serde(skip)]
    pub min_group_size: u32,
}

/// Analyse the whole plan.
pub fn analyse(plan: &Plan) -> Analysis {
    analyse_unit(plan, None)
}

/// Analyse the plan, keeping only the capacity and quality lines of `unit` and
/// computing the workforce figures over its staff when `unit` is given.
/// Indicators always cover the whole plan (they are defined municipality-wide).
pub fn analyse_unit(plan: &Plan, unit: Option<&str>) -> Analysis {
    let roster = Roster::new(plan);
    // The four parts only read the plan and the roster: compute them side by
    // side. Each runs exactly as it would alone, so the result is the same.
    let ((mut capacity, mut calcs), (indicators, workforce)) = rayon::join(
        || {
            rayon::join(
                || capacity::capacity(plan, &roster),
                || quality::calculate(plan, &roster),
            )
        },
        || {
            rayon::join(
                || indicators::indicators(plan, &roster),
                || workforce::workforce(plan, &roster, unit),
            )
        },
    );
    if let Some(u) = unit {
        capacity.retain(|r| r.unit == u);
        calcs.retain(|c| c.unit == u);
    }
    Analysis {
        base_year: plan.meta.base_year,
        end_year: plan.meta.period.to,
        capacity,
        quality: calcs.iter().map(QualityRow::from).collect(),
        quality_totals: totals::quality_totals(&calcs, plan.assumptions.min_group_size),
        indicators,
        workforce,
        min_group_size: plan.assumptions.min_group_size,
    }
}

/// The workforce figures of each of `units`, in that order, exactly as
/// [`analyse_unit`] computes them for one unit, but indexing the roster once
/// (the report's per-unit action plans need them for every unit).
pub fn unit_workforces(plan: &Plan, units: &[&str]) -> Vec<Workforce> {
    use rayon::prelude::*;
    let roster = Roster::new(plan);
    units
        .par_iter()
        .map(|u| workforce::workforce(plan, &roster, Some(u)))
        .collect()
}

impl Analysis {
    /// The years analysed, B..=E.
    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        self.base_year..=self.end_year
    }

    /// Keep only the capacity rows and indicator values of `year`. Quality and
    /// workforce are base-year figures and stay as they are.
    pub fn keep_year(&mut self, year: i32) {
        self.capacity.retain(|r| r.year == year);
        for i in &mut self.indicators {
            i.values.retain(|v| v.year == year);
        }
    }
}
