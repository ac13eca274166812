//! The plan files compared item by item: what was added, removed and changed,
//! per key, old → new.
//!
//! In: two validated plans. Out: [`ItemChange`]s (sorted by kind in the
//! format's order, then key), the assumption changes, and whether the data
//! (roster, survey) changed. Items are matched by id; capacity lines by unit
//! and position, quality lines by unit, competence and level. Values are
//! compared as values (numbers as numbers), never as formatted text. No staff
//! or respondent id is ever part of a change: the data is only compared.

use serde::Serialize;
use serde_json::{json, Value};

use crate::model::{
    Answers, CapacityLine, Competence, CompetenceKind, Goal, Indicator, IndicatorKind, Measure,
    Plan, QualityAmount, QualityLine, Staff, Unit,
};

/// Added, removed or changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    Added,
    Removed,
    Changed,
}

/// The kinds of plan item, in the order of docs/format.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Plan,
    Competence,
    Unit,
    Capacity,
    Quality,
    Goal,
    Measure,
    Indicator,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Plan => "plan",
            Kind::Competence => "competence",
            Kind::Unit => "unit",
            Kind::Capacity => "capacity",
            Kind::Quality => "quality",
            Kind::Goal => "goal",
            Kind::Measure => "measure",
            Kind::Indicator => "indicator",
        }
    }
}

/// One key of an item (or of the assumptions), old → new; `null` where the
/// key has no value on that side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    pub key: String,
    pub old: Value,
    pub new: Value,
}

/// One item of the plan files that was added, removed or changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemChange {
    pub kind: Kind,
    /// The item's id, or `unit/position`, `unit/competence/min_level`.
    pub key: String,
    pub change: Change,
    /// Its title or name (the new one, or the old one when removed).
    pub title: Option<String>,
    /// Every key that differs (added items: every key, old `null`; removed
    /// items: every key, new `null`).
    pub fields: Vec<FieldChange>,
    /// The unit the item belongs to (capacity and quality lines, units).
    #[serde(skip)]
    pub unit: Option<String>,
}

/// A data file kind whose rows changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DataChange {
    /// `staff` (bemanningsoversikt) or `survey` (kartlegging).
    pub kind: &'static str,
    pub change: Change,
}

type Fields = Vec<(&'static str, Value)>;

struct Keyed {
    key: String,
    title: Option<String>,
    unit: Option<String>,
    fields: Fields,
}

fn compare(kind: Kind, old: Vec<Keyed>, new: Vec<Keyed>, out: &mut Vec<ItemChange>) {
    use std::collections::BTreeMap;
    let old: BTreeMap<String, Keyed> = old.into_iter().map(|k| (k.key.clone(), k)).collect();
    let mut new: BTreeMap<String, Keyed> = new.into_iter().map(|k| (k.key.clone(), k)).collect();
    let mut keys: Vec<String> = old.keys().chain(new.keys()).cloned().collect();
    keys.sort();
    keys.dedup();
    for key in keys {
        let (o, n) = (old.get(&key), new.remove(&key));
        let (change, title, unit, fields) = match (o, n) {
            (Some(o), Some(n)) => {
                let fields = changed_fields(&o.fields, &n.fields);
                if fields.is_empty() {
                    continue;
                }
                (Change::Changed, n.title, n.unit, fields)
            }
            (None, Some(n)) => {
                let f = n
                    .fields
                    .iter()
                    .map(|(k, v)| FieldChange {
                        key: (*k).to_string(),
                        old: Value::Null,
                        new: v.clone(),
                    })
                    .collect();
                (Change::Added, n.title, n.unit, f)
            }
            (Some(o), None) => {
                let f = o
                    .fields
                    .iter()
                    .map(|(k, v)| FieldChange {
                        key: (*k).to_string(),
                        old: v.clone(),
                        new: Value::Null,
                    })
                    .collect();
                (Change::Removed, o.title.clone(), o.unit.clone(), f)
            }
            (None, None) => continue,
        };
        out.push(ItemChange {
            kind,
            key,
            change,
            title,
            fields,
            unit,
        });
    }
}

/// The keys whose values differ; both sides list the same keys in the same
/// order (one function per kind writes them).
fn changed_fields(old: &Fields, new: &Fields) -> Vec<FieldChange> {
    let mut out = Vec::new();
    for (k, n) in new {
        let o = old
            .iter()
            .find(|(ok, _)| ok == k)
            .map_or(Value::Null, |(_, v)| v.clone());
        if &o != n {
            out.push(FieldChange {
                key: (*k).to_string(),
                old: o,
                new: n.clone(),
            });
        }
    }
    // keys only the old side has (an indicator that changed its kind)
    for (k, o) in old {
        if !new.iter().any(|(nk, _)| nk == k) {
            out.push(FieldChange {
                key: (*k).to_string(),
                old: o.clone(),
                new: Value::Null,
            });
        }
    }
    out
}

/// Every change in the plan files, kind by kind.
pub fn items(old: &Plan, new: &Plan) -> Vec<ItemChange> {
    let mut out = Vec::new();
    compare(Kind::Plan, vec![meta(old)], vec![meta(new)], &mut out);
    compare(
        Kind::Competence,
        old.competences.iter().map(competence).collect(),
        new.competences.iter().map(competence).collect(),
        &mut out,
    );
    compare(
        Kind::Unit,
        old.units.iter().map(unit).collect(),
        new.units.iter().map(unit).collect(),
        &mut out,
    );
    compare(
        Kind::Capacity,
        old.capacity.iter().map(capacity).collect(),
        new.capacity.iter().map(capacity).collect(),
        &mut out,
    );
    compare(
        Kind::Quality,
        old.quality.iter().map(quality).collect(),
        new.quality.iter().map(quality).collect(),
        &mut out,
    );
    compare(
        Kind::Goal,
        old.goals.iter().map(goal).collect(),
        new.goals.iter().map(goal).collect(),
        &mut out,
    );
    compare(
        Kind::Measure,
        old.measures.iter().map(measure).collect(),
        new.measures.iter().map(measure).collect(),
        &mut out,
    );
    compare(
        Kind::Indicator,
        old.indicators.iter().map(indicator).collect(),
        new.indicators.iter().map(indicator).collect(),
        &mut out,
    );
    out
}

/// The assumptions that differ.
pub fn assumptions(old: &Plan, new: &Plan) -> Vec<FieldChange> {
    let f = |p: &Plan| -> Fields {
        let a = &p.assumptions;
        vec![
            ("retirement_age", json!(a.retirement_age)),
            ("turnover_rate", json!(a.turnover_rate)),
            ("min_group_size", json!(a.min_group_size)),
        ]
    };
    changed_fields(&f(old), &f(new))
}

/// Whether the roster and the survey changed. Rows are compared whole (every
/// column), in their canonical order; nothing about them is reported but the
/// fact.
pub fn data(old: &Plan, new: &Plan) -> Vec<DataChange> {
    let mut out = Vec::new();
    let kind = |o: bool, n: bool, same: bool| match (o, n) {
        (false, true) => Some(Change::Added),
        (true, false) => Some(Change::Removed),
        _ if same => None,
        _ => Some(Change::Changed),
    };
    if let Some(change) = kind(
        !old.staff.is_empty(),
        !new.staff.is_empty(),
        same_staff(&old.staff, &new.staff),
    ) {
        out.push(DataChange {
            kind: "staff",
            change,
        });
    }
    if let Some(change) = kind(
        !old.survey.is_empty(),
        !new.survey.is_empty(),
        same_survey(&old.survey, &new.survey),
    ) {
        out.push(DataChange {
            kind: "survey",
            change,
        });
    }
    out
}

/// Every column of every row equal (rows in canonical order).
fn same_staff(a: &[Staff], b: &[Staff]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            x.id == y.id
                && x.unit == y.unit
                && x.position == y.position
                && x.percent.to_bits() == y.percent.to_bits()
                && x.education == y.education
                && x.birth_year == y.birth_year
                && x.wanted_percent.map(f64::to_bits) == y.wanted_percent.map(f64::to_bits)
                && x.studying == y.studying
                && x.study_done == y.study_done
        })
}

fn same_survey(a: &Answers, b: &Answers) -> bool {
    a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| x == y)
}

fn meta(p: &Plan) -> Keyed {
    let m = &p.meta;
    Keyed {
        key: "plan".into(),
        title: Some(m.title.clone()),
        unit: None,
        fields: vec![
            ("municipality", json!(m.municipality)),
            ("municipality_number", json!(m.municipality_number)),
            ("title", json!(m.title)),
            ("period", json!({"from": m.period.from, "to": m.period.to})),
            ("base_year", json!(m.base_year)),
            ("adopted", json!(m.adopted.map(|d| d.to_string()))),
            ("last_revised", json!(m.last_revised.map(|d| d.to_string()))),
            ("owner", json!(m.owner)),
            ("steering_group", json!(m.steering_group)),
            ("working_group", json!(m.working_group)),
            ("user_participation", json!(m.user_participation)),
            ("anchoring", json!(m.anchoring)),
        ],
    }
}

fn competence(c: &Competence) -> Keyed {
    let (kind, level, dimension) = match c.kind {
        CompetenceKind::Formal(l) => ("formal", json!(l), Value::Null),
        CompetenceKind::Real(d) => ("real", Value::Null, json!(d)),
    };
    Keyed {
        key: c.id.clone(),
        title: Some(c.name.clone()),
        unit: None,
        fields: vec![
            ("name", json!(c.name)),
            ("kind", json!(kind)),
            ("level", level),
            ("dimension", dimension),
            ("styrk", json!(c.styrk)),
            ("retirement_age", json!(c.retirement_age)),
            ("trainable", json!(c.trainable)),
            ("description", json!(c.description)),
        ],
    }
}

fn unit(u: &Unit) -> Keyed {
    Keyed {
        key: u.id.clone(),
        title: Some(u.name.clone()),
        unit: Some(u.id.clone()),
        fields: vec![
            ("name", json!(u.name)),
            ("service", json!(u.service)),
            ("description", json!(u.description)),
        ],
    }
}

fn capacity(c: &CapacityLine) -> Keyed {
    Keyed {
        key: format!("{}/{}", c.unit, c.position),
        title: Some(c.title.clone()),
        unit: Some(c.unit.clone()),
        fields: vec![
            ("title", json!(c.title)),
            ("fte", json!(c.fte)),
            ("accepts", json!(c.accepts)),
            ("annual_growth", json!(c.annual_growth)),
            ("styrk", json!(c.styrk)),
        ],
    }
}

fn quality(q: &QualityLine) -> Keyed {
    let (share, count) = match q.amount {
        QualityAmount::Share { num, den } => (json!(num as f64 / den.max(1) as f64), Value::Null),
        QualityAmount::Count(n) => (Value::Null, json!(n)),
    };
    Keyed {
        key: format!("{}/{}/{}", q.unit, q.competence, q.min_level),
        title: None,
        unit: Some(q.unit.clone()),
        fields: vec![("share", share), ("count", count)],
    }
}

fn goal(g: &Goal) -> Keyed {
    Keyed {
        key: g.id.clone(),
        title: Some(g.title.clone()),
        unit: None,
        fields: vec![
            ("title", json!(g.title)),
            ("strategies", json!(g.strategies)),
        ],
    }
}

fn measure(m: &Measure) -> Keyed {
    let followup: Vec<Value> = m
        .followup
        .iter()
        .map(|f| {
            json!({
                "date": f.date.to_string(),
                "status": f.status,
                "participants": f.participants,
                "note": f.note,
            })
        })
        .collect();
    Keyed {
        key: m.id.clone(),
        title: Some(m.title.clone()),
        unit: None,
        fields: vec![
            ("goal", json!(m.goal)),
            ("title", json!(m.title)),
            ("strategy", json!(m.strategy)),
            ("competences", json!(m.competences)),
            ("units", json!(m.units)),
            ("responsible", json!(m.responsible)),
            ("arena", json!(m.arena)),
            ("start", json!(m.start)),
            ("end", json!(m.end)),
            ("cost_nok", json!(m.cost_nok)),
            ("indicators", json!(m.indicators)),
            ("status", json!(m.declared_status)),
            ("followup", json!(followup)),
        ],
    }
}

fn indicator(i: &Indicator) -> Keyed {
    let obs = |o: &[crate::model::Observation]| -> Value {
        o.iter()
            .map(|o| json!({"year": o.year, "value": o.value}))
            .collect()
    };
    let mut fields: Fields = vec![("title", json!(i.title))];
    match &i.kind {
        IndicatorKind::EducationShare {
            levels,
            among,
            observed,
        } => {
            fields.push(("metric", json!("education_share")));
            fields.push(("levels", json!(levels)));
            fields.push(("among", json!(among)));
            fields.push(("observed", obs(observed)));
        }
        IndicatorKind::PositionShare {
            min_percent,
            observed,
        } => {
            fields.push(("metric", json!("position_share")));
            fields.push(("min_percent", json!(min_percent)));
            fields.push(("observed", obs(observed)));
        }
        IndicatorKind::Manual {
            unit,
            baseline,
            observed,
        } => {
            fields.push(("unit", json!(unit)));
            fields.push((
                "baseline",
                baseline.map_or(Value::Null, |b| json!({"year": b.year, "value": b.value})),
            ));
            fields.push(("observed", obs(observed)));
        }
    }
    fields.push((
        "target",
        i.target.map_or(
            Value::Null,
            |t| json!({"year": t.year, "min": t.min, "max": t.max}),
        ),
    ));
    Keyed {
        key: i.id.clone(),
        title: Some(i.title.clone()),
        unit: None,
        fields,
    }
}
