//! KS step 7, gjennomføring, oppfølging og evaluering: the indicators with
//! start value, projected or latest value, target and status, and the last and
//! next revision (rullering).
//!
//! In: the analysis' indicator rows and the plan's dates (through [`Ctx`]).
//! Out: Markdown blocks.

use crate::analyse::IndicatorRow;
use crate::i18n::fill;
use crate::model::Target;

use super::context::Ctx;
use super::md::{Doc, Table};

fn value_text(ctx: &Ctx, row: &IndicatorRow, v: f64) -> String {
    match row.metric {
        Some(_) => ctx.pct(v),
        None => ctx.lang.number(v, if v.fract() == 0.0 { 0 } else { 2 }),
    }
}

fn target_text(ctx: &Ctx, row: &IndicatorRow, t: &Target) -> String {
    let v = |x: f64| value_text(ctx, row, x);
    let range = match (t.min, t.max) {
        (Some(lo), Some(hi)) => format!("{}–{}", v(lo), v(hi)),
        (Some(lo), None) => format!("≥ {}", v(lo)),
        (None, Some(hi)) => format!("≤ {}", v(hi)),
        (None, None) => ctx.m.missing.to_string(),
    };
    format!(
        "{range} {}",
        fill(ctx.m.in_year, &[("year", &t.year.to_string())])
    )
}

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
            let at = |v: Option<&crate::analyse::YearValue>| match v {
                Some(v) => match v.value {
                    Some(x) => format!("{} ({})", value_text(ctx, row, x), v.year),
                    None => format!("{} ({})", m.missing, v.year),
                },
                None => m.missing.to_string(),
            };
            let later = match (row.metric, row.target) {
                (Some(_), Some(t)) => row
                    .values
                    .iter()
                    .find(|v| v.year == t.year)
                    .or(row.values.last()),
                _ => row.values.last(),
            };
            t.push(vec![
                row.title.clone(),
                at(row.values.first()),
                if row.values.len() > 1 {
                    at(later)
                } else {
                    m.missing.to_string()
                },
                row.target
                    .map_or_else(|| m.missing.to_string(), |t| target_text(ctx, row, &t)),
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
    let meta = &ctx.plan.meta;
    doc.para(&fill(
        r.revision_text,
        &[
            ("revised", &ctx.date(meta.last_revised)),
            (
                "due",
                &ctx.date(super::front::next_revision(meta.last_revised)),
            ),
        ],
    ));
    doc.raw(r.evaluation_text);
}
