//! Command line: one module per subcommand, each with its `Args` and `run`.

pub mod analyse;
pub mod check;
pub mod diff;
pub mod import;
pub mod init;
pub mod report;
pub mod schema;
pub mod shell;

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Strategic competence planning for municipal health and care, as code.
///
/// A plan is a directory of TOML/YAML files (requirements, units, goals,
/// measures, indicators) and CSV files (staff roster, survey answers).
#[derive(Debug, Parser)]
#[command(
    name = "plan",
    version,
    about,
    long_about = None,
    after_help = "Start with `plan init --demo demo` and `plan analyse demo`. Documentation: docs/ in the repository."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a plan: files, references, ranges and the plan's logic.
    Check(check::Args),
    /// Lai's analysis: requirements, capital and needs per unit, position and year.
    #[command(alias = "analyze")]
    Analyse(analyse::Args),
    /// Write the plan document (Markdown, KS's seven steps) with SVG figures.
    Report(report::Args),
    /// What changed between two revisions of a plan (directories or git revisions).
    Diff(diff::Args),
    /// Write a new plan skeleton, or a realistic synthetic demo plan.
    Init(init::Args),
    /// Read an HR or survey export through a mapping and print the v1 CSV.
    Import(import::Args),
    /// Write the JSON Schemas for the plan files.
    Schema(schema::Args),
    /// Print shell completions (bash, zsh, fish, elvish, powershell).
    Completions(shell::CompletionsArgs),
    /// Print the manual page (roff), or write one per subcommand.
    Man(shell::ManArgs),
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Analyse(args) => analyse::run(args),
        Command::Init(args) => init::run(args),
        Command::Schema(args) => schema::run(args),
        Command::Import(args) => import::run(args),
        Command::Report(args) => report::run(args),
        Command::Completions(args) => shell::completions(args),
        Command::Man(args) => shell::man(args),
        Command::Diff(args) => diff::run(args),
    }
}

/// A plan without errors, and every file it was read from.
pub struct ValidPlan {
    pub plan: crate::model::Plan,
    /// Input files, never to be written over.
    pub inputs: Vec<std::path::PathBuf>,
}

/// Load a plan for a command that needs a valid one, and check `--unit`. When the
/// plan has errors, its diagnostics go to stderr (human format) and the exit code
/// is 1; an unknown unit is a usage error.
pub fn load_valid(
    dir: &std::path::Path,
    unit: Option<&str>,
) -> anyhow::Result<Result<ValidPlan, ExitCode>> {
    let valid = valid_from(&crate::plan_source::DirSource::new(dir)?)?;
    if let Ok(v) = &valid {
        check_unit(&v.plan, unit)?;
    }
    Ok(valid)
}

/// Load a plan from any source for a command that needs a valid one. When
/// the plan has errors, its diagnostics go to stderr (human format) and the
/// result is exit code 1.
pub fn valid_from(
    source: &dyn crate::plan_source::PlanSource,
) -> anyhow::Result<Result<ValidPlan, ExitCode>> {
    use anyhow::Context;
    let loaded = crate::pipeline::open(source)?;
    if let Some(plan) = loaded.plan {
        return Ok(Ok(ValidPlan {
            plan,
            inputs: loaded.inputs,
        }));
    }
    let list = loaded.diagnostics.finish();
    let stderr = std::io::stderr();
    let color = ColorChoice::Auto.enabled(stderr.is_terminal());
    // buffered: a broken plan can have hundreds of thousands of findings
    let mut err = std::io::BufWriter::new(stderr.lock());
    crate::diag::render::render(
        &mut err,
        crate::diag::render::DiagFormat::Human,
        &list,
        &loaded.sources,
        color,
    )
    .and_then(|()| std::io::Write::flush(&mut err))
    .context("cannot write the diagnostics")?;
    Ok(Err(ExitCode::from(1)))
}

/// `--unit U` must name a unit of the plan; suggest the nearest one if not.
pub fn check_unit(plan: &crate::model::Plan, unit: Option<&str>) -> anyhow::Result<()> {
    let Some(u) = unit else { return Ok(()) };
    if plan.unit(u).is_some() {
        return Ok(());
    }
    let ids: Vec<&str> = plan.units.iter().map(|u| u.id.as_str()).collect();
    match crate::diag::suggest(u, ids.iter().copied()) {
        Some(s) => anyhow::bail!("unknown unit `{u}` (did you mean `{s}`?)"),
        None => anyhow::bail!(
            "unknown unit `{u}`; the plan's units are: {}",
            ids.join(", ")
        ),
    }
}

/// When to use colour.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Colour on a terminal unless `NO_COLOR` is set (https://no-color.org).
    pub fn enabled(self, stream_is_terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                stream_is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }
}

/// Whether stdout is a terminal.
pub fn stdout_is_terminal() -> bool {
    std::io::stdout().is_terminal()
}

/// Leave a large value to the operating system instead of freeing it piece by
/// piece: the process is about to exit, and dropping the model of a national
/// plan (millions of strings) costs a tenth of a second for nothing.
pub fn leak_at_exit<T>(value: T) {
    std::mem::forget(value);
}

/// `plan analyse | head` closes the pipe early; that is not an error.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_valid() {
        Cli::command().debug_assert();
    }
}
