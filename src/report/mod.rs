//! `plan report`: the strategic competence plan as one Markdown document.
//!
//! In: a validated [`Plan`], its [`Analysis`] (of the whole plan, made once by
//! the caller) and [`Options`] (language, one unit or all, figures or not).
//! Out: a [`Report`] — the Markdown text and the SVG figures it links
//! (relative paths under [`FIGURE_DIR`]). The document follows KS's seven steps
//! and the Stange plan: organisation, anchoring, goals, the competence concept,
//! Lai's analysis, strategies and measures, follow-up, and one action plan per
//! unit. Every visible word comes from the catalogue ([`crate::i18n`]); every
//! number from the analysis, with its small-group suppression: nothing here
//! computes a figure, reads the clock or the file system.

mod about;
mod analysis;
mod blocks;
mod caption;
mod context;
mod docx;
mod figures;
mod followup;
mod front;
mod html;
mod index;
mod meta;
mod population;
mod reading;
mod requirements;
mod scenarios;
mod series;
mod strategies;
mod survey;
mod uncovered;
mod unit_plan;
mod units;
mod workload;

use crate::analyse::Analysis;
use crate::i18n::Lang;
use crate::model::Plan;
use crate::render::md::Doc;
use context::Ctx;
pub use docx::{docx, DocxFigure, TABLE_STYLE};
pub use html::html;
pub use meta::Meta;

/// The folder beside the document that holds its figures.
pub const FIGURE_DIR: &str = "figurer";

/// What to write.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub lang: Lang,
    /// Only the action plan of this unit (KS: tiltaksplan på virksomhetsnivå).
    pub unit: Option<String>,
    /// Draw the SVG figures and link them.
    pub figures: bool,
}

/// One SVG figure: its file name inside [`FIGURE_DIR`] and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub file: String,
    pub svg: String,
}

/// The document and its figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// Title, subtitle, date and language, also written as the Markdown's
    /// front matter.
    pub meta: Meta,
    /// The document: pandoc front matter, then CommonMark + GFM tables.
    pub markdown: String,
    pub figures: Vec<Figure>,
}

/// Write the report of `plan` from its analysis `a` (of the whole plan, as
/// [`crate::analyse::analyse`] makes it). Fails only when a figure cannot be
/// drawn, or when `opts.unit` is not a unit of the plan.
pub fn build(plan: &Plan, a: &Analysis, opts: &Options) -> anyhow::Result<Report> {
    build_since(plan, a, opts, None)
}

/// [`build`], with step 7's "changes since the last revision" from `since`
/// (`plan report --since REV`: the diff of REV against this plan).
pub fn build_since(
    plan: &Plan,
    a: &Analysis,
    opts: &Options,
    since: Option<&crate::diff::PlanDiff>,
) -> anyhow::Result<Report> {
    let ctx = Ctx::new(plan, a, opts, since);
    let mut doc = Doc::default();
    let meta;
    match opts.unit.as_deref() {
        Some(u) => {
            let Some(unit) = plan.unit(u) else {
                anyhow::bail!("unknown unit `{u}`");
            };
            meta = meta::meta(&ctx, Some(unit));
            front::unit_title(&ctx, &mut doc, unit);
            units::alone(&ctx, &mut doc, unit)?;
        }
        None => {
            meta = meta::meta(&ctx, None);
            // the plan and its appendix side by side; the appendix draws no
            // figures, so their order is the plan's alone
            let (body, appendix) = rayon::join(
                || body(&ctx),
                || {
                    let mut d = Doc::default();
                    units::appendix(&ctx, &mut d);
                    d
                },
            );
            doc = body?;
            doc.append(appendix);
        }
    }
    let mut markdown = meta.front_matter();
    markdown.push_str(&doc.finish());
    Ok(Report {
        meta,
        markdown,
        figures: ctx.into_figures(),
    })
}

/// Every chapter before the appendix.
fn body(ctx: &Ctx) -> anyhow::Result<Doc> {
    let mut doc = Doc::default();
    front::title(ctx, &mut doc);
    front::organisation(ctx, &mut doc);
    front::anchoring(ctx, &mut doc);
    front::goals(ctx, &mut doc);
    population::population(ctx, &mut doc)?;
    front::concept(ctx, &mut doc);
    analysis::analysis(ctx, &mut doc)?;
    scenarios::scenarios(ctx, &mut doc)?;
    strategies::strategies(ctx, &mut doc);
    followup::follow_up(ctx, &mut doc);
    about::about(ctx, &mut doc);
    Ok(doc)
}
