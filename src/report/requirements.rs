//! Kompetansekrav (the capacity and quality lines of each unit) and the quality
//! gaps (realkompetanse: required vs available persons, with suppression).
//!
//! In: the plan's requirement lines and the analysis' quality rows (through
//! [`Ctx`]). Out: Markdown blocks; suppressed figures as "–".

use crate::i18n::fill;
use crate::model::QualityAmount;
use crate::render::cells;

use super::context::Ctx;
use super::index::unit_range;
use crate::render::md::{strong, Doc, Table};

/// The requirement of a quality line in words: "50,0 % av de ansatte" / "3 personer".
pub(crate) fn quality_amount(ctx: &Ctx, amount: QualityAmount) -> String {
    match amount {
        QualityAmount::Share { num, den } => fill(
            ctx.r.req_share,
            &[("pct", &ctx.pct(num as f64 / den.max(1) as f64))],
        ),
        QualityAmount::Count(n) => fill(ctx.r.req_count, &[("n", &n.to_string())]),
    }
}

/// Kompetansekrav: capacity and quality lines per unit.
pub(crate) fn requirements(ctx: &Ctx, doc: &mut Doc) {
    let (r, m) = (ctx.r, ctx.m);
    doc.heading(3, r.h_requirements);
    doc.raw(r.requirements_intro);
    let plan = ctx.plan;
    for u in &plan.units {
        // the plan's lines are sorted by unit
        let caps = plan
            .capacity
            .get(unit_range(&plan.capacity, &u.id, |c| &c.unit))
            .unwrap_or(&[]);
        let quals = plan
            .quality
            .get(unit_range(&plan.quality, &u.id, |q| &q.unit))
            .unwrap_or(&[]);
        if caps.is_empty() && quals.is_empty() {
            continue;
        }
        doc.heading(4, &u.name);
        if !caps.is_empty() {
            doc.raw(&strong(r.staffing));
            let fte = fill(r.col_fte_in, &[("year", &ctx.a.base_year.to_string())]);
            let mut t = Table::new(&[m.position, r.col_accepts, &fte, r.col_growth], 2);
            for c in caps {
                let accepts: Vec<String> =
                    c.accepts.iter().map(|a| ctx.competence_name(a)).collect();
                let wm = m.workload;
                let (fte, growth) = match c.fte {
                    Some(fte) => (ctx.fte(fte), ctx.pct(c.annual_growth)),
                    // the requirement comes from the line's workload (WISN)
                    None => (
                        crate::analyse::workload::find(&ctx.a.workloads, &c.unit, &c.position)
                            .map_or_else(
                                || m.missing.to_string(),
                                |w| format!("{}{}", ctx.fte(w.required), wm.mark),
                            ),
                        wm.growth_from_workload.to_string(),
                    ),
                };
                t.push(vec![c.title.clone(), accepts.join(", "), fte, growth]);
            }
            doc.table(&t);
        }
        if !quals.is_empty() {
            doc.raw(&strong(r.real_competence));
            let mut t = Table::new(&[m.competence, m.min_level, r.col_requirement], 1);
            for q in quals {
                t.push(vec![
                    ctx.competence_name(&q.competence),
                    q.min_level.to_string(),
                    quality_amount(ctx, q.amount),
                ]);
            }
            doc.table(&t);
        }
    }
}

/// Realkompetanse: the quality rows with their suppression, and totals.
pub(crate) fn quality_gaps(ctx: &Ctx, doc: &mut Doc) {
    let (r, m) = (ctx.r, ctx.m);
    if ctx.a.quality.is_empty() {
        return;
    }
    doc.heading(
        4,
        &fill(r.h_quality_gaps, &[("year", &ctx.a.base_year.to_string())]),
    );
    // one table per unit, under its name, and the sums in their own: with the
    // unit as a column the table is too wide for A4 at 9 pt
    let mut headers = vec![m.competence];
    headers.extend(cells::quality_headers(m));
    // each unit's rows in analysis order, grouped once (not a pass over all
    // rows per unit: 2 000 units × 8 000 rows at national scale)
    let mut by_unit: std::collections::BTreeMap<&str, Vec<_>> = std::collections::BTreeMap::new();
    for q in &ctx.a.quality {
        by_unit.entry(q.unit.as_str()).or_default().push(q);
    }
    for u in &ctx.plan.units {
        let Some(rows) = by_unit.remove(u.id.as_str()) else {
            continue;
        };
        doc.raw(&strong(&u.name));
        let mut t = Table::new(&headers, 1);
        for q in rows {
            let mut row = vec![ctx.competence_name(&q.competence)];
            row.extend(cells::quality_cells(q, m.hidden));
            t.push(row);
        }
        doc.table(&t);
    }
    if !ctx.a.quality_totals.is_empty() {
        doc.raw(&strong(m.total));
        let mut t = Table::new(&headers, 1);
        for q in &ctx.a.quality_totals {
            let mut row = vec![ctx.competence_name(&q.competence)];
            row.extend(cells::quality_total_cells(q, m.hidden));
            t.push(row);
        }
        doc.table(&t);
    }
    for note in cells::quality_notes(m, ctx.a, &ctx.a.quality, true) {
        doc.para(&note);
    }
}
