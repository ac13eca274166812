//! A plan as it was at a git revision, read from the object database.
//!
//! In: a plan directory inside a git work tree and a revision (`HEAD~1`,
//! `v2025`, a commit id). Out: a [`GitSource`] that hands out the files the
//! plan directory held in that revision's tree, exactly like a
//! [`super::DirSource`] hands out the files on disk. Nothing is checked out:
//! the work tree and the index are never read or written, only objects are
//! (with gix, a pure-Rust git implementation).
//!
//! Confinement is the same as on disk: only the plan directory's subtree is
//! listed, a path that leaves it is refused unread ([`ReadError::Outside`]),
//! and a symbolic link is followed only when it leads to a file inside the
//! subtree. Submodules are skipped. Blob sizes come from the object headers,
//! so a file larger than its limit is refused before it is read.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use gix::ObjectId;

use super::{normalise, plan_file_keys, PlanSource, ReadError};

/// How many links in a row are followed before giving up (as the system's
/// own limit on symbolic-link loops, in small).
const MAX_LINK_HOPS: usize = 8;

/// The plan directory of one git revision.
pub struct GitSource {
    /// The repository's git directory, opened again for each read: gix's
    /// repository handle is not `Sync` without its `parallel` feature, and a
    /// plan reads a handful of files.
    git_dir: PathBuf,
    /// `REV:path/of/plan` (git's notation), shown before each file name.
    name: String,
    /// Plan-relative path → the blob it reads (after following links), or
    /// `None` when it is a link that leads out of the plan.
    files: BTreeMap<String, Option<(ObjectId, u64)>>,
}

impl std::fmt::Debug for GitSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GitSource")
            .field("name", &self.name)
            .field("files", &self.files.len())
            .finish()
    }
}

impl GitSource {
    /// The plan directory `dir` (which must lie in a git work tree) as it is
    /// in revision `rev`. Fails when there is no repository, `rev` names no
    /// commit, or the commit has no such directory.
    pub fn open(dir: &Path, rev: &str) -> anyhow::Result<Self> {
        let repo = gix::discover(dir)
            .with_context(|| format!("{} is not inside a git repository", dir.display()))?;
        let rel = plan_path_in_repo(&repo, dir)?;
        let id = repo
            .rev_parse_single(rev)
            .with_context(|| format!("`{rev}` is not a revision of the repository"))?;
        let commit = id
            .object()
            .map_err(anyhow::Error::from)
            .and_then(|o| Ok(o.peel_to_commit()?))
            .with_context(|| format!("revision `{rev}` is not a commit"))?;
        let root = commit
            .tree()
            .with_context(|| format!("cannot read the tree of `{rev}`"))?;
        let rel_text = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let tree = if rel_text.is_empty() {
            root
        } else {
            let entry = root
                .lookup_entry_by_path(&rel)
                .with_context(|| format!("cannot read the tree of `{rev}`"))?;
            match entry {
                Some(e) if e.mode().is_tree() => e
                    .object()
                    .map_err(anyhow::Error::from)
                    .and_then(|o| Ok(o.peel_to_tree()?))
                    .with_context(|| format!("cannot read `{rev}:{rel_text}`"))?,
                _ => bail!("revision `{rev}` has no directory `{rel_text}`"),
            }
        };
        let mut rec = gix::traverse::tree::Recorder::default();
        tree.traverse()
            .breadthfirst(&mut rec)
            .with_context(|| format!("cannot read the tree of `{rev}:{rel_text}`"))?;
        let mut blobs: BTreeMap<String, ObjectId> = BTreeMap::new();
        let mut links: BTreeMap<String, ObjectId> = BTreeMap::new();
        for e in rec.records {
            let Ok(path) = String::from_utf8(e.filepath.to_vec()) else {
                continue; // a name that is not UTF-8 cannot be named by a plan
            };
            if e.mode.is_link() {
                links.insert(path, e.oid);
            } else if e.mode.is_blob() {
                blobs.insert(path, e.oid);
            }
        }
        let mut files = BTreeMap::new();
        for (path, oid) in &blobs {
            let size = repo
                .find_header(*oid)
                .with_context(|| format!("cannot read `{rev}:{rel_text}/{path}`"))?
                .size();
            files.insert(path.clone(), Some((*oid, size)));
        }
        for path in links.keys() {
            let target = follow(&repo, path, &blobs, &links);
            let resolved = match target {
                Some(t) => files.get(&t).cloned().flatten(),
                None => None,
            };
            files.insert(path.clone(), resolved);
        }
        let name = if rel_text.is_empty() {
            format!("{rev}:")
        } else {
            format!("{rev}:{rel_text}")
        };
        Ok(GitSource {
            git_dir: repo.path().to_path_buf(),
            name,
            files,
        })
    }
}

/// The plan directory's path relative to the root of the work tree.
fn plan_path_in_repo(repo: &gix::Repository, dir: &Path) -> anyhow::Result<PathBuf> {
    let Some(work) = repo.workdir() else {
        bail!(
            "the repository of {} has no work tree (a bare repository)",
            dir.display()
        );
    };
    let work = std::fs::canonicalize(work)
        .with_context(|| format!("cannot resolve {}", work.display()))?;
    let here = std::fs::canonicalize(dir)
        .with_context(|| format!("plan directory {} does not exist", dir.display()))?;
    match here.strip_prefix(&work) {
        Ok(rel) => Ok(rel.to_path_buf()),
        Err(_) => bail!(
            "{} is not inside the work tree {}",
            dir.display(),
            work.display()
        ),
    }
}

/// Where the link at `path` finally leads, plan-relative, when every hop stays
/// inside the plan and ends at a file.
fn follow(
    repo: &gix::Repository,
    path: &str,
    blobs: &BTreeMap<String, ObjectId>,
    links: &BTreeMap<String, ObjectId>,
) -> Option<String> {
    let mut at = path.to_string();
    for _ in 0..MAX_LINK_HOPS {
        if blobs.contains_key(&at) {
            return Some(at);
        }
        let oid = links.get(&at)?;
        let target = repo.find_object(*oid).ok()?.detach().data;
        let target = String::from_utf8(target).ok()?;
        let dir = Path::new(&at).parent().unwrap_or(Path::new(""));
        at = normalise(&dir.join(target))?;
    }
    None
}

/// `a/./b/../c` → `a/c`, or `None` when the path is absolute or climbs out.
impl PlanSource for GitSource {
    fn plan_files(&self) -> anyhow::Result<Vec<String>> {
        Ok(plan_file_keys(self.files.keys()))
    }

    fn read(&self, rel: &str, max_bytes: u64) -> Result<Vec<u8>, ReadError> {
        let key = normalise(Path::new(rel)).ok_or(ReadError::Outside)?;
        let (oid, size) = match self.files.get(&key) {
            None => return Err(ReadError::NotFound),
            Some(None) => return Err(ReadError::Outside),
            Some(Some(blob)) => *blob,
        };
        if size > max_bytes {
            return Err(ReadError::TooLarge(size));
        }
        let io = |e: String| ReadError::Io(std::io::Error::other(e));
        let repo = gix::open(&self.git_dir).map_err(|e| io(e.to_string()))?;
        let object = repo.find_object(oid).map_err(|e| io(e.to_string()))?;
        Ok(object.detach().data)
    }

    fn display_name(&self, rel: &str) -> String {
        if self.name.ends_with(':') {
            format!("{}{rel}", self.name)
        } else {
            format!("{}/{rel}", self.name)
        }
    }

    fn disk_path(&self, _rel: &str) -> Option<PathBuf> {
        None
    }
}
