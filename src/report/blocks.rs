//! The report's Markdown read back as events, for the HTML and Word writers.
//!
//! In: the Markdown of [`super::Report`] (front matter, CommonMark, GFM
//! tables, figure links). Out: pulldown-cmark events (the front matter left
//! out), and per table its relative column widths (the dashes of its separator
//! line, [`crate::render::md::Table::widths`]).

use pulldown_cmark::{Event, Options, Parser, Tag};

pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
}

/// The events of `markdown`, with each table's column shares (summing to 1)
/// in document order.
pub(crate) fn events(markdown: &str) -> (Vec<Event<'_>>, Vec<Vec<f64>>) {
    let mut events = Vec::new();
    let mut widths = Vec::new();
    let mut in_meta = false;
    for (ev, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        match &ev {
            Event::Start(Tag::MetadataBlock(_)) => in_meta = true,
            Event::End(pulldown_cmark::TagEnd::MetadataBlock(_)) => {
                in_meta = false;
                continue;
            }
            Event::Start(Tag::Table(_)) => {
                widths.push(shares(markdown.get(range.clone()).unwrap_or("")));
            }
            _ => {}
        }
        if !in_meta {
            events.push(ev);
        }
    }
    (events, widths)
}

/// The column shares of a pipe table from the dashes of its second line.
fn shares(table: &str) -> Vec<f64> {
    let dashes: Vec<f64> = table
        .lines()
        .nth(1)
        .unwrap_or("")
        .trim()
        .trim_matches('|')
        .split('|')
        .map(|c| c.chars().filter(|&ch| ch == '-').count() as f64)
        .collect();
    let sum: f64 = dashes.iter().sum();
    if sum <= 0.0 {
        return dashes;
    }
    dashes.into_iter().map(|d| d / sum).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_left_out_and_tables_keep_their_widths() {
        let md = "---\ntitle: \"T\"\n---\n\n# H\n\n| a | b |\n| --- | ---------: |\n| x | 1 |\n";
        let (events, widths) = events(md);
        assert!(!events
            .iter()
            .any(|e| matches!(e, Event::Text(t) if t.contains("title"))));
        assert_eq!(widths, vec![vec![0.25, 0.75]]);
    }
}
