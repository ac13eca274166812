//! Kartlegging: survey results per competence area, with small groups hidden.
//!
//! In: the plan's survey answers and quality lines. Out: [`SurveyRow`]s —
//! respondents, the share at or above the level the plan requires, and the mean
//! self-assessed need — for the whole municipality (ranked by need) and for one
//! unit, and the Markdown table.
//!
//! Privacy, as in the analysis: a unit's group of answers with 1 to
//! `min_group_size` − 1 respondents is hidden; an aggregate over units is shown
//! only when none of its unit groups is hidden, or when two or more are and they
//! hold at least `min_group_size` respondents together (one hidden group could
//! otherwise be recovered by subtracting the units shown elsewhere). The order of
//! the ranking uses shown values only.

use std::collections::{BTreeMap, BTreeSet};

use crate::i18n::fill;
use crate::model::{Answer, Plan};

use super::context::Ctx;
use super::index::unit_range;
use super::md::{Doc, Table};

/// Answers of one group: n, at or above the level, Σ need, answers with a need.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Tally {
    n: u64,
    at_level: u64,
    need_sum: u64,
    need_n: u64,
}

impl Tally {
    fn add(&mut self, a: &Answer, level: Option<u8>) {
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

/// One row of the survey table.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SurveyRow {
    pub competence: String,
    /// The level the plan requires; `None` for answers without a quality line.
    pub min_level: Option<u8>,
    pub respondents: u64,
    /// Hidden (`None`) for small groups; also `None` without a required level.
    pub share: Option<f64>,
    /// Hidden (`None`) for small groups or when no answer gave a need.
    pub mean_need: Option<f64>,
    pub hidden: bool,
}

fn row(competence: &str, level: Option<u8>, t: &Tally, hidden: bool) -> SurveyRow {
    let ratio = |a: u64, b: u64| (b > 0).then(|| a as f64 / b as f64);
    SurveyRow {
        competence: competence.to_string(),
        min_level: level,
        respondents: t.n,
        share: if hidden || level.is_none() {
            None
        } else {
            ratio(t.at_level, t.n)
        },
        mean_need: if hidden {
            None
        } else {
            ratio(t.need_sum, t.need_n)
        },
        hidden,
    }
}

/// (unit, competence, required level): answers for a competence in a unit
/// without a quality line for it have the level `None`.
type Key<'a> = (&'a str, &'a str, Option<u8>);

/// Every unit's tally per competence and required level, sorted by key, from
/// one pass over the survey: the groups both the municipality's table and each
/// unit's table are made of.
#[derive(Debug, Default)]
pub(crate) struct Tallies<'a> {
    rows: Vec<(Key<'a>, Tally)>,
    min: u64,
}

impl<'a> Tallies<'a> {
    pub fn new(plan: &'a Plan) -> Self {
        let mut levels: BTreeMap<(&str, &str), BTreeSet<u8>> = BTreeMap::new();
        for q in &plan.quality {
            levels
                .entry((q.unit.as_str(), q.competence.as_str()))
                .or_default()
                .insert(q.min_level);
        }
        let mut out: BTreeMap<Key, Tally> = BTreeMap::new();
        // the survey is sorted by (unit, competence, respondent): one look-up
        // per run of a unit's answers for a competence, not per answer
        let runs = plan
            .survey
            .chunk_by(|a, b| a.unit == b.unit && a.competence == b.competence);
        for run in runs {
            let Some(first) = run.first() else { continue };
            let (u, c) = (&*first.unit, &*first.competence);
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
        Tallies {
            rows: out.into_iter().collect(),
            min: u64::from(plan.assumptions.min_group_size),
        }
    }

    /// Municipality-wide rows, ranked by mean need (highest first); rows whose
    /// need is hidden come last, by competence.
    pub fn municipality(&self) -> Vec<SurveyRow> {
        let min = self.min;
        // (competence, level) → total, hidden unit groups, their answers
        let mut groups: BTreeMap<(&str, Option<u8>), (Tally, usize, u64)> = BTreeMap::new();
        for ((_, competence, level), t) in &self.rows {
            let g = groups.entry((competence, *level)).or_default();
            g.0.merge(t);
            if is_small(t.n, min) {
                g.1 += 1;
                g.2 += t.n;
            }
        }
        let mut rows: Vec<SurveyRow> = groups
            .into_iter()
            .map(|((competence, level), (total, hidden_groups, hidden_n))| {
                let hidden =
                    total.n < min || (hidden_groups > 0 && (hidden_groups < 2 || hidden_n < min));
                row(competence, level, &total, hidden)
            })
            .collect();
        rank(&mut rows);
        rows
    }

    /// One unit's rows (one per quality line of the unit with answers, and its
    /// answers for competences without a line), ranked like
    /// [`Tallies::municipality`].
    pub fn unit(&self, unit: &str) -> Vec<SurveyRow> {
        let range = unit_range(&self.rows, unit, |((u, _, _), _)| u);
        let mut rows: Vec<SurveyRow> = self
            .rows
            .get(range)
            .unwrap_or(&[])
            .iter()
            .map(|((_, competence, level), t)| row(competence, *level, t, t.n < self.min))
            .collect();
        rank(&mut rows);
        rows
    }
}

fn is_small(n: u64, min: u64) -> bool {
    n > 0 && n < min
}

fn rank(rows: &mut [SurveyRow]) {
    rows.sort_by(|a, b| {
        let key = |r: &SurveyRow| r.mean_need.map(|v| -v);
        match (key(a), key(b)) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
        .then_with(|| (&a.competence, a.min_level).cmp(&(&b.competence, b.min_level)))
    });
}

/// The survey table of `rows`.
pub(crate) fn table(ctx: &Ctx, rows: &[SurveyRow]) -> Table {
    let (r, m) = (ctx.r, ctx.m);
    let mut t = Table::new(
        &[
            r.col_area,
            m.min_level,
            m.respondents,
            r.col_share_at_level,
            r.col_mean_need,
        ],
        1,
    );
    for s in rows {
        t.push(vec![
            ctx.competence_name(&s.competence),
            s.min_level
                .map_or_else(|| r.no_requirement.to_string(), |l| l.to_string()),
            ctx.int(s.respondents),
            ctx.hidden(s.share, |x| ctx.pct(x)),
            ctx.hidden(s.mean_need, |x| ctx.lang.number(x, 1)),
        ]);
    }
    t
}

/// The note under a survey table with hidden rows.
pub(crate) fn note(ctx: &Ctx, rows: &[SurveyRow]) -> String {
    if rows.iter().any(|r| r.hidden) {
        fill(
            ctx.r.survey_hidden_note,
            &[("n", &ctx.plan.assumptions.min_group_size.to_string())],
        )
    } else {
        String::new()
    }
}

/// Kartlegging, municipality-wide.
pub(crate) fn section(ctx: &Ctx, doc: &mut Doc) {
    let r = ctx.r;
    doc.heading(3, r.h_survey);
    let rows = ctx.survey.municipality();
    if rows.is_empty() {
        doc.para(r.survey_none);
        return;
    }
    doc.raw(r.survey_intro);
    doc.table(&table(ctx, &rows));
    doc.para(&note(ctx, &rows));
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
        let p = plan(6, 3, 0);
        let rows = Tallies::new(&p).municipality();
        assert_eq!(rows.len(), 1);
        assert_eq!((rows[0].respondents, rows[0].hidden), (9, true));
        assert_eq!((rows[0].share, rows[0].mean_need), (None, None));
        let u = Tallies::new(&p).unit("a");
        assert!(!u[0].hidden && u[0].share.is_some());
        assert!(Tallies::new(&p).unit("b")[0].hidden);
        assert!(Tallies::new(&p).unit("c").is_empty());
    }

    #[test]
    fn small_units_together_large_enough_are_shown() {
        let municipality = |p: Plan| Tallies::new(&p).municipality();
        let rows = municipality(plan(6, 3, 2));
        assert!(!rows[0].hidden);
        // 6 of 11 answers are at level ≥ 3: levels 1..5 cycle
        assert!(rows[0].share.is_some());
        assert!(municipality(plan(6, 2, 2))[0].hidden, "2 + 2 < 5");
        assert!(!municipality(plan(6, 5, 0))[0].hidden);
    }
}
