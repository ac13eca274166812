//! Validation: raw values → the [`Plan`] model, collecting every problem.
//!
//! In: the [`Raw`] plan the loader read (plan-file items and data rows) and
//! the loaded texts (only to locate fields). Out: a [`Plan`] (sorted, every
//! reference resolved, every number in range) when there are no errors, and a
//! diagnostic for every problem found — all of them, not just the first.
//! Never reads a file: everything it checks was read by [`crate::load`].

pub mod data;
mod demand;
mod items;
mod lint;
mod population;
mod refs;
mod workload;

use std::collections::BTreeMap;

use crate::diag::{suggest, Code, Diagnostic, Diagnostics};
use crate::load::{Item, Raw, RawSet};
use crate::model::{Assumptions, Period, Plan, PlanMeta};
use crate::source::{Loc, Sources};

/// Validate everything read from a plan.
pub fn validate(raw: Raw, sources: &Sources, diags: &mut Diagnostics) -> Option<Plan> {
    let Raw {
        set: raw,
        data,
        population,
    } = raw;
    let meta = plan_meta(&raw, diags);
    let assumptions = assumptions(&raw, diags);
    let mut ids = Ids::default();
    let competences = items::competences(&raw.competence, &mut ids, diags);
    let units = items::units(&raw.unit, &mut ids, diags);
    let drivers = demand::drivers(&raw.driver, &mut ids, diags);
    let scenarios = demand::scenarios(&raw.scenario, &assumptions, &drivers, &ids, diags);
    let population = match &meta {
        Some(m) => population::population(
            one(&raw.population, "population", diags),
            population,
            &population::Needs {
                years: m.base_year..=m.period.to,
                drivers: &drivers,
                driver_items: &raw.driver,
                scenarios: &scenarios,
                scenario_items: &raw.scenario,
            },
            diags,
        ),
        None => None,
    };
    let workload_keys = workload::keys(&raw.workload);
    let capacity = items::capacity(&raw.capacity, &ids, &workload_keys, diags);
    let capacity_keys = raw
        .capacity
        .iter()
        .map(|c| (c.value.unit.clone(), c.value.position.clone()))
        .collect();
    let workloads = workload::workloads(&raw.workload, &ids, &capacity_keys, &ids.drivers, diags);
    let quality = items::quality(&raw.quality, &ids, diags);
    let goals = items::goals(&raw.goal, &mut ids, diags);
    let indicators = items::indicators(
        &raw.indicator,
        &mut ids,
        meta.as_ref().map(|m| m.period),
        diags,
    );
    let measures = items::measures(
        &raw.measure,
        &mut ids,
        meta.as_ref().map(|m| m.period),
        meta.as_ref().and_then(|m| m.revised()),
        diags,
    );
    let (staff, survey) = data::data(data, &ids, sources, diags);
    let meta = meta?;
    let mut plan = Plan {
        meta,
        assumptions,
        competences,
        units,
        capacity,
        quality,
        goals,
        measures,
        indicators,
        workloads,
        staff,
        survey,
        population,
        drivers,
        scenarios,
    };
    // The data rows are already in canonical order (`refs` sorts them while
    // checking them); only confirm the staff order, which is cheap, and leave
    // the survey out of the sort: millions of string comparisons for nothing.
    let survey = std::mem::take(&mut plan.survey);
    plan.normalise();
    plan.survey = survey;
    if diags.has_errors() {
        // Warnings about a plan that does not load would only be noise.
        return None;
    }
    lint::lint(&plan, diags);
    Some(plan)
}

/// Ids defined per kind, with where they were defined, for reference checks.
#[derive(Debug, Default)]
pub struct Ids {
    /// competence id → is formal
    pub competences: BTreeMap<String, (bool, Loc)>,
    pub units: BTreeMap<String, Loc>,
    pub goals: BTreeMap<String, Loc>,
    pub indicators: BTreeMap<String, Loc>,
    pub measures: BTreeMap<String, Loc>,
    pub drivers: BTreeMap<String, Loc>,
}

/// Register an id; report a duplicate naming both places.
pub(crate) fn define(
    map: &mut BTreeMap<String, Loc>,
    kind: &str,
    id: &str,
    loc: Loc,
    diags: &mut Diagnostics,
) -> bool {
    if let Some(first) = map.get(id) {
        diags.push(
            Diagnostic::new(
                Code::DuplicateId,
                format!("{kind} id `{id}` is defined twice"),
            )
            .at(loc)
            .related(first.clone(), "first defined here")
            .hint("ids must be unique; rename or remove one of them"),
        );
        false
    } else {
        map.insert(id.to_string(), loc);
        true
    }
}

/// Report a reference to an id that does not exist, suggesting the nearest one.
pub(crate) fn unknown_ref<'a>(
    kind: &str,
    id: &str,
    loc: Loc,
    known: impl Iterator<Item = &'a String> + Clone,
    diags: &mut Diagnostics,
) {
    let mut d = Diagnostic::new(Code::UnknownReference, format!("unknown {kind} `{id}`")).at(loc);
    d = match suggest(id, known.clone().map(String::as_str)) {
        Some(s) => d.hint(format!("did you mean `{s}`?")),
        None => {
            let list: Vec<&str> = known.map(String::as_str).take(12).collect();
            if list.is_empty() {
                d.hint(format!("no {kind} is defined; add one"))
            } else {
                d.hint(format!("defined: {}", list.join(", ")))
            }
        }
    };
    diags.push(d);
}

pub(crate) fn out_of_range(loc: Loc, msg: String, hint: &str) -> Diagnostic {
    Diagnostic::new(Code::OutOfRange, msg).at(loc).hint(hint)
}

/// A year must be plausible (1900–2200).
pub(crate) fn year(value: i64, loc: Loc, what: &str, diags: &mut Diagnostics) -> Option<i32> {
    if (1900..=2200).contains(&value) {
        Some(value as i32)
    } else {
        diags.push(out_of_range(
            loc,
            format!("{what} {value} is not a plausible year"),
            "write a four-digit year, e.g. 2026",
        ));
        None
    }
}

fn one<'a, T>(items: &'a [Item<T>], section: &str, diags: &mut Diagnostics) -> Option<&'a Item<T>> {
    for extra in items.iter().skip(1) {
        let code = if section == "plan" {
            Code::DuplicatePlan
        } else {
            Code::DuplicateSection
        };
        let mut d = Diagnostic::new(
            code,
            format!("`[{section}]` is given more than once in the plan directory"),
        )
        .at(extra.loc())
        .hint(format!("keep exactly one `[{section}]` table in one file"));
        if let Some(first) = items.first() {
            d = d.related(first.loc(), "first given here");
        }
        diags.push(d);
    }
    items.first()
}

pub(crate) fn date(
    s: &str,
    loc: Loc,
    key: &str,
    diags: &mut Diagnostics,
) -> Option<crate::model::Date> {
    match s.parse::<crate::model::Date>() {
        Ok(d) if s.len() == 10 => Some(d),
        _ => {
            diags.push(
                Diagnostic::new(
                    Code::InvalidValue,
                    format!("`{key}` is not a valid date: `{s}`"),
                )
                .at(loc)
                .hint("write the date as YYYY-MM-DD, e.g. 2025-03-04"),
            );
            None
        }
    }
}

fn plan_meta(raw: &RawSet, diags: &mut Diagnostics) -> Option<PlanMeta> {
    let Some(item) = one(&raw.plan, "plan", diags) else {
        // a plan file that could not be read may hold the table: say nothing
        // untrue (its syntax error is reported)
        if diags.iter().any(|d| d.code == Code::ParseError) {
            return None;
        }
        diags.push(
            Diagnostic::new(Code::MissingPlan, "no `[plan]` table in the plan directory")
                .hint("add a `[plan]` table (municipality, title, period, ...) to one file, e.g. plan.toml; `plan init` writes a skeleton"),
        );
        return None;
    };
    let p = &item.value;
    let mut ok = true;
    // every required key at once, where the table is
    for (key, given) in [
        ("municipality", p.municipality.is_some()),
        ("title", p.title.is_some()),
        ("period", p.period.is_some()),
    ] {
        if !given {
            diags.push(
                Diagnostic::new(
                    Code::MissingField,
                    format!("[plan] is missing the required key `{key}`"),
                )
                .at(item.loc())
                .hint(match key {
                    "period" => "add `period = { from = 2025, to = 2029 }`".to_string(),
                    _ => format!("add `{key} = \"...\"`"),
                }),
            );
            ok = false;
        }
    }
    if let Some(n) = &p.municipality_number {
        if !(n.len() == 4 && n.bytes().all(|b| b.is_ascii_digit())) {
            diags.push(
                Diagnostic::new(
                    Code::InvalidValue,
                    format!("municipality_number `{n}` is not four digits"),
                )
                .at(item.field("municipality_number"))
                .hint(
                    "write the kommunenummer as a four-digit string, leading zero kept, e.g. \"0301\"",
                ),
            );
            ok = false;
        }
    }
    let period_loc = item.field("period");
    let (from, to) = match &p.period {
        None => (None, None),
        Some(period) => (
            year(period.from, period_loc.clone(), "period.from", diags),
            year(period.to, period_loc.clone(), "period.to", diags),
        ),
    };
    let period = match (from, to) {
        (Some(f), Some(t)) if f <= t => Some((f, t)),
        (Some(f), Some(t)) => {
            diags.push(out_of_range(
                period_loc,
                format!("period.from {f} is after period.to {t}"),
                "the period runs from its first to its last year",
            ));
            None
        }
        _ => None,
    };
    let base_year = match (p.base_year, period) {
        (_, None) => None,
        (None, Some((from, _))) => Some(from),
        (Some(b), Some((from, to))) if (i64::from(from)..=i64::from(to)).contains(&b) => {
            Some(b as i32)
        }
        (Some(b), Some((from, to))) => {
            diags.push(out_of_range(
                item.field("base_year"),
                format!("base_year {b} is outside the plan period {from}–{to}"),
                "the base year is the year of the roster, within the period",
            ));
            None
        }
    };
    let optional_date = |key: &str, value: &Option<String>, diags: &mut Diagnostics| match value {
        None => Ok(None),
        Some(s) => date(s, item.field(key), key, diags).map(Some).ok_or(()),
    };
    let adopted = optional_date("adopted", &p.adopted, diags);
    let last_revised = optional_date("last_revised", &p.last_revised, diags);
    let (Ok(adopted), Ok(last_revised)) = (adopted, last_revised) else {
        return None;
    };
    if let (Some(a), Some(l)) = (adopted, last_revised) {
        if l < a {
            diags.push(out_of_range(
                item.field("last_revised"),
                format!("last_revised {l} is before adopted {a}"),
                "a plan is revised after it is adopted",
            ));
            ok = false;
        }
    }
    let (Some(municipality), Some(title), Some((from, to)), Some(base_year)) =
        (&p.municipality, &p.title, period, base_year)
    else {
        return None;
    };
    ok.then(|| PlanMeta {
        municipality: municipality.clone(),
        municipality_number: p.municipality_number.clone(),
        title: title.clone(),
        period: Period { from, to },
        base_year,
        adopted,
        last_revised,
        owner: p.owner.clone(),
        steering_group: p.steering_group.clone(),
        working_group: p.working_group.clone(),
        user_participation: p.user_participation.clone(),
        anchoring: p.anchoring.clone(),
        loc: Some(item.loc()),
        last_revised_loc: Some(if p.last_revised.is_some() {
            item.field("last_revised")
        } else {
            item.field("adopted")
        }),
    })
}

fn assumptions(raw: &RawSet, diags: &mut Diagnostics) -> Assumptions {
    let mut a = Assumptions::default();
    let Some(item) = one(&raw.assumptions, "assumptions", diags) else {
        return a;
    };
    let v = &item.value;
    if let Some(r) = v.retirement_age {
        if (50..=80).contains(&r) {
            a.retirement_age = r as u32;
        } else {
            diags.push(out_of_range(
                item.field("retirement_age"),
                format!("retirement_age {r} is outside 50–80"),
                "the general age limit in KLP is 70; most plans use 67",
            ));
        }
    }
    if let Some(t) = v.turnover_rate {
        if (0.0..=1.0).contains(&t) {
            a.turnover_rate = t;
        } else {
            diags.push(out_of_range(
                item.field("turnover_rate"),
                format!("turnover_rate {t} is outside 0–1"),
                "a yearly share, e.g. 0.1 for 10 %",
            ));
        }
    }
    if let Some(e) = v.efficiency {
        if e.is_finite() && (-0.5..=0.5).contains(&e) {
            a.efficiency = e;
        } else {
            diags.push(out_of_range(
                item.field("efficiency"),
                format!("efficiency {e} is outside −0.5–0.5"),
                "labour saved per year by innovation and welfare technology, e.g. 0.01 for 1 %",
            ));
        }
    }
    if let Some(m) = v.min_group_size {
        if (1..=1000).contains(&m) {
            a.min_group_size = m as u32;
        } else {
            diags.push(out_of_range(
                item.field("min_group_size"),
                format!("min_group_size {m} is outside 1–1000"),
                "the anonymity threshold; 5 is usual",
            ));
        }
    }
    a
}
