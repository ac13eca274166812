//! The opening of the plan: title block and KS's steps 1–4 (organisation and
//! involvement, anchoring, goals and guidelines, the competence concept).
//!
//! In: the plan's `[plan]` table, goals, assumptions and competences. Out:
//! Markdown blocks appended to the document.

use crate::i18n::fill;
use crate::model::{CompetenceKind, Dimension, EduLevel, Unit};

use super::context::Ctx;
use crate::render::md::{inline, inline_mid, strong, Doc, Table};

/// A "**Key:** value" list item.
fn item(key: &str, value: &str) -> String {
    format!("{} {}", strong(&format!("{key}:")), inline_mid(value))
}

fn or_not_given(ctx: &Ctx, items: &[String]) -> String {
    if items.is_empty() {
        ctx.r.not_given.to_string()
    } else {
        ctx.join(items)
    }
}

/// "Sjøheim kommune (kommunenummer 9999)", or without the number.
fn municipality(ctx: &Ctx) -> String {
    let (p, r) = (&ctx.plan.meta, ctx.r);
    match &p.municipality_number {
        Some(n) => fill(
            r.municipality_value,
            &[("name", &p.municipality), ("number", n)],
        ),
        None => fill(r.municipality_name, &[("name", &p.municipality)]),
    }
}

/// Title, municipality and number, period, version, adopted / revised, owner;
/// a draft (no `adopted` yet) says so first and leaves the dates out.
pub(crate) fn title(ctx: &Ctx, doc: &mut Doc) {
    let (p, r) = (&ctx.plan.meta, ctx.r);
    doc.heading(1, &p.title);
    let period = format!("{}–{}", p.period.from, p.period.to);
    let mut items = Vec::new();
    if p.is_draft() {
        items.push(item(r.key_status, r.status_draft));
    }
    items.extend([
        item(r.key_municipality, &municipality(ctx)),
        item(r.key_period, &period),
        item(r.key_base_year, &p.base_year.to_string()),
    ]);
    if let Some(revised) = p.revised() {
        items.push(item(
            r.key_version,
            &fill(r.version_value, &[("date", &ctx.date(revised))]),
        ));
    }
    if let Some(adopted) = p.adopted {
        items.push(item(r.key_adopted, &ctx.date(adopted)));
    }
    if let Some(revised) = p.revised() {
        items.push(item(r.key_revised, &ctx.date(revised)));
        items.push(item(r.key_next, &ctx.date(next_revision(revised))));
    }
    items.push(item(r.key_owner, p.owner.as_deref().unwrap_or(r.not_given)));
    doc.raw_bullets(&items);
    doc.raw(r.doc_intro);
}

/// The title of a unit's own action plan (`--unit`).
pub(crate) fn unit_title(ctx: &Ctx, doc: &mut Doc, unit: &Unit) {
    let (p, r) = (&ctx.plan.meta, ctx.r);
    doc.heading(1, &fill(r.unit_title, &[("unit", &unit.name)]));
    let mut items = vec![
        item(r.key_plan, &p.title),
        item(r.key_municipality, &municipality(ctx)),
        item(r.key_period, &format!("{}–{}", p.period.from, p.period.to)),
    ];
    match p.revised() {
        Some(revised) => items.push(item(r.key_revised, &ctx.date(revised))),
        None => items.push(item(r.key_status, r.status_draft)),
    }
    doc.raw_bullets(&items);
    doc.raw(r.unit_doc_intro);
}

/// The next revision (rullering): 12 months after the last one, the rule of
/// `plan check`'s `revision-due`.
pub(crate) fn next_revision(last: crate::model::Date) -> crate::model::Date {
    last.checked_add(jiff::Span::new().months(12))
        .unwrap_or(last)
}

/// Step 1: organisation and involvement.
pub(crate) fn organisation(ctx: &Ctx, doc: &mut Doc) {
    let (p, r) = (&ctx.plan.meta, ctx.r);
    doc.heading(2, r.h_organisation);
    doc.raw(r.organisation_intro);
    doc.raw_bullets(&[
        item(r.org_owner, p.owner.as_deref().unwrap_or(r.not_given)),
        item(r.org_steering, &or_not_given(ctx, &p.steering_group)),
        item(r.org_working, &or_not_given(ctx, &p.working_group)),
        item(r.org_users, &or_not_given(ctx, &p.user_participation)),
    ]);
}

/// Step 2: anchoring and political processing.
pub(crate) fn anchoring(ctx: &Ctx, doc: &mut Doc) {
    let (p, r) = (&ctx.plan.meta, ctx.r);
    doc.heading(2, r.h_anchoring);
    if p.anchoring.is_empty() {
        doc.para(r.anchoring_none);
    } else {
        doc.bullets(&p.anchoring);
    }
    match (p.adopted, p.revised()) {
        (Some(adopted), Some(revised)) => doc.para(&fill(
            r.anchoring_adopted,
            &[
                ("adopted", &ctx.date(adopted)),
                ("revised", &ctx.date(revised)),
            ],
        )),
        _ => doc.para(r.anchoring_draft),
    }
    doc.raw(r.anchoring_units);
}

/// Step 3: goals with their strategies, and the assumptions of the projection.
pub(crate) fn goals(ctx: &Ctx, doc: &mut Doc) {
    let r = ctx.r;
    doc.heading(2, r.h_goals);
    if ctx.plan.goals.is_empty() {
        doc.para(r.goals_none);
    }
    for g in &ctx.plan.goals {
        doc.heading(3, &g.title);
        doc.bullets(&g.strategies);
    }
    doc.heading(3, r.h_assumptions);
    let a = &ctx.plan.assumptions;
    let mut items = vec![fill(
        r.assume_retirement,
        &[("age", &a.retirement_age.to_string())],
    )];
    let special: Vec<String> = ctx
        .plan
        .competences
        .iter()
        .filter_map(|c| {
            c.retirement_age.map(|age| {
                fill(
                    r.assume_special_item,
                    &[("competence", &c.name), ("age", &age.to_string())],
                )
            })
        })
        .collect();
    if !special.is_empty() {
        items.push(fill(r.assume_special, &[("list", &ctx.join(&special))]));
    }
    items.push(fill(
        r.assume_turnover,
        &[("rate", &ctx.pct(a.turnover_rate))],
    ));
    items.push(fill(
        r.assume_min_group,
        &[("n", &a.min_group_size.to_string())],
    ));
    doc.bullets(&items);
}

/// Step 4: the competence concept and the plan's competences.
pub(crate) fn concept(ctx: &Ctx, doc: &mut Doc) {
    let r = ctx.r;
    doc.heading(2, r.h_concept);
    for p in r.concept_text {
        doc.raw(p);
    }
    let formal: Vec<_> = ctx
        .plan
        .competences
        .iter()
        .filter(|c| c.is_formal())
        .collect();
    if !formal.is_empty() {
        doc.heading(3, r.h_formal);
        let mut t = Table::new(
            &[
                ctx.m.competence,
                ctx.m.edu_level,
                r.col_styrk,
                r.col_retirement_age,
            ],
            2,
        );
        for c in formal {
            let level = c.level().unwrap_or(EduLevel::None);
            let age = c
                .retirement_age
                .unwrap_or(ctx.plan.assumptions.retirement_age);
            t.push(vec![
                c.name.clone(),
                ctx.lang.edu_level(level).to_string(),
                c.styrk.clone().unwrap_or_else(|| ctx.m.missing.to_string()),
                age.to_string(),
            ]);
        }
        doc.table(&t);
    }
    let dims = [
        Dimension::Knowledge,
        Dimension::Skill,
        Dimension::Attitude,
        Dimension::Ability,
    ];
    let real: Vec<_> = ctx
        .plan
        .competences
        .iter()
        .filter(|c| !c.is_formal())
        .collect();
    if real.is_empty() {
        return;
    }
    doc.heading(3, r.h_real);
    doc.raw(r.real_intro);
    for (d, name) in dims.iter().zip(r.dimensions) {
        let items: Vec<String> = real
            .iter()
            .filter(|c| c.kind == CompetenceKind::Real(*d))
            .map(|c| match &c.description {
                Some(desc) => format!("{} – {}", strong(&c.name), inline_mid(desc)),
                None => inline(&c.name),
            })
            .collect();
        if !items.is_empty() {
            doc.heading(4, name);
            doc.raw_bullets(&items);
        }
    }
}
