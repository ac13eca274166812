//! The human layout of the analysis, shared by the table and Markdown renderers.
//!
//! In: an [`Analysis`] and a [`Lang`]. Out: [`Section`]s — a title, headers,
//! rows of formatted cells (FTE with one decimal, persons as integers, shares as
//! percentages, hidden values as "–") and notes — in the order Bemanning
//! (base and end year, with totals per primary competence), Kompetanse,
//! Indikatorer, Grunndata.

use std::collections::BTreeSet;

use crate::analyse::totals::capacity_totals;
use crate::analyse::{Analysis, IndicatorRow};
use crate::i18n::{fill, Lang, Messages};
use crate::model::{EduLevel, Target};

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
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

fn section(title: String, headers: &[&str], text_cols: usize) -> Section {
    Section {
        title,
        headers: headers.iter().map(|h| (*h).to_string()).collect(),
        numeric: (0..headers.len()).map(|i| i >= text_cols).collect(),
        rows: Vec::new(),
        notes: Vec::new(),
    }
}

/// Every section, in reading order.
pub fn sections(a: &Analysis, lang: Lang) -> Vec<Section> {
    let mut out = capacity(a, lang);
    out.push(quality(a, lang));
    if !a.indicators.is_empty() {
        out.push(indicators(a, lang));
    }
    out.extend(workforce(a, lang));
    out
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

fn capacity(a: &Analysis, lang: Lang) -> Vec<Section> {
    let m = lang.messages();
    let fte = |x: f64| lang.number(x, 1);
    capacity_years(a)
        .into_iter()
        .map(|y| {
            let mut s = section(
                fill(m.capacity_title, &[("year", &y.to_string())]),
                &[
                    m.unit,
                    m.position,
                    m.required,
                    m.available,
                    m.unqualified,
                    m.need,
                    m.mobilise,
                    m.develop,
                    m.acquire,
                    m.surplus,
                ],
                2,
            );
            let rows: Vec<_> = a.capacity.iter().filter(|r| r.year == y).cloned().collect();
            for r in &rows {
                let mut cells = vec![r.unit.clone(), r.position.clone()];
                cells.extend(
                    [
                        r.required,
                        r.available,
                        r.unqualified,
                        r.need,
                        r.mobilise,
                        r.develop,
                        r.acquire,
                        r.surplus,
                    ]
                    .map(fte),
                );
                s.rows.push(row(cells));
            }
            let totals = capacity_totals(&rows);
            for t in &totals {
                let mut cells = vec![m.total.to_string(), t.competence.clone()];
                cells.extend(
                    [
                        t.required,
                        t.available,
                        t.unqualified,
                        t.need,
                        t.mobilise,
                        t.develop,
                        t.acquire,
                        t.surplus,
                    ]
                    .map(fte),
                );
                s.rows.push(Row { cells, total: true });
            }
            if rows.is_empty() {
                s.notes.push(m.no_rows.to_string());
            } else {
                s.notes.push(m.capacity_note.to_string());
            }
            s
        })
        .collect()
}

fn quality(a: &Analysis, lang: Lang) -> Section {
    let m = lang.messages();
    let mut s = section(
        fill(m.quality_title, &[("year", &a.base_year.to_string())]),
        &[
            m.unit,
            m.competence,
            m.min_level,
            m.headcount,
            m.respondents,
            m.required_persons,
            m.available_persons,
            m.need,
            m.develop,
            m.acquire,
        ],
        2,
    );
    let hidden = |v: Option<u64>| v.map_or_else(|| m.missing.to_string(), |v| v.to_string());
    for r in &a.quality {
        s.rows.push(row(vec![
            r.unit.clone(),
            r.competence.clone(),
            r.min_level.to_string(),
            r.headcount.to_string(),
            r.respondents.to_string(),
            r.required.to_string(),
            hidden(r.available),
            hidden(r.need),
            hidden(r.develop),
            hidden(r.acquire),
        ]));
    }
    for t in &a.quality_totals {
        s.rows.push(Row {
            cells: vec![
                m.total.to_string(),
                t.competence.clone(),
                t.min_level.to_string(),
                t.headcount.to_string(),
                t.respondents.to_string(),
                t.required.to_string(),
                hidden(t.available),
                hidden(t.need),
                hidden(t.develop),
                hidden(t.acquire),
            ],
            total: true,
        });
    }
    if a.quality.is_empty() {
        s.notes.push(m.no_rows.to_string());
    }
    if a.quality.iter().any(|r| r.suppressed) {
        s.notes.push(fill(
            m.suppressed_note,
            &[("n", &a.min_group_size.to_string())],
        ));
        if a.quality_totals.iter().any(|t| t.available.is_none()) {
            s.notes.push(m.total_hidden_note.to_string());
        }
    }
    s
}

fn value_text(lang: Lang, r: &IndicatorRow, v: f64) -> String {
    match r.metric {
        Some(_) => lang.percent(v),
        None => lang.number(v, if v.fract() == 0.0 { 0 } else { 2 }),
    }
}

fn target_text(lang: Lang, r: &IndicatorRow, t: &Target) -> String {
    let m = lang.messages();
    let v = |x: f64| value_text(lang, r, x);
    let range = match (t.min, t.max) {
        (Some(lo), Some(hi)) => format!("{}–{}", v(lo), v(hi)),
        (Some(lo), None) => format!("≥ {}", v(lo)),
        (None, Some(hi)) => format!("≤ {}", v(hi)),
        (None, None) => m.missing.to_string(),
    };
    format!(
        "{range} {}",
        fill(m.in_year, &[("year", &t.year.to_string())])
    )
}

fn indicators(a: &Analysis, lang: Lang) -> Section {
    let m = lang.messages();
    let mut s = section(
        m.indicators_title.to_string(),
        &[
            m.indicator,
            m.start_value,
            m.projected_value,
            m.target,
            m.met,
        ],
        1,
    );
    for r in &a.indicators {
        let at = |v: Option<&crate::analyse::YearValue>| {
            v.map_or_else(
                || m.missing.to_string(),
                |v| match v.value {
                    Some(x) => format!("{} ({})", value_text(lang, r, x), v.year),
                    None => format!("{} ({})", m.missing, v.year),
                },
            )
        };
        let later = match (r.metric, r.target) {
            (Some(_), Some(t)) => r
                .values
                .iter()
                .find(|v| v.year == t.year)
                .or(r.values.last()),
            _ => r.values.last(),
        };
        let first = r.values.first();
        s.rows.push(row(vec![
            r.id.clone(),
            at(first),
            if r.values.len() > 1 {
                at(later)
            } else {
                m.missing.to_string()
            },
            r.target
                .map_or_else(|| m.missing.to_string(), |t| target_text(lang, r, &t)),
            match r.met {
                Some(true) => m.yes.to_string(),
                Some(false) => m.no.to_string(),
                None => m.missing.to_string(),
            },
        ]));
    }
    s
}

fn workforce(a: &Analysis, lang: Lang) -> Vec<Section> {
    let m: &Messages = lang.messages();
    let w = &a.workforce;
    let year = a.base_year.to_string();
    let opt =
        |v: Option<f64>, f: &dyn Fn(f64) -> String| v.map_or_else(|| m.missing.to_string(), f);
    let mut key = section(
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
    let groups = |title: &str, first: &str, gs: Vec<(String, Option<u64>, Option<f64>)>| {
        let mut s = section(
            fill(title, &[("year", &year)]),
            &[first, m.headcount, m.fte],
            1,
        );
        s.rows = gs
            .into_iter()
            .map(|(g, h, f)| {
                row(vec![
                    g,
                    h.map_or_else(|| m.missing.to_string(), |h| h.to_string()),
                    opt(f, &|x| lang.number(x, 1)),
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
        groups(m.age_title, m.age_band, ages),
        groups(m.education_title, m.edu_level, edu),
        groups(m.retirement_title, m.year, ret),
    ]
}
