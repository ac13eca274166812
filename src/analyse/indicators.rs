//! Indicators: computed shares projected for every year, manual series as given,
//! whether the target is met, and the indicator's status in words a reader
//! can trust (met, not met, on track, off track, not measured yet).
//!
//! In: the plan's indicators, the roster and the year the plan stands in.
//! Out: [`IndicatorRow`]s sorted by id.

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
    /// Where the indicator stands (docs/method.md, "Indicator status").
    pub status: IndicatorStatus,
    /// How its values read: a share 0–1, a percentage 0–100, a count, or a
    /// number in the manual `unit`.
    pub scale: Scale,
    /// Title, for tables (not in the JSON).
    #[serde(skip)]
    pub title: String,
    /// The unit of a manual indicator (e.g. "antall"); not in the JSON.
    #[serde(skip)]
    pub unit: Option<String>,
}

/// Where an indicator stands against its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorStatus {
    /// The target is reached.
    Met,
    /// The target year has come and the target is not reached.
    NotMet,
    /// The target year lies ahead and the plan's projection (computed) or the
    /// trend since the first value (manual) reaches the target.
    OnTrack,
    /// The target year lies ahead and the projection or trend falls short.
    OffTrack,
    /// Nothing to judge: a manual indicator with nothing recorded after its
    /// first value, or a computed one without a value.
    NotMeasured,
    /// The indicator has no target.
    NoTarget,
}

impl IndicatorStatus {
    pub const ALL: [IndicatorStatus; 6] = [
        IndicatorStatus::Met,
        IndicatorStatus::NotMet,
        IndicatorStatus::OnTrack,
        IndicatorStatus::OffTrack,
        IndicatorStatus::NotMeasured,
        IndicatorStatus::NoTarget,
    ];
}

/// How an indicator's values read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scale {
    /// A share 0–1 (computed indicators), shown as a percentage.
    Share,
    /// A percentage 0–100 (manual `unit` "prosent", "%", "percent").
    Percent,
    /// A count (manual `unit` "antall", "tal", "count", "number").
    Count,
    /// Anything else: the number followed by the manual `unit` ("dager").
    Other,
}

impl Scale {
    /// The scale of a manual indicator's `unit` text.
    pub fn of_unit(unit: &str) -> Scale {
        match unit.trim().to_lowercase().as_str() {
            "%" | "prosent" | "percent" | "per cent" => Scale::Percent,
            "antall" | "tal" | "talet" | "count" | "number" | "" => Scale::Count,
            _ => Scale::Other,
        }
    }
}

/// `as_of`: the year the plan stands in (the later of the base year and the
/// year of the last revision or adoption).
pub(crate) fn indicators(plan: &Plan, roster: &Roster, as_of: i32) -> Vec<IndicatorRow> {
    let mut list: Vec<&Indicator> = plan.indicators.iter().collect();
    list.sort_by(|a, b| a.id.cmp(&b.id));
    list.into_iter().map(|i| row(i, roster, as_of)).collect()
}

/// The year a plan stands in: the later of its base year and the year it was
/// last revised (or adopted).
pub fn as_of_year(plan: &Plan) -> i32 {
    plan.meta
        .revised()
        .map_or(plan.meta.base_year, |d| i32::from(d.year()))
        .max(plan.meta.base_year)
}

/// The status of a computed indicator: its projected `values` (B..=E) and
/// official `observed` values, judged in `as_of`.
fn computed_status(
    target: Option<Target>,
    values: &[YearValue],
    observed: &[YearValue],
    as_of: i32,
) -> IndicatorStatus {
    let Some(t) = target else {
        return IndicatorStatus::NoTarget;
    };
    // the projection in the target year; after the period, its last year;
    // before it, the official figure of that year
    let projected = values
        .iter()
        .rfind(|v| v.year <= t.year)
        .filter(|v| v.year == t.year || t.year > as_of)
        .and_then(|v| v.value)
        .or_else(|| {
            observed
                .iter()
                .find(|v| v.year == t.year)
                .and_then(|v| v.value)
        });
    let Some(v) = projected else {
        return IndicatorStatus::NotMeasured;
    };
    match (t.year <= as_of, t.is_met(v)) {
        (true, true) => IndicatorStatus::Met,
        (true, false) => IndicatorStatus::NotMet,
        (false, true) => IndicatorStatus::OnTrack,
        (false, false) => IndicatorStatus::OffTrack,
    }
}

/// The status of a manual indicator from its `values` (sorted by year; the
/// first is the starting point, the baseline when given), judged in `as_of`.
fn manual_status(target: Option<Target>, values: &[YearValue], as_of: i32) -> IndicatorStatus {
    let known: Vec<(i32, f64)> = values
        .iter()
        .filter_map(|v| v.value.map(|x| (v.year, x)))
        .collect();
    let (Some(&(y0, v0)), Some(&(y1, v1))) = (known.first(), known.last()) else {
        return IndicatorStatus::NotMeasured;
    };
    if y1 <= y0 {
        return IndicatorStatus::NotMeasured;
    }
    let Some(t) = target else {
        return IndicatorStatus::NoTarget;
    };
    if t.is_met(v1) {
        return IndicatorStatus::Met;
    }
    if t.year <= as_of.max(y1) {
        return IndicatorStatus::NotMet;
    }
    // the straight line through the first and the latest value, in the target year
    let trend = v1 + (v1 - v0) / f64::from(y1 - y0) * f64::from(t.year - y1);
    if t.is_met(trend) {
        IndicatorStatus::OnTrack
    } else {
        IndicatorStatus::OffTrack
    }
}

fn row(i: &Indicator, roster: &Roster, as_of: i32) -> IndicatorRow {
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
    let (status, scale) = match &i.kind {
        IndicatorKind::Manual { unit, .. } => (
            manual_status(i.target, &values, as_of),
            Scale::of_unit(unit),
        ),
        _ => (
            computed_status(i.target, &values, &observed, as_of),
            Scale::Share,
        ),
    };
    IndicatorRow {
        id: i.id.clone(),
        metric,
        values,
        observed,
        target: i.target,
        met,
        status,
        scale,
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
        let rows = indicators(&plan, &Roster::new(&plan, &plan.assumptions), 2025);
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
        let rows = indicators(&plan, &Roster::new(&plan, &plan.assumptions), 2025);
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
        let r = &indicators(&plan, &Roster::new(&plan, &plan.assumptions), 2025)[0];
        assert_eq!(r.metric, None);
        assert_eq!(
            r.values.iter().map(|v| v.year).collect::<Vec<_>>(),
            vec![2025, 2026, 2027]
        );
        assert_eq!(r.met, Some(true));
    }

    fn yv(pairs: &[(i32, f64)]) -> Vec<YearValue> {
        pairs
            .iter()
            .map(|&(year, v)| YearValue {
                year,
                value: Some(v),
            })
            .collect()
    }

    fn at_least(year: i32, min: f64) -> Option<Target> {
        target(year, min)
    }

    fn at_most(year: i32, max: f64) -> Option<Target> {
        Some(Target {
            year,
            min: None,
            max: Some(max),
        })
    }

    use IndicatorStatus::*;

    #[test]
    fn computed_status_in_every_branch() {
        let proj = yv(&[(2025, 0.50), (2026, 0.55), (2027, 0.60), (2028, 0.62)]);
        let none: Vec<YearValue> = vec![];
        // the target year lies ahead: the projection decides
        assert_eq!(
            computed_status(at_least(2028, 0.6), &proj, &none, 2025),
            OnTrack
        );
        assert_eq!(
            computed_status(at_least(2028, 0.7), &proj, &none, 2025),
            OffTrack
        );
        // even when today's value already meets it: the projection for the target year counts
        assert_eq!(
            computed_status(at_most(2028, 0.55), &proj, &none, 2025),
            OffTrack
        );
        // the target year has come: met or not met
        assert_eq!(
            computed_status(at_least(2025, 0.5), &proj, &none, 2025),
            Met
        );
        assert_eq!(
            computed_status(at_least(2026, 0.6), &proj, &none, 2026),
            NotMet
        );
        // after the period: the projection's last year
        assert_eq!(
            computed_status(at_least(2032, 0.61), &proj, &none, 2025),
            OnTrack
        );
        assert_eq!(
            computed_status(at_least(2032, 0.63), &proj, &none, 2025),
            OffTrack
        );
        // before the period: the official figure of the target year
        let official = yv(&[(2023, 0.45)]);
        assert_eq!(
            computed_status(at_least(2023, 0.4), &proj, &official, 2025),
            Met
        );
        assert_eq!(
            computed_status(at_least(2023, 0.5), &proj, &official, 2025),
            NotMet
        );
        assert_eq!(
            computed_status(at_least(2022, 0.4), &proj, &official, 2025),
            NotMeasured
        );
        // no value (no staff), no target
        let empty = vec![YearValue {
            year: 2028,
            value: None,
        }];
        assert_eq!(
            computed_status(at_least(2028, 0.6), &empty, &none, 2025),
            NotMeasured
        );
        assert_eq!(computed_status(None, &proj, &none, 2025), NoTarget);
    }

    #[test]
    fn manual_status_in_every_branch() {
        // nothing after the baseline: not measured, whatever the target year
        assert_eq!(
            manual_status(at_least(2030, 5.0), &yv(&[(2025, 1.0)]), 2025),
            NotMeasured
        );
        assert_eq!(
            manual_status(at_least(2024, 0.0), &yv(&[(2025, 1.0)]), 2026),
            NotMeasured
        );
        assert_eq!(manual_status(None, &[], 2025), NotMeasured);
        let two = yv(&[(2024, 2.0), (2025, 4.0)]);
        // reached, before or after the target year
        assert_eq!(manual_status(at_least(2030, 4.0), &two, 2025), Met);
        assert_eq!(manual_status(at_least(2025, 4.0), &two, 2025), Met);
        // the target year has come (by the plan's year or by a measurement)
        assert_eq!(manual_status(at_least(2025, 5.0), &two, 2025), NotMet);
        assert_eq!(manual_status(at_least(2025, 5.0), &two, 2024), NotMet);
        // ahead: the trend 2 a year reaches 10 in 2028, not 11
        assert_eq!(manual_status(at_least(2028, 10.0), &two, 2025), OnTrack);
        assert_eq!(manual_status(at_least(2028, 11.0), &two, 2025), OffTrack);
        // a falling figure with a ceiling: sick leave 10.8 → 10.9 moves away from 8.5
        let sick = yv(&[(2024, 10.8), (2025, 10.9)]);
        assert_eq!(manual_status(at_most(2030, 8.5), &sick, 2025), OffTrack);
        let better = yv(&[(2024, 10.8), (2025, 10.3)]);
        assert_eq!(manual_status(at_most(2030, 8.5), &better, 2025), OnTrack);
        assert_eq!(manual_status(None, &two, 2025), NoTarget);
    }

    #[test]
    fn the_plan_year_is_the_later_of_base_year_and_revision() {
        let mut plan = plan_2025_2029();
        assert_eq!(as_of_year(&plan), plan.meta.base_year);
        plan.meta.last_revised = Some(jiff::civil::date(2027, 3, 1));
        assert_eq!(as_of_year(&plan), 2027);
        plan.meta.last_revised = Some(jiff::civil::date(2020, 3, 1));
        assert_eq!(as_of_year(&plan), plan.meta.base_year);
    }

    #[test]
    fn units_of_manual_indicators() {
        assert_eq!(Scale::of_unit("antall"), Scale::Count);
        assert_eq!(Scale::of_unit(" Prosent "), Scale::Percent);
        assert_eq!(Scale::of_unit("%"), Scale::Percent);
        assert_eq!(Scale::of_unit("dager"), Scale::Other);
    }

    proptest::proptest! {
        /// A manual indicator's status agrees with its latest value: `met`
        /// exactly when the latest value meets the target (once measured),
        /// `not_met` only when the target year has come, and on/off track
        /// only when it lies ahead.
        #[test]
        fn manual_status_agrees_with_the_latest_value(
            v0 in -50.0f64..50.0,
            v1 in -50.0f64..50.0,
            y0 in 2020i32..2026,
            gap in 0i32..4,
            ty in 2020i32..2034,
            as_of in 2024i32..2030,
            min in proptest::option::of(-50.0f64..50.0),
            max in proptest::option::of(-50.0f64..50.0),
        ) {
            let t = Target { year: ty, min, max: max.or(if min.is_none() { Some(0.0) } else { None }) };
            let values = yv(&[(y0, v0), (y0 + gap, v1)]);
            let s = manual_status(Some(t), &values, as_of);
            if gap == 0 {
                proptest::prop_assert_eq!(s, NotMeasured);
            } else {
                proptest::prop_assert_eq!(s == Met, t.is_met(v1));
                if s == NotMet {
                    proptest::prop_assert!(ty <= as_of.max(y0 + gap));
                }
                if s == OnTrack || s == OffTrack {
                    proptest::prop_assert!(ty > as_of.max(y0 + gap));
                }
            }
        }

        /// A computed indicator with the target year ahead is on track
        /// exactly when the projection for that year meets the target.
        #[test]
        fn computed_status_follows_the_projection(
            vals in proptest::collection::vec(0.0f64..1.0, 6),
            ty in 2026i32..2031,
            min in 0.0f64..1.0,
        ) {
            let proj: Vec<YearValue> = (2025..).zip(&vals).map(|(year, &v)| YearValue { year, value: Some(v) }).collect();
            let t = at_least(ty, min);
            let at = vals[usize::try_from(ty - 2025).unwrap_or(0)];
            let s = computed_status(t, &proj, &[], 2025);
            proptest::prop_assert_eq!(s == OnTrack, at >= min);
            proptest::prop_assert!(s == OnTrack || s == OffTrack);
        }
    }
}
