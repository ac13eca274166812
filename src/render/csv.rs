//! CSV: one table per file (capacity, quality, indicators, workforce), stable
//! columns, empty cells for hidden or missing values. Two flavours:
//! [`Flavour::Data`] — `,`-separated, `.` as decimal point, full precision
//! (without floating-point noise), ids only; [`Flavour::Excel`] — for
//! Norwegian Excel: `;`-separated, decimal comma, UTF-8 with a byte-order
//! mark, each id followed by its name, figures rounded as the tables show them.
//!
//! In: an [`Analysis`] (and the plan's [`Names`] for Excel). Out: CSV bytes per
//! table ([`tables`]), or all four on one stream separated by a blank line
//! ([`render_all`]).

use std::io::{self, Write};

use super::cells::quality_cells;
use super::json::denoise;
use super::names::Names;
use crate::analyse::{Analysis, Scale};

/// Which CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Flavour {
    /// For programs: `,`, `.`, full precision, ids.
    #[default]
    Data,
    /// For Norwegian Excel: `;`, decimal comma, BOM, names beside ids, rounded.
    Excel,
}

/// The byte-order mark Excel needs to read UTF-8.
const BOM: &str = "\u{feff}";

/// How figures are written.
#[derive(Clone, Copy)]
struct Style<'a> {
    flavour: Flavour,
    names: &'a Names<'a>,
}

impl Style<'_> {
    fn excel(&self) -> bool {
        self.flavour == Flavour::Excel
    }

    /// `x` in full precision (data), or rounded to `decimals` with a decimal
    /// comma and no grouping (Excel).
    fn num(&self, x: f64, decimals: usize) -> String {
        match self.flavour {
            Flavour::Data => num(x),
            Flavour::Excel => {
                let scale = 10f64.powi(i32::try_from(decimals).unwrap_or(0));
                let r = (x * scale).round() / scale;
                let r = if r == 0.0 { 0.0 } else { r }; // never "-0,0"
                format!("{r:.decimals$}").replace('.', ",")
            }
        }
    }

    fn opt_num(&self, x: Option<f64>, decimals: usize) -> String {
        x.map(|x| self.num(x, decimals)).unwrap_or_default()
    }

    fn writer(&self) -> csv::Writer<Vec<u8>> {
        let mut b = csv::WriterBuilder::new();
        if self.excel() {
            b.delimiter(b';');
        }
        let mut start = Vec::new();
        if self.excel() {
            start.extend_from_slice(BOM.as_bytes());
        }
        b.from_writer(start)
    }

    /// The header: each id column followed by its name column in Excel.
    fn header(&self, columns: &[&str], named: &[&str]) -> Vec<String> {
        let mut h = Vec::new();
        for c in columns {
            h.push((*c).to_string());
            if self.excel() && named.contains(c) {
                h.push(format!("{c}_name"));
            }
        }
        h
    }
}

/// The file names written by `--out`, in order.
pub const FILES: [&str; 4] = [
    "capacity.csv",
    "quality.csv",
    "indicators.csv",
    "workforce.csv",
];

/// Each table as (file name, CSV bytes).
pub fn tables(
    a: &Analysis,
    flavour: Flavour,
    names: &Names,
) -> io::Result<Vec<(&'static str, Vec<u8>)>> {
    let st = Style { flavour, names };
    let [c, q, i, w] = FILES;
    let mut out = vec![
        (c, capacity(a, st)?),
        (q, quality(a, st)?),
        (i, indicators(a, st)?),
        (w, workforce(a, st)?),
    ];
    if !a.drivers.is_empty() {
        out.push(("drivers.csv", super::demand::drivers_csv(a)?));
    }
    Ok(out)
}

/// All four tables on one stream, each with its header, separated by a blank
/// line (in Excel's flavour one byte-order mark, at the start).
pub fn render_all(
    out: &mut dyn Write,
    a: &Analysis,
    flavour: Flavour,
    names: &Names,
) -> io::Result<()> {
    for (n, (_, bytes)) in tables(a, flavour, names)?.into_iter().enumerate() {
        let bytes = match bytes.strip_prefix(BOM.as_bytes()) {
            Some(rest) if n > 0 => rest,
            _ => &bytes,
        };
        if n > 0 {
            writeln!(out)?;
        }
        out.write_all(bytes)?;
    }
    Ok(())
}

fn finish(w: csv::Writer<Vec<u8>>) -> io::Result<Vec<u8>> {
    w.into_inner().map_err(|e| io::Error::other(e.to_string()))
}

fn num(x: f64) -> String {
    format!("{}", denoise(x))
}

fn opt<T: ToString>(x: Option<T>) -> String {
    x.map(|v| v.to_string()).unwrap_or_default()
}

/// The columns of capacity.csv: the fields of a capacity row in the JSON.
pub const CAPACITY_COLUMNS: [&str; 12] = [
    "unit",
    "position",
    "year",
    "required",
    "available",
    "unqualified",
    "gap",
    "need",
    "surplus",
    "mobilise",
    "develop",
    "acquire",
];

/// FTE as the tables show it: one decimal.
const FTE: usize = 1;
/// A share 0–1 as the tables show it (a percentage with one decimal).
const SHARE: usize = 3;

fn capacity(a: &Analysis, st: Style) -> io::Result<Vec<u8>> {
    let mut w = st.writer();
    w.write_record(st.header(&CAPACITY_COLUMNS, &["unit", "position"]))?;
    for r in &a.capacity {
        let mut rec = vec![r.unit.clone()];
        if st.excel() {
            rec.push(st.names.unit(&r.unit));
        }
        rec.push(r.position.clone());
        if st.excel() {
            rec.push(st.names.position(&r.unit, &r.position));
        }
        rec.push(r.year.to_string());
        rec.extend(r.figures().map(|x| st.num(x, FTE)));
        w.write_record(&rec)?;
    }
    finish(w)
}

fn quality(a: &Analysis, st: Style) -> io::Result<Vec<u8>> {
    let mut w = st.writer();
    w.write_record(st.header(
        &[
            "unit",
            "competence",
            "min_level",
            "headcount",
            "respondents",
            "required",
            "available",
            "need",
            "develop",
            "acquire",
            "suppressed",
        ],
        &["unit", "competence"],
    ))?;
    for r in &a.quality {
        let mut rec = vec![r.unit.clone()];
        if st.excel() {
            rec.push(st.names.unit(&r.unit));
        }
        rec.push(r.competence.clone());
        if st.excel() {
            rec.push(st.names.competence(&r.competence));
        }
        rec.extend(quality_cells(r, ""));
        rec.push(r.suppressed.to_string());
        w.write_record(&rec)?;
    }
    finish(w)
}

fn indicators(a: &Analysis, st: Style) -> io::Result<Vec<u8>> {
    let mut w = st.writer();
    w.write_record(st.header(
        &[
            "id",
            "metric",
            "year",
            "value",
            "target_year",
            "target_min",
            "target_max",
            "met",
            "status",
        ],
        &["id"],
    ))?;
    for i in &a.indicators {
        // a share as the tables show it; a manual figure as it is written
        let decimals = match i.scale {
            Scale::Share => SHARE,
            _ => 2,
        };
        let status = serde_json::to_value(i.status)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let fixed = |year: String, value: String| {
            let mut rec = vec![i.id.clone()];
            if st.excel() {
                rec.push(i.title.clone());
            }
            rec.extend([
                opt(i.metric.map(|m| m.as_str())),
                year,
                value,
                opt(i.target.map(|t| t.year)),
                st.opt_num(i.target.and_then(|t| t.min), decimals),
                st.opt_num(i.target.and_then(|t| t.max), decimals),
                opt(i.met),
                status.clone(),
            ]);
            rec
        };
        if i.values.is_empty() {
            w.write_record(fixed(String::new(), String::new()))?;
        }
        for v in &i.values {
            w.write_record(fixed(v.year.to_string(), st.opt_num(v.value, decimals)))?;
        }
    }
    finish(w)
}

fn workforce(a: &Analysis, st: Style) -> io::Result<Vec<u8>> {
    let f = &a.workforce;
    let mut w = st.writer();
    w.write_record(["metric", "group", "value"])?;
    let mut rec =
        |metric: &str, group: &str, value: String| w.write_record([metric, group, &value]);
    rec("headcount", "", f.headcount.to_string())?;
    rec("fte", "", st.num(f.fte, FTE))?;
    rec("mean_age", "", st.opt_num(f.mean_age, 1))?;
    rec("part_time_share", "", st.opt_num(f.part_time_share, SHARE))?;
    rec("mean_percent", "", st.opt_num(f.mean_percent, 1))?;
    let count = |h: Option<u64>| opt(h.map(|h| h.to_string()));
    for g in &f.age_bands {
        rec("age_band_headcount", &g.group, count(g.headcount))?;
        rec("age_band_fte", &g.group, st.opt_num(g.fte, FTE))?;
    }
    for g in &f.education {
        rec("education_headcount", &g.group, count(g.headcount))?;
        rec("education_fte", &g.group, st.opt_num(g.fte, FTE))?;
    }
    for g in &f.retirements {
        let year = g.year.to_string();
        rec("retirement_headcount", &year, count(g.headcount))?;
        rec("retirement_fte", &year, st.opt_num(g.fte, FTE))?;
    }
    finish(w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::{analyse, testkit::*};
    use crate::model::QualityAmount;
    use crate::render::names::Names;

    #[test]
    fn hidden_cells_are_empty_and_columns_stable() {
        let mut plan = plan_2025_2029();
        plan.capacity = vec![cap("u", "spl", 1.5, &["spl"], 0.0)];
        plan.quality = vec![qual("u", "demens", 3, QualityAmount::Count(1))];
        plan.staff = vec![person("id-x", "u", "spl", 100.0, Some("spl"), 1971)];
        let t = tables(
            &analyse(&plan, &plan.assumptions),
            Flavour::Data,
            &Names::ids(),
        )
        .unwrap();
        let text = |i: usize| String::from_utf8(t[i].1.clone()).unwrap();
        assert!(text(0).starts_with("unit,position,year,required,available,"));
        assert!(text(0).contains("u,spl,2025,1.5,1,0,0.5,0.5,0,0,0,0.5\n"));
        assert!(text(1).ends_with("u,demens,3,1,0,1,,,,,true\n"));
        for (_, bytes) in &t {
            let s = String::from_utf8(bytes.clone()).unwrap();
            assert!(!s.contains("id-x") && !s.contains("1971"));
        }
        let mut all = Vec::new();
        render_all(
            &mut all,
            &analyse(&plan, &plan.assumptions),
            Flavour::Data,
            &Names::ids(),
        )
        .unwrap();
        assert_eq!(String::from_utf8(all).unwrap().matches("\n\n").count(), 3);
    }

    #[test]
    fn excel_flavour_for_norwegian_excel() {
        let mut plan = plan_2025_2029();
        plan.capacity = vec![cap("u", "spl", 1.25, &["spl"], 0.0)];
        plan.capacity[0].title = "Sykepleier; natt".into();
        plan.staff = vec![person("id-x", "u", "spl", 100.0, Some("spl"), 1971)];
        let a = analyse(&plan, &plan.assumptions);
        let t = tables(&a, Flavour::Excel, &Names::of(&plan)).unwrap();
        let text = |i: usize| String::from_utf8(t[i].1.clone()).unwrap();
        let cap = text(0);
        assert!(
            cap.starts_with("\u{feff}unit;unit_name;position;position_name;year;required;"),
            "{cap}"
        );
        // rounded as the tables show it (1,25 → 1,3), decimal comma, a name with ";" quoted
        assert!(
            cap.contains("u;u;spl;\"Sykepleier; natt\";2025;1,3;1,0;0,0;0,3;"),
            "{cap}"
        );
        for (_, bytes) in &t {
            let s = String::from_utf8(bytes.clone()).unwrap();
            assert!(s.starts_with('\u{feff}') && !s.contains("id-x") && !s.contains("1971"));
        }
        let mut all = Vec::new();
        render_all(&mut all, &a, Flavour::Excel, &Names::of(&plan)).unwrap();
        assert_eq!(
            String::from_utf8(all).unwrap().matches('\u{feff}').count(),
            1
        );
    }
}
