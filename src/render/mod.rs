//! Renderers of the analysis: comfy-table text tables, JSON, CSV and Markdown.
//!
//! In: an [`Analysis`] (and a [`Lang`] for the human formats). Out: bytes on
//! any writer. Table and Markdown share one language-aware layout ([`view`]);
//! Markdown and `plan report` share one Markdown writer ([`md`]); JSON and CSV
//! are language-neutral data with full-precision numbers (and CSV has a
//! flavour for Norwegian Excel, [`csv::Flavour::Excel`]). Renderers format the
//! analysis' numbers and compute none.

pub mod cells;
pub mod csv;
pub mod demand;
pub mod diff;
pub mod json;
pub mod markdown;
pub mod md;
pub mod names;
pub mod table;
pub mod view;
pub mod workload;

use std::io::{self, Write};

use crate::analyse::Analysis;
use crate::i18n::Lang;
pub use names::Names;

/// Output format of `plan analyse`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Gap tables for a terminal.
    Table,
    /// One JSON object, full precision.
    Json,
    /// The four tables as CSV, separated by a blank line (use --out for one file each).
    Csv,
    /// GitHub-flavoured Markdown tables.
    Markdown,
}

/// Render `a` in `format`; the human formats (and Excel's CSV) show the
/// plan's `names` for its ids.
pub fn render(
    out: &mut dyn Write,
    format: Format,
    a: &Analysis,
    lang: Lang,
    names: &Names,
) -> io::Result<()> {
    match format {
        Format::Table => table::render(out, a, lang, names),
        Format::Json => json::render(out, a),
        Format::Csv => csv::render_all(out, a, csv::Flavour::Data, names),
        Format::Markdown => markdown::render(out, a, lang, names),
    }
}
