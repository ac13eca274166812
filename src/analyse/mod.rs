//! Lai's analysis: kompetansekrav → kompetansekapital → kompetansebehov.
//!
//! In: a validated [`Plan`] and the [`Assumptions`] to analyse it under (the
//! plan's own, or a scenario's). Out: an [`Analysis`] — plain, serialisable data
//! holding every number any output shows: capacity gaps per unit, position and
//! year and their totals; quality gaps and their totals; indicator values;
//! workforce key figures of the plan and of each unit; survey tallies; costs
//! per strategy and year; and whether the measures cover the needs. Nothing here
//! prints, and nothing here reads `plan.assumptions`. The rules are documented in
//! docs/method.md; every sum runs over staff in the canonical order (unit,
//! position, id), so the result does not depend on input row order. Every
//! small-group rule is in [`privacy`].

pub mod capacity;
pub mod compare;
pub mod costs;
pub mod coverage;
pub mod demand;
mod finite;
pub mod indicators;
pub mod privacy;
pub mod quality;
pub(crate) mod roster;
pub mod survey;
pub mod totals;
pub mod workforce;
pub mod workload;

#[cfg(test)]
mod proptests;
#[cfg(test)]
pub(crate) mod testkit;

use serde::Serialize;

pub use capacity::CapacityRow;
pub use costs::Costs;
pub use coverage::Coverage;
pub use indicators::{IndicatorRow, IndicatorStatus, Scale, YearValue};
pub use quality::QualityRow;
pub use survey::Survey;
pub use totals::{CapacityTotal, QualityTotal};
pub use workforce::Workforce;
pub use workload::WorkloadRow;

use crate::model::{Assumptions, Plan};
use demand::Demand;
use roster::Roster;

/// The whole analysis of a plan (or of one unit of it). The JSON of
/// `plan analyse` is this struct; its keys are documented in docs/format.md.
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
    /// Σ of the capacity rows per primary competence and year, sorted by
    /// (year, competence).
    pub capacity_totals: Vec<CapacityTotal>,
    /// Quality totals per (competence, min_level) over two or more rows, with
    /// hidden figures only where no suppressed row can be recovered.
    pub quality_totals: Vec<QualityTotal>,
    /// The survey's tallies, municipality-wide and per unit, with small
    /// groups hidden.
    pub survey: Survey,
    /// Cost per strategy and year of the plan period.
    pub costs: Costs,
    /// Needs no measure covers, measures that cannot help, missed targets.
    pub coverage: Coverage,
    /// WISN: one row per workload, sorted by (unit, position); left out of
    /// the JSON when the plan has no workload.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub workloads: Vec<WorkloadRow>,
    /// Each demand driver per year: D(y), G(y) and the persons per age band
    /// (absent from the JSON when the plan has no drivers).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub drivers: Vec<demand::DriverRow>,
    /// The population projection the drivers read (absent without one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub population: Option<demand::PopulationHeader>,
    /// The scenario analysed and the ad-hoc overrides (`--set`), when not
    /// the plan itself as written (absent from the JSON then).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scenario: Option<ScenarioHeader>,
    /// The plan's scenarios side by side, for the report's "Scenarier" (set
    /// by the caller with [`compare::compare`]; not part of the JSON, where
    /// `--compare` gives it).
    #[serde(skip)]
    pub comparison: Option<compare::Comparison>,
    /// Workforce key figures of each unit, in the plan's unit order (for the
    /// report's action plans; not part of the JSON, where `--unit` gives one).
    #[serde(skip)]
    pub units: Vec<UnitWorkforce>,
    /// The anonymity threshold, for renderers (not part of the JSON).
    #[serde(skip)]
    pub min_group_size: u32,
}

/// Which future an analysis shows: a scenario and/or `--set` overrides.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioHeader {
    /// The scenario's id (`basis` for the plan itself).
    pub id: String,
    pub title: String,
    /// The overrides given with `--set`, as written (`assumptions.turnover_rate=0.12`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub set: Vec<String>,
}

/// The workforce figures of one unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitWorkforce {
    pub unit: String,
    pub workforce: Workforce,
}

/// Analyse the whole plan under `assumptions`.
pub fn analyse(plan: &Plan, assumptions: &Assumptions) -> Analysis {
    analyse_unit(plan, assumptions, None)
}

/// Analyse the plan under `assumptions`, keeping only the capacity and quality
/// lines of `unit` (with their totals and coverage findings, its survey rows
/// and its workforce figures) when `unit` is given. Indicators, the
/// municipality's survey rows, costs and missed targets always cover the whole
/// plan (they are defined municipality-wide).
pub fn analyse_unit(plan: &Plan, assumptions: &Assumptions, unit: Option<&str>) -> Analysis {
    let roster = Roster::new(plan, assumptions);
    let min = assumptions.min_group_size;
    let demand = Demand::new(plan, assumptions);
    let units: Vec<&str> = match unit {
        Some(u) => vec![u],
        None => plan.units.iter().map(|u| u.id.as_str()).collect(),
    };
    // The parts only read the plan and the roster: compute them side by
    // side. Each runs exactly as it would alone, so the result is the same.
    let (((mut capacity, mut calcs), indicators), ((survey, costs), (workforce, units))) =
        rayon::join(
            || {
                rayon::join(
                    || {
                        rayon::join(
                            || capacity::capacity(plan, &roster, &demand),
                            || quality::calculate(plan, &roster, min),
                        )
                    },
                    || indicators::indicators(plan, &roster, indicators::as_of_year(plan)),
                )
            },
            || {
                rayon::join(
                    || rayon::join(|| survey::survey(plan, min), || costs::costs(plan)),
                    || workforce::workforces(&roster, unit, &units, min),
                )
            },
        );
    // coverage reads the whole plan's rows, before they are cut to `unit`
    let mut coverage = coverage::coverage(plan, &capacity, &calcs, &indicators);
    coverage.small_positions = capacity::small_positions(plan, &roster)
        .into_iter()
        .map(|(unit, position)| coverage::SmallPosition { unit, position })
        .collect();
    let mut survey = survey;
    // a driven activity's volume follows its driver's index, as in the demand
    let index = |d: &str, y: i32| demand.index(d, y);
    let mut workloads = workload::workloads(plan, &index);
    if let Some(u) = unit {
        workloads.retain(|w| w.unit == u);
        capacity.retain(|r| r.unit == u);
        calcs.retain(|c| c.unit == u);
        coverage.keep_unit(u);
        survey.units.retain(|r| r.unit == u);
    }
    Analysis {
        base_year: plan.meta.base_year,
        end_year: plan.meta.period.to,
        capacity_totals: totals::capacity_totals(&capacity),
        capacity,
        quality: calcs.iter().map(QualityRow::from).collect(),
        quality_totals: totals::quality_totals(&calcs, min),
        indicators,
        workforce,
        survey,
        costs,
        coverage,
        workloads,
        drivers: demand::driver_rows(plan),
        population: plan.population.as_ref().map(demand::PopulationHeader::of),
        scenario: None,
        comparison: None,
        units,
        min_group_size: min,
    }
}

impl Analysis {
    /// The years analysed, B..=E.
    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        self.base_year..=self.end_year
    }

    /// The workforce figures of `unit` (`None` when it is not a unit of the
    /// plan, or not the one analysed).
    pub fn unit_workforce(&self, unit: &str) -> Option<&Workforce> {
        // in the plan's unit order, which `validate` sorts by id
        match self.units.binary_search_by(|u| u.unit.as_str().cmp(unit)) {
            Ok(i) => self.units.get(i),
            Err(_) => self.units.iter().find(|u| u.unit == unit),
        }
        .map(|u| &u.workforce)
    }

    /// Keep only the capacity rows (and their totals) and indicator values of
    /// `year`. Quality and workforce are base-year figures and stay as they
    /// are; survey, costs and coverage describe the whole period.
    pub fn keep_year(&mut self, year: i32) {
        self.capacity.retain(|r| r.year == year);
        self.capacity_totals.retain(|t| t.year == year);
        for w in &mut self.workloads {
            w.years.retain(|v| v.year == year);
        }
        self.drivers.retain(|d| d.year == year);
        for i in &mut self.indicators {
            i.values.retain(|v| v.year == year);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use testkit::*;

    /// A scenario analyses the same plan under other assumptions: only the
    /// assumptions passed count, never the plan's own.
    #[test]
    fn the_assumptions_passed_are_the_ones_used() {
        let mut plan = plan_2025_2029();
        plan.capacity = vec![cap("u", "spl", 6.0, &["spl"], 0.0)];
        plan.staff = (0..6)
            .map(|i| person(&format!("s{i}"), "u", "spl", 100.0, Some("spl"), 1980))
            .collect();
        let own = analyse(&plan, &plan.assumptions);
        let scenario = Assumptions {
            turnover_rate: 0.5,
            min_group_size: 10,
            ..plan.assumptions
        };
        let other = analyse(&plan, &scenario);
        let last = |a: &Analysis| a.capacity.last().map(|r| r.available);
        assert_eq!(last(&own), Some(6.0));
        assert_eq!(last(&other), Some(6.0 * 0.5f64.powi(4)));
        assert!(!own.workforce.suppressed && other.workforce.suppressed);
        assert_eq!(other.min_group_size, 10);
        // and the plan's own assumptions changed do not move the scenario
        plan.assumptions.turnover_rate = 0.9;
        assert_eq!(analyse(&plan, &scenario), other);
    }
}
