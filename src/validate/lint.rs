//! Warnings about a plan that is valid but probably not what its authors meant:
//! unused definitions, indicators without targets, goals that cannot be
//! evaluated, staff in positions without a
//! capacity line.

use std::collections::BTreeSet;

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::model::{IndicatorKind, Plan};

/// KS's seven steps and what fills each in a plan: the step, and the keys
/// that are still missing.
fn steps(plan: &Plan) -> Vec<(&'static str, Vec<&'static str>)> {
    let m = &plan.meta;
    let missing = |pairs: &[(&'static str, bool)]| -> Vec<&'static str> {
        pairs
            .iter()
            .filter(|(_, given)| !given)
            .map(|(k, _)| *k)
            .collect()
    };
    vec![
        (
            "1 organisering og involvering",
            missing(&[
                ("plan.owner", m.owner.is_some()),
                ("plan.steering_group", !m.steering_group.is_empty()),
                ("plan.working_group", !m.working_group.is_empty()),
                ("plan.user_participation", !m.user_participation.is_empty()),
            ]),
        ),
        (
            "3 mål og føringer",
            missing(&[("[[goal]]", !plan.goals.is_empty())]),
        ),
        (
            "4 kompetansebegrepet",
            missing(&[("[[competence]]", !plan.competences.is_empty())]),
        ),
        (
            "5 kompetanse- og bemanningsanalyse",
            missing(&[
                (
                    "capacity or quality lines",
                    !plan.capacity.is_empty() || !plan.quality.is_empty(),
                ),
                ("[data] staff", !plan.staff.is_empty()),
            ]),
        ),
        (
            "6 strategier og tiltak",
            missing(&[("[[measure]]", !plan.measures.is_empty())]),
        ),
        (
            "7 gjennomføring og evaluering",
            missing(&[
                ("[[indicator]]", !plan.indicators.is_empty()),
                ("plan.adopted", m.adopted.is_some()),
            ]),
        ),
    ]
}

/// `step-incomplete`: one warning per KS step the plan does not fill yet,
/// naming the keys that fill it (a draft is expected to have some).
fn step_warnings(plan: &Plan, diags: &mut Diagnostics) {
    for (step, missing) in steps(plan) {
        if missing.is_empty() {
            continue;
        }
        let (number, name) = step.split_once(' ').unwrap_or((step, ""));
        diags.push(
            Diagnostic::new(
                Code::StepIncomplete,
                format!("KS step {number} ({name}) is not filled in yet"),
            )
            .at_opt(plan.meta.loc.clone())
            .hint(format!("add {}", missing.join(", "))),
        );
    }
}

pub fn lint(plan: &Plan, diags: &mut Diagnostics) {
    step_warnings(plan, diags);
    let mut used_comp: BTreeSet<&str> = BTreeSet::new();
    let mut used_unit: BTreeSet<&str> = BTreeSet::new();
    for c in &plan.capacity {
        used_unit.insert(&c.unit);
        used_comp.extend(c.accepts.iter().map(String::as_str));
    }
    for q in &plan.quality {
        used_unit.insert(&q.unit);
        used_comp.insert(&q.competence);
    }
    for m in &plan.measures {
        used_comp.extend(m.competences.iter().map(String::as_str));
        used_unit.extend(m.units.iter().flatten().map(String::as_str));
    }
    // The data has millions of rows but few distinct ids, mostly repeated in
    // a row: look up only what differs from the previous row.
    let (mut unit, mut edu, mut study) = (None, None, None);
    for s in &plan.staff {
        note(&mut used_unit, &mut unit, &s.unit);
        if let Some(e) = &s.education {
            note(&mut used_comp, &mut edu, e);
        }
        if let Some(e) = &s.studying {
            note(&mut used_comp, &mut study, e);
        }
    }
    // the survey's ids are numbered: mark the numbers, then name them
    let survey = &plan.survey;
    let mut units = vec![false; survey.units.len()];
    let mut comps = vec![false; survey.competences.len()];
    for a in &survey.rows {
        if let Some(u) = units.get_mut(a.unit as usize) {
            *u = true;
        }
        if let Some(c) = comps.get_mut(a.competence as usize) {
            *c = true;
        }
    }
    fn used(table: &[String], marks: Vec<bool>) -> impl Iterator<Item = &str> {
        table
            .iter()
            .zip(marks)
            .filter(|(_, m)| *m)
            .map(|(id, _)| id.as_str())
    }
    used_unit.extend(used(&survey.units, units));
    used_comp.extend(used(&survey.competences, comps));
    for c in &plan.competences {
        if !used_comp.contains(c.id.as_str()) {
            diags.push(
                Diagnostic::new(
                    Code::UnusedCompetence,
                    format!("competence `{}` is defined but never used", c.id),
                )
                .at_opt(c.loc.clone())
                .hint("use it in a capacity line, quality line, measure or the data, or remove it"),
            );
        }
    }
    for u in &plan.units {
        if !used_unit.contains(u.id.as_str()) {
            diags.push(
                Diagnostic::new(
                    Code::UnusedUnit,
                    format!("unit `{}` is defined but never used", u.id),
                )
                .at_opt(u.loc.clone())
                .hint("give it capacity or quality lines or staff, or remove it"),
            );
        }
    }
    for g in &plan.goals {
        if !plan.goal_is_evaluable(&g.id) {
            diags.push(
                Diagnostic::new(
                    Code::GoalWithoutIndicator,
                    format!(
                        "goal `{}` cannot be evaluated: no measure under it has an indicator",
                        g.id
                    ),
                )
                .at_opt(g.loc.clone())
                .hint("give a measure with `goal = \"...\"` an indicator (`indicators = [...]`), or add such a measure (KS step 7)"),
            );
        }
    }
    for i in &plan.indicators {
        if i.target.is_none() {
            let example = match i.kind {
                IndicatorKind::Manual { .. } => "target = { year = 2029, min = 3 }",
                _ => "target = { year = 2029, min = 0.5 }",
            };
            diags.push(
                Diagnostic::new(
                    Code::IndicatorWithoutTarget,
                    format!("indicator `{}` has no target", i.id),
                )
                .at_opt(i.loc.clone())
                .hint(format!("add e.g. `{example}` so progress can be judged")),
            );
        }
        if let IndicatorKind::EducationShare {
            levels,
            among: Some(among),
            ..
        } = &i.kind
        {
            let outside: Vec<&str> = levels
                .iter()
                .filter(|l| !among.contains(l))
                .map(|l| l.as_str())
                .collect();
            if !outside.is_empty() {
                diags.push(
                    Diagnostic::new(
                        Code::LevelsOutsideAmong,
                        format!(
                            "indicator `{}` counts {} in `levels` but not in `among`: the share can exceed 1",
                            i.id,
                            outside.join(", ")
                        ),
                    )
                    .at_opt(i.loc.clone())
                    .hint("add those levels to `among` too, or leave `among` out to divide by all staff"),
                );
            }
        }
    }
    let lines: BTreeSet<(&str, &str)> = plan
        .capacity
        .iter()
        .map(|c| (c.unit.as_str(), c.position.as_str()))
        .collect();
    let mut reported = BTreeSet::new();
    let mut previous = None;
    for s in &plan.staff {
        let key = (s.unit.as_str(), s.position.as_str());
        if previous == Some(key) {
            continue; // same answer as for the row before
        }
        previous = Some(key);
        if !lines.contains(&key) && reported.insert(key) {
            // the position is a value of the roster (personal data): it is
            // named only when the plan itself uses it, else the nearest
            // position of the unit's capacity lines is suggested
            let known: Vec<&str> = plan.capacity.iter().map(|c| c.position.as_str()).collect();
            let what = if known.contains(&s.position.as_str()) {
                format!("position `{}`", s.position)
            } else {
                "a position (column `position`)".to_string()
            };
            let unit_lines = lines.iter().filter(|(u, _)| *u == s.unit).map(|(_, p)| *p);
            let hint = match crate::diag::suggest(&s.position, unit_lines) {
                Some(p) => format!("did you mean `{p}`? add a capacity line for the position, or correct the position in the roster"),
                None => "add a capacity line for the position, or correct the position in the roster".to_string(),
            };
            diags.push(
                Diagnostic::new(
                    Code::PositionWithoutCapacity,
                    format!(
                        "staff in unit `{}` hold {what}, which has no capacity line in the unit",
                        s.unit
                    ),
                )
                .at_opt(s.loc.clone())
                .hint(hint),
            );
        }
    }
}

/// Insert `id` unless it is the one inserted last through `last`.
fn note<'a>(set: &mut BTreeSet<&'a str>, last: &mut Option<&'a str>, id: &'a str) {
    if *last != Some(id) {
        set.insert(id);
        *last = Some(id);
    }
}
