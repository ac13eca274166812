//! The renderers of `plan diff`: human text, Markdown (shared with the
//! report's "changes since the last revision") and JSON.
//!
//! In: a [`PlanDiff`] and a [`Lang`]. Out: one layout of headings, paragraphs,
//! lists and tables ([`blocks`]) written as plain text or as Markdown, or the
//! diff as one JSON object. A summary comes first (the plan files, the data,
//! the five largest changes in need), the details after. Hidden figures are
//! written as "skjult"/"hidden"; nothing here computes a figure.

use std::io::{self, Write};

use serde_json::Value;

use super::md::{Doc, Table};
use super::Names;
use crate::diff::{Change, Figure, PlanDiff};
use crate::i18n::diff::DiffMessages;
use crate::i18n::{fill, Lang};

/// Output format of `plan diff`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// A summary and the changes as text tables.
    #[default]
    Human,
    /// One JSON object, full precision (docs/diff.md).
    Json,
    /// GitHub-flavoured Markdown.
    Markdown,
}

/// One piece of the layout.
#[derive(Debug, Clone)]
pub enum Block {
    /// Level relative to the diff's own title (1 = the title).
    Heading(usize, String),
    Para(String),
    Bullets(Vec<String>),
    Table(Table),
}

/// The diff in `format`; the human formats name units, positions and
/// competences by `names`, JSON keeps the ids.
pub fn render(
    out: &mut dyn Write,
    format: DiffFormat,
    d: &PlanDiff,
    lang: Lang,
    names: &Names,
) -> io::Result<()> {
    match format {
        DiffFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, d).map_err(io::Error::other)?;
            writeln!(out)
        }
        DiffFormat::Markdown => {
            out.write_all(markdown(&blocks(d, lang, true, names), 1).as_bytes())
        }
        DiffFormat::Human => out.write_all(text(&blocks(d, lang, true, names)).as_bytes()),
    }
}

/// The blocks as Markdown, the title at heading level `top`.
pub fn markdown(blocks: &[Block], top: usize) -> String {
    let mut doc = Doc::default();
    append(&mut doc, blocks, top);
    doc.finish()
}

/// Add the blocks to a Markdown document, the title at heading level `top`.
pub fn append(doc: &mut Doc, blocks: &[Block], top: usize) {
    for b in blocks {
        match b {
            Block::Heading(l, t) => doc.heading(top + l - 1, t),
            Block::Para(t) => doc.para(t),
            Block::Bullets(items) => doc.bullets(items),
            Block::Table(t) => doc.table(t),
        }
    }
}

/// The blocks as plain text: headings underlined, tables aligned.
pub fn text(blocks: &[Block]) -> String {
    let mut s = String::new();
    for b in blocks {
        if !s.is_empty() {
            s.push('\n');
        }
        match b {
            Block::Heading(l, t) => {
                s.push_str(t);
                s.push('\n');
                let under = if *l <= 1 { '=' } else { '-' };
                s.push_str(&under.to_string().repeat(t.chars().count()));
                s.push('\n');
            }
            Block::Para(t) => {
                s.push_str(t);
                s.push('\n');
            }
            Block::Bullets(items) => {
                for i in items {
                    s.push_str("  • ");
                    s.push_str(i);
                    s.push('\n');
                }
            }
            Block::Table(t) => s.push_str(&text_table(t)),
        }
    }
    s
}

fn text_table(t: &Table) -> String {
    let clean = |c: &str| c.split_whitespace().collect::<Vec<_>>().join(" ");
    let rows: Vec<Vec<String>> = std::iter::once(t.headers.iter().map(|h| clean(h)).collect())
        .chain(
            t.rows
                .iter()
                .map(|r| r.cells.iter().map(|c| clean(c)).collect()),
        )
        .collect();
    let cols = t.headers.len();
    let width: Vec<usize> = (0..cols)
        .map(|i| {
            rows.iter()
                .map(|r| r.get(i).map_or(0, |c| c.chars().count()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut s = String::new();
    for (n, r) in rows.iter().enumerate() {
        let mut line = String::from("  ");
        for (i, w) in width.iter().enumerate() {
            let c = r.get(i).map_or("", String::as_str);
            let pad = " ".repeat(w.saturating_sub(c.chars().count()));
            if t.numeric.get(i).copied().unwrap_or(false) {
                line.push_str(&pad);
                line.push_str(c);
            } else {
                line.push_str(c);
                line.push_str(&pad);
            }
            line.push_str("  ");
        }
        s.push_str(line.trim_end());
        s.push('\n');
        if n == 0 {
            let total: usize = width.iter().sum::<usize>() + 2 * cols.saturating_sub(1);
            s.push_str("  ");
            s.push_str(&"─".repeat(total));
            s.push('\n');
        }
    }
    s
}

fn change_word(m: &DiffMessages, c: Change) -> &'static str {
    match c {
        Change::Added => m.added,
        Change::Removed => m.removed,
        Change::Changed => m.changed,
    }
}

/// A number of the plan files: integers without decimals, others with the
/// decimals they were written with (at most ten), so that 0.08 → 0.0801 does
/// not read "0,08 → 0,08".
fn num(lang: Lang, x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        lang.number(x, 0)
    } else {
        // Rust writes the shortest text that reads back as the same number
        let shortest = x.to_string();
        let decimals = shortest.split_once('.').map_or(3, |(_, f)| f.len()).min(10);
        let s = lang.number(x, decimals);
        let dec = lang.decimal_mark();
        if s.contains(dec) {
            s.trim_end_matches('0').trim_end_matches(dec).to_string()
        } else {
            s
        }
    }
}

/// A value of the plan files as text.
fn value(lang: Lang, m: &DiffMessages, v: &Value) -> String {
    match v {
        Value::Null => m.none.to_string(),
        Value::Bool(b) => (if *b { m.yes } else { m.no }).to_string(),
        Value::Number(n) => n.as_f64().map_or_else(|| n.to_string(), |x| num(lang, x)),
        Value::String(s) => s.clone(),
        Value::Array(items) if items.is_empty() => m.none.to_string(),
        Value::Array(items) => items
            .iter()
            .map(|i| value(lang, m, i))
            .collect::<Vec<_>>()
            .join(", "),
        Value::Object(map) => map
            .iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| format!("{k} {}", value(lang, m, v)))
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// How a figure's numbers are written.
#[derive(Clone, Copy)]
enum Unit {
    /// FTE, one decimal.
    Fte,
    /// Persons, whole numbers.
    Persons,
    /// A share, as a percentage.
    Share,
    /// Any number, one decimal.
    Plain,
}

fn fig(lang: Lang, u: Unit, x: f64) -> String {
    match u {
        Unit::Fte | Unit::Plain => lang.number(x, 1),
        Unit::Persons => lang.number(x, 0),
        Unit::Share => lang.percent(x),
    }
}

fn signed(lang: Lang, u: Unit, d: f64) -> String {
    let text = match u {
        Unit::Share => {
            let n = lang.number(d * 100.0, 1);
            match lang {
                Lang::Nb | Lang::Nn => format!("{n}\u{a0}pp"),
                Lang::En => format!("{n} pp"),
            }
        }
        Unit::Fte | Unit::Plain => {
            // a change too small for the table's one decimal ("+0,0") is
            // written with the decimals it needs (at most four)
            let zero = |t: &str| t.chars().all(|c| !c.is_ascii_digit() || c == '0');
            let mut t = fig(lang, u, d);
            let mut decimals = 2;
            while d != 0.0 && zero(&t) && decimals <= 4 {
                t = lang.number(d, decimals);
                decimals += 1;
            }
            t
        }
        Unit::Persons => fig(lang, u, d),
    };
    if d > 0.0 && !text.starts_with('+') {
        format!("+{text}")
    } else {
        text.replacen('-', "−", 1)
    }
}

/// Whether a changed figure is worth a row where a person reads it: its
/// change shows at the table's precision (`4,4 → 4,4 +0,0` is noise of the
/// last decimal; JSON keeps every change), or it is hidden, added or removed.
fn shows(lang: Lang, u: Unit, f: &Figure) -> bool {
    if f.hidden {
        return true;
    }
    if !f.changed() {
        return false;
    }
    match (f.old, f.new) {
        (Some(old), Some(new)) => fig(lang, u, old) != fig(lang, u, new),
        _ => true,
    }
}

/// Before, now, change — or "hidden" three times.
fn cells(lang: Lang, m: &DiffMessages, u: Unit, f: &Figure) -> [String; 3] {
    if f.hidden {
        return [m.hidden.into(), m.hidden.into(), m.hidden.into()];
    }
    let side = |x: Option<f64>| x.map_or_else(|| m.none.to_string(), |x| fig(lang, u, x));
    [
        side(f.old),
        side(f.new),
        f.delta
            .map_or_else(|| m.none.to_string(), |d| signed(lang, u, d)),
    ]
}

/// The layout of a diff. `title`: start with the diff's own title.
pub fn blocks(d: &PlanDiff, lang: Lang, title: bool, names: &Names) -> Vec<Block> {
    let m = lang.diff();
    let mut b = Vec::new();
    if title {
        b.push(Block::Heading(
            1,
            fill(m.title, &[("old", &d.old), ("new", &d.new)]),
        ));
    }
    if let Some(u) = &d.unit {
        b.push(Block::Para(fill(m.unit_only, &[("unit", u)])));
    }
    if d.is_empty() {
        b.push(Block::Para(m.no_changes.into()));
        return b;
    }
    summary(d, lang, names, &mut b);
    plan_changes(d, lang, &mut b);
    let before = b.len();
    analysis(d, lang, names, &mut b);
    drop_empty_sections(&mut b, before);
    b
}

/// From `from` on: a table without rows goes with its heading, and then a
/// heading with nothing under it (every change of a section was below the
/// precision shown).
fn drop_empty_sections(b: &mut Vec<Block>, from: usize) {
    let tail: Vec<Block> = b.drain(from..).collect();
    let mut kept: Vec<Block> = Vec::with_capacity(tail.len());
    for block in tail {
        if matches!(&block, Block::Table(t) if t.rows.is_empty()) {
            if matches!(kept.last(), Some(Block::Heading(..))) {
                kept.pop();
            }
            continue;
        }
        kept.push(block);
    }
    // a heading followed only by headings of its level or above, or by nothing
    let mut out: Vec<Block> = Vec::with_capacity(kept.len());
    for block in kept.into_iter().rev() {
        if let Block::Heading(level, _) = &block {
            let empty = match out.last() {
                None => true,
                Some(Block::Heading(next, _)) => next <= level,
                Some(_) => false,
            };
            if empty {
                continue;
            }
        }
        out.push(block);
    }
    out.reverse();
    b.extend(out);
}

fn summary(d: &PlanDiff, lang: Lang, names: &Names, b: &mut Vec<Block>) {
    let m = lang.diff();
    b.push(Block::Heading(2, m.h_summary.into()));
    let n = |c: Change| d.plan.iter().filter(|i| i.change == c).count().to_string();
    let mut lines = Vec::new();
    if d.plan.is_empty() && d.assumptions.is_empty() {
        lines.push(m.summary_plan_none.to_string());
    } else {
        lines.push(fill(
            m.summary_plan,
            &[
                ("changed", &n(Change::Changed)),
                ("added", &n(Change::Added)),
                ("removed", &n(Change::Removed)),
            ],
        ));
    }
    if d.data.is_empty() {
        lines.push(m.summary_data_none.to_string());
    } else {
        for c in &d.data {
            lines.push(format!(
                "{}: {}",
                data_kind(m, c.kind),
                change_word(m, c.change)
            ));
        }
    }
    b.push(Block::Bullets(lines));
    let (Some(from), Some(to)) = (d.years.first(), d.years.last()) else {
        b.push(Block::Para(m.summary_no_years.into()));
        return;
    };
    if d.summary.is_empty() {
        b.push(Block::Para(m.summary_need_none.into()));
        return;
    }
    b.push(Block::Para(fill(
        m.summary_need,
        &[("from", &from.to_string()), ("to", &to.to_string())],
    )));
    b.push(Block::Bullets(
        d.summary
            .iter()
            .map(|c| {
                format!(
                    "{} / {}, {}: {} → {} ({})",
                    names.unit(&c.unit),
                    names.position(&c.unit, &c.position),
                    c.year,
                    fig(lang, Unit::Fte, c.old),
                    fig(lang, Unit::Fte, c.new),
                    signed(lang, Unit::Fte, c.delta)
                )
            })
            .collect(),
    ));
}

fn data_kind(m: &DiffMessages, kind: &str) -> &'static str {
    match kind {
        "staff" => m.data_kinds[0],
        "survey" => m.data_kinds[1],
        _ => m.data_kinds[2],
    }
}

fn kind_word(m: &DiffMessages, k: crate::diff::Kind) -> &'static str {
    use crate::diff::Kind;
    let i = Kind::ALL.iter().position(|&x| x == k).unwrap_or(0);
    m.kinds.get(i).copied().unwrap_or("")
}

fn plan_changes(d: &PlanDiff, lang: Lang, b: &mut Vec<Block>) {
    let m = lang.diff();
    if !d.plan.is_empty() {
        b.push(Block::Heading(2, m.h_plan.into()));
        let mut t = Table::new(
            &[
                m.col_change,
                m.col_what,
                "Id",
                m.col_key,
                m.col_old,
                m.col_new,
            ],
            6,
        );
        for c in &d.plan {
            let first = [
                change_word(m, c.change).to_string(),
                kind_word(m, c.kind).to_string(),
                c.key.clone(),
            ];
            if c.change == Change::Changed {
                for f in &c.fields {
                    let mut row = first.to_vec();
                    row.extend([
                        f.key.clone(),
                        value(lang, m, &f.old),
                        value(lang, m, &f.new),
                    ]);
                    t.push(row);
                }
            } else {
                let title = c.title.clone().unwrap_or_default();
                let (old, new) = if c.change == Change::Added {
                    (m.none.to_string(), title)
                } else {
                    (title, m.none.to_string())
                };
                let mut row = first.to_vec();
                row.extend([String::new(), old, new]);
                t.push(row);
            }
        }
        b.push(Block::Table(t));
    }
    if !d.assumptions.is_empty() {
        b.push(Block::Heading(2, m.h_assumptions.into()));
        let mut t = Table::new(&[m.col_key, m.col_old, m.col_new], 1);
        for f in &d.assumptions {
            t.push(vec![
                f.key.clone(),
                value(lang, m, &f.old),
                value(lang, m, &f.new),
            ]);
        }
        b.push(Block::Table(t));
    }
    if !d.data.is_empty() {
        b.push(Block::Heading(2, m.h_data.into()));
        b.push(Block::Bullets(
            d.data
                .iter()
                .map(|c| format!("{}: {}", data_kind(m, c.kind), change_word(m, c.change)))
                .collect(),
        ));
    }
    if !d.measures.is_empty() {
        b.push(Block::Heading(2, m.h_measures.into()));
        let mut t = Table::new(&["Id", m.col_old, m.col_new], 3);
        for s in &d.measures {
            t.push(vec![
                s.id.clone(),
                lang.status(s.old).to_string(),
                lang.status(s.new).to_string(),
            ]);
        }
        b.push(Block::Table(t));
    }
}

fn analysis(d: &PlanDiff, lang: Lang, names: &Names, b: &mut Vec<Block>) {
    let m = lang.diff();
    let lm = lang.messages();
    let (Some(from), Some(to)) = (d.years.first(), d.years.last()) else {
        return;
    };
    let any = !(d.capacity.is_empty()
        && d.capacity_totals.is_empty()
        && d.quality.is_empty()
        && d.quality_totals.is_empty()
        && d.workforce.is_empty()
        && d.indicators.is_empty());
    if !any {
        return;
    }
    b.push(Block::Heading(
        2,
        fill(
            m.h_analysis,
            &[("from", &from.to_string()), ("to", &to.to_string())],
        ),
    ));
    let figure_name = |key: &str| {
        let keys = [
            "required",
            "available",
            "need",
            "mobilise",
            "develop",
            "acquire",
            "surplus",
        ];
        keys.iter()
            .position(|k| *k == key)
            .and_then(|i| m.figures.get(i))
            .copied()
            .unwrap_or("")
    };
    let mut hidden = false;
    if !d.capacity.is_empty() {
        b.push(Block::Heading(3, m.h_capacity.into()));
        let mut t = Table::new(
            &[
                lm.unit,
                lm.position,
                m.col_year,
                m.col_figure,
                m.col_old,
                m.col_new,
                m.col_delta,
            ],
            4,
        );
        for c in &d.capacity {
            for f in c
                .figures
                .iter()
                .filter(|f| shows(lang, Unit::Fte, &f.figure))
            {
                let mut row = vec![
                    names.unit(&c.unit),
                    names.position(&c.unit, &c.position),
                    c.year.to_string(),
                    figure_name(f.key).to_string(),
                ];
                row.extend(cells(lang, m, Unit::Fte, &f.figure));
                t.push(row);
            }
        }
        b.push(Block::Table(t));
    }
    if !d.capacity_totals.is_empty() {
        b.push(Block::Heading(3, m.h_capacity_totals.into()));
        let mut t = Table::new(
            &[
                lm.competence,
                m.col_year,
                m.col_figure,
                m.col_old,
                m.col_new,
                m.col_delta,
            ],
            3,
        );
        for c in &d.capacity_totals {
            for f in c
                .figures
                .iter()
                .filter(|f| shows(lang, Unit::Fte, &f.figure))
            {
                let mut row = vec![
                    names.competence(&c.competence),
                    c.year.to_string(),
                    figure_name(f.key).to_string(),
                ];
                row.extend(cells(lang, m, Unit::Fte, &f.figure));
                t.push(row);
            }
        }
        b.push(Block::Table(t));
    }
    if !d.quality.is_empty() {
        b.push(Block::Heading(3, m.h_quality.into()));
        let mut t = Table::new(
            &[
                lm.unit,
                lm.competence,
                lm.min_level,
                m.col_figure,
                m.col_old,
                m.col_new,
                m.col_delta,
            ],
            4,
        );
        for q in &d.quality {
            let shown: Vec<_> = q
                .figures
                .iter()
                .filter(|f| shows(lang, Unit::Persons, &f.figure))
                .collect();
            for f in shown {
                hidden |= f.figure.hidden;
                let mut row = vec![
                    names.unit(&q.unit),
                    names.competence(&q.competence),
                    q.min_level.to_string(),
                    figure_name(f.key).to_string(),
                ];
                row.extend(cells(lang, m, Unit::Persons, &f.figure));
                t.push(row);
            }
        }
        b.push(Block::Table(t));
    }
    if !d.quality_totals.is_empty() {
        b.push(Block::Heading(3, m.h_quality_totals.into()));
        let mut t = Table::new(
            &[
                lm.competence,
                lm.min_level,
                m.col_figure,
                m.col_old,
                m.col_new,
                m.col_delta,
            ],
            3,
        );
        for q in &d.quality_totals {
            for f in q
                .figures
                .iter()
                .filter(|f| shows(lang, Unit::Persons, &f.figure))
            {
                let mut row = vec![
                    names.competence(&q.competence),
                    q.min_level.to_string(),
                    figure_name(f.key).to_string(),
                ];
                row.extend(cells(lang, m, Unit::Persons, &f.figure));
                t.push(row);
            }
        }
        b.push(Block::Table(t));
    }
    if !d.workforce.is_empty() {
        b.push(Block::Heading(3, m.h_workforce.into()));
        let mut t = Table::new(&[m.col_figure, m.col_old, m.col_new, m.col_delta], 1);
        let keys = [
            ("headcount", Unit::Persons),
            ("fte", Unit::Fte),
            ("mean_age", Unit::Plain),
            ("part_time_share", Unit::Share),
            ("mean_percent", Unit::Plain),
            ("education_headcount", Unit::Persons),
            ("education_fte", Unit::Fte),
        ];
        for w in &d.workforce {
            let Some(i) = keys.iter().position(|(k, _)| *k == w.metric) else {
                continue;
            };
            let (_, unit) = keys[i];
            if !shows(lang, unit, &w.figure) {
                continue;
            }
            let mut name = m.workforce.get(i).copied().unwrap_or("").to_string();
            if let Some(g) = &w.group {
                let level = crate::model::EduLevel::ALL
                    .iter()
                    .find(|l| l.as_str() == g)
                    .map_or(g.as_str(), |l| lang.edu_level(*l));
                name = format!("{name}: {level}");
            }
            let mut row = vec![name];
            row.extend(cells(lang, m, unit, &w.figure));
            t.push(row);
        }
        b.push(Block::Table(t));
    }
    if !d.indicators.is_empty() {
        b.push(Block::Heading(3, m.h_indicators.into()));
        let mut t = Table::new(
            &[
                lm.indicator,
                m.col_year,
                m.col_figure,
                m.col_old,
                m.col_new,
                m.col_delta,
            ],
            3,
        );
        for i in &d.indicators {
            let name = if i.title.is_empty() {
                i.id.clone()
            } else {
                i.title.clone()
            };
            let unit = if i.metric.is_some() {
                Unit::Share
            } else {
                Unit::Plain
            };
            for (label, list) in [(m.value, &i.values), (m.observed, &i.observed)] {
                for y in list {
                    let mut row = vec![name.clone(), y.year.to_string(), label.to_string()];
                    row.extend(cells(lang, m, unit, &y.figure));
                    t.push(row);
                }
            }
            if i.target[0] != i.target[1] {
                let tt = |t: &Option<crate::model::Target>| {
                    t.map_or_else(
                        || m.none.to_string(),
                        |t| {
                            let f = |x: f64| fig(lang, unit, x);
                            match (t.min, t.max) {
                                (Some(lo), Some(hi)) => format!("{}–{} ({})", f(lo), f(hi), t.year),
                                (Some(lo), None) => format!("≥ {} ({})", f(lo), t.year),
                                (None, Some(hi)) => format!("≤ {} ({})", f(hi), t.year),
                                (None, None) => t.year.to_string(),
                            }
                        },
                    )
                };
                t.push(vec![
                    name.clone(),
                    String::new(),
                    m.target.to_string(),
                    tt(&i.target[0]),
                    tt(&i.target[1]),
                    String::new(),
                ]);
            }
            if i.met[0] != i.met[1] {
                let mt = |x: Option<bool>| match x {
                    Some(true) => m.yes.to_string(),
                    Some(false) => m.no.to_string(),
                    None => m.none.to_string(),
                };
                t.push(vec![
                    name.clone(),
                    String::new(),
                    m.met.to_string(),
                    mt(i.met[0]),
                    mt(i.met[1]),
                    String::new(),
                ]);
            }
        }
        b.push(Block::Table(t));
    }
    if hidden {
        b.push(Block::Para(m.hidden_note.into()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::figures::{CapacityChange, Figure, Named};
    use crate::diff::items::Change;

    fn capacity_diff(required: [(f64, f64); 2]) -> PlanDiff {
        let change = |year: i32, (old, new): (f64, f64)| CapacityChange {
            unit: "a".into(),
            position: "spl".into(),
            year,
            change: Change::Changed,
            figures: vec![Named {
                key: "required",
                figure: Figure::of(Some(old), Some(new)),
            }],
        };
        PlanDiff {
            old: "HEAD~1".into(),
            new: "plan".into(),
            unit: None,
            years: vec![2025, 2026],
            summary: Vec::new(),
            plan: Vec::new(),
            assumptions: Vec::new(),
            data: Vec::new(),
            capacity: vec![change(2025, required[0]), change(2026, required[1])],
            capacity_totals: Vec::new(),
            quality: Vec::new(),
            quality_totals: Vec::new(),
            workforce: Vec::new(),
            indicators: Vec::new(),
            measures: Vec::new(),
        }
    }

    #[test]
    fn changes_below_the_precision_shown_are_left_out_of_the_human_view() {
        let names = Names::default();
        // 4.44 → 4.41 reads "4,4 → 4,4"; 4.0 → 5.0 is a real change
        let d = capacity_diff([(4.44, 4.41), (4.0, 5.0)]);
        let shown = text(&blocks(&d, Lang::Nb, true, &names));
        assert!(shown.contains("5,0"), "{shown}");
        assert!(!shown.contains("4,4"), "{shown}");
        // only noise: no capacity section at all, and no empty analysis heading
        let d = capacity_diff([(4.44, 4.41), (2.0, 2.01)]);
        let shown = text(&blocks(&d, Lang::Nb, true, &names));
        let m = Lang::Nb.diff();
        assert!(!shown.contains(m.h_capacity), "{shown}");
        assert!(
            !shown.contains("2025–2026") && !shown.contains("4,4"),
            "{shown}"
        );
        // a change shown at the precision reads with its real size
        let d = capacity_diff([(30.75, 30.74), (2.0, 2.0)]);
        let shown = text(&blocks(&d, Lang::Nb, true, &names));
        assert!(shown.contains("30,8") && shown.contains("−0,01"), "{shown}");
        // JSON keeps every change
        let d = capacity_diff([(4.44, 4.41), (2.0, 2.01)]);
        let json = serde_json::to_string(&d).unwrap_or_default();
        assert!(json.contains("4.41"), "{json}");
    }

    #[test]
    fn numbers_trimmed_in_every_language() {
        assert_eq!(num(Lang::Nb, 1.5), "1,5");
        assert_eq!(num(Lang::Nn, 1.5), "1,5");
        assert_eq!(num(Lang::En, 1.25), "1.25");
        assert_eq!(num(Lang::Nn, 2.0), "2");
        // the decimals as written: a small change of an assumption shows
        assert_eq!(num(Lang::Nb, 0.08), "0,08");
        assert_eq!(num(Lang::Nb, 0.0801), "0,0801");
        assert_eq!(num(Lang::En, 1234.5), "1,234.5");
        assert_eq!(num(Lang::Nb, 1.0 / 3.0), "0,3333333333");
    }
}
