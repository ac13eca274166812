//! Renderers of the analysis: comfy-table text tables, JSON, CSV and Markdown.
//!
//! In: an [`Analysis`] (and a [`Lang`] for the human formats). Out: bytes on
//! any writer. Table and Markdown share one language-aware layout ([`view`]);
//! Markdown and `plan report` share one Markdown writer ([`md`]); JSON and CSV
//! are language-neutral data with full-precision numbers. Renderers format the
//! analysis' numbers and compute none.

pub mod cells;
pub mod csv;
pub mod demand;
pub mod diff;
pub mod json;
pub mod markdown;
pub mod md;
pub mod table;
pub mod view;

use std::io::{self, Write};

use crate::analyse::Analysis;
use crate::i18n::Lang;

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

pub fn render(out: &mut dyn Write, format: Format, a: &Analysis, lang: Lang) -> io::Result<()> {
    match format {
        Format::Table => table::render(out, a, lang),
        Format::Json => json::render(out, a),
        Format::Csv => csv::render_all(out, a),
        Format::Markdown => markdown::render(out, a, lang),
    }
}
