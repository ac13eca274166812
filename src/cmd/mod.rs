//! Command line: one module per subcommand, each with its `Args` and `run`.

pub mod analyse;
pub mod check;
pub mod diff;
pub mod import;
pub mod init;
pub mod progress;
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
    after_help = "Start with `plan init --demo demo` and `plan analyse demo`. Documentation: docs/ in the repository; in Norwegian: docs/brukerveiledning.md. Messages, tables and the report in bokmål, nynorsk or English: --lang nb|nn|en (default from LANG)."
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

/// The language of diagnostics written by the shared helpers below, set once
/// from the running command's `--lang`.
static LANG: std::sync::OnceLock<crate::i18n::Lang> = std::sync::OnceLock::new();

/// The language of this run: the command's `--lang`, else the locale's.
pub fn ui_lang() -> crate::i18n::Lang {
    LANG.get()
        .copied()
        .unwrap_or_else(crate::i18n::Lang::from_env)
}

impl Command {
    /// The `--lang` of commands that have one.
    fn lang(&self) -> Option<crate::i18n::Lang> {
        match self {
            Command::Check(a) => Some(a.lang),
            Command::Analyse(a) => Some(a.lang),
            Command::Report(a) => Some(a.lang),
            Command::Diff(a) => Some(a.lang),
            Command::Import(a) => Some(a.lang),
            Command::Init(a) => Some(a.lang),
            Command::Schema(_) | Command::Completions(_) | Command::Man(_) => None,
        }
    }
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    if let Some(lang) = cli.command.lang() {
        let _ = LANG.set(lang);
    }
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
    let loaded = crate::pipeline::open(source)?;
    if let Some(plan) = loaded.plan {
        return Ok(Ok(ValidPlan {
            plan,
            inputs: loaded.inputs,
        }));
    }
    let mut list = loaded.diagnostics.finish();
    diagnostics_to_stderr(&mut list, &loaded.sources)?;
    Ok(Err(ExitCode::from(1)))
}

/// Findings of a command other than `plan check`, on stderr in the human
/// format and the run's language.
pub fn diagnostics_to_stderr(
    list: &mut [crate::diag::Diagnostic],
    sources: &crate::source::Sources,
) -> anyhow::Result<()> {
    use anyhow::Context;
    progress::clear_active();
    let lang = ui_lang();
    crate::diag::translate(list, lang);
    let stderr = std::io::stderr();
    let style = crate::diag::render::Style {
        color: ColorChoice::Auto.enabled(stderr.is_terminal()),
        lang,
        plan_dir: String::from("."),
    };
    // buffered: a broken plan can have hundreds of thousands of findings
    let mut err = std::io::BufWriter::new(stderr.lock());
    crate::diag::render::render(
        &mut err,
        crate::diag::render::DiagFormat::Human,
        list,
        sources,
        &style,
    )
    .and_then(|()| std::io::Write::flush(&mut err))
    .context("cannot write the diagnostics")
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
