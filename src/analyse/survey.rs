//! Kartlegging: the survey's tallies per competence area, with small groups
//! hidden.
//!
//! In: the plan's survey answers and quality lines, and the anonymity
//! threshold. Out: [`Survey`] — for the whole municipality and for each unit,
//! one [`SurveyRow`] per competence and required level: respondents, the share
//! at or above the level the plan requires, and the mean self-assessed need.
//!
//! Privacy ([`super::privacy`]): a unit's group of answers with fewer than
//! `min_group_size` respondents is hidden (group suppression); a municipality
//! row sums the unit groups and is shown by the aggregate rule (no hidden unit
//! group, or two or more holding at least `min_group_size` answers together).
//! Hidden rows keep their number of respondents (the report shows it) and
//! nothing else. Rows are ranked by shown mean need, so the order never
//! depends on a hidden value.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::privacy::{aggregate_shown, group_hidden};
use crate::model::{AnswerRow, Plan};

/// Answers of one group: n, at or above the level, Σ need, answers with a need.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Tally {
    n: u64,
    at_level: u64,
    need_sum: u64,
    need_n: u64,
}

impl Tally {
    fn add(&mut self, a: &AnswerRow, level: Option<u8>) {
        self.n += 1;
        self.at_level += u64::from(level.is_some_and(|l| a.level >= l));
        if let Some(need) = a.need {
            self.need_sum += u64::from(need);
            self.need_n += 1;
        }
    }

    fn merge(&mut self, o: &Tally) {
        self.n += o.n;
        self.at_level += o.at_level;
        self.need_sum += o.need_sum;
        self.need_n += o.need_n;
    }
}

/// The survey's tallies, municipality-wide and per unit.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Survey {
    /// Municipality-wide rows, ranked by mean need (highest first); rows whose
    /// need is hidden or missing come last, by competence and level.
    pub municipality: Vec<SurveyRow>,
    /// Each unit's rows, sorted by unit and ranked within the unit like
    /// `municipality`.
    pub units: Vec<UnitSurveyRow>,
    /// One row per competence area, municipality-wide (the report's table):
    /// every answer once, each unit's against the level it requires. Ranked
    /// like `municipality`.
    pub areas: Vec<AreaRow>,
}

/// One competence area over the whole municipality, whatever level each unit
/// requires.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaRow {
    pub competence: String,
    /// The levels the units require, ascending and distinct; empty when no
    /// unit has a quality line for the area.
    pub levels: Vec<u8>,
    /// Every answer for the area.
    pub respondents: u64,
    /// Share of the answers from units with a requirement that are at or above
    /// their unit's level (a unit with several quality lines for the area: its
    /// highest); `None` without a requirement, or when hidden (the aggregate
    /// rule over the units with a requirement).
    pub share_at_level: Option<f64>,
    /// Mean self-assessed need over every answer; `None` when hidden (the
    /// aggregate rule over all units) or when no answer gave a need.
    pub mean_need: Option<f64>,
    /// Some figure of the row is hidden for privacy.
    pub suppressed: bool,
}

/// One row of a survey table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SurveyRow {
    pub competence: String,
    /// The level the plan requires; `None` for answers without a quality line.
    pub min_level: Option<u8>,
    pub respondents: u64,
    /// Share of answers at or above `min_level`; `None` when hidden or
    /// without a required level.
    pub share_at_level: Option<f64>,
    /// Mean self-assessed need (1–5); `None` when hidden or when no answer
    /// gave a need.
    pub mean_need: Option<f64>,
    /// Too few respondents to show the row's figures.
    pub suppressed: bool,
}

/// A [`SurveyRow`] of one unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitSurveyRow {
    pub unit: String,
    #[serde(flatten)]
    pub row: SurveyRow,
}

impl Survey {
    /// The rows of `unit` (empty when it has none), ranked.
    pub fn unit(&self, unit: &str) -> &[UnitSurveyRow] {
        let start = self.units.partition_point(|r| r.unit.as_str() < unit);
        let rest = self.units.get(start..).unwrap_or(&[]);
        let len = rest.partition_point(|r| r.unit == unit);
        rest.get(..len).unwrap_or(&[])
    }
}

fn row(competence: &str, level: Option<u8>, t: &Tally, hidden: bool) -> SurveyRow {
    let ratio = |a: u64, b: u64| (b > 0).then(|| a as f64 / b as f64);
    SurveyRow {
        competence: competence.to_string(),
        min_level: level,
        respondents: t.n,
        share_at_level: if hidden || level.is_none() {
            None
        } else {
            ratio(t.at_level, t.n)
        },
        mean_need: if hidden {
            None
        } else {
            ratio(t.need_sum, t.need_n)
        },
        suppressed: hidden,
    }
}

/// A municipality row being summed: the total and the size of each unit group.
type Group = (Tally, Vec<u64>);

/// (unit, competence, required level): answers for a competence in a unit
/// without a quality line for it have the level `None`.
type Key<'a> = (&'a str, &'a str, Option<u8>);

/// Every unit's tally per competence and required level, sorted by key, from
/// one pass over the survey (sorted by unit, competence and respondent, as
/// `validate` leaves it: one look-up per run of a unit's answers for a
/// competence; correct in any order).
fn tallies(plan: &Plan) -> Vec<(Key<'_>, Tally)> {
    let mut levels: BTreeMap<(&str, &str), BTreeSet<u8>> = BTreeMap::new();
    for q in &plan.quality {
        levels
            .entry((q.unit.as_str(), q.competence.as_str()))
            .or_default()
            .insert(q.min_level);
    }
    let mut out: BTreeMap<Key, Tally> = BTreeMap::new();
    let survey = &plan.survey;
    let runs = survey
        .rows
        .chunk_by(|a, b| a.unit == b.unit && a.competence == b.competence);
    for run in runs {
        let Some(first) = run.first() else { continue };
        let (u, c) = (survey.unit(first), survey.competence(first));
        match levels.get(&(u, c)) {
            Some(ls) => {
                for &l in ls {
                    let t = out.entry((u, c, Some(l))).or_default();
                    for a in run {
                        t.add(a, Some(l));
                    }
                }
            }
            None => {
                let t = out.entry((u, c, None)).or_default();
                for a in run {
                    t.add(a, None);
                }
            }
        }
    }
    out.into_iter().collect()
}

/// The survey's tallies with `min_group_size`.
pub(crate) fn survey(plan: &Plan, min_group_size: u32) -> Survey {
    let tallies = tallies(plan);
    // (competence, level) → total and the sizes of its unit groups
    let mut groups: BTreeMap<(&str, Option<u8>), Group> = BTreeMap::new();
    for ((_, competence, level), t) in &tallies {
        let g = groups.entry((competence, *level)).or_default();
        g.0.merge(t);
        g.1.push(t.n);
    }
    let mut municipality: Vec<SurveyRow> = groups
        .into_iter()
        .map(|((competence, level), (total, sizes))| {
            let hidden = !aggregate_shown(sizes, min_group_size);
            row(competence, level, &total, hidden)
        })
        .collect();
    rank(&mut municipality, |r| r);
    let mut units: Vec<UnitSurveyRow> = tallies
        .iter()
        .map(|((unit, competence, level), t)| UnitSurveyRow {
            unit: (*unit).to_string(),
            row: row(competence, *level, t, group_hidden(t.n, min_group_size)),
        })
        .collect();
    // the tallies are sorted by unit: rank each unit's run
    for run in units.chunk_by_mut(|a, b| a.unit == b.unit) {
        rank(run, |r| &r.row);
    }
    let areas = areas(&tallies, min_group_size);
    Survey {
        municipality,
        units,
        areas,
    }
}

/// One area's unit groups: every unit's tally once, and those of the units
/// with a requirement (at their highest level), with the levels required.
#[derive(Default)]
struct Area {
    all: Vec<Tally>,
    required: Vec<Tally>,
    levels: BTreeSet<u8>,
}

/// The rows of [`Survey::areas`] from the tallies (sorted by unit,
/// competence, level: a unit's tallies for an area are one run, its highest
/// level last; a unit without a requirement has the one level `None`).
fn areas(tallies: &[(Key<'_>, Tally)], min_group_size: u32) -> Vec<AreaRow> {
    let mut by_area: BTreeMap<&str, Area> = BTreeMap::new();
    for run in tallies.chunk_by(|a, b| (a.0 .0, a.0 .1) == (b.0 .0, b.0 .1)) {
        let Some(&((_, competence, level), t)) = run.last() else {
            continue;
        };
        let area = by_area.entry(competence).or_default();
        area.all.push(t);
        if level.is_some() {
            area.required.push(t);
        }
        area.levels.extend(run.iter().filter_map(|(k, _)| k.2));
    }
    let mut rows: Vec<AreaRow> = by_area
        .into_iter()
        .map(|(competence, a)| {
            let sum = |ts: &[Tally]| {
                ts.iter().fold(Tally::default(), |mut s, t| {
                    s.merge(t);
                    s
                })
            };
            let (all, req) = (sum(&a.all), sum(&a.required));
            let sizes = |ts: &[Tally]| ts.iter().map(|t| t.n).collect::<Vec<_>>();
            let need_shown = aggregate_shown(sizes(&a.all), min_group_size);
            let share_shown =
                a.required.is_empty() || aggregate_shown(sizes(&a.required), min_group_size);
            let ratio = |x: u64, n: u64| (n > 0).then(|| x as f64 / n as f64);
            AreaRow {
                competence: competence.to_string(),
                levels: a.levels.into_iter().collect(),
                respondents: all.n,
                share_at_level: if share_shown {
                    ratio(req.at_level, req.n)
                } else {
                    None
                },
                mean_need: if need_shown {
                    ratio(all.need_sum, all.need_n)
                } else {
                    None
                },
                suppressed: !need_shown || !share_shown,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        let need = |r: &AreaRow| r.mean_need.map(|v| -v);
        match (need(a), need(b)) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
        .then_with(|| a.competence.cmp(&b.competence))
    });
    rows
}

/// Highest shown mean need first; rows without one last; then by competence
/// and level.
fn rank<T>(rows: &mut [T], key: impl Fn(&T) -> &SurveyRow) {
    rows.sort_by(|a, b| {
        let (a, b) = (key(a), key(b));
        let need = |r: &SurveyRow| r.mean_need.map(|v| -v);
        match (need(a), need(b)) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
        .then_with(|| (&a.competence, a.min_level).cmp(&(&b.competence, b.min_level)))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::testkit::*;
    use crate::model::QualityAmount;

    fn plan(n_a: usize, n_b: usize, n_c: usize) -> Plan {
        let mut p = plan_2025_2029();
        p.quality = ["a", "b", "c"]
            .iter()
            .map(|u| qual(u, "demens", 3, QualityAmount::Count(1)))
            .collect();
        for (u, n) in [("a", n_a), ("b", n_b), ("c", n_c)] {
            for i in 0..n {
                p.survey
                    .push(answer(&format!("{u}{i}"), u, "demens", (i % 5 + 1) as u8));
            }
        }
        p
    }

    #[test]
    fn one_small_unit_hides_the_aggregate() {
        let s = survey(&plan(6, 3, 0), 5);
        let rows = &s.municipality;
        assert_eq!(rows.len(), 1);
        assert_eq!((rows[0].respondents, rows[0].suppressed), (9, true));
        assert_eq!((rows[0].share_at_level, rows[0].mean_need), (None, None));
        let a = &s.unit("a")[0].row;
        assert!(!a.suppressed && a.share_at_level.is_some());
        let b = &s.unit("b")[0].row;
        assert!(b.suppressed && b.share_at_level.is_none() && b.mean_need.is_none());
        // a hidden row keeps its respondents: the report shows them
        assert_eq!(b.respondents, 3);
        assert!(s.unit("c").is_empty());
    }

    #[test]
    fn small_units_together_large_enough_are_shown() {
        let municipality = |p: Plan| survey(&p, 5).municipality;
        let rows = municipality(plan(6, 3, 2));
        assert!(!rows[0].suppressed);
        // levels cycle 1..5: at level ≥ 3 are a2..a4 (3 of 6), b2 (1 of 3), none of c0, c1
        assert_eq!(rows[0].share_at_level, Some(4.0 / 11.0));
        assert!(municipality(plan(6, 2, 2))[0].suppressed, "2 + 2 < 5");
        assert!(!municipality(plan(6, 5, 0))[0].suppressed);
    }

    #[test]
    fn ranked_by_shown_need_and_answers_without_a_line() {
        let mut p = plan(6, 0, 0);
        for i in 0..6 {
            let mut a = answer(&format!("l{i}"), "a", "lift", 2);
            a.need = Some(5);
            p.survey.push(a);
        }
        p.normalise();
        let s = survey(&p, 5);
        let comps: Vec<(&str, Option<u8>)> = s
            .unit("a")
            .iter()
            .map(|r| (r.row.competence.as_str(), r.row.min_level))
            .collect();
        // lift (mean need 5) before demens (no need given); lift has no line
        assert_eq!(comps, [("lift", None), ("demens", Some(3))]);
        assert_eq!(s.unit("a")[0].row.share_at_level, None);
        assert_eq!(s.unit("a")[0].row.mean_need, Some(5.0));
    }

    #[test]
    fn one_area_row_whatever_the_units_require() {
        // a requires level 3; b has no requirement; 6 answers each
        let mut p = plan_2025_2029();
        p.quality = vec![qual("a", "demens", 3, QualityAmount::Count(1))];
        for (u, levels) in [("a", [1, 2, 3, 4, 5, 5]), ("b", [1, 1, 1, 1, 1, 1])] {
            for (i, l) in levels.into_iter().enumerate() {
                p.survey.push(answer(&format!("{u}{i}"), u, "demens", l));
            }
        }
        let s = survey(&p, 5);
        assert_eq!(s.municipality.len(), 2, "two level rows, as before");
        assert_eq!(s.areas.len(), 1);
        let a = &s.areas[0];
        assert_eq!((a.levels.as_slice(), a.respondents), (&[3u8][..], 12));
        // only a's answers count for the share: 4 of 6 at level 3 or above
        assert_eq!(a.share_at_level, Some(4.0 / 6.0));
        assert!(!a.suppressed);
    }

    #[test]
    fn area_figures_are_hidden_by_the_aggregate_rule() {
        // a (level 3) has 3 answers, b (no requirement) 2: one hidden group
        // on each side, 5 together
        let mut p = plan_2025_2029();
        p.quality = vec![qual("a", "demens", 3, QualityAmount::Count(1))];
        for (u, n) in [("a", 3), ("b", 2), ("c", 6)] {
            for i in 0..n {
                let mut x = answer(&format!("{u}{i}"), u, "demens", 4);
                x.need = Some(3);
                p.survey.push(x);
            }
        }
        let a = &survey(&p, 5).areas[0];
        // the share is a's alone: hidden; the need sums two hidden groups of 5
        assert_eq!(a.share_at_level, None);
        assert!(a.mean_need.is_some());
        assert!(a.suppressed);
        // with one hidden group overall, the need is hidden too
        p.survey.retain(|x| x.unit != "b");
        let a = &survey(&p, 5).areas[0];
        assert_eq!((a.share_at_level, a.mean_need), (None, None));
        // two levels: both listed; a unit's highest counts
        p.quality
            .push(qual("a", "demens", 5, QualityAmount::Count(1)));
        p.quality
            .push(qual("c", "demens", 4, QualityAmount::Count(1)));
        let a = &survey(&p, 5).areas[0];
        assert_eq!(a.levels, [3, 4, 5]);
    }
}
