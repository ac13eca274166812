//! The one reader every plan CSV goes through: bytes → text, delimiter and
//! decimal mark, as exported by real tools (Excel on a Norwegian PC, Nettskjema,
//! Microsoft Forms, HR systems).
//!
//! In: raw bytes and the options of `[data.staff]` / `[data.survey]`. Out: UTF-8
//! text (BOM stripped), the byte offset where the header starts (after `skip`
//! preamble lines), the delimiter, and whether numbers use a decimal comma; and
//! numbers as exports write them (decimal comma, spaces).

/// Text encodings a data file may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Windows1252,
}

/// How to read one CSV file; `None` = detect.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    pub delimiter: Option<u8>,
    pub encoding: Option<Encoding>,
    /// `Some(true)` for `decimal_mark = ","`, `Some(false)` for `"."`.
    pub decimal_comma: Option<bool>,
    /// Preamble lines before the header.
    pub skip: usize,
    /// The sheet of a workbook (`None`: the first).
    pub sheet: Option<String>,
}

/// A decoded CSV file, ready for the csv crate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: Encoding,
    /// Byte offset of the header line in `text`.
    pub header_start: usize,
    pub delimiter: u8,
    pub decimal_comma: bool,
}

/// Decode bytes. Fails only when `encoding = "utf-8"` is demanded and the bytes
/// are not UTF-8 (the byte offset of the first bad byte is returned).
pub fn decode(bytes: &[u8], opts: &ReadOptions) -> Result<Decoded, usize> {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let (text, encoding) = match (opts.encoding, std::str::from_utf8(bytes)) {
        (Some(Encoding::Windows1252), _) => (cp1252(bytes), Encoding::Windows1252),
        (_, Ok(s)) => (s.to_string(), Encoding::Utf8),
        (Some(Encoding::Utf8), Err(e)) => return Err(e.valid_up_to()),
        (None, Err(_)) => (cp1252(bytes), Encoding::Windows1252),
    };
    Ok(finish(text, encoding, opts))
}

/// Decode bytes the caller no longer needs: valid UTF-8 (the usual case) becomes
/// the text without a copy. Fails like [`decode`], handing the bytes back.
pub fn decode_owned(mut bytes: Vec<u8>, opts: &ReadOptions) -> Result<Decoded, (usize, Vec<u8>)> {
    if opts.encoding == Some(Encoding::Windows1252) {
        return decode(&bytes, opts).map_err(|at| (at, bytes));
    }
    let bom = bytes.starts_with(BOM);
    if bom {
        bytes.drain(..BOM.len());
    }
    let (text, encoding) = match String::from_utf8(bytes) {
        Ok(s) => (s, Encoding::Utf8),
        Err(e) if opts.encoding == Some(Encoding::Utf8) => {
            // as `decode`: the offset counts from after the BOM, the bytes are
            // handed back as they were read
            let at = e.utf8_error().valid_up_to();
            let mut bytes = e.into_bytes();
            if bom {
                bytes.splice(0..0, BOM.iter().copied());
            }
            return Err((at, bytes));
        }
        Err(e) => (cp1252(e.as_bytes()), Encoding::Windows1252),
    };
    Ok(finish(text, encoding, opts))
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A workbook's sheet, already text: split it like a comma-separated UTF-8 file
/// (the options' delimiter, encoding and decimal mark are the sheet's own).
pub fn from_sheet(text: String, skip: usize) -> Decoded {
    let opts = ReadOptions {
        delimiter: Some(b','),
        encoding: Some(Encoding::Utf8),
        decimal_comma: Some(false),
        skip,
        sheet: None,
    };
    finish(text, Encoding::Utf8, &opts)
}

fn finish(text: String, encoding: Encoding, opts: &ReadOptions) -> Decoded {
    let header_start = skip_lines(&text, opts.skip);
    let delimiter = opts
        .delimiter
        .unwrap_or_else(|| detect_delimiter(&text[header_start..]));
    let decimal_comma = opts.decimal_comma.unwrap_or(delimiter == b';');
    Decoded {
        text,
        encoding,
        header_start,
        delimiter,
        decimal_comma,
    }
}

/// Windows-1252 maps every byte to a character, so nothing becomes U+FFFD.
fn cp1252(bytes: &[u8]) -> String {
    encoding_rs::WINDOWS_1252
        .decode_without_bom_handling(bytes)
        .0
        .into_owned()
}

/// Byte offset after `n` lines (CRLF or LF).
fn skip_lines(text: &str, n: usize) -> usize {
    let mut at = 0;
    for _ in 0..n {
        match text[at..].find('\n') {
            Some(i) => at += i + 1,
            None => return text.len(),
        }
    }
    at
}

/// The delimiter of a header line: the most frequent of `,` `;` tab outside
/// quotes (`,` on a tie or when none occurs).
pub fn detect_delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut in_quotes = false;
    for b in text.bytes() {
        match b {
            b'"' => in_quotes = !in_quotes,
            b'\n' | b'\r' if !in_quotes => break,
            b',' if !in_quotes => counts[0] += 1,
            b';' if !in_quotes => counts[1] += 1,
            b'\t' if !in_quotes => counts[2] += 1,
            _ => {}
        }
    }
    let candidates = [b',', b';', b'\t'];
    let mut best = 0;
    for i in 1..3 {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    candidates[best]
}

/// Why a numeric field could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberError {
    NotANumber,
    /// `1.234` with decimal comma: a thousands separator or a decimal point?
    Ambiguous,
}

/// Parse a number; with `decimal_comma`, `37,5` is 37.5 and a `.` is refused as
/// ambiguous. Spaces (also no-break spaces) around the number are ignored.
pub fn parse_number(s: &str, decimal_comma: bool) -> Result<f64, NumberError> {
    let s = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
    let normalised;
    let s = if decimal_comma {
        if s.contains('.') {
            return Err(NumberError::Ambiguous);
        }
        if s.matches(',').count() > 1 {
            return Err(NumberError::NotANumber);
        }
        normalised = s.replace(',', ".");
        normalised.as_str()
    } else {
        s
    };
    let plain = !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+'));
    match s.parse::<f64>() {
        Ok(v) if plain && v.is_finite() => Ok(v),
        _ => Err(NumberError::NotANumber),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_stripped_and_cp1252_decoded() {
        let d = decode(b"\xEF\xBB\xBFid;navn\r\n", &ReadOptions::default()).unwrap();
        assert_eq!(d.text, "id;navn\r\n");
        assert_eq!(d.delimiter, b';');
        assert!(d.decimal_comma);
        let d = decode(b"enhet,stilling\nSj\xf8heim,x\n", &ReadOptions::default()).unwrap();
        assert_eq!(d.encoding, Encoding::Windows1252);
        assert!(d.text.contains("Sjøheim"));
        assert!(!d.text.contains('\u{FFFD}'));
        let strict = ReadOptions {
            encoding: Some(Encoding::Utf8),
            ..ReadOptions::default()
        };
        assert_eq!(decode(b"ab\xf8", &strict), Err(2));
    }

    #[test]
    fn owned_decoding_matches_borrowed_decoding() {
        let strict = ReadOptions {
            encoding: Some(Encoding::Utf8),
            ..ReadOptions::default()
        };
        let cp = ReadOptions {
            encoding: Some(Encoding::Windows1252),
            ..ReadOptions::default()
        };
        for bytes in [
            &b"\xEF\xBB\xBFid;navn\r\n1;2\r\n"[..],
            b"enhet,stilling\nSj\xf8heim,x\n",
            b"\xEF\xBB\xBFa,b\nSj\xf8,x\n",
            b"",
        ] {
            for opts in [&ReadOptions::default(), &strict, &cp] {
                let owned = decode_owned(bytes.to_vec(), opts);
                match decode(bytes, opts) {
                    Ok(d) => assert_eq!(owned, Ok(d)),
                    Err(at) => assert_eq!(owned, Err((at, bytes.to_vec()))),
                }
            }
        }
    }

    #[test]
    fn delimiter_detection_ignores_quoted_text() {
        assert_eq!(detect_delimiter("a,b,c\n"), b',');
        assert_eq!(detect_delimiter("\"a,b\";c;d\n"), b';');
        assert_eq!(detect_delimiter("a\tb\tc"), b'\t');
        assert_eq!(detect_delimiter("single\n1;2;3;4"), b',');
    }

    #[test]
    fn skip_preamble_lines() {
        let opts = ReadOptions {
            skip: 2,
            ..ReadOptions::default()
        };
        let d = decode(b"Rapport\r\nEksportert\r\na;b\r\n1;2\r\n", &opts).unwrap();
        assert_eq!(&d.text[d.header_start..], "a;b\r\n1;2\r\n");
    }

    #[test]
    fn numbers_with_decimal_comma() {
        assert_eq!(parse_number("37,5", true), Ok(37.5));
        assert_eq!(parse_number(" 80 ", true), Ok(80.0));
        assert_eq!(parse_number("1.234", true), Err(NumberError::Ambiguous));
        assert_eq!(parse_number("1,2,3", true), Err(NumberError::NotANumber));
        assert_eq!(parse_number("37.5", false), Ok(37.5));
        assert_eq!(parse_number("37,5", false), Err(NumberError::NotANumber));
        assert_eq!(parse_number("inf", false), Err(NumberError::NotANumber));
        assert_eq!(parse_number("80%", false), Err(NumberError::NotANumber));
    }
}
