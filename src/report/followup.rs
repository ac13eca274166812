//! KS step 7, gjennomføring, oppfølging og evaluering: the indicators with
//! start value, projected or latest value, target and status, and the last and
//! next revision (rullering).
//!
//! In: the analysis' indicator rows and the plan's dates (through [`Ctx`]).
//! Out: Markdown blocks.

use crate::i18n::fill;
use crate::render::cells;

use super::context::Ctx;
use crate::render::md::{Doc, Table};

/// Step 7: indicators with baseline, target, latest or projected value and
/// status; the last and the next revision.
pub(crate) fn follow_up(ctx: &Ctx, doc: &mut Doc) {
    let (r, m) = (ctx.r, ctx.m);
    doc.heading(2, r.h_follow_up);
    doc.raw(r.follow_up_intro);
    if !ctx.a.indicators.is_empty() {
        doc.heading(3, m.indicators_title);
        let mut t = Table::new(
            &[
                m.indicator,
                m.start_value,
                m.projected_value,
                m.target,
                r.col_status,
            ],
            1,
        );
        for row in &ctx.a.indicators {
            let [start, later, target] = cells::indicator_cells(ctx.lang, row);
            t.push(vec![
                row.title.clone(),
                start,
                later,
                target,
                match row.met {
                    Some(true) => r.status_met.to_string(),
                    Some(false) => r.status_not_met.to_string(),
                    None => m.missing.to_string(),
                },
            ]);
        }
        doc.table(&t);
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
}
