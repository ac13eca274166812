//! Warnings about a plan that is valid but probably not what its authors meant:
//! unused definitions, indicators without targets, staff in positions without a
//! capacity line.

use std::collections::BTreeSet;

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::model::{IndicatorKind, Plan};

pub fn lint(plan: &Plan, diags: &mut Diagnostics) {
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
    for s in &plan.staff {
        used_unit.insert(&s.unit);
        used_comp.extend(s.education.as_deref());
        used_comp.extend(s.studying.as_deref());
    }
    for a in &plan.survey {
        used_unit.insert(&a.unit);
        used_comp.insert(&a.competence);
    }
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
    }
    let lines: BTreeSet<(&str, &str)> = plan
        .capacity
        .iter()
        .map(|c| (c.unit.as_str(), c.position.as_str()))
        .collect();
    let mut reported = BTreeSet::new();
    for s in &plan.staff {
        let key = (s.unit.as_str(), s.position.as_str());
        if !lines.contains(&key) && reported.insert(key) {
            diags.push(
                Diagnostic::new(
                    Code::PositionWithoutCapacity,
                    format!(
                        "staff in unit `{}` hold position `{}`, which has no capacity line",
                        s.unit, s.position
                    ),
                )
                .at_opt(s.loc.clone())
                .hint(
                    "add a capacity line for the position, or correct the position in the roster",
                ),
            );
        }
    }
}
