//! `plan init DIR [--demo [--staff N] [--seed S]]`: write a new plan.
//!
//! In: the command line. Out: the plan's files in DIR (created if needed), or
//! an error naming the files that already exist, in which case nothing is written.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use crate::init::demo::{self, DemoOptions, DEFAULT_SEED, DEFAULT_STAFF};
use crate::init::{skeleton, write_all};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Directory of the new plan (created if missing; none of the plan's files may exist in it).
    pub dir: PathBuf,
    /// Write a complete synthetic demo plan (the fictional municipality Fjordvik)
    /// instead of a commented skeleton.
    #[arg(long)]
    pub demo: bool,
    /// Demo: number of staff (about one unit per 125 staff).
    #[arg(long, requires = "demo", default_value_t = DEFAULT_STAFF,
          value_parser = clap::value_parser!(u32).range(1..=10_000_000))]
    pub staff: u32,
    /// Demo: seed of the random generator (same seed and size, same files).
    #[arg(long, requires = "demo", default_value_t = DEFAULT_SEED)]
    pub seed: u64,
    /// Language of the messages (the plan's own files are written in bokmål):
    /// nb, nn, en; default from LANG, else nb.
    #[arg(long, value_enum, default_value_t = crate::i18n::Lang::from_env())]
    pub lang: crate::i18n::Lang,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let files = if args.demo {
        demo::files(&DemoOptions {
            staff: args.staff,
            seed: args.seed,
        })
    } else {
        let today = jiff::Timestamp::now()
            .to_zoned(jiff::tz::TimeZone::UTC)
            .date();
        skeleton::files(today)
    };
    let written = write_all(&args.dir, &files)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let words = args.lang.diag_words();
    let template = if args.demo {
        words.wrote_demo
    } else {
        words.wrote_skeleton
    };
    let dir = args.dir.display().to_string();
    writeln!(
        out,
        "{}",
        crate::i18n::fill(
            template,
            &[("n", &written.len().to_string()), ("dir", &dir)]
        )
    )
    .context("cannot write to stdout")?;
    Ok(ExitCode::SUCCESS)
}
