//! Kartlegging: the survey's tallies per competence area as tables.
//!
//! In: the analysis' survey rows ([`crate::analyse::Survey`]: municipality-wide
//! and per unit, ranked, small groups already hidden). Out: the Markdown table
//! of a list of rows and its note; hidden figures as "•", figures not given as "–".

use crate::analyse::survey::{AreaRow, SurveyRow};
use crate::i18n::fill;

use super::context::Ctx;
use crate::render::md::{Doc, Table};

/// The survey table of `rows`.
pub(crate) fn table<'r>(ctx: &Ctx, rows: impl IntoIterator<Item = &'r SurveyRow>) -> Table {
    let (r, m) = (ctx.r, ctx.m);
    let mut t = Table::new(
        &[
            r.col_area,
            m.min_level,
            m.respondents,
            r.col_share_at_level,
            r.col_mean_need,
        ],
        1,
    );
    for s in rows {
        t.push(vec![
            ctx.competence_name(&s.competence),
            s.min_level
                .map_or_else(|| r.no_requirement.to_string(), |l| l.to_string()),
            ctx.int(s.respondents),
            ctx.figure_or(s.suppressed, s.share_at_level, |x| ctx.pct(x)),
            ctx.figure_or(s.suppressed, s.mean_need, |x| ctx.lang.number(x, 1)),
        ]);
    }
    t
}

/// The note under a survey table with hidden rows.
pub(crate) fn note<'r>(ctx: &Ctx, rows: impl IntoIterator<Item = &'r SurveyRow>) -> String {
    if rows.into_iter().any(|r| r.suppressed) {
        fill(
            ctx.r.survey_hidden_note,
            &[("n", &ctx.a.min_group_size.to_string())],
        )
    } else {
        String::new()
    }
}

/// The municipality's table: one row per competence area, the levels the
/// units require listed ("3", "3, 4", or "uten krav").
fn area_table(ctx: &Ctx, rows: &[AreaRow]) -> Table {
    let (r, m) = (ctx.r, ctx.m);
    let mut t = Table::new(
        &[
            r.col_area,
            m.min_level,
            m.respondents,
            r.col_share_at_level,
            r.col_mean_need,
        ],
        1,
    );
    for s in rows {
        let levels = if s.levels.is_empty() {
            r.no_requirement.to_string()
        } else {
            let ls: Vec<String> = s.levels.iter().map(u8::to_string).collect();
            ls.join(", ")
        };
        // a share exists only where some unit requires a level
        let share_hidden = s.suppressed && !s.levels.is_empty();
        t.push(vec![
            ctx.competence_name(&s.competence),
            levels,
            ctx.int(s.respondents),
            ctx.figure_or(share_hidden, s.share_at_level, |x| ctx.pct(x)),
            ctx.figure_or(s.suppressed, s.mean_need, |x| ctx.lang.number(x, 1)),
        ]);
    }
    t
}

/// Kartlegging, municipality-wide: one row per competence area.
pub(crate) fn section(ctx: &Ctx, doc: &mut Doc) {
    let r = ctx.r;
    doc.heading(3, r.h_survey);
    let rows = &ctx.a.survey.areas;
    if rows.is_empty() {
        doc.para(r.survey_none);
        return;
    }
    doc.raw(r.survey_intro);
    doc.table(&area_table(ctx, rows));
    if rows.iter().any(|r| r.suppressed) {
        doc.para(&fill(
            r.survey_hidden_note,
            &[("n", &ctx.a.min_group_size.to_string())],
        ));
    }
}
