//! Source files of a plan: their text, and byte spans turned into line and column.
//!
//! Every location the tool reports (a TOML key, a YAML scalar, a CSV field) is a
//! [`Loc`]: a file id and a byte span into that file's text. Line and column are
//! computed only when a diagnostic is rendered.

use std::ops::Range;
use std::path::{Path, PathBuf};

/// Index of a file in [`Sources`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub usize);

/// A place in a source file: file and byte span.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Loc {
    pub file: FileId,
    pub span: Range<usize>,
}

impl Loc {
    pub fn new(file: FileId, span: Range<usize>) -> Self {
        Loc { file, span }
    }
}

/// One loaded file: its path relative to the plan directory and its text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path shown to the user (relative to the plan directory, `/`-separated).
    pub name: String,
    /// Full path on disk.
    pub path: PathBuf,
    pub text: String,
    /// Holds personal data (a staff roster or survey answers): diagnostics name
    /// the place but never print its text.
    pub personal: bool,
    /// Byte offsets where lines start, computed on first use: most files never
    /// need them (only a diagnostic does).
    line_starts: std::sync::OnceLock<Vec<usize>>,
    /// The text as excerpts show it (see [`SourceFile::shown`]), made on first use.
    shown: std::sync::OnceLock<Option<String>>,
}

impl SourceFile {
    pub fn new(name: String, path: PathBuf, text: String) -> Self {
        SourceFile {
            name,
            path,
            text,
            personal: false,
            line_starts: std::sync::OnceLock::new(),
            shown: std::sync::OnceLock::new(),
        }
    }

    /// The text as a terminal may show it: every control character (other
    /// than line ends and tabs) and bidirectional override replaced by as many
    /// `?` as it has bytes, so every span still points at the same place.
    pub fn shown(&self) -> &str {
        self.shown
            .get_or_init(|| {
                let unsafe_char = |c: char| c != '\r' && crate::diag::render::is_unsafe(c);
                self.text.chars().any(unsafe_char).then(|| {
                    self.text
                        .chars()
                        .map(|c| {
                            if unsafe_char(c) {
                                "?".repeat(c.len_utf8())
                            } else {
                                c.to_string()
                            }
                        })
                        .collect()
                })
            })
            .as_deref()
            .unwrap_or(&self.text)
    }

    /// Byte offsets where lines start (the first is 0).
    pub fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            let mut starts = vec![0];
            starts.extend(self.text.match_indices('\n').map(|(i, _)| i + 1));
            starts
        })
    }

    /// Mark the file as personal data.
    pub fn personal(mut self) -> Self {
        self.personal = true;
        self
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let starts = self.line_starts();
        let line = match starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = starts.get(line).copied().unwrap_or(0);
        let col = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line + 1, col + 1)
    }

    /// Byte offset where 1-based `line` starts (end of text when out of range).
    pub fn line_start(&self, line: usize) -> usize {
        line.checked_sub(1)
            .and_then(|l| self.line_starts().get(l).copied())
            .unwrap_or(self.text.len())
    }

    /// Clamp a span to the text and to character boundaries.
    pub fn clamp(&self, span: &Range<usize>) -> Range<usize> {
        let mut start = span.start.min(self.text.len());
        let mut end = span.end.clamp(start, self.text.len());
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        while !self.text.is_char_boundary(end) {
            end += 1;
        }
        start..end
    }
}

/// All files read for one plan, in load order.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        FileId(self.files.len() - 1)
    }

    pub fn get(&self, id: FileId) -> Option<&SourceFile> {
        self.files.get(id.0)
    }

    pub fn files(&self) -> &[SourceFile] {
        &self.files
    }

    /// Find a loaded file by its path on disk.
    pub fn find_path(&self, path: &Path) -> Option<FileId> {
        self.files.iter().position(|f| f.path == path).map(FileId)
    }
}

/// The plan's files as codespan-reporting's file database, without copying them.
impl<'a> codespan_reporting::files::Files<'a> for Sources {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<&'a str, codespan_reporting::files::Error> {
        self.files
            .get(id)
            .map(|f| f.name.as_str())
            .ok_or(codespan_reporting::files::Error::FileMissing)
    }

    fn source(&'a self, id: usize) -> Result<&'a str, codespan_reporting::files::Error> {
        self.files
            .get(id)
            .map(SourceFile::shown)
            .ok_or(codespan_reporting::files::Error::FileMissing)
    }

    fn line_index(
        &'a self,
        id: usize,
        byte_index: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        let starts = self
            .files
            .get(id)
            .ok_or(codespan_reporting::files::Error::FileMissing)?
            .line_starts();
        Ok(starts
            .binary_search(&byte_index)
            .unwrap_or_else(|next| next.saturating_sub(1)))
    }

    fn line_range(
        &'a self,
        id: usize,
        line_index: usize,
    ) -> Result<Range<usize>, codespan_reporting::files::Error> {
        use codespan_reporting::files::Error;
        let file = self.files.get(id).ok_or(Error::FileMissing)?;
        let starts = file.line_starts();
        let start_of = |i: usize| match i.cmp(&starts.len()) {
            std::cmp::Ordering::Less => Ok(starts[i]),
            std::cmp::Ordering::Equal => Ok(file.text.len()),
            std::cmp::Ordering::Greater => Err(Error::LineTooLarge {
                given: i,
                max: starts.len() - 1,
            }),
        };
        Ok(start_of(line_index)?..start_of(line_index + 1)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let f = SourceFile::new("a".into(), "a".into(), "ab\nø=1\n".into());
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(3), (2, 1));
        // 'ø' is two bytes; '=' is the second character of line 2.
        assert_eq!(f.line_col(5), (2, 2));
        assert_eq!(f.line_col(999), (3, 1));
    }

    #[test]
    fn clamp_keeps_char_boundaries() {
        let f = SourceFile::new("a".into(), "a".into(), "ø".into());
        assert_eq!(f.clamp(&(1..1)), 0..2);
        assert_eq!(f.clamp(&(5..9)), 2..2);
    }
}
