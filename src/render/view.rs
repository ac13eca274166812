//! The human layout of the analysis, shared by the table and Markdown renderers.
//!
//! In: an [`Analysis`] and a [`Lang`]. Out: [`Section`]s — a title, headers,
//! rows of formatted cells (FTE with one decimal, persons as integers, shares as
//! percentages, hidden values as "–") and notes, each with a stable identity
//! ([`SectionKey`]) so that others pick sections by name — in the order
//! Bemanning (base and end year, with the analysis' totals per primary
//! competence), Kompetanse, Indikatorer, Grunndata.

use std::collections::BTreeSet;
use std::io::{self, Write};

use super::cells;
use super::md::Table;
use super::names::Names;
use crate::analyse::{Analysis, Workforce};
use crate::i18n::{fill, Lang, Messages};
use crate::model::EduLevel;

/// Which section a [`Section`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKey {
    /// Bemanning in one year.
    Capacity(i32),
    /// Kompetanse (realkompetanse).
    Quality,
    Indicators,
    /// Grunndata: key figures.
    KeyFigures,
    AgeBands,
    Education,
    Retirements,
    /// Bemanningsberegning (WISN): the result per workload.
    Workload,
    /// The activities' time of each workload.
    WorkloadActivities,
    /// W(y) per year of driven workloads.
    WorkloadYears,
    /// Etterspørselsdrivere: D(y) and G(y) per driver and year.
    Drivers,
    /// Scenarios side by side, per year.
    Compare,
    /// Scenarios side by side, per position title.
    ComparePositions,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub key: SectionKey,
    pub title: String,
    pub headers: Vec<String>,
    /// Per column: right-aligned (numbers).
    pub numeric: Vec<bool>,
    pub rows: Vec<Row>,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub cells: Vec<String>,
    /// A totals row (shown emphasised).
    pub total: bool,
}

fn row(cells: Vec<String>) -> Row {
    Row {
        cells,
        total: false,
    }
}

impl Row {
    /// A row that is not a total.
    pub fn new(cells: Vec<String>) -> Self {
        row(cells)
    }
}

impl Section {
    /// An empty section; the first `text_cols` columns are text, the rest numbers.
    pub fn new(key: SectionKey, title: String, headers: &[&str], text_cols: usize) -> Self {
        section(key, title, headers, text_cols)
    }

    /// The section's rows as a Markdown table (totals rows in bold).
    pub fn table(&self) -> Table {
        let mut t = Table::new(&self.headers, 0);
        t.numeric.clone_from(&self.numeric);
        for row in &self.rows {
            if row.total {
                t.push_total(row.cells.clone());
            } else {
                t.push(row.cells.clone());
            }
        }
        t
    }
}

fn section(key: SectionKey, title: String, headers: &[&str], text_cols: usize) -> Section {
    Section {
        key,
        title,
        headers: headers.iter().map(|h| (*h).to_string()).collect(),
        numeric: (0..headers.len()).map(|i| i >= text_cols).collect(),
        rows: Vec::new(),
        notes: Vec::new(),
    }
}

/// Every section, in reading order, with the plan's `names` for its ids.
pub fn sections(a: &Analysis, lang: Lang, names: &Names) -> Vec<Section> {
    let mut out = capacity(a, lang, names);
    out.extend(super::demand::drivers_section(a, lang));
    out.push(quality(a, lang, names));
    if !a.indicators.is_empty() {
        out.push(indicators(a, lang));
    }
    out.extend(workforce(&a.workforce, a.base_year, lang));
    out
}

/// The document of a human format: its `head` lines, the period, then every
/// section after a blank line, each written by `section`.
pub fn write_document(
    out: &mut dyn Write,
    a: &Analysis,
    lang: Lang,
    names: &Names,
    head: &[&str],
    section: fn(&mut dyn Write, &Section) -> io::Result<()>,
) -> io::Result<()> {
    write_sections(out, a, lang, head, sections(a, lang, names), section)
}

/// The document of a human format with the given `sections`: its `head`
/// lines, the period, then every section after a blank line.
pub fn write_sections(
    out: &mut dyn Write,
    a: &Analysis,
    lang: Lang,
    head: &[&str],
    sections: Vec<Section>,
    section: fn(&mut dyn Write, &Section) -> io::Result<()>,
) -> io::Result<()> {
    let m = lang.messages();
    for line in head {
        writeln!(out, "{line}")?;
    }
    for line in super::demand::scenario_lines(a, lang) {
        writeln!(out, "{line}")?;
    }
    writeln!(
        out,
        "{}",
        fill(
            m.period,
            &[
                ("from", &a.base_year.to_string()),
                ("to", &a.end_year.to_string()),
                ("base", &a.base_year.to_string()),
            ],
        )
    )?;
    for s in sections {
        writeln!(out)?;
        section(out, &s)?;
    }
    Ok(())
}

/// The years shown in the capacity tables: base and end year, or the one
/// year left after `--year`.
fn capacity_years(a: &Analysis) -> Vec<i32> {
    let present: BTreeSet<i32> = a.capacity.iter().map(|r| r.year).collect();
    if present.len() == 1 {
        return present.into_iter().collect();
    }
    let mut ys = vec![a.base_year];
    if a.end_year != a.base_year {
        ys.push(a.end_year);
    }
    ys
}

fn capacity(a: &Analysis, lang: Lang, names: &Names) -> Vec<Section> {
    let m = lang.messages();
    let headers: Vec<&str> = [m.unit, m.position]
        .into_iter()
        .chain(cells::capacity_headers(m))
        .collect();
    capacity_years(a)
        .into_iter()
        .map(|y| {
            let mut s = section(
                SectionKey::Capacity(y),
                fill(m.capacity_title, &[("year", &y.to_string())]),
                &headers,
                2,
            );
            let mut any = false;
            let mut marked = false;
            for r in a.capacity.iter().filter(|r| r.year == y) {
                let figures = cells::fte_cells(lang, cells::capacity_figures(r));
                let (unit, mut position) =
                    (names.unit(&r.unit), names.position(&r.unit, &r.position));
                // a line whose requirement comes from its workload (WISN)
                if crate::analyse::workload::find(&a.workloads, &r.unit, &r.position)
                    .is_some_and(|w| w.sets_requirement)
                {
                    marked = true;
                    position = format!("{position}{}", m.workload.mark);
                }
                s.rows.push(row(named([&unit, &position], figures)));
                any = true;
            }
            for t in a.capacity_totals.iter().filter(|t| t.year == y) {
                let figures = cells::fte_cells(lang, cells::capacity_total_figures(t));
                s.rows.push(Row {
                    cells: named([m.total, &names.competence(&t.competence)], figures),
                    total: true,
                });
            }
            if !any {
                s.notes.push(m.no_rows.to_string());
            } else {
                s.notes.push(m.capacity_note.to_string());
            }
            if marked {
                s.notes.push(m.workload.capacity_note.to_string());
            }
            s
        })
        .collect()
}

/// Two name cells, then the figures.
fn named(names: [&str; 2], figures: [String; 8]) -> Vec<String> {
    names
        .map(str::to_string)
        .into_iter()
        .chain(figures)
        .collect()
}

fn quality(a: &Analysis, lang: Lang, names: &Names) -> Section {
    let m = lang.messages();
    let headers: Vec<&str> = [m.unit, m.competence]
        .into_iter()
        .chain(cells::quality_headers(m))
        .collect();
    let mut s = section(
        SectionKey::Quality,
        fill(m.quality_title, &[("year", &a.base_year.to_string())]),
        &headers,
        2,
    );
    for r in &a.quality {
        let figures = cells::quality_cells(r, m.hidden);
        let (unit, competence) = (names.unit(&r.unit), names.competence(&r.competence));
        s.rows.push(row(named([&unit, &competence], figures)));
    }
    for t in &a.quality_totals {
        s.rows.push(Row {
            cells: named(
                [m.total, &names.competence(&t.competence)],
                cells::quality_total_cells(t, m.hidden),
            ),
            total: true,
        });
    }
    if a.quality.is_empty() {
        s.notes.push(m.no_rows.to_string());
    }
    s.notes.extend(cells::quality_notes(m, a, &a.quality, true));
    s
}

fn indicators(a: &Analysis, lang: Lang) -> Section {
    let m = lang.messages();
    let mut s = section(
        SectionKey::Indicators,
        m.indicators_title.to_string(),
        &[
            m.indicator,
            m.start_value,
            m.projected_value,
            m.target,
            m.status,
        ],
        1,
    );
    // the status is words: left-aligned like the name
    if let Some(last) = s.numeric.last_mut() {
        *last = false;
    }
    for r in &a.indicators {
        let [start, later, target] = cells::indicator_cells(lang, r);
        s.rows.push(row(vec![
            r.title.clone(),
            start,
            later,
            target,
            lang.indicator_status(r.status).to_string(),
        ]));
    }
    s
}

/// The workforce sections (Grunndata) of `w` in the base year: key figures,
/// age bands, education, retirements.
pub fn workforce(w: &Workforce, base_year: i32, lang: Lang) -> Vec<Section> {
    let m: &Messages = lang.messages();
    let year = base_year.to_string();
    // a figure of a suppressed workforce is hidden; otherwise there is none
    let none = if w.suppressed { m.hidden } else { m.missing };
    let opt = |v: Option<f64>, f: &dyn Fn(f64) -> String| v.map_or_else(|| none.to_string(), f);
    let mut key = section(
        SectionKey::KeyFigures,
        fill(m.workforce_title, &[("year", &year)]),
        &[m.key_figure, m.value],
        1,
    );
    key.rows = vec![
        row(vec![m.headcount.into(), w.headcount.to_string()]),
        row(vec![m.fte.into(), lang.number(w.fte, 1)]),
        row(vec![
            m.mean_age.into(),
            opt(w.mean_age, &|x| lang.number(x, 1)),
        ]),
        row(vec![
            m.part_time_share.into(),
            opt(w.part_time_share, &|x| lang.percent(x)),
        ]),
        row(vec![
            m.mean_percent.into(),
            opt(w.mean_percent, &|x| lang.percent(x / 100.0)),
        ]),
    ];
    let groups =
        |k: SectionKey, title: &str, first: &str, gs: Vec<(String, Option<u64>, Option<f64>)>| {
            let mut s = section(
                k,
                fill(title, &[("year", &year)]),
                &[first, m.headcount, m.fte],
                1,
            );
            s.rows = gs
                .into_iter()
                .map(|(g, h, f)| {
                    row(vec![
                        g,
                        h.map_or_else(|| m.hidden.to_string(), |h| h.to_string()),
                        f.map_or_else(|| m.hidden.to_string(), |x| lang.number(x, 1)),
                    ])
                })
                .collect();
            s
        };
    let ages = w
        .age_bands
        .iter()
        .map(|g| (g.group.replace('-', "–"), g.headcount, g.fte))
        .collect();
    let edu = w
        .education
        .iter()
        .zip(EduLevel::ALL)
        .map(|(g, l)| (lang.edu_level(l).to_string(), g.headcount, g.fte))
        .collect();
    let ret = w
        .retirements
        .iter()
        .map(|g| (g.year.to_string(), g.headcount, g.fte))
        .collect();
    vec![
        key,
        groups(SectionKey::AgeBands, m.age_title, m.age_band, ages),
        groups(SectionKey::Education, m.education_title, m.edu_level, edu),
        groups(SectionKey::Retirements, m.retirement_title, m.year, ret),
    ]
}
