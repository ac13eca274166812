//! The staff roster (bemanningsoversikt): its v1 layout, reading and writing.
//!
//! In (reading): a decoded roster and its [`CsvSpec`]. Out: one [`RawStaff`]
//! per record with the right number of fields, in file order — text fields as
//! given (after the `values` mapping), numbers parsed — and a diagnostic for
//! every empty required field and every unreadable number. Whether the numbers
//! are in range, whether `studying` and `study_done` go together, and whether
//! the unit and competences exist is [`crate::validate`]'s job.
//!
//! In (writing): staff rows as text and numbers. Out: the v1 CSV that `plan
//! import`, the demo generator and the tests write, so the layout exists once.

use std::fmt::Write as _;

use super::csv_records::{records, Column, CsvSpec, FieldLocs, Input, Parsed};
use super::data::DataKind;
use crate::diag::Diagnostics;
use crate::model::raw::RawData;
use crate::model::raw_data::RawSource;
use crate::source::Loc;

/// The columns of a v1 roster, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffColumn {
    /// Pseudonymous id, unique in the roster.
    Id,
    Unit,
    Position,
    /// Stillingsprosent.
    Percent,
    /// Formal competence id; empty = none.
    Education,
    BirthYear,
    /// Ønsket stillingsprosent; empty = as now.
    WantedPercent,
    /// Formal competence studied for.
    Studying,
    /// The year `studying` counts.
    StudyDone,
}

impl Column for StaffColumn {
    const ALL: &'static [Self] = &[
        StaffColumn::Id,
        StaffColumn::Unit,
        StaffColumn::Position,
        StaffColumn::Percent,
        StaffColumn::Education,
        StaffColumn::BirthYear,
        StaffColumn::WantedPercent,
        StaffColumn::Studying,
        StaffColumn::StudyDone,
    ];
    const NAMES: &'static [&'static str] = &[
        "id",
        "unit",
        "position",
        "percent",
        "education",
        "birth_year",
        "wanted_percent",
        "studying",
        "study_done",
    ];

    fn index(self) -> usize {
        self as usize
    }
}

/// Columns a mapped export may leave out.
pub const OPTIONAL: [&str; 3] = ["wanted_percent", "studying", "study_done"];

/// The roster as a data kind: `[data] staff`.
#[derive(Debug, Clone, Copy)]
pub struct StaffKind;

impl DataKind for StaffKind {
    const KEY: &'static str = "staff";
    const COLUMNS: &'static [&'static str] = StaffColumn::NAMES;
    type Rows = Parsed<RawStaff>;

    fn source(data: &RawData) -> Option<&RawSource> {
        data.staff.as_ref()
    }

    fn parse(input: Input<'_>, spec: &CsvSpec, diags: &mut Diagnostics) -> Self::Rows {
        parse(input, spec, diags)
    }
}

/// One roster record as read: every field that could be read, unchecked.
#[derive(Debug, Clone, PartialEq)]
pub struct RawStaff {
    /// Empty when the field is empty (already reported).
    pub id: String,
    pub unit: String,
    pub position: String,
    /// `None` when unreadable (already reported).
    pub percent: Option<f64>,
    pub education: Option<String>,
    pub birth_year: Option<i64>,
    /// `None` when empty or unreadable.
    pub wanted_percent: Option<f64>,
    pub studying: Option<String>,
    pub study_done: Option<i64>,
    /// The record's line.
    pub loc: Loc,
    /// Reading the record found a problem: it is checked further but never
    /// becomes a staff member.
    pub rejected: bool,
}

fn optional(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

/// Read a roster; field locations on demand.
pub fn parse(input: Input<'_>, spec: &CsvSpec, diags: &mut Diagnostics) -> Parsed<RawStaff> {
    use StaffColumn as C;
    // one row per line at most: sized once, never grown (a national roster's
    // rows would otherwise be copied, into fresh pages, at every doubling)
    let lines = memchr::memchr_iter(b'\n', input.text.as_bytes()).count();
    let mut out = Vec::with_capacity(lines + 1);
    // ids that look like names: counted, reported once, never repeated
    let mut names: (usize, Option<crate::source::Loc>) = (0, None);
    let index = records(
        input,
        spec,
        C::NAMES,
        &OPTIONAL,
        &[],
        diags,
        |r, _, diags| {
            let n0 = diags.len();
            let text = |col, diags: &mut Diagnostics| r.required(col, diags).map(str::to_string);
            let mut id = text(C::Id, diags);
            if id.as_deref().is_some_and(super::personal::looks_like_name) {
                names.0 += 1;
                names.1.get_or_insert_with(|| r.loc(C::Id));
                id = None;
            }
            let no_id = id.is_none();
            let unit = text(C::Unit, diags);
            let position = text(C::Position, diags);
            let percent = r.number(C::Percent, diags);
            let birth_year = r.integer(C::BirthYear, diags);
            let wanted_percent = if r.get(C::WantedPercent).is_empty() {
                None
            } else {
                r.number(C::WantedPercent, diags)
            };
            let study_done = if r.get(C::StudyDone).is_empty() {
                None
            } else {
                r.integer(C::StudyDone, diags)
            };
            out.push(RawStaff {
                id: id.unwrap_or_default(),
                unit: unit.unwrap_or_default(),
                position: position.unwrap_or_default(),
                percent,
                education: optional(r.get(C::Education)),
                birth_year,
                wanted_percent,
                studying: optional(r.get(C::Studying)),
                study_done,
                loc: r.row_loc(),
                rejected: diags.len() > n0 || no_id,
            });
        },
    );
    if let (n, Some(loc)) = names {
        diags.push(super::personal::name_ids("id", n, loc));
    }
    Parsed {
        rows: out,
        fields: FieldLocs::Columns {
            file: input.file,
            delimiter: input.delimiter,
            index: index.unwrap_or_default(),
        },
    }
}

/// One roster row to write.
#[derive(Debug, Clone, Copy)]
pub struct StaffFields<'a> {
    pub id: &'a str,
    pub unit: &'a str,
    pub position: &'a str,
    pub percent: f64,
    pub education: Option<&'a str>,
    pub birth_year: i32,
    pub wanted_percent: Option<f64>,
    pub studying: Option<&'a str>,
    pub study_done: Option<i32>,
}

impl<'a> From<&'a crate::model::Staff> for StaffFields<'a> {
    fn from(s: &'a crate::model::Staff) -> Self {
        StaffFields {
            id: &s.id,
            unit: &s.unit,
            position: &s.position,
            percent: s.percent,
            education: s.education.as_deref(),
            birth_year: s.birth_year,
            wanted_percent: s.wanted_percent,
            studying: s.studying.as_deref(),
            study_done: s.study_done,
        }
    }
}

/// The v1 header line, with its line end.
pub fn header() -> String {
    super::csv_write::header(StaffColumn::NAMES)
}

/// Append one v1 row, with its line end (numbers in their shortest form).
pub fn write_row(out: &mut String, s: &StaffFields<'_>) {
    use super::csv_write::field;
    field(out, s.id, true);
    field(out, s.unit, false);
    field(out, s.position, false);
    let _ = write!(out, ",{}", s.percent);
    field(out, s.education.unwrap_or(""), false);
    let _ = write!(out, ",{}", s.birth_year);
    out.push(',');
    if let Some(w) = s.wanted_percent {
        let _ = write!(out, "{w}");
    }
    field(out, s.studying.unwrap_or(""), false);
    out.push(',');
    if let Some(y) = s.study_done {
        let _ = write!(out, "{y}");
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Code;
    use crate::source::FileId;

    fn input(t: &str) -> Input<'_> {
        Input {
            text: t,
            file: FileId(0),
            header_start: 0,
            delimiter: b',',
            decimal_comma: false,
        }
    }

    #[test]
    fn unreadable_fields_are_located_and_the_row_rejected() {
        let t = format!(
            "{}s1,u,p,120,,1980,,,\ns2,u,p,8O,,1980,,,\ns4,u,p,50\ns5,u,p,50,,1980,,x,\n",
            header()
        );
        let mut d = Diagnostics::default();
        let parsed = parse(input(&t), &CsvSpec::default(), &mut d);
        // 120 is read (its range is validation's business); 8O is not a number
        let rejected: Vec<bool> = parsed.rows.iter().map(|r| r.rejected).collect();
        assert_eq!(rejected, [false, true, false]);
        assert_eq!(parsed.rows[0].percent, Some(120.0));
        let codes: Vec<_> = d.iter().map(|x| x.code).collect();
        assert_eq!(codes, [Code::CsvNumber, Code::CsvFieldCount]);
        let loc = d.iter().next().and_then(|x| x.loc.clone());
        assert_eq!(loc.map(|l| &t[l.span]), Some("8O"));
    }

    #[test]
    fn national_ids_are_refused_without_echo() {
        let t = format!("{}15076500565,u,p,100,,1980,,,\n", header());
        let mut d = Diagnostics::default();
        let parsed = parse(input(&t), &CsvSpec::default(), &mut d);
        assert!(parsed.rows.is_empty());
        let first = d.iter().next().cloned();
        let first = first.unwrap_or_else(|| panic!("no finding"));
        assert_eq!(first.code, Code::PersonalData);
        assert!(!first.message.contains("15076500565"));
        assert!(first.redact);
    }

    #[test]
    fn mapped_columns_values_and_decimal_comma() {
        let t = "Ansattnr;Enhet;Stilling;Stillingsprosent;Utdanning;Fødselsår\r\n\
                 a1;Sjøheim;SPL;37,5;Autorisert sykepleier;1980\r\n\
                 a2;Sjøheim;HFA;1.234;Ufaglært;1990\r\n";
        let mut spec = CsvSpec {
            mapped: true,
            ..CsvSpec::default()
        };
        for (k, v) in [
            ("id", "Ansattnr"),
            ("unit", "Enhet"),
            ("position", "Stilling"),
            ("percent", "Stillingsprosent"),
            ("education", "Utdanning"),
            ("birth_year", "Fødselsår"),
        ] {
            spec.columns.insert(k.into(), v.into());
        }
        spec.values.insert(
            "education".into(),
            [
                (
                    "Autorisert sykepleier".to_string(),
                    "sykepleier".to_string(),
                ),
                ("Ufaglært".into(), String::new()),
            ]
            .into(),
        );
        spec.values.insert(
            "unit".into(),
            [("Sjøheim".to_string(), "sjoheim".to_string())].into(),
        );
        let mut d = Diagnostics::default();
        let inp = Input {
            text: t,
            file: FileId(0),
            header_start: 0,
            delimiter: b';',
            decimal_comma: true,
        };
        let rows = parse(inp, &spec, &mut d).rows;
        assert_eq!(rows.len(), 2);
        assert!(!rows[0].rejected && rows[1].rejected);
        assert_eq!(rows[0].percent, Some(37.5));
        assert_eq!(rows[0].education.as_deref(), Some("sykepleier"));
        assert_eq!(rows[0].unit, "sjoheim");
        let err = d
            .iter()
            .next()
            .cloned()
            .unwrap_or_else(|| panic!("no finding"));
        assert_eq!(err.code, Code::CsvNumber);
        assert!(err.message.contains("ambiguous"), "{}", err.message);
        let span = err.loc.map(|l| l.span).unwrap_or_default();
        assert_eq!(&t[span], "1.234");
    }

    #[test]
    fn written_rows_read_back_as_written() {
        let people = [
            StaffFields {
                id: "a1",
                unit: "sjøheim",
                position: "spl",
                percent: 37.5,
                education: Some("sykepleier"),
                birth_year: 1980,
                wanted_percent: Some(80.0),
                studying: Some("vernepleier"),
                study_done: Some(2027),
            },
            StaffFields {
                id: "a,\"2\"",
                unit: "u",
                position: "p",
                percent: 100.0,
                education: None,
                birth_year: 1990,
                wanted_percent: None,
                studying: None,
                study_done: None,
            },
        ];
        let mut t = header();
        for p in &people {
            write_row(&mut t, p);
        }
        assert!(t.contains("\na1,sjøheim,spl,37.5,sykepleier,1980,80,vernepleier,2027\n"));
        assert!(t.ends_with("\"a,\"\"2\"\"\",u,p,100,,1990,,,\n"), "{t}");
        let mut d = Diagnostics::default();
        let rows = parse(input(&t), &CsvSpec::default(), &mut d).rows;
        assert!(d.is_empty(), "{d:?}");
        let back: Vec<(&str, Option<f64>, Option<i64>)> = rows
            .iter()
            .map(|r| (r.id.as_str(), r.wanted_percent, r.study_done))
            .collect();
        assert_eq!(
            back,
            [("a1", Some(80.0), Some(2027)), ("a,\"2\"", None, None)]
        );
    }
}
