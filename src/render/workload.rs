//! `plan analyse --workload`: the WISN rows of the analysis in every format.
//!
//! In: an [`Analysis`] (its `workloads`), a [`Lang`] and the plan's [`Names`]
//! (the human tables name units and positions; JSON and CSV keep ids). Out: the human
//! sections (one table of the result per workload, one of the activities'
//! time, and W(y) per year when some activity follows a demand driver), a JSON
//! object `{base_year, end_year, workloads}`, or CSV tables (`workload.csv`,
//! `workload_activities.csv`, `workload_years.csv`). Only formats; every
//! number comes from [`crate::analyse::workload`].

use std::io::{self, Write};

use serde::Serialize;

use super::view::{Row, Section, SectionKey};
use super::{Format, Names};
use crate::analyse::{Analysis, WorkloadRow};
use crate::i18n::{fill, Lang};

/// The human sections of the workload output, in reading order.
pub fn sections(a: &Analysis, lang: Lang, names: &Names) -> Vec<Section> {
    let m = lang.messages();
    let w = m.workload;
    let year = a.base_year.to_string();
    let missing = || m.missing.to_string();
    let mut result = Section::new(
        SectionKey::Workload,
        fill(w.title, &[("year", &year)]),
        &[
            m.unit,
            m.position,
            w.available_hours,
            w.activity_staff,
            w.category_allowance,
            w.individual_allowance,
            w.required,
            w.existing,
            w.ratio,
            w.difference,
            w.activity_share,
        ],
        2,
    );
    for r in &a.workloads {
        result.rows.push(Row::new(vec![
            names.unit(&r.unit),
            names.position(&r.unit, &r.position),
            lang.number(r.available_hours, 1),
            lang.number(r.activity_staff, 2),
            lang.number(r.category_allowance, 3),
            lang.number(r.individual_allowance, 2),
            lang.number(r.required, 2),
            lang.number(r.existing, 1),
            r.ratio.map_or_else(missing, |x| lang.number(x, 2)),
            lang.number(r.difference, 2),
            r.activity_share.map_or_else(missing, |x| lang.percent(x)),
        ]));
    }
    if a.workloads.is_empty() {
        result.notes.push(w.none.to_string());
    } else {
        result.notes.push(w.note.to_string());
    }
    let mut out = vec![result];
    if a.workloads.is_empty() {
        return out;
    }
    let mut acts = Section::new(
        SectionKey::WorkloadActivities,
        fill(w.activities_title, &[("year", &year)]),
        &[m.unit, m.position, w.activity, w.hours, w.share],
        3,
    );
    for r in &a.workloads {
        for act in &r.activities {
            acts.rows.push(Row::new(vec![
                names.unit(&r.unit),
                names.position(&r.unit, &r.position),
                act.name.clone(),
                lang.number(act.hours, 0),
                act.share.map_or_else(missing, |x| lang.percent(x)),
            ]));
        }
    }
    out.push(acts);
    let years: Vec<i32> = a
        .workloads
        .iter()
        .flat_map(|r| r.years.iter().map(|y| y.year))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    if !years.is_empty() {
        let year_names: Vec<String> = years.iter().map(i32::to_string).collect();
        let mut headers = vec![m.unit, m.position];
        headers.extend(year_names.iter().map(String::as_str));
        let mut s = Section::new(SectionKey::WorkloadYears, w.years_title.into(), &headers, 2);
        for r in a.workloads.iter().filter(|r| !r.years.is_empty()) {
            let mut cells = vec![names.unit(&r.unit), names.position(&r.unit, &r.position)];
            cells.extend(years.iter().map(|&y| {
                r.years
                    .iter()
                    .find(|v| v.year == y)
                    .map_or_else(missing, |v| lang.number(v.required, 2))
            }));
            s.rows.push(Row::new(cells));
        }
        out.push(s);
    }
    out
}

#[derive(Serialize)]
struct Json<'a> {
    base_year: i32,
    end_year: i32,
    workloads: &'a [WorkloadRow],
}

/// The workload output in `format`.
pub fn render(
    out: &mut dyn Write,
    format: Format,
    a: &Analysis,
    lang: Lang,
    names: &Names,
) -> io::Result<()> {
    match format {
        Format::Json => {
            let j = Json {
                base_year: a.base_year,
                end_year: a.end_year,
                workloads: &a.workloads,
            };
            super::json::write(out, &j)
        }
        Format::Csv => {
            for (n, (_, bytes)) in tables(a)?.into_iter().enumerate() {
                if n > 0 {
                    writeln!(out)?;
                }
                out.write_all(&bytes)?;
            }
            Ok(())
        }
        Format::Table => {
            let m = lang.messages();
            super::view::write_sections(
                out,
                a,
                lang,
                &[m.analysis_title],
                sections(a, lang, names),
                super::table::section,
            )
        }
        Format::Markdown => {
            let m = lang.messages();
            let mut title = super::md::Doc::default();
            title.heading(1, m.analysis_title);
            super::view::write_sections(
                out,
                a,
                lang,
                &[title.finish().trim_end(), ""],
                sections(a, lang, names),
                super::markdown::section,
            )
        }
    }
}

/// The columns of workload.csv: the figures of a workload row in the JSON.
pub const COLUMNS: [&str; 16] = [
    "unit",
    "position",
    "available_hours",
    "activity_hours",
    "activity_staff",
    "support_share",
    "category_allowance",
    "individual_hours",
    "individual_allowance",
    "required",
    "existing",
    "ratio",
    "difference",
    "activity_share",
    "sets_requirement",
    "driven",
];

/// The file names written by `--workload --out`, in order.
pub const FILES: [&str; 3] = [
    "workload.csv",
    "workload_activities.csv",
    "workload_years.csv",
];

fn num(x: f64) -> String {
    format!("{x}")
}

fn opt(x: Option<f64>) -> String {
    x.map(num).unwrap_or_default()
}

fn finish(w: csv::Writer<Vec<u8>>) -> io::Result<Vec<u8>> {
    w.into_inner().map_err(|e| io::Error::other(e.to_string()))
}

/// Each CSV table as (file name, bytes).
pub fn tables(a: &Analysis) -> io::Result<Vec<(&'static str, Vec<u8>)>> {
    let [main, acts, years] = FILES;
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(COLUMNS)?;
    for r in &a.workloads {
        w.write_record([
            r.unit.clone(),
            r.position.clone(),
            num(r.available_hours),
            num(r.activity_hours),
            num(r.activity_staff),
            num(r.support_share),
            num(r.category_allowance),
            num(r.individual_hours),
            num(r.individual_allowance),
            num(r.required),
            num(r.existing),
            opt(r.ratio),
            num(r.difference),
            opt(r.activity_share),
            r.sets_requirement.to_string(),
            (!r.years.is_empty()).to_string(),
        ])?;
    }
    let main_bytes = finish(w)?;
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["unit", "position", "activity", "hours", "share"])?;
    for r in &a.workloads {
        for act in &r.activities {
            w.write_record([
                r.unit.clone(),
                r.position.clone(),
                act.name.clone(),
                num(act.hours),
                opt(act.share),
            ])?;
        }
    }
    let act_bytes = finish(w)?;
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["unit", "position", "year", "required"])?;
    for r in &a.workloads {
        for y in &r.years {
            w.write_record([
                r.unit.clone(),
                r.position.clone(),
                y.year.to_string(),
                num(y.required),
            ])?;
        }
    }
    let year_bytes = finish(w)?;
    Ok(vec![
        (main, main_bytes),
        (acts, act_bytes),
        (years, year_bytes),
    ])
}
