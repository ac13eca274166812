//! `plan report --format docx`: the report as a Word document, written here.
//!
//! In: a [`Report`] and its figures as PNG images (drawn from the SVG by the
//! caller, [`crate::raster`]). Out: the bytes of a .docx (Office Open XML):
//! A4 portrait with 2 cm margins, the document's language on every run
//! (`w:lang`, so Word checks Norwegian spelling), styles for title, headings,
//! body, lists, captions and a table style ("Tabell": header row shaded and
//! repeated on each page, thin rules), relative column widths from the
//! Markdown, figures 17 cm wide with numbered captions, a table of contents
//! field that Word fills in, and page numbers in the footer.
//!
//! Deterministic: no dates in the document properties and every zip entry
//! stamped 1980-01-01, so identical input gives identical bytes.

use std::fmt::Write as _;
use std::io::{Cursor, Write};

use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};
use zip::write::SimpleFileOptions;

use super::{blocks, Report};
use crate::raster::Png;

/// A4 in twentieths of a point (dxa), and the margins (2 cm).
const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
const MARGIN: u32 = 1134;
/// The text width in dxa and in EMU (1 dxa = 635 EMU).
const TEXT_W: u32 = PAGE_W - 2 * MARGIN;
const TEXT_W_EMU: u64 = TEXT_W as u64 * 635;

/// The name of the table style (its id is the same).
pub const TABLE_STYLE: &str = "Tabell";

/// A figure for Word: the file name the Markdown links and its PNG.
pub struct DocxFigure<'a> {
    pub file: &'a str,
    pub png: &'a Png,
}

/// The .docx of `report` with `figures` (matched by file name to the links).
pub fn docx(report: &Report, figures: &[DocxFigure]) -> anyhow::Result<Vec<u8>> {
    let mut w = Writer::new(report, figures);
    w.body();
    w.finish()
}

struct Writer<'a> {
    report: &'a Report,
    figures: &'a [DocxFigure<'a>],
    body: String,
    /// The figures used, in order: (relationship id, media file name, index
    /// into `figures`).
    media: Vec<(String, String, usize)>,
}

/// The state of the inline text being gathered into runs: text of the same
/// formatting is joined into one run.
#[derive(Default)]
struct Inline {
    runs: String,
    bold: usize,
    italic: usize,
    /// Text not yet written, and its (bold, italic, code).
    pending: String,
    pending_fmt: (bool, bool, bool),
}

impl Inline {
    fn text(&mut self, t: &str, code: bool) {
        if t.is_empty() {
            return;
        }
        let fmt = (self.bold > 0, self.italic > 0, code);
        if fmt != self.pending_fmt {
            self.flush();
            self.pending_fmt = fmt;
        }
        self.pending.push_str(t);
    }

    fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let (bold, italic, code) = self.pending_fmt;
        self.runs.push_str("<w:r>");
        if bold || italic || code {
            self.runs.push_str("<w:rPr>");
            if code {
                self.runs.push_str(
                    "<w:rFonts w:ascii=\"Liberation Mono\" w:hAnsi=\"Liberation Mono\"/>",
                );
            }
            if bold {
                self.runs.push_str("<w:b/>");
            }
            if italic {
                self.runs.push_str("<w:i/>");
            }
            self.runs.push_str("</w:rPr>");
        }
        let text = std::mem::take(&mut self.pending);
        let _ = write!(
            self.runs,
            "<w:t xml:space=\"preserve\">{}</w:t></w:r>",
            esc(&text)
        );
    }

    fn take(&mut self) -> String {
        self.flush();
        std::mem::take(&mut self.runs)
    }
}

impl<'a> Writer<'a> {
    fn new(report: &'a Report, figures: &'a [DocxFigure<'a>]) -> Self {
        Writer {
            report,
            figures,
            body: String::new(),
            media: Vec::new(),
        }
    }

    fn para(&mut self, style: &str, extra_ppr: &str, runs: &str) {
        let _ = write!(
            self.body,
            "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/>{extra_ppr}</w:pPr>{runs}</w:p>"
        );
    }

    /// Title block: title, subtitle, date, then the table of contents.
    fn front(&mut self) {
        let meta = &self.report.meta;
        let mut i = Inline::default();
        i.text(&meta.subtitle, false);
        let sub = i.take();
        self.para("Subtitle", "", &sub);
        if !meta.date.is_empty() {
            i.text(&meta.date, false);
            let date = i.take();
            self.para("Subtitle", "", &date);
        }
        if meta.toc {
            i.text(&meta.toc_title, false);
            let title = i.take();
            self.para("TOCHeading", "", &title);
            self.contents();
        }
    }

    /// The table of contents: a TOC field over the chapters (Heading 1), its
    /// result filled with their titles already, so the list shows before
    /// Word updates the field (and adds page numbers) on opening.
    fn contents(&mut self) {
        let (events, _) = blocks::events(&self.report.markdown);
        let mut chapters: Vec<String> = Vec::new();
        let mut current: Option<String> = None;
        for ev in events {
            match ev {
                Event::Start(Tag::Heading {
                    level: HeadingLevel::H2,
                    ..
                }) => current = Some(String::new()),
                Event::End(TagEnd::Heading(HeadingLevel::H2)) => chapters.extend(current.take()),
                Event::Text(t) | Event::Code(t) => {
                    if let Some(c) = current.as_mut() {
                        c.push_str(&t);
                    }
                }
                _ => {}
            }
        }
        let begin = "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r>\
                     <w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-1\" \\h \\z \\u </w:instrText></w:r>\
                     <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>";
        let end = "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
        let n = chapters.len();
        if n == 0 {
            let _ = write!(self.body, "<w:p>{begin}{end}</w:p>");
            return;
        }
        for (k, chapter) in chapters.iter().enumerate() {
            let mut runs = String::new();
            if k == 0 {
                runs.push_str(begin);
            }
            let _ = write!(
                runs,
                "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>",
                esc(chapter)
            );
            if k + 1 == n {
                runs.push_str(end);
            }
            self.para("TOC1", "", &runs);
        }
    }

    fn body(&mut self) {
        let (events, widths) = blocks::events(&self.report.markdown);
        let mut inline = Inline::default();
        let mut tables = 0usize;
        let mut figures = 0usize;
        let mut title_done = false;
        // the table being written: its column shares and alignments, where its
        // grid goes, and each column's longest word (dxa)
        let mut table: Option<TableState> = None;
        let mut in_head = false;
        let mut cell = 0usize;
        let mut list_depth = 0usize;
        let mut image: Option<(String, String)> = None;
        let mut item_open = false;
        for ev in events {
            if let Some((_, alt)) = image.as_mut() {
                match ev {
                    Event::Text(t) => alt.push_str(&t),
                    Event::End(TagEnd::Image) => {
                        if let Some((url, alt)) = image.take() {
                            figures += 1;
                            self.figure(&url, &alt, figures);
                        }
                    }
                    _ => {}
                }
                continue;
            }
            match ev {
                Event::Start(Tag::Heading { .. }) => {}
                Event::End(TagEnd::Heading(level)) => {
                    let runs = inline.take();
                    if level == HeadingLevel::H1 && !title_done {
                        title_done = true;
                        self.para("Title", "", &runs);
                        self.front();
                    } else {
                        let n = match level {
                            HeadingLevel::H1 | HeadingLevel::H2 => 1,
                            HeadingLevel::H3 => 2,
                            HeadingLevel::H4 => 3,
                            _ => 4,
                        };
                        self.para(&format!("Heading{n}"), "", &runs);
                    }
                }
                Event::Start(Tag::Paragraph) => {}
                Event::End(TagEnd::Paragraph) => {
                    let runs = inline.take();
                    if runs.is_empty() {
                        continue;
                    }
                    if list_depth > 0 {
                        self.list_item(list_depth, &runs);
                        item_open = false;
                    } else {
                        self.para("BodyText", "", &runs);
                    }
                }
                Event::Start(Tag::List(_)) => {
                    if item_open {
                        let runs = inline.take();
                        self.list_item(list_depth, &runs);
                    }
                    list_depth += 1;
                }
                Event::End(TagEnd::List(_)) => list_depth = list_depth.saturating_sub(1),
                Event::Start(Tag::Item) => item_open = true,
                Event::End(TagEnd::Item) => {
                    let runs = inline.take();
                    if !runs.is_empty() {
                        self.list_item(list_depth, &runs);
                    }
                    item_open = false;
                }
                Event::Start(Tag::Strong) => inline.bold += 1,
                Event::End(TagEnd::Strong) => inline.bold = inline.bold.saturating_sub(1),
                Event::Start(Tag::Emphasis) => inline.italic += 1,
                Event::End(TagEnd::Emphasis) => inline.italic = inline.italic.saturating_sub(1),
                Event::Text(t) => {
                    if let Some(ts) = table.as_mut() {
                        ts.measure(cell, &t, in_head);
                    }
                    inline.text(&t, false);
                }
                Event::Code(t) => inline.text(&t, true),
                Event::SoftBreak | Event::HardBreak => inline.text(" ", false),
                Event::Start(Tag::Image { dest_url, .. }) => {
                    image = Some((dest_url.to_string(), String::new()));
                }
                Event::Start(Tag::Table(aligns)) => {
                    let shares = widths.get(tables).cloned().unwrap_or_default();
                    tables += 1;
                    self.table_start();
                    table = Some(TableState {
                        words: vec![0.0; shares.len()],
                        shares,
                        aligns,
                        grid_at: self.body.len(),
                    });
                }
                Event::End(TagEnd::Table) => {
                    if let Some(ts) = table.take() {
                        let mut grid = String::from("<w:tblGrid>");
                        for w in ts.grid() {
                            let _ = write!(grid, "<w:gridCol w:w=\"{w}\"/>");
                        }
                        grid.push_str("</w:tblGrid>");
                        self.body.insert_str(ts.grid_at, &grid);
                    }
                    self.body.push_str("</w:tbl>");
                    // Word needs a paragraph between two tables
                    self.para("BodyText", "<w:spacing w:after=\"0\"/>", "");
                }
                Event::Start(Tag::TableHead) => {
                    in_head = true;
                    cell = 0;
                    self.body
                        .push_str("<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>");
                }
                Event::End(TagEnd::TableHead) => {
                    in_head = false;
                    self.body.push_str("</w:tr>");
                }
                Event::Start(Tag::TableRow) => {
                    cell = 0;
                    self.body.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
                }
                Event::End(TagEnd::TableRow) => self.body.push_str("</w:tr>"),
                Event::Start(Tag::TableCell) => {}
                Event::End(TagEnd::TableCell) => {
                    let runs = inline.take();
                    let right = table.as_ref().is_some_and(|ts| {
                        matches!(ts.aligns.get(cell), Some(pulldown_cmark::Alignment::Right))
                    });
                    let jc = if right { "<w:jc w:val=\"right\"/>" } else { "" };
                    let style = if in_head { "TableHeading" } else { "TableText" };
                    let _ = write!(
                        self.body,
                        "<w:tc><w:p><w:pPr><w:pStyle w:val=\"{style}\"/>{jc}</w:pPr>{runs}</w:p></w:tc>"
                    );
                    cell += 1;
                }
                Event::Rule => self.para("BodyText", "", ""),
                _ => {}
            }
        }
        let runs = inline.take();
        if !runs.is_empty() {
            self.para("BodyText", "", &runs);
        }
    }

    fn list_item(&mut self, depth: usize, runs: &str) {
        let level = depth.saturating_sub(1).min(2);
        let ppr = format!("<w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"1\"/></w:numPr>");
        self.para("ListBullet", &ppr, runs);
    }

    /// The table's properties; its grid is inserted after them at its end.
    fn table_start(&mut self) {
        let _ = write!(
            self.body,
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"{TABLE_STYLE}\"/><w:tblW w:w=\"{TEXT_W}\" w:type=\"dxa\"/>\
             <w:tblLook w:val=\"0420\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr>"
        );
    }

    fn figure(&mut self, url: &str, alt: &str, n: usize) {
        let file = url.rsplit('/').next().unwrap_or(url);
        let Some(index) = self.figures.iter().position(|f| f.file == file) else {
            return;
        };
        let Some(fig) = self.figures.get(index) else {
            return;
        };
        let rid = format!("rIdImg{n}");
        self.media
            .push((rid.clone(), format!("image{n}.png"), index));
        let cx = TEXT_W_EMU;
        let cy = cx * u64::from(fig.png.height.max(1)) / u64::from(fig.png.width.max(1));
        let alt = esc(alt);
        let _ = write!(
            self.body,
            "<w:p><w:pPr><w:pStyle w:val=\"Figure\"/></w:pPr><w:r><w:drawing>\
             <wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{cx}\" cy=\"{cy}\"/>\
             <wp:docPr id=\"{n}\" name=\"{file}\" descr=\"{alt}\"/>\
             <wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>\
             <a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
             <pic:pic><pic:nvPicPr><pic:cNvPr id=\"{n}\" name=\"{file}\"/><pic:cNvPicPr/></pic:nvPicPr>\
             <pic:blipFill><a:blip r:embed=\"{rid}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
             <pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm>\
             <a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>\
             </a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>",
            file = esc(file),
        );
        let label = esc(&format!("{} {n}: ", self.report.meta.figure));
        let _ = write!(
            self.body,
            "<w:p><w:pPr><w:pStyle w:val=\"Caption\"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">{label}</w:t></w:r><w:r><w:t xml:space=\"preserve\">{alt}</w:t></w:r></w:p>"
        );
    }

    fn finish(self) -> anyhow::Result<Vec<u8>> {
        let lang = esc(&self.report.meta.lang);
        let mut document = String::from(XML_DECL);
        document.push_str(DOCUMENT_OPEN);
        document.push_str("<w:body>");
        document.push_str(&self.body);
        let _ = write!(
            document,
            "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>\
             <w:pgSz w:w=\"{PAGE_W}\" w:h=\"{PAGE_H}\"/>\
             <w:pgMar w:top=\"{MARGIN}\" w:right=\"{MARGIN}\" w:bottom=\"{MARGIN}\" w:left=\"{MARGIN}\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>\
             </w:sectPr></w:body></w:document>"
        );
        let mut rels = String::from(XML_DECL);
        rels.push_str("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (id, target, kind) in [
            ("rIdStyles", "styles.xml", "styles"),
            ("rIdSettings", "settings.xml", "settings"),
            ("rIdNumbering", "numbering.xml", "numbering"),
            ("rIdFooter", "footer1.xml", "footer"),
        ] {
            let _ = write!(rels, "<Relationship Id=\"{id}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}\" Target=\"{target}\"/>");
        }
        for (id, file, _) in &self.media {
            let _ = write!(rels, "<Relationship Id=\"{id}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/{file}\"/>");
        }
        rels.push_str("</Relationships>");
        let core = format!(
            "{XML_DECL}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:language>{lang}</dc:language></cp:coreProperties>",
            esc(&self.report.meta.title),
            esc(&self.report.meta.subtitle)
        );
        let footer = format!(
            "{XML_DECL}<w:ftr xmlns:w=\"{W_NS}\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:jc w:val=\"center\"/></w:pPr>\
             <w:r><w:t xml:space=\"preserve\">{} </w:t></w:r>\
             <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>\
             <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:ftr>",
            esc(&self.report.meta.page)
        );
        let styles = styles(&lang);
        let settings = format!(
            "{XML_DECL}<w:settings xmlns:w=\"{W_NS}\"><w:updateFields w:val=\"true\"/><w:defaultTabStop w:val=\"708\"/><w:hyphenationZone w:val=\"425\"/><w:autoHyphenation w:val=\"true\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat><w:themeFontLang w:val=\"{lang}\"/></w:settings>"
        );

        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        // a fixed time on every entry: identical input, identical bytes
        let opts = SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default())
            .unix_permissions(0o644);
        let stored = opts.compression_method(zip::CompressionMethod::Stored);
        let mut put = |name: &str, bytes: &[u8], o: SimpleFileOptions| -> anyhow::Result<()> {
            zip.start_file(name, o)?;
            zip.write_all(bytes)?;
            Ok(())
        };
        put("[Content_Types].xml", CONTENT_TYPES.as_bytes(), opts)?;
        put("_rels/.rels", ROOT_RELS.as_bytes(), opts)?;
        put("docProps/core.xml", core.as_bytes(), opts)?;
        put("docProps/app.xml", APP.as_bytes(), opts)?;
        put("word/document.xml", document.as_bytes(), opts)?;
        put("word/_rels/document.xml.rels", rels.as_bytes(), opts)?;
        put("word/styles.xml", styles.as_bytes(), opts)?;
        put("word/settings.xml", settings.as_bytes(), opts)?;
        put("word/numbering.xml", NUMBERING.as_bytes(), opts)?;
        put("word/footer1.xml", footer.as_bytes(), opts)?;
        for (_, file, index) in &self.media {
            if let Some(f) = self.figures.get(*index) {
                // PNG is compressed already
                put(&format!("word/media/{file}"), &f.png.bytes, stored)?;
            }
        }
        Ok(zip.finish()?.into_inner())
    }
}

/// A table cell's left and right margin (dxa).
const CELL_MARGIN_DXA: u32 = 45;
/// What a cell needs beside its text: both margins and a little slack.
const CELL_PAD_DXA: f64 = 2.0 * CELL_MARGIN_DXA as f64 + 50.0;
/// 9 pt in dxa per em.
const EM_DXA: f64 = 9.0 * 20.0;
/// Bold Arial is about 8 % wider.
const BOLD: f64 = 1.08;

/// The width of `word` in 9 pt Arial, in em: Arial's advance widths by class
/// of character (digits and most lower-case letters 0.556 em). An estimate, on
/// the safe side; checked by eye in LibreOffice on the demo's ten-column gap
/// tables ("2030" and "Behov" stay whole).
fn word_em(word: &str) -> f64 {
    word.chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | 'I' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.28,
            'f' | 't' | 'r' | '(' | ')' | '-' | '/' => 0.39,
            'm' | 'w' => 0.84,
            'M' | 'W' | 'Æ' | 'æ' => 0.95,
            '–' | '≥' => 0.6,
            c if c.is_uppercase() => 0.72,
            _ => 0.556,
        })
        .sum()
}

/// A table being written.
struct TableState {
    /// Each column's share of the width (the Markdown's dashes).
    shares: Vec<f64>,
    aligns: Vec<pulldown_cmark::Alignment>,
    /// Where in the body the `<w:tblGrid>` goes.
    grid_at: usize,
    /// Each column's longest word, in dxa.
    words: Vec<f64>,
}

impl TableState {
    fn measure(&mut self, col: usize, text: &str, bold: bool) {
        let longest = text.split_whitespace().map(word_em).fold(0.0, f64::max);
        let w = longest * EM_DXA * if bold { BOLD } else { 1.0 };
        if let Some(c) = self.words.get_mut(col) {
            *c = c.max(w);
        }
    }

    /// Column widths in dxa summing to the text width: each column its share,
    /// but never narrower than its longest word; what that costs is taken from
    /// the columns wider than their words, in proportion to their slack.
    fn grid(&self) -> Vec<u32> {
        let total = f64::from(TEXT_W);
        let min: Vec<f64> = self.words.iter().map(|w| w + CELL_PAD_DXA).collect();
        let mut w: Vec<f64> = self
            .shares
            .iter()
            .zip(&min)
            .map(|(s, m)| (s * total).max(*m))
            .collect();
        let over = w.iter().sum::<f64>() - total;
        if over > 0.0 {
            let slack: f64 = w.iter().zip(&min).map(|(w, m)| w - m).sum();
            if slack >= over {
                for (x, m) in w.iter_mut().zip(&min) {
                    *x -= (*x - m) * over / slack;
                }
            } else {
                // even the words do not fit: shrink all alike
                let sum: f64 = min.iter().sum();
                w = min.iter().map(|m| m * total / sum).collect();
            }
        }
        w.into_iter().map(|x| x.round().max(0.0) as u32).collect()
    }
}

/// Text as XML (element content and attribute values), without the control
/// characters XML 1.0 forbids.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

const XML_DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

const DOCUMENT_OPEN: &str = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">";

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"png\" ContentType=\"image/png\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/><Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/><Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/><Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/><Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/><Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/><Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/></Types>";

const ROOT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/><Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/></Relationships>";

const APP: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>plan (kompetanseplan)</Application></Properties>";

const NUMBERING: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"hybridMultilevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"360\" w:hanging=\"240\"/></w:pPr></w:lvl><w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"–\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"720\" w:hanging=\"240\"/></w:pPr></w:lvl><w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"·\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"1080\" w:hanging=\"240\"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";

/// Styles: Arial-compatible sans-serif 10 pt in the document's language;
/// headings (outline levels, for the table of contents and Word's navigation
/// pane); the table style.
fn styles(lang: &str) -> String {
    let font =
        "<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\" w:eastAsia=\"Arial\"/>";
    let mut s = format!(
        "{XML_DECL}<w:styles xmlns:w=\"{W_NS}\"><w:docDefaults><w:rPrDefault><w:rPr>{font}<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/><w:lang w:val=\"{lang}\" w:eastAsia=\"{lang}\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
    );
    let para = |id: &str, name: &str, ppr: &str, rpr: &str| {
        format!("<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>")
    };
    s.push_str("<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>");
    s.push_str(&para("BodyText", "Body Text", "", ""));
    s.push_str(&para(
        "Title",
        "Title",
        "<w:spacing w:before=\"0\" w:after=\"120\"/>",
        "<w:b/><w:color w:val=\"1A3F66\"/><w:sz w:val=\"40\"/><w:szCs w:val=\"40\"/>",
    ));
    s.push_str(&para(
        "Subtitle",
        "Subtitle",
        "<w:spacing w:after=\"60\"/>",
        "<w:color w:val=\"333333\"/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>",
    ));
    for (n, size, before) in [(1, 30, 360), (2, 25, 240), (3, 22, 200), (4, 20, 160)] {
        s.push_str(&para(
            &format!("Heading{n}"),
            &format!("heading {n}"),
            &format!("<w:keepNext/><w:keepLines/><w:spacing w:before=\"{before}\" w:after=\"80\"/><w:outlineLvl w:val=\"{}\"/>", n - 1),
            &format!("<w:b/><w:color w:val=\"1A3F66\"/><w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/>"),
        ));
    }
    s.push_str(&para(
        "TOCHeading",
        "TOC Heading",
        "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"80\"/>",
        "<w:b/><w:color w:val=\"1A3F66\"/><w:sz w:val=\"25\"/>",
    ));
    s.push_str(&para("TOC1", "toc 1", "<w:spacing w:after=\"40\"/>", ""));
    s.push_str(&para(
        "ListBullet",
        "List Bullet",
        "<w:spacing w:after=\"40\"/>",
        "",
    ));
    s.push_str(&para(
        "Figure",
        "Figure",
        "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"40\"/>",
        "",
    ));
    s.push_str(&para(
        "Caption",
        "caption",
        "<w:spacing w:after=\"200\"/>",
        "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>",
    ));
    s.push_str(&para(
        "TableText",
        "Table Text",
        "<w:spacing w:before=\"20\" w:after=\"20\" w:line=\"240\" w:lineRule=\"auto\"/>",
        "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>",
    ));
    s.push_str(&para("TableHeading", "Table Heading", "<w:keepNext/><w:spacing w:before=\"20\" w:after=\"20\" w:line=\"240\" w:lineRule=\"auto\"/>", "<w:b/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>"));
    s.push_str(&para("Footer", "footer", "", "<w:sz w:val=\"18\"/>"));
    let _ = write!(
        s,
        "<w:style w:type=\"table\" w:styleId=\"{TABLE_STYLE}\"><w:name w:val=\"{TABLE_STYLE}\"/><w:qFormat/>\
         <w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"1F60A0\"/>\
         <w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"1F60A0\"/>\
         <w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"9AA7B4\"/></w:tblBorders>\
         <w:tblCellMar><w:left w:w=\"{CELL_MARGIN_DXA}\" w:type=\"dxa\"/><w:right w:w=\"{CELL_MARGIN_DXA}\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>\
         <w:tblStylePr w:type=\"firstRow\"><w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E6EDF5\"/><w:vAlign w:val=\"bottom\"/></w:tcPr></w:tblStylePr></w:style>"
    );
    s.push_str("</w:styles>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Meta;
    use std::io::Read;

    fn part(docx: &[u8], name: &str) -> String {
        let mut z = zip::ZipArchive::new(Cursor::new(docx)).unwrap();
        let mut f = z.by_name(name).unwrap();
        let mut s = String::new();
        f.read_to_string(&mut s).unwrap();
        s
    }

    #[test]
    fn a4_language_table_style_and_same_bytes_twice() {
        let report = Report {
            meta: Meta {
                title: "Plan & mål".into(),
                lang: "nb-NO".into(),
                figure: "Figur".into(),
                ..Meta::default()
            },
            markdown: "# Plan\n\n- **a** b\n\n| x | y |\n| --- | ---: |\n| a \\<b\\> | 1,5 |\n"
                .into(),
            figures: vec![],
        };
        let a = docx(&report, &[]).unwrap();
        assert_eq!(a, docx(&report, &[]).unwrap());
        let doc = part(&a, "word/document.xml");
        assert!(doc.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
        assert!(doc.contains("<w:tblStyle w:val=\"Tabell\"/>"));
        assert!(doc.contains("a &lt;b&gt;"));
        assert!(doc.contains("<w:jc w:val=\"right\"/>"));
        let styles = part(&a, "word/styles.xml");
        assert!(styles.contains("<w:lang w:val=\"nb-NO\""));
        assert!(styles.contains("w:styleId=\"Tabell\""));
        assert!(part(&a, "docProps/core.xml").contains("<dc:title>Plan &amp; mål</dc:title>"));
        roxmltree::Document::parse(&doc).unwrap();
        roxmltree::Document::parse(&styles).unwrap();
    }

    #[test]
    fn columns_fit_the_page_and_their_longest_words() {
        let t = TableState {
            shares: vec![0.6, 0.1, 0.3],
            aligns: vec![],
            grid_at: 0,
            words: vec![500.0, 1500.0, 300.0],
        };
        let g = t.grid();
        assert!(
            (g.iter().sum::<u32>() as i64 - i64::from(TEXT_W)).abs() <= 2,
            "{g:?}"
        );
        assert!(f64::from(g[1]) >= 1500.0 + CELL_PAD_DXA - 1.0, "{g:?}");
        assert!(g[0] > g[2], "{g:?}");
    }
}
