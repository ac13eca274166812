//! KS step 5, Bemanningsberegning (WISN): the workload of each position, its
//! inputs and result in plain words, and one bar figure of the WISN ratios.
//!
//! In: the plan's workloads (their inputs) and the analysis' WISN rows
//! (through [`Ctx`]). Out: Markdown blocks and the figure `wisn.svg`; nothing
//! when the plan has no workload. Every figure comes from
//! [`crate::analyse::workload`]; this file only formats.

use crate::analyse::WorkloadRow;
use crate::i18n::fill;
use crate::render::md::{strong, Doc, Table};

use super::context::Ctx;
use super::figures::{self, Bars};

/// A ratio within this distance of 1 reads as "staffing matches the workload".
const BALANCED: f64 = 0.05;

/// The subsection, after the bemanningsplan.
pub(crate) fn section(ctx: &Ctx, doc: &mut Doc) -> anyhow::Result<()> {
    let rows = &ctx.a.workloads;
    if rows.is_empty() {
        return Ok(());
    }
    let w = ctx.m.workload;
    doc.heading(3, w.h_report);
    doc.raw(w.report_intro);
    // each unit's rows in analysis order, grouped once
    let mut by_unit: std::collections::BTreeMap<&str, Vec<&WorkloadRow>> =
        std::collections::BTreeMap::new();
    for r in rows {
        by_unit.entry(r.unit.as_str()).or_default().push(r);
    }
    for u in &ctx.plan.units {
        let Some(mine) = by_unit.remove(u.id.as_str()) else {
            continue;
        };
        doc.heading(4, &u.name);
        for r in mine {
            position(ctx, doc, r);
        }
    }
    let title = w.fig_title;
    let spec = Bars {
        title,
        labels: rows
            .iter()
            .map(|r| {
                format!(
                    "{}: {}",
                    ctx.unit_name(&r.unit),
                    ctx.position_title(&r.unit, &r.position)
                )
            })
            .collect(),
        values: rows.iter().map(|r| r.ratio).collect(),
        decimals: 2,
        axis: w.fig_axis,
        hidden: ctx.m.missing,
        note: w.fig_note.to_string(),
    };
    ctx.figure(doc, "wisn.svg", title, |c| figures::bars(&spec, c.lang))
}

/// One position: the inputs and result as a table, then the reading.
fn position(ctx: &Ctx, doc: &mut Doc, r: &WorkloadRow) {
    let w = ctx.m.workload;
    let lang = ctx.lang;
    let title = ctx.position_title(&r.unit, &r.position);
    doc.raw(&strong(&title));
    let mut t = Table::new(&[w.input, w.value], 1);
    if let Some(input) = ctx
        .plan
        .workloads
        .iter()
        .find(|x| x.unit == r.unit && x.position == r.position)
    {
        t.push(vec![
            w.key_awt.to_string(),
            fill(
                w.awt_value,
                &[
                    ("days", &lang.number(input.working_days, 0)),
                    ("absence", &lang.number(input.absence.total(), 0)),
                    ("hours", &lang.number(input.hours_per_day, 1)),
                    ("awt", &lang.number(r.available_hours, 1)),
                ],
            ),
        ]);
    }
    t.push(vec![
        w.key_activities.to_string(),
        fill(
            w.activities_value,
            &[
                ("n", &r.activities.len().to_string()),
                ("hours", &lang.number(r.activity_hours, 0)),
                ("a", &ctx.fte2(r.activity_staff)),
            ],
        ),
    ]);
    t.push(vec![
        w.key_support.to_string(),
        fill(
            w.support_value,
            &[
                ("pct", &ctx.pct(r.support_share)),
                ("caf", &lang.number(r.category_allowance, 3)),
            ],
        ),
    ]);
    t.push(vec![
        w.key_individual.to_string(),
        fill(
            w.individual_value,
            &[
                ("hours", &lang.number(r.individual_hours, 0)),
                ("iaf", &ctx.fte2(r.individual_allowance)),
            ],
        ),
    ]);
    t.push(vec![w.key_required.to_string(), ctx.fte2(r.required)]);
    t.push(vec![w.key_existing.to_string(), ctx.fte(r.existing)]);
    t.push(vec![
        w.key_ratio.to_string(),
        r.ratio
            .map_or_else(|| ctx.m.missing.to_string(), |x| lang.number(x, 2)),
    ]);
    doc.table(&t);
    let mut reading = vec![reading(ctx, r, &title)];
    if r.sets_requirement {
        reading.push(fill(
            w.reading_sets,
            &[("position", &title), ("required", &ctx.fte2(r.required))],
        ));
    }
    doc.para(&reading.join(" "));
}

/// What the ratio means, in one sentence.
fn reading(ctx: &Ctx, r: &WorkloadRow, title: &str) -> String {
    let w = ctx.m.workload;
    let Some(ratio) = r.ratio else {
        return fill(
            w.reading_empty,
            &[("position", title), ("existing", &ctx.fte(r.existing))],
        );
    };
    let template = if (ratio - 1.0).abs() <= BALANCED {
        w.reading_balanced
    } else if ratio < 1.0 {
        w.reading_short
    } else {
        w.reading_surplus
    };
    fill(
        template,
        &[
            ("position", title),
            ("required", &ctx.fte2(r.required)),
            ("existing", &ctx.fte(r.existing)),
            ("ratio", &ctx.lang.number(ratio, 2)),
            ("pct", &ctx.pct(ratio)),
        ],
    )
}
