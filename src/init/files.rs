//! The files a new plan consists of, and writing them safely.
//!
//! In: a list of (relative path, contents). Out: the files on disk, written
//! only after every target path has been checked, so `plan init` either writes
//! everything or nothing and never replaces an existing file.

use std::path::{Path, PathBuf};

use anyhow::bail;

use crate::schema::{plan_file_schema, PLAN_FILE_SCHEMA};
use crate::write::write_new;

/// Hidden directory of a new plan that holds the JSON Schema the files point at
/// (the loader skips hidden directories).
pub const SCHEMA_DIR: &str = ".schemas";

/// One file of a new plan: its path relative to the plan directory (always with
/// `/` separators) and its contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutFile {
    pub path: String,
    pub contents: Vec<u8>,
}

impl OutFile {
    pub fn new(path: impl Into<String>, contents: impl Into<Vec<u8>>) -> Self {
        OutFile {
            path: path.into(),
            contents: contents.into(),
        }
    }

    /// The plan-file schema, so a new plan is self-contained for editors.
    pub(crate) fn schema() -> Self {
        OutFile::new(
            format!("{SCHEMA_DIR}/{PLAN_FILE_SCHEMA}"),
            plan_file_schema(),
        )
    }
}

/// Relative reference from the file at `rel_path` to the plan-file schema.
fn schema_ref(rel_path: &str) -> String {
    let depth = rel_path.matches('/').count();
    let up = if depth == 0 {
        "./".to_string()
    } else {
        "../".repeat(depth)
    };
    format!("{up}{SCHEMA_DIR}/{PLAN_FILE_SCHEMA}")
}

/// First line of a TOML plan file: taplo's schema directive.
pub(crate) fn toml_directive(rel_path: &str) -> String {
    format!("#:schema {}\n", schema_ref(rel_path))
}

/// First line of a YAML plan file: the yaml-language-server modeline.
pub(crate) fn yaml_modeline(rel_path: &str) -> String {
    format!("# yaml-language-server: $schema={}\n", schema_ref(rel_path))
}

/// Write every file below `dir`. Nothing is written when any target exists.
/// Returns the paths written, in the order given.
pub fn write_all(dir: &Path, files: &[OutFile]) -> anyhow::Result<Vec<PathBuf>> {
    let targets: Vec<PathBuf> = files.iter().map(|f| dir.join(&f.path)).collect();
    let existing: Vec<String> = targets
        .iter()
        .filter(|p| p.exists())
        .map(|p| p.display().to_string())
        .collect();
    if let Some(first) = existing.first() {
        let more = match existing.len() {
            1 => String::new(),
            n => format!(" and {} more of the plan's files", n - 1),
        };
        bail!(
            "{first}{more} already exist; refusing to overwrite, nothing was written (choose a new or empty directory)"
        );
    }
    for (file, path) in files.iter().zip(&targets) {
        write_new(path, &file.contents)?;
    }
    Ok(targets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directives_point_at_the_schema_from_any_depth() {
        assert_eq!(
            toml_directive("plan.toml"),
            "#:schema ./.schemas/plan-file.schema.json\n"
        );
        assert_eq!(
            yaml_modeline("requirements/a.yaml"),
            "# yaml-language-server: $schema=../.schemas/plan-file.schema.json\n"
        );
    }

    #[test]
    fn nothing_is_written_when_one_target_exists() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("b.toml"), "keep").unwrap();
        let files = [OutFile::new("a.toml", "a"), OutFile::new("b.toml", "b")];
        let err = write_all(dir.path(), &files).unwrap_err();
        assert!(err.to_string().contains("b.toml"), "{err}");
        assert!(!dir.path().join("a.toml").exists());
        assert_eq!(
            std::fs::read_to_string(dir.path().join("b.toml")).unwrap(),
            "keep"
        );
    }
}
