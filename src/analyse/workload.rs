//! Workload-based staffing requirements: WHO's WISN method.
//!
//! In: a validated [`Workload`] (one position in one unit), the year y, and the
//! volume index of each demand driver (D(y)/D(B), 1 for an activity without a
//! driver). Out: [`Wisn`] — available working time AWT, the staff for the
//! health-service activities A(y), the category allowance factor CAF, the
//! individual allowance factor IAF and the required staff W(y) = A(y) × CAF +
//! IAF — and, with the roster, a [`WorkloadRow`] per workload: W(B) against
//! the FTE employed in the position (the WISN ratio). The rules are in
//! docs/method.md ("Bemanningsberegning (WISN)"); the capacity analysis asks
//! [`super::demand::Demand`], which asks [`wisn`], so W is computed in one place.

use serde::Serialize;

use crate::model::workload::Workload;
use crate::model::{Plan, Staff};

/// The volume index of a demand driver in a year: D(y)/D(B). Activities
/// without a driver have index 1 (the same volume every year).
pub type VolumeIndex<'a> = &'a (dyn Fn(&str, i32) -> f64 + Sync);

/// The index of a plan without demand drivers: every volume stays as in the
/// base year.
pub fn constant_volumes(_driver: &str, _year: i32) -> f64 {
    1.0
}

/// The WISN figures of one workload in one year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Wisn {
    /// AWT: available working time in hours per year.
    pub available_hours: f64,
    /// Σ minutes × volume(y) / 60: hours of health-service activities.
    pub activity_hours: f64,
    /// A(y) = activity_hours / AWT.
    pub activity_staff: f64,
    /// Σ of the support activities' fractions of working time.
    pub support_share: f64,
    /// CAF = 1 / (1 − support_share).
    pub category_allowance: f64,
    /// Σ hours_per_year × staff.
    pub individual_hours: f64,
    /// IAF = individual_hours / AWT.
    pub individual_allowance: f64,
    /// W(y) = A(y) × CAF + IAF.
    pub required: f64,
}

/// The volume of activity `a` in year y: per_year × D(y)/D(B) when driven.
fn volume(a: &crate::model::workload::Activity, y: i32, index: VolumeIndex) -> f64 {
    match &a.driver {
        Some(d) => a.per_year * index(d, y),
        None => a.per_year,
    }
}

/// The hours of each activity in year y, in the workload's canonical order.
pub fn activity_hours(w: &Workload, y: i32, index: VolumeIndex) -> Vec<f64> {
    w.activities
        .iter()
        .map(|a| a.minutes * volume(a, y, index) / 60.0)
        .collect()
}

/// WISN for workload `w` in year `y`. `validate` guarantees AWT > 0 and a
/// support share below 1, so every figure is finite.
pub fn wisn(w: &Workload, y: i32, index: VolumeIndex) -> Wisn {
    let awt = w.available_hours();
    let activity_hours: f64 = activity_hours(w, y, index).iter().sum();
    let activity_staff = activity_hours / awt;
    let support_share = w.support_share();
    let category_allowance = 1.0 / (1.0 - support_share);
    let individual_hours: f64 = w
        .individual
        .iter()
        .map(|i| i.hours_per_year * f64::from(i.staff))
        .sum();
    let individual_allowance = individual_hours / awt;
    Wisn {
        available_hours: awt,
        activity_hours,
        activity_staff,
        support_share,
        category_allowance,
        individual_hours,
        individual_allowance,
        required: activity_staff * category_allowance + individual_allowance,
    }
}

/// One activity's time in the base year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActivityTime {
    pub name: String,
    /// minutes × per_year / 60.
    pub hours: f64,
    /// Its share of the health-service activities' hours (null when they are 0).
    pub share: Option<f64>,
}

/// W(y) in one year.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct YearRequired {
    pub year: i32,
    pub required: f64,
}

/// The WISN result of one workload (`plan analyse --workload`, the report).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WorkloadRow {
    pub unit: String,
    pub position: String,
    /// AWT, hours per year.
    pub available_hours: f64,
    /// Σ minutes × per_year / 60: hours of health-service activities in B.
    pub activity_hours: f64,
    /// A(B): staff for the health-service activities.
    pub activity_staff: f64,
    /// Σ of the support fractions of working time.
    pub support_share: f64,
    /// CAF.
    pub category_allowance: f64,
    /// Σ hours_per_year × staff: hours of individual activities.
    pub individual_hours: f64,
    /// IAF.
    pub individual_allowance: f64,
    /// W(B): required staff in FTE.
    pub required: f64,
    /// Σ percent/100 of the roster's staff in the unit and position (qualified
    /// or not).
    pub existing: f64,
    /// WISN ratio existing / W(B) (null when W(B) is 0).
    pub ratio: Option<f64>,
    /// existing − W(B).
    pub difference: f64,
    /// A(B) / W(B): the share of the required time that goes to the
    /// health-service activities themselves (null when W(B) is 0); the rest
    /// is support (A × (CAF − 1)) and individual tasks (IAF).
    pub activity_share: Option<f64>,
    /// Each activity's hours in the base year, sorted by name.
    pub activities: Vec<ActivityTime>,
    /// Whether the capacity line takes its requirement from this workload (it
    /// has no `fte`).
    pub sets_requirement: bool,
    /// W(y) for every year B..=E when some activity follows a demand driver;
    /// empty (and left out of the JSON) otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub years: Vec<YearRequired>,
}

/// Σ percent/100 of `staff` (sorted by unit, position, id) in (unit, position).
fn existing(staff: &[Staff], unit: &str, position: &str) -> f64 {
    let key = (unit, position);
    let start = staff.partition_point(|s| (s.unit.as_str(), s.position.as_str()) < key);
    staff
        .get(start..)
        .unwrap_or(&[])
        .iter()
        .take_while(|s| (s.unit.as_str(), s.position.as_str()) == key)
        .map(|s| s.percent / 100.0)
        .sum()
}

/// Every workload of the plan, in (unit, position) order.
pub fn workloads(plan: &Plan, index: VolumeIndex) -> Vec<WorkloadRow> {
    let base = plan.meta.base_year;
    plan.workloads
        .iter()
        .map(|w| {
            let b = wisn(w, base, index);
            let hours = activity_hours(w, base, index);
            let existing = existing(&plan.staff, &w.unit, &w.position);
            let nonzero = |x: f64| (x > 0.0).then_some(x);
            // the plan's capacity lines are sorted by (unit, position)
            let key = (w.unit.as_str(), w.position.as_str());
            let sets_requirement = plan
                .capacity
                .binary_search_by(|c| (c.unit.as_str(), c.position.as_str()).cmp(&key))
                .ok()
                .and_then(|i| plan.capacity.get(i))
                .is_some_and(|c| c.fte.is_none());
            WorkloadRow {
                unit: w.unit.clone(),
                position: w.position.clone(),
                available_hours: b.available_hours,
                activity_hours: b.activity_hours,
                activity_staff: b.activity_staff,
                support_share: b.support_share,
                category_allowance: b.category_allowance,
                individual_hours: b.individual_hours,
                individual_allowance: b.individual_allowance,
                required: b.required,
                existing,
                ratio: nonzero(b.required).map(|r| existing / r),
                difference: existing - b.required,
                activity_share: nonzero(b.required).map(|r| b.activity_staff / r),
                activities: w
                    .activities
                    .iter()
                    .zip(hours)
                    .map(|(a, h)| ActivityTime {
                        name: a.name.clone(),
                        hours: h,
                        share: nonzero(b.activity_hours).map(|t| h / t),
                    })
                    .collect(),
                sets_requirement,
                years: if w.is_driven() {
                    plan.meta
                        .period
                        .years()
                        .filter(|&y| y >= base)
                        .map(|y| YearRequired {
                            year: y,
                            required: wisn(w, y, index).required,
                        })
                        .collect()
                } else {
                    Vec::new()
                },
            }
        })
        .collect()
}

/// The row of (unit, position) in `rows` (sorted by unit, position, as the
/// analysis keeps them).
pub fn find<'r>(rows: &'r [WorkloadRow], unit: &str, position: &str) -> Option<&'r WorkloadRow> {
    let key = (unit, position);
    rows.binary_search_by(|r| (r.unit.as_str(), r.position.as_str()).cmp(&key))
        .ok()
        .and_then(|i| rows.get(i))
}

impl WorkloadRow {
    /// Every figure of the row, for the finite check.
    pub fn figures(&self) -> Vec<f64> {
        let mut v = vec![
            self.available_hours,
            self.activity_hours,
            self.activity_staff,
            self.support_share,
            self.category_allowance,
            self.individual_hours,
            self.individual_allowance,
            self.required,
            self.existing,
            self.difference,
        ];
        v.extend(self.ratio);
        v.extend(self.activity_share);
        for a in &self.activities {
            v.push(a.hours);
            v.extend(a.share);
        }
        v.extend(self.years.iter().map(|y| y.required));
        v
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::analyse::testkit::*;
    use crate::model::workload::{Absence, Activity, Individual, Per, Support};
    use proptest::prelude::*;

    fn activity(name: &str, minutes: f64, per_year: f64) -> Activity {
        Activity {
            name: name.into(),
            minutes,
            per_year,
            driver: None,
        }
    }

    /// The worked example of issue 12 and docs/method.md.
    pub(crate) fn worked_example(unit: &str, position: &str) -> Workload {
        let mut w = Workload {
            unit: unit.into(),
            position: position.into(),
            working_days: 260.0,
            hours_per_day: 7.5,
            hours_per_week: 37.5,
            absence: Absence {
                holidays: 10.0,
                vacation: 25.0,
                sick: 15.0,
                other: 5.0,
            },
            activities: vec![
                activity("Medisinering", 15.0, 12_000.0),
                activity("Sårstell", 30.0, 2_000.0),
                activity("Personlig stell", 45.0, 4_000.0),
            ],
            support: vec![
                Support {
                    name: "Rapport".into(),
                    hours: 0.5,
                    per: Per::Day,
                },
                Support {
                    name: "Fagmøte".into(),
                    hours: 1.0,
                    per: Per::Week,
                },
                Support {
                    name: "Kurs".into(),
                    hours: 15.0,
                    per: Per::Year,
                },
            ],
            individual: vec![
                Individual {
                    name: "Verneombud".into(),
                    hours_per_year: 150.0,
                    staff: 1,
                },
                Individual {
                    name: "Fagutvikling".into(),
                    hours_per_year: 200.0,
                    staff: 1,
                },
            ],
            loc: None,
        };
        w.normalise();
        w
    }

    fn near(a: f64, b: f64) -> bool {
        (a - b).abs() < 5e-8
    }

    #[test]
    fn the_worked_example_checked_by_hand() {
        let w = worked_example("hjemme", "sykepleier");
        let r = wisn(&w, 2025, &constant_volumes);
        assert_eq!(r.available_hours, 1537.5);
        assert!(near(r.activity_hours, 7000.0));
        assert!(near(r.activity_staff, 4.5528455), "{r:?}");
        assert!(near(r.support_share, 0.1030894), "{r:?}");
        assert!(near(r.category_allowance, 1.1149384), "{r:?}");
        assert!(near(r.individual_allowance, 0.2276423), "{r:?}");
        assert!(near(r.required, 5.3037844), "{r:?}");
        // with 4.0 FTE employed in the position
        let mut plan = plan_2025_2029();
        plan.capacity = vec![cap("hjemme", "sykepleier", 5.0, &["spl"], 0.0)];
        plan.staff = vec![
            person("a", "hjemme", "sykepleier", 100.0, Some("spl"), 1970),
            person("b", "hjemme", "sykepleier", 100.0, Some("spl"), 1980),
            person("c", "hjemme", "sykepleier", 100.0, None, 1990),
            person("d", "hjemme", "sykepleier", 60.0, Some("spl"), 1985),
            person("e", "hjemme", "sykepleier", 40.0, Some("spl"), 1975),
            person("f", "hjemme", "fagarbeider", 100.0, Some("spl"), 1975),
            person("g", "sjoheim", "sykepleier", 100.0, Some("spl"), 1975),
        ];
        plan.normalise();
        plan.workloads = vec![w];
        let rows = workloads(&plan, &constant_volumes);
        let [row] = rows.as_slice() else {
            panic!("{rows:?}")
        };
        assert_eq!(row.existing, 4.0);
        assert!(near(row.ratio.unwrap_or(0.0), 0.7541785), "{row:?}");
        assert!(near(row.difference, -1.3037844), "{row:?}");
        assert!(!row.sets_requirement);
        // activities by name, their hours and shares of the 7 000 hours
        let names: Vec<(&str, f64)> = row
            .activities
            .iter()
            .map(|a| (a.name.as_str(), a.hours))
            .collect();
        assert_eq!(
            names,
            [
                ("Medisinering", 3000.0),
                ("Personlig stell", 3000.0),
                ("Sårstell", 1000.0)
            ]
        );
        assert!(near(row.activities[2].share.unwrap_or(0.0), 1.0 / 7.0));
        assert!(row.years.is_empty(), "no driver, no yearly W");
    }

    #[test]
    fn a_line_without_fte_requires_w_and_the_efficiency_compounds() {
        let mut plan = plan_2025_2029();
        let mut line = cap("hjemme", "sykepleier", 0.0, &["spl"], 0.0);
        line.fte = None;
        plan.capacity = vec![line.clone()];
        plan.workloads = vec![worked_example("hjemme", "sykepleier")];
        let d = super::super::demand::Demand::new(&plan, &plan.assumptions);
        assert!(near(d.required(&line, 2025), 5.3037844));
        assert!(near(d.required(&line, 2029), 5.3037844));
        let mut saving = plan.assumptions;
        saving.efficiency = 0.02;
        let eff = super::super::demand::Demand::new(&plan, &saving);
        assert!(near(d.required(&line, 2025), eff.required(&line, 2025)));
        assert!(near(eff.required(&line, 2027), 5.3037844 * 0.98 * 0.98));
        let a = crate::analyse::analyse(&plan, &plan.assumptions);
        assert!(a.workloads.iter().all(|w| w.sets_requirement));
        assert!(near(a.capacity[0].required, 5.3037844));
    }

    #[test]
    fn a_driven_activity_scales_with_its_index_and_gives_w_per_year() {
        let mut plan = plan_2025_2029();
        let mut w = worked_example("hjemme", "sykepleier");
        // personal care follows a driver that grows 10 % a year
        w.activities[1].driver = Some("hjemmetjeneste".into());
        plan.workloads = vec![w.clone()];
        let index = |d: &str, y: i32| {
            assert_eq!(d, "hjemmetjeneste");
            1.1f64.powi(y - 2025)
        };
        let rows = workloads(&plan, &index);
        let years: Vec<i32> = rows[0].years.iter().map(|y| y.year).collect();
        assert_eq!(years, [2025, 2026, 2027, 2028, 2029]);
        let expect = |y: i32| {
            let hours = 3000.0 + 1000.0 + 3000.0 * 1.1f64.powi(y - 2025);
            hours / 1537.5 * 1.1149384 + 0.2276423
        };
        for v in &rows[0].years {
            assert!((v.required - expect(v.year)).abs() < 1e-6, "{v:?}");
        }
        assert_eq!(rows[0].required, rows[0].years[0].required);
    }

    /// Issues 11 and 12 together: an activity driven by a demand driver of the
    /// population projection grows with D(y)/D(B), in the workload output and in
    /// the requirement of a line without `fte`, and the efficiency applies on top.
    #[test]
    fn a_driver_of_the_population_grows_a_driven_activity() {
        let mut plan = super::super::demand::tests::worked_example();
        let mut w = worked_example("hjemme", "sykepleier");
        // personal care (3 000 h in the base year) follows home-care users:
        // 420 in 2025, 508 in 2030
        w.activities[1].driver = Some("hjemmetjeneste".into());
        plan.workloads = vec![w];
        let mut line = cap("hjemme", "sykepleier", 0.0, &["spl"], 0.0);
        line.fte = None;
        plan.capacity = vec![line.clone()];
        let g = 508.0 / 420.0;
        let w2030 = (4000.0 + 3000.0 * g) / 1537.5 * 1.1149384 + 0.2276423;
        let a = crate::analyse::analyse(&plan, &plan.assumptions);
        let row = &a.workloads[0];
        let last = row.years.iter().find(|v| v.year == 2030).unwrap();
        assert!((last.required - w2030).abs() < 1e-6, "{last:?}");
        let req = a.capacity.iter().find(|r| r.year == 2030).unwrap().required;
        assert!((req - w2030).abs() < 1e-6, "{req}");
        let mut saving = plan.assumptions;
        saving.efficiency = 0.01;
        let a = crate::analyse::analyse(&plan, &saving);
        let req = a.capacity.iter().find(|r| r.year == 2030).unwrap().required;
        assert!((req - w2030 * 0.99f64.powi(5)).abs() < 1e-6, "{req}");
    }

    fn arb_workload() -> impl Strategy<Value = Workload> {
        (
            proptest::collection::vec((1.0f64..120.0, 0.0f64..20_000.0), 0..8),
            proptest::collection::vec((0.01f64..2.0, 0usize..4), 0..5),
            proptest::collection::vec((0.0f64..300.0, 0u32..4), 0..4),
            0.0f64..40.0,
        )
            .prop_map(|(acts, sup, ind, sick)| {
                let per = [Per::Day, Per::Week, Per::Month, Per::Year];
                let mut w = worked_example("u", "p");
                w.absence.sick = sick;
                w.activities = acts
                    .into_iter()
                    .enumerate()
                    .map(|(i, (m, v))| activity(&format!("a{i}"), m, v))
                    .collect();
                w.support = sup
                    .into_iter()
                    .enumerate()
                    .map(|(i, (h, p))| Support {
                        name: format!("s{i}"),
                        hours: h / 10.0,
                        per: per[p],
                    })
                    .collect();
                w.individual = ind
                    .into_iter()
                    .enumerate()
                    .map(|(i, (h, n))| Individual {
                        name: format!("i{i}"),
                        hours_per_year: h,
                        staff: n,
                    })
                    .collect();
                w.normalise();
                w
            })
    }

    proptest! {
        /// W grows linearly in every volume: doubling one activity's volume
        /// adds exactly its hours / AWT × CAF once more.
        #[test]
        fn w_is_linear_in_every_volume(w in arb_workload(), k in 0usize..8, f in 0.0f64..5.0) {
            prop_assume!(!w.activities.is_empty());
            let k = k % w.activities.len();
            let base = wisn(&w, 2025, &constant_volumes);
            let mut scaled = w.clone();
            scaled.activities[k].per_year *= f;
            let s = wisn(&scaled, 2025, &constant_volumes);
            let a = &w.activities[k];
            let slope = a.minutes * a.per_year / 60.0 / base.available_hours * base.category_allowance;
            let want = base.required + (f - 1.0) * slope;
            prop_assert!((s.required - want).abs() <= 1e-9 * want.abs().max(1.0), "{} vs {}", s.required, want);
            prop_assert!(s.required >= base.individual_allowance - 1e-12);
        }

        /// CAF ≥ 1, and W ≥ A ≥ 0.
        #[test]
        fn the_category_allowance_factor_is_at_least_one(w in arb_workload()) {
            prop_assume!(w.support_share() < 1.0);
            let r = wisn(&w, 2025, &constant_volumes);
            prop_assert!(r.category_allowance >= 1.0);
            prop_assert!(r.required >= r.activity_staff && r.activity_staff >= 0.0);
        }

        /// W does not depend on the order in which activities, support and
        /// individual tasks are written: validation sorts them, and the sum
        /// then runs in one order.
        #[test]
        fn w_is_independent_of_the_order_of_the_lists(w in arb_workload(), seed in any::<u64>()) {
            let mut shuffled = w.clone();
            let mut rng = seed;
            let mut next = || { rng = rng.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407); (rng >> 33) as usize };
            for i in (1..shuffled.activities.len()).rev() { let j = next() % (i + 1); shuffled.activities.swap(i, j); }
            for i in (1..shuffled.support.len()).rev() { let j = next() % (i + 1); shuffled.support.swap(i, j); }
            for i in (1..shuffled.individual.len()).rev() { let j = next() % (i + 1); shuffled.individual.swap(i, j); }
            shuffled.normalise();
            prop_assert_eq!(&shuffled, &w);
            prop_assert_eq!(wisn(&shuffled, 2025, &constant_volumes).required.to_bits(), wisn(&w, 2025, &constant_volumes).required.to_bits());
        }
    }
}
