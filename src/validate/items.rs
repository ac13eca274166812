//! Validation of the collections in the TOML/YAML files: competences, units,
//! capacity and quality requirements, goals, measures, indicators.

use std::collections::BTreeMap;

use super::{define, out_of_range, unknown_ref, year, Ids};
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::load::Item;
use crate::model::raw::{
    self, RawCapacity, RawCompetence, RawGoal, RawIndicator, RawMeasure, RawQuality, RawUnit,
};
use crate::model::{
    CapacityLine, Competence, CompetenceKind, Date, FollowUp, Goal, Indicator, IndicatorKind,
    Measure, MeasureStatus, Metric, Observation, Period, QualityAmount, QualityLine, Target, Unit,
};
use crate::source::Loc;

fn styrk_ok(item_styrk: &Option<String>, loc: Loc, diags: &mut Diagnostics) -> bool {
    match item_styrk {
        Some(s) if !(s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())) => {
            diags.push(
                Diagnostic::new(
                    Code::InvalidValue,
                    format!("styrk `{s}` is not a four-digit STYRK-08 code"),
                )
                .at(loc)
                .hint("e.g. \"2223\" for sykepleiere, \"5321\" for helsefagarbeidere"),
            );
            false
        }
        _ => true,
    }
}

pub fn competences(
    items: &[Item<RawCompetence>],
    ids: &mut Ids,
    diags: &mut Diagnostics,
) -> Vec<Competence> {
    let mut out = Vec::new();
    let mut defined: BTreeMap<String, Loc> = BTreeMap::new();
    for item in items {
        let c = &item.value;
        let fresh = define(&mut defined, "competence", &c.id, item.field("id"), diags);
        let kind = match (c.kind, c.level, c.dimension) {
            (raw::CompetenceKind::Formal, Some(level), None) => Some(CompetenceKind::Formal(level)),
            (raw::CompetenceKind::Real, None, Some(dim)) => Some(CompetenceKind::Real(dim)),
            (raw::CompetenceKind::Formal, _, Some(_)) => {
                diags.push(
                    Diagnostic::new(
                        Code::ConflictingFields,
                        format!("formal competence `{}` has a `dimension`", c.id),
                    )
                    .at(item.field("dimension"))
                    .hint("`dimension` is for real competences; formal ones have a `level`"),
                );
                None
            }
            (raw::CompetenceKind::Real, Some(_), _) => {
                diags.push(
                    Diagnostic::new(
                        Code::ConflictingFields,
                        format!("real competence `{}` has a `level`", c.id),
                    )
                    .at(item.field("level"))
                    .hint("`level` is for formal competences; real ones have a `dimension`"),
                );
                None
            }
            (raw::CompetenceKind::Formal, None, None) => {
                diags.push(
                    Diagnostic::new(
                        Code::MissingField,
                        format!("formal competence `{}` is missing `level`", c.id),
                    )
                    .at(item.loc())
                    .hint("add e.g. `level = \"bachelor\"`"),
                );
                None
            }
            (raw::CompetenceKind::Real, None, None) => {
                diags.push(
                    Diagnostic::new(
                        Code::MissingField,
                        format!("real competence `{}` is missing `dimension`", c.id),
                    )
                    .at(item.loc())
                    .hint("add `dimension` = knowledge, skill, attitude or ability"),
                );
                None
            }
        };
        let styrk = styrk_ok(&c.styrk, item.field("styrk"), diags);
        let retirement_age = match c.retirement_age {
            Some(r) if !(50..=80).contains(&r) => {
                diags.push(out_of_range(
                    item.field("retirement_age"),
                    format!("retirement_age {r} is outside 50–80"),
                    "særaldersgrense is 65 for many care positions",
                ));
                None
            }
            r => r.map(|r| r as u32),
        };
        if fresh {
            if let Some(kind) = &kind {
                ids.competences.insert(
                    c.id.clone(),
                    (matches!(kind, CompetenceKind::Formal(_)), item.field("id")),
                );
            }
        }
        if let (Some(kind), true) = (kind, styrk) {
            out.push(Competence {
                id: c.id.clone(),
                name: c.name.clone(),
                kind,
                styrk: c.styrk.clone(),
                retirement_age,
                trainable: c.trainable.unwrap_or(true),
                description: c.description.clone(),
                loc: Some(item.loc()),
            });
        }
    }
    out
}

pub fn units(items: &[Item<RawUnit>], ids: &mut Ids, diags: &mut Diagnostics) -> Vec<Unit> {
    let mut out = Vec::new();
    for item in items {
        let u = &item.value;
        if define(&mut ids.units, "unit", &u.id, item.field("id"), diags) {
            out.push(Unit {
                id: u.id.clone(),
                name: u.name.clone(),
                service: u.service.clone(),
                description: u.description.clone(),
                loc: Some(item.loc()),
            });
        }
    }
    out
}

/// The largest `fte` of one capacity line: more than all municipal care staff
/// in Norway. With it every figure of the analysis stays finite (docs/method.md).
pub const MAX_FTE: f64 = 100_000.0;
/// The largest yearly `cost_nok` of one measure (a thousand billion kroner).
pub const MAX_COST_NOK: f64 = 1e12;

/// Check a reference to a competence; `want_formal` = Some(true) for formal only.
pub(crate) fn competence_ref(
    ids: &Ids,
    id: &str,
    loc: Loc,
    want_formal: Option<bool>,
    diags: &mut Diagnostics,
) -> bool {
    match ids.competences.get(id) {
        None => {
            let known: Vec<&String> = ids
                .competences
                .iter()
                .filter(|(_, (f, _))| want_formal.is_none_or(|w| w == *f))
                .map(|(k, _)| k)
                .collect();
            unknown_ref("competence", id, loc, known.into_iter(), diags);
            false
        }
        Some((formal, def)) => match want_formal {
            Some(w) if w != *formal => {
                let (is, want) = if *formal {
                    ("formal", "real")
                } else {
                    ("real", "formal")
                };
                diags.push(
                    Diagnostic::new(Code::WrongCompetenceKind, format!("`{id}` is a {is} competence, but a {want} one is required here"))
                        .at(loc)
                        .related(def.clone(), "defined here")
                        .hint(if w { "capacity lines, education and studying name formal competences (educations)" } else { "quality lines and survey answers name real competences (skill areas)" }),
                );
                false
            }
            _ => true,
        },
    }
}

pub(crate) fn unit_ref(ids: &Ids, id: &str, loc: Loc, diags: &mut Diagnostics) -> bool {
    if ids.units.contains_key(id) {
        true
    } else {
        unknown_ref("unit", id, loc, ids.units.keys(), diags);
        false
    }
}

/// The capacity lines. `workloads`: the (unit, position) of every workload,
/// whose lines may omit `fte`.
pub fn capacity(
    items: &[Item<RawCapacity>],
    ids: &Ids,
    workloads: &std::collections::BTreeSet<(String, String)>,
    diags: &mut Diagnostics,
) -> Vec<CapacityLine> {
    let mut out = Vec::new();
    let mut seen: BTreeMap<String, Loc> = BTreeMap::new();
    for item in items {
        let c = &item.value;
        let mut ok = unit_ref(ids, &c.unit, item.field("unit"), diags);
        ok &= define(
            &mut seen,
            "capacity line (unit, position)",
            &format!("{}/{}", c.unit, c.position),
            item.field("position"),
            diags,
        );
        if c.position.trim().is_empty() {
            diags.push(
                Diagnostic::new(Code::InvalidValue, "`position` is empty")
                    .at(item.field("position")),
            );
            ok = false;
        }
        match c.fte {
            Some(fte) if !(fte.is_finite() && (0.0..=MAX_FTE).contains(&fte)) => {
                diags.push(out_of_range(
                    item.field("fte"),
                    format!("fte {fte} is outside 0–{MAX_FTE}"),
                    "årsverk required in the base year, e.g. 6.0",
                ));
                ok = false;
            }
            Some(_) => {}
            // a bad `fte` (or a typo of it) was reported and left out by the loader
            None if fte_reported(item) => ok = false,
            None if !workloads.contains(&(c.unit.clone(), c.position.clone())) => {
                diags.push(
                    Diagnostic::new(
                        Code::MissingField,
                        format!("the capacity line `{}` / `{}` has no `fte`", c.unit, c.position),
                    )
                    .at(item.loc())
                    .hint("add `fte` (årsverk in the base year), or a `[[workload]]` for this unit and position to compute it (WISN)"),
                );
                ok = false;
            }
            None if c.annual_growth.is_some() => {
                diags.push(
                    Diagnostic::new(
                        Code::ConflictingFields,
                        format!(
                            "the capacity line `{}` / `{}` takes its requirement from its workload and also sets `annual_growth`",
                            c.unit, c.position
                        ),
                    )
                    .at(item.field("annual_growth"))
                    .hint("remove `annual_growth`: the workload's volumes set the growth (give `fte` to use a growth rate instead)"),
                );
                ok = false;
            }
            None if c.driver.is_some() => {
                diags.push(
                    Diagnostic::new(
                        Code::ConflictingFields,
                        format!(
                            "the capacity line `{}` / `{}` takes its requirement from its workload and also sets `driver`",
                            c.unit, c.position
                        ),
                    )
                    .at(item.field("driver"))
                    .hint("remove `driver`: give the workload's activities a `driver` to grow their volumes (give `fte` to grow the line by the driver instead)"),
                );
                ok = false;
            }
            None => {}
        }
        if c.accepts.is_empty() {
            diags.push(
                Diagnostic::new(Code::MissingField, "`accepts` is empty")
                    .at(item.field("accepts"))
                    .hint("list the accepted formal competences, the primary one first"),
            );
            ok = false;
        }
        for (i, a) in c.accepts.iter().enumerate() {
            ok &= competence_ref(ids, a, item.elem("accepts", i), Some(true), diags);
        }
        if let Some(d) = &c.driver {
            if c.annual_growth.is_some() {
                diags.push(
                    Diagnostic::new(
                        Code::ConflictingFields,
                        "a capacity line gives both `driver` and `annual_growth`",
                    )
                    .at(item.field("annual_growth"))
                    .hint("the driver's index D(y)/D(B) grows the requirement; remove `annual_growth`, or the driver"),
                );
                ok = false;
            }
            if !ids.drivers.contains_key(d) {
                super::unknown_ref("driver", d, item.field("driver"), ids.drivers.keys(), diags);
                ok = false;
            }
        }
        let growth = c.annual_growth.unwrap_or(0.0);
        if !(growth.is_finite() && (-0.5..=1.0).contains(&growth)) {
            diags.push(out_of_range(
                item.field("annual_growth"),
                format!("annual_growth {growth} is outside −0.5–1"),
                "a fraction per year, e.g. 0.05 for 5 % growth",
            ));
            ok = false;
        }
        ok &= styrk_ok(&c.styrk, item.field("styrk"), diags);
        if ok {
            out.push(CapacityLine {
                unit: c.unit.clone(),
                position: c.position.clone(),
                title: c.title.clone(),
                fte: c.fte,
                accepts: c.accepts.clone(),
                annual_growth: growth,
                driver: c.driver.clone(),
                styrk: c.styrk.clone(),
                loc: Some(item.loc()),
            });
        }
    }
    out
}

/// Whether the loader already reported the capacity line's `fte`: the key is
/// there but its value was not a number, or an unknown key is a typo of it.
fn fte_reported(item: &Item<RawCapacity>) -> bool {
    use crate::load::node::NodeKind;
    const KEYS: [&str; 8] = [
        "unit",
        "position",
        "title",
        "fte",
        "accepts",
        "annual_growth",
        "driver",
        "styrk",
    ];
    match &item.node.kind {
        NodeKind::Table(entries) => entries.iter().any(|(k, _)| {
            k.name == "fte"
                || (!KEYS.contains(&k.name.as_str())
                    && crate::diag::suggest(&k.name, ["fte"]).is_some())
        }),
        _ => false,
    }
}

/// A decimal in [0, 1] as an exact fraction, from its shortest decimal text.
pub(crate) fn exact_fraction(x: f64) -> Option<(u64, u64)> {
    let text = format!("{x}");
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    if frac.len() > 15 {
        return None;
    }
    let den = 10u64.checked_pow(frac.len() as u32)?;
    let int: u64 = int.parse().ok()?;
    let frac: u64 = if frac.is_empty() {
        0
    } else {
        frac.parse().ok()?
    };
    Some((int.checked_mul(den)?.checked_add(frac)?, den))
}

pub fn quality(items: &[Item<RawQuality>], ids: &Ids, diags: &mut Diagnostics) -> Vec<QualityLine> {
    let mut out = Vec::new();
    let mut seen: BTreeMap<String, Loc> = BTreeMap::new();
    for item in items {
        let q = &item.value;
        let mut ok = unit_ref(ids, &q.unit, item.field("unit"), diags);
        ok &= competence_ref(
            ids,
            &q.competence,
            item.field("competence"),
            Some(false),
            diags,
        );
        ok &= define(
            &mut seen,
            "quality line (unit, competence, min_level)",
            &format!("{}/{}/{}", q.unit, q.competence, q.min_level),
            item.field("competence"),
            diags,
        );
        if !(1..=5).contains(&q.min_level) {
            diags.push(out_of_range(
                item.field("min_level"),
                format!("min_level {} is outside 1–5", q.min_level),
                "survey levels go from 1 to 5",
            ));
            ok = false;
        }
        let amount = match (q.share, q.count) {
            (Some(_), Some(_)) => {
                diags.push(
                    Diagnostic::new(
                        Code::ConflictingFields,
                        "a quality line has both `share` and `count`",
                    )
                    .at(item.field("count"))
                    .hint("give exactly one of them"),
                );
                None
            }
            (None, None) => {
                diags.push(
                    Diagnostic::new(
                        Code::MissingField,
                        "a quality line needs `share` or `count`",
                    )
                    .at(item.loc())
                    .hint("e.g. `share = 0.5` (half the unit's staff) or `count = 3` (persons)"),
                );
                None
            }
            (Some(s), None) => match exact_fraction(s) {
                Some((num, den)) if s.is_finite() && (0.0..=1.0).contains(&s) => {
                    Some(QualityAmount::Share { num, den })
                }
                _ => {
                    diags.push(out_of_range(
                        item.field("share"),
                        format!("share {s} is outside 0–1"),
                        "a share of the unit's staff, e.g. 0.5",
                    ));
                    None
                }
            },
            (None, Some(c)) => match u32::try_from(c) {
                Ok(c) => Some(QualityAmount::Count(c)),
                Err(_) => {
                    diags.push(out_of_range(
                        item.field("count"),
                        format!("count {c} must be 0 or more"),
                        "a number of persons",
                    ));
                    None
                }
            },
        };
        if let (true, Some(amount)) = (ok, amount) {
            out.push(QualityLine {
                unit: q.unit.clone(),
                competence: q.competence.clone(),
                min_level: q.min_level as u8,
                amount,
                loc: Some(item.loc()),
            });
        }
    }
    out
}

pub fn goals(items: &[Item<RawGoal>], ids: &mut Ids, diags: &mut Diagnostics) -> Vec<Goal> {
    let mut out = Vec::new();
    for item in items {
        let g = &item.value;
        if define(&mut ids.goals, "goal", &g.id, item.field("id"), diags) {
            out.push(Goal {
                id: g.id.clone(),
                title: g.title.clone(),
                strategies: g.strategies.clone(),
                loc: Some(item.loc()),
            });
        }
    }
    out
}

fn observation(o: &raw::RawObservation, loc: Loc, diags: &mut Diagnostics) -> Option<Observation> {
    let year = year(o.year, loc.clone(), "year", diags)?;
    if !o.value.is_finite() {
        diags.push(out_of_range(
            loc,
            format!("value {} is not a number", o.value),
            "write a finite number",
        ));
        return None;
    }
    Some(Observation {
        year,
        value: o.value,
    })
}

pub fn indicators(
    items: &[Item<RawIndicator>],
    ids: &mut Ids,
    _period: Option<Period>,
    diags: &mut Diagnostics,
) -> Vec<Indicator> {
    let mut out = Vec::new();
    for item in items {
        let i = &item.value;
        let mut ok = define(
            &mut ids.indicators,
            "indicator",
            &i.id,
            item.field("id"),
            diags,
        );
        // computed indicators may carry observed values from official
        // sources, but not the manual indicator's unit and baseline
        let manual_keys = [
            ("unit", i.unit.is_some()),
            ("baseline", i.baseline.is_some()),
        ];
        let observed: Vec<Observation> = i
            .observed
            .iter()
            .flatten()
            .enumerate()
            .filter_map(|(n, o)| observation(o, item.elem("observed", n), diags))
            .collect();
        let kind = match i.metric {
            Some(metric) => {
                for (key, present) in manual_keys {
                    if present {
                        diags.push(Diagnostic::new(Code::ConflictingFields, format!("computed indicator `{}` has the manual key `{key}`", i.id)).at(item.field(key)).hint("an indicator is either computed (`metric`, with optional `observed` values) or manual (`unit`, `baseline`, `observed`)"));
                        ok = false;
                    }
                }
                let wrong = |key: &str, present: bool, diags: &mut Diagnostics| {
                    if present {
                        diags.push(
                            Diagnostic::new(
                                Code::ConflictingFields,
                                format!("`{key}` does not belong to metric `{}`", metric.as_str()),
                            )
                            .at(item.field(key)),
                        );
                    }
                    !present
                };
                match metric {
                    Metric::EducationShare => {
                        ok &= wrong("min_percent", i.min_percent.is_some(), diags);
                        match &i.levels {
                            Some(levels) if !levels.is_empty() => {
                                Some(IndicatorKind::EducationShare {
                                    levels: levels.clone(),
                                    among: i.among.clone(),
                                    observed: observed.clone(),
                                })
                            }
                            _ => {
                                diags.push(
                                    Diagnostic::new(
                                        Code::MissingField,
                                        format!(
                                            "education_share indicator `{}` needs `levels`",
                                            i.id
                                        ),
                                    )
                                    .at(item.field("metric"))
                                    .hint("e.g. levels = [\"bachelor\", \"master\"]"),
                                );
                                None
                            }
                        }
                    }
                    Metric::PositionShare => {
                        ok &= wrong("levels", i.levels.is_some(), diags);
                        ok &= wrong("among", i.among.is_some(), diags);
                        match i.min_percent {
                            Some(p) if p.is_finite() && p > 0.0 && p <= 100.0 => {
                                Some(IndicatorKind::PositionShare {
                                    min_percent: p,
                                    observed: observed.clone(),
                                })
                            }
                            Some(p) => {
                                diags.push(out_of_range(
                                    item.field("min_percent"),
                                    format!("min_percent {p} is outside 0–100"),
                                    "e.g. 100 for full time, 75 for the Stange rule",
                                ));
                                None
                            }
                            None => {
                                diags.push(
                                    Diagnostic::new(
                                        Code::MissingField,
                                        format!(
                                            "position_share indicator `{}` needs `min_percent`",
                                            i.id
                                        ),
                                    )
                                    .at(item.field("metric"))
                                    .hint("e.g. min_percent = 100"),
                                );
                                None
                            }
                        }
                    }
                }
            }
            None => {
                for (key, present) in [
                    ("levels", i.levels.is_some()),
                    ("among", i.among.is_some()),
                    ("min_percent", i.min_percent.is_some()),
                ] {
                    if present {
                        diags.push(Diagnostic::new(Code::ConflictingFields, format!("`{key}` needs `metric`")).at(item.field(key)).hint("add `metric = \"education_share\"` or `\"position_share\"`, or remove the key"));
                        ok = false;
                    }
                }
                if i.unit.is_none() && i.baseline.is_none() && i.observed.is_none() {
                    diags.push(Diagnostic::new(Code::MissingField, format!("indicator `{}` has neither `metric` nor `baseline`/`observed`", i.id)).at(item.loc()).hint("a computed indicator sets `metric`; a manual one sets `unit`, `baseline` and `observed`"));
                    None
                } else {
                    let baseline = i
                        .baseline
                        .as_ref()
                        .and_then(|b| observation(b, item.field("baseline"), diags));
                    Some(IndicatorKind::Manual {
                        unit: i.unit.clone().unwrap_or_default(),
                        baseline,
                        observed,
                    })
                }
            }
        };
        let target = match &i.target {
            None => None,
            Some(t) => {
                let y = year(t.year, item.field("target"), "target.year", diags);
                if t.min.is_none() && t.max.is_none() {
                    diags.push(
                        Diagnostic::new(Code::MissingField, "`target` needs `min` or `max`")
                            .at(item.field("target"))
                            .hint("e.g. target = { year = 2029, min = 0.5 }"),
                    );
                    ok = false;
                }
                if let (Some(lo), Some(hi)) = (t.min, t.max) {
                    if lo > hi {
                        diags.push(out_of_range(
                            item.field("target"),
                            format!("target min {lo} is above max {hi}"),
                            "min must not exceed max",
                        ));
                        ok = false;
                    }
                }
                y.map(|year| Target {
                    year,
                    min: t.min,
                    max: t.max,
                })
            }
        };
        if let (true, Some(kind)) = (ok, kind) {
            out.push(Indicator {
                id: i.id.clone(),
                title: i.title.clone(),
                kind,
                target,
                loc: Some(item.loc()),
            });
        }
    }
    out
}

pub fn measures(
    items: &[Item<RawMeasure>],
    ids: &mut Ids,
    period: Option<Period>,
    last_revised: Option<Date>,
    diags: &mut Diagnostics,
) -> Vec<Measure> {
    let mut out = Vec::new();
    for item in items {
        let m = &item.value;
        let mut ok = define(&mut ids.measures, "measure", &m.id, item.field("id"), diags);
        if !ids.goals.contains_key(&m.goal) {
            unknown_ref("goal", &m.goal, item.field("goal"), ids.goals.keys(), diags);
            ok = false;
        }
        for (n, c) in m.competences.iter().enumerate() {
            ok &= competence_ref(ids, c, item.elem("competences", n), None, diags);
        }
        for (n, u) in m.units.iter().flatten().enumerate() {
            ok &= unit_ref(ids, u, item.elem("units", n), diags);
        }
        for (n, ind) in m.indicators.iter().enumerate() {
            if !ids.indicators.contains_key(ind) {
                unknown_ref(
                    "indicator",
                    ind,
                    item.elem("indicators", n),
                    ids.indicators.keys(),
                    diags,
                );
                ok = false;
            }
        }
        let start = year(m.start, item.field("start"), "start", diags);
        let end = year(m.end, item.field("end"), "end", diags);
        if let (Some(s), Some(e)) = (start, end) {
            if s > e {
                diags.push(out_of_range(
                    item.field("end"),
                    format!("measure `{}` ends ({e}) before it starts ({s})", m.id),
                    "end is the last year of the measure",
                ));
                ok = false;
            } else if let Some(p) = period {
                if s < p.from || e > p.to {
                    diags.push(
                        Diagnostic::new(
                            Code::MeasureOutsidePeriod,
                            format!(
                                "measure `{}` runs {s}–{e}, outside the plan period {}–{}",
                                m.id, p.from, p.to
                            ),
                        )
                        .at(item.field(if s < p.from { "start" } else { "end" }))
                        .hint("move the measure into the period, or extend the period"),
                    );
                }
            }
        }
        if let Some(c) = m.cost_nok {
            if !(c.is_finite() && (0.0..=MAX_COST_NOK).contains(&c)) {
                diags.push(out_of_range(
                    item.field("cost_nok"),
                    format!("cost_nok {c} is outside 0–{MAX_COST_NOK}"),
                    "the yearly cost in kroner",
                ));
                ok = false;
            }
        }
        if m.competences.is_empty() {
            diags.push(
                Diagnostic::new(
                    Code::MissingField,
                    format!("measure `{}` names no competences", m.id),
                )
                .at(item.field("competences"))
                .hint("list the competence ids the measure builds, mobilises or recruits"),
            );
            ok = false;
        }
        if m.indicators.is_empty() {
            diags.push(
                Diagnostic::new(
                    Code::MeasureWithoutIndicator,
                    format!("measure `{}` has no indicator", m.id),
                )
                .at(item.loc())
                .hint("add `indicators = [...]` so the measure can be evaluated (KS step 7)"),
            );
        }
        if m.responsible.is_empty() {
            diags.push(
                Diagnostic::new(
                    Code::MeasureWithoutResponsible,
                    format!("measure `{}` has no responsible role", m.id),
                )
                .at(item.loc())
                .hint("add e.g. `responsible = [\"virksomhetsleder\", \"hr\"]`"),
            );
        }
        let (followup, followup_ok) = followups(m, item, diags);
        ok &= followup_ok;
        let declared_status = m.status.unwrap_or_default();
        if let (true, Some(start), Some(end)) = (ok, start, end) {
            out.push(Measure {
                id: m.id.clone(),
                goal: m.goal.clone(),
                title: m.title.clone(),
                strategy: m.strategy,
                competences: m.competences.clone(),
                units: m.units.clone(),
                responsible: m.responsible.clone(),
                arena: m.arena,
                start,
                end,
                cost_nok: m.cost_nok,
                indicators: m.indicators.clone(),
                status: status_now(declared_status, &followup, last_revised),
                declared_status,
                followup,
                loc: Some(item.loc()),
            });
        }
    }
    out
}

/// The largest `participants` of one follow-up entry.
pub const MAX_PARTICIPANTS: i64 = 1_000_000;

/// A measure's follow-up entries, sorted by date (stable), and whether all
/// of them are valid.
fn followups(
    m: &RawMeasure,
    item: &Item<RawMeasure>,
    diags: &mut Diagnostics,
) -> (Vec<FollowUp>, bool) {
    let mut ok = true;
    let mut out = Vec::new();
    for (n, f) in m.followup.iter().enumerate() {
        let at = |key: &str| elem_field(item, "followup", n, key);
        let date = super::date(&f.date, at("date"), "followup.date", diags);
        let participants = match f.participants {
            Some(p) if !(0..=MAX_PARTICIPANTS).contains(&p) => {
                diags.push(out_of_range(
                    at("participants"),
                    format!("participants {p} is outside 0–{MAX_PARTICIPANTS}"),
                    "the number of staff who took part",
                ));
                ok = false;
                None
            }
            p => p.map(|p| p as u32),
        };
        match date {
            Some(date) => out.push(FollowUp {
                date,
                status: f.status,
                participants,
                note: f.note.clone(),
            }),
            None => ok = false,
        }
    }
    out.sort_by_key(|f| f.date);
    (out, ok)
}

/// Location of `key` in element `n` of the list of tables `list`, or of the
/// element (or the list) when it is absent.
pub(crate) fn elem_field<T>(item: &Item<T>, list: &str, n: usize, key: &str) -> Loc {
    use crate::load::node::NodeKind;
    match item.node.get(list).map(|l| &l.kind) {
        Some(NodeKind::Array(elems)) => match elems.get(n) {
            Some(e) => Loc::new(
                item.file,
                e.get(key).map_or_else(|| e.anchor(), |k| k.span.clone()),
            ),
            None => item.field(list),
        },
        _ => item.field(list),
    }
}

/// The status of a measure now: the latest follow-up entry's status when it
/// is dated after the plan's `last_revised`, else the `status` written.
pub(crate) fn status_now(
    declared: MeasureStatus,
    followup: &[FollowUp],
    last_revised: Option<Date>,
) -> MeasureStatus {
    match (followup.last(), last_revised) {
        (Some(latest), Some(revised)) if latest.date > revised => latest.status,
        _ => declared,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_follow_up_after_the_revision_sets_the_status() {
        let d = |s: &str| s.parse::<Date>().unwrap_or_else(|e| panic!("{e}"));
        let entry = |date: &str, status| FollowUp {
            date: d(date),
            status,
            participants: None,
            note: None,
        };
        let revised = Some(d("2025-03-04"));
        let f = [
            entry("2025-01-10", MeasureStatus::Ongoing),
            entry("2025-09-01", MeasureStatus::Done),
        ];
        assert_eq!(
            status_now(MeasureStatus::Planned, &f, revised),
            MeasureStatus::Done
        );
        // on the revision day itself the file's status stands
        let same_day = [entry("2025-03-04", MeasureStatus::Done)];
        assert_eq!(
            status_now(MeasureStatus::Ongoing, &same_day, revised),
            MeasureStatus::Ongoing
        );
        assert_eq!(
            status_now(MeasureStatus::Ongoing, &f[..1], revised),
            MeasureStatus::Ongoing
        );
        assert_eq!(
            status_now(MeasureStatus::Cancelled, &[], revised),
            MeasureStatus::Cancelled
        );
    }

    #[test]
    fn fractions_are_exact() {
        assert_eq!(exact_fraction(0.14), Some((14, 100)));
        assert_eq!(exact_fraction(0.5), Some((5, 10)));
        assert_eq!(exact_fraction(1.0), Some((1, 1)));
        assert_eq!(exact_fraction(0.0), Some((0, 1)));
    }
}
