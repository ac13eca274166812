//! CSV: one table per file (capacity, quality, indicators, workforce), stable
//! columns, `.` as decimal point, full precision, empty cells for hidden or
//! missing values.
//!
//! In: an [`Analysis`]. Out: CSV bytes per table ([`tables`]), or all four on
//! one stream separated by a blank line ([`render_all`]).

use std::io::{self, Write};

use super::cells::quality_cells;
use crate::analyse::Analysis;

/// The file names written by `--out`, in order.
pub const FILES: [&str; 4] = [
    "capacity.csv",
    "quality.csv",
    "indicators.csv",
    "workforce.csv",
];

/// Each table as (file name, CSV bytes).
pub fn tables(a: &Analysis) -> io::Result<Vec<(&'static str, Vec<u8>)>> {
    let [c, q, i, w] = FILES;
    let mut out = vec![
        (c, capacity(a)?),
        (q, quality(a)?),
        (i, indicators(a)?),
        (w, workforce(a)?),
    ];
    if !a.drivers.is_empty() {
        out.push(("drivers.csv", super::demand::drivers_csv(a)?));
    }
    Ok(out)
}

/// All four tables on one stream, each with its header, separated by a blank line.
pub fn render_all(out: &mut dyn Write, a: &Analysis) -> io::Result<()> {
    for (n, (_, bytes)) in tables(a)?.into_iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        out.write_all(&bytes)?;
    }
    Ok(())
}

fn finish(w: csv::Writer<Vec<u8>>) -> io::Result<Vec<u8>> {
    w.into_inner().map_err(|e| io::Error::other(e.to_string()))
}

fn num(x: f64) -> String {
    format!("{x}")
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

fn capacity(a: &Analysis) -> io::Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(CAPACITY_COLUMNS)?;
    for r in &a.capacity {
        let mut rec = vec![r.unit.clone(), r.position.clone(), r.year.to_string()];
        rec.extend(r.figures().map(num));
        w.write_record(&rec)?;
    }
    finish(w)
}

fn quality(a: &Analysis) -> io::Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
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
    ])?;
    for r in &a.quality {
        let mut rec = vec![r.unit.clone(), r.competence.clone()];
        rec.extend(quality_cells(r, ""));
        rec.push(r.suppressed.to_string());
        w.write_record(&rec)?;
    }
    finish(w)
}

fn indicators(a: &Analysis) -> io::Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "id",
        "metric",
        "year",
        "value",
        "target_year",
        "target_min",
        "target_max",
        "met",
    ])?;
    for i in &a.indicators {
        let fixed = |year: String, value: String| {
            [
                i.id.clone(),
                opt(i.metric.map(|m| m.as_str())),
                year,
                value,
                opt(i.target.map(|t| t.year)),
                opt(i.target.and_then(|t| t.min).map(num)),
                opt(i.target.and_then(|t| t.max).map(num)),
                opt(i.met),
            ]
        };
        if i.values.is_empty() {
            w.write_record(fixed(String::new(), String::new()))?;
        }
        for v in &i.values {
            w.write_record(fixed(v.year.to_string(), opt(v.value.map(num))))?;
        }
    }
    finish(w)
}

fn workforce(a: &Analysis) -> io::Result<Vec<u8>> {
    let f = &a.workforce;
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["metric", "group", "value"])?;
    let mut rec =
        |metric: &str, group: &str, value: String| w.write_record([metric, group, &value]);
    rec("headcount", "", f.headcount.to_string())?;
    rec("fte", "", num(f.fte))?;
    rec("mean_age", "", opt(f.mean_age.map(num)))?;
    rec("part_time_share", "", opt(f.part_time_share.map(num)))?;
    rec("mean_percent", "", opt(f.mean_percent.map(num)))?;
    let count = |h: Option<u64>| opt(h.map(|h| h.to_string()));
    for g in &f.age_bands {
        rec("age_band_headcount", &g.group, count(g.headcount))?;
        rec("age_band_fte", &g.group, opt(g.fte.map(num)))?;
    }
    for g in &f.education {
        rec("education_headcount", &g.group, count(g.headcount))?;
        rec("education_fte", &g.group, opt(g.fte.map(num)))?;
    }
    for g in &f.retirements {
        let year = g.year.to_string();
        rec("retirement_headcount", &year, count(g.headcount))?;
        rec("retirement_fte", &year, opt(g.fte.map(num)))?;
    }
    finish(w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::{analyse, testkit::*};
    use crate::model::QualityAmount;

    #[test]
    fn hidden_cells_are_empty_and_columns_stable() {
        let mut plan = plan_2025_2029();
        plan.capacity = vec![cap("u", "spl", 1.5, &["spl"], 0.0)];
        plan.quality = vec![qual("u", "demens", 3, QualityAmount::Count(1))];
        plan.staff = vec![person("id-x", "u", "spl", 100.0, Some("spl"), 1971)];
        let t = tables(&analyse(&plan, &plan.assumptions)).unwrap();
        let text = |i: usize| String::from_utf8(t[i].1.clone()).unwrap();
        assert!(text(0).starts_with("unit,position,year,required,available,"));
        assert!(text(0).contains("u,spl,2025,1.5,1,0,0.5,0.5,0,0,0,0.5\n"));
        assert!(text(1).ends_with("u,demens,3,1,0,1,,,,,true\n"));
        for (_, bytes) in &t {
            let s = String::from_utf8(bytes.clone()).unwrap();
            assert!(!s.contains("id-x") && !s.contains("1971"));
        }
        let mut all = Vec::new();
        render_all(&mut all, &analyse(&plan, &plan.assumptions)).unwrap();
        assert_eq!(String::from_utf8(all).unwrap().matches("\n\n").count(), 3);
    }
}
