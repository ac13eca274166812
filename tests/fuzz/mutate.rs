//! A deterministic byte mutator: the same seed always gives the same input.
//!
//! Operations found useful against the tool's parsers: bit flips, interesting
//! bytes, deletions, duplications and splices of the file's own bytes (so ids
//! only move, never appear from nowhere), truncation, and tokens from a
//! dictionary of the formats and of the attacks in issue 16 (aliases, deep
//! nesting, huge numbers, paths out of the plan, terminal escapes).

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Tokens worth inserting.
const DICTIONARY: &[&str] = &[
    "\n",
    "\r\n",
    "\t",
    ",",
    ";",
    "\"",
    "'",
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    "=",
    ":",
    "- ",
    "\n  - ",
    "\n    ",
    "#",
    "*a",
    "&a ",
    "!!str ",
    "---\n",
    "...\n",
    "0",
    "-1",
    "1e308",
    "1.7e308",
    "-1.7e308",
    "nan",
    "inf",
    ".inf",
    ".nan",
    "0,08",
    "99999999999999999999",
    "2025-02-30",
    "15076500565",
    "Kari Nordmann",
    "../../../../../../etc/passwd",
    "/proc/self/environ",
    "\u{1b}]0;pwned\u{7}",
    "\u{1b}[2J",
    "\u{202e}",
    "\u{0}",
    "\u{feff}",
    "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    "id,unit,position",
    "respondent,unit",
    "sjoheim",
    "hjemme",
    "sykepleier",
    "demensomsorg",
    "percent",
    "level",
    "need",
];

/// Interesting single bytes.
const BYTES: &[u8] = &[
    0, 0xff, 0x80, 0xc3, b'\n', b'\r', b'"', b',', b';', b'\\', 0x1b,
];

/// The largest input a mutation may make (inputs stay quick to run).
const MAX_LEN: usize = 256 * 1024;

/// One to four mutations of `input`, chosen by `seed`.
pub fn mutate(input: &[u8], seed: u64) -> Vec<u8> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut data = input.to_vec();
    for _ in 0..rng.random_range(1..=4) {
        let len = data.len();
        let at = if len == 0 {
            0
        } else {
            rng.random_range(0..=len)
        };
        match rng.random_range(0..9) {
            0 if len > 0 => {
                let i = at.min(len - 1);
                data[i] ^= 1 << rng.random_range(0..8);
            }
            1 if len > 0 => {
                let i = at.min(len - 1);
                data[i] = BYTES[rng.random_range(0..BYTES.len())];
            }
            2 => {
                let n = rng.random_range(1..=16).min(len - at);
                data.drain(at..at + n);
            }
            3 if len > 0 => {
                // copy a run of the file's own bytes to another place
                let from = rng.random_range(0..len);
                let n = rng.random_range(1..=64).min(len - from);
                let run: Vec<u8> = data[from..from + n].to_vec();
                data.splice(at..at, run);
            }
            4 => {
                let token = DICTIONARY[rng.random_range(0..DICTIONARY.len())];
                data.splice(at..at, token.bytes());
            }
            5 => data.truncate(at),
            6 if len > 0 => {
                // repeat a line many times (floods of findings, big files)
                let from = rng.random_range(0..len);
                let end = data[from..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(len, |e| from + e + 1);
                let line: Vec<u8> = data[from..end].to_vec();
                let times = rng.random_range(2..=2000);
                let insert: Vec<u8> = line.repeat(times);
                data.splice(end..end, insert);
            }
            7 => {
                // swap two fields of a CSV line, or two words
                let a = rng.random_range(0..=len);
                let b = rng.random_range(0..=len);
                let (a, b) = (a.min(b), a.max(b));
                data[a..b].reverse();
            }
            _ => {
                let token = DICTIONARY[rng.random_range(0..DICTIONARY.len())];
                let n = rng.random_range(0..=8).min(len - at);
                data.splice(at..at + n, token.bytes());
            }
        }
        data.truncate(MAX_LEN);
    }
    data
}

#[test]
fn mutation_is_deterministic_and_bounded() {
    let input = b"id,unit\nQZXS01ANSATT,sjoheim\n";
    assert_eq!(mutate(input, 7), mutate(input, 7));
    let distinct: std::collections::BTreeSet<Vec<u8>> =
        (0..200).map(|s| mutate(input, s)).collect();
    assert!(distinct.len() > 150, "{}", distinct.len());
    assert!((0..2000).all(|s| mutate(input, s).len() <= MAX_LEN));
}
