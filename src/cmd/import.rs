//! `plan import staff|survey FILE --mapping M`: read an export through a mapping
//! and print the v1 CSV the plan would see, so an adviser can check what the
//! tool understood before committing anything.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

use crate::diag::Diagnostics;
use crate::i18n::Lang;
use crate::load::data::{open, spec, DataKind};
use crate::load::node::{Key, Node, NodeKind};
use crate::load::staff::{self, StaffKind};
use crate::load::survey::{self, SurveyKind};
use crate::load::{deserialize_item, parse_plan_file, read_text, Item};
use crate::model::raw::RawData;
use crate::plan_source::DirSource;
use crate::source::Sources;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum What {
    /// A staff roster (bemanningsoversikt).
    Staff,
    /// Survey answers (kartlegging).
    Survey,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// What the file holds.
    #[arg(value_enum)]
    pub what: What,
    /// The export to read (CSV from an HR system, Excel, Nettskjema, Forms ...).
    pub file: PathBuf,
    /// A TOML or YAML file with the mapping: the table you would put under
    /// `[data.staff]` / `[data.survey]`, either at top level or under that key.
    #[arg(long, short)]
    pub mapping: Option<PathBuf>,
    /// Language of the messages: nb (bokmål), nn (nynorsk), en; default from LANG, else nb.
    #[arg(long, value_enum, default_value_t = Lang::from_env())]
    pub lang: Lang,
}

/// The mapping as a `[data]` item whose `<kind>` is the mapping table with
/// `path` set to the export file.
fn mapping_item(
    args: &Args,
    kind: &str,
    sources: &mut Sources,
    diags: &mut Diagnostics,
) -> Option<Item<RawData>> {
    let file_text = args.file.to_string_lossy().into_owned();
    let path_node = |at| Node::new(NodeKind::Str(file_text.clone()), at);
    let mut table = match &args.mapping {
        None => Node::new(NodeKind::Table(Vec::new()), 0..0),
        Some(m) => {
            // both files are named on the command line, relative to here
            let here = DirSource::files_in(Path::new(""));
            let rel = m.to_string_lossy();
            let id = read_text(&here, &rel, sources, diags)?;
            let text = sources.get(id).map(|f| f.text.clone()).unwrap_or_default();
            let root = parse_plan_file(&rel, id, &rel, &text, diags)?;
            let inner = root
                .get("data")
                .and_then(|d| d.get(kind))
                .cloned()
                .unwrap_or(root);
            return wrap(inner, kind, id, &path_node, diags);
        }
    };
    if let NodeKind::Table(entries) = &mut table.kind {
        entries.push((
            Key {
                name: "path".into(),
                span: 0..0,
            },
            path_node(0..0),
        ));
    }
    wrap(table, kind, crate::source::FileId(0), &path_node, diags)
}

fn wrap(
    mut inner: Node,
    kind: &str,
    file: crate::source::FileId,
    path_node: &dyn Fn(std::ops::Range<usize>) -> Node,
    diags: &mut Diagnostics,
) -> Option<Item<RawData>> {
    if let NodeKind::Table(entries) = &mut inner.kind {
        entries.retain(|(k, _)| k.name != "path");
        entries.push((
            Key {
                name: "path".into(),
                span: 0..0,
            },
            path_node(0..0),
        ));
    }
    let span = inner.span.clone();
    let data = Node::new(
        NodeKind::Table(vec![(
            Key {
                name: kind.into(),
                span: span.clone(),
            },
            inner,
        )]),
        span,
    );
    let value: RawData = deserialize_item(file, &format!("data.{kind}"), &data, diags)?;
    Some(Item {
        value,
        file,
        node: data,
    })
}

/// Read the export as a file of kind `K` through the mapping, and turn what
/// was read into v1 CSV with `to_csv` (given the rows and the file's text).
fn read_export<K: DataKind>(
    args: &Args,
    sources: &mut Sources,
    diags: &mut Diagnostics,
    to_csv: impl FnOnce(K::Rows, &str, &mut Diagnostics) -> String,
) -> Option<String> {
    let item = mapping_item(args, K::KEY, sources, diags)?;
    let source = K::source(&item.value)?;
    let (opts, csv_spec) = spec::<K>(&item, source, diags)?;
    let here = DirSource::files_in(Path::new(""));
    let opened = open::<K>(
        &here,
        &item,
        &args.file.to_string_lossy(),
        &opts,
        sources,
        diags,
        &mut Vec::new(),
    )?;
    let input = opened.input(sources)?;
    let rows = K::parse(input, &csv_spec, diags);
    Some(to_csv(rows, input.text, diags))
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if !args.file.is_file() {
        anyhow::bail!("{} does not exist or is not a file", args.file.display());
    }
    if let Some(m) = &args.mapping {
        if !m.is_file() {
            anyhow::bail!("mapping {} does not exist or is not a file", m.display());
        }
    }
    let mut sources = Sources::default();
    let mut diags = Diagnostics::default();
    // what the plan would hold: values checked, references not (the export
    // is read without its plan)
    let csv = match args.what {
        What::Staff => {
            read_export::<StaffKind>(&args, &mut sources, &mut diags, |rows, text, d| {
                let rows = crate::validate::data::values(rows, text, d).rows;
                let mut csv = staff::header();
                for s in &rows {
                    staff::write_row(&mut csv, &s.into());
                }
                csv
            })
        }
        What::Survey => {
            read_export::<SurveyKind>(&args, &mut sources, &mut diags, |rows, text, _| {
                let mut csv = survey::header();
                for a in &rows.into_answers(text).rows {
                    survey::write_row(&mut csv, &a.into());
                }
                csv
            })
        }
    };
    let buffer = csv.unwrap_or_default().into_bytes();
    let failed = diags.has_errors();
    let mut list = diags.finish();
    if !list.is_empty() {
        super::diagnostics_to_stderr(&mut list, &sources)?;
    }
    if failed {
        return Ok(ExitCode::from(1));
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    out.write_all(&buffer).context("cannot write the CSV")?;
    out.flush().context("cannot write the CSV")?;
    Ok(ExitCode::SUCCESS)
}
