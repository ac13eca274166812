//! CSV files of a plan (staff roster, survey answers) → typed rows with locations.
//!
//! In: the text of a CSV file named by `[data]`. Out: [`Staff`] and [`Answer`]
//! rows whose fields parsed, plus a diagnostic (file, line, column) for every
//! header, field-count or number problem. References (unit, competence) are
//! checked later, in [`crate::validate`].

use std::ops::Range;

use crate::diag::{suggest, Code, Diagnostic, Diagnostics};
use crate::model::{Answer, Staff};
use crate::source::{FileId, Loc};

pub const STAFF_HEADERS: [&str; 9] = [
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

pub const SURVEY_HEADERS: [&str; 5] = ["respondent", "unit", "competence", "level", "need"];

/// One record: its fields and where it starts.
struct Record<'t> {
    text: &'t str,
    file: FileId,
    start: usize,
    fields: Vec<String>,
    /// Column index of each expected header.
    index: Vec<usize>,
}

impl Record<'_> {
    fn get(&self, col: usize) -> &str {
        self.index
            .get(col)
            .and_then(|&i| self.fields.get(i))
            .map_or("", |s| s.trim())
    }

    fn loc(&self, col: usize) -> Loc {
        let i = self.index.get(col).copied().unwrap_or(0);
        Loc::new(self.file, field_span(self.text, self.start, i))
    }

    fn row_loc(&self) -> Loc {
        let end = self.text[self.start..]
            .find(['\n', '\r'])
            .map_or(self.text.len(), |e| self.start + e);
        Loc::new(self.file, self.start..end)
    }
}

/// Byte span of field `index` of the record starting at `start` (quote-aware).
pub fn field_span(text: &str, start: usize, index: usize) -> Range<usize> {
    let bytes = text.as_bytes();
    let mut pos = start.min(bytes.len());
    let mut field = 0;
    let mut field_start = pos;
    let mut in_quotes = false;
    while pos < bytes.len() {
        let b = bytes[pos];
        if in_quotes {
            if b == b'"' {
                if bytes.get(pos + 1) == Some(&b'"') {
                    pos += 1;
                } else {
                    in_quotes = false;
                }
            }
        } else if b == b'"' {
            in_quotes = true;
        } else if b == b',' || b == b'\n' || b == b'\r' {
            if field == index {
                return field_start..pos;
            }
            if b != b',' {
                break;
            }
            field += 1;
            field_start = pos + 1;
        }
        pos += 1;
    }
    if field == index {
        field_start..pos
    } else {
        start..start
    }
}

/// Read the header and records of a CSV text. Returns `None` when the header is
/// unusable (then nothing else can be read).
fn records<'t>(
    text: &'t str,
    file: FileId,
    expected: &[&str],
    diags: &mut Diagnostics,
    mut each: impl FnMut(&Record<'t>, &mut Diagnostics),
) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            diags.push(
                Diagnostic::new(Code::CsvHeader, format!("cannot read the CSV header: {e}"))
                    .at(Loc::new(file, 0..0)),
            );
            return;
        }
    };
    let names: Vec<String> = headers.iter().map(|h| h.trim().to_string()).collect();
    let header_loc = |i: usize| Loc::new(file, field_span(text, 0, i));
    let mut ok = true;
    for (i, name) in names.iter().enumerate() {
        if !expected.contains(&name.as_str()) {
            let mut d = Diagnostic::new(Code::CsvHeader, format!("unknown column `{name}`"))
                .at(header_loc(i));
            d = match suggest(name, expected.iter().copied()) {
                Some(s) => d.hint(format!(
                    "did you mean `{s}`? the header must be: {}",
                    expected.join(",")
                )),
                None => d.hint(format!("the header must be: {}", expected.join(","))),
            };
            diags.push(d);
            ok = false;
        } else if names[..i].contains(name) {
            diags.push(
                Diagnostic::new(Code::CsvHeader, format!("column `{name}` is given twice"))
                    .at(header_loc(i)),
            );
            ok = false;
        }
    }
    for want in expected {
        if !names.iter().any(|n| n == want) {
            diags.push(
                Diagnostic::new(Code::CsvHeader, format!("missing column `{want}`"))
                    .at(Loc::new(
                        file,
                        field_span(text, 0, 0).start..text.find(['\r', '\n']).unwrap_or(text.len()),
                    ))
                    .hint(format!("the header must be: {}", expected.join(","))),
            );
            ok = false;
        }
    }
    if !ok {
        return;
    }
    let index: Vec<usize> = expected
        .iter()
        .map(|e| names.iter().position(|n| n == e).unwrap_or(0))
        .collect();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let at = e.position().map_or(text.len(), |p| p.byte() as usize);
                diags.push(
                    Diagnostic::new(Code::ParseError, format!("unreadable CSV record: {e}"))
                        .at(Loc::new(file, at..at)),
                );
                break;
            }
        }
        let start = record.position().map_or(0, |p| p.byte() as usize);
        if record.len() == 1 && record.get(0).is_some_and(|f| f.trim().is_empty()) {
            continue; // blank line
        }
        let rec = Record {
            text,
            file,
            start,
            fields: record.iter().map(str::to_string).collect(),
            index: index.clone(),
        };
        if record.len() != names.len() {
            diags.push(
                Diagnostic::new(
                    Code::CsvFieldCount,
                    format!(
                        "row has {} fields, the header has {}",
                        record.len(),
                        names.len()
                    ),
                )
                .at(rec.row_loc())
                .hint(
                    "every row needs one value per column; leave optional values empty, e.g. `,,`",
                ),
            );
            continue;
        }
        each(&rec, diags);
    }
}

fn number(rec: &Record<'_>, col: usize, what: &str, diags: &mut Diagnostics) -> Option<f64> {
    let s = rec.get(col);
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() => Some(v),
        _ => {
            let mut d = Diagnostic::new(
                Code::CsvNumber,
                format!("`{what}` must be a number, found `{s}`"),
            )
            .at(rec.loc(col));
            if s.contains(',') || s.contains('%') {
                d = d.hint("write plain numbers with `.` as decimal mark, e.g. 37.5");
            }
            diags.push(d);
            None
        }
    }
}

fn integer(rec: &Record<'_>, col: usize, what: &str, diags: &mut Diagnostics) -> Option<i64> {
    let s = rec.get(col);
    match s.parse::<i64>() {
        Ok(v) => Some(v),
        Err(_) => {
            diags.push(
                Diagnostic::new(
                    Code::CsvNumber,
                    format!("`{what}` must be a whole number, found `{s}`"),
                )
                .at(rec.loc(col)),
            );
            None
        }
    }
}

fn optional(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

fn out_of_range(rec: &Record<'_>, col: usize, msg: String, hint: &str, diags: &mut Diagnostics) {
    diags.push(
        Diagnostic::new(Code::OutOfRange, msg)
            .at(rec.loc(col))
            .hint(hint),
    );
}

fn required(rec: &Record<'_>, col: usize, what: &str, diags: &mut Diagnostics) -> Option<String> {
    let s = rec.get(col);
    if s.is_empty() {
        diags.push(
            Diagnostic::new(Code::MissingField, format!("`{what}` is empty")).at(rec.loc(col)),
        );
        None
    } else {
        Some(s.to_string())
    }
}

/// A parsed CSV row with the location of each of its expected fields (in the
/// order of the expected header), for later reference checks.
#[derive(Debug, Clone)]
pub struct Row<T> {
    pub value: T,
    pub fields: Vec<Loc>,
}

impl<T> Row<T> {
    /// Location of expected column `col` (see [`STAFF_HEADERS`], [`SURVEY_HEADERS`]).
    pub fn loc(&self, col: usize) -> Loc {
        self.fields
            .get(col)
            .cloned()
            .unwrap_or(Loc::new(FileId(0), 0..0))
    }
}

fn field_locs(r: &Record<'_>, n: usize) -> Vec<Loc> {
    (0..n).map(|c| r.loc(c)).collect()
}

/// Parse a staff roster.
pub fn read_staff(text: &str, file: FileId, diags: &mut Diagnostics) -> Vec<Row<Staff>> {
    let mut out = Vec::new();
    records(text, file, &STAFF_HEADERS, diags, |r, diags| {
        let n0 = diags.iter().count();
        let id = required(r, 0, "id", diags);
        let unit = required(r, 1, "unit", diags);
        let position = required(r, 2, "position", diags);
        let percent = number(r, 3, "percent", diags);
        if let Some(p) = percent {
            if !(p > 0.0 && p <= 100.0) {
                out_of_range(
                    r,
                    3,
                    format!("percent {p} is outside 0 < percent ≤ 100"),
                    "stillingsprosent is a number above 0 and at most 100",
                    diags,
                );
            }
        }
        let birth_year = integer(r, 5, "birth_year", diags);
        if let Some(y) = birth_year {
            if !(1900..=2100).contains(&y) {
                out_of_range(
                    r,
                    5,
                    format!("birth_year {y} is not a plausible year"),
                    "write the four-digit year of birth",
                    diags,
                );
            }
        }
        let wanted = if r.get(6).is_empty() {
            None
        } else {
            number(r, 6, "wanted_percent", diags)
        };
        if let Some(w) = wanted {
            if !(w > 0.0 && w <= 100.0) {
                out_of_range(
                    r,
                    6,
                    format!("wanted_percent {w} is outside 0 < wanted_percent ≤ 100"),
                    "leave it empty when the employee wants the same position size",
                    diags,
                );
            }
        }
        let studying = optional(r.get(7));
        let study_done = if r.get(8).is_empty() {
            None
        } else {
            integer(r, 8, "study_done", diags)
        };
        if studying.is_some() != study_done.is_some() {
            let (col, msg) = if studying.is_some() {
                (8, "`studying` is set but `study_done` is empty")
            } else {
                (7, "`study_done` is set but `studying` is empty")
            };
            diags.push(
                Diagnostic::new(Code::ConflictingFields, msg)
                    .at(r.loc(col))
                    .hint(
                        "give both the competence studied for and the year it counts, or neither",
                    ),
            );
        }
        if diags.iter().count() > n0 {
            return;
        }
        if let (Some(id), Some(unit), Some(position), Some(percent), Some(birth_year)) =
            (id, unit, position, percent, birth_year)
        {
            out.push(Row { fields: field_locs(r, STAFF_HEADERS.len()), value: Staff {
                id,
                unit,
                position,
                percent,
                education: optional(r.get(4)),
                birth_year: birth_year as i32,
                wanted_percent: wanted,
                studying,
                study_done: study_done.map(|y| y as i32),
                loc: Some(r.row_loc()),
            }});
        }
    });
    out
}

/// Parse survey answers.
pub fn read_survey(text: &str, file: FileId, diags: &mut Diagnostics) -> Vec<Row<Answer>> {
    let mut out = Vec::new();
    records(text, file, &SURVEY_HEADERS, diags, |r, diags| {
        let n0 = diags.iter().count();
        let respondent = required(r, 0, "respondent", diags);
        let unit = required(r, 1, "unit", diags);
        let competence = required(r, 2, "competence", diags);
        let scale = |col: usize, what: &str, diags: &mut Diagnostics| -> Option<u8> {
            let v = integer(r, col, what, diags)?;
            if (1..=5).contains(&v) {
                Some(v as u8)
            } else {
                out_of_range(
                    r,
                    col,
                    format!("{what} {v} is outside 1–5"),
                    "answers are on a scale from 1 to 5",
                    diags,
                );
                None
            }
        };
        let level = scale(3, "level", diags);
        let need = if r.get(4).is_empty() {
            None
        } else {
            scale(4, "need", diags)
        };
        if diags.iter().count() > n0 {
            return;
        }
        if let (Some(respondent), Some(unit), Some(competence), Some(level)) =
            (respondent, unit, competence, level)
        {
            out.push(Row { fields: field_locs(r, SURVEY_HEADERS.len()), value: Answer {
                respondent,
                unit,
                competence,
                level,
                need,
                loc: Some(r.row_loc()),
            }});
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_spans_respect_quotes() {
        let t = "a,b\n\"x,y\",z\n";
        assert_eq!(&t[field_span(t, 4, 0)], "\"x,y\"");
        assert_eq!(&t[field_span(t, 4, 1)], "z");
        assert_eq!(&t[field_span(t, 0, 1)], "b");
    }

    #[test]
    fn staff_errors_point_at_fields() {
        let t =
            "id,unit,position,percent,education,birth_year,wanted_percent,studying,study_done\n\
                 s1,u,p,120,,1980,,,\n\
                 s2,u,p,8O,,1980,,,\n\
                 s3,u,p,50,,1980,,x,\n\
                 s4,u,p,50\n\
                 s5,u,p,50,,1980,,,\n";
        let mut d = Diagnostics::default();
        let rows = read_staff(t, FileId(0), &mut d);
        assert_eq!(rows.len(), 1);
        let codes: Vec<_> = d.iter().map(|x| x.code).collect();
        assert_eq!(
            codes,
            vec![
                Code::OutOfRange,
                Code::CsvNumber,
                Code::ConflictingFields,
                Code::CsvFieldCount
            ]
        );
        let loc = d.iter().nth(1).unwrap().loc.clone().unwrap();
        assert_eq!(&t[loc.span], "8O");
    }

    #[test]
    fn header_typo_gets_a_suggestion() {
        let t = "respondent,unit,competense,level,need\n";
        let mut d = Diagnostics::default();
        read_survey(t, FileId(0), &mut d);
        let first = d.iter().next().unwrap();
        assert_eq!(first.code, Code::CsvHeader);
        assert!(first.hint.as_deref().unwrap().contains("`competence`"));
    }
}
