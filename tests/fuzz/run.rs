//! One input through the whole tool, in process, and what must hold of it.

use std::panic::{catch_unwind, AssertUnwindSafe};

use kompetanseplan::diag::render::{render, DiagFormat, Style};
use kompetanseplan::i18n::Lang;
use kompetanseplan::model::Date;
use kompetanseplan::plan_source::MemSource;
use kompetanseplan::render::Format;

use super::alloc;

/// Memory one input may take: a fixed allowance for the pipeline's tables and
/// the figures, plus a multiple of the input's size (docs/privacy.md).
pub fn memory_bound(input_bytes: usize) -> usize {
    64 * 1024 * 1024 + 64 * input_bytes
}

/// The staff and respondent ids of the seed plan: none may ever be output.
pub fn markers(plan: &MemSource) -> Vec<String> {
    let mut out = Vec::new();
    for file in ["data/staff.csv", "data/survey.csv"] {
        let text = String::from_utf8_lossy(plan.get(file).unwrap_or(&[])).into_owned();
        out.extend(
            text.lines()
                .skip(1)
                .filter_map(|l| l.split(',').next())
                .filter(|id| id.len() >= 6)
                .map(str::to_string),
        );
    }
    out.sort();
    out.dedup();
    // the distinctive stems too: a mutation can cut an id short
    out.extend(["QZXS".to_string(), "SVARZK".to_string()]);
    out
}

/// What must hold of one output: no id, and no control character where a
/// terminal would read it.
pub fn check_output(bytes: &[u8], for_terminal: bool, markers: &[String]) -> Result<(), String> {
    let text = String::from_utf8_lossy(bytes);
    if let Some(m) = markers.iter().find(|m| text.contains(m.as_str())) {
        return Err(format!("an id of the data files is in the output: {m}"));
    }
    if for_terminal {
        if let Some(c) = text
            .chars()
            .find(|&c| c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
        {
            return Err(format!(
                "control character U+{:04X} in terminal output",
                u32::from(c)
            ));
        }
    }
    Ok(())
}

/// What the harness does with each output as it is made: check it, then drop
/// it, as a command writes one rendering and lets it go. (Keeping all twenty
/// renderings alive at once measured the harness, not the tool: a roster
/// mutated into 9 781 findings peaked at 150 MB, nearly all of it the ten
/// renderings of the diagnostics held side by side.)
struct Outputs<'a> {
    markers: &'a [String],
    problem: Option<String>,
}

impl Outputs<'_> {
    fn push(&mut self, (terminal, bytes): (bool, Vec<u8>)) {
        if self.problem.is_none() {
            if let Err(why) = check_output(&bytes, terminal, self.markers) {
                self.problem = Some(why);
            }
        }
    }
}

/// Everything a command could print or write for this plan, each handed to
/// `out` as it is made.
fn outputs(plan: &MemSource, out: &mut Outputs<'_>) -> anyhow::Result<()> {
    let loaded = kompetanseplan::pipeline::open(plan)?;
    let mut diags = loaded.diagnostics;
    // the analysis, once, as the commands run it
    let analysis = loaded
        .plan
        .as_ref()
        .map(|p| kompetanseplan::analyse::analyse(p, &p.assumptions));
    if let (Some(p), Some(a)) = (&loaded.plan, &analysis) {
        let today: Date = "2026-01-01".parse()?;
        kompetanseplan::checks::revision(p, today, &mut diags);
        kompetanseplan::checks::logic(p, &a.coverage, &mut diags);
    }
    let english = diags.finish();
    for lang in [Lang::En, Lang::Nb] {
        let mut list = english.clone();
        kompetanseplan::diag::translate(&mut list, lang);
        for (format, terminal) in [
            (DiagFormat::Human, true),
            (DiagFormat::Json, false),
            (DiagFormat::Github, true),
            (DiagFormat::Sarif, false),
            (DiagFormat::Gitlab, false),
        ] {
            let mut buf = Vec::new();
            render(
                &mut buf,
                format,
                &list,
                &loaded.sources,
                &Style::plain(lang),
            )?;
            out.push((terminal, buf));
        }
    }
    let (Some(p), Some(analysis)) = (loaded.plan, analysis) else {
        return Ok(());
    };
    let names = kompetanseplan::render::Names::of(&p);
    for lang in Lang::ALL {
        for (format, terminal) in [
            (Format::Table, true),
            (Format::Json, false),
            (Format::Csv, false),
            (Format::Markdown, true),
        ] {
            let mut buf = Vec::new();
            kompetanseplan::render::render(&mut buf, format, &analysis, lang, &names)?;
            out.push((terminal, buf));
        }
    }
    let mut excel = Vec::new();
    kompetanseplan::render::csv::render_all(
        &mut excel,
        &analysis,
        kompetanseplan::render::csv::Flavour::Excel,
        &names,
    )?;
    out.push((false, excel));
    let report = kompetanseplan::report::build(
        &p,
        &analysis,
        &kompetanseplan::report::Options {
            lang: Lang::Nb,
            unit: None,
            figures: true,
        },
    )?;
    out.push((false, report.markdown.into_bytes()));
    for f in report.figures {
        out.push((false, f.svg.into_bytes()));
    }
    Ok(())
}

/// Run one input; `Err` says what went wrong.
pub fn exec(plan: &MemSource, markers: &[String], input_bytes: usize) -> Result<(), String> {
    let start = alloc::reset();
    let mut out = Outputs {
        markers,
        problem: None,
    };
    let result = catch_unwind(AssertUnwindSafe(|| outputs(plan, &mut out)));
    let peak = alloc::peak_since(start);
    match result {
        Err(panic) => {
            let what = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            return Err(format!("panic: {what}"));
        }
        // an operational error (nothing in memory can fail to be listed) is
        // still a finding: the plan's problems must be diagnostics
        Ok(Err(e)) => return Err(format!("error instead of diagnostics: {e:#}")),
        Ok(Ok(())) => {}
    }
    if let Some(why) = out.problem {
        return Err(why);
    }
    let bound = memory_bound(input_bytes);
    if peak > bound {
        return Err(format!("{peak} bytes at the peak, above the bound {bound}"));
    }
    Ok(())
}
