//! `plan report [DIR]`: the strategic competence plan as a Markdown document
//! with SVG figures, or as one HTML or Word file (`--format html|docx`).
//!
//! In: the command line. Out: the document (default `kompetanseplan.md`, `.html`
//! or `.docx` in the current directory, or `-o FILE`, or stdout with `-o -`)
//! and, for Markdown, its figures in `figurer/` beside it (HTML and Word hold
//! their figures), exit code 0; the plan's errors on stderr with exit code
//! 1; usage and I/O problems (unknown `--unit`, an output that would overwrite
//! or be read as plan input) as errors with exit code 2.
//!
//! Safety: the document and its figures are written together or not at all
//! (temporaries, flushed, renamed only when all are written); the document and the figures may
//! not be any input file of the plan; inside the plan directory the document
//! may not have a plan-file extension (`.toml`, `.yaml`, `.yml`), which the
//! loader would read back. Figures are always `.svg`, which it never reads.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};

use crate::analyse::analyse;
use crate::i18n::Lang;
use crate::report::{build_since, Options, FIGURE_DIR};
use crate::write::{ensure_not_input, Batch};

/// The document's default file name (Markdown).
pub const DEFAULT_OUTPUT: &str = "kompetanseplan.md";

/// The document's file format.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Markdown for pandoc, with SVG figures in `figurer/` beside it.
    #[default]
    Md,
    /// One self-contained HTML file (figures and styles inline; prints on A4).
    Html,
    /// A Word document (A4, the document's language, figures embedded).
    Docx,
}

impl Format {
    fn default_output(self) -> &'static str {
        match self {
            Format::Md => DEFAULT_OUTPUT,
            Format::Html => "kompetanseplan.html",
            Format::Docx => "kompetanseplan.docx",
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Plan directory.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// The document to write (default `kompetanseplan.md`, `.html` or `.docx`;
    /// `-` for stdout, Markdown then without figures); Markdown's figures go
    /// to `figurer/` beside it.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The document's format: Markdown for pandoc, one HTML file, or Word.
    #[arg(long, value_enum, default_value_t = Format::Md)]
    pub format: Format,
    /// Language of the document.
    #[arg(long, value_enum, default_value_t = Lang::from_env())]
    pub lang: Lang,
    /// Write only this unit's action plan (tiltaksplan på virksomhetsnivå).
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,
    /// Leave the figures out (no `figurer/`, no image links).
    #[arg(long)]
    pub no_figures: bool,
    /// Add "changes since the last revision" (Endringer siden forrige
    /// rullering): what `plan diff REV` finds, REV a git revision of the plan
    /// directory (or an earlier plan directory).
    #[arg(long, value_name = "REV")]
    pub since: Option<String>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let words = args.lang.diag_words();
    let progress = super::progress::Progress::start(words.reading);
    let loaded = match super::load_valid(&args.dir, args.unit.as_deref())? {
        Ok(loaded) => loaded,
        Err(code) => return Ok(code),
    };
    progress.stage(words.analysing);
    let plan = &loaded.plan;
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(args.format.default_output()));
    let to_stdout = output.as_os_str() == "-";
    // only Markdown keeps its figures beside it
    let separate_figures = args.format == Format::Md;
    if to_stdout && separate_figures && !args.no_figures {
        // a note, not an error: the document is complete without its figures
        progress.suspend(|| {
            writeln!(
                std::io::stderr(),
                "note: figures are left out with `-o -` (they need a folder beside the document); write to a file to get {FIGURE_DIR}/"
            )
        })
        .context("cannot write to stderr")?;
    }
    let since = match &args.since {
        None => None,
        Some(rev) => {
            let Some(old) = super::diff::side(Some(rev), &args.dir)? else {
                return Ok(std::process::ExitCode::from(2));
            };
            let new_label = args.dir.display().to_string();
            Some(super::diff::compare(
                (&old.label, &old.plan),
                (&new_label, plan),
                None,
            )?)
        }
    };
    let opts = Options {
        lang: args.lang,
        unit: args.unit.clone(),
        figures: !(args.no_figures || (to_stdout && separate_figures)),
    };
    if !to_stdout && (output.is_dir() || output.to_string_lossy().ends_with('/')) {
        bail!(
            "{} is a directory; give the document's file name, e.g. {}/{}",
            output.display(),
            output.display().to_string().trim_end_matches('/'),
            args.format.default_output()
        );
    }
    // the analysis runs once, here, and the scenarios' capacity beside it;
    // the report only formats them
    let (analysis, scenarios) = rayon::join(
        || analyse(plan, &plan.assumptions),
        || {
            (!plan.scenarios.is_empty()).then(|| {
                let ids = crate::analyse::compare::all_ids(plan);
                crate::analyse::compare::ScenarioCapacity::new(plan, &ids)
            })
        },
    );
    let mut analysis = analysis;
    if let Some(what) = analysis.non_finite() {
        bail!("the analysis produced a figure that is not a finite number ({what}); nothing was written. Please report this plan as a bug");
    }
    if let Some(scenarios) = scenarios {
        // "Scenarier": every scenario side by side
        let cmp = scenarios
            .map_err(|e| anyhow::anyhow!("cannot compare the scenarios: {e:?}"))?
            .comparison(plan, &analysis.capacity);
        if let Some(what) = cmp.non_finite() {
            bail!("a scenario's analysis produced a figure that is not a finite number ({what}); nothing was written. Please report this plan as a bug");
        }
        analysis.comparison = Some(cmp);
    }
    progress.stage(words.writing);
    let report = build_since(plan, &analysis, &opts, since.as_ref())?;
    if !separate_figures {
        let bytes = match args.format {
            Format::Html => crate::report::html(&report).into_bytes(),
            _ => docx_bytes(&report)?,
        };
        progress.finish();
        if to_stdout {
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            out.write_all(&bytes)
                .and_then(|()| out.flush())
                .context("cannot write the report")?;
            return Ok(ExitCode::SUCCESS);
        }
        ensure_safe_output(&output, &args.dir, &loaded.inputs)?;
        let mut batch = Batch::default();
        batch.add(&output, bytes);
        batch.commit()?;
        let summary =
            crate::i18n::fill(words.wrote_file, &[("file", &output.display().to_string())]);
        writeln!(std::io::stderr(), "{summary}").context("cannot write to stderr")?;
        return Ok(ExitCode::SUCCESS);
    }
    if to_stdout {
        progress.finish();
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        out.write_all(report.markdown.as_bytes())
            .and_then(|()| out.flush())
            .context("cannot write the report")?;
        return Ok(ExitCode::SUCCESS);
    }
    let fig_dir = output
        .parent()
        .map_or_else(|| PathBuf::from(FIGURE_DIR), |p| p.join(FIGURE_DIR));
    let figure_paths: Vec<PathBuf> = report
        .figures
        .iter()
        .map(|f| fig_dir.join(&f.file))
        .collect();
    ensure_safe_output(&output, &args.dir, &loaded.inputs)?;
    for p in &figure_paths {
        ensure_not_input(p, &loaded.inputs)?;
    }
    // the document and its figures together, or nothing
    let mut batch = Batch::default();
    for (f, p) in report.figures.into_iter().zip(&figure_paths) {
        batch.add(p, f.svg.into_bytes());
    }
    batch.add(&output, report.markdown.into_bytes());
    batch.commit()?;
    progress.finish();
    // one line on stderr, so a script's stdout stays clean
    let figures = figure_paths.len();
    let template = match figures {
        0 => words.wrote_file,
        1 => words.wrote_report_one,
        _ => words.wrote_report,
    };
    let summary = crate::i18n::fill(
        template,
        &[
            ("file", &output.display().to_string()),
            ("n", &figures.to_string()),
            ("dir", &fig_dir.display().to_string()),
        ],
    );
    writeln!(std::io::stderr(), "{summary}").context("cannot write to stderr")?;
    Ok(ExitCode::SUCCESS)
}

/// The Word document of `report`, its figures drawn as PNG at twice their
/// size (sharp at 17 cm, about 230 dpi) with the system's fonts.
fn docx_bytes(report: &crate::report::Report) -> anyhow::Result<Vec<u8>> {
    let raster = crate::raster::Raster::new();
    if !report.figures.is_empty() && !raster.has_fonts() {
        // a note, not an error: the document is whole, the figures lack words
        writeln!(
            std::io::stderr(),
            "note: no fonts found on this machine, so the figures in the Word document have no text; install a font (Debian: apt-get install fonts-liberation) or use --format html"
        )
        .context("cannot write to stderr")?;
    }
    let pngs = report
        .figures
        .iter()
        .map(|f| {
            raster
                .png(&f.svg, 2.0)
                .with_context(|| format!("figure {}", f.file))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let figures: Vec<crate::report::DocxFigure> = report
        .figures
        .iter()
        .zip(&pngs)
        .map(|(f, png)| crate::report::DocxFigure { file: &f.file, png })
        .collect();
    crate::report::docx(report, &figures)
}

/// Refuse an output that is an input file, or that the loader would read as
/// a plan file (a `.toml`, `.yaml` or `.yml` inside the plan directory).
pub fn ensure_safe_output(
    output: &Path,
    plan_dir: &Path,
    inputs: &[PathBuf],
) -> anyhow::Result<()> {
    ensure_not_input(output, inputs)?;
    let ext = output
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if matches!(ext.as_deref(), Some("toml" | "yaml" | "yml")) && is_inside(output, plan_dir) {
        bail!(
            "refusing to write {}: a .{} file inside the plan directory would be read as part of the plan; use a .md name or write it elsewhere",
            output.display(),
            ext.unwrap_or_default()
        );
    }
    Ok(())
}

/// Whether `path` (which may not exist yet) lies below `dir`.
fn is_inside(path: &Path, dir: &Path) -> bool {
    let Ok(dir) = dir.canonicalize() else {
        return false;
    };
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    // the nearest existing ancestor decides (the output's folders may be new)
    let mut probe = parent.as_path();
    loop {
        if let Ok(c) = probe.canonicalize() {
            return c.starts_with(&dir);
        }
        match probe.parent() {
            Some(p) if !p.as_os_str().is_empty() => probe = p,
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_file_names_inside_the_plan_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("plan");
        std::fs::create_dir_all(&plan).unwrap();
        let input = plan.join("plan.toml");
        std::fs::write(&input, "").unwrap();
        let inputs = vec![input.clone()];
        assert!(ensure_safe_output(&input, &plan, &inputs).is_err());
        assert!(ensure_safe_output(&plan.join("new/report.yaml"), &plan, &inputs).is_err());
        assert!(ensure_safe_output(&plan.join("report.md"), &plan, &inputs).is_ok());
        assert!(ensure_safe_output(&dir.path().join("report.yaml"), &plan, &inputs).is_ok());
    }
}
