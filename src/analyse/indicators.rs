//! Indicators: computed shares projected for every year, manual series as given,
//! and whether the target is met.
//!
//! In: the plan's indicators and the roster. Out: [`IndicatorRow`]s sorted by id.

use serde::Serialize;

use super::roster::Roster;
use crate::model::{EduLevel, Indicator, IndicatorKind, Metric, Plan, Target};

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct YearValue {
    pub year: i32,
    /// `None` (null) when the share has no denominator (no staff counted).
    pub value: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorRow {
    pub id: String,
    /// `None` (null) for a manual indicator.
    pub metric: Option<Metric>,
    /// Computed: every year B..=E. Manual: baseline and observations, by year.
    pub values: Vec<YearValue>,
    pub target: Option<Target>,
    /// Computed indicators: values observed in official sources (KOSTRA, SSB)
    /// beside the projection, by year; omitted from the JSON when empty.
    /// Manual indicators: always empty (their observations are `values`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub observed: Vec<YearValue>,
    /// Computed: the value in the target year; manual: the latest value.
    /// `None` when there is nothing to compare.
    pub met: Option<bool>,
    /// Title, for tables (not in the JSON).
    #[serde(skip)]
    pub title: String,
    /// The unit of a manual indicator (e.g. "antall"); not in the JSON.
    #[serde(skip)]
    pub unit: Option<String>,
}

pub(crate) fn indicators(plan: &Plan, roster: &Roster) -> Vec<IndicatorRow> {
    let mut list: Vec<&Indicator> = plan.indicators.iter().collect();
    list.sort_by(|a, b| a.id.cmp(&b.id));
    list.into_iter().map(|i| row(i, roster)).collect()
}

fn row(i: &Indicator, roster: &Roster) -> IndicatorRow {
    let (metric, values, unit) = match &i.kind {
        IndicatorKind::EducationShare { levels, among, .. } => (
            Some(Metric::EducationShare),
            per_year(roster, |y| {
                education_share(roster, y, levels, among.as_deref())
            }),
            None,
        ),
        IndicatorKind::PositionShare { min_percent, .. } => (
            Some(Metric::PositionShare),
            per_year(roster, |y| position_share(roster, y, *min_percent)),
            None,
        ),
        IndicatorKind::Manual {
            unit,
            baseline,
            observed,
        } => {
            let mut v: Vec<YearValue> = baseline
                .iter()
                .chain(observed)
                .map(|o| YearValue {
                    year: o.year,
                    value: Some(o.value),
                })
                .collect();
            v.sort_by_key(|o| o.year); // stable: an observation wins over the baseline
            (None, v, Some(unit.clone()))
        }
    };
    let compared = match metric {
        Some(_) => i
            .target
            .and_then(|t| values.iter().find(|v| v.year == t.year)),
        None => values.last(),
    };
    let met = match (i.target, compared.and_then(|v| v.value)) {
        (Some(t), Some(v)) => Some(t.is_met(v)),
        _ => None,
    };
    let mut observed: Vec<YearValue> = match &i.kind {
        IndicatorKind::EducationShare { observed, .. }
        | IndicatorKind::PositionShare { observed, .. } => observed
            .iter()
            .map(|o| YearValue {
                year: o.year,
                value: Some(o.value),
            })
            .collect(),
        IndicatorKind::Manual { .. } => Vec::new(),
    };
    observed.sort_by_key(|o| o.year);
    IndicatorRow {
        id: i.id.clone(),
        metric,
        values,
        observed,
        target: i.target,
        met,
        title: i.title.clone(),
        unit,
    }
}

fn per_year(roster: &Roster, f: impl Fn(i32) -> Option<f64>) -> Vec<YearValue> {
    roster
        .years()
        .map(|year| YearValue {
            year,
            value: f(year),
        })
        .collect()
}

fn ratio(num: f64, den: f64) -> Option<f64> {
    (den > 0.0).then(|| num / den)
}

/// Σ f·w (level in `levels`) ÷ Σ f·w (level in `among`, or everyone).
fn education_share(
    roster: &Roster,
    y: i32,
    levels: &[EduLevel],
    among: Option<&[EduLevel]>,
) -> Option<f64> {
    let (mut num, mut den) = (0.0, 0.0);
    for (i, s) in roster.staff.iter().enumerate() {
        let level = roster.level_at(i, y);
        let fw = s.percent * roster.weight_at(i, y);
        if levels.contains(&level) {
            num += fw;
        }
        if among.is_none_or(|a| a.contains(&level)) {
            den += fw;
        }
    }
    ratio(num, den)
}

/// Σ w (percent ≥ min_percent) ÷ Σ w.
fn position_share(roster: &Roster, y: i32, min_percent: f64) -> Option<f64> {
    let (mut num, mut den) = (0.0, 0.0);
    for (i, s) in roster.staff.iter().enumerate() {
        let w = roster.weight_at(i, y);
        if s.percent >= min_percent {
            num += w;
        }
        den += w;
    }
    ratio(num, den)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::testkit::*;
    use crate::model::Observation;

    fn indicator(id: &str, kind: IndicatorKind, target: Option<Target>) -> Indicator {
        Indicator {
            id: id.into(),
            title: id.into(),
            kind,
            target,
            loc: None,
        }
    }

    fn target(year: i32, min: f64) -> Option<Target> {
        Some(Target {
            year,
            min: Some(min),
            max: None,
        })
    }

    #[test]
    fn computed_shares_follow_the_projection() {
        let mut plan = plan_2025_2029();
        plan.staff = vec![
            person("a", "u", "p", 100.0, Some("spl"), 1960), // retires after 2025 (R 65)
            person("b", "u", "p", 50.0, Some("hfa"), 1990).studying("spl", 2027),
            person("c", "u", "p", 100.0, None, 1990),
        ];
        plan.indicators = vec![
            indicator(
                "edu",
                IndicatorKind::EducationShare {
                    levels: vec![EduLevel::Bachelor],
                    among: Some(vec![EduLevel::UpperSecondary, EduLevel::Bachelor]),
                    observed: vec![Observation {
                        year: 2026,
                        value: 0.4,
                    }],
                },
                target(2029, 0.9),
            ),
            indicator(
                "full",
                IndicatorKind::PositionShare {
                    min_percent: 100.0,
                    observed: vec![],
                },
                target(2029, 0.6),
            ),
        ];
        let rows = indicators(&plan, &Roster::new(&plan, &plan.assumptions));
        let edu = &rows[0];
        let v: Vec<_> = edu.values.iter().map(|v| v.value).collect();
        // 2025: 100 / 150; 2026: a gone, b not yet a nurse → 0 / 50; 2027+: 50 / 50
        assert_eq!(
            v,
            vec![
                Some(100.0 / 150.0),
                Some(0.0),
                Some(1.0),
                Some(1.0),
                Some(1.0)
            ]
        );
        assert_eq!(
            edu.met,
            Some(true),
            "the projection decides, not the observation"
        );
        assert_eq!(
            edu.observed,
            [YearValue {
                year: 2026,
                value: Some(0.4)
            }]
        );
        let full = &rows[1];
        assert_eq!(full.values[0].value, Some(2.0 / 3.0));
        assert_eq!(full.values[1].value, Some(0.5));
        assert_eq!(full.met, Some(false));
    }

    #[test]
    fn empty_roster_has_no_value_and_no_verdict() {
        let mut plan = plan_2025_2029();
        plan.indicators = vec![indicator(
            "full",
            IndicatorKind::PositionShare {
                min_percent: 100.0,
                observed: vec![],
            },
            target(2029, 0.6),
        )];
        let rows = indicators(&plan, &Roster::new(&plan, &plan.assumptions));
        assert!(rows[0].values.iter().all(|v| v.value.is_none()));
        assert_eq!(rows[0].met, None);
    }

    #[test]
    fn manual_uses_the_latest_value() {
        let mut plan = plan_2025_2029();
        let obs = |year, value| Observation { year, value };
        plan.indicators = vec![indicator(
            "m",
            IndicatorKind::Manual {
                unit: "antall".into(),
                baseline: Some(obs(2025, 0.0)),
                observed: vec![obs(2027, 4.0), obs(2026, 1.0)],
            },
            target(2028, 3.0),
        )];
        let r = &indicators(&plan, &Roster::new(&plan, &plan.assumptions))[0];
        assert_eq!(r.metric, None);
        assert_eq!(
            r.values.iter().map(|v| v.year).collect::<Vec<_>>(),
            vec![2025, 2026, 2027]
        );
        assert_eq!(r.met, Some(true));
    }
}
