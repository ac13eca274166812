//! `plan check [DIR]`: validate a plan and report every problem.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use super::ColorChoice;
use crate::checks;
use crate::diag::render::{render, DiagFormat, Style};
use crate::i18n::Lang;
use crate::model::Date;
use crate::pipeline::open_dir;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Plan directory.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Treat warnings as errors (for CI).
    #[arg(long)]
    pub strict: bool,
    /// With --strict, keep warnings of this code warnings (repeatable), e.g.
    /// `--allow revision-due` so that the calendar alone never fails a pull request.
    #[arg(long = "allow", value_name = "CODE", value_parser = parse_code)]
    pub allow: Vec<crate::diag::Code>,
    /// The date to judge revision, overdue measures and indicator follow-up
    /// against (YYYY-MM-DD); default: today.
    #[arg(long, value_name = "DATE")]
    pub today: Option<Date>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiagFormat::Human)]
    pub format: DiagFormat,
    /// Language of the messages and hints: nb (bokmål), nn (nynorsk), en; default from
    /// LC_ALL/LC_MESSAGES/LANG, else nb. Codes stay English.
    #[arg(long, value_enum, default_value_t = Lang::from_env())]
    pub lang: Lang,
    /// When to colour the output (NO_COLOR is respected).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

fn parse_code(s: &str) -> Result<crate::diag::Code, String> {
    s.parse()
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let words = args.lang.diag_words();
    let progress = super::progress::Progress::start(words.reading);
    let loaded = open_dir(&args.dir)?;
    let mut diags = loaded.diagnostics;
    if let Some(plan) = &loaded.plan {
        progress.stage(words.checking);
        let today = args.today.unwrap_or_else(checks::today);
        checks::revision(plan, today, &mut diags);
        checks::followup(plan, today, &mut diags);
        let analysis = crate::analyse::analyse(plan, &plan.assumptions);
        checks::logic(plan, &analysis.coverage, &mut diags);
        checks::workload(plan, &analysis.workloads, &mut diags);
    }
    if args.strict {
        diags.make_strict_except(&args.allow);
    }
    let failed = diags.has_errors();
    let mut list = diags.finish();
    crate::diag::translate(&mut list, args.lang);
    progress.finish();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let style = Style {
        color: args.color.enabled(super::stdout_is_terminal()),
        lang: args.lang,
        plan_dir: args.dir.display().to_string(),
    };
    render(&mut out, args.format, &list, &loaded.sources, &style)
        .context("cannot write the report")?;
    out.flush().context("cannot write the report")?;
    super::leak_at_exit((loaded.plan, loaded.sources, list));
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
