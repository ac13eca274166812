//! Tiltaksplaner på virksomhetsnivå: one action plan per unit — its key
//! figures, its capacity gaps in every year, its quality gaps and survey
//! results, its measures and its needs no measure covers.
//!
//! In: the plan's units and the whole analysis, with the workforce figures of
//! each unit (through [`Ctx`]). Out: Markdown blocks (in the appendix
//! of the whole plan, or alone with `--unit`) and, alone, a figure of required
//! vs available FTE for the unit. The appendix writes the units side by side
//! and joins them in the plan's order, so the text does not depend on
//! scheduling; each unit costs the size of its own rows.

use rayon::prelude::*;

use crate::i18n::fill;
use crate::model::Unit;

use super::caption::{need_caption, Need};
use super::context::Ctx;
use super::figures::{self, Lines, Panel};
use super::unit_plan::{self, action_plan, capacity_rows};
use crate::render::md::Doc;

/// Vedlegg: every unit's action plan.
pub(crate) fn appendix(ctx: &Ctx, doc: &mut Doc) {
    doc.heading(2, ctx.r.h_appendix);
    doc.raw(ctx.r.appendix_intro);
    let parts: Vec<Doc> = ctx
        .plan
        .units
        .par_iter()
        .enumerate()
        .map(|(i, u)| {
            let mut part = Doc::default();
            part.heading(
                3,
                &fill(
                    ctx.r.appendix_unit,
                    &[("n", &(i + 1).to_string()), ("unit", &u.name)],
                ),
            );
            if let Some(w) = ctx.a.unit_workforce(&u.id) {
                action_plan(ctx, &mut part, u, w, 4);
            }
            part
        })
        .collect();
    for part in parts {
        doc.append(part);
    }
}

/// The action plan of `unit` alone (`--unit`), its headings at level 2, with
/// the figure of its capacity gaps.
pub(crate) fn alone(ctx: &Ctx, doc: &mut Doc, unit: &Unit) -> anyhow::Result<()> {
    let level = 2;
    let Some(w) = ctx.a.unit_workforce(&unit.id) else {
        anyhow::bail!("no workforce figures for unit `{}`", unit.id);
    };
    unit_plan::key_figures(ctx, doc, unit, w);
    if unit_plan::capacity(ctx, doc, unit, level) {
        figure(ctx, doc, unit)?;
    }
    unit_plan::rest(ctx, doc, unit, level);
    Ok(())
}

/// Required vs available FTE of the unit, one panel per position.
fn figure(ctx: &Ctx, doc: &mut Doc, unit: &Unit) -> anyhow::Result<()> {
    let (r, m) = (ctx.r, ctx.m);
    let title = fill(
        r.fig_unit_capacity,
        &[
            ("unit", &unit.name),
            ("from", &ctx.a.base_year.to_string()),
            ("to", &ctx.a.end_year.to_string()),
        ],
    );
    let rows = capacity_rows(ctx, unit);
    let mut positions: Vec<&str> = rows.iter().map(|r| r.position.as_str()).collect();
    positions.dedup();
    let spec = Lines {
        title: &title,
        panels: positions
            .iter()
            .map(|p| Panel {
                title: ctx.position_title(&unit.id, p),
                points: rows
                    .iter()
                    .filter(|r| r.position == *p)
                    .map(|r| (r.year, r.required, r.available))
                    .collect(),
            })
            .collect(),
        required: m.required,
        available: m.available,
        axis: m.fte,
        gap: ctx.lang.form().fig_gap,
        own_scale: ctx.lang.form().fig_own_scale,
    };
    let need_in = |p: &str, year: i32| {
        rows.iter()
            .find(|r| r.position == p && r.year == year)
            .map(|r| r.need)
    };
    let needs: Vec<Need> = positions
        .iter()
        .map(|p| Need {
            name: ctx.position_title(&unit.id, p),
            base: need_in(p, ctx.a.base_year),
            end: need_in(p, ctx.a.end_year),
        })
        .collect();
    let caption = need_caption(ctx.lang, ctx.a.end_year, &needs).unwrap_or_else(|| title.clone());
    let file = format!("krav-kapital-{}.svg", unit.id);
    ctx.figure(doc, &file, &caption, |c| figures::lines(&spec, c.lang))
}
