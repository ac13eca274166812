//! Where a plan's files come from: a directory, a plan in memory, or a git
//! revision ([`GitSource`]).
//!
//! In: a place that holds a plan. Out: the plan files (TOML/YAML) as
//! plan-relative paths in sorted order, the bytes of any file by its
//! plan-relative path, the name a diagnostic shows for it, and — when the file
//! is on disk — its path, so that no output is ever written over it.
//! Nothing else in the tool asks the file system for a plan's files: the
//! loader only sees what a [`PlanSource`] hands it.

mod git;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use git::GitSource;

use anyhow::{bail, Context};

/// Why a file could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// There is no file at that path (or it is not a regular file).
    NotFound,
    /// The path leads outside the plan (an absolute path, `..` out of the
    /// directory, or a symbolic link that leads out): refused unread.
    Outside,
    /// The file is larger than the limit for its kind (bytes): not read.
    TooLarge(u64),
    /// It exists but could not be read.
    Io(std::io::Error),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::NotFound => f.write_str("no such file"),
            ReadError::Outside => f.write_str("the path leads outside the plan directory"),
            ReadError::TooLarge(n) => write!(f, "the file has {n} bytes, more than a plan reads"),
            ReadError::Io(e) => e.fmt(f),
        }
    }
}

/// The largest plan file (TOML/YAML) read: plan files are a few kilobytes.
pub const MAX_PLAN_FILE: u64 = 16 << 20;
/// The largest data file read: a national survey is about 130 MB; memory
/// stays within about six times the data read (docs/benchmarks.md).
pub const MAX_DATA_FILE: u64 = 1 << 30;

/// A plan's files, wherever they are kept.
pub trait PlanSource: Sync {
    /// Every plan file (`*.toml`, `*.yaml`, `*.yml`), plan-relative and
    /// `/`-separated, in sorted order (which fixes the order of everything read).
    fn plan_files(&self) -> anyhow::Result<Vec<String>>;
    /// The bytes of the file at a plan-relative path, when it has at most
    /// `max_bytes` bytes.
    fn read(&self, rel: &str, max_bytes: u64) -> Result<Vec<u8>, ReadError>;
    /// The name a diagnostic shows for the file.
    fn display_name(&self, rel: &str) -> String;
    /// The file on disk, when the source is a directory.
    fn disk_path(&self, rel: &str) -> Option<PathBuf>;
}

/// A plan directory on disk. Every `*.toml`, `*.yaml`, `*.yml` below it is a
/// plan file (hidden files and directories and `target/` are skipped);
/// data files are read by the path `[data]` gives, relative to the directory.
///
/// A plan may come from a pull request, so it is confined to its directory:
/// a path that is absolute, climbs out with `..`, or passes through a
/// symbolic link that leads out is refused unread ([`ReadError::Outside`]),
/// and only regular files are read (no device, FIFO or socket). Symbolic
/// links that stay inside are followed, for plan files and data files alike
/// (directories are not followed while searching for plan files).
#[derive(Debug, Clone)]
pub struct DirSource {
    dir: PathBuf,
    /// The directory with every link resolved, when paths are confined to it.
    confined_to: Option<PathBuf>,
}

impl DirSource {
    /// The plan in `dir`; fails when `dir` is not a directory.
    pub fn new(dir: &Path) -> anyhow::Result<Self> {
        if !dir.is_dir() {
            bail!(
                "plan directory {} does not exist or is not a directory",
                dir.display()
            );
        }
        let real = std::fs::canonicalize(dir)
            .with_context(|| format!("cannot resolve the plan directory {}", dir.display()))?;
        Ok(DirSource {
            dir: dir.to_path_buf(),
            confined_to: Some(real),
        })
    }

    /// Files named by the user on the command line, relative to `dir`, not
    /// confined to it (`plan import` reads one export the user names).
    pub fn files_in(dir: &Path) -> Self {
        DirSource {
            dir: dir.to_path_buf(),
            confined_to: None,
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

fn is_plan_file(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("toml" | "yaml" | "yml")
    )
}

/// `/`-separated text of a relative path.
fn slashed(rel: &Path) -> String {
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

impl PlanSource for DirSource {
    fn plan_files(&self) -> anyhow::Result<Vec<String>> {
        let mut files = Vec::new();
        let walker = walkdir::WalkDir::new(&self.dir)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                // Hidden files and directories (editor backups, .git) and target/.
                e.depth() == 0
                    || !e.file_name().to_str().is_some_and(|n| {
                        n.starts_with('.') || (n == "target" && e.file_type().is_dir())
                    })
            });
        for entry in walker {
            let entry =
                entry.with_context(|| format!("cannot read directory {}", self.dir.display()))?;
            // links are listed too: reading one checks where it leads
            let kind = entry.file_type();
            if (kind.is_file() || kind.is_symlink()) && is_plan_file(entry.path()) {
                let rel = entry.path().strip_prefix(&self.dir).unwrap_or(entry.path());
                files.push(slashed(rel));
            }
        }
        Ok(files)
    }

    fn read(&self, rel: &str, max_bytes: u64) -> Result<Vec<u8>, ReadError> {
        let path = self.dir.join(rel);
        if let Some(root) = &self.confined_to {
            // by the words first, so that nothing outside is even looked at
            if !stays_inside(Path::new(rel)) {
                return Err(ReadError::Outside);
            }
            match std::fs::canonicalize(&path) {
                Ok(real) if !real.starts_with(root) => return Err(ReadError::Outside),
                Ok(_) => {}
                Err(_) => return Err(ReadError::NotFound),
            }
        }
        // a regular file, not a device, FIFO or socket (which could block or
        // never end)
        let meta = match std::fs::metadata(&path) {
            Ok(m) if m.is_file() => m,
            _ => return Err(ReadError::NotFound),
        };
        if meta.len() > max_bytes {
            return Err(ReadError::TooLarge(meta.len()));
        }
        // read at most one byte more than allowed, in case the file grows
        let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
        let file = std::fs::File::open(&path).map_err(ReadError::Io)?;
        std::io::Read::read_to_end(
            &mut std::io::Read::take(file, max_bytes.saturating_add(1)),
            &mut bytes,
        )
        .map_err(ReadError::Io)?;
        if bytes.len() as u64 > max_bytes {
            return Err(ReadError::TooLarge(bytes.len() as u64));
        }
        Ok(bytes)
    }

    /// The directory as the user gave it joined with the file's relative path.
    fn display_name(&self, rel: &str) -> String {
        let path = self.dir.join(rel);
        let rel = slashed(path.strip_prefix(&self.dir).unwrap_or(&path));
        let d = self.dir.to_string_lossy();
        if d == "." || d.is_empty() {
            rel
        } else {
            format!("{}/{rel}", d.trim_end_matches('/'))
        }
    }

    fn disk_path(&self, rel: &str) -> Option<PathBuf> {
        Some(self.dir.join(rel))
    }
}

/// A plan held in memory: plan-relative paths and their bytes. Tests and the
/// fuzz harness build plans this way; a git revision is read into one.
#[derive(Debug, Clone, Default)]
pub struct MemSource {
    /// The name diagnostics show before each path.
    name: String,
    files: BTreeMap<String, Vec<u8>>,
}

impl MemSource {
    /// An empty plan shown as `name` (e.g. `HEAD~1:plan`).
    pub fn new(name: &str) -> Self {
        MemSource {
            name: name.trim_end_matches('/').to_string(),
            files: BTreeMap::new(),
        }
    }

    /// Every file below `dir` (hidden ones too), read into memory.
    pub fn from_dir(dir: &Path) -> anyhow::Result<Self> {
        let mut mem = MemSource::new(&dir.to_string_lossy());
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let entry = entry.with_context(|| format!("cannot read {}", dir.display()))?;
            if entry.file_type().is_file() {
                let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
                let bytes = std::fs::read(entry.path())
                    .with_context(|| format!("cannot read {}", entry.path().display()))?;
                mem.insert(&slashed(rel), bytes);
            }
        }
        Ok(mem)
    }

    /// Add or replace the file at `rel` (`/`-separated).
    pub fn insert(&mut self, rel: &str, bytes: Vec<u8>) {
        self.files.insert(rel.to_string(), bytes);
    }

    /// The file at `rel`, if any.
    pub fn get(&self, rel: &str) -> Option<&[u8]> {
        self.files.get(rel).map(Vec::as_slice)
    }

    /// Every file, in path order.
    pub fn files(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.files.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }
}

/// The plan files among a tree's `/`-separated paths (sorted, as the keys
/// are): by extension, hidden paths and `target/` left out, as for a directory.
fn plan_file_keys<'a>(keys: impl Iterator<Item = &'a String>) -> Vec<String> {
    keys.filter(|rel| {
        is_plan_file(Path::new(rel))
            && !rel
                .split('/')
                .any(|part| part.starts_with('.') || part == "target")
    })
    .cloned()
    .collect()
}

/// A relative path in the `/`-separated form of a tree's keys (`a/./b/../c`
/// is `a/c`), or `None` when it leads out of the tree.
fn normalise(rel: &Path) -> Option<String> {
    use std::path::Component;
    if !stays_inside(rel) {
        return None;
    }
    let mut parts: Vec<String> = Vec::new();
    for c in rel.components() {
        match c {
            Component::Normal(p) => parts.push(p.to_string_lossy().into_owned()),
            Component::ParentDir => {
                parts.pop();
            }
            _ => {}
        }
    }
    Some(parts.join("/"))
}

impl PlanSource for MemSource {
    fn plan_files(&self) -> anyhow::Result<Vec<String>> {
        Ok(plan_file_keys(self.files.keys()))
    }

    fn read(&self, rel: &str, max_bytes: u64) -> Result<Vec<u8>, ReadError> {
        let key = normalise(Path::new(rel)).ok_or(ReadError::Outside)?;
        let bytes = self.files.get(&key).ok_or(ReadError::NotFound)?;
        if bytes.len() as u64 > max_bytes {
            return Err(ReadError::TooLarge(bytes.len() as u64));
        }
        Ok(bytes.clone())
    }

    fn display_name(&self, rel: &str) -> String {
        if self.name.is_empty() || self.name == "." {
            rel.to_string()
        } else {
            format!("{}/{rel}", self.name)
        }
    }

    fn disk_path(&self, _rel: &str) -> Option<PathBuf> {
        None
    }
}

/// Whether a relative path stays inside its directory by its words alone: not
/// absolute, and never more `..` than names before it.
fn stays_inside(rel: &Path) -> bool {
    use std::path::Component;
    let mut depth = 0usize;
    for c in rel.components() {
        match c {
            Component::Normal(_) => depth += 1,
            Component::CurDir => {}
            Component::ParentDir => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return false,
            },
            Component::RootDir | Component::Prefix(_) => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_outside_the_plan_are_refused() {
        let outer = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let plan = outer.path().join("plan");
        std::fs::create_dir_all(plan.join("data")).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(outer.path().join("secret.csv"), "x").unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(plan.join("data/staff.csv"), "ok").unwrap_or_else(|e| panic!("{e}"));
        let src = DirSource::new(&plan).unwrap_or_else(|e| panic!("{e}"));
        let outside = |rel: &str| matches!(src.read(rel, 99), Err(ReadError::Outside));
        assert!(outside("../secret.csv"));
        assert!(outside("data/../../secret.csv"));
        assert!(outside("/proc/self/environ"));
        assert!(outside(&outer.path().join("secret.csv").to_string_lossy()));
        assert_eq!(
            src.read("data/../data/staff.csv", 99).ok(),
            Some(b"ok".to_vec())
        );
        #[cfg(unix)]
        {
            let link = |target: &Path, name: &str| {
                std::os::unix::fs::symlink(target, plan.join(name))
                    .unwrap_or_else(|e| panic!("{e}"));
            };
            link(&outer.path().join("secret.csv"), "out.csv");
            link(&plan.join("data/staff.csv"), "in.csv");
            link(Path::new("/dev/zero"), "zero.csv");
            assert!(outside("out.csv"), "a link that leads out");
            assert!(outside("zero.csv"), "a device outside");
            assert_eq!(src.read("in.csv", 99).ok(), Some(b"ok".to_vec()));
            assert!(matches!(src.read("in.csv", 1), Err(ReadError::TooLarge(2))));
            // the user's own command line is not confined
            let here = DirSource::files_in(&plan);
            assert_eq!(here.read("out.csv", 99).ok(), Some(b"x".to_vec()));
            // but never a device
            assert!(matches!(
                here.read("zero.csv", 99),
                Err(ReadError::NotFound)
            ));
        }
    }

    #[test]
    fn plan_files_are_sorted_and_hidden_ones_skipped() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let root = dir.path();
        for f in [
            "b.toml",
            "a/c.yaml",
            ".hidden/x.toml",
            "target/y.toml",
            "d.csv",
            "e.yml",
        ] {
            let p = root.join(f);
            std::fs::create_dir_all(p.parent().unwrap_or(root)).unwrap_or_else(|e| panic!("{e}"));
            std::fs::write(&p, "").unwrap_or_else(|e| panic!("{e}"));
        }
        let src = DirSource::new(root).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            src.plan_files().unwrap_or_else(|e| panic!("{e}")),
            ["a/c.yaml", "b.toml", "e.yml"]
        );
        assert!(matches!(
            src.read("missing.csv", 99),
            Err(ReadError::NotFound)
        ));
        assert!(
            matches!(src.read("a", 99), Err(ReadError::NotFound)),
            "a directory is not a file"
        );
        assert_eq!(
            src.read("d.csv", 99).map_err(|e| e.to_string()),
            Ok(Vec::new())
        );
    }

    #[test]
    fn a_plan_in_memory_loads_like_the_same_plan_on_disk() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/mini");
        let mem = MemSource::from_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
        let disk = DirSource::new(&dir).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            mem.plan_files().ok(),
            disk.plan_files().ok(),
            "the same plan files in the same order"
        );
        assert_eq!(
            mem.read("data/../data/staff.csv", u64::MAX).ok(),
            disk.read("data/staff.csv", u64::MAX).ok()
        );
        assert!(matches!(mem.read("../x", 9), Err(ReadError::Outside)));
        assert!(matches!(
            mem.read("/etc/passwd", 9),
            Err(ReadError::Outside)
        ));
        let a = crate::pipeline::open(&mem).unwrap_or_else(|e| panic!("{e}"));
        let b = crate::pipeline::open(&disk).unwrap_or_else(|e| panic!("{e}"));
        assert!(a.plan.is_some() && b.plan.is_some());
        assert_eq!(a.diagnostics.finish().len(), b.diagnostics.finish().len());
        assert!(
            a.inputs.is_empty(),
            "nothing in memory is a file to protect"
        );
    }

    #[test]
    fn display_names_keep_the_directory_as_given() {
        let src = DirSource::files_in(Path::new("plan/"));
        assert_eq!(src.display_name("data/staff.csv"), "plan/data/staff.csv");
        let here = DirSource::files_in(Path::new("."));
        assert_eq!(here.display_name("plan.toml"), "plan.toml");
    }
}
