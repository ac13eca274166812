//! KS step 7, gjennomføring, oppfølging og evaluering: how far the measures
//! have come, the indicators (start, observed and projected values against the
//! target), the goals that cannot be evaluated, the last and next revision
//! (rullering), and — with `--since` — what changed since an earlier revision.
//!
//! In: the plan (measure status and follow-up, goals), the analysis' indicator
//! rows, the dates, and the diff when asked for (through [`Ctx`]). Out:
//! Markdown blocks.

use crate::analyse::{IndicatorRow, YearValue};
use crate::i18n::fill;
use crate::render::cells;

use super::context::Ctx;
use crate::render::md::{Doc, Table};

/// Step 7: measures, indicators, goals that cannot be evaluated, revision,
/// and the changes since an earlier revision.
pub(crate) fn follow_up(ctx: &Ctx, doc: &mut Doc) {
    let (r, m) = (ctx.r, ctx.m);
    let dm = ctx.lang.diff();
    doc.heading(2, r.h_follow_up);
    doc.raw(r.follow_up_intro);
    measures(ctx, doc);
    if !ctx.a.indicators.is_empty() {
        doc.heading(3, m.indicators_title);
        let mut t = Table::new(
            &[
                m.indicator,
                m.start_value,
                dm.col_observed,
                dm.col_projected,
                m.target,
                r.col_status,
            ],
            1,
        );
        // the status is words: left-aligned like the name
        if let Some(last) = t.numeric.last_mut() {
            *last = false;
        }
        for row in &ctx.a.indicators {
            let [start, later, target] = cells::indicator_cells(ctx.lang, row);
            let (observed, projected) = match row.metric {
                // computed: the official figures beside the projection
                Some(_) => (latest(ctx, row, row.observed.last()), later),
                // manual: the latest measurement; nothing is projected
                None => (later, m.missing.to_string()),
            };
            t.push(vec![
                row.title.clone(),
                start,
                observed,
                projected,
                target,
                ctx.lang.indicator_status(row.status).to_string(),
            ]);
        }
        doc.table(&t);
    }
    let blind: Vec<String> = ctx
        .plan
        .goals
        .iter()
        .filter(|g| !ctx.plan.goal_is_evaluable(&g.id))
        .map(|g| g.title.clone())
        .collect();
    if !blind.is_empty() {
        doc.heading(3, dm.h_not_evaluable);
        doc.para(dm.not_evaluable_intro);
        doc.bullets(&blind);
    }
    doc.heading(3, r.h_revision);
    match ctx.plan.meta.revised() {
        Some(revised) => doc.para(&fill(
            r.revision_text,
            &[
                ("revised", &ctx.date(revised)),
                ("due", &ctx.date(super::front::next_revision(revised))),
            ],
        )),
        None => doc.para(r.revision_draft),
    }
    doc.raw(r.evaluation_text);
    if let Some(d) = ctx.since {
        doc.heading(3, dm.h_since);
        doc.para(&fill(dm.since_intro, &[("rev", &d.old)]));
        let names = crate::render::Names::of(ctx.plan);
        crate::render::diff::append(
            doc,
            &crate::render::diff::blocks(d, ctx.lang, false, &names),
            3,
        );
    }
}

/// "55,0 % (2026)", or "–".
fn latest(ctx: &Ctx, row: &IndicatorRow, v: Option<&YearValue>) -> String {
    match v.and_then(|v| v.value.map(|x| (v.year, x))) {
        Some((year, x)) => format!("{} ({year})", cells::indicator_value(ctx.lang, row, x)),
        None => ctx.m.missing.to_string(),
    }
}

/// The measures with their status, latest follow-up and participants.
fn measures(ctx: &Ctx, doc: &mut Doc) {
    let dm = ctx.lang.diff();
    let missing = ctx.m.missing;
    if ctx.plan.measures.is_empty() {
        return;
    }
    doc.heading(3, dm.h_measures_report);
    let mut t = Table::new(
        &[
            dm.col_measure,
            dm.col_status,
            dm.col_latest,
            dm.col_participants,
        ],
        3,
    );
    for m in &ctx.plan.measures {
        let last = m.followup.last();
        let latest = last.map_or_else(
            || missing.to_string(),
            |f| match &f.note {
                Some(note) => format!("{}: {note}", ctx.date(f.date)),
                None => ctx.date(f.date),
            },
        );
        // the latest count given, which may be of an earlier entry
        let participants = m
            .followup
            .iter()
            .rev()
            .find_map(|f| f.participants)
            .map_or_else(|| missing.to_string(), |p| ctx.int(u64::from(p)));
        t.push(vec![
            m.title.clone(),
            ctx.lang.status(m.status).to_string(),
            latest,
            participants,
        ]);
    }
    doc.table(&t);
}
