//! The located CSV reader every data file goes through: header, records, and
//! where each field is.
//!
//! In: a file decoded by [`super::csv_read`], its [`CsvSpec`] (column and value
//! mappings from `[data.<kind>]`) and the columns of its layout (a [`Column`]
//! enum of the data kind: [`super::staff`], [`super::survey`]). Out: each record
//! with the value of every layout column after the mappings, numbers parsed as
//! exports write them, and the location of every field; a diagnostic (file,
//! line, column) for every header, field-count, number or personal-data
//! problem. What the values mean — ranges, references — is checked later, in
//! [`crate::validate`].

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

use super::csv_read::{parse_number, NumberError};
use super::personal::{check_name_headers, is_name_header, is_national_id};
use crate::diag::{suggest, Code, Diagnostic, Diagnostics};
use crate::source::{FileId, Loc};

/// A column of a data kind's v1 layout.
pub trait Column: Copy + 'static {
    /// The layout's columns, in v1 order.
    const ALL: &'static [Self];
    /// The v1 header of each column, in the same order.
    const NAMES: &'static [&'static str];
    /// Position in the layout.
    fn index(self) -> usize;
    /// The v1 header of the column.
    fn name(self) -> &'static str {
        Self::NAMES.get(self.index()).copied().unwrap_or("")
    }
}

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
    /// Location of field `col` of row `i`, whose own location is `row`; `text`
    /// is the file's decoded text.
    pub fn loc(&self, text: &str, i: usize, row: Option<&Loc>, col: impl Column) -> Loc {
        let col = col.index();
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
}

/// End of the row starting at `start`: its first line end (`\n` or `\r`), or
/// the end of the text. A row's location is `start..row_end(text, start)`, so
/// it can be recomputed from the start alone when a diagnostic needs it.
pub fn row_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let start = start.min(bytes.len());
    memchr::memchr2(b'\n', b'\r', &bytes[start..]).map_or(bytes.len(), |e| start + e)
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

    /// The value of layout column `col`, after the `values` mapping.
    pub fn get(&self, col: impl Column) -> &str {
        let col = col.index();
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

    /// Location of layout column `col` (the row when the export lacks it).
    pub fn loc(&self, col: impl Column) -> Loc {
        match self.index.get(col.index()) {
            Some(Some(column)) => Loc::new(self.input.file, self.column_span(*column)),
            _ => self.row_loc(),
        }
    }

    pub fn column_loc(&self, column: usize) -> Loc {
        Loc::new(self.input.file, self.column_span(column))
    }

    pub fn row_loc(&self) -> Loc {
        Loc::new(
            self.input.file,
            self.start..row_end(self.input.text, self.start),
        )
    }

    /// The number in column `col`, or a located diagnostic.
    pub fn number(&self, col: impl Column, diags: &mut Diagnostics) -> Option<f64> {
        let what = col.name();
        let s = self.get(col);
        match parse_number(s, self.input.decimal_comma) {
            Ok(v) => Some(v),
            Err(e) => {
                let hint = match e {
                    NumberError::Ambiguous => "with decimal comma, `.` could be a thousands separator; write 1234 or 37,5 (or set decimal_mark = \".\")".to_string(),
                    NumberError::NotANumber if self.input.decimal_comma => "write a plain number, e.g. 37,5".to_string(),
                    NumberError::NotANumber => "write a plain number with `.` as decimal mark, e.g. 37.5 (or set decimal_mark = \",\")".to_string(),
                };
                // The row is personal data: say what is wrong, not what is there.
                let msg = match e {
                    NumberError::Ambiguous => {
                        format!("`{what}` is ambiguous with decimal comma")
                    }
                    NumberError::NotANumber => format!("`{what}` must be a number"),
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

    /// The whole number in column `col`, or a located diagnostic.
    pub fn integer(&self, col: impl Column, diags: &mut Diagnostics) -> Option<i64> {
        let what = col.name();
        let v = self.number(col, diags)?;
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

    /// The value of a column that must not be empty.
    pub fn required(&self, col: impl Column, diags: &mut Diagnostics) -> Option<&str> {
        let what = col.name();
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

/// The most columns a data file may have (a roster needs 9; wide surveys a few
/// dozen). More is a wrong delimiter or not a data file at all.
pub const MAX_COLUMNS: usize = 1000;

/// Whether a header cell could be a value of a data row that took the header's
/// place (an id, a number, a year, a name, a national identity number): such
/// text is never repeated in a message.
pub(crate) fn could_be_data(header: &str) -> bool {
    let name_like = {
        let words: Vec<&str> = header.split_whitespace().collect();
        words.len() >= 2
            && words.iter().all(|w| {
                let mut chars = w.chars();
                chars.next().is_some_and(char::is_uppercase)
                    && chars.clone().next().is_some()
                    && chars.all(|c| c.is_lowercase() || c == '-')
            })
    };
    name_like
        || is_national_id(header)
        || header
            .chars()
            .any(|c| c.is_ascii_digit() || c.is_control() || c == '@')
}

/// How a message names a column of a data file's header that is not one the
/// plan expects: by position only. The header of a roster or survey may be a
/// data row in disguise (a missing header, a wrong `skip`, shifted fields), so
/// its unknown texts are never repeated; the expected names come from the plan.
fn column_label(i: usize) -> String {
    format!("column {}", i + 1)
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
    if names.len() > MAX_COLUMNS {
        diags.push(
            Diagnostic::new(
                Code::CsvHeader,
                format!(
                    "the header has {} columns; a data file may have at most {MAX_COLUMNS}",
                    names.len()
                ),
            )
            .at(header_loc(0))
            .hint("check the delimiter (`delimiter` in the data table), or remove the columns the plan does not use"),
        );
        return None;
    }
    let mut ok = check_name_headers(&names, &header_loc, diags);
    // first column of each name, for lookups in constant time
    let mut position: HashMap<&str, usize> = HashMap::with_capacity(names.len());
    for (i, n) in names.iter().enumerate() {
        position.entry(n.as_str()).or_insert(i);
    }
    let extra: HashSet<&str> = extra_used.iter().map(String::as_str).collect();
    let mut index: Vec<Option<usize>> = Vec::with_capacity(expected.len());
    let mut missing = Vec::new();
    for field in expected {
        let header = spec.columns.get(*field).map_or(*field, String::as_str);
        let found = position.get(header).copied();
        if found.is_none() && !(spec.mapped && optional_fields.contains(field)) {
            missing.push((*field, header));
        }
        index.push(found);
    }
    if !expected.is_empty()
        && index.iter().all(Option::is_none)
        && names.iter().any(|n| could_be_data(n))
    {
        // a roster without its header row: its first row must not be echoed
        diags.push(
            Diagnostic::new(
                Code::CsvHeader,
                "the first line looks like data, not a header: none of the expected columns is there",
            )
            .at(header_line)
            .hint(if spec.mapped {
                "add the header row, set `skip` to the number of lines before it, or map the columns with `columns`".to_string()
            } else {
                format!("the first line must be the header: {}", expected.join(","))
            }),
        );
        return None;
    }
    let is_used = |i: usize, n: &str| index.contains(&Some(i)) || extra.contains(n);
    let mut seen: HashSet<&str> = HashSet::with_capacity(names.len());
    for (i, name) in names.iter().enumerate() {
        if !seen.insert(name.as_str()) && is_used(i, name) {
            diags.push(
                Diagnostic::new(Code::CsvHeader, format!("column `{name}` is given twice"))
                    .at(header_loc(i)),
            );
            ok = false;
        }
    }
    let unused: Vec<(usize, &String)> = names
        .iter()
        .enumerate()
        .filter(|(i, n)| !is_used(*i, n) && !is_name_header(n))
        .collect();
    let mut typos = Vec::new();
    for (field, header) in &missing {
        let mut d = Diagnostic::new(Code::CsvHeader, format!("missing column `{header}`"))
            .at(header_line.clone());
        let near = unused
            .iter()
            .find(|(_, n)| suggest(header, [n.as_str()]).is_some());
        d = match near {
            Some((i, _)) => {
                typos.push(*i);
                d.hint(format!(
                    "{} of the header is close to `{header}`: is it misspelt?",
                    column_label(*i)
                ))
            }
            None if spec.mapped => d.hint(format!(
                "map it with `columns.{field} = \"<header in the file>\"`"
            )),
            None => d.hint(format!("the header must be: {}", expected.join(","))),
        };
        diags.push(d);
        ok = false;
    }
    let raw: Vec<String> = unused
        .iter()
        .filter(|(i, _)| !typos.contains(i))
        .map(|(i, _)| column_label(*i))
        .collect();
    if let Some((first, _)) = unused.iter().find(|(i, _)| !typos.contains(i)) {
        diags.push(
            Diagnostic::new(Code::RawExport, format!("{} column(s) the plan does not use: {}", raw.len(), raw.join(", ")))
                .at(header_loc(*first))
                .hint("this looks like a raw export: the plan reads only the columns it maps (`columns`, and `skip` for lines above the header; see docs/import.md), but every other column is committed with the file — export only the columns the plan needs, or keep the file out of a shared repository"),
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
                        let mut d = Diagnostic::new(
                            Code::PersonalData,
                            format!("{} holds a national identity number (fødselsnummer or D-nummer)", column_label(column)),
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

/// Span of the `n`-th field of the record starting at `start` (quote-aware).
pub fn field_span(text: &str, start: usize, index: usize, delimiter: u8) -> Range<usize> {
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
        } else if b == delimiter || b == b'\n' || b == b'\r' {
            if field == index {
                return field_start..pos;
            }
            if b != delimiter {
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
