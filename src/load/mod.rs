//! Loading a plan: bytes → located raw values. Never validates.
//!
//! In: a [`PlanSource`]. Out: a [`Raw`] plan — every item of every TOML/YAML
//! plan file deserialised on its own into the raw types of [`crate::model::raw`]
//! with the node tree it came from (for locating its fields later), and the
//! rows of the data files `[data]` names ([`data`]) — plus a diagnostic for
//! every syntax, type, unknown-key and CSV problem, and every file registered in
//! [`Sources`]. Plan files are read in the source's sorted order (which fixes
//! the file ids) and parsed on all cores. What the values mean (ranges,
//! references, ids) is [`crate::validate`]'s job.

pub mod csv_read;
pub mod csv_records;
pub mod csv_write;
pub mod data;
pub mod node;
pub mod personal;
pub mod population;
mod population_json;
pub mod staff;
pub mod survey;
pub mod survey_long;
pub mod survey_wide;
pub mod toml_file;
pub mod workbook;
pub mod yaml_file;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use crate::diag::{suggest, Code, Diagnostic, Diagnostics};
use crate::model::raw::{
    RawAssumptions, RawCapacity, RawCompetence, RawData, RawDriver, RawGoal, RawIndicator,
    RawMeasure, RawPlan, RawPopulation, RawQuality, RawScenario, RawUnit,
};
use crate::plan_source::{PlanSource, ReadError};
use crate::source::{FileId, Loc, SourceFile, Sources};
use node::{Node, NodeKind};

/// A raw value with the file and node it came from, for locating its fields.
#[derive(Debug, Clone)]
pub struct Item<T> {
    pub value: T,
    pub file: FileId,
    pub node: Node,
}

impl RawSet {
    /// Add `other`'s items after this set's.
    fn append(&mut self, mut other: RawSet) {
        self.plan.append(&mut other.plan);
        self.assumptions.append(&mut other.assumptions);
        self.data.append(&mut other.data);
        self.competence.append(&mut other.competence);
        self.unit.append(&mut other.unit);
        self.capacity.append(&mut other.capacity);
        self.quality.append(&mut other.quality);
        self.workload.append(&mut other.workload);
        self.goal.append(&mut other.goal);
        self.measure.append(&mut other.measure);
        self.indicator.append(&mut other.indicator);
        self.population.append(&mut other.population);
        self.driver.append(&mut other.driver);
        self.scenario.append(&mut other.scenario);
    }
}

impl<T> Item<T> {
    /// A short location for the whole item.
    pub fn loc(&self) -> Loc {
        Loc::new(self.file, self.node.anchor())
    }

    /// Location of the value of `field`, or of the item when it is absent.
    pub fn field(&self, field: &str) -> Loc {
        self.node
            .get(field)
            .map_or_else(|| self.loc(), |n| Loc::new(self.file, n.span.clone()))
    }

    /// Location of element `index` of the list `field`.
    pub fn elem(&self, field: &str, index: usize) -> Loc {
        match self.node.get(field).map(|n| &n.kind) {
            Some(NodeKind::Array(items)) => items.get(index).map_or_else(
                || self.field(field),
                |n| Loc::new(self.file, n.span.clone()),
            ),
            _ => self.field(field),
        }
    }
}

/// Everything read from the TOML/YAML files, before validation.
#[derive(Debug, Default)]
pub struct RawSet {
    pub plan: Vec<Item<RawPlan>>,
    pub assumptions: Vec<Item<RawAssumptions>>,
    pub data: Vec<Item<RawData>>,
    pub competence: Vec<Item<RawCompetence>>,
    pub unit: Vec<Item<RawUnit>>,
    pub capacity: Vec<Item<RawCapacity>>,
    pub quality: Vec<Item<RawQuality>>,
    pub workload: Vec<Item<crate::model::raw_workload::RawWorkload>>,
    pub goal: Vec<Item<RawGoal>>,
    pub measure: Vec<Item<RawMeasure>>,
    pub indicator: Vec<Item<RawIndicator>>,
    pub population: Vec<Item<RawPopulation>>,
    pub driver: Vec<Item<RawDriver>>,
    pub scenario: Vec<Item<RawScenario>>,
}

/// A plan as read, before validation.
#[derive(Debug, Default)]
pub struct Raw {
    /// Everything in the plan files.
    pub set: RawSet,
    /// The rows of the data files.
    pub data: data::DataSet,
    /// The population projection `[population]` names, when it could be read.
    pub population: Option<population::PopulationFile>,
}

/// The top-level collections of a plan file.
pub const SECTIONS: [&str; 14] = [
    "plan",
    "assumptions",
    "data",
    "competence",
    "unit",
    "capacity",
    "quality",
    "workload",
    "goal",
    "measure",
    "indicator",
    "population",
    "driver",
    "scenario",
];

/// Read the plan from `source`: every plan file, then the data files `[data]`
/// names. The files read are registered in `sources`; those on disk are added
/// to `inputs` (never to be written over). Fails only when the source cannot
/// list its files; problems in the plan are diagnostics.
pub fn load(
    source: &dyn PlanSource,
    sources: &mut Sources,
    diags: &mut Diagnostics,
    inputs: &mut Vec<PathBuf>,
) -> anyhow::Result<Raw> {
    let mut raw = RawSet::default();
    let files = source.plan_files()?;
    inputs.extend(files.iter().filter_map(|rel| source.disk_path(rel)));
    // Read every file in order (which fixes the file ids), then parse them on
    // all cores; their findings and items are merged back in file order.
    let texts: Vec<(&str, FileId)> = files
        .iter()
        .filter_map(|rel| Some((rel.as_str(), read_text(source, rel, sources, diags)?)))
        .collect();
    let parts: Vec<(RawSet, Diagnostics)> = texts
        .par_iter()
        .map(|&(rel, id)| {
            let mut d = Diagnostics::default();
            let mut part = RawSet::default();
            if let Some(file) = sources.get(id) {
                load_file(rel, id, &file.name, &file.text, &mut d, &mut part);
            }
            (part, d)
        })
        .collect();
    for (part, d) in parts {
        raw.append(part);
        diags.extend(d);
    }
    let data = data::read(source, raw.data.first(), sources, diags, inputs);
    let population = population::read(source, raw.population.first(), sources, diags, inputs);
    Ok(Raw {
        set: raw,
        data,
        population,
    })
}

/// Read a plan file as UTF-8 text and register it; on failure, register it
/// (lossily) and report.
pub fn read_text(
    source: &dyn PlanSource,
    rel: &str,
    sources: &mut Sources,
    diags: &mut Diagnostics,
) -> Option<FileId> {
    let name = source.display_name(rel);
    let path = source.disk_path(rel).unwrap_or_default();
    let bytes = match source.read(rel, crate::plan_source::MAX_PLAN_FILE) {
        Ok(b) => b,
        Err(ReadError::Outside) => {
            diags.push(
                Diagnostic::new(
                    Code::PathOutsidePlan,
                    format!("{name} is a symbolic link that leads outside the plan directory; it is not read"),
                )
                .hint("plan files must lie inside the plan directory: copy the file in, or link to a file inside"),
            );
            return None;
        }
        Err(ReadError::TooLarge(n)) => {
            diags.push(
                Diagnostic::new(
                    Code::FileTooLarge,
                    format!(
                        "{name} has {n} bytes; a plan file may have at most {} MiB",
                        crate::plan_source::MAX_PLAN_FILE >> 20
                    ),
                )
                .hint("split the plan into several files, or remove what does not belong in it"),
            );
            return None;
        }
        Err(e) => {
            diags.push(
                Diagnostic::new(Code::UnreadableFile, format!("cannot read {name}: {e}"))
                    .hint("check that the file exists and is readable"),
            );
            return None;
        }
    };
    match String::from_utf8(bytes) {
        Ok(text) => Some(sources.add(SourceFile::new(name, path, text))),
        Err(e) => {
            // Show the text as Windows-1252 (no U+FFFD), at the same character.
            let bytes = e.as_bytes();
            let shown = |b: &[u8]| {
                encoding_rs::WINDOWS_1252
                    .decode_without_bom_handling(b)
                    .0
                    .into_owned()
            };
            let at = shown(bytes.get(..e.utf8_error().valid_up_to()).unwrap_or(bytes)).len();
            let text = shown(bytes);
            let id = sources.add(SourceFile::new(name.clone(), path, text));
            diags.push(
                Diagnostic::new(
                    Code::UnreadableFile,
                    format!("{name} is not valid UTF-8 text"),
                )
                .at(Loc::new(id, at..at + 1))
                .hint("save the file as UTF-8 (in Excel: «CSV UTF-8»)"),
            );
            None
        }
    }
}

/// Parse a TOML or YAML file (by extension) into a located node tree, reporting
/// syntax errors and duplicate YAML keys.
pub(crate) fn parse_plan_file(
    rel: &str,
    id: FileId,
    name: &str,
    text: &str,
    diags: &mut Diagnostics,
) -> Option<Node> {
    let is_toml = Path::new(rel).extension().and_then(|e| e.to_str()) == Some("toml");
    if !is_toml {
        return match yaml_file::parse(text) {
            Ok((node, dups)) => {
                for (msg, span) in dups {
                    diags.push(
                        Diagnostic::new(Code::DuplicateKey, msg)
                            .at(Loc::new(id, span))
                            .hint("remove one of them"),
                    );
                }
                Some(node)
            }
            Err(e) => {
                diags.push(syntax_diagnostic(&e, id, name, "YAML", text));
                None
            }
        };
    }
    // A syntax error in a `key = value` line must not hide the rest of the
    // file (a `[plan]` table, other units): report it, blank the line (same
    // length, so every span stays true) and read the file again.
    let mut attempt = std::borrow::Cow::Borrowed(text);
    for _ in 0..MAX_RECOVERIES {
        let e = match toml_file::parse(&attempt) {
            Ok(node) => return Some(node),
            Err(e) => e,
        };
        diags.push(syntax_diagnostic(&e, id, name, "TOML", text));
        let line = line_around(&attempt, e.span.start);
        if e.code != Code::ParseError || !is_key_value_line(&attempt[line.clone()]) {
            return None;
        }
        let mut blanked = attempt.into_owned();
        blanked.replace_range(line.clone(), &" ".repeat(line.len()));
        attempt = std::borrow::Cow::Owned(blanked);
    }
    None
}

/// How many syntax errors one TOML file may report before it is given up.
const MAX_RECOVERIES: usize = 16;

/// The byte range of the line around `at`, without its line end.
fn line_around(text: &str, at: usize) -> std::ops::Range<usize> {
    let at = at.min(text.len());
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    start..end
}

/// `key = value` on one line (not a table header, not a multi-line string).
fn is_key_value_line(line: &str) -> bool {
    let t = line.trim_start();
    !t.starts_with('[')
        && !line.contains("\"\"\"")
        && !line.contains("\'\'\'")
        && t.split_once('=').is_some_and(|(k, _)| {
            !k.trim().is_empty()
                && k.trim()
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '"' | '\'' | ' '))
        })
}

/// The finding for a syntax error or a limit, with a hint for the commonest
/// slip: a decimal comma.
fn syntax_diagnostic(
    e: &toml_file::SyntaxError,
    id: FileId,
    name: &str,
    format: &str,
    text: &str,
) -> Diagnostic {
    let d = if e.code == Code::ParseError {
        let d = Diagnostic::new(
            Code::ParseError,
            format!("{name} is not valid {format}: {}", e.message),
        );
        match decimal_comma(&text[line_around(text, e.span.start)]) {
            Some(fixed) => d.hint(format!(
                "write numbers with a decimal point, not a comma: {fixed}"
            )),
            None => d,
        }
    } else {
        Diagnostic::new(e.code, format!("{name}: {}", e.message)).hint(if e.code == Code::TooDeep {
            "a plan file needs only a few levels; look for unbalanced brackets or indentation"
        } else {
            "write the values out, or use fewer aliases"
        })
    };
    d.at(Loc::new(id, e.span.clone()))
}

/// `key = 0,08` → `key = 0.08`, when the value is a number with a decimal comma.
fn decimal_comma(line: &str) -> Option<String> {
    let (key, value) = line.split_once('=').or_else(|| line.split_once(':'))?;
    let v = value.trim();
    let (int, frac) = v.split_once(',')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let int_ok = digits(int.trim_start_matches('-'));
    (int_ok && digits(frac)).then(|| format!("{} = {int}.{frac}", key.trim()))
}

fn load_file(
    rel: &str,
    id: FileId,
    name: &str,
    text: &str,
    diags: &mut Diagnostics,
    raw: &mut RawSet,
) {
    let Some(root) = parse_plan_file(rel, id, name, text, diags) else {
        return;
    };
    // an error, but the file is still read: other findings are not hidden
    control_free(&root, id, diags);
    let root_type = root.type_name();
    let NodeKind::Table(entries) = root.kind else {
        diags.push(
            Diagnostic::new(
                Code::WrongType,
                format!("{name} must hold a table of collections, found {root_type}"),
            )
            .at(Loc::new(id, root.span)),
        );
        return;
    };
    for (key, value) in entries {
        let ctx = Ctx {
            file: id,
            diags: &mut *diags,
        };
        match key.name.as_str() {
            "plan" => ctx.single(&key.name, value, &mut raw.plan),
            "assumptions" => ctx.single(&key.name, value, &mut raw.assumptions),
            "data" => ctx.single(&key.name, value, &mut raw.data),
            "competence" => ctx.many(&key.name, value, &mut raw.competence),
            "unit" => ctx.many(&key.name, value, &mut raw.unit),
            "capacity" => ctx.many(&key.name, value, &mut raw.capacity),
            "quality" => ctx.many(&key.name, value, &mut raw.quality),
            "workload" => ctx.many(&key.name, value, &mut raw.workload),
            "goal" => ctx.many(&key.name, value, &mut raw.goal),
            "measure" => ctx.many(&key.name, value, &mut raw.measure),
            "indicator" => ctx.many(&key.name, value, &mut raw.indicator),
            "population" => ctx.single(&key.name, value, &mut raw.population),
            "driver" => ctx.many(&key.name, value, &mut raw.driver),
            "scenario" => ctx.many(&key.name, value, &mut raw.scenario),
            other => {
                let mut d =
                    Diagnostic::new(Code::UnknownKey, format!("unknown top-level key `{other}`"))
                        .at(Loc::new(id, key.span.clone()));
                d = match suggest(other, SECTIONS) {
                    Some(s) => d.hint(format!("did you mean `{s}`?")),
                    None => d.hint(format!("a plan file may hold: {}", SECTIONS.join(", "))),
                };
                diags.push(d);
            }
        }
    }
}

/// Report every key and text that holds a control character (ESC, NUL, …) or
/// a bidirectional override, written as an escape (`"\u001b"`) in TOML or
/// YAML: names and texts go to terminals and documents, where such characters
/// retitle or clear a terminal or make text read otherwise than it is. Line
/// ends and tabs are fine. `false` when there is one.
fn control_free(root: &Node, file: FileId, diags: &mut Diagnostics) -> bool {
    let bad = |s: &str| {
        s.chars()
            .find(|&c| c != '\r' && crate::diag::render::is_unsafe(c))
    };
    let mut ok = true;
    let mut report = |c: char, span: std::ops::Range<usize>, diags: &mut Diagnostics| {
        diags.push(
            Diagnostic::new(
                Code::InvalidValue,
                format!("a text holds the control character U+{:04X}", u32::from(c)),
            )
            .at(Loc::new(file, span))
            .hint("remove it: names and texts are shown in terminals and documents"),
        );
        ok = false;
    };
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        match &node.kind {
            NodeKind::Str(s) => {
                if let Some(c) = bad(s) {
                    report(c, node.span.clone(), diags);
                }
            }
            NodeKind::Array(items) => stack.extend(items),
            NodeKind::Table(entries) => {
                for (k, v) in entries {
                    if let Some(c) = bad(&k.name) {
                        report(c, k.span.clone(), diags);
                    }
                    stack.push(v);
                }
            }
            _ => {}
        }
    }
    ok
}

struct Ctx<'a> {
    file: FileId,
    diags: &'a mut Diagnostics,
}

impl Ctx<'_> {
    fn single<T: DeserializeOwned>(self, section: &str, node: Node, out: &mut Vec<Item<T>>) {
        if let Some(v) = deserialize_item(self.file, section, &node, self.diags) {
            out.push(Item {
                value: v,
                file: self.file,
                node,
            });
        }
    }

    fn many<T: DeserializeOwned>(self, section: &str, node: Node, out: &mut Vec<Item<T>>) {
        let type_name = node.type_name();
        let NodeKind::Array(items) = node.kind else {
            self.diags.push(
                Diagnostic::new(
                    Code::WrongType,
                    format!("`{section}` must be a list of tables, found {type_name}"),
                )
                .at(Loc::new(self.file, node.span))
                .hint(format!("in TOML write `[[{section}]]` tables; in YAML a list `{section}:` of `- key: value` items")),
            );
            return;
        };
        for (i, item) in items.into_iter().enumerate() {
            let label = format!("{section}[{i}]");
            if let Some(v) = deserialize_item(self.file, &label, &item, self.diags) {
                out.push(Item {
                    value: v,
                    file: self.file,
                    node: item,
                });
            }
        }
    }
}

/// Deserialize one item; on failure report a diagnostic at the exact place.
///
/// One mistake must not hide the rest of the item: an unknown key, or a value
/// of the wrong type or an invalid value under a key, is reported and left
/// out, and the item is read again without it — so `eier = "…"` in `[plan]`
/// is one finding, not a missing `[plan]` table. When what is left out was
/// required, the item is dropped without a second finding about it.
pub(crate) fn deserialize_item<T: DeserializeOwned>(
    file: FileId,
    label: &str,
    node: &Node,
    diags: &mut Diagnostics,
) -> Option<T> {
    let mut json = node.to_json();
    let mut removed: Vec<String> = Vec::new();
    // every retry removes one key, so this ends; the bound is a second guard
    for _ in 0..64 {
        match serde_path_to_error::deserialize::<_, T>(&json) {
            Ok(v) => return Some(v),
            Err(err) => {
                let d = classify(file, label, node, &err);
                // a required key that was left out, or that an unknown key is
                // a typo of (the hint said so already): no second finding
                let missing_removed = d.code == Code::MissingField
                    && removed
                        .iter()
                        .any(|k| backticked(&d.message).contains(&k.as_str()));
                if missing_removed {
                    return None;
                }
                if d.code == Code::UnknownKey {
                    if let Some(s) = d
                        .hint
                        .as_deref()
                        .and_then(|h| h.strip_prefix("did you mean "))
                    {
                        removed.extend(backticked(s).into_iter().map(str::to_string));
                    }
                }
                let code = d.code;
                diags.push(d);
                let msg = err.inner().to_string();
                let key = match code {
                    Code::UnknownKey => msg
                        .strip_prefix("unknown field ")
                        .and_then(|rest| backticked(rest).first().map(|k| k.to_string())),
                    Code::WrongType | Code::InvalidValue => None,
                    _ => return None,
                };
                match prune(&mut json, err.path(), key.as_deref()) {
                    Some(k) => removed.push(k),
                    None => return None,
                }
            }
        }
    }
    None
}

/// Remove the key an error is about from `json`: the unknown key `key` from the
/// deepest table along `path` that has it, or else the last key of `path`.
/// Returns the removed key's name; `None` when nothing could be removed (the
/// error is about the item itself, or an element of a list).
fn prune(
    json: &mut serde_json::Value,
    path: &serde_path_to_error::Path,
    key: Option<&str>,
) -> Option<String> {
    use serde_path_to_error::Segment;
    let segments: Vec<&Segment> = path.iter().collect();
    // the tables along the path, as (depth) candidates for the unknown key
    let mut target: Option<(usize, String)> = None;
    let mut cur = &*json;
    for (depth, seg) in std::iter::once(None)
        .chain(segments.iter().map(Some))
        .enumerate()
    {
        if let Some(seg) = seg {
            cur = match (seg, cur) {
                (Segment::Map { key }, serde_json::Value::Object(o)) => match o.get(key) {
                    Some(v) => v,
                    None => break,
                },
                (Segment::Seq { index }, serde_json::Value::Array(a)) => match a.get(*index) {
                    Some(v) => v,
                    None => break,
                },
                _ => break,
            };
        }
        if let (Some(k), serde_json::Value::Object(o)) = (key, cur) {
            if o.contains_key(k) {
                target = Some((depth, k.to_string()));
            }
        }
    }
    let (depth, name) = match (target, key) {
        (Some(t), _) => t,
        (None, Some(_)) => return None,
        (None, None) => match segments.last() {
            Some(Segment::Map { key }) => (segments.len() - 1, key.clone()),
            _ => return None,
        },
    };
    // walk to the table at `depth` and remove the key there
    let mut cur = json;
    for seg in segments.iter().take(depth) {
        cur = match (seg, cur) {
            (Segment::Map { key }, serde_json::Value::Object(o)) => o.get_mut(key)?,
            (Segment::Seq { index }, serde_json::Value::Array(a)) => a.get_mut(*index)?,
            _ => return None,
        };
    }
    match cur {
        serde_json::Value::Object(o) => o.remove(&name).map(|_| name),
        _ => None,
    }
}

fn backticked(s: &str) -> Vec<&str> {
    s.split('`').skip(1).step_by(2).collect()
}

fn friendly(expected: &str) -> String {
    let e = expected.trim();
    let word = match e {
        "f64" | "f32" => "a number",
        "i64" | "i32" | "u32" | "u64" | "u8" | "i8" | "u16" | "i16" => "a whole number",
        "a sequence" => "a list",
        "a boolean" => "true or false",
        "a string" => "a string (in quotes)",
        _ if e.starts_with("struct ") => "a table",
        _ => e,
    };
    word.to_string()
}

fn classify(
    file: FileId,
    label: &str,
    item: &Node,
    err: &serde_path_to_error::Error<serde_json::Error>,
) -> Diagnostic {
    let path = err.path();
    let msg = err.inner().to_string();
    let target = item.locate(path);
    let at = Loc::new(file, target.span.clone());
    let mut where_ = label.to_string();
    let p = path.to_string();
    if p != "." && !p.is_empty() {
        where_ = format!("{label}.{p}");
    }
    if let Some(rest) = msg.strip_prefix("unknown field ") {
        let names = backticked(rest);
        let name = names.first().copied().unwrap_or("?");
        let expected: Vec<&str> = names.iter().skip(1).copied().collect();
        // The unknown key itself: serde's path may end at its value, so search
        // every table along the path for the key.
        let key_loc = item
            .tables_along(path)
            .into_iter()
            .rev()
            .find_map(|t| t.entry(name))
            .map_or(at, |(k, _)| Loc::new(file, k.span.clone()));
        let d = Diagnostic::new(Code::UnknownKey, format!("unknown key `{name}` in {label}"))
            .at(key_loc);
        return match suggest(name, expected.iter().copied()) {
            Some(s) => d.hint(format!("did you mean `{s}`?")),
            None if !expected.is_empty() => {
                d.hint(format!("allowed keys: {}", expected.join(", ")))
            }
            None => d,
        };
    }
    if let Some(rest) = msg.strip_prefix("missing field ") {
        let name = backticked(rest).first().copied().unwrap_or("?").to_string();
        return Diagnostic::new(
            Code::MissingField,
            format!("{where_} is missing the required key `{name}`"),
        )
        .at(Loc::new(file, target.anchor()))
        .hint(format!("add `{name} = ...`"));
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "another type"));
        let found = found.split(' ').next().unwrap_or(found);
        let found = match found {
            "floating" => "a number",
            "integer" => "a whole number",
            "map" => "a table",
            "sequence" => "a list",
            "string" => "a string",
            "boolean" => "a boolean",
            "null" => "nothing (null)",
            other => other,
        };
        let mut d = Diagnostic::new(
            Code::WrongType,
            format!("`{where_}` must be {}, found {found}", friendly(expected)),
        )
        .at(at);
        if expected.contains("string") && matches!(target.kind, NodeKind::Int(_)) {
            d = d.hint("put the value in quotes, e.g. \"0301\"");
        }
        if let NodeKind::Str(text) = &target.kind {
            if (expected.starts_with('f') || expected.starts_with('i') || expected.starts_with('u'))
                && text.replace(',', ".").trim().parse::<f64>().is_ok()
            {
                let plain = text.replace(',', ".");
                d = d.hint(format!(
                    "write the number without quotes and with a decimal point: {}",
                    plain.trim()
                ));
            }
        }
        return d;
    }
    if let Some(rest) = msg.strip_prefix("unknown variant ") {
        let names = backticked(rest);
        let name = names.first().copied().unwrap_or("?");
        let expected: Vec<&str> = names.iter().skip(1).copied().collect();
        let d = Diagnostic::new(
            Code::InvalidValue,
            format!("`{name}` is not a valid value for `{where_}`"),
        )
        .at(at);
        return match suggest(name, expected.iter().copied()) {
            Some(s) => d.hint(format!(
                "did you mean `{s}`? allowed: {}",
                expected.join(", ")
            )),
            None => d.hint(format!("allowed: {}", expected.join(", "))),
        };
    }
    if msg.starts_with("duplicate field") {
        return Diagnostic::new(Code::DuplicateKey, format!("{msg} in {label}")).at(at);
    }
    Diagnostic::new(Code::InvalidValue, format!("`{where_}`: {msg}")).at(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decimal_comma_gets_its_fix_and_the_file_is_still_read() {
        let text =
            "[plan]\ntitle = \"T\"\n\n[assumptions]\nturnover_rate = 0,08\nmin_group_size = 5\n";
        let mut d = Diagnostics::default();
        let node = parse_plan_file("plan.toml", FileId(0), "plan.toml", text, &mut d);
        let node = node.unwrap_or_else(|| panic!("not recovered: {d:?}"));
        assert_eq!(
            node.get("plan")
                .and_then(|p| p.get("title"))
                .and_then(Node::as_str),
            Some("T")
        );
        assert!(node
            .get("assumptions")
            .and_then(|a| a.get("min_group_size"))
            .is_some());
        let all: Vec<&Diagnostic> = d.iter().collect();
        assert_eq!(all.len(), 1, "{all:?}");
        assert_eq!(
            all[0].hint.as_deref(),
            Some("write numbers with a decimal point, not a comma: turnover_rate = 0.08")
        );
    }

    #[test]
    fn a_broken_table_header_is_not_recovered_from() {
        let text = "[plan\ntitle = \"T\"\n";
        let mut d = Diagnostics::default();
        assert!(parse_plan_file("plan.toml", FileId(0), "plan.toml", text, &mut d).is_none());
        assert_eq!(d.len(), 1);
    }

    #[test]
    fn one_unknown_key_does_not_drop_the_item() {
        let text = "[plan]\nmunicipality = \"M\"\neier = \"x\"\nperiod = { from = 2025, to = 2029, x = 1 }\n";
        let mut d = Diagnostics::default();
        let root = toml_file::parse(text).unwrap_or_else(|e| panic!("{e:?}"));
        let plan = root
            .get("plan")
            .cloned()
            .unwrap_or_else(|| panic!("no plan"));
        let v: Option<crate::model::raw::RawPeriod> = deserialize_item(
            FileId(0),
            "plan.period",
            plan.get("period").unwrap_or(&plan),
            &mut d,
        );
        assert!(v.is_some(), "{d:?}");
        assert_eq!(d.len(), 1, "the unknown `x` only: {d:?}");
    }
}
