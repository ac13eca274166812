//! Writing output files safely: atomically (temporary file in the same directory,
//! then rename), and never over a file the plan reads as input.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};

/// Write `contents` to `path` atomically. A reader sees the old file or the new
/// one, never half of it. Parent directories are created.
pub fn atomic_write(path: &Path, contents: &[u8]) -> anyhow::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir)
        .with_context(|| format!("cannot create directory {}", dir.display()))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".plan-tmp-")
        .tempfile_in(&dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    tmp.write_all(contents)
        .and_then(|()| tmp.flush())
        .with_context(|| format!("cannot write {}", path.display()))?;
    set_permissions(tmp.as_file(), path)
        .with_context(|| format!("cannot set permissions of {}", path.display()))?;
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// The temporary file is private (0600); give the result the permissions of the
/// file it replaces, or those of an ordinary document (0644) when it is new.
#[cfg(unix)]
fn set_permissions(file: &std::fs::File, target: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let perms = match std::fs::metadata(target) {
        Ok(m) => m.permissions(),
        Err(_) => std::fs::Permissions::from_mode(0o644),
    };
    file.set_permissions(perms)
}

#[cfg(not(unix))]
fn set_permissions(_file: &std::fs::File, _target: &Path) -> std::io::Result<()> {
    Ok(())
}

/// Write a new file, refusing to replace one that exists (used by `plan init`).
pub fn write_new(path: &Path, contents: &[u8]) -> anyhow::Result<()> {
    if path.exists() {
        bail!(
            "{} already exists; refusing to overwrite it (choose an empty directory)",
            path.display()
        );
    }
    atomic_write(path, contents)
}

/// Refuse to write to `target` when it is one of the plan's input files.
pub fn ensure_not_input(target: &Path, inputs: &[PathBuf]) -> anyhow::Result<()> {
    let canon = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    let t = match (target.parent(), target.file_name()) {
        (Some(parent), Some(name)) if !parent.as_os_str().is_empty() => canon(parent).join(name),
        _ => canon(target),
    };
    if inputs.iter().any(|i| canon(i) == t) {
        bail!(
            "refusing to write {}: it is an input file of the plan",
            target.display()
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_and_write_new_refuses() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub/a.txt");
        atomic_write(&p, b"one").unwrap();
        atomic_write(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o644, "a new file is readable like any document");
        }
        let err = write_new(&p, b"three").unwrap_err();
        assert!(err.to_string().contains("refusing to overwrite"));
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        // no temporary files left behind
        let names: Vec<_> = std::fs::read_dir(dir.path().join("sub")).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn inputs_are_protected() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("staff.csv");
        std::fs::write(&input, "x").unwrap();
        let err = ensure_not_input(
            &dir.path().join("./staff.csv"),
            std::slice::from_ref(&input),
        )
        .unwrap_err();
        assert!(err.to_string().contains("input file"));
        ensure_not_input(&dir.path().join("out.csv"), &[input]).unwrap();
    }
}
