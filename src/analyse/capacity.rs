//! Capacity (bemanning): required vs available FTE per capacity line and year,
//! and the need split into mobilise / develop / acquire, plus surplus.
//!
//! In: the plan's capacity lines, the indexed roster and where the required FTE
//! come from ([`Demand`]). Out: [`CapacityRow`]s sorted by (unit, position,
//! year). Each unit's staff is aggregated once per year into (position, edu)
//! groups, so the cost is linear in staff × years.

use std::ops::Range;

use rayon::prelude::*;
use serde::Serialize;

use super::demand::Demand;
use super::roster::{edu, extra_percent, Roster};
use crate::model::{CapacityLine, Plan};

/// Differences smaller than this (FTE) are floating-point noise and count as 0.
pub const EPSILON: f64 = 1e-9;

/// One capacity line in one year (all figures in FTE, årsverk).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CapacityRow {
    pub unit: String,
    pub position: String,
    pub year: i32,
    /// Krav: fte × G(y) × (1 − efficiency)^(y − B), G(y) = (1 + annual_growth)^(y − B)
    /// or the driver's D(y)/D(B); W(y) × (1 − efficiency)^(y − B) for a line whose
    /// requirement comes from its workload.
    pub required: f64,
    /// Kapital: Σ f·w of qualified staff in the position.
    pub available: f64,
    /// Ufaglært: Σ f·w of staff in the position without an accepted competence.
    pub unqualified: f64,
    /// required − available.
    pub gap: f64,
    /// Behov: max(gap, 0).
    pub need: f64,
    /// Avvikle / omstille: max(−gap, 0).
    pub surplus: f64,
    pub mobilise: f64,
    pub develop: f64,
    pub acquire: f64,
    /// The line's demand driver, when it has one (not in the JSON otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub driver: Option<String>,
    /// G(y) = D(y) / D(B) of the line's driver.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<f64>,
    /// The line's primary competence (first of `accepts`); not in the JSON.
    #[serde(skip)]
    pub primary: String,
}

impl CapacityRow {
    /// Every figure of the row, in the order of its JSON keys and CSV columns:
    /// required, available, unqualified, gap, need, surplus, mobilise,
    /// develop, acquire.
    pub fn figures(&self) -> [f64; 9] {
        [
            self.required,
            self.available,
            self.unqualified,
            self.gap,
            self.need,
            self.surplus,
            self.mobilise,
            self.develop,
            self.acquire,
        ]
    }
}

/// A (position, edu) or (studying, edu) key of [`UnitYear`].
type GroupKey<'a> = (&'a str, Option<&'a str>);

/// Sums for one unit in one year, in percentage points (Σ percent·w), which
/// keeps base-year sums exact.
#[derive(Default)]
struct UnitYear<'a> {
    /// (position, edu(y)) → (Σ p·w, Σ x·w), sorted by key; a key is present
    /// when someone of the unit is in that group in that year.
    groups: Vec<(GroupKey<'a>, (f64, f64))>,
    /// (studying, edu(y)) → Σ p·w of staff who qualify within the period (y < done ≤ E),
    /// sorted by key.
    students: Vec<(GroupKey<'a>, f64)>,
}

/// Distinct keys numbered in order of first use, then ranked by key.
#[derive(Default)]
struct Keys<'a> {
    list: Vec<GroupKey<'a>>,
    last: Option<usize>,
}

impl<'a> Keys<'a> {
    fn id(&mut self, key: GroupKey<'a>) -> usize {
        if let Some(i) = self.last.filter(|&i| self.list.get(i) == Some(&key)) {
            return i;
        }
        let i = self.list.iter().position(|k| *k == key).unwrap_or_else(|| {
            self.list.push(key);
            self.list.len() - 1
        });
        self.last = Some(i);
        i
    }

    /// The keys sorted, and each id's place among them.
    fn ranked(self) -> (Vec<GroupKey<'a>>, Vec<usize>) {
        let mut order: Vec<usize> = (0..self.list.len()).collect();
        order.sort_by_key(|&i| self.list[i]);
        let mut rank = vec![0; order.len()];
        for (r, &i) in order.iter().enumerate() {
            rank[i] = r;
        }
        (order.iter().map(|&i| self.list[i]).collect(), rank)
    }
}

impl<'a> UnitYear<'a> {
    /// Every year of `years` for the unit whose rows of [`Roster::staff`] are
    /// `range`. Each person's groups are looked up once, not once a year;
    /// each group's sums add its members in roster order, as one pass a year
    /// would.
    fn build_years(roster: &Roster<'a>, range: Range<usize>, years: &[i32]) -> Vec<Self> {
        // per person: the group before and after `study_done`, and the
        // students' key (their edu before `done` is `education`)
        let mut groups = Keys::default();
        let mut students = Keys::default();
        let mut people = Vec::with_capacity(range.len());
        for i in range {
            let Some(s) = roster.staff.get(i).copied() else {
                continue;
            };
            let before = groups.id((s.position.as_str(), s.education.as_deref()));
            let (after, done, student) = match (s.studying.as_deref(), s.study_done) {
                (Some(st), Some(done)) => (
                    groups.id((s.position.as_str(), Some(st))),
                    done,
                    Some(students.id((st, s.education.as_deref()))),
                ),
                _ => (before, i32::MAX, None),
            };
            people.push((i, s, before, after, done, student));
        }
        let (group_keys, group_rank) = groups.ranked();
        let (student_keys, student_rank) = students.ranked();
        years
            .iter()
            .map(|&y| {
                let mut g: Vec<Option<(f64, f64)>> = vec![None; group_keys.len()];
                let mut st: Vec<Option<f64>> = vec![None; student_keys.len()];
                for &(i, s, before, after, done, student) in &people {
                    let w = roster.weight_at(i, y);
                    let id = if y >= done { after } else { before };
                    let sum = g[group_rank[id]].get_or_insert((0.0, 0.0));
                    sum.0 += s.percent * w;
                    sum.1 += extra_percent(s) * w;
                    if let Some(k) = student {
                        if y < done && done <= roster.end() {
                            *st[student_rank[k]].get_or_insert(0.0) += s.percent * w;
                        }
                    }
                }
                UnitYear {
                    groups: group_keys
                        .iter()
                        .zip(g)
                        .filter_map(|(&k, v)| Some((k, v?)))
                        .collect(),
                    students: student_keys
                        .iter()
                        .zip(st)
                        .filter_map(|(&k, v)| Some((k, v?)))
                        .collect(),
                }
            })
            .collect()
    }
}

/// Every capacity line in every year B..=E.
pub(crate) fn capacity(plan: &Plan, roster: &Roster, demand: &Demand) -> Vec<CapacityRow> {
    let mut lines: Vec<&CapacityLine> = plan.capacity.iter().collect();
    lines.sort_by(|a, b| (&a.unit, &a.position).cmp(&(&b.unit, &b.position)));
    let years: Vec<i32> = roster.years().collect();
    // the lines of each unit
    let mut units: Vec<&[&CapacityLine]> = Vec::new();
    let mut rest = &lines[..];
    while let Some(first) = rest.first() {
        let n = rest.iter().take_while(|l| l.unit == first.unit).count();
        let (mine, tail) = rest.split_at(n);
        units.push(mine);
        rest = tail;
    }
    // Units are independent: compute them on all cores, keep them in order.
    let per_unit: Vec<Vec<CapacityRow>> = units
        .par_iter()
        .map(|mine| {
            let range = mine.first().map_or(0..0, |l| roster.unit_range(&l.unit));
            let per_year = UnitYear::build_years(roster, range, &years);
            let mut rows = Vec::with_capacity(mine.len() * years.len());
            for line in *mine {
                for (&y, agg) in years.iter().zip(&per_year) {
                    rows.push(row(line, y, demand, agg));
                }
            }
            rows
        })
        .collect();
    per_unit.concat()
}

/// Capacity lines whose available FTE is one person's: in some year of the
/// period exactly one person counts towards it, and someone counted in it
/// reaches retirement age or qualifies within the period, so the published
/// rows show a step that belongs to that person (`small-position`). Sorted by
/// (unit, position); the staff of each line are looked at once per year.
pub(crate) fn small_positions(plan: &Plan, roster: &Roster) -> Vec<(String, String)> {
    let mut lines: Vec<&CapacityLine> = plan.capacity.iter().collect();
    lines.sort_by(|a, b| (&a.unit, &a.position).cmp(&(&b.unit, &b.position)));
    let years: Vec<i32> = roster.years().collect();
    lines
        .into_iter()
        .filter(|line| {
            let accepts = |e: Option<&str>| e.is_some_and(|e| line.accepts.iter().any(|a| a == e));
            let staff: Vec<usize> = roster
                .unit_range(&line.unit)
                .filter(|&i| {
                    roster
                        .staff
                        .get(i)
                        .is_some_and(|s| s.position == line.position)
                })
                .collect();
            let counted = |i: usize, y: i32| {
                roster.staff.get(i).is_some_and(|s| accepts(edu(s, y)))
                    && roster.weight_at(i, y) > EPSILON
            };
            let alone = years
                .iter()
                .any(|&y| staff.iter().filter(|&&i| counted(i, y)).count() == 1);
            let step = staff.iter().any(|&i| {
                years
                    .windows(2)
                    .any(|w| matches!(w, [a, b] if counted(i, *a) != counted(i, *b)))
            });
            alone && step
        })
        .map(|l| (l.unit.clone(), l.position.clone()))
        .collect()
}

fn row(line: &CapacityLine, y: i32, demand: &Demand, agg: &UnitYear) -> CapacityRow {
    let accepts = |e: Option<&str>| e.is_some_and(|e| line.accepts.iter().any(|a| a == e));
    let primary = line.primary();
    let (mut avail, mut unq, mut mob) = (0.0, 0.0, 0.0);
    for &((pos, e), (p, x)) in &agg.groups {
        if pos == line.position {
            if accepts(e) {
                avail += p;
                mob += x;
            } else {
                unq += p;
            }
        }
    }
    // competence placed where it is not used: other positions, edu = primary
    for &((pos, e), (p, _)) in &agg.groups {
        if pos != line.position && e == Some(primary) {
            mob += p;
        }
    }
    let mut dev = 0.0;
    for &((studying, e), p) in &agg.students {
        if !accepts(e) && accepts(Some(studying)) {
            dev += p;
        }
    }
    let required = demand.required(line, y);
    let available = avail / 100.0;
    let mut gap = required - available;
    if gap.abs() < EPSILON {
        gap = 0.0;
    }
    // explicit branches: f64::max may keep a negative zero
    let need = if gap > 0.0 { gap } else { 0.0 };
    let surplus = if gap < 0.0 { -gap } else { 0.0 };
    let mobilise = need.min(mob / 100.0);
    let rest = need - mobilise;
    let develop = rest.min(dev / 100.0);
    CapacityRow {
        unit: line.unit.clone(),
        position: line.position.clone(),
        year: y,
        required,
        available,
        unqualified: unq / 100.0,
        gap,
        need,
        surplus,
        mobilise,
        develop,
        acquire: rest - develop,
        driver: line.driver.clone(),
        index: line.driver.as_ref().map(|_| demand.growth_of(line, y)),
        primary: primary.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::testkit::*;

    fn rows(plan: &Plan) -> Vec<CapacityRow> {
        let demand = Demand::growth(plan.meta.base_year);
        capacity(plan, &Roster::new(plan, &plan.assumptions), &demand)
    }

    fn get<'r>(rows: &'r [CapacityRow], pos: &str, y: i32) -> &'r CapacityRow {
        rows.iter()
            .find(|r| r.position == pos && r.year == y)
            .unwrap()
    }

    #[test]
    fn available_unqualified_and_split() {
        let mut plan = plan_2025_2029();
        plan.capacity = vec![cap("u", "spl", 4.0, &["spl"], 0.0)];
        plan.staff = vec![
            person("a", "u", "spl", 100.0, Some("spl"), 1980),
            person("b", "u", "spl", 50.0, Some("spl"), 1980).wants(100.0),
            person("c", "u", "spl", 50.0, Some("hfa"), 1980), // unqualified
            person("d", "u", "fag", 100.0, Some("spl"), 1980), // nurse elsewhere
            person("e", "u", "fag", 80.0, Some("hfa"), 1980).studying("spl", 2027),
            person("f", "u", "fag", 100.0, Some("hfa"), 1980).studying("spl", 2031), // after E
        ];
        let r = rows(&plan);
        let y = get(&r, "spl", 2025);
        assert_eq!((y.required, y.available, y.unqualified), (4.0, 1.5, 0.5));
        assert_eq!((y.gap, y.need, y.surplus), (2.5, 2.5, 0.0));
        // mobilisable 0.5 (b wants 100) + 1.0 (d) = 1.5; developable 0.8 (e)
        assert_eq!((y.mobilise, y.develop), (1.5, 0.8));
        assert!(close(y.acquire, 0.2));
        // 2027: e is a nurse in another position: mobilisable, no longer developable
        let y = get(&r, "spl", 2027);
        assert_eq!((y.mobilise, y.develop), (2.3, 0.0));
        assert!(close(y.acquire, 0.2));
    }

    #[test]
    fn growth_turnover_and_retirement() {
        let mut plan = plan_2025_2029();
        plan.assumptions.turnover_rate = 0.2;
        plan.capacity = vec![cap("u", "fag", 5.0, &["hfa", "hp", "spl"], 0.05)];
        plan.staff = vec![
            person("a", "u", "fag", 100.0, Some("hfa"), 1990),
            person("b", "u", "fag", 100.0, Some("hp"), 1958), // 67 in 2025, retired 2026
        ];
        let r = rows(&plan);
        let y = get(&r, "fag", 2025);
        assert_eq!((y.required, y.available), (5.0, 2.0)); // b counts in the base year
        let y = get(&r, "fag", 2029);
        assert!(close(y.required, 5.0 * 1.05f64.powi(4)));
        assert!(close(y.available, 0.8f64.powi(4)));
        assert!(close(y.acquire, y.need));
    }

    #[test]
    fn surplus_when_over_staffed() {
        let mut plan = plan_2025_2029();
        plan.capacity = vec![cap("u", "fag", 1.0, &["hfa"], 0.0)];
        plan.staff = vec![
            person("a", "u", "fag", 100.0, Some("hfa"), 1990),
            person("b", "u", "fag", 50.0, Some("hfa"), 1990),
        ];
        let y = get(&rows(&plan), "fag", 2025).clone();
        assert_eq!((y.gap, y.need, y.surplus, y.acquire), (-0.5, 0.0, 0.5, 0.0));
    }

    #[test]
    fn unit_without_staff_and_empty_roster() {
        let mut plan = plan_2025_2029();
        plan.capacity = vec![
            cap("u", "spl", 2.0, &["spl"], 0.0),
            cap("v", "spl", 1.0, &["spl"], 0.0),
        ];
        plan.staff = vec![person("a", "u", "spl", 100.0, Some("spl"), 1990)];
        let r = rows(&plan);
        assert_eq!(r.len(), 10);
        let v = r.iter().find(|r| r.unit == "v" && r.year == 2025).unwrap();
        assert_eq!((v.available, v.need, v.acquire), (0.0, 1.0, 1.0));
        // staff of another unit is never mobilisable here
        assert_eq!(v.mobilise, 0.0);
        plan.staff.clear();
        assert!(rows(&plan).iter().all(|r| r.acquire == r.required));
    }

    #[test]
    fn rows_sorted_by_unit_position_year() {
        let mut plan = plan_2025_2029();
        plan.capacity = vec![
            cap("v", "a", 1.0, &["spl"], 0.0),
            cap("u", "b", 1.0, &["spl"], 0.0),
            cap("u", "a", 1.0, &["spl"], 0.0),
        ];
        let keys: Vec<_> = rows(&plan)
            .iter()
            .map(|r| (r.unit.clone(), r.position.clone(), r.year))
            .collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted);
    }
}
