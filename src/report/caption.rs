//! The one-sentence caption of a krav/kapital figure: the finding, not the
//! title ("Sykepleier: behovet øker fra 9,5 til 81,4 årsverk innen 2030").
//!
//! In: per panel its name and its need (behov, from the analysis) in the base
//! year and the end year. Out: the sentence of the panel whose end-year need
//! is largest, in the report's language; `None` when no panel has both years.

use crate::i18n::fill;

use super::context::Ctx;

/// One panel's name and need in the base year and the end year.
pub(crate) struct Need {
    pub name: String,
    pub base: Option<f64>,
    pub end: Option<f64>,
}

pub(crate) fn need_caption(ctx: &Ctx, needs: &[Need]) -> Option<String> {
    let f = ctx.lang.form();
    let (name, base, end) = needs
        .iter()
        .filter_map(|n| Some((n.name.as_str(), n.base?, n.end?)))
        // the largest need last; among equals the first panel
        .rev()
        .max_by(|a, b| a.2.total_cmp(&b.2))?;
    let (from, to) = (ctx.fte(base), ctx.fte(end));
    let template = if to == from {
        f.fig_need_same
    } else if end > base {
        f.fig_need_up
    } else {
        f.fig_need_down
    };
    let year = ctx.a.end_year.to_string();
    Some(fill(
        template,
        &[
            ("name", name),
            ("from", &from),
            ("to", &to),
            ("year", &year),
        ],
    ))
}
