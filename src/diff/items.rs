//! The plan files compared item by item: what was added, removed and changed,
//! per key, old → new.
//!
//! In: two validated plans. Out: [`ItemChange`]s (sorted by kind in the
//! format's order, then key), the assumption changes, and whether the data
//! (roster, survey) changed. Items are matched by id; capacity lines by unit
//! and position, quality lines by unit, competence and level. Values are
//! compared as values (numbers as numbers), never as formatted text. No staff
//! or respondent id is ever part of a change: the data is only compared.

use std::borrow::Cow;

use serde::Serialize;
use serde_json::{json, Value};

use crate::model::{
    workload::Workload, Answers, Band, CapacityLine, Competence, CompetenceKind, Driver, Goal,
    Indicator, IndicatorKind, Measure, Plan, Population, QualityAmount, QualityLine, Scenario,
    Staff, Unit,
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
    Driver,
    Workload,
    Scenario,
}

impl Kind {
    /// Every kind, in this order.
    pub const ALL: [Kind; 11] = [
        Kind::Plan,
        Kind::Competence,
        Kind::Unit,
        Kind::Capacity,
        Kind::Quality,
        Kind::Goal,
        Kind::Measure,
        Kind::Indicator,
        Kind::Driver,
        Kind::Workload,
        Kind::Scenario,
    ];

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
            Kind::Driver => "driver",
            Kind::Workload => "workload",
            Kind::Scenario => "scenario",
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

/// (key, value) pairs; keys are mostly fixed names, a workload's list items
/// are keyed by their names.
type Fields = Vec<(Cow<'static, str>, Value)>;

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
                        key: k.to_string(),
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
                        key: k.to_string(),
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
                key: k.to_string(),
                old: o,
                new: n.clone(),
            });
        }
    }
    // keys only the old side has (an indicator that changed its kind)
    for (k, o) in old {
        if !new.iter().any(|(nk, _)| nk == k) {
            out.push(FieldChange {
                key: k.to_string(),
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
    compare(
        Kind::Driver,
        old.drivers.iter().map(driver).collect(),
        new.drivers.iter().map(driver).collect(),
        &mut out,
    );
    compare(
        Kind::Workload,
        old.workloads.iter().map(workload).collect(),
        new.workloads.iter().map(workload).collect(),
        &mut out,
    );
    compare(
        Kind::Scenario,
        old.scenarios.iter().map(scenario).collect(),
        new.scenarios.iter().map(scenario).collect(),
        &mut out,
    );
    out
}

/// The assumptions that differ.
pub fn assumptions(old: &Plan, new: &Plan) -> Vec<FieldChange> {
    let f = |p: &Plan| -> Fields {
        let a = &p.assumptions;
        vec![
            ("retirement_age".into(), json!(a.retirement_age)),
            ("turnover_rate".into(), json!(a.turnover_rate)),
            ("min_group_size".into(), json!(a.min_group_size)),
            ("efficiency".into(), json!(a.efficiency)),
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
    if let Some(change) = kind(
        old.population.is_some(),
        new.population.is_some(),
        same_population(old.population.as_ref(), new.population.as_ref()),
    ) {
        out.push(DataChange {
            kind: "population",
            change,
        });
    }
    out
}

/// The same projection: file, region, alternative and every figure (to the bit).
fn same_population(a: Option<&Population>, b: Option<&Population>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            a.file == b.file
                && a.region == b.region
                && a.alternative == b.alternative
                && a.series.len() == b.series.len()
                && a.series.iter().zip(&b.series).all(|((ka, ya), (kb, yb))| {
                    ka == kb
                        && ya.len() == yb.len()
                        && ya.iter().zip(yb).all(|((ya, aa), (yb, ab))| {
                            ya == yb && aa.iter().zip(ab).all(|(x, y)| x.to_bits() == y.to_bits())
                        })
                })
        }
        (None, None) => true,
        _ => false,
    }
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
            ("municipality".into(), json!(m.municipality)),
            ("municipality_number".into(), json!(m.municipality_number)),
            ("title".into(), json!(m.title)),
            (
                "period".into(),
                json!({"from": m.period.from, "to": m.period.to}),
            ),
            ("base_year".into(), json!(m.base_year)),
            ("adopted".into(), json!(m.adopted.map(|d| d.to_string()))),
            (
                "last_revised".into(),
                json!(m.last_revised.map(|d| d.to_string())),
            ),
            ("owner".into(), json!(m.owner)),
            ("steering_group".into(), json!(m.steering_group)),
            ("working_group".into(), json!(m.working_group)),
            ("user_participation".into(), json!(m.user_participation)),
            ("anchoring".into(), json!(m.anchoring)),
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
            ("name".into(), json!(c.name)),
            ("kind".into(), json!(kind)),
            ("level".into(), level),
            ("dimension".into(), dimension),
            ("styrk".into(), json!(c.styrk)),
            ("retirement_age".into(), json!(c.retirement_age)),
            ("trainable".into(), json!(c.trainable)),
            ("description".into(), json!(c.description)),
        ],
    }
}

fn unit(u: &Unit) -> Keyed {
    Keyed {
        key: u.id.clone(),
        title: Some(u.name.clone()),
        unit: Some(u.id.clone()),
        fields: vec![
            ("name".into(), json!(u.name)),
            ("service".into(), json!(u.service)),
            ("description".into(), json!(u.description)),
        ],
    }
}

fn capacity(c: &CapacityLine) -> Keyed {
    Keyed {
        key: format!("{}/{}", c.unit, c.position),
        title: Some(c.title.clone()),
        unit: Some(c.unit.clone()),
        fields: vec![
            ("title".into(), json!(c.title)),
            ("fte".into(), json!(c.fte)),
            ("accepts".into(), json!(c.accepts)),
            ("annual_growth".into(), json!(c.annual_growth)),
            ("driver".into(), json!(c.driver)),
            ("styrk".into(), json!(c.styrk)),
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
        fields: vec![("share".into(), share), ("count".into(), count)],
    }
}

fn goal(g: &Goal) -> Keyed {
    Keyed {
        key: g.id.clone(),
        title: Some(g.title.clone()),
        unit: None,
        fields: vec![
            ("title".into(), json!(g.title)),
            ("strategies".into(), json!(g.strategies)),
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
            ("goal".into(), json!(m.goal)),
            ("title".into(), json!(m.title)),
            ("strategy".into(), json!(m.strategy)),
            ("competences".into(), json!(m.competences)),
            ("units".into(), json!(m.units)),
            ("responsible".into(), json!(m.responsible)),
            ("arena".into(), json!(m.arena)),
            ("start".into(), json!(m.start)),
            ("end".into(), json!(m.end)),
            ("cost_nok".into(), json!(m.cost_nok)),
            ("indicators".into(), json!(m.indicators)),
            ("status".into(), json!(m.declared_status)),
            ("followup".into(), json!(followup)),
        ],
    }
}

fn indicator(i: &Indicator) -> Keyed {
    let obs = |o: &[crate::model::Observation]| -> Value {
        o.iter()
            .map(|o| json!({"year": o.year, "value": o.value}))
            .collect()
    };
    let mut fields: Fields = vec![("title".into(), json!(i.title))];
    match &i.kind {
        IndicatorKind::EducationShare {
            levels,
            among,
            observed,
        } => {
            fields.push(("metric".into(), json!("education_share")));
            fields.push(("levels".into(), json!(levels)));
            fields.push(("among".into(), json!(among)));
            fields.push(("observed".into(), obs(observed)));
        }
        IndicatorKind::PositionShare {
            min_percent,
            observed,
        } => {
            fields.push(("metric".into(), json!("position_share")));
            fields.push(("min_percent".into(), json!(min_percent)));
            fields.push(("observed".into(), obs(observed)));
        }
        IndicatorKind::Manual {
            unit,
            baseline,
            observed,
        } => {
            fields.push(("unit".into(), json!(unit)));
            fields.push((
                "baseline".into(),
                baseline.map_or(Value::Null, |b| json!({"year": b.year, "value": b.value})),
            ));
            fields.push(("observed".into(), obs(observed)));
        }
    }
    fields.push((
        "target".into(),
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

/// Age bands as `{"67-79": 0.1, "80+": 0.3}`, in age order.
fn bands(b: &[Band]) -> Value {
    Value::Object(b.iter().map(|b| (b.key.clone(), json!(b.rate))).collect())
}

fn driver(d: &Driver) -> Keyed {
    Keyed {
        key: d.id.clone(),
        title: Some(d.title.clone()),
        unit: None,
        fields: vec![
            ("title".into(), json!(d.title)),
            ("rates".into(), bands(&d.bands)),
        ],
    }
}

fn workload(w: &Workload) -> Keyed {
    let a = &w.absence;
    let mut fields: Fields = vec![
        ("working_days".into(), json!(w.working_days)),
        ("hours_per_day".into(), json!(w.hours_per_day)),
        ("hours_per_week".into(), json!(w.hours_per_week)),
        (
            "absence_days".into(),
            json!({"holidays": a.holidays, "vacation": a.vacation, "sick": a.sick, "other": a.other}),
        ),
    ];
    // one field per list item, keyed by the list and the item's name, so a
    // changed standard time shows as that activity's change
    let mut item = |list: &str, name: &str, value: Value| {
        let base = format!("{list}: {name}");
        let mut key = base.clone();
        let mut n = 1;
        while fields.iter().any(|(k, _)| *k == key) {
            n += 1;
            key = format!("{base} ({n})");
        }
        fields.push((key.into(), value));
    };
    for x in &w.activities {
        item(
            "activities",
            &x.name,
            json!({"minutes": x.minutes, "per_year": x.per_year, "driver": x.driver}),
        );
    }
    for x in &w.support {
        item(
            "support",
            &x.name,
            json!({"hours": x.hours, "per": x.per.as_str()}),
        );
    }
    for x in &w.individual {
        item(
            "individual",
            &x.name,
            json!({"hours_per_year": x.hours_per_year, "staff": x.staff}),
        );
    }
    Keyed {
        key: format!("{}/{}", w.unit, w.position),
        title: None,
        unit: Some(w.unit.clone()),
        fields,
    }
}

fn scenario(s: &Scenario) -> Keyed {
    let mut fields: Fields = vec![
        ("title".into(), json!(s.title)),
        ("description".into(), json!(s.description)),
        ("alternative".into(), json!(s.alternative)),
    ];
    // only what the scenario sets itself: a change of the plan's own
    // assumptions shows once, under the assumptions
    let set = |k: &str| s.overrides.iter().find(|(o, _)| *o == k).map(|(_, v)| *v);
    fields.push(("retirement_age".into(), json!(set("retirement_age"))));
    fields.push(("turnover_rate".into(), json!(set("turnover_rate"))));
    fields.push(("efficiency".into(), json!(set("efficiency"))));
    fields.push((
        "rates".into(),
        Value::Object(s.rates.iter().map(|(d, b)| (d.clone(), bands(b))).collect()),
    ));
    Keyed {
        key: s.id.clone(),
        title: Some(s.title.clone()),
        unit: None,
        fields,
    }
}
