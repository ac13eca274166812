//! Excel and OpenDocument workbooks as data files: advisers keep rosters and
//! survey answers in Excel, so `.xlsx`, `.xlsm`, `.xls` and `.ods` are read
//! wherever a CSV is, through the same mappings and checks.
//!
//! In: a data file's bytes and the sheet to read (`sheet = "…"` in the data
//! table; the first sheet by default). Out: the sheet as CSV text — one line
//! per row of the sheet's used range, cells as the sheet shows their values
//! (whole numbers without a decimal part) — which the one CSV reader then
//! reads like any export, so a workbook and its CSV twin give the same plan.
//! Bytes that are neither text nor a workbook are named for what they look
//! like (a PDF, an image, a ZIP archive …), never shown.
//!
//! A workbook is a ZIP archive (or an OLE file for `.xls`) from an untrusted
//! plan: its entries' sizes are checked before anything is decompressed, so a
//! "ZIP bomb" is refused instead of filling memory.

use std::io::Cursor;

use calamine::{Data, Reader};

/// What a data file's first bytes say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text: read as CSV.
    Text,
    /// A workbook (ZIP: xlsx, xlsm, ods; OLE: xls).
    Workbook,
    /// Something else, described for the user.
    Other(&'static str),
}

/// The most bytes a workbook's entries may expand to, in all.
const MAX_EXPANDED: u64 = 2 << 30;

/// What `bytes` are, from their first bytes and the file's name.
pub fn sniff(name: &str, bytes: &[u8]) -> Kind {
    let lower = name.to_ascii_lowercase();
    let workbook_name = [".xlsx", ".xlsm", ".xls", ".ods", ".xlsb"]
        .iter()
        .any(|e| lower.ends_with(e));
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if starts(b"PK\x03\x04") || starts(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Kind::Workbook;
    }
    let other = [
        (&b"%PDF"[..], "a PDF document"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"7z\xBC\xAF", "a 7-Zip archive"),
        (b"Rar!", "a RAR archive"),
        (b"{\\rtf", "an RTF document"),
    ];
    if let Some((_, what)) = other.iter().find(|(m, _)| starts(m)) {
        return Kind::Other(what);
    }
    if workbook_name {
        return Kind::Other("a file named like a workbook that is not one");
    }
    // text has no NUL bytes (UTF-16 exports do: say so)
    let head = &bytes[..bytes.len().min(8192)];
    if starts(b"\xFF\xFE") || starts(b"\xFE\xFF") {
        return Kind::Other("UTF-16 text (save it as UTF-8 or «CSV UTF-8»)");
    }
    if head.contains(&0) {
        return Kind::Other("binary data, not text");
    }
    Kind::Text
}

/// Why a workbook could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkbookError {
    /// Not a workbook calamine can read, or damaged.
    Unreadable(String),
    /// The named sheet is not there; the sheets there are listed.
    NoSheet { wanted: String, sheets: Vec<String> },
    /// The archive would expand beyond the limit.
    TooLarge,
}

/// Refuse a ZIP whose entries would expand beyond [`MAX_EXPANDED`].
fn check_zip_sizes(bytes: &[u8]) -> Result<(), WorkbookError> {
    if !bytes.starts_with(b"PK") {
        return Ok(()); // OLE (xls): read in place, sizes bounded by the file
    }
    let archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| WorkbookError::Unreadable(e.to_string()))?;
    let total: u64 = archive
        .decompressed_size()
        .map_or(u64::MAX, |n| u64::try_from(n).unwrap_or(u64::MAX));
    if total > MAX_EXPANDED {
        return Err(WorkbookError::TooLarge);
    }
    Ok(())
}

/// A cell as text, the way the sheet shows it.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => format!("{f}"),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => {
            let v = d.as_f64();
            if v.fract() == 0.0 {
                format!("{}", v as i64)
            } else {
                format!("{v}")
            }
        }
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// The sheet (`sheet`, or the first) of a workbook as CSV text.
pub fn to_csv(bytes: Vec<u8>, sheet: Option<&str>) -> Result<String, WorkbookError> {
    check_zip_sizes(&bytes)?;
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| WorkbookError::Unreadable(e.to_string()))?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(s) if names.iter().any(|n| n == s) => s.to_string(),
        Some(s) => {
            return Err(WorkbookError::NoSheet {
                wanted: s.to_string(),
                sheets: names,
            })
        }
        None => names
            .first()
            .cloned()
            .ok_or_else(|| WorkbookError::Unreadable("the workbook has no sheet".into()))?,
    };
    let range = book
        .worksheet_range(&name)
        .map_err(|e| WorkbookError::Unreadable(e.to_string()))?;
    let mut out = String::new();
    for row in range.rows() {
        for (i, cell) in row.iter().enumerate() {
            super::csv_write::field(&mut out, &cell_text(cell), i == 0);
        }
        out.push('\n');
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_bytes_say_what_a_file_is() {
        assert_eq!(sniff("staff.csv", b"id,unit\n"), Kind::Text);
        assert_eq!(sniff("staff.xlsx", b"PK\x03\x04rest"), Kind::Workbook);
        assert_eq!(
            sniff("staff.csv", b"%PDF-1.7"),
            Kind::Other("a PDF document")
        );
        assert!(matches!(sniff("staff.xlsx", b"id,unit"), Kind::Other(_)));
        assert!(matches!(sniff("staff.csv", b"id\0unit"), Kind::Other(_)));
        assert!(
            matches!(sniff("s.csv", b"\xFF\xFEi\0d\0"), Kind::Other(w) if w.contains("UTF-16"))
        );
    }

    #[test]
    fn garbage_with_a_workbook_name_is_an_error_not_a_panic() {
        for bytes in [
            &b"PK\x03\x04garbage"[..],
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1xx",
            b"",
        ] {
            assert!(to_csv(bytes.to_vec(), None).is_err());
        }
    }

    #[test]
    fn numbers_read_as_the_sheet_shows_them() {
        assert_eq!(cell_text(&Data::Float(100.0)), "100");
        assert_eq!(cell_text(&Data::Float(37.5)), "37.5");
        assert_eq!(cell_text(&Data::Int(1985)), "1985");
        assert_eq!(cell_text(&Data::Empty), "");
    }
}
