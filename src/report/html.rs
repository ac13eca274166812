//! `plan report --format html`: the report as one self-contained HTML file.
//!
//! In: a [`Report`] (its Markdown, metadata and SVG figures). Out: one HTML
//! document with the figures inline (SVG), the stylesheet inline (screen and
//! print: A4, 2 cm margins, table heads repeated on every page), a table of
//! contents, numbered figure captions in the document's language and nothing
//! fetched from the network. Tables keep the relative column widths of the
//! Markdown. Deterministic: the bytes depend only on the report.

use std::fmt::Write as _;

use pulldown_cmark::{html, CowStr, Event, HeadingLevel, Tag, TagEnd};

use super::blocks;
use super::Report;

/// The stylesheet: sans-serif text at 10 pt, tables at 9 pt, A4 when printed.
const CSS: &str = include_str!("report.css");

/// The whole HTML document of `report`.
pub fn html(report: &Report) -> String {
    let meta = &report.meta;
    let (events, widths) = blocks::events(&report.markdown);
    let mut out = String::with_capacity(report.markdown.len() * 2);
    out.push_str("<!DOCTYPE html>\n");
    let _ = write!(
        out,
        "<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
        esc(&meta.lang)
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<title>{}</title>", esc(&meta.title));
    let _ = writeln!(out, "<style>\n{CSS}</style>\n</head>\n<body>");
    let toc = contents(&events);
    let body = body(report, events, &widths, &toc);
    out.push_str(&body);
    out.push_str("</body>\n</html>\n");
    out
}

/// The `h2` headings (id, text) for the table of contents.
fn contents(events: &[Event]) -> Vec<(String, String)> {
    let mut toc = Vec::new();
    let mut current: Option<String> = None;
    for ev in events {
        match ev {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2,
                ..
            }) => current = Some(String::new()),
            Event::End(TagEnd::Heading(HeadingLevel::H2)) => {
                if let Some(text) = current.take() {
                    toc.push((format!("s{}", toc.len() + 1), text));
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = current.as_mut() {
                    c.push_str(t);
                }
            }
            _ => {}
        }
    }
    toc
}

fn body(
    report: &Report,
    events: Vec<Event>,
    widths: &[Vec<f64>],
    toc: &[(String, String)],
) -> String {
    let meta = &report.meta;
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    let (mut tables, mut figures, mut h2) = (0usize, 0usize, 0usize);
    let mut iter = events.into_iter().peekable();
    let mut title_done = false;
    while let Some(ev) = iter.next() {
        match ev {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2,
                classes,
                attrs,
                ..
            }) => {
                h2 += 1;
                out.push(Event::Start(Tag::Heading {
                    level: HeadingLevel::H2,
                    id: Some(CowStr::from(format!("s{h2}"))),
                    classes,
                    attrs,
                }));
            }
            Event::End(TagEnd::Heading(HeadingLevel::H1)) if !title_done => {
                title_done = true;
                out.push(ev);
                out.push(Event::Html(CowStr::from(title_block(meta, toc))));
            }
            Event::Start(Tag::Table(_)) => {
                let cols = widths.get(tables).map(Vec::as_slice).unwrap_or(&[]);
                tables += 1;
                out.push(ev);
                let mut g = String::from("<colgroup>");
                for w in cols {
                    let _ = write!(g, "<col style=\"width:{:.1}%\">", w * 100.0);
                }
                g.push_str("</colgroup>");
                out.push(Event::Html(CowStr::from(g)));
            }
            // a paragraph holding only a figure link: the figure, inline
            Event::Start(Tag::Paragraph)
                if matches!(iter.peek(), Some(Event::Start(Tag::Image { .. }))) =>
            {
                let Some(Event::Start(Tag::Image { dest_url, .. })) = iter.next() else {
                    continue;
                };
                let mut alt = String::new();
                for inner in iter.by_ref() {
                    match inner {
                        Event::End(TagEnd::Image) => break,
                        Event::Text(t) => alt.push_str(&t),
                        _ => {}
                    }
                }
                // the paragraph's end (and anything else in it is dropped)
                for inner in iter.by_ref() {
                    if matches!(inner, Event::End(TagEnd::Paragraph)) {
                        break;
                    }
                }
                figures += 1;
                out.push(Event::Html(CowStr::from(figure(
                    report, &dest_url, &alt, figures,
                ))));
            }
            other => out.push(other),
        }
    }
    let mut text = String::new();
    html::push_html(&mut text, out.into_iter());
    text
}

/// Subtitle, date and the table of contents, after the title.
fn title_block(meta: &super::Meta, toc: &[(String, String)]) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "<p class=\"subtitle\">{}</p>", esc(&meta.subtitle));
    if !meta.date.is_empty() {
        let _ = writeln!(s, "<p class=\"date\">{}</p>", esc(&meta.date));
    }
    if meta.toc && !toc.is_empty() {
        let _ = writeln!(
            s,
            "<nav class=\"toc\"><h2 class=\"toc-title\">{}</h2><ol>",
            esc(&meta.toc_title)
        );
        for (id, text) in toc {
            let _ = writeln!(s, "<li><a href=\"#{id}\">{}</a></li>", esc(text));
        }
        s.push_str("</ol></nav>\n");
    }
    s
}

/// `<figure>` with the SVG of the figure linked as `url`, and its caption.
fn figure(report: &Report, url: &str, alt: &str, n: usize) -> String {
    let file = url.rsplit('/').next().unwrap_or(url);
    let svg = report
        .figures
        .iter()
        .find(|f| f.file == file)
        .map_or("", |f| f.svg.as_str());
    let svg = svg
        .trim_start()
        .strip_prefix("<?xml")
        .and_then(|s| s.split_once("?>").map(|(_, rest)| rest))
        .unwrap_or(svg);
    // a title for screen readers; the caption says the finding
    let svg = svg.replacen(
        "<svg ",
        &format!("<svg role=\"img\" aria-label=\"{}\" ", esc(alt)),
        1,
    );
    format!(
        "<figure>\n{}\n<figcaption><span class=\"label\">{} {n}:</span> {}</figcaption>\n</figure>\n",
        svg.trim(),
        esc(&report.meta.figure),
        esc(alt)
    )
}

/// Text as HTML (element content and attribute values).
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Figure, Meta};

    fn report(md: &str) -> Report {
        Report {
            meta: Meta {
                title: "Plan <1>".into(),
                subtitle: "Fjordvik kommune · 2025–2030".into(),
                lang: "nb-NO".into(),
                figure: "Figur".into(),
                toc: true,
                toc_title: "Innhold".into(),
                ..Meta::default()
            },
            markdown: md.into(),
            figures: vec![Figure {
                file: "a.svg".into(),
                svg: "<svg width=\"10\" height=\"5\"><text>x</text></svg>".into(),
            }],
        }
    }

    #[test]
    fn figures_are_inline_with_numbered_captions_and_tables_keep_widths() {
        let md = "---\ntitle: x\n---\n\n# Plan\n\n## 1 Mål\n\n![Funnet & mer](figurer/a.svg)\n\n| a | b |\n| --- | ---------: |\n| x | 1 |\n";
        let h = html(&report(md));
        assert!(h.starts_with("<!DOCTYPE html>\n<html lang=\"nb-NO\">"));
        assert!(h.contains("<title>Plan &lt;1&gt;</title>"));
        assert!(
            h.contains("<figure>\n<svg role=\"img\" aria-label=\"Funnet &amp; mer\" width=\"10\""),
            "{h}"
        );
        assert!(h.contains(
            "<figcaption><span class=\"label\">Figur 1:</span> Funnet &amp; mer</figcaption>"
        ));
        assert!(!h.contains("<p><figure>"));
        assert!(h.contains("<col style=\"width:25.0%\"><col style=\"width:75.0%\">"));
        assert!(h.contains("<h2 id=\"s1\">1 Mål</h2>"), "{h}");
        assert!(h.contains("<li><a href=\"#s1\">1 Mål</a></li>"));
        assert!(!h.contains("title: x"), "front matter leaked");
        // nothing from the network
        assert!(!h.contains("src=") && !h.contains("href=\"http") && !h.contains("url("));
    }
}
