//! The data files `[data]` names (staff roster, survey answers): reading
//! options, the files' bytes from the plan source, decoding, parsing.
//!
//! In: the `[data]` item of the plan files and the [`PlanSource`]. Out: a
//! [`DataSet`] — for each data kind whose file could be read, its parsed rows
//! (unchecked values, see [`super::staff`] and [`super::survey`]) and file id —
//! with every file registered in [`Sources`] (as personal data) and listed in
//! the plan's inputs; a diagnostic for every bad option, missing or unreadable
//! file, and everything the CSV reader finds. The two files are parsed side by
//! side; diagnostics are merged in a fixed order.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::csv_read::{self, Encoding, ReadOptions};
use super::csv_records::{CsvSpec, Input, Parsed, Question};
use super::staff::{RawStaff, StaffKind};
use super::survey::{ParsedSurvey, SurveyKind};
use super::{workbook, Item};
use crate::diag::{suggest, Code, Diagnostic, Diagnostics};
use crate::model::raw::RawData;
use crate::model::raw_data::{RawAnswerField, RawEncoding, RawLayout, RawScaleValue, RawSource};
use crate::plan_source::{PlanSource, ReadError};
use crate::source::{FileId, Loc, SourceFile, Sources};

/// A kind of data file under `[data]` (staff roster, survey answers). Each
/// kind is one module of [`crate::load`] — its columns, reading and writing —
/// that implements this trait; the reading here is the same for all.
pub trait DataKind {
    /// The key under `[data]`, e.g. `staff`.
    const KEY: &'static str;
    /// The v1 columns a mapping (`columns`, `values`) may name.
    const COLUMNS: &'static [&'static str];
    /// The columns a mapping may name in the wide layout; `None` when the kind
    /// has no wide layout.
    const WIDE_COLUMNS: Option<&'static [&'static str]> = None;
    /// The rows as read (unchecked).
    type Rows: Send;
    /// `[data.<KEY>]`, when given.
    fn source(data: &RawData) -> Option<&RawSource>;
    /// Read the rows of a decoded file.
    fn parse(input: Input<'_>, spec: &CsvSpec, diags: &mut Diagnostics) -> Self::Rows;
}

/// A data file read: its rows and the file they came from.
#[derive(Debug)]
pub struct DataFile<T> {
    pub file: FileId,
    pub rows: T,
}

/// Everything read from the data files.
#[derive(Debug, Default)]
pub struct DataSet {
    pub staff: Option<DataFile<Parsed<RawStaff>>>,
    pub survey: Option<DataFile<ParsedSurvey>>,
    /// The competence of each question of a wide survey, where it is given
    /// (checked against the plan's competences in validation).
    pub questions: Vec<(String, Loc)>,
}

/// Location of a nested key under `[data.<kind>]`, as deep as it exists.
pub(crate) fn at(item: &Item<RawData>, path: &[&str]) -> Loc {
    let mut node = &item.node;
    let mut loc = item.loc();
    for key in path {
        match node.entry(key) {
            Some((k, v)) => {
                loc = Loc::new(
                    item.file,
                    if v.span.is_empty() {
                        k.span.clone()
                    } else {
                        v.span.clone()
                    },
                );
                node = v;
            }
            None => break,
        }
    }
    loc
}

fn key_loc(item: &Item<RawData>, path: &[&str], key: &str) -> Loc {
    let mut node = &item.node;
    for p in path {
        match node.get(p) {
            Some(n) => node = n,
            None => return at(item, path),
        }
    }
    node.entry(key).map_or_else(
        || at(item, path),
        |(k, _)| Loc::new(item.file, k.span.clone()),
    )
}

/// Turn a `[data.<kind>]` value into reading options and a mapping spec,
/// reporting every bad option.
pub fn spec<K: DataKind>(
    item: &Item<RawData>,
    source: &RawSource,
    diags: &mut Diagnostics,
) -> Option<(ReadOptions, CsvSpec)> {
    let RawSource::Table(t) = source else {
        return Some((ReadOptions::default(), CsvSpec::default()));
    };
    let k = K::KEY;
    let n0 = diags.len();
    let mut opts = ReadOptions {
        skip: t.skip.unwrap_or(0) as usize,
        sheet: t.sheet.clone(),
        encoding: t.encoding.map(|e| match e {
            RawEncoding::Utf8 => Encoding::Utf8,
            RawEncoding::Windows1252 => Encoding::Windows1252,
        }),
        ..ReadOptions::default()
    };
    opts.delimiter = match t.delimiter.as_deref() {
        None => None,
        Some(",") => Some(b','),
        Some(";") => Some(b';'),
        Some("\t" | "tab") => Some(b'\t'),
        Some(other) => {
            diags.push(
                Diagnostic::new(
                    Code::InvalidValue,
                    format!("delimiter `{other}` is not supported"),
                )
                .at(at(item, &[k, "delimiter"]))
                .hint("use \",\", \";\" or \"\\t\" (tab), or leave it out to detect it"),
            );
            None
        }
    };
    opts.decimal_comma = match t.decimal_mark.as_deref() {
        None => None,
        Some(",") => Some(true),
        Some(".") => Some(false),
        Some(other) => {
            diags.push(
                Diagnostic::new(
                    Code::InvalidValue,
                    format!("decimal_mark `{other}` is not supported"),
                )
                .at(at(item, &[k, "decimal_mark"]))
                .hint("use \",\" or \".\""),
            );
            None
        }
    };
    let check_field = |field: &str, section: &str, diags: &mut Diagnostics| {
        let allowed: &[&str] = match K::WIDE_COLUMNS {
            Some(wide) if t.layout == Some(RawLayout::Wide) => wide,
            _ => K::COLUMNS,
        };
        if !allowed.contains(&field) {
            let mut d = Diagnostic::new(
                Code::UnknownKey,
                format!("`{field}` in `{section}` is not a field of the {k} file"),
            )
            .at(key_loc(item, &[k, section], field));
            d = match suggest(field, allowed.iter().copied()) {
                Some(s) => d.hint(format!("did you mean `{s}`?")),
                None => d.hint(format!("fields: {}", allowed.join(", "))),
            };
            diags.push(d);
        }
    };
    for field in t.columns.keys() {
        check_field(field, "columns", diags);
    }
    for field in t.values.keys() {
        check_field(field, "values", diags);
    }
    let wide = t.layout == Some(RawLayout::Wide);
    if wide && K::WIDE_COLUMNS.is_none() {
        diags.push(
            Diagnostic::new(
                Code::InvalidValue,
                "`layout = \"wide\"` is for survey exports only",
            )
            .at(at(item, &[k, "layout"])),
        );
    }
    if wide && t.questions.is_empty() {
        diags.push(Diagnostic::new(Code::MissingField, "a wide survey needs `questions`").at(at(item, &[k, "layout"])).hint("map each question column: questions.\"Hvor god er du på demensomsorg?\" = { competence = \"demensomsorg\", field = \"level\" }"));
    }
    if !wide && !t.questions.is_empty() {
        diags.push(
            Diagnostic::new(
                Code::ConflictingFields,
                "`questions` needs `layout = \"wide\"`",
            )
            .at(at(item, &[k, "questions"])),
        );
    }
    let mut questions = BTreeMap::new();
    for (header, q) in &t.questions {
        questions.insert(
            header.clone(),
            Question {
                competence: q.competence.clone(),
                is_need: q.field == RawAnswerField::Need,
            },
        );
    }
    let mut scale = BTreeMap::new();
    for (label, v) in &t.scale {
        let value = match v {
            RawScaleValue::Number(n) if (1..=5).contains(n) => Some(Some(*n as u8)),
            RawScaleValue::Text(s) if s.is_empty() => Some(None),
            _ => {
                diags.push(
                    Diagnostic::new(
                        Code::InvalidValue,
                        format!("scale value for `{label}` must be 1–5 or \"\" (no answer)"),
                    )
                    .at(at(item, &[k, "scale", label])),
                );
                None
            }
        };
        if let Some(v) = value {
            scale.insert(label.clone(), v);
        }
    }
    if diags.len() > n0 {
        return None;
    }
    let spec = CsvSpec {
        mapped: true,
        columns: t.columns.clone(),
        values: t.values.clone(),
        questions: wide.then_some(questions),
        scale,
    };
    Some((opts, spec))
}

/// Read the data files named in `[data]` (if any). Both files are opened first
/// (their texts move into `sources`, uncopied, and the file ids follow the
/// order of the kinds), then parsed side by side.
pub fn read(
    source: &dyn PlanSource,
    data: Option<&Item<RawData>>,
    sources: &mut Sources,
    diags: &mut Diagnostics,
    inputs: &mut Vec<PathBuf>,
) -> DataSet {
    let mut set = DataSet::default();
    let Some(data) = data else {
        return set;
    };
    let mut reader = Reader {
        source,
        data,
        sources,
        diags,
        inputs,
        questions: &mut set.questions,
    };
    let staff_file = reader.open::<StaffKind>();
    let survey_file = reader.open::<SurveyKind>();
    let sources = &*sources;
    let (staff, survey) = rayon::join(
        || parse::<StaffKind>(staff_file, sources),
        || parse::<SurveyKind>(survey_file, sources),
    );
    diags.extend(staff.1);
    diags.extend(survey.1);
    set.staff = staff.0;
    set.survey = survey.0;
    set
}

/// Opening the data files of one plan, one kind after the other.
struct Reader<'a> {
    source: &'a dyn PlanSource,
    data: &'a Item<RawData>,
    sources: &'a mut Sources,
    diags: &'a mut Diagnostics,
    inputs: &'a mut Vec<PathBuf>,
    questions: &'a mut Vec<(String, Loc)>,
}

impl Reader<'_> {
    /// The file of kind `K` with its mapping, registered in the sources.
    fn open<K: DataKind>(&mut self) -> Option<(CsvSpec, Opened)> {
        let raw = K::source(&self.data.value)?;
        let (opts, spec) = spec::<K>(self.data, raw, self.diags)?;
        if let RawSource::Table(t) = raw {
            for (header, q) in &t.questions {
                let loc = at(self.data, &[K::KEY, "questions", header, "competence"]);
                self.questions.push((q.competence.clone(), loc));
            }
        }
        let opened = open::<K>(
            self.source,
            self.data,
            raw.path(),
            &opts,
            self.sources,
            self.diags,
            self.inputs,
        )?;
        Some((spec, opened))
    }
}

/// Parse an opened file of kind `K`; its diagnostics apart, for merging in order.
fn parse<K: DataKind>(
    file: Option<(CsvSpec, Opened)>,
    sources: &Sources,
) -> (Option<DataFile<K::Rows>>, Diagnostics) {
    let mut d = Diagnostics::default();
    let rows = file.and_then(|(spec, o)| {
        let input = o.input(sources)?;
        Some(DataFile {
            file: input.file,
            rows: K::parse(input, &spec, &mut d),
        })
    });
    (rows, d)
}

/// A data file registered in [`Sources`]: how to split its text.
pub struct Opened {
    file: FileId,
    header_start: usize,
    delimiter: u8,
    decimal_comma: bool,
}

impl Opened {
    pub fn input<'t>(&self, sources: &'t Sources) -> Option<Input<'t>> {
        Some(Input {
            text: &sources.get(self.file)?.text,
            file: self.file,
            header_start: self.header_start,
            delimiter: self.delimiter,
            decimal_comma: self.decimal_comma,
        })
    }
}

/// The finding for a workbook that cannot be read.
fn workbook_error(name: &str, e: workbook::WorkbookError, loc: Loc) -> Diagnostic {
    use workbook::WorkbookError as E;
    match e {
        E::Unreadable(why) => Diagnostic::new(
            Code::UnreadableFile,
            format!("{name} cannot be read as a workbook: {why}"),
        )
        .at(loc)
        .hint("open it in Excel and save it again as .xlsx, or export the sheet as CSV (UTF-8)"),
        E::NoSheet { wanted, sheets } => Diagnostic::new(
            Code::InvalidValue,
            format!("{name} has no sheet `{wanted}`"),
        )
        .at(loc)
        .hint(format!("its sheets: {}", sheets.join(", "))),
        E::TooLarge => Diagnostic::new(
            Code::FileTooLarge,
            format!("{name} would expand to more than 2 GiB"),
        )
        .at(loc)
        .hint("export the sheet the plan needs as CSV"),
    }
}

/// Where `data.<kind>` is given, for problems with the file as a whole.
fn file_loc(data: &Item<RawData>, key: &str) -> Loc {
    match data.node.get(key).and_then(|n| n.get("path")) {
        Some(n) => Loc::new(data.file, n.span.clone()),
        None => at(data, &[key]),
    }
}

/// Read a data file's bytes from the source (reporting a missing or
/// unreadable file); the file is an input of the plan once it exists.
fn read_bytes(
    source: &dyn PlanSource,
    data: &Item<RawData>,
    key: &str,
    rel: &str,
    diags: &mut Diagnostics,
    inputs: &mut Vec<PathBuf>,
) -> Option<(Option<PathBuf>, String, Vec<u8>)> {
    let loc = file_loc(data, key);
    let path = source.disk_path(rel);
    let name = source.display_name(rel);
    match source.read(rel, crate::plan_source::MAX_DATA_FILE) {
        Ok(bytes) => {
            inputs.extend(path.clone());
            Some((path, name, bytes))
        }
        Err(ReadError::NotFound) => {
            diags.push(
                Diagnostic::new(
                    Code::MissingDataFile,
                    format!("`data.{key}` names `{rel}`, which does not exist"),
                )
                .at(loc)
                .hint("paths are relative to the plan directory, e.g. \"data/staff.csv\""),
            );
            None
        }
        Err(ReadError::Outside) => {
            diags.push(
                Diagnostic::new(
                    Code::PathOutsidePlan,
                    format!("`data.{key}` names `{rel}`, which is outside the plan directory"),
                )
                .at(loc)
                .hint("data files must lie inside the plan directory: give a path relative to it, e.g. \"data/staff.csv\" (a symbolic link that leads out is refused too)"),
            );
            None
        }
        Err(ReadError::TooLarge(n)) => {
            inputs.extend(path);
            diags.push(
                Diagnostic::new(
                    Code::FileTooLarge,
                    format!(
                        "{name} has {n} bytes; a data file may have at most {} MiB",
                        crate::plan_source::MAX_DATA_FILE >> 20
                    ),
                )
                .at(loc)
                .hint("split the data by region into several plans, or leave out the columns the plan does not use"),
            );
            None
        }
        Err(ReadError::Io(e)) => {
            inputs.extend(path);
            diags.push(
                Diagnostic::new(Code::UnreadableFile, format!("cannot read {name}: {e}")).at(loc),
            );
            None
        }
    }
}

/// Register a file that is not valid UTF-8 although `encoding = "utf-8"` is given.
fn not_utf8(
    path: Option<PathBuf>,
    name: String,
    bytes: &[u8],
    offset: usize,
    sources: &mut Sources,
    diags: &mut Diagnostics,
) {
    // Show the place without U+FFFD: decode as Windows-1252 for display,
    // and move the offset to the same character in the decoded text.
    let shown = |b: &[u8]| {
        encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(b)
            .0
            .into_owned()
    };
    let at = shown(bytes.get(..offset).unwrap_or(bytes)).len();
    let id = sources
        .add(SourceFile::new(name.clone(), path.unwrap_or_default(), shown(bytes)).personal());
    diags.push(
        Diagnostic::new(
            Code::UnreadableFile,
            format!("{name} is not valid UTF-8, but `encoding = \"utf-8\"` is given"),
        )
        .at(Loc::new(id, at..at + 1))
        .hint("set `encoding = \"windows-1252\"`, or save the file as UTF-8"),
    );
}

/// Read and decode one data file and register it as a source; the decoded text
/// moves into `sources` (a national survey is over 100 MB, so it is not copied).
#[allow(clippy::too_many_arguments)]
pub fn open<K: DataKind>(
    source: &dyn PlanSource,
    data: &Item<RawData>,
    rel: &str,
    opts: &ReadOptions,
    sources: &mut Sources,
    diags: &mut Diagnostics,
    inputs: &mut Vec<PathBuf>,
) -> Option<Opened> {
    let (path, name, bytes) = read_bytes(source, data, K::KEY, rel, diags, inputs)?;
    let loc = file_loc(data, K::KEY);
    let decoded = match workbook::sniff(&name, &bytes) {
        workbook::Kind::Text => csv_read::decode_owned(bytes, opts),
        workbook::Kind::Workbook => match workbook::to_csv(bytes, opts.sheet.as_deref()) {
            Ok(text) => Ok(csv_read::from_sheet(text, opts.skip)),
            Err(e) => {
                diags.push(workbook_error(&name, e, loc));
                return None;
            }
        },
        workbook::Kind::Other(what) => {
            diags.push(
                Diagnostic::new(
                    Code::UnreadableFile,
                    format!("{name} is not a CSV file or a workbook: it looks like {what}"),
                )
                .at(loc)
                .hint("export the data as CSV (UTF-8) or save it as an Excel workbook (.xlsx)"),
            );
            return None;
        }
    };
    match decoded {
        Ok(d) => {
            let file =
                sources.add(SourceFile::new(name, path.unwrap_or_default(), d.text).personal());
            Some(Opened {
                file,
                header_start: d.header_start,
                delimiter: d.delimiter,
                decimal_comma: d.decimal_comma,
            })
        }
        Err((offset, bytes)) => {
            not_utf8(path, name, &bytes, offset, sources, diags);
            None
        }
    }
}
