//! `plan analyse [DIR]`: Lai's analysis as gap tables, JSON, CSV or Markdown.
//!
//! In: the command line. Out: the analysis on stdout (or four CSV files with
//! `--out`), exit code 0; the plan's errors on stderr with exit code 1; usage
//! and I/O problems (missing directory, unknown `--unit`, `--year` outside the
//! period) as errors with exit code 2.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context};

use crate::analyse::analyse_unit;
use crate::analyse::compare::{self as cmp, scenario_plan, CompareError};
use crate::i18n::Lang;
use crate::model::demand::{Override, BASIS};
use crate::model::Plan;
use crate::render::{self, csv::Flavour, Format, Names};
use crate::write::{ensure_not_input, Batch};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Plan directory.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Only this year of the period (capacity rows and indicator values).
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i32>,
    /// Only this unit (its capacity and quality lines and workforce figures).
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,
    /// Output format [default: table on a terminal, json otherwise].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Write capacity.csv, quality.csv, indicators.csv and workforce.csv into DIR.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Only the workload-based staffing requirements (WISN): per workload the
    /// available working time, A, CAF, IAF, the required W, the FTE employed
    /// and the WISN ratio; with --out, workload.csv, workload_activities.csv
    /// and workload_years.csv.
    #[arg(long)]
    pub workload: bool,
    /// Language of table and Markdown headings.
    #[arg(long, value_enum, default_value_t = Lang::from_env())]
    pub lang: Lang,
    /// CSV for Norwegian Excel: `;`-separated, decimal comma, UTF-8 with BOM,
    /// names beside ids, figures rounded as in the tables (implies --format csv).
    #[arg(long)]
    pub excel: bool,
    /// Analyse the plan under scenario ID (`basis` is the plan itself).
    #[arg(long, value_name = "ID", conflicts_with = "compare")]
    pub scenario: Option<String>,
    /// Override an assumption, e.g. `assumptions.turnover_rate=0.12` (repeatable; shown in the output's header).
    #[arg(long, value_name = "KEY=VALUE")]
    pub set: Vec<String>,
    /// Scenarios side by side: all (`basis` and every `[[scenario]]`), or those listed (`--compare basis,ssb-lav`).
    #[arg(long, value_name = "IDS", num_args = 0..=1, default_missing_value = "")]
    pub compare: Option<String>,
}

pub fn run(mut args: Args) -> anyhow::Result<ExitCode> {
    // `plan analyse --compare examples/demo`: the value is the plan directory
    if let (Some(v), true) = (&args.compare, args.dir == std::path::Path::new(".")) {
        if !v.is_empty() && std::path::Path::new(v).is_dir() {
            args.dir = PathBuf::from(v);
            args.compare = Some(String::new());
        }
    }
    let set = args
        .set
        .iter()
        .map(|s| Override::parse(s).map_err(|e| anyhow::anyhow!("--set: {e}")))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let words = args.lang.diag_words();
    let progress = super::progress::Progress::start(words.reading);
    let loaded = match super::load_valid(&args.dir, args.unit.as_deref())? {
        Ok(loaded) => loaded,
        Err(code) => return Ok(code),
    };
    progress.stage(words.analysing);
    let plan = &loaded.plan;
    if let Some(list) = &args.compare {
        return compare(&args, plan, list, &set, loaded.inputs.clone());
    }
    let mut analysis = if args.scenario.is_some() || !set.is_empty() {
        let id = args.scenario.as_deref().unwrap_or(BASIS);
        let (p, c) = scenario_plan(plan, id, &set).map_err(|e| unknown(plan, e))?;
        let mut a = analyse_unit(&p, &p.assumptions, args.unit.as_deref());
        a.scenario = Some(c.header);
        a
    } else {
        analyse_unit(plan, &plan.assumptions, args.unit.as_deref())
    };
    if let Some(what) = analysis.non_finite() {
        bail!("the analysis produced a figure that is not a finite number ({what}); please report this plan as a bug");
    }
    if let Some(y) = args.year {
        if !analysis.years().contains(&y) {
            bail!(
                "--year {y} is outside the analysed years {}–{} (base year to end of period)",
                analysis.base_year,
                analysis.end_year
            );
        }
        analysis.keep_year(y);
    }
    let names = Names::of(plan);
    let flavour = if args.excel {
        Flavour::Excel
    } else {
        Flavour::Data
    };
    if let Some(f) = args.format.filter(|&f| args.excel && f != Format::Csv) {
        bail!(
            "--excel writes CSV; --format {} cannot be combined with it",
            format_name(f)
        );
    }
    if let Some(dir) = &args.out {
        if let Some(f) = args.format.filter(|&f| f != Format::Csv) {
            bail!(
                "--out writes CSV files; --format {} cannot be combined with it",
                format_name(f)
            );
        }
        let tables = if args.workload {
            render::workload::tables(&analysis)
        } else {
            render::csv::tables(&analysis, flavour, &names)
        }
        .context("cannot build the CSV tables")?;
        let names: Vec<&str> = tables.iter().map(|(n, _)| *n).collect();
        let summary = crate::i18n::fill(
            words.wrote_files,
            &[
                ("files", &names.join(", ")),
                ("dir", &dir.display().to_string()),
            ],
        );
        let mut batch = Batch::default();
        for (name, bytes) in tables {
            ensure_not_input(&dir.join(name), &loaded.inputs)?;
            batch.add(&dir.join(name), bytes);
        }
        // the tables together, or none
        batch.commit()?;
        progress.finish();
        writeln!(std::io::stderr(), "{summary}").context("cannot write to stderr")?;
        return Ok(ExitCode::SUCCESS);
    }
    let format = args.format.unwrap_or(if args.excel {
        Format::Csv
    } else if super::stdout_is_terminal() {
        Format::Table
    } else {
        Format::Json
    });
    // Written as it is rendered (a national analysis is tens of MB of JSON:
    // one buffer of it would be copied at every doubling, into fresh pages).
    // Every figure is known to be finite, so rendering fails only when
    // writing does.
    progress.finish();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    if args.workload {
        render::workload::render(&mut out, format, &analysis, args.lang, &names)
    } else if args.excel {
        render::csv::render_all(&mut out, &analysis, flavour, &names)
    } else {
        render::render(&mut out, format, &analysis, args.lang, &names)
    }
    .and_then(|()| out.flush())
    .context("cannot write the analysis")?;
    super::leak_at_exit((analysis, loaded));
    Ok(ExitCode::SUCCESS)
}

fn format_name(f: Format) -> String {
    clap::ValueEnum::to_possible_value(&f)
        .map(|v| v.get_name().to_string())
        .unwrap_or_default()
}

fn unknown(plan: &Plan, e: CompareError) -> anyhow::Error {
    match e {
        CompareError::UnknownScenario(id) => anyhow::anyhow!(
            "unknown scenario `{id}`; the plan's scenarios: {}",
            cmp::all_ids(plan).join(", ")
        ),
    }
}

/// `--compare`: the scenarios side by side.
fn compare(
    args: &Args,
    plan: &Plan,
    list: &str,
    set: &[Override],
    inputs: Vec<PathBuf>,
) -> anyhow::Result<ExitCode> {
    if args.year.is_some() {
        bail!("--compare shows every year of the period; leave out --year");
    }
    let ids: Vec<String> = if list.trim().is_empty() {
        cmp::all_ids(plan)
    } else {
        list.split(',').map(|s| s.trim().to_string()).collect()
    };
    let (comparison, analyses) =
        cmp::compare(plan, &ids, set, args.unit.as_deref()).map_err(|e| unknown(plan, e))?;
    for a in &analyses {
        if let Some(what) = a.non_finite() {
            bail!("the analysis produced a figure that is not a finite number ({what}); please report this plan as a bug");
        }
    }
    if let Some(dir) = &args.out {
        if let Some(f) = args.format.filter(|&f| f != Format::Csv) {
            let name = clap::ValueEnum::to_possible_value(&f)
                .map(|v| v.get_name().to_string())
                .unwrap_or_default();
            bail!("--out writes CSV files; --format {name} cannot be combined with it");
        }
        let tables =
            render::demand::comparison_csv(&comparison).context("cannot build the CSV tables")?;
        let mut batch = Batch::default();
        for (name, bytes) in render::demand::COMPARE_FILES.into_iter().zip(tables) {
            ensure_not_input(&dir.join(name), &inputs)?;
            batch.add(&dir.join(name), bytes);
        }
        batch.commit()?;
        let summary = crate::i18n::fill(
            args.lang.diag_words().wrote_files,
            &[
                ("files", &render::demand::COMPARE_FILES.join(", ")),
                ("dir", &dir.display().to_string()),
            ],
        );
        writeln!(std::io::stderr(), "{summary}").context("cannot write to stderr")?;
        return Ok(ExitCode::SUCCESS);
    }
    let format = args.format.unwrap_or(if super::stdout_is_terminal() {
        Format::Table
    } else {
        Format::Json
    });
    let mut buf = Vec::new();
    render::demand::render_comparison(&mut buf, format, &comparison, args.lang)
        .context("cannot render the comparison")?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    out.write_all(&buf)
        .and_then(|()| out.flush())
        .context("cannot write the comparison")?;
    Ok(ExitCode::SUCCESS)
}
