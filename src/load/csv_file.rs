//! CSV files of a plan (staff roster, survey answers) → typed rows with locations.
//!
//! In: a file decoded by [`super::csv_read`] and its [`CsvSpec`] (column and
//! value mappings from `[data.staff]` / `[data.survey]`). Out: [`Staff`] and
//! [`Answer`] rows whose fields parsed, with the location of every field, plus a
//! diagnostic (file, line, column) for every header, field-count, number or
//! personal-data problem. References (unit, competence) are checked later, in
//! [`crate::validate`].

use std::collections::BTreeMap;
use std::ops::Range;

use super::csv_read::{field_span, is_name_header, is_national_id, parse_number, NumberError};
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
/// Staff columns that a mapped export may leave out.
const STAFF_OPTIONAL: [&str; 3] = ["wanted_percent", "studying", "study_done"];

pub const SURVEY_HEADERS: [&str; 5] = ["respondent", "unit", "competence", "level", "need"];
pub(crate) const SURVEY_OPTIONAL: [&str; 1] = ["need"];

/// One survey question column of a wide export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub competence: String,
    /// `true` for the self-assessed need, `false` for the level.
    pub is_need: bool,
}

/// How to map a file onto the v1 columns. The default is a plain v1 file.
#[derive(Debug, Clone, Default)]
pub struct CsvSpec {
    /// Given as a table in `[data]` (then optional columns may be absent).
    pub mapped: bool,
    /// v1 field → header in the file.
    pub columns: BTreeMap<String, String>,
    /// v1 field → (text in the file → value in the plan).
    pub values: BTreeMap<String, BTreeMap<String, String>>,
    /// Wide survey layout: question header → question.
    pub questions: Option<BTreeMap<String, Question>>,
    /// Answer label → number; `None` = no answer ("Vet ikke").
    pub scale: BTreeMap<String, Option<u8>>,
}

/// The decoded text and how to split it.
#[derive(Debug, Clone, Copy)]
pub struct Input<'t> {
    pub text: &'t str,
    pub file: FileId,
    pub header_start: usize,
    pub delimiter: u8,
    pub decimal_comma: bool,
}

/// A parsed CSV row with the location of each v1 field (in the order of
/// [`STAFF_HEADERS`] / [`SURVEY_HEADERS`]), for later reference checks.
#[derive(Debug, Clone)]
pub struct Row<T> {
    pub value: T,
    pub fields: Vec<Loc>,
}

impl<T> Row<T> {
    pub fn loc(&self, col: usize) -> Loc {
        self.fields
            .get(col)
            .cloned()
            .unwrap_or(Loc::new(FileId(0), 0..0))
    }
}

/// Parsed rows, in file order, and where their fields are.
#[derive(Debug, Clone)]
pub struct Parsed<T> {
    pub rows: Vec<T>,
    pub fields: FieldLocs,
}

/// Where the v1 fields of parsed rows are. For a long file nothing is stored
/// per row: a field's span is found again from the row's start (its `loc`)
/// only when a diagnostic needs it, so a 2.6-million-row survey costs no
/// memory for locations.
#[derive(Debug, Clone)]
pub enum FieldLocs {
    /// v1 field → column in the file (`None` when a mapped export lacks it).
    Columns {
        file: FileId,
        delimiter: u8,
        index: Vec<Option<usize>>,
    },
    /// Given per row (wide survey exports, where one row becomes several answers).
    Given(Vec<Vec<Loc>>),
}

impl FieldLocs {
    /// Location of v1 field `col` of row `i`, whose own location is `row`; `text`
    /// is the file's decoded text.
    pub fn loc(&self, text: &str, i: usize, row: Option<&Loc>, col: usize) -> Loc {
        let fallback = || Loc::new(FileId(0), 0..0);
        match self {
            FieldLocs::Columns {
                file,
                delimiter,
                index,
            } => match (row, index.get(col)) {
                (Some(row), Some(Some(column))) => {
                    Loc::new(*file, field_span(text, row.span.start, *column, *delimiter))
                }
                (Some(row), Some(None)) => row.clone(),
                _ => fallback(),
            },
            FieldLocs::Given(rows) => rows
                .get(i)
                .and_then(|r| r.get(col))
                .cloned()
                .unwrap_or_else(fallback),
        }
    }

    /// Every row with its field locations computed, for callers that want them all.
    fn rows<T>(
        &self,
        text: &str,
        rows: Vec<T>,
        row_loc: impl Fn(&T) -> Option<&Loc>,
    ) -> Vec<Row<T>> {
        let n = match self {
            FieldLocs::Columns { index, .. } => index.len(),
            FieldLocs::Given(_) => SURVEY_HEADERS.len(),
        };
        rows.into_iter()
            .enumerate()
            .map(|(i, value)| Row {
                fields: (0..n)
                    .map(|c| self.loc(text, i, row_loc(&value), c))
                    .collect(),
                value,
            })
            .collect()
    }
}

/// One record of the file, with the column index of each v1 field.
pub(crate) struct Record<'t, 's, 'r> {
    pub input: Input<'t>,
    pub spec: &'s CsvSpec,
    pub start: usize,
    pub fields: &'r csv::StringRecord,
    /// Column of each expected field, `None` when a mapped export lacks it.
    pub index: &'s [Option<usize>],
    pub names: &'s [&'static str],
}

impl Record<'_, '_, '_> {
    /// Raw text of a column, trimmed.
    pub fn raw(&self, column: usize) -> &str {
        self.fields.get(column).map_or("", |s| s.trim())
    }

    /// The value of expected field `col`, after the `values` mapping.
    pub fn get(&self, col: usize) -> &str {
        let Some(Some(column)) = self.index.get(col) else {
            return "";
        };
        let raw = self.raw(*column);
        let field = self.names.get(col).copied().unwrap_or("");
        self.spec
            .values
            .get(field)
            .and_then(|m| m.get(raw))
            .map_or(raw, |s| s.trim())
    }

    pub fn column_span(&self, column: usize) -> Range<usize> {
        field_span(self.input.text, self.start, column, self.input.delimiter)
    }

    pub fn loc(&self, col: usize) -> Loc {
        match self.index.get(col) {
            Some(Some(column)) => Loc::new(self.input.file, self.column_span(*column)),
            _ => self.row_loc(),
        }
    }

    pub fn column_loc(&self, column: usize) -> Loc {
        Loc::new(self.input.file, self.column_span(column))
    }

    pub fn row_loc(&self) -> Loc {
        let bytes = self.input.text.as_bytes();
        let start = self.start.min(bytes.len());
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .map_or(bytes.len(), |e| start + e);
        Loc::new(self.input.file, self.start..end)
    }

    pub fn number(&self, col: usize, what: &str, diags: &mut Diagnostics) -> Option<f64> {
        let s = self.get(col);
        match parse_number(s, self.input.decimal_comma) {
            Ok(v) => Some(v),
            Err(e) => {
                let hint = match e {
                    NumberError::Ambiguous => "with decimal comma, `.` could be a thousands separator; write 1234 or 37,5 (or set decimal_mark = \".\")".to_string(),
                    NumberError::NotANumber if self.input.decimal_comma => "write a plain number, e.g. 37,5".to_string(),
                    NumberError::NotANumber => "write a plain number with `.` as decimal mark, e.g. 37.5 (or set decimal_mark = \",\")".to_string(),
                };
                let msg = match e {
                    NumberError::Ambiguous => {
                        format!("`{what}` is ambiguous: `{s}` with decimal comma")
                    }
                    // A birth year is personal: say what is wrong, not what is there.
                    NumberError::NotANumber if what == "birth_year" => {
                        format!("`{what}` must be a number")
                    }
                    NumberError::NotANumber => format!("`{what}` must be a number, found `{s}`"),
                };
                diags.push(
                    Diagnostic::new(Code::CsvNumber, msg)
                        .at(self.loc(col))
                        .hint(hint),
                );
                None
            }
        }
    }

    pub fn integer(&self, col: usize, what: &str, diags: &mut Diagnostics) -> Option<i64> {
        let v = self.number(col, what, diags)?;
        if v.fract() == 0.0 && v.abs() < 1e15 {
            Some(v as i64)
        } else {
            diags.push(
                Diagnostic::new(Code::CsvNumber, format!("`{what}` must be a whole number"))
                    .at(self.loc(col)),
            );
            None
        }
    }

    fn required(&self, col: usize, what: &str, diags: &mut Diagnostics) -> Option<String> {
        self.required_str(col, what, diags).map(str::to_string)
    }

    /// The value of a field that must not be empty.
    pub fn required_str(&self, col: usize, what: &str, diags: &mut Diagnostics) -> Option<&str> {
        let s = self.get(col);
        if s.is_empty() {
            diags.push(
                Diagnostic::new(Code::MissingField, format!("`{what}` is empty")).at(self.loc(col)),
            );
            None
        } else {
            Some(s)
        }
    }
}

fn out_of_range(loc: Loc, msg: String, hint: &str) -> Diagnostic {
    Diagnostic::new(Code::OutOfRange, msg).at(loc).hint(hint)
}

fn optional(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

/// Personal data in a header: a column of names.
fn check_name_headers(
    names: &[String],
    header_loc: &dyn Fn(usize) -> Loc,
    diags: &mut Diagnostics,
) -> bool {
    let mut ok = true;
    for (i, name) in names.iter().enumerate() {
        if is_name_header(name) {
            diags.push(
                Diagnostic::new(Code::PersonalData, format!("column `{name}` holds names of persons"))
                    .at(header_loc(i))
                    .hint("remove the column from the file before it goes into the plan; identify staff and respondents by pseudonymous ids only"),
            );
            ok = false;
        }
    }
    ok
}

/// The header of a CSV file, checked: column names, the column of each
/// expected field, and where the records start.
pub(crate) struct Header {
    pub names: Vec<String>,
    pub index: Vec<Option<usize>>,
    /// Byte offset in the text of the first record.
    pub body_start: usize,
}

/// What reading a run of records found besides the rows.
#[derive(Default)]
pub(crate) struct Body {
    /// An unreadable record stopped the reading.
    pub stopped: bool,
    /// The first national identity number of each column (column, finding);
    /// the caller keeps one per column over the whole file.
    pub national_ids: Vec<(usize, Diagnostic)>,
}

/// Read header and records. `each` gets every record with the right number of
/// fields; `extra` lists columns the caller uses beyond the v1 fields.
pub(crate) fn records<'t>(
    input: Input<'t>,
    spec: &CsvSpec,
    expected: &'static [&'static str],
    optional_fields: &[&str],
    extra_used: &[String],
    diags: &mut Diagnostics,
    each: impl FnMut(&Record<'t, '_, '_>, &[String], &mut Diagnostics),
) -> Option<Vec<Option<usize>>> {
    let header = header(input, spec, expected, optional_fields, extra_used, diags)?;
    let range = header.body_start..input.text.len();
    let found = body(input, spec, expected, &header, range, diags, each);
    for (_, d) in found.national_ids {
        diags.push(d);
    }
    Some(header.index)
}

/// Read and check the header; `None` when its problems leave nothing to read.
pub(crate) fn header(
    input: Input<'_>,
    spec: &CsvSpec,
    expected: &'static [&'static str],
    optional_fields: &[&str],
    extra_used: &[String],
    diags: &mut Diagnostics,
) -> Option<Header> {
    let body = &input.text[input.header_start..];
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .delimiter(input.delimiter)
        .from_reader(body.as_bytes());
    let header_loc = |i: usize| {
        Loc::new(
            input.file,
            field_span(input.text, input.header_start, i, input.delimiter),
        )
    };
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            diags.push(
                Diagnostic::new(Code::CsvHeader, format!("cannot read the CSV header: {e}"))
                    .at(header_loc(0)),
            );
            return None;
        }
    };
    let names: Vec<String> = headers.iter().map(|h| h.trim().to_string()).collect();
    let header_line = {
        let end = body
            .find(['\r', '\n'])
            .map_or(input.text.len(), |e| input.header_start + e);
        Loc::new(input.file, input.header_start..end)
    };
    let mut ok = check_name_headers(&names, &header_loc, diags);
    let mut index: Vec<Option<usize>> = Vec::with_capacity(expected.len());
    let mut missing = Vec::new();
    for field in expected {
        let header = spec.columns.get(*field).map_or(*field, String::as_str);
        let found = names.iter().position(|n| n == header);
        if found.is_none() && !(spec.mapped && optional_fields.contains(field)) {
            missing.push((*field, header));
        }
        index.push(found);
    }
    for (i, name) in names.iter().enumerate() {
        if names[..i].contains(name) && (index.contains(&Some(i)) || extra_used.contains(name)) {
            diags.push(
                Diagnostic::new(Code::CsvHeader, format!("column `{name}` is given twice"))
                    .at(header_loc(i)),
            );
            ok = false;
        }
    }
    let used = |i: usize, n: &String| index.contains(&Some(i)) || extra_used.contains(n);
    let unused: Vec<(usize, &String)> = names
        .iter()
        .enumerate()
        .filter(|(i, n)| !used(*i, n) && !is_name_header(n))
        .collect();
    let mut typos = Vec::new();
    for (field, header) in &missing {
        let mut d = Diagnostic::new(Code::CsvHeader, format!("missing column `{header}`"))
            .at(header_line.clone());
        let near = suggest(header, unused.iter().map(|(_, n)| n.as_str()));
        d = match near {
            Some(n) => {
                typos.push(n.to_string());
                d.hint(format!("found `{n}`; did you mean `{header}`?"))
            }
            None if spec.mapped => d.hint(format!(
                "map it with `columns.{field} = \"<header in the file>\"`"
            )),
            None => d.hint(format!("the header must be: {}", expected.join(","))),
        };
        diags.push(d);
        ok = false;
    }
    let raw: Vec<&str> = unused
        .iter()
        .filter(|(_, n)| !typos.contains(n))
        .map(|(_, n)| n.as_str())
        .collect();
    if let Some((first, _)) = unused.iter().find(|(_, n)| !typos.contains(n)) {
        diags.push(
            Diagnostic::new(Code::RawExport, format!("{} column(s) the plan does not use: {}", raw.len(), raw.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")))
                .at(header_loc(*first))
                .hint("this looks like a raw export: keep only the columns the analysis needs before committing the file (see docs/import.md)"),
        );
    }
    if !ok {
        return None;
    }
    let body_start = input.header_start + reader.position().byte() as usize;
    Some(Header {
        names,
        index,
        body_start,
    })
}

/// Read the records in `range` (whole lines of the text after the header).
#[allow(clippy::too_many_arguments)]
pub(crate) fn body<'t>(
    input: Input<'t>,
    spec: &CsvSpec,
    expected: &'static [&'static str],
    header: &Header,
    range: Range<usize>,
    diags: &mut Diagnostics,
    mut each: impl FnMut(&Record<'t, '_, '_>, &[String], &mut Diagnostics),
) -> Body {
    let Header { names, index, .. } = header;
    let (from, to) = (
        range.start.min(input.text.len()),
        range.end.min(input.text.len()),
    );
    let chunk = input.text.get(from..to).unwrap_or("");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(input.delimiter)
        .from_reader(chunk.as_bytes());
    let mut out = Body::default();
    let mut record = csv::StringRecord::new();
    let mut id_columns_reported = vec![false; names.len()];
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let at = from + e.position().map_or(chunk.len(), |p| p.byte() as usize);
                diags.push(
                    Diagnostic::new(Code::ParseError, format!("unreadable CSV record: {e}"))
                        .at(Loc::new(input.file, at..at)),
                );
                out.stopped = true;
                break;
            }
        }
        let mut start = from + record.position().map_or(0, |p| p.byte() as usize);
        // After a CRLF the csv crate may report the record at the LF.
        while matches!(input.text.as_bytes().get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if record.len() == 1 && record.get(0).is_some_and(|f| f.trim().is_empty()) {
            continue; // blank line
        }
        let rec = Record {
            input,
            spec,
            start,
            fields: &record,
            index,
            names: expected,
        };
        // National identity numbers: never echoed, reported once per column.
        let mut has_id = false;
        for (column, value) in record.iter().enumerate() {
            if is_national_id(value) {
                has_id = true;
                if let Some(seen) = id_columns_reported.get_mut(column) {
                    if !*seen {
                        *seen = true;
                        let header = names.get(column).map_or("?", String::as_str);
                        let mut d = Diagnostic::new(
                            Code::PersonalData,
                            format!("column `{header}` holds a national identity number (fødselsnummer or D-nummer)"),
                        )
                        .at(rec.column_loc(column))
                        .hint("replace it with a pseudonymous id; national identity numbers must not be in a plan");
                        d.redact = true;
                        out.national_ids.push((column, d));
                    }
                }
            }
        }
        if has_id {
            continue;
        }
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
                .hint("every row needs one value per column; leave optional values empty"),
            );
            continue;
        }
        each(&rec, names, diags);
    }
    out
}

/// Parse a staff roster, with every field's location.
pub fn read_staff(input: Input<'_>, spec: &CsvSpec, diags: &mut Diagnostics) -> Vec<Row<Staff>> {
    let parsed = parse_staff(input, spec, diags);
    parsed
        .fields
        .rows(input.text, parsed.rows, |s: &Staff| s.loc.as_ref())
}

/// Parse a staff roster; field locations on demand.
pub fn parse_staff(input: Input<'_>, spec: &CsvSpec, diags: &mut Diagnostics) -> Parsed<Staff> {
    let mut out = Vec::new();
    let index = records(
        input,
        spec,
        &STAFF_HEADERS,
        &STAFF_OPTIONAL,
        &[],
        diags,
        |r, _, diags| {
            let n0 = diags.len();
            let id = r.required(0, "id", diags);
            let unit = r.required(1, "unit", diags);
            let position = r.required(2, "position", diags);
            let percent = r.number(3, "percent", diags);
            if let Some(p) = percent {
                if !(p > 0.0 && p <= 100.0) {
                    diags.push(out_of_range(
                        r.loc(3),
                        format!("percent {p} is outside 0 < percent ≤ 100"),
                        "stillingsprosent is a number above 0 and at most 100",
                    ));
                }
            }
            let birth_year = r.integer(5, "birth_year", diags);
            if let Some(y) = birth_year {
                if !(1900..=2100).contains(&y) {
                    diags.push(out_of_range(
                        r.loc(5),
                        "birth_year is not a plausible year (1900–2100)".to_string(),
                        "write the four-digit year of birth",
                    ));
                }
            }
            let wanted = if r.get(6).is_empty() {
                None
            } else {
                r.number(6, "wanted_percent", diags)
            };
            if let Some(w) = wanted {
                if !(w > 0.0 && w <= 100.0) {
                    diags.push(out_of_range(
                        r.loc(6),
                        format!("wanted_percent {w} is outside 0 < wanted_percent ≤ 100"),
                        "leave it empty when the employee wants the same position size",
                    ));
                }
            }
            let studying = optional(r.get(7));
            let study_done = if r.get(8).is_empty() {
                None
            } else {
                r.integer(8, "study_done", diags)
            };
            if let Some(y) = study_done {
                if !(1900..=2200).contains(&y) {
                    diags.push(out_of_range(
                        r.loc(8),
                        format!("study_done {y} is not a plausible year"),
                        "the year the education counts, e.g. 2027",
                    ));
                }
            }
            if studying.is_some() != study_done.is_some() {
                let (col, msg) = if studying.is_some() {
                    (8, "`studying` is set but `study_done` is empty")
                } else {
                    (7, "`study_done` is set but `studying` is empty")
                };
                diags.push(
                Diagnostic::new(Code::ConflictingFields, msg)
                    .at(r.loc(col))
                    .hint("give both the competence studied for and the year it counts, or neither"),
            );
            }
            if diags.len() > n0 {
                return;
            }
            if let (Some(id), Some(unit), Some(position), Some(percent), Some(birth_year)) =
                (id, unit, position, percent, birth_year)
            {
                out.push(Staff {
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
                });
            }
        },
    );
    Parsed {
        rows: out,
        fields: FieldLocs::Columns {
            file: input.file,
            delimiter: input.delimiter,
            index: index.unwrap_or_default(),
        },
    }
}

/// A 1–5 answer: a number, or a label of the scale; `Ok(None)` = no answer.
pub(crate) fn answer(text: &str, spec: &CsvSpec) -> Result<Option<u8>, ()> {
    if text.is_empty() {
        return Ok(None);
    }
    if let Some(v) = spec.scale.get(text) {
        return Ok(*v);
    }
    match text.parse::<i64>() {
        Ok(v) => u8::try_from(v).map(Some).map_err(|_| ()),
        Err(_) => Err(()),
    }
}

pub(crate) fn scale_error(what: &str, text: &str, loc: Loc, spec: &CsvSpec) -> Diagnostic {
    let labels: Vec<&str> = spec.scale.keys().map(String::as_str).collect();
    let d = Diagnostic::new(
        Code::CsvNumber,
        format!("`{what}` must be a number 1–5 or a label of `scale`, found `{text}`"),
    )
    .at(loc);
    if labels.is_empty() {
        d.hint("map answer labels to numbers with `scale = { \"Svært god\" = 5, \"Vet ikke\" = \"\" }`")
    } else {
        d.hint(format!("labels in `scale`: {}", labels.join(", ")))
    }
}

/// Parse survey answers (long layout: one row per answer), with every field's location.
pub fn read_survey(input: Input<'_>, spec: &CsvSpec, diags: &mut Diagnostics) -> Vec<Row<Answer>> {
    let parsed = parse_survey(input, spec, diags);
    parsed
        .fields
        .rows(input.text, parsed.rows, |a: &Answer| a.loc.as_ref())
}

/// Parse survey answers, long or wide layout, in file order; field locations
/// on demand.
pub fn parse_survey(input: Input<'_>, spec: &CsvSpec, diags: &mut Diagnostics) -> Parsed<Answer> {
    if spec.questions.is_some() {
        return super::csv_wide::read_wide(input, spec, diags);
    }
    super::csv_survey::parse_long(input, spec, diags).into_answers()
}

/// One v1 survey record checked: (respondent, unit, competence, level, need),
/// or `None` (with diagnostics, or silently for a blank answer of a mapped export).
pub(crate) fn survey_record<'r>(
    r: &'r Record<'_, '_, '_>,
    spec: &CsvSpec,
    diags: &mut Diagnostics,
) -> Option<(&'r str, &'r str, &'r str, u8, Option<u8>)> {
    let n0 = diags.len();
    let respondent = r.required_str(0, "respondent", diags);
    let unit = r.required_str(1, "unit", diags);
    let competence = r.required_str(2, "competence", diags);
    let scale = |col: usize, what: &str, diags: &mut Diagnostics| -> Option<u8> {
        let text = r.get(col);
        match answer(text, spec) {
            Ok(Some(v)) if (1..=5).contains(&v) => Some(v),
            Ok(None) => None,
            Ok(Some(v)) => {
                diags.push(out_of_range(
                    r.loc(col),
                    format!("{what} {v} is outside 1–5"),
                    "answers are on a scale from 1 to 5",
                ));
                None
            }
            Err(()) => {
                diags.push(scale_error(what, text, r.loc(col), spec));
                None
            }
        }
    };
    let level = scale(3, "level", diags);
    let need = scale(4, "need", diags);
    if diags.len() > n0 {
        return None;
    }
    let Some(level) = level else {
        if !spec.mapped {
            diags.push(
                Diagnostic::new(Code::MissingField, "`level` is empty")
                    .at(r.loc(3))
                    .hint("a v1 survey row is one answer; leave out rows without an answer"),
            );
        }
        return None; // a blank answer is no answer, not zero
    };
    Some((respondent?, unit?, competence?, level, need))
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn staff_errors_point_at_fields() {
        let t =
            "id,unit,position,percent,education,birth_year,wanted_percent,studying,study_done\n\
                 s1,u,p,120,,1980,,,\n\
                 s2,u,p,8O,,1980,,,\n\
                 s3,u,p,50,,1980,,x,\n\
                 s4,u,p,50\n\
                 s5,u,p,50,,1980,,,\n";
        let mut d = Diagnostics::default();
        let rows = read_staff(input(t), &CsvSpec::default(), &mut d);
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
    fn header_typo_gets_a_suggestion_and_extra_columns_a_warning() {
        let t = "respondent,unit,competense,level,need,Tidspunkt\n";
        let mut d = Diagnostics::default();
        read_survey(input(t), &CsvSpec::default(), &mut d);
        let all: Vec<_> = d.iter().collect();
        assert_eq!(all[0].code, Code::CsvHeader);
        assert!(
            all[0].hint.as_deref().unwrap().contains("`competense`"),
            "{:?}",
            all[0]
        );
        assert_eq!(all[1].code, Code::RawExport);
        assert!(all[1].message.contains("`Tidspunkt`"));
        assert!(!all[1].message.contains("competense"));
    }

    #[test]
    fn national_ids_are_refused_without_echo() {
        let t =
            "id,unit,position,percent,education,birth_year,wanted_percent,studying,study_done\n\
                 15076500565,u,p,100,,1980,,,\n";
        let mut d = Diagnostics::default();
        let rows = read_staff(input(t), &CsvSpec::default(), &mut d);
        assert!(rows.is_empty());
        let first = d.iter().next().unwrap();
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
        let rows = read_staff(inp, &spec, &mut d);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].value.percent, 37.5);
        assert_eq!(rows[0].value.education.as_deref(), Some("sykepleier"));
        assert_eq!(rows[0].value.unit, "sjoheim");
        let err = d.iter().next().unwrap();
        assert_eq!(err.code, Code::CsvNumber);
        assert!(err.message.contains("ambiguous"), "{}", err.message);
        let span = err.loc.clone().unwrap().span;
        assert_eq!(&t[span], "1.234");
    }
}
