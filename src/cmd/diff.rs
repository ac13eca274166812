//! `plan diff [OLD] [NEW]`: what changed between two revisions of a plan.
//!
//! In: the command line — OLD and NEW each a plan directory or a git revision
//! of the plan directory `-C DIR` (default `.`); OLD defaults to `HEAD`, NEW
//! to the plan directory as it is on disk. Out: the changes on stdout (human,
//! JSON or Markdown) and the exit code of diff(1): 0 no difference, 1
//! differences, 2 trouble (a side that is neither a directory nor a revision,
//! a plan with errors — its diagnostics on stderr —, an unknown `--unit`).
//! A revision is read from git's object database (see
//! [`crate::plan_source::GitSource`]): the work tree and the index are never
//! touched.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};

use crate::analyse::{analyse_unit, Analysis};
use crate::diff::{diff, PlanDiff, Side};
use crate::i18n::Lang;
use crate::model::Plan;
use crate::plan_source::{DirSource, GitSource, PlanSource};
use crate::render::diff::{render, DiffFormat};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The old plan: a plan directory or a git revision (tag, branch, commit,
    /// HEAD~1) of the plan directory; default HEAD.
    pub old: Option<String>,
    /// The new plan: a plan directory or a git revision; default the plan
    /// directory as it is on disk.
    pub new: Option<String>,
    /// The plan directory whose revisions are compared (inside a git work tree).
    #[arg(short = 'C', value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,
    /// Compare only this unit's capacity and quality lines and workforce.
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,
    /// Language of the human and Markdown output.
    #[arg(long, value_enum, default_value_t = Lang::from_env())]
    pub lang: Lang,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let words = args.lang.diag_words();
    let progress = super::progress::Progress::start(words.reading);
    let old_arg = args.old.clone().unwrap_or_else(|| "HEAD".to_string());
    let Some(old) = side(Some(&old_arg), &args.dir)? else {
        return Ok(ExitCode::from(2));
    };
    let Some(new) = side(args.new.as_deref(), &args.dir)? else {
        return Ok(ExitCode::from(2));
    };
    if let Some(u) = args.unit.as_deref() {
        if old.plan.unit(u).is_none() {
            super::check_unit(&new.plan, Some(u))?;
        }
    }
    let d = compare(
        (&old.label, &old.plan),
        (&new.label, &new.plan),
        args.unit.as_deref(),
    )?;
    progress.finish();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let names = crate::render::Names::of(&new.plan).or(&old.plan);
    render(&mut out, args.format, &d, args.lang, &names)
        .and_then(|()| out.flush())
        .context("cannot write the diff")?;
    Ok(if d.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// A plan read from one side, with the name the user gave it.
pub struct Opened {
    pub label: String,
    pub plan: Plan,
}

/// Analyse both plans (of `unit` only, when given) and compare them; each
/// side is its label and its plan.
pub fn compare(
    old: (&str, &Plan),
    new: (&str, &Plan),
    unit: Option<&str>,
) -> anyhow::Result<PlanDiff> {
    let analysis = |p: &Plan| -> anyhow::Result<Analysis> {
        let a = analyse_unit(p, &p.assumptions, unit);
        if let Some(what) = a.non_finite() {
            bail!("the analysis produced a figure that is not a finite number ({what}); please report this plan as a bug");
        }
        Ok(a)
    };
    let (a, b) = (analysis(old.1)?, analysis(new.1)?);
    Ok(diff(
        &Side {
            label: old.0.to_string(),
            plan: old.1,
            analysis: &a,
        },
        &Side {
            label: new.0.to_string(),
            plan: new.1,
            analysis: &b,
        },
        unit,
    ))
}

/// Read one side: `arg` a directory or a revision of `dir`; `None` is `dir`
/// on disk. `Ok(None)` when the plan has errors (shown on stderr).
pub fn side(arg: Option<&str>, dir: &Path) -> anyhow::Result<Option<Opened>> {
    let (source, label): (Box<dyn PlanSource>, String) = match arg {
        None => (Box::new(DirSource::new(dir)?), dir.display().to_string()),
        Some(a) if Path::new(a).is_dir() => (Box::new(DirSource::new(Path::new(a))?), a.into()),
        Some(a) => match GitSource::open(dir, a) {
            Ok(g) => (Box::new(g), a.into()),
            Err(e) => bail!(
                "`{a}` is neither a plan directory nor a revision of the plan in {}: {e:#}",
                dir.display()
            ),
        },
    };
    match super::valid_from(source.as_ref())? {
        Ok(v) => Ok(Some(Opened {
            label,
            plan: v.plan,
        })),
        Err(_) => {
            let stderr = std::io::stderr();
            let mut err = stderr.lock();
            writeln!(
                err,
                "error: the plan of `{label}` has errors (above); nothing compared"
            )
            .context("cannot write to stderr")?;
            Ok(None)
        }
    }
}
