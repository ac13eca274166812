//! One unit's action plan (tiltaksplan på virksomhetsnivå), section by
//! section: key figures, capacity gaps, quality gaps and survey, measures and
//! uncovered needs.
//!
//! In: the unit and the whole analysis with each unit's workforce figures
//! (through [`Ctx`], read only, so units can be written side by side); the unit's rows
//! are found by range in the sorted analysis, never by a scan. Out: Markdown
//! blocks. The figure of a unit written alone is drawn by [`super::units`].

use crate::analyse::{CapacityRow, Workforce};
use crate::i18n::fill;
use crate::model::{Measure, Unit};
use crate::render::cells;

use super::analysis::gap_table;
use super::context::Ctx;
use super::index::unit_range;
use super::reading::staff_sentence;
use super::strategies::{arena_name, period, responsible};
use super::survey;
use super::uncovered::uncovered;
use crate::render::md::{Doc, Table};

/// The unit's capacity rows of the analysis (every year), in its order.
pub(crate) fn capacity_rows<'c>(ctx: &'c Ctx, unit: &Unit) -> &'c [CapacityRow] {
    let caps = &ctx.a.capacity;
    caps.get(unit_range(caps, &unit.id, |c| &c.unit))
        .unwrap_or(&[])
}

/// The service, the description and the key figures of the unit's staff.
pub(crate) fn key_figures(ctx: &Ctx, doc: &mut Doc, unit: &Unit, w: &Workforce) {
    let r = ctx.r;
    let min_group_size = ctx.a.min_group_size;
    doc.para(&fill(r.unit_service, &[("service", &unit.service)]));
    if let Some(d) = &unit.description {
        doc.para(d);
    }
    let mut key = staff_sentence(ctx, r.unit_workforce, w);
    let aged = w.mean_age.is_some() && w.part_time_share.is_some();
    if !aged && w.suppressed && w.headcount > 0 {
        key.push(' ');
        key.push_str(&fill(r.unit_small, &[("n", &min_group_size.to_string())]));
    }
    doc.para(&key);
}

/// Capacity gaps in every year; whether the unit has any.
pub(crate) fn capacity(ctx: &Ctx, doc: &mut Doc, unit: &Unit, level: usize) -> bool {
    let (r, m) = (ctx.r, ctx.m);
    doc.heading(level, r.h_unit_capacity);
    let rows: Vec<&CapacityRow> = capacity_rows(ctx, unit).iter().collect();
    if rows.is_empty() {
        doc.para(m.no_rows);
        return false;
    }
    let years: Vec<i32> = ctx.a.years().collect();
    doc.table(&gap_table(ctx, &rows, &years));
    true
}

/// Quality gaps, the unit's survey, its measures and its uncovered needs.
pub(crate) fn rest(ctx: &Ctx, doc: &mut Doc, unit: &Unit, level: usize) {
    let (r, m) = (ctx.r, ctx.m);
    // quality gaps and the unit's survey
    doc.heading(level, r.h_unit_quality);
    let quality = ctx
        .a
        .quality
        .get(unit_range(&ctx.a.quality, &unit.id, |q| &q.unit))
        .unwrap_or(&[]);
    if quality.is_empty() {
        doc.para(m.no_rows);
    } else {
        let mut headers = vec![m.competence];
        headers.extend(cells::quality_headers(m));
        let mut t = Table::new(&headers, 1);
        for q in quality {
            let mut row = vec![ctx.competence_name(&q.competence)];
            row.extend(cells::quality_cells(q, m.hidden));
            t.push(row);
        }
        doc.table(&t);
        for note in cells::quality_notes(m, ctx.a, quality, false) {
            doc.para(&note);
        }
    }
    let srows = ctx.a.survey.unit(&unit.id);
    if !srows.is_empty() {
        doc.heading(level, r.h_survey);
        doc.table(&survey::table(ctx, srows.iter().map(|s| &s.row)));
        doc.para(&survey::note(ctx, srows.iter().map(|s| &s.row)));
    }

    // measures that apply to the unit
    doc.heading(level, r.h_unit_measures);
    let ms: Vec<&Measure> = ctx.index.measures(ctx.plan, &unit.id);
    if ms.is_empty() {
        doc.para(r.no_measures);
    } else {
        let mut t = Table::new(
            &[
                r.col_measure,
                r.col_strategy,
                r.col_responsible,
                r.col_period,
                r.col_arena,
            ],
            5,
        );
        for x in ms {
            t.push(vec![
                x.title.clone(),
                ctx.lang.strategy(x.strategy).to_string(),
                responsible(ctx, x),
                period(x),
                arena_name(ctx, x.arena),
            ]);
        }
        doc.table(&t);
    }
    doc.heading(level, r.h_uncovered);
    uncovered(ctx, doc, Some(&unit.id));
}

/// The whole action plan of one unit in the appendix (no figure).
pub(crate) fn action_plan(ctx: &Ctx, doc: &mut Doc, unit: &Unit, w: &Workforce, level: usize) {
    key_figures(ctx, doc, unit, w);
    capacity(ctx, doc, unit, level);
    rest(ctx, doc, unit, level);
}
