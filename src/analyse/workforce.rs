//! Workforce key figures (grunndata) of the base-year roster.
//!
//! In: the roster (optionally one unit of it) and the anonymity threshold. Out:
//! [`Workforce`] — headcount,
//! FTE, mean age, part-time share, age bands, FTE by education level and the
//! staff reaching their retirement age in each year of the period. Only counts
//! and sums: no person's id or birth year.

use serde::Serialize;

use std::ops::Range;

use rayon::prelude::*;

use super::privacy;
use super::roster::Roster;
use super::UnitWorkforce;
use crate::model::{EduLevel, Staff};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Workforce {
    pub headcount: u64,
    pub fte: f64,
    /// Fewer staff than `min_group_size`: means and breakdowns are hidden.
    pub suppressed: bool,
    /// Mean of B − birth_year; `None` without staff or when suppressed.
    pub mean_age: Option<f64>,
    /// Share of heads with percent < 100; `None` without staff.
    pub part_time_share: Option<f64>,
    /// Mean stillingsprosent; `None` without staff.
    pub mean_percent: Option<f64>,
    /// <30, 30–39, 40–49, 50–59, 60–66, 67+ (age in the base year).
    pub age_bands: Vec<Group>,
    /// Every education level, in order (edu(B)).
    pub education: Vec<Group>,
    /// Every year B..=E: staff reaching their retirement age R that year.
    pub retirements: Vec<YearGroup>,
}

impl Workforce {
    /// Whether any figure of a breakdown (or the means) is hidden.
    pub fn any_hidden(&self) -> bool {
        self.suppressed
            || self.age_bands.iter().any(|g| g.suppressed)
            || self.education.iter().any(|g| g.suppressed)
            || self.retirements.iter().any(|g| g.suppressed)
    }

    /// Staff reaching their retirement age in B..=E: the sum of the
    /// retirement cells, `None` when any of them is hidden (the sum would give
    /// a hidden cell away) or the group is suppressed.
    pub fn retiring_in_period(&self) -> Option<u64> {
        if self.suppressed {
            return None;
        }
        self.retirements.iter().map(|g| g.headcount).sum()
    }
}

/// A cell of a breakdown; `None` values when suppressed (see [`super::privacy`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    pub group: String,
    pub headcount: Option<u64>,
    pub fte: Option<f64>,
    pub suppressed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearGroup {
    pub year: i32,
    pub headcount: Option<u64>,
    pub fte: Option<f64>,
    pub suppressed: bool,
}

/// Age band labels, lower bounds.
pub const AGE_BANDS: [(&str, i32); 6] = [
    ("<30", 0),
    ("30-39", 30),
    ("40-49", 40),
    ("50-59", 50),
    ("60-66", 60),
    ("67+", 67),
];

fn band(age: i32) -> usize {
    AGE_BANDS
        .iter()
        .rposition(|&(_, lo)| age >= lo)
        .unwrap_or(0)
}

/// The year staff row `i` reaches R: the first y in B..=E with
/// y − birth_year ≥ R(y) (staff already past R in the base year count in the
/// base year).
fn retirement_year(roster: &Roster, i: usize, s: &Staff) -> Option<i32> {
    roster
        .years()
        .find(|&y| i64::from(y) - i64::from(s.birth_year) >= i64::from(roster.retirement_at(i, y)))
}

/// The figures of one group before suppression (FTE in percentage points).
struct Tally {
    n: u64,
    pct: f64,
    age: i64,
    part: u64,
    bands: Vec<Acc>,
    education: Vec<Acc>,
    retirements: Vec<Acc>,
}

/// One pass over the staff rows `range` (a unit's, or all).
fn tally(roster: &Roster, range: Range<usize>) -> Tally {
    let staff: &[&Staff] = roster.staff.get(range.clone()).unwrap_or(&[]);
    let b = roster.base();
    let group = |g: &str| Acc {
        group: g.to_string(),
        headcount: 0,
        fte: 0.0,
    };
    let mut t = Tally {
        n: staff.len() as u64,
        pct: 0.0,
        age: 0,
        part: 0,
        bands: AGE_BANDS.iter().map(|(g, _)| group(g)).collect(),
        education: EduLevel::ALL.iter().map(|l| group(l.as_str())).collect(),
        retirements: roster.years().map(|y| group(&y.to_string())).collect(),
    };
    for (i, s) in range.zip(staff) {
        t.pct += s.percent;
        let a = b - s.birth_year;
        t.age += i64::from(a);
        t.part += u64::from(s.percent < 100.0);
        let add = |g: Option<&mut Acc>| {
            if let Some(g) = g {
                g.headcount += 1;
                g.fte += s.percent;
            }
        };
        add(t.bands.get_mut(band(a)));
        // the groups are in the order of EduLevel::ALL and of the years
        let level = roster.level_at(i, b);
        add(t
            .education
            .get_mut(EduLevel::ALL.iter().position(|&l| l == level).unwrap_or(0)));
        if let Some(y) = retirement_year(roster, i, s) {
            add(usize::try_from(y - b)
                .ok()
                .and_then(|k| t.retirements.get_mut(k)));
        }
    }
    t
}

/// What to hide of one group (see [`privacy`]).
struct Hide {
    small: bool,
    mean_age: bool,
    part_time: bool,
    bands: Vec<bool>,
    education: Vec<bool>,
    retirements: Vec<bool>,
}

/// The published figures of a group from its tally and what to hide.
fn publish(t: Tally, h: Hide) -> Workforce {
    let n = t.n;
    let mean = |x: f64, hidden: bool| (n > 0 && !hidden).then(|| x / n as f64);
    Workforce {
        headcount: n,
        fte: t.pct / 100.0,
        suppressed: h.small,
        mean_age: mean(t.age as f64, h.mean_age || h.small),
        part_time_share: mean(t.part as f64, h.part_time || h.small),
        mean_percent: mean(t.pct, h.small),
        age_bands: finish(t.bands, &h.bands),
        education: finish(t.education, &h.education),
        retirements: finish(t.retirements, &h.retirements)
            .into_iter()
            .map(|g| YearGroup {
                year: g.group.parse().unwrap_or_default(),
                headcount: g.headcount,
                fte: g.fte,
                suppressed: g.suppressed,
            })
            .collect(),
    }
}

/// The workforce figures of the whole plan (or of `unit`, when given) and of
/// each of `units`, every figure suppressed by the linked-table rules of
/// [`privacy`]: the whole plan and all units of the roster are one linked
/// table per breakdown, whichever of them this run shows, so every run hides
/// the same cells.
pub(crate) fn workforces(
    roster: &Roster,
    unit: Option<&str>,
    units: &[&str],
    min_group_size: u32,
) -> (Workforce, Vec<UnitWorkforce>) {
    let groups: Vec<(&str, Range<usize>)> = roster.unit_ranges().collect();
    let (mut tallies, whole) = rayon::join(
        || {
            groups
                .par_iter()
                .map(|(_, r)| Some(tally(roster, r.clone())))
                .collect::<Vec<_>>()
        },
        // the whole plan's own pass, so its sums run in canonical order
        || unit.is_none().then(|| tally(roster, 0..roster.staff.len())),
    );
    let min = min_group_size;
    let sizes: Vec<u64> = tallies.iter().flatten().map(|t| t.n).collect();
    let counts = |f: fn(&Tally) -> &Vec<Acc>| -> Vec<Vec<u64>> {
        tallies
            .iter()
            .flatten()
            .map(|t| f(t).iter().map(|a| a.headcount).collect())
            .collect()
    };
    let years = roster.years().count();
    let part: Vec<Vec<u64>> = tallies
        .iter()
        .flatten()
        .map(|t| vec![t.part, t.n - t.part])
        .collect();
    let (band_counts, edu_counts, ret_counts) = (
        counts(|t| &t.bands),
        counts(|t| &t.education),
        counts(|t| &t.retirements),
    );
    // the four tables are independent: side by side
    let ((bands, education), (retirements, part)) = rayon::join(
        || {
            rayon::join(
                || privacy::protect(&band_counts, &sizes, AGE_BANDS.len(), true, min),
                || privacy::protect(&edu_counts, &sizes, EduLevel::ALL.len(), true, min),
            )
        },
        || {
            rayon::join(
                || privacy::protect(&ret_counts, &sizes, years, false, min),
                || privacy::protect(&part, &sizes, 2, true, min),
            )
        },
    );
    let (whole_age, unit_age) = privacy::protect_sums(&sizes, min);
    let hide = |k: Option<usize>, n: u64| {
        let pick = |p: &privacy::Pattern| -> Vec<bool> {
            match k {
                Some(k) => p.units.get(k).cloned().unwrap_or_default(),
                None => p.whole.clone(),
            }
        };
        Hide {
            small: privacy::group_hidden(n, min),
            mean_age: k.map_or(whole_age, |k| unit_age.get(k).copied().unwrap_or(true)),
            part_time: pick(&part).iter().any(|&h| h),
            bands: pick(&bands),
            education: pick(&education),
            retirements: pick(&retirements),
        }
    };
    let mut take = |id: &str| -> Workforce {
        let k = groups.binary_search_by(|(g, _)| (*g).cmp(id)).ok();
        match k.and_then(|k| tallies.get_mut(k)).and_then(Option::take) {
            Some(t) => {
                let n = t.n;
                publish(t, hide(k, n))
            }
            // a unit without staff: nothing to show
            None => {
                let t = tally(roster, 0..0);
                let all = |len: usize| vec![true; len];
                let h = Hide {
                    small: true,
                    mean_age: true,
                    part_time: true,
                    bands: all(AGE_BANDS.len()),
                    education: all(EduLevel::ALL.len()),
                    retirements: all(years),
                };
                publish(t, h)
            }
        }
    };
    let unit_figures: Vec<UnitWorkforce> = units
        .iter()
        .map(|&u| UnitWorkforce {
            unit: u.to_string(),
            workforce: take(u),
        })
        .collect();
    let main = match (whole, unit) {
        (Some(t), _) => {
            let n = t.n;
            publish(t, hide(None, n))
        }
        (None, Some(u)) => unit_figures
            .iter()
            .find(|w| w.unit == u)
            .map(|w| w.workforce.clone())
            .unwrap_or_else(|| take(u)),
        (None, None) => take(""),
    };
    (main, unit_figures)
}

/// A cell being summed (FTE in percentage points).
struct Acc {
    group: String,
    headcount: u64,
    fte: f64,
}

/// Percentage points to FTE, and the hidden cells.
fn finish(cells: Vec<Acc>, hidden: &[bool]) -> Vec<Group> {
    cells
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let hide = hidden.get(i).copied().unwrap_or(true);
            Group {
                group: c.group,
                headcount: (!hide).then_some(c.headcount),
                fte: (!hide).then_some(c.fte / 100.0),
                suppressed: hide,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::testkit::*;

    fn workforce(roster: &Roster, unit: Option<&str>, min: u32) -> Workforce {
        workforces(roster, unit, &[], min).0
    }

    #[test]
    fn key_figures_bands_and_retirements() {
        let mut plan = plan_2025_2029();
        plan.staff = vec![
            person("a", "u", "p", 100.0, Some("spl"), 1961), // 64, reaches 65 in 2026
            person("b", "u", "p", 50.0, None, 2000),         // 25
            person("c", "v", "p", 75.0, Some("hfa"), 1955),  // 70: past 67 → base year
        ];
        plan.assumptions.min_group_size = 1;
        let w = workforce(
            &Roster::new(&plan, &plan.assumptions),
            None,
            plan.assumptions.min_group_size,
        );
        assert_eq!((w.headcount, w.fte), (3, 2.25));
        assert!(close(w.mean_age.unwrap(), (64.0 + 25.0 + 70.0) / 3.0));
        assert!(close(w.part_time_share.unwrap(), 2.0 / 3.0));
        let bands: Vec<u64> = w.age_bands.iter().map(|g| g.headcount.unwrap()).collect();
        assert_eq!(bands, vec![1, 0, 0, 0, 1, 1]);
        let edu: Vec<(String, f64)> = w
            .education
            .iter()
            .map(|g| (g.group.clone(), g.fte.unwrap()))
            .collect();
        assert_eq!(edu[0], ("none".into(), 0.5));
        assert_eq!(edu[1], ("upper_secondary".into(), 0.75));
        assert_eq!(edu[3], ("bachelor".into(), 1.0));
        let ret: Vec<(i32, u64)> = w
            .retirements
            .iter()
            .map(|g| (g.year, g.headcount.unwrap()))
            .collect();
        assert_eq!(
            ret,
            vec![(2025, 1), (2026, 1), (2027, 0), (2028, 0), (2029, 0)]
        );
        assert_eq!(w.retiring_in_period(), Some(2));
        assert!(!w.any_hidden());
        let v = workforce(
            &Roster::new(&plan, &plan.assumptions),
            Some("v"),
            plan.assumptions.min_group_size,
        );
        assert_eq!((v.headcount, v.fte), (1, 0.75));
    }

    #[test]
    fn small_groups_are_hidden() {
        let mut plan = plan_2025_2029();
        plan.staff = (0..7)
            .map(|i| person(&format!("p{i}"), "u", "p", 100.0, Some("spl"), 1981))
            .chain([person("old", "u", "p", 100.0, Some("spl"), 1958)])
            .collect();
        // min_group_size 5: the lone 67+ person is hidden, and so is the
        // next-smallest band, so the total does not give them away
        let w = workforce(
            &Roster::new(&plan, &plan.assumptions),
            None,
            plan.assumptions.min_group_size,
        );
        assert!(!w.suppressed);
        let shown: Vec<Option<u64>> = w.age_bands.iter().map(|g| g.headcount).collect();
        assert_eq!(shown, vec![Some(0), Some(0), None, Some(0), Some(0), None]);
        assert!(w.mean_age.is_some());
        assert!(w.any_hidden());
        // 7 staff reach 65 after 2029, the old one is past 67 in 2025: one
        // non-empty cell of five is small, so the sum would give it away
        assert_eq!(w.retiring_in_period(), None);
        // a unit of one person: no breakdown, no mean age
        plan.staff.truncate(1);
        let w = workforce(
            &Roster::new(&plan, &plan.assumptions),
            None,
            plan.assumptions.min_group_size,
        );
        assert!(w.suppressed);
        assert_eq!(w.mean_age, None);
        assert!(w
            .age_bands
            .iter()
            .all(|g| g.headcount.is_none() && g.suppressed));
    }

    #[test]
    fn empty_roster() {
        let plan = plan_2025_2029();
        let w = workforce(
            &Roster::new(&plan, &plan.assumptions),
            None,
            plan.assumptions.min_group_size,
        );
        assert_eq!(
            (w.headcount, w.fte, w.mean_age, w.part_time_share),
            (0, 0.0, None, None)
        );
        assert_eq!(w.retirements.len(), 5);
    }
}
