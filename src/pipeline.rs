//! The one way through the tool: source → load → validate, in that order.
//!
//! In: a [`PlanSource`] (a directory; later a git revision). Out: [`Loaded`] —
//! the validated [`Plan`] when the files hold no errors, every [`Diagnostic`]
//! found, the [`Sources`] to render them with, and the files on disk the plan
//! was read from. Each stage only hands its result to the next: `load` never
//! validates, `validate` never reads a file. The analysis and the renderers
//! come after, in the commands.
//!
//! [`Diagnostic`]: crate::diag::Diagnostic

use std::path::{Path, PathBuf};

use crate::diag::Diagnostics;
use crate::model::Plan;
use crate::plan_source::{DirSource, PlanSource};
use crate::source::Sources;

/// A plan read and validated.
#[derive(Debug)]
pub struct Loaded {
    /// The validated plan; `None` when errors prevent building it.
    pub plan: Option<Plan>,
    pub sources: Sources,
    pub diagnostics: Diagnostics,
    /// Every file on disk the plan reads (plan files and data files), never
    /// to be written over.
    pub inputs: Vec<PathBuf>,
}

/// Load and validate the plan of `source`. Fails only on operational problems
/// (the source cannot list its files); problems in the plan are diagnostics.
pub fn open(source: &dyn PlanSource) -> anyhow::Result<Loaded> {
    let mut sources = Sources::default();
    let mut diagnostics = Diagnostics::default();
    let mut inputs = Vec::new();
    let raw = crate::load::load(source, &mut sources, &mut diagnostics, &mut inputs)?;
    let plan = crate::validate::validate(raw, &sources, &mut diagnostics);
    Ok(Loaded {
        plan,
        sources,
        diagnostics,
        inputs,
    })
}

/// Load and validate the plan in directory `dir`.
pub fn open_dir(dir: &Path) -> anyhow::Result<Loaded> {
    open(&DirSource::new(dir)?)
}
