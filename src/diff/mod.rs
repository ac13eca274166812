//! `plan diff`: what changed between two revisions of a plan.
//!
//! In: two validated plans and their analyses (each made once by the caller,
//! of the whole plan or of one unit). Out: a [`PlanDiff`] — plain data: the
//! changes in the plan files item by item, the assumptions, whether the data
//! changed (reported apart from the plan), and the change of every figure of
//! the analysis for the years both revisions cover, with the five largest
//! changes in need first. Nothing here reads a file or prints; the JSON of
//! `plan diff --format json` is this struct (docs/diff.md). Privacy: see
//! [`figures`] — a figure hidden in either revision stays hidden.

pub mod figures;
pub mod items;

use serde::Serialize;

use crate::analyse::Analysis;
use crate::model::{MeasureStatus, Plan};
pub use figures::{
    CapacityChange, CapacityTotalChange, Figure, IndicatorChange, QualityChange,
    QualityTotalChange, WorkforceChange,
};
pub use items::{Change, DataChange, FieldChange, ItemChange, Kind};

/// The largest changes in need the summary lists.
pub const SUMMARY_LINES: usize = 5;

/// One side of the comparison.
pub struct Side<'a> {
    /// What the user named: a directory or a revision.
    pub label: String,
    pub plan: &'a Plan,
    pub analysis: &'a Analysis,
}

/// A measure whose status (after its follow-up) changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatusChange {
    pub id: String,
    pub old: MeasureStatus,
    pub new: MeasureStatus,
    #[serde(skip)]
    pub title: String,
}

/// A capacity line's largest change in need over the years both cover.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NeedChange {
    pub unit: String,
    pub position: String,
    pub year: i32,
    pub old: f64,
    pub new: f64,
    pub delta: f64,
}

/// Everything that differs between two revisions of a plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanDiff {
    pub old: String,
    pub new: String,
    /// The unit the comparison is limited to (`--unit`).
    pub unit: Option<String>,
    /// The years both analyses cover (may be empty).
    pub years: Vec<i32>,
    /// The five largest changes in need (FTE) of a capacity line, largest first.
    pub summary: Vec<NeedChange>,
    /// The plan files: requirements, goals, measures, indicators, …
    pub plan: Vec<ItemChange>,
    pub assumptions: Vec<FieldChange>,
    /// The data files (roster, survey): only whether they changed.
    pub data: Vec<DataChange>,
    pub capacity: Vec<CapacityChange>,
    pub capacity_totals: Vec<CapacityTotalChange>,
    pub quality: Vec<QualityChange>,
    pub quality_totals: Vec<QualityTotalChange>,
    pub workforce: Vec<WorkforceChange>,
    pub indicators: Vec<IndicatorChange>,
    pub measures: Vec<StatusChange>,
}

impl PlanDiff {
    /// Whether anything differs (the exit code of `plan diff`).
    pub fn is_empty(&self) -> bool {
        self.plan.is_empty()
            && self.assumptions.is_empty()
            && self.data.is_empty()
            && self.capacity.is_empty()
            && self.capacity_totals.is_empty()
            && self.quality.is_empty()
            && self.quality_totals.is_empty()
            && self.workforce.is_empty()
            && self.indicators.is_empty()
            && self.measures.is_empty()
    }
}

/// Compare `old` with `new`. With `unit`, the analyses are expected to be of
/// that unit (as `analyse_unit` makes them), and the plan's capacity lines,
/// quality lines and units are limited to it as well.
pub fn diff(old: &Side<'_>, new: &Side<'_>, unit: Option<&str>) -> PlanDiff {
    let (a, b) = (old.analysis, new.analysis);
    let years: Vec<i32> = (a.base_year.max(b.base_year)..=a.end_year.min(b.end_year)).collect();
    let mut plan = items::items(old.plan, new.plan);
    if let Some(u) = unit {
        plan.retain(|c| c.unit.as_deref().is_none_or(|cu| cu == u));
    }
    let capacity = figures::capacity(a, b, &years);
    PlanDiff {
        old: old.label.clone(),
        new: new.label.clone(),
        unit: unit.map(str::to_string),
        summary: summary(&capacity),
        plan,
        assumptions: items::assumptions(old.plan, new.plan),
        data: items::data(old.plan, new.plan),
        capacity_totals: figures::capacity_totals(a, b, &years),
        quality: figures::quality(a, b),
        quality_totals: figures::quality_totals(a, b),
        workforce: figures::workforce(&a.workforce, &b.workforce),
        indicators: figures::indicators(a, b, &years),
        measures: statuses(old.plan, new.plan),
        capacity,
        years,
    }
}

/// Measures in both revisions whose status now differs.
fn statuses(old: &Plan, new: &Plan) -> Vec<StatusChange> {
    let mut out = Vec::new();
    for n in &new.measures {
        let Some(o) = old.measures.iter().find(|o| o.id == n.id) else {
            continue;
        };
        if o.status != n.status {
            out.push(StatusChange {
                id: n.id.clone(),
                old: o.status,
                new: n.status,
                title: n.title.clone(),
            });
        }
    }
    out
}

/// Per capacity line in both revisions, its largest change in need (the
/// earliest year on a tie); the [`SUMMARY_LINES`] largest, ties by unit and
/// position.
fn summary(capacity: &[CapacityChange]) -> Vec<NeedChange> {
    let mut best: Vec<NeedChange> = Vec::new();
    for c in capacity {
        let Some(need) = c.figures.iter().find(|f| f.key == "need") else {
            continue;
        };
        let (Some(old), Some(new), Some(delta)) =
            (need.figure.old, need.figure.new, need.figure.delta)
        else {
            continue;
        };
        if !need.figure.changed() {
            continue;
        }
        let candidate = NeedChange {
            unit: c.unit.clone(),
            position: c.position.clone(),
            year: c.year,
            old,
            new,
            delta,
        };
        match best
            .iter_mut()
            .find(|b| b.unit == c.unit && b.position == c.position)
        {
            Some(b) if delta.abs() > b.delta.abs() + crate::analyse::capacity::EPSILON => {
                *b = candidate
            }
            Some(_) => {}
            None => best.push(candidate),
        }
    }
    best.sort_by(|x, y| {
        y.delta
            .abs()
            .total_cmp(&x.delta.abs())
            .then_with(|| (&x.unit, &x.position).cmp(&(&y.unit, &y.position)))
    });
    best.truncate(SUMMARY_LINES);
    best
}
