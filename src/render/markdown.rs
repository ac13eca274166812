//! Markdown (GitHub-flavoured): the same sections as the text tables, as pipe
//! tables with right-aligned number columns and bold totals rows.
//!
//! In: an [`Analysis`] and a [`Lang`]. Out: a Markdown document.

use std::io::{self, Write};

use super::view::{write_document, Section};
use crate::analyse::Analysis;
use crate::i18n::Lang;

pub fn render(out: &mut dyn Write, a: &Analysis, lang: Lang) -> io::Result<()> {
    let m = lang.messages();
    write_document(
        out,
        a,
        lang,
        &[&format!("# {}", m.analysis_title), ""],
        section,
    )
}

/// A cell safe inside a pipe table.
fn cell(text: &str) -> String {
    text.replace('\\', "\\\\").replace('|', "\\|")
}

fn line(out: &mut dyn Write, cells: impl Iterator<Item = String>) -> io::Result<()> {
    write!(out, "|")?;
    for c in cells {
        write!(out, " {c} |")?;
    }
    writeln!(out)
}

pub fn section(out: &mut dyn Write, s: &Section) -> io::Result<()> {
    writeln!(out, "## {}", s.title)?;
    writeln!(out)?;
    if !s.rows.is_empty() {
        line(out, s.headers.iter().map(|h| cell(h)))?;
        line(
            out,
            s.numeric.iter().map(|&n| {
                if n {
                    "---:".to_string()
                } else {
                    "---".to_string()
                }
            }),
        )?;
        for r in &s.rows {
            line(
                out,
                r.cells.iter().map(|c| {
                    if r.total && !c.is_empty() {
                        format!("**{}**", cell(c))
                    } else {
                        cell(c)
                    }
                }),
            )?;
        }
        if !s.notes.is_empty() {
            writeln!(out)?;
        }
    }
    for n in &s.notes {
        writeln!(out, "{}", cell(n))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::{analyse, testkit::*};

    #[test]
    fn every_table_row_has_the_header_width() {
        let mut plan = plan_2025_2029();
        plan.capacity = vec![cap("u", "spl", 1.0, &["spl"], 0.0)];
        plan.staff = vec![person("a", "u", "spl", 60.0, Some("spl"), 1980)];
        let mut buf = Vec::new();
        render(&mut buf, &analyse(&plan), Lang::Nb).unwrap();
        let text = String::from_utf8(buf).unwrap();
        let mut width = None;
        for l in text.lines() {
            if l.starts_with('|') {
                let n = l.matches(" |").count();
                if l.starts_with("| ---") || width.is_none() {
                    width = Some(n);
                }
                assert_eq!(Some(n), width, "{l}");
            } else {
                width = None;
            }
        }
        assert!(text.contains("| **Sum** | **spl** | **1,0** | **0,6** |"));
    }
}
