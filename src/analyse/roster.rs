//! The roster indexed for the analysis.
//!
//! In: a [`Plan`] and the [`Assumptions`] to analyse it under. Out: a
//! [`Roster`] — staff in canonical order (unit, position, id) with the slice of
//! each unit, competence look-up, and the per-person rules of the projection:
//! edu(y), the retirement age R and the weight w(y) ([`Weight`], which the demo
//! generator uses too, so its targets follow the same rule).

use std::collections::BTreeMap;
use std::ops::{Range, RangeInclusive};

use crate::model::{Assumptions, Competence, EduLevel, Plan, Staff};

/// w(y), the weight of a staff member in year y (docs/method.md): 1 in the
/// base year B, even past retirement age (the roster is the truth then); for
/// y > B 0 once y − birth_year > R, else (1 − turnover)^(y − B).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Weight {
    /// B.
    pub base: i32,
    /// `assumptions.turnover_rate`.
    pub turnover: f64,
}

impl Weight {
    /// w(y) of a person born in `birth_year` whose edu(y) has the retirement
    /// age `retirement_age` (R).
    pub fn at(&self, y: i32, birth_year: i32, retirement_age: u32) -> f64 {
        if y <= self.base {
            return 1.0;
        }
        let age = i64::from(y) - i64::from(birth_year);
        if age > i64::from(retirement_age) {
            return 0.0;
        }
        (1.0 - self.turnover).powi(y - self.base)
    }
}

pub(crate) struct Roster<'a> {
    /// Every staff row, sorted by (unit, position, id).
    pub staff: Vec<&'a Staff>,
    /// Per staff row (same order): level and retirement age R of `education`
    /// and of edu(y) once `study_done` is reached, looked up once rather than
    /// per year and indicator.
    facts: Vec<[(EduLevel, u32); 2]>,
    units: BTreeMap<&'a str, Range<usize>>,
    competences: BTreeMap<&'a str, &'a Competence>,
    base: i32,
    end: i32,
    weight: Weight,
    retirement_age: u32,
}

impl<'a> Roster<'a> {
    /// Index the plan's staff under `assumptions` (turnover, retirement age).
    /// Linear when the plan is already sorted (as `validate` leaves it);
    /// correct whatever order it is in.
    pub fn new(plan: &'a Plan, assumptions: &Assumptions) -> Self {
        let mut staff: Vec<&Staff> = plan.staff.iter().collect();
        staff.sort_by(|a, b| (&a.unit, &a.position, &a.id).cmp(&(&b.unit, &b.position, &b.id)));
        // sorted, so each unit's rows are one run
        let mut units: BTreeMap<&str, Range<usize>> = BTreeMap::new();
        let mut start = 0;
        for i in 1..=staff.len() {
            let first = staff[start].unit.as_str();
            if staff.get(i).is_none_or(|s| s.unit != first) {
                units.insert(first, start..i);
                start = i;
            }
        }
        Roster::indexed(plan, staff, units, assumptions)
    }

    /// The same staff under other assumptions (a scenario of the same plan:
    /// `plan` has the same competences and period), without sorting again.
    pub fn under(&self, plan: &'a Plan, assumptions: &Assumptions) -> Roster<'a> {
        Roster::indexed(plan, self.staff.clone(), self.units.clone(), assumptions)
    }

    fn indexed(
        plan: &'a Plan,
        staff: Vec<&'a Staff>,
        units: BTreeMap<&'a str, Range<usize>>,
        assumptions: &Assumptions,
    ) -> Self {
        let mut roster = Roster {
            staff,
            facts: Vec::new(),
            units,
            competences: plan
                .competences
                .iter()
                .map(|c| (c.id.as_str(), c))
                .collect(),
            base: plan.meta.base_year,
            end: plan.meta.period.to,
            weight: Weight {
                base: plan.meta.base_year,
                turnover: assumptions.turnover_rate,
            },
            retirement_age: assumptions.retirement_age,
        };
        let fact = |e: Option<&str>| (roster.level(e), roster.retirement_age(e));
        let facts = roster
            .staff
            .iter()
            .map(|s| {
                let now = fact(s.education.as_deref());
                let later = match (&s.studying, s.study_done) {
                    (Some(st), Some(_)) => fact(Some(st)),
                    _ => now,
                };
                [now, later]
            })
            .collect();
        roster.facts = facts;
        roster
    }

    /// Level and R of edu(y) of staff row `i` (of [`Roster::staff`]).
    fn fact(&self, i: usize, y: i32) -> (EduLevel, u32) {
        let s = self.staff[i];
        let later = matches!((&s.studying, s.study_done), (Some(_), Some(done)) if y >= done);
        self.facts
            .get(i)
            .map_or((EduLevel::None, self.retirement_age), |f| {
                f[usize::from(later)]
            })
    }

    /// [`Roster::level`] of edu(y) of staff row `i`, without a look-up.
    pub fn level_at(&self, i: usize, y: i32) -> EduLevel {
        self.fact(i, y).0
    }

    /// R of edu(y) of staff row `i`, without a look-up.
    pub fn retirement_at(&self, i: usize, y: i32) -> u32 {
        self.fact(i, y).1
    }

    /// [`Roster::weight`] of staff row `i`, without a look-up.
    pub fn weight_at(&self, i: usize, y: i32) -> f64 {
        if y <= self.base {
            return 1.0;
        }
        let s = self.staff[i];
        self.weight.at(y, s.birth_year, self.fact(i, y).1)
    }

    /// B..=E.
    pub fn years(&self) -> RangeInclusive<i32> {
        self.base..=self.end
    }

    pub fn base(&self) -> i32 {
        self.base
    }

    pub fn end(&self) -> i32 {
        self.end
    }

    /// Where the staff of `unit` are in [`Roster::staff`] (empty when it has none).
    pub fn unit_range(&self, unit: &str) -> Range<usize> {
        self.units.get(unit).cloned().unwrap_or(0..0)
    }

    /// Every unit with staff and where its staff are, sorted by unit.
    pub fn unit_ranges(&self) -> impl Iterator<Item = (&'a str, Range<usize>)> + '_ {
        self.units.iter().map(|(&u, r)| (u, r.clone()))
    }

    /// The staff of `unit` (empty when it has none), in canonical order.
    pub fn unit(&self, unit: &str) -> &[&'a Staff] {
        self.units
            .get(unit)
            .and_then(|r| self.staff.get(r.clone()))
            .unwrap_or(&[])
    }

    pub fn competence(&self, id: &str) -> Option<&'a Competence> {
        self.competences.get(id).copied()
    }

    /// Education level of a formal competence; no education is `none`.
    pub fn level(&self, edu: Option<&str>) -> EduLevel {
        edu.and_then(|e| self.competence(e))
            .and_then(Competence::level)
            .unwrap_or(EduLevel::None)
    }

    /// R: the retirement age of the competence `edu` if it sets one, else the plan's.
    pub fn retirement_age(&self, edu: Option<&str>) -> u32 {
        edu.and_then(|e| self.competence(e))
            .and_then(|c| c.retirement_age)
            .unwrap_or(self.retirement_age)
    }

    /// w(y) of `s`, looking its R up. The analysis uses [`Roster::weight_at`];
    /// this is the rule as written.
    #[cfg(test)]
    pub fn weight(&self, s: &Staff, y: i32) -> f64 {
        self.weight
            .at(y, s.birth_year, self.retirement_age(edu(s, y)))
    }
}

/// edu(y): `studying` once `study_done` is reached, else `education`.
pub(crate) fn edu(s: &Staff, y: i32) -> Option<&str> {
    match (&s.studying, s.study_done) {
        (Some(st), Some(done)) if y >= done => Some(st.as_str()),
        _ => s.education.as_deref(),
    }
}

/// x in percentage points: max(wanted − percent, 0).
pub(crate) fn extra_percent(s: &Staff) -> f64 {
    s.wanted_percent.map_or(0.0, |w| (w - s.percent).max(0.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::testkit::*;

    #[test]
    fn edu_switches_in_the_year_study_is_done() {
        let s = person("a", "u", "p", 100.0, Some("hfa"), 1980).studying("spl", 2027);
        assert_eq!(edu(&s, 2026), Some("hfa"));
        assert_eq!(edu(&s, 2027), Some("spl"));
    }

    #[test]
    fn weight_rules() {
        let mut plan = plan_2025_2029();
        plan.assumptions.turnover_rate = 0.1;
        let old = person("o", "u", "p", 100.0, Some("spl"), 1960); // R = 65 (spl)
        let young = person("y", "u", "p", 100.0, None, 1990); // R = 67
        plan.staff = vec![old.clone(), young.clone()];
        let r = Roster::new(&plan, &plan.assumptions);
        // base year: the roster is the truth, even past retirement age
        assert_eq!(r.weight(&old, 2025), 1.0);
        // 2025 − 1960 = 65 ≤ 65 still works; 2026: 66 > 65 retired
        assert_eq!(r.weight(&old, 2026), 0.0);
        assert!((r.weight(&young, 2027) - 0.81).abs() < 1e-12);
        assert_eq!(r.retirement_age(None), 67);
        assert_eq!(r.retirement_age(Some("spl")), 65);
        assert_eq!(r.level(None), EduLevel::None);
        assert_eq!(r.level(Some("spl")), EduLevel::Bachelor);
    }

    #[test]
    fn precomputed_facts_agree_with_look_ups() {
        let mut plan = plan_2025_2029();
        plan.assumptions.turnover_rate = 0.1;
        plan.staff = vec![
            person("a", "u", "p", 100.0, Some("hfa"), 1961).studying("spl", 2027),
            person("b", "u", "p", 50.0, Some("spl"), 1960),
            person("c", "u", "p", 80.0, None, 1958),
            person("d", "u", "p", 80.0, Some("ukjent"), 1990),
        ];
        let r = Roster::new(&plan, &plan.assumptions);
        for (i, s) in r.staff.iter().enumerate() {
            for y in 2024..=2031 {
                assert_eq!(r.level_at(i, y), r.level(edu(s, y)), "{} {y}", s.id);
                assert_eq!(r.weight_at(i, y), r.weight(s, y), "{} {y}", s.id);
            }
        }
    }

    #[test]
    fn wanted_percent_below_percent_is_no_extra() {
        let mut s = person("a", "u", "p", 80.0, None, 1980);
        s.wanted_percent = Some(60.0);
        assert_eq!(extra_percent(&s), 0.0);
        s.wanted_percent = Some(100.0);
        assert_eq!(extra_percent(&s), 20.0);
    }
}
