//! Tiltaksplaner på virksomhetsnivå: one action plan per unit — its key
//! figures, its capacity gaps in every year, its quality gaps and survey
//! results, its measures and its needs no measure covers.
//!
//! In: one unit of the plan and the unit's own analysis. Out: Markdown blocks
//! (in the appendix of the whole plan, or alone with `--unit`) and, alone, a
//! figure of required vs available FTE for the unit.

use crate::analyse::{analyse_unit, CapacityRow};
use crate::i18n::fill;
use crate::model::{Measure, Unit};

use super::analysis::gap_table;
use super::context::Ctx;
use super::figures::{self, Lines, Panel};
use super::md::{Doc, Table};
use super::strategies::{arena_name, period, responsible, uncovered};
use super::survey;

/// Vedlegg: every unit's action plan.
pub(crate) fn appendix(ctx: &mut Ctx, doc: &mut Doc) -> anyhow::Result<()> {
    doc.heading(2, ctx.r.h_appendix);
    doc.raw(ctx.r.appendix_intro);
    let units: Vec<&Unit> = ctx.plan.units.iter().collect();
    for (i, u) in units.into_iter().enumerate() {
        doc.heading(
            3,
            &fill(
                ctx.r.appendix_unit,
                &[("n", &(i + 1).to_string()), ("unit", &u.name)],
            ),
        );
        action_plan(ctx, doc, u, 4)?;
    }
    Ok(())
}

/// One unit's action plan, its headings at `level`; a figure only when the
/// plan is written for this unit alone (`level` 2).
pub(crate) fn action_plan(
    ctx: &mut Ctx,
    doc: &mut Doc,
    unit: &Unit,
    level: usize,
) -> anyhow::Result<()> {
    let (r, m) = (ctx.r, ctx.m);
    let a = analyse_unit(ctx.plan, Some(&unit.id));
    let w = &a.workforce;
    doc.para(&fill(r.unit_service, &[("service", &unit.service)]));
    if let Some(d) = &unit.description {
        doc.para(d);
    }
    let mut key = fill(
        r.unit_workforce,
        &[
            ("year", &a.base_year.to_string()),
            ("headcount", &ctx.int(w.headcount)),
            ("fte", &ctx.fte(w.fte)),
        ],
    );
    if let (Some(age), Some(pt)) = (w.mean_age, w.part_time_share) {
        key.push(' ');
        key.push_str(&fill(
            r.read_age,
            &[("age", &ctx.lang.number(age, 1)), ("share", &ctx.pct(pt))],
        ));
    } else if w.suppressed && w.headcount > 0 {
        key.push(' ');
        key.push_str(&fill(r.unit_small, &[("n", &a.min_group_size.to_string())]));
    }
    doc.para(&key);

    // capacity gaps, every year
    doc.heading(level, r.h_unit_capacity);
    let rows: Vec<&CapacityRow> = a.capacity.iter().collect();
    if rows.is_empty() {
        doc.para(m.no_rows);
    } else {
        let years: Vec<i32> = a.years().collect();
        doc.table(&gap_table(ctx, &rows, &years));
        if level == 2 {
            let title = fill(
                r.fig_unit_capacity,
                &[
                    ("unit", &unit.name),
                    ("from", &a.base_year.to_string()),
                    ("to", &a.end_year.to_string()),
                ],
            );
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
            };
            let file = format!("krav-kapital-{}.svg", unit.id);
            ctx.figure(doc, &file, &title, |c| figures::lines(&spec, c.lang))?;
        }
    }

    // quality gaps and the unit's survey
    doc.heading(level, r.h_unit_quality);
    if a.quality.is_empty() {
        doc.para(m.no_rows);
    } else {
        let mut t = Table::new(
            &[
                m.competence,
                m.min_level,
                m.headcount,
                m.respondents,
                m.required_persons,
                m.available_persons,
                m.need,
                m.develop,
                m.acquire,
            ],
            1,
        );
        let h = |v: Option<u64>| ctx.hidden(v, |x| x.to_string());
        for q in &a.quality {
            t.push(vec![
                ctx.competence_name(&q.competence),
                q.min_level.to_string(),
                q.headcount.to_string(),
                q.respondents.to_string(),
                q.required.to_string(),
                h(q.available),
                h(q.need),
                h(q.develop),
                h(q.acquire),
            ]);
        }
        doc.table(&t);
        if a.quality.iter().any(|q| q.suppressed) {
            doc.para(&fill(
                m.suppressed_note,
                &[("n", &a.min_group_size.to_string())],
            ));
        }
    }
    let srows = survey::unit(ctx.plan, &unit.id);
    if !srows.is_empty() {
        doc.heading(level, r.h_survey);
        doc.table(&survey::table(ctx, &srows));
        doc.para(&survey::note(ctx, &srows));
    }

    // measures that apply to the unit
    doc.heading(level, r.h_unit_measures);
    let ms: Vec<&Measure> = ctx
        .plan
        .measures
        .iter()
        .filter(|x| x.applies_to_unit(&unit.id))
        .collect();
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
    Ok(())
}
