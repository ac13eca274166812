//! The population projection file `[population]` names: tidy CSV, SSB
//! StatBank CSV as downloaded (long or wide, codes or texts), or JSON-stat2.
//!
//! In: the `[population]` item and the [`PlanSource`]. Out: a
//! [`PopulationFile`] — persons by (region, alternative, year, single age
//! 0–100, where 100 means "100 or older"), summed over sex — with the file
//! registered in [`Sources`], and a `population-format` diagnostic for every
//! row or value that cannot be read. The form is detected by content; which
//! region and alternative the plan uses, and whether the years and ages it
//! needs are there, is [`crate::validate`]'s job.
//!
//! Columns are recognised by their header, in Norwegian or English, as SSB's
//! StatBank writes them with codes or texts: `region`, `kjønn`/`sex`,
//! `alder`/`age`, `år`/`year`/`tid`, `statistikkvariabel`, a column whose
//! header holds `alternativ`, and the value: `persons`/`personer`, the table
//! title (any other last column), or one column per year (`Personer 2030`).
//! A StatBank preamble (a title line before the header) is skipped.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use super::csv_read::{self, ReadOptions};
use super::Item;
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::model::demand::{Ages, MAX_AGE};
use crate::model::raw::RawPopulation;
use crate::plan_source::{PlanSource, ReadError};
use crate::source::{FileId, Loc, SourceFile, Sources};

/// Persons by age in one (region, alternative, year), with the ages given.
#[derive(Debug, Clone, PartialEq)]
pub struct YearAges {
    pub persons: Ages,
    /// Bit `a` set: age `a` is in the file.
    pub present: u128,
}

impl Default for YearAges {
    fn default() -> Self {
        YearAges {
            persons: [0.0; MAX_AGE as usize + 1],
            present: 0,
        }
    }
}

/// region → alternative → year → ages. A file without a region column has
/// the one region `""`; without an alternative column, the one alternative `""`.
pub type Table = BTreeMap<String, BTreeMap<String, BTreeMap<i32, YearAges>>>;

/// The population file as read.
#[derive(Debug, Clone)]
pub struct PopulationFile {
    pub file: FileId,
    /// The file's name as shown in diagnostics.
    pub name: String,
    /// The path as `[population]` gives it (plan-relative).
    pub path: String,
    pub table: Table,
}

/// What a column (or JSON-stat dimension) holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Region,
    Sex,
    Age,
    Year,
    Statistic,
    Alternative,
    Value,
    /// A wide layout's value column for one year.
    YearValue(i32),
}

/// The role of a header or dimension name, when it names a dimension.
pub(super) fn dimension_role(name: &str) -> Option<Role> {
    let n = name.trim().to_lowercase();
    Some(match n.as_str() {
        "region" | "kommune" | "kommunenummer" | "municipality" => Role::Region,
        "kjønn" | "kjonn" | "kjã¸nn" | "sex" | "gender" => Role::Sex,
        "alder" | "age" => Role::Age,
        "år" | "aar" | "year" | "tid" | "ã¥r" => Role::Year,
        "statistikkvariabel" | "contents" | "contentscode" | "statistic" => Role::Statistic,
        "persons" | "personer" | "value" => Role::Value,
        // a column `alternativ`, not a table title that lists it
        _ if n.contains("alternativ") && n.split_whitespace().count() <= 2 => Role::Alternative,
        _ => return None,
    })
}

/// A year 1900–2200 as the last word of a header (`Personer 2030`, `2030`).
fn year_header(name: &str) -> Option<i32> {
    let last = name.split_whitespace().last()?;
    year(last)
}

pub(super) fn year(s: &str) -> Option<i32> {
    let s = s.trim();
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
        .filter(|y| (1900..=2200).contains(y))
}

/// The code of a StatBank value given as code or as text: `3301 Drammen` →
/// `3301`, `3301` → `3301`.
fn code(s: &str) -> String {
    let s = s.trim();
    match s.split_once(char::is_whitespace) {
        Some((first, _)) if first.bytes().any(|b| b.is_ascii_digit()) => first.to_string(),
        _ => s.to_string(),
    }
}

/// The code of a projection alternative: `Hovedalternativet (MMMM)` → `MMMM`,
/// `MMMM` → `MMMM`, `MMMM Hovedalternativet` → `MMMM`.
fn alternative(s: &str) -> String {
    let s = s.trim();
    if let (Some(open), Some(close)) = (s.rfind('('), s.rfind(')')) {
        if open < close {
            return s[open + 1..close].trim().to_string();
        }
    }
    s.split_whitespace().next().unwrap_or("").to_string()
}

/// The alternative code a statistic value names, when it names one: SSB's
/// tables 14288 and successors may give the projection alternative as the
/// statistic (`statistikkvariabel` = `Hovedalternativet (MMMM)`) instead of in
/// a column of its own. `Personer` names none.
pub(super) fn alternative_in_statistic(s: &str) -> Option<String> {
    let is_code = |c: &str| {
        c.len() == 4
            && c.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    };
    let s = s.trim();
    if let (Some(open), Some(close)) = (s.rfind('('), s.rfind(')')) {
        if open < close && is_code(s[open + 1..close].trim()) {
            return Some(s[open + 1..close].trim().to_string());
        }
    }
    is_code(s).then(|| s.to_string())
}

/// Whether a sex value is the total of both (summed rows would count twice).
fn sex_total(s: &str) -> bool {
    let l = s.trim().to_lowercase();
    l == "0" || l.contains("begge") || l.contains("i alt") || l.contains("total") || l == "both"
}

/// A single age from `080`, `80 år`, `100 år eller eldre`, `105+`; ages over
/// 100 count as 100 ("100 or older").
fn age(s: &str) -> Option<u8> {
    let digits: String = s.trim().chars().take_while(char::is_ascii_digit).collect();
    let a: u32 = digits.parse().ok()?;
    (a <= 130).then(|| a.min(u32::from(MAX_AGE)) as u8)
}

/// A count of persons: `1234`, `1 234`, `1234,0`.
fn persons(s: &str) -> Option<f64> {
    let t: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    let comma = t.contains(',') && !t.contains('.');
    csv_read::parse_number(&t, comma)
        .ok()
        .filter(|v| (0.0..=1e9).contains(v))
}

/// One value of the file, before it is added to the table.
pub(super) struct Cell<'a> {
    pub region: Option<&'a str>,
    pub sex: Option<&'a str>,
    pub age: &'a str,
    pub year: i32,
    pub alternative: Option<&'a str>,
    /// The statistic (`statistikkvariabel`): the alternative when it names
    /// one and there is no alternative column.
    pub statistic: Option<&'a str>,
    pub value: &'a str,
}

/// Adding cells to the table, with duplicate detection.
#[derive(Default)]
pub(super) struct Acc {
    pub table: Table,
    seen: HashSet<(String, String, String, i32, String)>,
}

impl Acc {
    pub(super) fn add(&mut self, c: &Cell) -> Result<(), String> {
        if c.sex.is_some_and(sex_total) {
            return Ok(());
        }
        let Some(a) = age(c.age) else {
            return Err(format!("`{}` is not a single age (0–100)", c.age.trim()));
        };
        let Some(v) = persons(c.value) else {
            return Err(format!(
                "`{}` is not a number of persons (0 or more)",
                c.value.trim()
            ));
        };
        let region = c.region.map(code).unwrap_or_default();
        let alt = match (
            c.alternative,
            c.statistic.and_then(alternative_in_statistic),
        ) {
            (Some(a), _) => alternative(a),
            (None, Some(a)) => a,
            (None, None) => String::new(),
        };
        let key = (
            region.clone(),
            c.sex.map(code).unwrap_or_default(),
            alt.clone(),
            c.year,
            c.age.trim().to_string(),
        );
        if !self.seen.insert(key) {
            return Err(format!(
                "region {region}, age {}, year {} is given twice",
                c.age.trim(),
                c.year
            ));
        }
        let ya = self
            .table
            .entry(region)
            .or_default()
            .entry(alt)
            .or_default()
            .entry(c.year)
            .or_default();
        if let Some(p) = ya.persons.get_mut(usize::from(a)) {
            *p += v;
        }
        ya.present |= 1u128 << a;
        Ok(())
    }
}

/// At most this many findings per file; the rest are likely the same mistake.
const MAX_FINDINGS: usize = 20;

/// Read the file `[population]` names (if any).
pub fn read(
    source: &dyn PlanSource,
    item: Option<&Item<RawPopulation>>,
    sources: &mut Sources,
    diags: &mut Diagnostics,
    inputs: &mut Vec<PathBuf>,
) -> Option<PopulationFile> {
    let item = item?;
    let rel = item.value.file.as_str();
    let loc = item.field("file");
    let name = source.display_name(rel);
    let path = source.disk_path(rel);
    let bytes = match source.read(rel, crate::plan_source::MAX_DATA_FILE) {
        Ok(b) => {
            inputs.extend(path.clone());
            b
        }
        Err(e) => {
            diags.push(read_error(e, rel, &name, loc));
            return None;
        }
    };
    let decoded = match csv_read::decode(&bytes, &ReadOptions::default()) {
        Ok(d) => d.text,
        Err(_) => String::from_utf8_lossy(&bytes).into_owned(),
    };
    drop(bytes);
    let file = sources.add(SourceFile::new(
        name.clone(),
        path.unwrap_or_default(),
        decoded,
    ));
    let text = sources.get(file).map_or("", |f| f.text.as_str());
    let mut found = Diagnostics::default();
    let table = if text.trim_start().starts_with('{') {
        super::population_json::json_stat(text, file, &mut found)
    } else {
        csv(text, file, &mut found)
    };
    let bad = !found.is_empty();
    diags.extend(found);
    if bad {
        return None;
    }
    let table = table?;
    if table.is_empty() {
        diags.push(
            Diagnostic::new(
                Code::PopulationFormat,
                format!("{name} holds no population figures"),
            )
            .at(Loc::new(file, 0..0))
            .hint(FORMS),
        );
        return None;
    }
    Some(PopulationFile {
        file,
        name,
        path: rel.to_string(),
        table,
    })
}

pub(super) const FORMS: &str = "give a tidy CSV (year,age,persons), a CSV downloaded from SSB's StatBank (table 14288 or its successor: region, kjønn, alder, år, alternativ), or SSB's JSON-stat2";

fn read_error(e: ReadError, rel: &str, name: &str, loc: Loc) -> Diagnostic {
    match e {
        ReadError::NotFound => Diagnostic::new(
            Code::MissingDataFile,
            format!("`population.file` names `{rel}`, which does not exist"),
        )
        .at(loc)
        .hint("paths are relative to the plan directory, e.g. \"data/befolkning.csv\""),
        ReadError::Outside => Diagnostic::new(
            Code::PathOutsidePlan,
            format!("`population.file` names `{rel}`, which is outside the plan directory"),
        )
        .at(loc)
        .hint("copy the file into the plan directory and give a path relative to it"),
        ReadError::TooLarge(n) => Diagnostic::new(
            Code::FileTooLarge,
            format!(
                "{name} has {n} bytes; a data file may have at most {} MiB",
                crate::plan_source::MAX_DATA_FILE >> 20
            ),
        )
        .at(loc)
        .hint("download the projection for the plan's municipality only"),
        ReadError::Io(e) => {
            Diagnostic::new(Code::UnreadableFile, format!("cannot read {name}: {e}")).at(loc)
        }
    }
}

/// The byte range of the line starting at `start`.
pub(super) fn line_span(text: &str, start: usize) -> std::ops::Range<usize> {
    let start = start.min(text.len());
    let end = text
        .get(start..)
        .and_then(|t| t.find(['\n', '\r']))
        .map_or(text.len(), |i| start + i);
    start..end
}

/// The header line: the first line with two delimiters or more outside quotes
/// (a StatBank download may start with the table's title and a blank line).
fn header_start(text: &str) -> Option<(usize, u8)> {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let d = csv_read::detect_delimiter(line);
        let mut n = 0;
        let mut quoted = false;
        for b in line.bytes() {
            match b {
                b'"' => quoted = !quoted,
                b if b == d && !quoted => n += 1,
                _ => {}
            }
        }
        if n >= 2 {
            return Some((at, d));
        }
        at += line.len();
    }
    None
}

fn csv(text: &str, file: FileId, diags: &mut Diagnostics) -> Option<Table> {
    let Some((start, delimiter)) = header_start(text) else {
        diags.push(
            Diagnostic::new(
                Code::PopulationFormat,
                "no header line with the columns of a population file",
            )
            .at(Loc::new(file, 0..text.find('\n').unwrap_or(text.len())))
            .hint(FORMS),
        );
        return None;
    };
    let header_loc = Loc::new(file, line_span(text, start));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes().get(start..).unwrap_or_default());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        _ => {
            diags.push(
                Diagnostic::new(Code::PopulationFormat, "the header line cannot be read")
                    .at(header_loc)
                    .hint(FORMS),
            );
            return None;
        }
    };
    let n = header.len();
    let mut roles = Vec::with_capacity(n);
    for (i, h) in header.iter().enumerate() {
        let role = dimension_role(h).or_else(|| year_header(h).map(Role::YearValue));
        roles.push(match role {
            Some(r) => Some(r),
            // the value column of a long StatBank download: headed by the table's title
            None if i + 1 == n => Some(Role::Value),
            None => None,
        });
    }
    let col = |r: Role| roles.iter().position(|x| *x == Some(r));
    let wide: Vec<(usize, i32)> = roles
        .iter()
        .enumerate()
        .filter_map(|(i, r)| match r {
            Some(Role::YearValue(y)) => Some((i, *y)),
            _ => None,
        })
        .collect();
    let unknown: Vec<&str> = header
        .iter()
        .zip(&roles)
        .filter(|(_, r)| r.is_none())
        .map(|(h, _)| h)
        .collect();
    let (age_col, year_col, value_col) = (col(Role::Age), col(Role::Year), col(Role::Value));
    let long_ok = year_col.is_some() && value_col.is_some() && wide.is_empty();
    let wide_ok = year_col.is_none() && !wide.is_empty();
    if !unknown.is_empty() || age_col.is_none() || !(long_ok || wide_ok) {
        let what = if !unknown.is_empty() {
            format!("unknown column(s): {}", unknown.join(", "))
        } else if age_col.is_none() {
            "no age column (`age` or `alder`)".to_string()
        } else {
            "no year and persons columns (`year` and `persons`, `år` and the value, or one column per year such as `Personer 2030`)".to_string()
        };
        diags.push(
            Diagnostic::new(
                Code::PopulationFormat,
                format!("the header is not a population file's: {what}"),
            )
            .at(header_loc)
            .hint(FORMS),
        );
        return None;
    }
    let age_col = age_col?;
    let (region_col, sex_col, alt_col, stat_col) = (
        col(Role::Region),
        col(Role::Sex),
        col(Role::Alternative),
        col(Role::Statistic),
    );
    let mut acc = Acc::default();
    let mut findings = 0;
    for rec in records {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let at = e.position().map_or(start, |p| start + p.byte() as usize);
                diags.push(
                    Diagnostic::new(
                        Code::PopulationFormat,
                        format!("the row cannot be read: {e}"),
                    )
                    .at(Loc::new(file, line_span(text, at))),
                );
                return None;
            }
        };
        let line = rec
            .position()
            .map_or(start..start, |p| line_span(text, start + p.byte() as usize));
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let mut fail = |msg: String, diags: &mut Diagnostics| {
            findings += 1;
            if findings <= MAX_FINDINGS {
                diags.push(
                    Diagnostic::new(Code::PopulationFormat, msg)
                        .at(Loc::new(file, line.clone()))
                        .hint(FORMS),
                );
            }
        };
        if rec.len() != n {
            fail(
                format!("the row has {} fields, the header {n}", rec.len()),
                diags,
            );
            continue;
        }
        let get = |c: Option<usize>| c.and_then(|c| rec.get(c));
        let age_s = rec.get(age_col).unwrap_or("");
        let mut cell = Cell {
            region: get(region_col),
            sex: get(sex_col),
            age: age_s,
            year: 0,
            alternative: get(alt_col),
            statistic: get(stat_col),
            value: "",
        };
        if long_ok {
            let y = get(year_col).unwrap_or("");
            let Some(y) = year(&code(y)) else {
                fail(format!("`{}` is not a year", y.trim()), diags);
                continue;
            };
            cell.year = y;
            cell.value = get(value_col).unwrap_or("");
            if let Err(m) = acc.add(&cell) {
                fail(m, diags);
            }
        } else {
            for &(c, y) in &wide {
                cell.year = y;
                cell.value = rec.get(c).unwrap_or("");
                if let Err(m) = acc.add(&cell) {
                    fail(m, diags);
                    break;
                }
            }
        }
    }
    Some(acc.table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statbank_values_as_codes_or_texts() {
        assert_eq!(code("3301 Drammen"), "3301");
        assert_eq!(code("3301"), "3301");
        assert_eq!(alternative("Hovedalternativet (MMMM)"), "MMMM");
        // a statistic names an alternative only by a four-character code
        let a = alternative_in_statistic;
        assert_eq!(a("Hovedalternativet (MMMM)").as_deref(), Some("MMMM"));
        assert_eq!(a(" LLML ").as_deref(), Some("LLML"));
        assert_eq!(a("Personer"), None);
        assert_eq!(a("Personer1"), None);
        assert_eq!(a("Folkemengde (personer)"), None);
        assert_eq!(alternative("LLML"), "LLML");
        assert_eq!(age("080"), Some(80));
        assert_eq!(age("80 år"), Some(80));
        assert_eq!(age("100 år eller eldre"), Some(100));
        assert_eq!(age("105+"), Some(100));
        assert_eq!(age("Alle aldre"), None);
        assert_eq!(year_header("Personer 2030"), Some(2030));
        assert_eq!(year_header("14288: Framskrevet folkemengde"), None);
        assert!(sex_total("0 Begge kjønn") && !sex_total("2 Kvinner"));
        assert_eq!(persons("1 234"), Some(1234.0));
        assert_eq!(persons("12,5"), Some(12.5));
        assert_eq!(persons("-3"), None);
    }

    fn table(text: &str) -> (Option<Table>, Diagnostics) {
        let mut d = Diagnostics::default();
        let t = if text.starts_with('{') {
            super::super::population_json::json_stat(text, FileId(0), &mut d)
        } else {
            csv(text, FileId(0), &mut d)
        };
        (t, d)
    }

    fn persons_at(t: &Table, region: &str, alt: &str, y: i32, a: usize) -> f64 {
        t[region][alt][&y].persons[a]
    }

    #[test]
    fn long_statbank_download_sums_over_sex() {
        let text = "\"Framskrevet folkemengde 1. januar, etter region, kjønn, alder, år og alternativ\"\n\n\"region\";\"kjønn\";\"alder\";\"år\";\"alternativ\";\"14288: Framskrevet folkemengde 1. januar, etter region, kjønn, alder, år og alternativ\"\n\"3301 Drammen\";\"Menn\";\"80 år\";\"2030\";\"Hovedalternativet (MMMM)\";10\n\"3301 Drammen\";\"Kvinner\";\"80 år\";\"2030\";\"Hovedalternativet (MMMM)\";12\n";
        let (t, d) = table(text);
        assert!(d.is_empty(), "{d:?}");
        let t = t.unwrap();
        assert_eq!(persons_at(&t, "3301", "MMMM", 2030, 80), 22.0);
    }

    #[test]
    fn wide_download_has_a_column_per_year() {
        let text =
            "region,kjønn,alder,Personer 2025,Personer 2030\n3301,1,100,3,4\n3301,2,105+,5,6\n";
        let (t, d) = table(text);
        assert!(d.is_empty(), "{d:?}");
        let t = t.unwrap();
        assert_eq!(persons_at(&t, "3301", "", 2025, 100), 8.0);
        assert_eq!(persons_at(&t, "3301", "", 2030, 100), 10.0);
    }

    #[test]
    fn json_stat_last_dimension_varies_fastest() {
        let text = r#"{"version":"2.0","class":"dataset","id":["Region","Alder","Tid"],"size":[1,2,2],
        "dimension":{"Region":{"category":{"index":{"3301":0}}},
        "Alder":{"label":"alder","category":{"index":{"079":0,"080":1}}},
        "Tid":{"category":{"index":["2025","2030"]}}},
        "role":{"time":["Tid"],"geo":["Region"]},"value":[1,2,3,4]}"#;
        let (t, d) = table(text);
        assert!(d.is_empty(), "{d:?}");
        let t = t.unwrap();
        assert_eq!(persons_at(&t, "3301", "", 2025, 79), 1.0);
        assert_eq!(persons_at(&t, "3301", "", 2030, 79), 2.0);
        assert_eq!(persons_at(&t, "3301", "", 2025, 80), 3.0);
    }

    #[test]
    fn bad_rows_are_located() {
        let (_, d) = table("year,age,persons\n2025,80,x\n2025,alle,3\n2025,80,1\n2025,80,1\n");
        let codes: Vec<_> = d.iter().map(|d| d.code).collect();
        assert_eq!(codes, vec![Code::PopulationFormat; 3]);
        let (_, d) = table("year,age,folk\n");
        assert_eq!(d.len(), 0, "a last unknown column is the value column");
        let (_, d) = table("year,alder,kommune,hm\n2025,1,2,3\n");
        assert_eq!(d.len(), 0);
        let (_, d) = table("foo,bar,baz,persons\n");
        assert_eq!(d.len(), 1);
    }

    proptest::proptest! {
        /// Any text, CSV-like or JSON-like, is a table or findings, never a panic.
        #[test]
        fn never_panics(text in "[\\PC\n;,\"{}\\[\\]:0-9]{0,300}") {
            let _ = table(&text);
            let _ = table(&format!("{{{text}"));
            let _ = table(&format!("year,age,persons\n{text}"));
            let _ = table(&format!("{{\"id\":[\"Alder\",\"Tid\"],\"size\":[2,2],\"dimension\":{text}"));
        }

        /// Summing over sex, the order of the rows does not matter.
        #[test]
        fn row_order_is_irrelevant(rows in proptest::collection::vec((0u8..=100, 2025i32..2028, 0u32..1000, proptest::bool::ANY), 1..40)) {
            let mut seen = std::collections::BTreeSet::new();
            let rows: Vec<_> = rows.into_iter().filter(|r| seen.insert((r.0, r.1, r.3))).collect();
            let text = |rs: &[(u8, i32, u32, bool)]| {
                let mut t = String::from("year,age,sex,persons\n");
                for (a, y, p, w) in rs {
                    t.push_str(&format!("{y},{a},{},{p}\n", if *w { 2 } else { 1 }));
                }
                t
            };
            let mut reversed = rows.clone();
            reversed.reverse();
            let (a, da) = table(&text(&rows));
            let (b, db) = table(&text(&reversed));
            proptest::prop_assert!(da.is_empty() && db.is_empty());
            proptest::prop_assert_eq!(a, b);
        }
    }
}
