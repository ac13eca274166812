//! Kompetansekrav in FTE: how many FTE a capacity line requires in a year.
//!
//! In: a capacity line, a year y of the period, the plan's drivers and
//! population projection, and the assumptions (`efficiency`). Out: the
//! required FTE, `required(y) = fte × G(y) × (1 − efficiency)^(y − B)`, where
//! G(y) = D(y) / D(B) for a line with a `driver` and (1 + g)^(y − B)
//! otherwise; and the drivers' series D(y), G(y) and persons per band for the
//! outputs. A line without `fte` takes its requirement from the WISN workload
//! of its (unit, position): `required(y) = W(y) × (1 − efficiency)^(y − B)`,
//! where a driven activity's volume follows the same index G(y)
//! ([`super::workload`]). This is the one place of the demand rule: the
//! capacity analysis asks it, and the workload output uses its index.

use std::collections::BTreeMap;

use serde::Serialize;

use super::workload::{self, VolumeIndex};
use crate::model::workload::Workload;
use crate::model::{Assumptions, CapacityLine, Plan};

/// D(y) of driver `id` in `year`, under the plan's alternative and the
/// driver's rates (apply a scenario with `Plan::under` first). `None` when the
/// driver or the year is not in the plan.
pub fn driver_users(plan: &Plan, id: &str, year: i32) -> Option<f64> {
    let p = plan.population.as_ref()?;
    Some(plan.driver(id)?.users(p.ages(&p.alternative, year)?))
}

/// G(y) = D(y) / D(B) of driver `id` (validation guarantees D(B) > 0).
pub fn driver_index(plan: &Plan, id: &str, year: i32) -> Option<f64> {
    let now = driver_users(plan, id, year)?;
    let base = driver_users(plan, id, plan.meta.base_year)?;
    (base > 0.0).then(|| now / base)
}

/// (1 − efficiency)^(y − B): the share of the labour still needed in `year`
/// after innovation and welfare technology have saved `efficiency` a year.
pub fn efficiency_factor(assumptions: &Assumptions, base_year: i32, year: i32) -> f64 {
    (1.0 - assumptions.efficiency).powi(year - base_year)
}

/// Where the required FTE of the capacity lines come from: B, the
/// efficiency, each driver's index G(y) for y = B..=E, and the plan's
/// workloads by (unit, position).
#[derive(Debug, Clone, PartialEq)]
pub struct Demand<'a> {
    /// B.
    base: i32,
    efficiency: f64,
    /// driver id → G(y) for y = B, B + 1, …, E.
    index: BTreeMap<String, Vec<f64>>,
    /// Sorted by (unit, position).
    workloads: &'a [Workload],
}

impl<'a> Demand<'a> {
    /// The demand of `plan` under `assumptions`.
    pub fn new(plan: &'a Plan, assumptions: &Assumptions) -> Self {
        let base = plan.meta.base_year;
        let index = plan
            .drivers
            .iter()
            .map(|d| {
                let g = (base..=plan.meta.period.to)
                    .map(|y| driver_index(plan, &d.id, y).unwrap_or(f64::NAN))
                    .collect();
                (d.id.clone(), g)
            })
            .collect();
        Demand {
            base,
            efficiency: assumptions.efficiency,
            index,
            workloads: &plan.workloads,
        }
    }

    /// Only the plan's own growth rates, no drivers, no efficiency, no workloads.
    #[cfg(test)]
    pub fn growth(base: i32) -> Demand<'static> {
        Demand {
            base,
            efficiency: 0.0,
            index: BTreeMap::new(),
            workloads: &[],
        }
    }

    /// G(y) of driver `id`: D(y)/D(B); NaN outside B..=E or for an unknown
    /// driver (caught before any output).
    pub fn index(&self, id: &str, y: i32) -> f64 {
        usize::try_from(y - self.base)
            .ok()
            .and_then(|i| self.index.get(id)?.get(i).copied())
            .unwrap_or(f64::NAN)
    }

    /// G(y) of `line`: its driver's index, or (1 + g)^(y − B).
    pub fn growth_of(&self, line: &CapacityLine, y: i32) -> f64 {
        match &line.driver {
            Some(d) => self.index(d, y),
            None => (1.0 + line.annual_growth).powi(y - self.base),
        }
    }

    /// The workload of (unit, position).
    fn workload(&self, unit: &str, position: &str) -> Option<&'a Workload> {
        let key = (unit, position);
        self.workloads
            .binary_search_by(|w| (w.unit.as_str(), w.position.as_str()).cmp(&key))
            .ok()
            .and_then(|i| self.workloads.get(i))
    }

    /// The required FTE of `line` in year `y`.
    pub fn required(&self, line: &CapacityLine, y: i32) -> f64 {
        let r = match line.fte {
            Some(fte) => fte * self.growth_of(line, y),
            // validate guarantees a workload for every line without `fte`
            None => self.workload(&line.unit, &line.position).map_or(0.0, |w| {
                let index = |d: &str, y: i32| self.index(d, y);
                workload::wisn(w, y, &index).required
            }),
        };
        if self.efficiency == 0.0 {
            // the rule without efficiency, to the last bit
            r
        } else {
            r * (1.0 - self.efficiency).powi(y - self.base)
        }
    }
}

/// Per (unit, position): W(B) of its workload, for `workload-mismatch`.
pub fn base_required(plan: &Plan, index: VolumeIndex) -> BTreeMap<(String, String), f64> {
    plan.workloads
        .iter()
        .map(|w| {
            (
                (w.unit.clone(), w.position.clone()),
                workload::wisn(w, plan.meta.base_year, index).required,
            )
        })
        .collect()
}

/// Which projection the drivers read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PopulationHeader {
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    pub alternative: String,
}

impl PopulationHeader {
    pub fn of(p: &crate::model::Population) -> Self {
        PopulationHeader {
            file: p.file.clone(),
            region: p.region.clone(),
            alternative: p.alternative.clone(),
        }
    }
}

/// One driver in one year: D(y), G(y) and the persons in each band.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DriverRow {
    pub driver: String,
    pub year: i32,
    /// D(y): Σ rate × persons in the band.
    pub users: f64,
    /// G(y) = D(y) / D(B).
    pub index: f64,
    /// The constant annual growth that gives the same index:
    /// G(y)^(1/(y − B)) − 1 (0 in the base year).
    pub annual_growth: f64,
    /// Persons and rate per age band.
    pub bands: Vec<BandRow>,
}

/// One age band of a driver in one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BandRow {
    /// "67-79" or "90+".
    pub band: String,
    pub rate: f64,
    pub persons: f64,
}

/// Every driver in every year B..=E, sorted by (driver, year).
pub fn driver_rows(plan: &Plan) -> Vec<DriverRow> {
    let Some(p) = plan.population.as_ref() else {
        return Vec::new();
    };
    let mut rows = Vec::new();
    for d in &plan.drivers {
        for y in plan.meta.base_year..=plan.meta.period.to {
            let Some(ages) = p.ages(&p.alternative, y) else {
                continue;
            };
            let index = driver_index(plan, &d.id, y).unwrap_or(f64::NAN);
            let years = y - plan.meta.base_year;
            rows.push(DriverRow {
                driver: d.id.clone(),
                year: y,
                users: d.users(ages),
                index,
                annual_growth: if years > 0 {
                    index.powf(1.0 / f64::from(years)) - 1.0
                } else {
                    0.0
                },
                bands: d
                    .bands
                    .iter()
                    .map(|b| BandRow {
                        band: b.key.clone(),
                        rate: b.rate,
                        persons: b.persons(ages),
                    })
                    .collect(),
            });
        }
    }
    rows
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::analyse::testkit::*;
    use crate::model::{Ages, Band, Driver, Population};

    #[test]
    fn growth_compounds_from_the_base_year() {
        let line = cap("u", "fag", 5.0, &["hfa"], 0.05);
        let d = Demand::growth(2025);
        assert_eq!(d.required(&line, 2025), 5.0);
        assert!(close(d.required(&line, 2029), 6.07753125));
        assert!(close(d.required(&line, 2024), 5.0 / 1.05));
    }

    fn band(key: &str, from: u8, to: u8, rate: f64) -> Band {
        Band {
            key: key.into(),
            from,
            to,
            rate,
        }
    }

    /// Residents 67–79 / 80–89 / 90+, spread over the ages of each band.
    fn ages(young: f64, old: f64, oldest: f64) -> Ages {
        let mut a = [0.0; 101];
        for (range, total) in [(67..=79, young), (80..=89, old), (90..=100, oldest)] {
            let n = range.clone().count() as f64;
            for i in range {
                a[i] = total / n;
            }
        }
        a
    }

    /// The worked example of docs/method.md.
    pub(crate) fn worked_example() -> Plan {
        let mut plan = plan_2025_2029();
        let mut series = BTreeMap::new();
        let mut years = BTreeMap::new();
        for y in 2025..=2029 {
            years.insert(y, ages(2000.0, 800.0, 200.0));
        }
        years.insert(2030, ages(2300.0, 1000.0, 240.0));
        series.insert("MMMM".to_string(), years);
        plan.meta.period.to = 2030;
        plan.population = Some(Population {
            file: "befolkning.csv".into(),
            region: None,
            alternative: "MMMM".into(),
            series,
        });
        let driver = |id: &str, rates: [f64; 3]| Driver {
            id: id.into(),
            title: id.into(),
            bands: vec![
                band("67-79", 67, 79, rates[0]),
                band("80-89", 80, 89, rates[1]),
                band("90+", 90, 100, rates[2]),
            ],
            loc: None,
        };
        plan.drivers = vec![
            driver("hjemmetjeneste", [0.06, 0.25, 0.5]),
            driver("sykehjem", [0.0, 0.08, 0.3]),
        ];
        plan
    }

    #[test]
    fn the_worked_example() {
        let plan = worked_example();
        assert!(close(
            driver_users(&plan, "hjemmetjeneste", 2025).unwrap(),
            420.0
        ));
        assert!(close(
            driver_users(&plan, "hjemmetjeneste", 2030).unwrap(),
            508.0
        ));
        let mut line = cap("u", "spl", 84.0, &["spl"], 0.0);
        line.driver = Some("hjemmetjeneste".into());
        let d = Demand::new(&plan, &plan.assumptions);
        let r = d.required(&line, 2030);
        assert!((r - 101.6).abs() < 0.05, "{r}");
        // the same as a constant growth of 3.878 % a year
        let g = (508.0f64 / 420.0).powf(1.0 / 5.0) - 1.0;
        assert!((g - 0.03878).abs() < 0.000005, "{g}");
        let mut home = cap("u", "hfa", 93.0, &["hfa"], 0.0);
        home.driver = Some("sykehjem".into());
        // 0.08 × 800 + 0.3 × 200 = 124 → 0.08 × 1000 + 0.3 × 240 = 152
        let r = d.required(&home, 2030);
        assert!((r - 114.0).abs() < 0.05, "{r}");
        assert!(close(d.required(&home, 2025), 93.0));
    }

    #[test]
    fn efficiency_saves_labour_every_year() {
        let mut plan = worked_example();
        plan.assumptions.efficiency = 0.01;
        let line = cap("u", "spl", 100.0, &["spl"], 0.02);
        let d = Demand::new(&plan, &plan.assumptions);
        assert!(close(
            d.required(&line, 2027),
            100.0 * 1.02f64.powi(2) * 0.99f64.powi(2)
        ));
        assert!(close(
            efficiency_factor(&plan.assumptions, 2025, 2027),
            0.9801
        ));
        assert_eq!(d.required(&line, 2025), 100.0);
    }

    #[test]
    fn driver_rows_hold_the_bands() {
        let plan = worked_example();
        let rows = driver_rows(&plan);
        assert_eq!(rows.len(), 2 * 6);
        let last = rows
            .iter()
            .find(|r| r.driver == "hjemmetjeneste" && r.year == 2030)
            .unwrap();
        assert!(close(last.users, 508.0));
        assert!(close(last.index, 508.0 / 420.0));
        assert!(close(last.bands[1].persons, 1000.0));
        assert!((last.annual_growth - 0.03878).abs() < 0.000005);
    }

    proptest::proptest! {
        /// G(y) does not depend on the scale of the rates or of the population,
        /// and a population that does not change leaves the requirement as it is.
        #[test]
        fn the_index_is_scale_free(
            rates in proptest::array::uniform3(0.01f64..1.0),
            k in 0.1f64..10.0,
            growth in 0.5f64..2.0,
        ) {
            let mut plan = worked_example();
            let g = |plan: &Plan| driver_index(plan, "hjemmetjeneste", 2030).unwrap();
            for (b, r) in plan.drivers[0].bands.iter_mut().zip(rates) {
                b.rate = r;
            }
            let before = g(&plan);
            for b in &mut plan.drivers[0].bands {
                b.rate *= k;
            }
            proptest::prop_assert!((g(&plan) - before).abs() < 1e-9 * before.max(1.0));
            if let Some(p) = plan.population.as_mut() {
                for years in p.series.values_mut() {
                    for ages in years.values_mut() {
                        for a in ages.iter_mut() {
                            *a *= growth;
                        }
                    }
                }
            }
            proptest::prop_assert!((g(&plan) - before).abs() < 1e-9 * before.max(1.0));
            // a constant population: G = 1 in every year
            if let Some(p) = plan.population.as_mut() {
                let first = p.series["MMMM"][&2025];
                for ages in p.series.get_mut("MMMM").unwrap().values_mut() {
                    *ages = first;
                }
            }
            let mut line = cap("u", "spl", 12.0, &["spl"], 0.0);
            line.driver = Some("hjemmetjeneste".into());
            let d = Demand::new(&plan, &plan.assumptions);
            for y in 2025..=2030 {
                proptest::prop_assert!((d.required(&line, y) - 12.0).abs() < 1e-9);
            }
        }
    }
}
