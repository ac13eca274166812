//! Personal data that must never be in a plan: national identity numbers and
//! columns of names.
//!
//! In: a CSV value or a column header. Out: whether it is personal data of a
//! kind the plan refuses, and the diagnostics for name columns. The callers
//! never echo what they found (docs/privacy.md).

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::source::Loc;

/// Whether `s` is an 11-digit Norwegian national identity number (fødselsnummer
/// or D-nummer) with valid mod-11 check digits. Separators are not allowed in
/// the digits, but a value may be surrounded by spaces.
pub fn is_national_id(s: &str) -> bool {
    let s = s.trim();
    if s.len() != 11 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let d: Vec<u32> = s.bytes().map(|b| u32::from(b - b'0')).collect();
    let check = |weights: &[u32]| -> Option<u32> {
        let sum: u32 = weights.iter().zip(&d).map(|(w, x)| w * x).sum();
        match 11 - sum % 11 {
            11 => Some(0),
            10 => None,
            k => Some(k),
        }
    };
    let k1 = check(&[3, 7, 6, 1, 8, 9, 4, 5, 2]);
    let k2 = check(&[5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
    k1 == Some(d[9]) && k2 == Some(d[10])
}

/// Whether a column header means a person's name.
pub fn is_name_header(header: &str) -> bool {
    let h = header.trim().to_lowercase();
    let words: Vec<&str> = h
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    const NAMES: [&str; 12] = [
        "navn",
        "fornavn",
        "etternavn",
        "mellomnavn",
        "name",
        "firstname",
        "lastname",
        "surname",
        "fullname",
        "ansattnavn",
        "fulltnavn",
        "personnavn",
    ];
    let joined = words.concat();
    NAMES.contains(&joined.as_str())
        || (words.len() <= 3 && words.iter().any(|w| NAMES.contains(w)) && !h.contains("enhet"))
}

/// Report every header that is a column of names; `false` when there is one.
pub(crate) fn check_name_headers(
    names: &[String],
    header_loc: &dyn Fn(usize) -> Loc,
    diags: &mut Diagnostics,
) -> bool {
    let mut ok = true;
    for (i, name) in names.iter().enumerate() {
        if is_name_header(name) {
            diags.push(
                Diagnostic::new(Code::PersonalData, format!("column {} holds names of persons", i + 1))
                    .at(header_loc(i))
                    .hint("remove the column from the file before it goes into the plan; identify staff and respondents by pseudonymous ids only"),
            );
            ok = false;
        }
    }
    ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn national_ids_by_check_digits() {
        // A synthetic number constructed to satisfy mod-11 (a common test value).
        assert!(is_national_id("15076500565"));
        assert!(is_national_id(" 15076500565 "));
        assert!(!is_national_id("15076500566"));
        assert!(!is_national_id("1507650056"));
        assert!(!is_national_id("abcdefghijk"));
    }

    #[test]
    fn name_headers() {
        for h in [
            "Navn",
            "Fornavn",
            "ETTERNAVN",
            "Full name",
            "Ansattnavn",
            "name",
        ] {
            assert!(is_name_header(h), "{h}");
        }
        for h in ["Enhetsnavn", "Stillingsprosent", "id", "Enhet navn"] {
            assert!(!is_name_header(h), "{h}");
        }
    }
}
