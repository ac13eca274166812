//! The one Markdown writer (CommonMark + GFM) of `plan analyse --format
//! markdown` and `plan report`.
//!
//! In: headings, paragraphs, lists, tables and figure links as plain text (from
//! the plan and the catalogue). Out: Markdown in which text from the plan files
//! is escaped (it can never become a link, HTML, a heading or a table cell
//! boundary), and every table row has exactly as many cells as its header.

/// A Markdown document being written, block by block (blocks are separated by
/// one blank line).
#[derive(Debug, Default)]
pub struct Doc {
    out: String,
}

impl Doc {
    fn block(&mut self, text: &str) {
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.out.push_str(text);
        if !text.ends_with('\n') {
            self.out.push('\n');
        }
    }

    /// `#`…`######` heading; `text` is escaped.
    pub fn heading(&mut self, level: usize, text: &str) {
        let level = level.clamp(1, 6);
        self.block(&format!("{} {}", "#".repeat(level), inline(text)));
    }

    /// A paragraph of plain text (escaped).
    pub fn para(&mut self, text: &str) {
        if !text.trim().is_empty() {
            self.block(&inline(text));
        }
    }

    /// A paragraph that is already Markdown (from the catalogue, or built from
    /// escaped parts with [`strong`]).
    pub fn raw(&mut self, markdown: &str) {
        if !markdown.trim().is_empty() {
            self.block(markdown);
        }
    }

    /// A bullet list of plain-text items (escaped).
    pub fn bullets<S: AsRef<str>>(&mut self, items: &[S]) {
        let md: Vec<String> = items.iter().map(|i| inline(i.as_ref())).collect();
        self.raw_bullets(&md);
    }

    /// A bullet list of items that are already Markdown.
    pub fn raw_bullets<S: AsRef<str>>(&mut self, items: &[S]) {
        if items.is_empty() {
            return;
        }
        let text: String = items
            .iter()
            .map(|i| format!("- {}\n", i.as_ref()))
            .collect();
        self.block(&text);
    }

    /// A pipe table (nothing for a table without rows).
    pub fn table(&mut self, t: &Table) {
        if !t.rows.is_empty() {
            self.block(&t.markdown());
        }
    }

    /// An image link to a figure beside the document.
    pub fn figure(&mut self, alt: &str, path: &str) {
        self.block(&format!("![{}]({})", inline(alt), path));
    }

    /// The blocks of `other` after these, as if written here one by one.
    pub fn append(&mut self, other: Doc) {
        if other.out.is_empty() {
            return;
        }
        if self.out.is_empty() {
            self.out = other.out;
        } else {
            self.out.push('\n');
            self.out.push_str(&other.out);
        }
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// `**text**` with `text` escaped.
pub fn strong(text: &str) -> String {
    format!("**{}**", inline(text))
}

/// A table: headers, per column whether it holds numbers (right-aligned), rows.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub headers: Vec<String>,
    pub numeric: Vec<bool>,
    pub rows: Vec<TableRow>,
}

#[derive(Debug, Clone)]
pub struct TableRow {
    pub cells: Vec<String>,
    /// A totals row, shown in bold.
    pub strong: bool,
}

impl Table {
    /// Headers; the first `text_cols` columns hold text, the rest numbers.
    pub fn new<S: AsRef<str>>(headers: &[S], text_cols: usize) -> Self {
        Table {
            headers: headers.iter().map(|h| h.as_ref().to_string()).collect(),
            numeric: (0..headers.len()).map(|i| i >= text_cols).collect(),
            rows: Vec::new(),
        }
    }

    /// Add a row; it is padded or cut to the header's width.
    pub fn push(&mut self, cells: Vec<String>) {
        self.push_row(cells, false);
    }

    pub fn push_total(&mut self, cells: Vec<String>) {
        self.push_row(cells, true);
    }

    fn push_row(&mut self, mut cells: Vec<String>, strong: bool) {
        debug_assert_eq!(cells.len(), self.headers.len(), "{cells:?}");
        cells.resize(self.headers.len(), String::new());
        self.rows.push(TableRow { cells, strong });
    }

    /// The pipe table: header, alignment row (numbers right-aligned), rows
    /// (totals in bold), each line ending with a newline.
    pub fn markdown(&self) -> String {
        let width = self.headers.len();
        let mut text = line(self.headers.iter().map(|h| cell(h)));
        let widths = self.widths();
        text.push_str(&line((0..width).map(|i| {
            let dashes = "-".repeat(widths.get(i).copied().unwrap_or(MIN_WIDTH));
            if self.numeric.get(i).copied().unwrap_or(false) {
                format!("{dashes}:")
            } else {
                dashes
            }
        })));
        for r in &self.rows {
            let cells = (0..width).map(|i| {
                let c = r.cells.get(i).map_or("", String::as_str);
                if r.strong && !c.is_empty() {
                    format!("**{}**", cell(c))
                } else {
                    cell(c)
                }
            });
            text.push_str(&line(cells));
        }
        text
    }
}

/// The fewest dashes of a column in the separator line.
const MIN_WIDTH: usize = 3;
/// A column of long text gets at most this many dashes: its text wraps.
const MAX_WIDTH: usize = 30;

impl Table {
    /// Each column's relative width, written as the number of dashes in the
    /// separator line (pandoc sizes a wide pipe table's columns by them): the
    /// longest cell, capped at [`MAX_WIDTH`] so long text wraps, but never less
    /// than the longest word (header included), which cannot wrap.
    pub fn widths(&self) -> Vec<usize> {
        (0..self.headers.len())
            .map(|i| {
                let cells = std::iter::once(self.headers.get(i))
                    .chain(self.rows.iter().map(|r| r.cells.get(i)))
                    .flatten();
                let (mut longest, mut word) = (0, 0);
                for c in cells {
                    longest = longest.max(c.chars().count());
                    let w = c.split_whitespace().map(|w| w.chars().count()).max();
                    word = word.max(w.unwrap_or(0));
                }
                longest.min(MAX_WIDTH).max(word).max(MIN_WIDTH)
            })
            .collect()
    }
}

fn line(cells: impl Iterator<Item = String>) -> String {
    let mut s = String::from("|");
    for c in cells {
        s.push(' ');
        s.push_str(&c);
        s.push_str(" |");
    }
    s.push('\n');
    s
}

/// A table cell: escaped inline text (so `|` is `\|`).
fn cell(text: &str) -> String {
    inline(text)
}

/// Plain text as inline Markdown that starts a block (a paragraph, list item,
/// heading or cell): [`inline_mid`], and a block marker at its start neutralised.
pub fn inline(text: &str) -> String {
    let mut out = inline_mid(text);
    if out.starts_with(['#', '-', '+', '=']) {
        out.insert(0, '\\');
    }
    // "1. " or "1) " at the start would begin an ordered list
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && matches!(out[digits..].chars().next(), Some('.' | ')')) {
        out.insert(digits, '\\');
    }
    out
}

/// Plain text as inline Markdown inside a line: one line, with every character
/// that could start markup escaped.
pub fn inline_mid(text: &str) -> String {
    // every character that is escaped is ASCII, so bytes tell
    let special = |b: u8| {
        matches!(
            b,
            b'\\' | b'`' | b'*' | b'_' | b'[' | b']' | b'<' | b'>' | b'|' | b'&' | b'~'
        )
    };
    let mut out = String::with_capacity(text.len() + 4);
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if !word.bytes().any(special) {
            out.push_str(word);
            continue;
        }
        for ch in word.chars() {
            if u8::try_from(ch).is_ok_and(special) {
                out.push('\\');
            }
            out.push(ch);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_text_cannot_become_markup() {
        assert_eq!(inline("a | b"), "a \\| b");
        assert_eq!(inline("# not a heading"), "\\# not a heading");
        assert_eq!(inline("- not\na list"), "\\- not a list");
        assert_eq!(inline("2025. år"), "2025\\. år");
        assert_eq!(inline("<b>[x](y)</b>"), "\\<b\\>\\[x\\](y)\\</b\\>");
        assert_eq!(inline("70/30 og 55,4 %"), "70/30 og 55,4 %");
        assert_eq!(inline_mid("  a\u{a0}b \t c~ \\x "), "a b c\\~ \\\\x");
        assert_eq!(inline_mid("ø & å"), "ø \\& å");
    }

    #[test]
    fn appending_is_writing_in_place() {
        let write = |d: &mut Doc, from: usize, to: usize| {
            for i in from..to {
                d.heading(3, &i.to_string());
                d.para("text");
            }
        };
        let mut whole = Doc::default();
        write(&mut whole, 0, 4);
        let mut joined = Doc::default();
        for (from, to) in [(0, 0), (0, 1), (1, 1), (1, 4)] {
            let mut part = Doc::default();
            write(&mut part, from, to);
            joined.append(part);
        }
        assert_eq!(joined.finish(), whole.finish());
    }

    #[test]
    fn separator_dashes_follow_the_content() {
        let mut t = Table::new(&["Enhet", "Tiltak", "Krav"], 2);
        t.push(vec![
            "Hjemmetjenesten".into(),
            "Ressurspersonnettverk for demens og alderspsykiatri, med fagdager hvert kvartal"
                .into(),
            "12,5".into(),
        ]);
        let text = t.markdown();
        let sep = text.lines().nth(1).unwrap();
        // the unit's name whole, the long text capped, the number by its header
        assert_eq!(
            sep,
            format!(
                "| {} | {} | {}: |",
                "-".repeat(15),
                "-".repeat(30),
                "-".repeat(4)
            )
        );
        // a word longer than the cap is never split
        let mut t = Table::new(&["Kompetanseutviklingsprogrammet"], 1);
        t.push(vec!["x".into()]);
        assert_eq!(t.widths(), vec![30]);
        let mut t = Table::new(&["K"], 1);
        t.push(vec!["Kompetanseutviklingsprogrammetsleder".into()]);
        assert_eq!(t.widths(), vec![36]);
    }

    #[test]
    fn rows_have_the_header_width() {
        let mut t = Table::new(&["a", "b"], 1);
        t.rows.push(TableRow {
            cells: vec!["x".into()],
            strong: false,
        });
        t.push_total(vec!["s".into(), "1".into()]);
        let mut d = Doc::default();
        d.table(&t);
        let text = d.finish();
        assert_eq!(
            text,
            "| a | b |\n| --- | ---: |\n| x |  |\n| **s** | **1** |\n"
        );
    }
}
