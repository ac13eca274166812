//! Text tables for a terminal (comfy-table), one per section of the layout.
//!
//! In: an [`Analysis`] and a [`Lang`]. Out: each section's title, a table with
//! numbers right-aligned, and its notes. No colour and no dependence on the
//! terminal's width, so the output is the same on screen and in a file.

use std::io::{self, Write};

use comfy_table::{presets, CellAlignment, Table};

use super::names::Names;
use super::view::{write_document, Section};
use crate::analyse::Analysis;
use crate::i18n::Lang;

pub fn render(out: &mut dyn Write, a: &Analysis, lang: Lang, names: &Names) -> io::Result<()> {
    let m = lang.messages();
    write_document(out, a, lang, names, &[m.analysis_title], section)
}

pub fn section(out: &mut dyn Write, s: &Section) -> io::Result<()> {
    writeln!(out, "{}", s.title)?;
    if !s.rows.is_empty() {
        let mut t = Table::new();
        t.load_style(presets::UTF8_FULL_CONDENSED)
            .force_no_tty()
            .set_header(s.headers.clone());
        for r in &s.rows {
            t.add_row(r.cells.clone());
        }
        for (i, &numeric) in s.numeric.iter().enumerate() {
            if let (true, Some(c)) = (numeric, t.column_mut(i)) {
                c.set_cell_alignment(CellAlignment::Right);
            }
        }
        writeln!(out, "{t}")?;
    }
    for n in &s.notes {
        writeln!(out, "{n}")?;
    }
    Ok(())
}
