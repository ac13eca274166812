//! Markdown (GitHub-flavoured): the same sections as the text tables, as pipe
//! tables with right-aligned number columns and bold totals rows, written by
//! the one Markdown writer ([`super::md`]) that `plan report` uses too.
//!
//! In: an [`Analysis`] and a [`Lang`]. Out: a Markdown document.

use std::io::{self, Write};

use super::md::{inline, Doc};
use super::names::Names;
use super::view::{write_document, Section};
use crate::analyse::Analysis;
use crate::i18n::Lang;

pub fn render(out: &mut dyn Write, a: &Analysis, lang: Lang, names: &Names) -> io::Result<()> {
    let m = lang.messages();
    let mut title = Doc::default();
    title.heading(1, m.analysis_title);
    write_document(
        out,
        a,
        lang,
        names,
        &[title.finish().trim_end(), ""],
        section,
    )
}

/// `## title`, the table (when it has rows), then the notes as one paragraph.
pub fn section(out: &mut dyn Write, s: &Section) -> io::Result<()> {
    let mut doc = Doc::default();
    doc.heading(2, &s.title);
    doc.table(&s.table());
    let notes: Vec<String> = s.notes.iter().map(|n| inline(n)).collect();
    doc.raw(&notes.join("\n"));
    let mut text = doc.finish();
    if s.rows.is_empty() && notes.is_empty() {
        // the heading's blank line, as when a table or notes follow
        text.push('\n');
    }
    out.write_all(text.as_bytes())
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
        render(
            &mut buf,
            &analyse(&plan, &plan.assumptions),
            Lang::Nb,
            &Names::ids(),
        )
        .unwrap();
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

    #[test]
    fn ids_from_the_plan_cannot_become_markup() {
        let mut plan = plan_2025_2029();
        plan.capacity = vec![cap("<b>u</b>", "*spl*", 1.0, &["spl"], 0.0)];
        plan.staff = vec![person("a", "<b>u</b>", "*spl*", 60.0, Some("spl"), 1980)];
        let mut buf = Vec::new();
        render(
            &mut buf,
            &analyse(&plan, &plan.assumptions),
            Lang::Nb,
            &Names::ids(),
        )
        .unwrap();
        let text = String::from_utf8(buf).unwrap();
        assert!(text.contains("| \\<b\\>u\\</b\\> | \\*spl\\* |"), "{text}");
        assert!(!text.contains("<b>") && !text.contains("| *spl*"));
    }
}
