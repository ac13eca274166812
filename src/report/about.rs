//! «Om tallene»: how the numbers are made, in plain words, and what the marks
//! mean (• hidden for privacy, – not given).
//!
//! In: the catalogue and the anonymity threshold (through [`Ctx`]). Out: the
//! appendix as Markdown blocks, after step 7 and before the units' plans.

use crate::i18n::fill;
use crate::render::md::Doc;

use super::context::Ctx;

pub(crate) fn about(ctx: &Ctx, doc: &mut Doc) {
    let r = ctx.r;
    doc.heading(2, r.h_about);
    for p in r.about_text {
        doc.raw(p);
    }
    let n = ctx.a.min_group_size.to_string();
    let marks: Vec<String> = r
        .about_marks
        .iter()
        .map(|m| fill(m, &[("n", &n)]))
        .collect();
    doc.raw_bullets(&marks);
}
