//! Writing output files safely: atomically (temporary file in the same directory,
//! flushed to disk, then renamed), all of a command's files or none, and never
//! over a file the plan reads as input.
//!
//! In: paths and bytes. Out: the files, complete. A reader sees the old file or
//! the new one, never half of it; when one file of a [`Batch`] cannot be
//! written, none is renamed into place and every temporary is removed. A
//! process killed mid-write leaves a temporary behind (nothing can prevent
//! that), named for its process, and the next write into the same directory
//! removes it once that process is gone.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};

/// The start of every temporary file's name; the process id follows.
const TMP_PREFIX: &str = ".plan-tmp-";

/// Write `contents` to `path` atomically. Parent directories are created.
pub fn atomic_write(path: &Path, contents: &[u8]) -> anyhow::Result<()> {
    let mut batch = Batch::default();
    batch.add(path, contents.to_vec());
    batch.commit()
}

/// Files to write together: all of them, or none.
#[derive(Debug, Default)]
pub struct Batch {
    files: Vec<(PathBuf, Vec<u8>)>,
}

impl Batch {
    /// Add a file to write.
    pub fn add(&mut self, path: &Path, contents: Vec<u8>) {
        self.files.push((path.to_path_buf(), contents));
    }

    /// The paths to be written, in order.
    pub fn paths(&self) -> impl Iterator<Item = &Path> {
        self.files.iter().map(|(p, _)| p.as_path())
    }

    /// Write every file to a temporary beside its target and flush it to disk;
    /// only when all are written, rename each into place. On an error before
    /// the renames, every temporary is removed and no target is touched.
    pub fn commit(self) -> anyhow::Result<()> {
        let mut staged = Vec::with_capacity(self.files.len());
        for (path, contents) in &self.files {
            staged.push((stage(path, contents)?, path));
        }
        for (tmp, path) in staged {
            tmp.persist(path)
                .map_err(|e| e.error)
                .with_context(|| format!("cannot write {}", path.display()))?;
            sync_dir(path);
        }
        Ok(())
    }
}

/// The directory a file is written into (`.` for a bare file name).
fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Write `contents` to a new temporary file beside `path`, flushed to disk.
fn stage(path: &Path, contents: &[u8]) -> anyhow::Result<tempfile::NamedTempFile> {
    if path.as_os_str().to_string_lossy().ends_with('/') || path.is_dir() {
        bail!(
            "{} is a directory; give the path of a file to write",
            path.display()
        );
    }
    let dir = parent_dir(path);
    std::fs::create_dir_all(&dir)
        .with_context(|| format!("cannot create directory {}", dir.display()))?;
    remove_stale_temporaries(&dir);
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!("{TMP_PREFIX}{}-", std::process::id()))
        .tempfile_in(&dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    tmp.write_all(contents)
        .and_then(|()| tmp.flush())
        .and_then(|()| tmp.as_file().sync_all())
        .with_context(|| format!("cannot write {}", path.display()))?;
    set_permissions(tmp.as_file(), path)
        .with_context(|| format!("cannot set permissions of {}", path.display()))?;
    Ok(tmp)
}

/// Flush a directory entry to disk after a rename (best effort: not every
/// platform or file system can).
fn sync_dir(path: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(parent_dir(path)) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// Remove temporaries that killed runs of `plan` left in `dir`: those whose
/// process no longer exists (checked where the system tells, on Linux).
fn remove_stale_temporaries(dir: &Path) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix(TMP_PREFIX)) else {
            continue;
        };
        let Some(pid) = rest.split('-').next().and_then(|p| p.parse::<u32>().ok()) else {
            continue;
        };
        let alive = Path::new("/proc").join(pid.to_string()).exists();
        if !alive && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
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
    fn a_batch_writes_all_or_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.md");
        std::fs::write(&a, "old").unwrap();
        std::fs::create_dir(dir.path().join("taken")).unwrap();
        let mut batch = Batch::default();
        batch.add(&a, b"new".to_vec());
        batch.add(&dir.path().join("fig/b.svg"), b"<svg/>".to_vec());
        batch.add(&dir.path().join("taken"), b"x".to_vec()); // a directory: fails
        let err = batch.commit().unwrap_err();
        assert!(err.to_string().contains("is a directory"), "{err}");
        assert_eq!(std::fs::read(&a).unwrap(), b"old", "nothing was replaced");
        assert!(!dir.path().join("fig/b.svg").exists());
        let left: Vec<String> = walkdir::WalkDir::new(dir.path())
            .into_iter()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(TMP_PREFIX))
            .collect();
        assert!(left.is_empty(), "temporaries removed: {left:?}");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn temporaries_of_dead_runs_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        // pid 2^22 + 1 is above Linux's largest pid: never alive
        let stale = dir.path().join(format!("{TMP_PREFIX}4194305-abc"));
        let ours = dir
            .path()
            .join(format!("{TMP_PREFIX}{}-abc", std::process::id()));
        std::fs::write(&stale, "half").unwrap();
        std::fs::write(&ours, "in use").unwrap();
        atomic_write(&dir.path().join("out.md"), b"x").unwrap();
        assert!(!stale.exists());
        assert!(ours.exists(), "a live process's temporary is left alone");
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
