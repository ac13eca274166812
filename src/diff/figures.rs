//! The analysis compared: every figure of two analyses, old → new, with the
//! difference, for the years both cover.
//!
//! In: two [`Analysis`] values (each with its own small-group suppression).
//! Out: the rows whose figures changed. Privacy: a figure hidden in either
//! analysis is hidden in the diff — neither side nor a difference is given
//! ([`Figure::hidden`]), and a row whose only changes are in hidden figures is
//! not listed at all, so not even the fact of a hidden change shows.
//! Everything a diff gives can be read from the two analyses' own outputs.

use std::collections::BTreeMap;

use serde::Serialize;

use super::items::Change;
use crate::analyse::capacity::EPSILON;
use crate::analyse::{Analysis, CapacityRow, CapacityTotal, IndicatorRow, QualityRow};
use crate::analyse::{QualityTotal, Workforce};

/// One figure, old → new. `old`/`new` are `null` where the row does not exist
/// on that side, or where the figure is hidden (`hidden: true`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Figure {
    pub old: Option<f64>,
    pub new: Option<f64>,
    /// new − old, when both are given.
    pub delta: Option<f64>,
    /// Hidden in either analysis (too small a group): nothing is given.
    pub hidden: bool,
}

impl Figure {
    /// Both sides given (`None` = no row on that side).
    pub fn of(old: Option<f64>, new: Option<f64>) -> Figure {
        Figure {
            old,
            new,
            delta: match (old, new) {
                (Some(o), Some(n)) => Some(n - o),
                _ => None,
            },
            hidden: false,
        }
    }

    /// A figure that may be hidden on either side: `Some(None)` is a hidden
    /// value, `None` no row.
    pub fn guarded(old: Option<Option<f64>>, new: Option<Option<f64>>) -> Figure {
        if matches!(old, Some(None)) || matches!(new, Some(None)) {
            return Figure::hidden();
        }
        Figure::of(old.flatten(), new.flatten())
    }

    pub fn hidden() -> Figure {
        Figure {
            old: None,
            new: None,
            delta: None,
            hidden: true,
        }
    }

    /// Whether the figure visibly changed.
    pub fn changed(&self) -> bool {
        !self.hidden && self.delta.is_none_or(|d| d.abs() > EPSILON)
    }
}

/// A named figure of a row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Named {
    pub key: &'static str,
    #[serde(flatten)]
    pub figure: Figure,
}

/// A capacity line in one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CapacityChange {
    pub unit: String,
    pub position: String,
    pub year: i32,
    pub change: Change,
    /// required, available, need, mobilise, develop, acquire, surplus.
    pub figures: Vec<Named>,
}

/// A capacity total (per primary competence) in one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CapacityTotalChange {
    pub competence: String,
    pub year: i32,
    pub change: Change,
    pub figures: Vec<Named>,
}

/// A quality line (base year).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QualityChange {
    pub unit: String,
    pub competence: String,
    pub min_level: u8,
    pub change: Change,
    /// Suppressed (too few survey answers) in the old and in the new analysis.
    pub suppressed: [bool; 2],
    /// required, available, need, develop, acquire (persons).
    pub figures: Vec<Named>,
}

/// A quality total over the units.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QualityTotalChange {
    pub competence: String,
    pub min_level: u8,
    pub change: Change,
    pub figures: Vec<Named>,
}

/// A workforce key figure (of the base-year roster).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WorkforceChange {
    /// headcount, fte, mean_age, part_time_share, mean_percent,
    /// education_headcount, education_fte.
    pub metric: &'static str,
    /// The education level for the education figures.
    pub group: Option<String>,
    #[serde(flatten)]
    pub figure: Figure,
}

/// An indicator's values, target and verdict.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorChange {
    pub id: String,
    pub change: Change,
    /// `null` for a manual indicator (as in `plan analyse`).
    pub metric: Option<crate::model::Metric>,
    /// Values per year that changed (computed: the years both cover; manual:
    /// every year either has).
    pub values: Vec<YearFigure>,
    /// Observed values (computed indicators) that changed, per year.
    pub observed: Vec<YearFigure>,
    pub target: [Option<crate::model::Target>; 2],
    pub met: [Option<bool>; 2],
    #[serde(skip)]
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearFigure {
    pub year: i32,
    #[serde(flatten)]
    pub figure: Figure,
}

fn named(pairs: &[(&'static str, Figure)]) -> Vec<Named> {
    pairs
        .iter()
        .map(|(key, figure)| Named {
            key,
            figure: *figure,
        })
        .collect()
}

fn change_of<T>(o: &Option<T>, n: &Option<T>) -> Change {
    match (o, n) {
        (None, _) => Change::Added,
        (_, None) => Change::Removed,
        _ => Change::Changed,
    }
}

/// Pair the rows of two sides by key, in key order.
fn pair<'a, K: Ord + Clone, T>(
    old: impl Iterator<Item = (K, &'a T)>,
    new: impl Iterator<Item = (K, &'a T)>,
) -> Vec<(K, Option<&'a T>, Option<&'a T>)> {
    let mut map: BTreeMap<K, (Option<&T>, Option<&T>)> = BTreeMap::new();
    for (k, r) in old {
        map.entry(k).or_default().0 = Some(r);
    }
    for (k, r) in new {
        map.entry(k).or_default().1 = Some(r);
    }
    map.into_iter().map(|(k, (o, n))| (k, o, n)).collect()
}

pub fn capacity(old: &Analysis, new: &Analysis, years: &[i32]) -> Vec<CapacityChange> {
    let key = |r: &CapacityRow| (r.unit.clone(), r.position.clone(), r.year);
    let within = |r: &&CapacityRow| years.contains(&r.year);
    let mut out = Vec::new();
    for ((unit, position, year), o, n) in pair(
        old.capacity.iter().filter(within).map(|r| (key(r), r)),
        new.capacity.iter().filter(within).map(|r| (key(r), r)),
    ) {
        let f = |g: fn(&CapacityRow) -> f64| Figure::of(o.map(g), n.map(g));
        let figures = [
            ("required", f(|r| r.required)),
            ("available", f(|r| r.available)),
            ("need", f(|r| r.need)),
            ("mobilise", f(|r| r.mobilise)),
            ("develop", f(|r| r.develop)),
            ("acquire", f(|r| r.acquire)),
            ("surplus", f(|r| r.surplus)),
        ];
        if figures.iter().any(|(_, f)| f.changed()) {
            out.push(CapacityChange {
                unit,
                position,
                year,
                change: change_of(&o, &n),
                figures: named(&figures),
            });
        }
    }
    out
}

pub fn capacity_totals(old: &Analysis, new: &Analysis, years: &[i32]) -> Vec<CapacityTotalChange> {
    // by year, then competence, as the analysis sorts them
    let key = |r: &CapacityTotal| (r.year, r.competence.clone());
    let within = |r: &&CapacityTotal| years.contains(&r.year);
    let mut out = Vec::new();
    for ((year, competence), o, n) in pair(
        old.capacity_totals
            .iter()
            .filter(within)
            .map(|r| (key(r), r)),
        new.capacity_totals
            .iter()
            .filter(within)
            .map(|r| (key(r), r)),
    ) {
        let f = |g: fn(&CapacityTotal) -> f64| Figure::of(o.map(g), n.map(g));
        let figures = [
            ("required", f(|r| r.required)),
            ("available", f(|r| r.available)),
            ("need", f(|r| r.need)),
            ("mobilise", f(|r| r.mobilise)),
            ("develop", f(|r| r.develop)),
            ("acquire", f(|r| r.acquire)),
            ("surplus", f(|r| r.surplus)),
        ];
        if figures.iter().any(|(_, f)| f.changed()) {
            out.push(CapacityTotalChange {
                competence,
                year,
                change: change_of(&o, &n),
                figures: named(&figures),
            });
        }
    }
    out
}

fn count(x: u64) -> f64 {
    x as f64
}

pub fn quality(old: &Analysis, new: &Analysis) -> Vec<QualityChange> {
    let key = |r: &QualityRow| (r.unit.clone(), r.competence.clone(), r.min_level);
    let mut out = Vec::new();
    for ((unit, competence, min_level), o, n) in pair(
        old.quality.iter().map(|r| (key(r), r)),
        new.quality.iter().map(|r| (key(r), r)),
    ) {
        // a row suppressed on either side hides its survey-based figures on both
        let hide = o.is_some_and(|r| r.suppressed) || n.is_some_and(|r| r.suppressed);
        let f = |g: fn(&QualityRow) -> Option<u64>| {
            if hide {
                Figure::hidden()
            } else {
                Figure::guarded(o.map(|r| g(r).map(count)), n.map(|r| g(r).map(count)))
            }
        };
        let figures = [
            (
                "required",
                Figure::of(o.map(|r| count(r.required)), n.map(|r| count(r.required))),
            ),
            ("available", f(|r| r.available)),
            ("need", f(|r| r.need)),
            ("develop", f(|r| r.develop)),
            ("acquire", f(|r| r.acquire)),
        ];
        let suppressed = [
            o.is_some_and(|r| r.suppressed),
            n.is_some_and(|r| r.suppressed),
        ];
        let exists_both = o.is_some() && n.is_some();
        if !exists_both
            || suppressed[0] != suppressed[1]
            || figures.iter().any(|(_, f)| f.changed())
        {
            out.push(QualityChange {
                unit,
                competence,
                min_level,
                change: change_of(&o, &n),
                suppressed,
                figures: named(&figures),
            });
        }
    }
    out
}

pub fn quality_totals(old: &Analysis, new: &Analysis) -> Vec<QualityTotalChange> {
    let key = |r: &QualityTotal| (r.competence.clone(), r.min_level);
    let mut out = Vec::new();
    for ((competence, min_level), o, n) in pair(
        old.quality_totals.iter().map(|r| (key(r), r)),
        new.quality_totals.iter().map(|r| (key(r), r)),
    ) {
        let f = |g: fn(&QualityTotal) -> Option<u64>| {
            Figure::guarded(o.map(|r| g(r).map(count)), n.map(|r| g(r).map(count)))
        };
        let figures = [
            (
                "required",
                Figure::of(o.map(|r| count(r.required)), n.map(|r| count(r.required))),
            ),
            ("available", f(|r| r.available)),
            ("need", f(|r| r.need)),
            ("develop", f(|r| r.develop)),
            ("acquire", f(|r| r.acquire)),
        ];
        if figures.iter().any(|(_, f)| f.changed()) {
            out.push(QualityTotalChange {
                competence,
                min_level,
                change: change_of(&o, &n),
                figures: named(&figures),
            });
        }
    }
    out
}

pub fn workforce(old: &Workforce, new: &Workforce) -> Vec<WorkforceChange> {
    let mut out = Vec::new();
    let mut push = |metric, group: Option<String>, figure: Figure| {
        if figure.changed() {
            out.push(WorkforceChange {
                metric,
                group,
                figure,
            });
        }
    };
    let (oh, nh) = (old.suppressed, new.suppressed);
    let sided = |v: Option<f64>, hidden: bool| Some(if hidden { None } else { v });
    push(
        "headcount",
        None,
        Figure::of(Some(count(old.headcount)), Some(count(new.headcount))),
    );
    push("fte", None, Figure::of(Some(old.fte), Some(new.fte)));
    for (metric, o, n) in [
        ("mean_age", old.mean_age, new.mean_age),
        ("part_time_share", old.part_time_share, new.part_time_share),
        ("mean_percent", old.mean_percent, new.mean_percent),
    ] {
        push(metric, None, Figure::guarded(sided(o, oh), sided(n, nh)));
    }
    for (o, n) in old.education.iter().zip(&new.education) {
        if o.group != n.group {
            continue; // both list every level in the same order
        }
        let hide = o.suppressed || n.suppressed || oh || nh;
        let f = |a: Option<f64>, b: Option<f64>| {
            if hide {
                Figure::hidden()
            } else {
                Figure::guarded(Some(a), Some(b))
            }
        };
        push(
            "education_headcount",
            Some(o.group.clone()),
            f(o.headcount.map(count), n.headcount.map(count)),
        );
        push("education_fte", Some(o.group.clone()), f(o.fte, n.fte));
    }
    out
}

pub fn indicators(old: &Analysis, new: &Analysis, years: &[i32]) -> Vec<IndicatorChange> {
    let mut out = Vec::new();
    for (id, o, n) in pair(
        old.indicators.iter().map(|r| (r.id.clone(), r)),
        new.indicators.iter().map(|r| (r.id.clone(), r)),
    ) {
        let computed = o.or(n).is_some_and(|r| r.metric.is_some());
        let series = |f: fn(&IndicatorRow) -> &[crate::analyse::YearValue], common: bool| {
            let mut ys: Vec<i32> = o
                .iter()
                .chain(n.iter())
                .flat_map(|r| f(r).iter().map(|v| v.year))
                .filter(|y| !common || years.contains(y))
                .collect();
            ys.sort_unstable();
            ys.dedup();
            let at = |r: Option<&IndicatorRow>, y: i32| {
                r.and_then(|r| f(r).iter().rev().find(|v| v.year == y))
                    .and_then(|v| v.value)
            };
            ys.into_iter()
                .map(|year| YearFigure {
                    year,
                    figure: Figure::of(at(o, year), at(n, year)),
                })
                .filter(|y| y.figure.changed())
                .collect::<Vec<_>>()
        };
        let values = series(|r| &r.values, computed);
        let observed = series(|r| &r.observed, false);
        let target = [o.and_then(|r| r.target), n.and_then(|r| r.target)];
        let met = [o.and_then(|r| r.met), n.and_then(|r| r.met)];
        if o.is_some()
            && n.is_some()
            && values.is_empty()
            && observed.is_empty()
            && target[0] == target[1]
            && met[0] == met[1]
        {
            continue;
        }
        out.push(IndicatorChange {
            id,
            change: change_of(&o, &n),
            metric: n.or(o).and_then(|r| r.metric),
            values,
            observed,
            target,
            met,
            title: n.or(o).map(|r| r.title.clone()).unwrap_or_default(),
        });
    }
    out
}
