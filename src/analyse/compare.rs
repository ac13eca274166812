//! Scenarios side by side: the capacity analysis of the plan under several
//! futures.
//!
//! In: a validated plan, the scenario ids to compare (`basis` is the plan
//! itself), the ad-hoc overrides of `--set`, and optionally a unit. Out: a
//! [`Comparison`] — per scenario and year, total required, available, need,
//! mobilise, develop, acquire and surplus FTE; and the same per position title
//! summed over units. Each scenario is one run of [`super::analyse_unit`] on
//! `Plan::under(scenario)`; nothing is computed twice, and nothing prints.

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use super::demand::Demand;
use super::roster::Roster;
use super::{analyse_unit, capacity, Analysis, CapacityRow, ScenarioHeader};
use crate::model::demand::{Override, BASIS};
use crate::model::Plan;

/// The capacity figures compared.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Figures {
    pub required: f64,
    pub available: f64,
    pub need: f64,
    pub mobilise: f64,
    pub develop: f64,
    pub acquire: f64,
    pub surplus: f64,
}

impl Figures {
    fn add(&mut self, r: &CapacityRow) {
        self.required += r.required;
        self.available += r.available;
        self.need += r.need;
        self.mobilise += r.mobilise;
        self.develop += r.develop;
        self.acquire += r.acquire;
        self.surplus += r.surplus;
    }

    /// In the order of the JSON keys and CSV columns.
    pub fn all(&self) -> [f64; 7] {
        [
            self.required,
            self.available,
            self.need,
            self.mobilise,
            self.develop,
            self.acquire,
            self.surplus,
        ]
    }
}

/// The names of [`Figures::all`], as JSON keys and CSV columns.
pub const FIGURES: [&str; 7] = [
    "required",
    "available",
    "need",
    "mobilise",
    "develop",
    "acquire",
    "surplus",
];

/// One scenario's totals in one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearRow {
    pub scenario: String,
    pub year: i32,
    #[serde(flatten)]
    pub figures: Figures,
}

/// One scenario's figures of one position title (over all units) in one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PositionRow {
    pub scenario: String,
    pub position: String,
    pub year: i32,
    #[serde(flatten)]
    pub figures: Figures,
}

/// One compared scenario: which, and under what.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Compared {
    #[serde(flatten)]
    pub header: ScenarioHeader,
    /// The scenario's description, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The population alternative, when the plan has a projection.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alternative: Option<String>,
    /// The assumptions it runs under.
    pub retirement_age: u32,
    pub turnover_rate: f64,
    pub efficiency: f64,
}

/// The scenarios side by side (`plan analyse --compare`, the report's
/// "Scenarier").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub base_year: i32,
    pub end_year: i32,
    /// In the order asked for (`basis` first by default).
    pub scenarios: Vec<Compared>,
    /// Sorted by (year, scenario order).
    pub years: Vec<YearRow>,
    /// Sorted by (position title, year, scenario order).
    pub positions: Vec<PositionRow>,
}

/// Why a comparison cannot be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompareError {
    UnknownScenario(String),
}

/// The scenario ids of the plan: `basis`, then its scenarios by id.
pub fn all_ids(plan: &Plan) -> Vec<String> {
    std::iter::once(BASIS.to_string())
        .chain(plan.scenarios.iter().map(|s| s.id.clone()))
        .collect()
}

/// The plan under scenario `id` (`basis`: the plan itself) with `set` applied
/// to its assumptions, and its header. `set` holds the `--set` texts and the
/// assumptions they give, applied after the scenario's own.
pub fn scenario_plan(
    plan: &Plan,
    id: &str,
    set: &[Override],
) -> Result<(Plan, Compared), CompareError> {
    scenario_from(plan, plan.clone(), id, set)
}

/// [`scenario_plan`] made from `base`, a copy of `plan` (whole, or
/// [`Plan::without_data`]).
fn scenario_from(
    plan: &Plan,
    base: Plan,
    id: &str,
    set: &[Override],
) -> Result<(Plan, Compared), CompareError> {
    let (mut p, title, description) = if id == BASIS {
        (base, plan.meta.title.clone(), None)
    } else {
        let s = plan
            .scenario(id)
            .ok_or_else(|| CompareError::UnknownScenario(id.to_string()))?;
        (
            base.into_scenario(s),
            s.title.clone(),
            s.description.clone(),
        )
    };
    for o in set {
        o.apply(&mut p.assumptions);
    }
    let header = ScenarioHeader {
        id: id.to_string(),
        title,
        set: set.iter().map(|o| o.text.clone()).collect(),
    };
    let compared = Compared {
        header,
        description,
        alternative: p.population.as_ref().map(|x| x.alternative.clone()),
        retirement_age: p.assumptions.retirement_age,
        turnover_rate: p.assumptions.turnover_rate,
        efficiency: p.assumptions.efficiency,
    };
    Ok((p, compared))
}

/// Sum each analysis' capacity rows per year and per position title.
pub fn comparison(plan: &Plan, runs: &[(Compared, Analysis)]) -> Comparison {
    let runs: Vec<(&Compared, &[CapacityRow])> = runs
        .iter()
        .map(|(c, a)| (c, a.capacity.as_slice()))
        .collect();
    sum_capacity(plan, &runs)
}

/// Sum each scenario's capacity rows per year (every year of the plan's
/// period, rows or not) and per position title.
fn sum_capacity(plan: &Plan, runs: &[(&Compared, &[CapacityRow])]) -> Comparison {
    let years_of_plan = plan.meta.base_year..=plan.meta.period.to;
    // (unit, position) → title
    let titles: BTreeMap<(&str, &str), &str> = plan
        .capacity
        .iter()
        .map(|l| ((l.unit.as_str(), l.position.as_str()), l.title.as_str()))
        .collect();
    let mut years: BTreeMap<(i32, usize), Figures> = BTreeMap::new();
    let mut positions: BTreeMap<(&str, i32, usize), Figures> = BTreeMap::new();
    for (n, (_, rows)) in runs.iter().enumerate() {
        for y in years_of_plan.clone() {
            years.entry((y, n)).or_default();
        }
        for r in rows.iter() {
            years.entry((r.year, n)).or_default().add(r);
            let title = titles
                .get(&(r.unit.as_str(), r.position.as_str()))
                .copied()
                .unwrap_or(r.position.as_str());
            positions.entry((title, r.year, n)).or_default().add(r);
        }
    }
    let id = |n: usize| {
        runs.get(n)
            .map_or(String::new(), |(c, _)| c.header.id.clone())
    };
    Comparison {
        base_year: *years_of_plan.start(),
        end_year: *years_of_plan.end(),
        scenarios: runs.iter().map(|(c, _)| (*c).clone()).collect(),
        years: years
            .into_iter()
            .map(|((year, n), figures)| YearRow {
                scenario: id(n),
                year,
                figures,
            })
            .collect(),
        positions: positions
            .into_iter()
            .map(|((title, year, n), figures)| PositionRow {
                scenario: id(n),
                position: title.to_string(),
                year,
                figures,
            })
            .collect(),
    }
}

/// Analyse every scenario in `ids` and put them side by side.
pub fn compare(
    plan: &Plan,
    ids: &[String],
    set: &[Override],
    unit: Option<&str>,
) -> Result<(Comparison, Vec<Analysis>), CompareError> {
    let mut runs = Vec::new();
    for id in ids {
        let (p, c) = scenario_plan(plan, id, set)?;
        let a = analyse_unit(&p, &p.assumptions, unit);
        runs.push((c, a));
    }
    let cmp = comparison(plan, &runs);
    Ok((cmp, runs.into_iter().map(|(_, a)| a).collect()))
}

/// The comparison alone, for the report's chapter: each scenario's capacity
/// projection, nothing else. The same figures as [`compare`] for the whole
/// plan (a scenario changes only assumptions, the population alternative and
/// driver rates, which reach nothing but the capacity rows compared), without
/// analysing the survey, the workforce or the costs again, and without
/// copying the roster and the survey for every scenario: at national scale
/// those made `plan report` take 2.5 times as long as `plan analyse`.
/// `basis`: the capacity rows of the plan's own analysis (the `basis`
/// scenario, not computed again).
pub fn compare_capacity(
    plan: &Plan,
    ids: &[String],
    basis: &[CapacityRow],
) -> Result<Comparison, CompareError> {
    Ok(ScenarioCapacity::new(plan, ids)?.comparison(plan, basis))
}

/// The capacity rows of every scenario but `basis`, computed before the
/// plan's own analysis is at hand (`plan report` runs both side by side).
#[derive(Debug)]
pub struct ScenarioCapacity {
    /// Per scenario id, in order: its header and rows (`None` for `basis`).
    runs: Vec<(Compared, Option<Vec<CapacityRow>>)>,
}

impl ScenarioCapacity {
    pub fn new(plan: &Plan, ids: &[String]) -> Result<Self, CompareError> {
        let light = plan.without_data();
        let roster = Roster::new(plan, &plan.assumptions);
        // one scenario per core, collected in the order of `ids`
        let runs = ids
            .par_iter()
            .map(|id| {
                let (p, c) = scenario_from(plan, light.clone(), id, &[])?;
                if id == BASIS {
                    return Ok((c, None));
                }
                let roster = roster.under(&p, &p.assumptions);
                let demand = Demand::new(&p, &p.assumptions);
                Ok((c, Some(capacity::capacity(&p, &roster, &demand))))
            })
            .collect::<Result<Vec<_>, CompareError>>()?;
        Ok(ScenarioCapacity { runs })
    }

    /// The comparison, `basis` being the capacity rows of the plan's own
    /// analysis.
    pub fn comparison(&self, plan: &Plan, basis: &[CapacityRow]) -> Comparison {
        let runs: Vec<(&Compared, &[CapacityRow])> = self
            .runs
            .iter()
            .map(|(c, rows)| (c, rows.as_deref().unwrap_or(basis)))
            .collect();
        sum_capacity(plan, &runs)
    }
}

impl Comparison {
    /// The first figure that is not a finite number, named.
    pub fn non_finite(&self) -> Option<String> {
        let bad = |f: &Figures| f.all().iter().any(|x| !x.is_finite());
        self.years
            .iter()
            .find(|r| bad(&r.figures))
            .map(|r| format!("scenario `{}` in {}", r.scenario, r.year))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::testkit::*;
    use crate::model::Scenario;

    #[test]
    fn scenarios_differ_only_in_what_they_change() {
        let mut plan = plan_2025_2029();
        plan.capacity = vec![
            cap("a", "spl", 4.0, &["spl"], 0.0),
            cap("b", "spl", 2.0, &["spl"], 0.1),
        ];
        plan.staff = (0..6)
            .map(|i| person(&format!("s{i}"), "a", "spl", 100.0, Some("spl"), 1980))
            .collect();
        let mut high = plan.assumptions;
        high.turnover_rate = 0.2;
        plan.scenarios = vec![Scenario {
            id: "avgang".into(),
            title: "Høy avgang".into(),
            description: None,
            alternative: None,
            assumptions: high,
            overrides: vec![("turnover_rate", 0.2)],
            rates: BTreeMap::new(),
            loc: None,
        }];
        let (c, runs) = compare(&plan, &all_ids(&plan), &[], None).unwrap();
        assert_eq!(runs.len(), 2);
        assert_eq!(c.years.len(), 2 * 5);
        let get = |s: &str, y: i32| {
            c.years
                .iter()
                .find(|r| r.scenario == s && r.year == y)
                .unwrap()
                .figures
        };
        // required does not depend on turnover; available does
        assert_eq!(get("basis", 2029).required, get("avgang", 2029).required);
        assert!(close(get("basis", 2029).available, 6.0));
        assert!(close(get("avgang", 2029).available, 6.0 * 0.8f64.powi(4)));
        // positions: one title over both units
        let pos: Vec<_> = c.positions.iter().filter(|r| r.year == 2025).collect();
        assert_eq!(pos.len(), 2);
        assert!(close(pos[0].figures.required, 6.0));
        assert_eq!(
            compare(&plan, &["nope".to_string()], &[], None).unwrap_err(),
            CompareError::UnknownScenario("nope".into())
        );
    }
}
