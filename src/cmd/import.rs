//! `plan import staff|survey FILE --mapping M`: read an export through a mapping
//! and print the v1 CSV the plan would see, so an adviser can check what the
//! tool understood before committing anything.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

use crate::diag::render::{render, DiagFormat};
use crate::diag::Diagnostics;
use crate::load::csv_file::{self, STAFF_HEADERS, SURVEY_HEADERS};
use crate::load::node::{Key, Node, NodeKind};
use crate::load::{deserialize_item, parse_plan_file, read_text, Item};
use crate::model::raw::RawData;
use crate::model::{Answer, Staff};
use crate::source::Sources;
use crate::validate::data::{open, spec, Kind};

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
            let id = read_text(m, m.to_string_lossy().into_owned(), sources, diags)?;
            let text = sources.get(id).map(|f| f.text.clone()).unwrap_or_default();
            let root = parse_plan_file(m, id, &m.to_string_lossy(), &text, diags)?;
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

fn fmt_num(v: f64) -> String {
    format!("{v}")
}

fn write_staff(out: &mut dyn Write, rows: &[Staff]) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(STAFF_HEADERS)?;
    for s in rows {
        w.write_record([
            s.id.clone(),
            s.unit.clone(),
            s.position.clone(),
            fmt_num(s.percent),
            s.education.clone().unwrap_or_default(),
            s.birth_year.to_string(),
            s.wanted_percent.map(fmt_num).unwrap_or_default(),
            s.studying.clone().unwrap_or_default(),
            s.study_done.map(|y| y.to_string()).unwrap_or_default(),
        ])?;
    }
    w.flush()?;
    Ok(())
}

fn write_survey(out: &mut dyn Write, rows: &[Answer]) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(SURVEY_HEADERS)?;
    for a in rows {
        w.write_record([
            a.respondent.to_string(),
            a.unit.to_string(),
            a.competence.to_string(),
            a.level.to_string(),
            a.need.map(|n| n.to_string()).unwrap_or_default(),
        ])?;
    }
    w.flush()?;
    Ok(())
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
    let kind = match args.what {
        What::Staff => Kind::Staff,
        What::Survey => Kind::Survey,
    };
    let key = kind.key();
    let mut sources = Sources::default();
    let mut diags = Diagnostics::default();
    let mut buffer = Vec::new();
    if let Some(item) = mapping_item(&args, key, &mut sources, &mut diags) {
        let source = match kind {
            Kind::Staff => item.value.staff.clone(),
            Kind::Survey => item.value.survey.clone(),
        };
        if let Some(source) = source {
            if let Some((opts, csv_spec)) = spec(&item, kind, &source, None, &mut diags) {
                let mut inputs = Vec::new();
                let dir = Path::new("");
                let opened = open(
                    dir,
                    &item,
                    kind,
                    &args.file.to_string_lossy(),
                    &opts,
                    &mut sources,
                    &mut diags,
                    &mut inputs,
                );
                if let Some(input) = opened.as_ref().and_then(|o| o.input(&sources)) {
                    match kind {
                        Kind::Staff => {
                            let rows: Vec<Staff> =
                                csv_file::read_staff(input, &csv_spec, &mut diags)
                                    .into_iter()
                                    .map(|r| r.value)
                                    .collect();
                            write_staff(&mut buffer, &rows)?;
                        }
                        Kind::Survey => {
                            let rows: Vec<Answer> =
                                csv_file::read_survey(input, &csv_spec, &mut diags)
                                    .into_iter()
                                    .map(|r| r.value)
                                    .collect();
                            write_survey(&mut buffer, &rows)?;
                        }
                    }
                }
            }
        }
    }
    let failed = diags.has_errors();
    let list = diags.finish();
    if !list.is_empty() {
        let stderr = std::io::stderr();
        let color = super::ColorChoice::Auto.enabled(std::io::IsTerminal::is_terminal(&stderr));
        render(
            &mut stderr.lock(),
            DiagFormat::Human,
            &list,
            &sources,
            color,
        )
        .context("cannot write diagnostics")?;
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
