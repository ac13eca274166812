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

/// Common Norwegian first names (SSB's most frequent), for ids that are a
/// first name alone.
const FIRST_NAMES: [&str; 40] = [
    "Anne",
    "Inger",
    "Kari",
    "Marit",
    "Ingrid",
    "Liv",
    "Eva",
    "Berit",
    "Astrid",
    "Bjørg",
    "Hilde",
    "Anna",
    "Solveig",
    "Marianne",
    "Randi",
    "Ida",
    "Nina",
    "Maria",
    "Elisabeth",
    "Kristin",
    "Jan",
    "Per",
    "Bjørn",
    "Ole",
    "Lars",
    "Kjell",
    "Knut",
    "Arne",
    "Svein",
    "Thomas",
    "Hans",
    "Geir",
    "Tor",
    "Morten",
    "Terje",
    "Odd",
    "Erik",
    "Martin",
    "Andreas",
    "John",
];

/// Whether an id looks like a person's name: two or more capitalised words
/// of letters ("Kari Nordmann", "Anne-Lise Berg"), or a common first name.
pub fn looks_like_name(id: &str) -> bool {
    let word = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase)
            && w.chars().count() >= 2
            && chars.all(|c| c.is_alphabetic() || c == '-' || c == '\'')
            && w.chars().skip(1).any(char::is_lowercase)
    };
    let words: Vec<&str> = id.split_whitespace().collect();
    (words.len() >= 2 && words.iter().all(|w| word(w)))
        || (words.len() == 1 && FIRST_NAMES.contains(&words[0]))
}

/// The finding for ids that look like names (`rows` of them; the first at
/// `loc`), never repeating one.
pub(crate) fn name_ids(column: &str, rows: usize, loc: Loc) -> Diagnostic {
    let more = if rows > 1 {
        format!(" ({rows} rows)")
    } else {
        String::new()
    };
    let mut d = Diagnostic::new(
        Code::PersonalData,
        format!("`{column}` holds what looks like a person's name{more}"),
    )
    .at(loc)
    .hint("identify staff and respondents by pseudonymous ids only (a running number per export); names must not be in a plan");
    d.redact = true;
    d
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
    fn ids_that_look_like_names() {
        for id in ["Kari Nordmann", "Anne-Lise Berg", "Ole", "Bjørn Ås Dahl"] {
            assert!(looks_like_name(id), "{id}");
        }
        for id in [
            "s01",
            "QZXS01ANSATT",
            "r 12",
            "KARI NORDMANN",
            "ansatt 7",
            "Ola9",
            "x",
        ] {
            assert!(!looks_like_name(id), "{id}");
        }
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
