//! The human and CSV layouts of demand drivers and of scenarios side by side.
//!
//! In: an [`Analysis`] (its `drivers` and `scenario`) or a [`Comparison`], and
//! a [`Lang`]. Out: the drivers' [`Section`] of `plan analyse`, the header
//! lines of a scenario's analysis, and `plan analyse --compare` as text
//! tables, JSON, CSV and Markdown. Formats numbers only; computes none.

use std::io::{self, Write};

use super::view::{Row, Section, SectionKey};
use super::Format;
use crate::analyse::compare::{Comparison, Figures, FIGURES};
use crate::analyse::Analysis;
use crate::i18n::{fill, Lang};

fn section(key: SectionKey, title: String, headers: Vec<String>, text_cols: usize) -> Section {
    Section {
        key,
        numeric: (0..headers.len()).map(|i| i >= text_cols).collect(),
        title,
        headers,
        rows: Vec::new(),
        notes: Vec::new(),
    }
}

fn row(cells: Vec<String>) -> Row {
    Row {
        cells,
        total: false,
    }
}

/// The drivers' table: D(y) and G(y) per driver and year (none without drivers).
pub fn drivers_section(a: &Analysis, lang: Lang) -> Option<Section> {
    let p = a.population.as_ref()?;
    if a.drivers.is_empty() {
        return None;
    }
    let d = lang.demand();
    let mut s = section(
        SectionKey::Drivers,
        d.drivers_title.to_string(),
        vec![
            d.driver.into(),
            d.year.into(),
            d.users.into(),
            d.index.into(),
        ],
        2,
    );
    for r in &a.drivers {
        s.rows.push(row(vec![
            r.driver.clone(),
            r.year.to_string(),
            lang.number(r.users, 1),
            lang.number(r.index, 3),
        ]));
    }
    s.notes.push(fill(
        d.drivers_note,
        &[("file", &p.file), ("alternative", &p.alternative)],
    ));
    Some(s)
}

/// The lines naming the scenario and `--set` overrides of an analysis.
pub fn scenario_lines(a: &Analysis, lang: Lang) -> Vec<String> {
    let d = lang.demand();
    let Some(s) = &a.scenario else {
        return Vec::new();
    };
    let title = if s.id == crate::model::demand::BASIS {
        d.basis
    } else {
        s.title.as_str()
    };
    let mut out = vec![fill(d.scenario_line, &[("title", title), ("id", &s.id)])];
    if !s.set.is_empty() {
        out.push(fill(d.set_line, &[("set", &s.set.join(", "))]));
    }
    out
}

fn figure_headers(lang: Lang) -> Vec<String> {
    let d = lang.demand();
    [
        d.required,
        d.available,
        d.need,
        d.mobilise,
        d.develop,
        d.acquire,
        d.surplus,
    ]
    .map(str::to_string)
    .to_vec()
}

fn figure_cells(lang: Lang, f: &Figures) -> Vec<String> {
    f.all().iter().map(|x| lang.number(*x, 1)).collect()
}

/// The comparison as two sections: totals per year, and per position title.
pub fn comparison_sections(c: &Comparison, lang: Lang) -> Vec<Section> {
    let d = lang.demand();
    let title_of = |id: &str| {
        if id == crate::model::demand::BASIS {
            return d.basis.to_string();
        }
        c.scenarios
            .iter()
            .find(|s| s.header.id == id)
            .map_or(id.to_string(), |s| s.header.title.clone())
    };
    let mut years = section(
        SectionKey::Compare,
        d.compare_title.to_string(),
        [d.year.to_string(), d.scenario.to_string()]
            .into_iter()
            .chain(figure_headers(lang))
            .collect(),
        2,
    );
    for r in &c.years {
        years
            .rows
            .push(row([r.year.to_string(), title_of(&r.scenario)]
                .into_iter()
                .chain(figure_cells(lang, &r.figures))
                .collect()));
    }
    years.notes.push(fill(
        d.compare_period,
        &[
            ("from", &c.base_year.to_string()),
            ("to", &c.end_year.to_string()),
        ],
    ));
    let mut positions = section(
        SectionKey::ComparePositions,
        d.positions_title.to_string(),
        [
            d.position.to_string(),
            d.year.to_string(),
            d.scenario.to_string(),
        ]
        .into_iter()
        .chain(figure_headers(lang))
        .collect(),
        3,
    );
    for r in &c.positions {
        positions.rows.push(row([
            r.position.clone(),
            r.year.to_string(),
            title_of(&r.scenario),
        ]
        .into_iter()
        .chain(figure_cells(lang, &r.figures))
        .collect()));
    }
    vec![years, positions]
}

/// `plan analyse --compare` in `format`.
pub fn render_comparison(
    out: &mut dyn Write,
    format: Format,
    c: &Comparison,
    lang: Lang,
) -> io::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, c).map_err(io::Error::other)?;
            writeln!(out)
        }
        Format::Csv => {
            let [y, p] = comparison_csv(c)?;
            out.write_all(&y)?;
            writeln!(out)?;
            out.write_all(&p)
        }
        Format::Table => {
            for (n, s) in comparison_sections(c, lang).iter().enumerate() {
                if n > 0 {
                    writeln!(out)?;
                }
                super::table::section(out, s)?;
            }
            Ok(())
        }
        Format::Markdown => {
            let mut title = super::md::Doc::default();
            title.heading(1, lang.demand().compare_title);
            out.write_all(title.finish().as_bytes())?;
            for s in comparison_sections(c, lang) {
                writeln!(out)?;
                super::markdown::section(out, &s)?;
            }
            Ok(())
        }
    }
}

/// The file names of `--compare --out`, in order.
pub const COMPARE_FILES: [&str; 2] = ["scenarios.csv", "scenario_positions.csv"];

/// The comparison's two CSV tables: per year, per position title.
pub fn comparison_csv(c: &Comparison) -> io::Result<[Vec<u8>; 2]> {
    let finish =
        |w: csv::Writer<Vec<u8>>| w.into_inner().map_err(|e| io::Error::other(e.to_string()));
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["scenario", "year"].into_iter().chain(FIGURES))?;
    for r in &c.years {
        let rec: Vec<String> = [r.scenario.clone(), r.year.to_string()]
            .into_iter()
            .chain(r.figures.all().map(|x| format!("{x}")))
            .collect();
        w.write_record(&rec)?;
    }
    let years = finish(w)?;
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["scenario", "position", "year"].into_iter().chain(FIGURES))?;
    for r in &c.positions {
        let rec: Vec<String> = [r.scenario.clone(), r.position.clone(), r.year.to_string()]
            .into_iter()
            .chain(r.figures.all().map(|x| format!("{x}")))
            .collect();
        w.write_record(&rec)?;
    }
    Ok([years, finish(w)?])
}

/// drivers.csv: driver, year, users, index (empty without drivers).
pub fn drivers_csv(a: &Analysis) -> io::Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["driver", "year", "users", "index"])?;
    for r in &a.drivers {
        w.write_record([
            r.driver.clone(),
            r.year.to_string(),
            format!("{}", r.users),
            format!("{}", r.index),
        ])?;
    }
    w.into_inner().map_err(|e| io::Error::other(e.to_string()))
}
