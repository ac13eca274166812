//! The document's metadata and the pandoc front matter that carries it.
//!
//! In: the plan's `[plan]` table (title, municipality, period, dates), the
//! unit of a `--unit` document, and the language. Out: a [`Meta`] (used by the
//! HTML and Word writers) and its YAML front matter for pandoc: title, subtitle,
//! date, `lang`, A4 paper with 2 cm margins, a table of contents and figure and
//! table caption prefixes in the document's language.

use crate::i18n::fill;
use crate::model::Unit;
use crate::render::md::inline_mid;

use super::context::Ctx;

/// What a reader sees before the first heading, and the document's language.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Meta {
    pub title: String,
    pub subtitle: String,
    /// The date of the last revision (or adoption), written out; empty for a
    /// draft.
    pub date: String,
    /// BCP 47 tag: `nb-NO`, `en-GB`.
    pub lang: String,
    /// Whether the document is long enough for a table of contents.
    pub toc: bool,
    /// "Figur" / "Figure".
    pub figure: String,
    /// "Tabell" / "Table".
    pub table: String,
    /// "Innhold" / "Contents".
    pub toc_title: String,
    /// "Side" / "Page".
    pub page: String,
}

pub(crate) fn meta(ctx: &Ctx, unit: Option<&Unit>) -> Meta {
    let (p, f) = (&ctx.plan.meta, ctx.lang.form());
    let title = match unit {
        Some(u) => fill(ctx.r.unit_title, &[("unit", &u.name)]),
        None => p.title.clone(),
    };
    let date = p
        .revised()
        .or(p.adopted)
        .map(|d| ctx.date(d))
        .unwrap_or_default();
    Meta {
        title,
        subtitle: fill(
            f.subtitle,
            &[
                (
                    "municipality",
                    &fill(ctx.r.municipality_name, &[("name", &p.municipality)]),
                ),
                ("from", &p.period.from.to_string()),
                ("to", &p.period.to.to_string()),
            ],
        ),
        date,
        lang: f.tag.to_string(),
        toc: unit.is_none(),
        figure: f.figure.to_string(),
        table: f.table.to_string(),
        toc_title: f.toc.to_string(),
        page: f.page.to_string(),
    }
}

/// A YAML string holding inline Markdown: JSON's quoting is YAML's.
fn quoted(text: &str) -> String {
    serde_json::to_string(&inline_mid(text)).unwrap_or_else(|_| "\"\"".to_string())
}

impl Meta {
    /// The YAML front matter pandoc reads (`---` … `---`, then a blank line).
    pub fn front_matter(&self) -> String {
        let mut y = String::from("---\n");
        y.push_str(&format!("title: {}\n", quoted(&self.title)));
        y.push_str(&format!("subtitle: {}\n", quoted(&self.subtitle)));
        if !self.date.is_empty() {
            y.push_str(&format!("date: {}\n", quoted(&self.date)));
        }
        y.push_str(&format!("lang: {}\n", self.lang));
        y.push_str("papersize: a4\n");
        y.push_str("geometry: margin=2cm\n");
        y.push_str("fontsize: 10pt\n");
        if self.toc {
            y.push_str("toc: true\n");
            y.push_str(&format!("toc-title: {}\n", quoted(&self.toc_title)));
        }
        // pandoc-crossref's prefixes; LaTeX takes them from `lang`
        y.push_str(&format!("figureTitle: {}\n", quoted(&self.figure)));
        y.push_str(&format!("tableTitle: {}\n", quoted(&self.table)));
        y.push_str("---\n\n");
        y
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_text_in_the_front_matter_stays_a_string() {
        let m = Meta {
            title: "Plan: \"ny\" | *2025*\n---".into(),
            lang: "nb-NO".into(),
            ..Meta::default()
        };
        let y = m.front_matter();
        // one line per key, the plan's text quoted and escaped
        assert!(
            y.starts_with("---\ntitle: \"Plan: \\\"ny\\\" \\\\| \\\\*2025\\\\* ---\"\n"),
            "{y}"
        );
        assert_eq!(y.matches("\n---\n").count(), 1, "{y}");
        assert!(y.contains("lang: nb-NO\npapersize: a4\n"));
        assert!(!y.contains("toc: true"));
    }
}
