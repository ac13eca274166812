//! Long survey files (one row per answer) → compact rows, read in parallel.
//!
//! In: a decoded v1 (or mapped long) survey file and its [`CsvSpec`]. Out: a
//! [`ParsedSurvey`]: for every answer that parsed, a small fixed-size
//! [`CompactAnswer`] (row span, level, need, and the respondent, unit and
//! competence as indices into per-chunk tables), plus a diagnostic for every
//! problem — the same ones, at the same places, as reading the file in one go.
//!
//! A national survey has millions of rows. Allocating three strings per row
//! while parsing, and moving 100-byte answers around to sort them, cost more
//! than the parsing itself; compact rows are cheap to sort, and the strings are
//! made once, in the final order (see `validate::refs`). When the body of the
//! file has no quote character every line is one record, so it is cut at line
//! ends into chunks that are read on all cores; findings are merged in file
//! order (a national identity number is reported once per column, at its first
//! occurrence; an unreadable record still ends the reading there).

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;

use super::csv_records::{body, header, Body, Column, CsvSpec, FieldLocs, Header, Input, Parsed};
use super::survey::{record, SurveyColumn, OPTIONAL};
use crate::diag::Diagnostics;
use crate::model::Answer;
use crate::source::{FileId, Loc};

/// Below this many bytes of records a file is read in one piece.
const MIN_CHUNK: usize = 1 << 20;

/// One answer, without its strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompactAnswer {
    /// Where the record starts in the text; its `loc` is the rest of that
    /// line, recomputed by [`ParsedSurvey::row_loc`] only when needed.
    pub start: usize,
    /// Index into the chunk's `respondents`.
    pub respondent: u32,
    /// Index into the chunk's `units`.
    pub unit: u32,
    /// Index into the chunk's `competences`.
    pub competence: u32,
    pub level: u8,
    pub need: Option<u8>,
}

/// The rows of one piece of the file and the strings they refer to.
#[derive(Debug, Clone, Default)]
pub struct Chunk {
    pub rows: Vec<CompactAnswer>,
    pub respondents: Vec<Arc<str>>,
    pub units: Vec<Arc<str>>,
    pub competences: Vec<Arc<str>>,
}

impl Chunk {
    pub fn respondent(&self, a: &CompactAnswer) -> &str {
        self.respondents
            .get(a.respondent as usize)
            .map_or("", |r| r)
    }

    pub fn unit(&self, a: &CompactAnswer) -> &str {
        self.units.get(a.unit as usize).map_or("", |u| u)
    }

    pub fn competence(&self, a: &CompactAnswer) -> &str {
        self.competences
            .get(a.competence as usize)
            .map_or("", |c| c)
    }
}

/// A parsed survey: chunks in file order, and where the fields are.
#[derive(Debug, Clone)]
pub struct ParsedSurvey {
    pub file: FileId,
    pub chunks: Vec<Chunk>,
    pub fields: FieldLocs,
}

impl ParsedSurvey {
    /// Number of answers.
    pub fn len(&self) -> usize {
        self.chunks.iter().map(|c| c.rows.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every answer with its chunk, in file order.
    pub fn iter(&self) -> impl Iterator<Item = (&Chunk, &CompactAnswer)> {
        self.chunks
            .iter()
            .flat_map(|c| c.rows.iter().map(move |a| (c, a)))
    }

    /// The answer as the model holds it (`text`: the file's text).
    pub fn answer(&self, text: &str, chunk: &Chunk, a: &CompactAnswer) -> Answer {
        let shared = |list: &[Arc<str>], i: u32| {
            list.get(i as usize)
                .cloned()
                .unwrap_or_else(|| Arc::from(""))
        };
        Answer {
            respondent: shared(&chunk.respondents, a.respondent),
            unit: shared(&chunk.units, a.unit),
            competence: shared(&chunk.competences, a.competence),
            level: a.level,
            need: a.need,
            loc: Some(self.row_loc(text, a)),
        }
    }

    /// The record's line: from its start to the line end (`text`: the file's
    /// text).
    pub fn row_loc(&self, text: &str, a: &CompactAnswer) -> Loc {
        Loc::new(
            self.file,
            a.start..super::csv_records::row_end(text, a.start),
        )
    }

    /// All answers in file order (`text`: the file's text).
    pub fn into_answers(self, text: &str) -> Parsed<Answer> {
        let rows = self.iter().map(|(c, a)| self.answer(text, c, a)).collect();
        Parsed {
            rows,
            fields: self.fields,
        }
    }

    /// Answers read otherwise (a wide export), in the compact form.
    pub fn from_answers(file: FileId, parsed: Parsed<Answer>) -> Self {
        let mut chunk = Chunk::default();
        let mut interner = Interner::default();
        for a in &parsed.rows {
            let start = a.loc.as_ref().map_or(0, |l| l.span.start);
            let respondent = interner.respondent(&mut chunk, &a.respondent);
            let unit = interner.unit(&mut chunk, &a.unit);
            let competence = interner.competence(&mut chunk, &a.competence);
            chunk.rows.push(CompactAnswer {
                start,
                respondent,
                unit,
                competence,
                level: a.level,
                need: a.need,
            });
        }
        ParsedSurvey {
            file,
            chunks: vec![chunk],
            fields: parsed.fields,
        }
    }
}

/// Chunk-local string tables; the previous unit is remembered (rows come grouped).
#[derive(Default)]
struct Interner {
    units: HashMap<String, u32>,
    competences: HashMap<String, u32>,
    respondents: HashMap<String, u32>,
    last_unit: Option<u32>,
    last_respondent: Option<u32>,
    last_competence: Option<u32>,
}

impl Interner {
    fn unit(&mut self, chunk: &mut Chunk, s: &str) -> u32 {
        if let Some(u) = self.last_unit {
            if chunk.units.get(u as usize).is_some_and(|x| &**x == s) {
                return u;
            }
        }
        let u = intern(&mut self.units, &mut chunk.units, s);
        self.last_unit = Some(u);
        u
    }

    /// A respondent's answers usually come one after another.
    fn respondent(&mut self, chunk: &mut Chunk, s: &str) -> u32 {
        if let Some(r) = self.last_respondent {
            if chunk.respondents.get(r as usize).is_some_and(|x| &**x == s) {
                return r;
            }
        }
        let r = intern(&mut self.respondents, &mut chunk.respondents, s);
        self.last_respondent = Some(r);
        r
    }

    /// Respondents answer the competences in much the same order: the one
    /// after the previous (or the first) is tried before the table.
    fn competence(&mut self, chunk: &mut Chunk, s: &str) -> u32 {
        let next = self.last_competence.map_or(0, |c| c.saturating_add(1));
        let c = [next, 0]
            .into_iter()
            .find(|&c| chunk.competences.get(c as usize).is_some_and(|x| &**x == s))
            .unwrap_or_else(|| intern(&mut self.competences, &mut chunk.competences, s));
        self.last_competence = Some(c);
        c
    }
}

fn intern(map: &mut HashMap<String, u32>, list: &mut Vec<Arc<str>>, s: &str) -> u32 {
    if let Some(&i) = map.get(s) {
        return i;
    }
    let i = u32::try_from(list.len()).unwrap_or(u32::MAX);
    list.push(Arc::from(s));
    map.insert(s.to_string(), i);
    i
}

/// Cut `range` of `text` into about `n` pieces at line ends, or leave it whole
/// when a quote could hide a line end inside a field.
fn pieces(text: &str, range: Range<usize>, n: usize) -> Vec<Range<usize>> {
    let body = text.as_bytes().get(range.clone()).unwrap_or(&[]);
    if n < 2 || body.len() < 2 * MIN_CHUNK || body.contains(&b'"') {
        return vec![range];
    }
    let size = (body.len() / n).max(MIN_CHUNK);
    let mut out = Vec::new();
    let mut from = 0;
    while from < body.len() {
        let mut to = (from + size).min(body.len());
        match body
            .get(to..)
            .and_then(|rest| rest.iter().position(|&b| b == b'\n'))
        {
            Some(nl) => to += nl + 1,
            None => to = body.len(),
        }
        out.push(range.start + from..range.start + to);
        from = to;
    }
    out
}

/// File columns of (respondent, unit, competence, level, need) when the fast
/// path may read `range`: a plain v1 mapping (no value mapping, no answer
/// labels, every column present) and no quote character in the range.
fn fast_columns(
    input: Input<'_>,
    spec: &CsvSpec,
    head: &Header,
    range: Range<usize>,
) -> Option<[usize; 5]> {
    if !spec.values.is_empty() || !spec.scale.is_empty() {
        return None;
    }
    let mut cols = [0; 5];
    for (c, slot) in SurveyColumn::ALL.iter().zip(cols.iter_mut()) {
        *slot = (*head.index.get(c.index())?)?;
    }
    let bytes = input.text.as_bytes().get(range)?;
    memchr::memchr(b'"', bytes).is_none().then_some(cols)
}

/// The fast path: each line of `range` (which has no quote, so a line is a
/// record) is split at the delimiter and taken as it is when every field is
/// plain — the right number of fields, ids without surrounding space or
/// anything that could be personal data, level 1–5 and need empty or 1–5 as
/// single digits. Any other line is handed to `slow` (the located record
/// reader), in file order, so the rows and findings are the same as reading
/// the whole range slowly; the happy path keeps no field locations.
fn fast(
    input: Input<'_>,
    head: &Header,
    cols: [usize; 5],
    range: Range<usize>,
    chunk: &mut Chunk,
    d: &mut Diagnostics,
    slow: &mut impl FnMut(Range<usize>, &mut Chunk, &mut Diagnostics) -> Body,
) -> Body {
    let text = input.text;
    let bytes = text.as_bytes();
    let n_fields = head.names.len();
    let mut out = Body::default();
    let mut interner = Interner::default();
    let mut fields: Vec<&str> = Vec::with_capacity(n_fields + 1);
    // a respondent's answers come together: screen each id once per run
    let mut last_id: (&str, bool) = ("", false);
    let mut pos = range.start;
    let end = range.end.min(bytes.len());
    while pos < end {
        let nl = memchr::memchr(b'\n', &bytes[pos..end]).map_or(end, |i| pos + i);
        let next = (nl + 1).min(end);
        let mut line_end = nl;
        if line_end > pos && bytes[line_end - 1] == b'\r' {
            line_end -= 1;
        }
        let line = text.get(pos..line_end).unwrap_or("");
        fields.clear();
        let plain = !line.is_empty()
            && memchr::memchr(b'\r', line.as_bytes()).is_none()
            && {
                split(line, input.delimiter, &mut fields);
                fields.len() == n_fields
            }
            && fields.iter().all(|f| plain_field(f));
        let answer = if plain {
            let get = |c: usize| fields.get(c).copied().unwrap_or("");
            let (respondent, unit, competence) = (get(cols[0]), get(cols[1]), get(cols[2]));
            let level = scale_digit(get(cols[3]));
            let need = get(cols[4]);
            let need_ok = need.is_empty() || scale_digit(need).is_some();
            match level {
                Some(level)
                    if need_ok
                        && !respondent.is_empty()
                        && !unit.is_empty()
                        && !competence.is_empty()
                        && !{
                            if last_id.0 != respondent {
                                last_id =
                                    (respondent, super::personal::looks_like_name(respondent));
                            }
                            last_id.1
                        } =>
                {
                    Some((respondent, unit, competence, level, scale_digit(need)))
                }
                _ => None,
            }
        } else {
            None
        };
        match answer {
            Some((respondent, unit, competence, level, need)) => {
                let respondent = interner.respondent(chunk, respondent);
                let unit = interner.unit(chunk, unit);
                let competence = interner.competence(chunk, competence);
                chunk.rows.push(CompactAnswer {
                    start: pos,
                    respondent,
                    unit,
                    competence,
                    level,
                    need,
                });
            }
            None => {
                let found = slow(pos..next, chunk, d);
                out.national_ids.extend(found.national_ids);
                if found.stopped {
                    out.stopped = true;
                    break;
                }
            }
        }
        pos = next;
    }
    out
}

/// The fields of `line` at `delimiter`, into `out` (cleared before).
fn split<'t>(line: &'t str, delimiter: u8, out: &mut Vec<&'t str>) {
    if !delimiter.is_ascii() {
        // a delimiter above ASCII is a character of two bytes in the text
        out.extend(line.split(char::from(delimiter)));
        return;
    }
    // an ASCII byte is never inside a multi-byte character: every piece is
    // whole characters
    let mut from = 0;
    for (at, &b) in line.as_bytes().iter().enumerate() {
        if b == delimiter {
            out.push(line.get(from..at).unwrap_or(""));
            from = at + 1;
        }
    }
    out.push(line.get(from..).unwrap_or(""));
}

/// A field the fast path may take as it is: no space or non-ASCII byte at
/// its ends (no trimming needed) and not possibly a national identity number.
fn plain_field(f: &str) -> bool {
    let edge = |b: Option<&u8>| b.is_none_or(|&b| b > b' ' && b < 0x80);
    edge(f.as_bytes().first())
        && edge(f.as_bytes().last())
        && !(f.len() == 11 && f.bytes().all(|b| b.is_ascii_digit()))
}

/// `1`–`5` as a single digit.
fn scale_digit(f: &str) -> Option<u8> {
    match f.as_bytes() {
        [b @ b'1'..=b'5'] => Some(b - b'0'),
        _ => None,
    }
}

/// Read a long survey file.
pub fn parse_long(input: Input<'_>, spec: &CsvSpec, diags: &mut Diagnostics) -> ParsedSurvey {
    let mut parsed = ParsedSurvey {
        file: input.file,
        chunks: Vec::new(),
        fields: FieldLocs::Columns {
            file: input.file,
            delimiter: input.delimiter,
            index: Vec::new(),
        },
    };
    let expected = SurveyColumn::NAMES;
    let Some(head) = header(input, spec, expected, &OPTIONAL, &[], diags) else {
        return parsed;
    };
    let threads = rayon::current_num_threads();
    let ranges = pieces(input.text, head.body_start..input.text.len(), threads * 4);
    let results: Vec<_> = ranges
        .into_par_iter()
        .map(|range| {
            let mut d = Diagnostics::default();
            let mut chunk = Chunk::default();
            let lines = input
                .text
                .as_bytes()
                .get(range.clone())
                .map_or(0, |b| memchr::memchr_iter(b'\n', b).count());
            chunk.rows.reserve_exact(lines + 1);
            let mut interner = Interner::default();
            let mut slow = |range: Range<usize>, chunk: &mut Chunk, d: &mut Diagnostics| {
                body(input, spec, expected, &head, range, d, |r, _, d| {
                    if let Some((respondent, unit, competence, level, need)) = record(r, spec, d) {
                        let start = r.start;
                        let respondent = interner.respondent(chunk, respondent);
                        let unit = interner.unit(chunk, unit);
                        let competence = interner.competence(chunk, competence);
                        chunk.rows.push(CompactAnswer {
                            start,
                            respondent,
                            unit,
                            competence,
                            level,
                            need,
                        });
                    }
                })
            };
            let found = match fast_columns(input, spec, &head, range.clone()) {
                Some(cols) => fast(input, &head, cols, range, &mut chunk, &mut d, &mut slow),
                None => slow(range, &mut chunk, &mut d),
            };
            (chunk, d, found)
        })
        .collect();
    let mut reported = vec![false; head.names.len()];
    for (chunk, d, found) in results {
        diags.extend(d);
        for (column, finding) in found.national_ids {
            if let Some(seen) = reported.get_mut(column) {
                if !*seen {
                    *seen = true;
                    diags.push(finding);
                }
            }
        }
        parsed.chunks.push(chunk);
        if found.stopped {
            break; // as a single reader would: nothing after it is read
        }
    }
    parsed.fields = FieldLocs::Columns {
        file: input.file,
        delimiter: input.delimiter,
        index: head.index,
    };
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_end_at_line_ends_and_cover_everything() {
        let line = "r0001,enhet,kompetanse,3,2\n";
        let text = format!("h\n{}", line.repeat(200_000));
        let all = 2..text.len();
        let parts = pieces(&text, all.clone(), 8);
        assert!(parts.len() > 1);
        assert_eq!(parts.first().unwrap().start, all.start);
        assert_eq!(parts.last().unwrap().end, all.end);
        for w in parts.windows(2) {
            assert_eq!(w[0].end, w[1].start);
            assert_eq!(&text[w[0].end - 1..w[0].end], "\n");
        }
        // a quote anywhere: one piece
        let quoted = format!("{text}\"a\nb\",u,c,3,\n");
        assert_eq!(pieces(&quoted, 2..quoted.len(), 8).len(), 1);
    }

    type Row = (String, String, String, u8, Option<u8>, Loc);

    /// Rows and findings of `parse_long` and of the located reader alone (the
    /// whole body as one piece), and how many chunks `parse_long` read.
    fn both(text: &str) -> (Vec<Row>, Vec<Row>, Diagnostics, Diagnostics, usize) {
        let input = Input {
            text,
            file: FileId(0),
            header_start: 0,
            delimiter: b',',
            decimal_comma: false,
        };
        let spec = CsvSpec::default();
        let mut fast_d = Diagnostics::default();
        let parsed = parse_long(input, &spec, &mut fast_d);
        let got: Vec<_> = parsed
            .iter()
            .map(|(c, a)| {
                (
                    c.respondent(a).to_string(),
                    c.unit(a).to_string(),
                    c.competence(a).to_string(),
                    a.level,
                    a.need,
                    parsed.row_loc(text, a),
                )
            })
            .collect();
        let mut single = Diagnostics::default();
        let head = header(
            input,
            &spec,
            SurveyColumn::NAMES,
            &OPTIONAL,
            &[],
            &mut single,
        )
        .unwrap();
        let mut rows = Vec::new();
        let found = body(
            input,
            &spec,
            SurveyColumn::NAMES,
            &head,
            head.body_start..text.len(),
            &mut single,
            |r, _, d| {
                if let Some(v) = record(r, &spec, d) {
                    rows.push((
                        v.0.to_string(),
                        v.1.to_string(),
                        v.2.to_string(),
                        v.3,
                        v.4,
                        r.row_loc(),
                    ));
                }
            },
        );
        for (_, d) in found.national_ids {
            single.push(d);
        }
        (got, rows, fast_d, single, parsed.chunks.len())
    }

    #[test]
    fn fast_path_reads_odd_lines_as_the_located_reader_does() {
        let mut text = crate::load::survey::header();
        text.push_str("r1,u,c,3,2\r\n");
        text.push('\n');
        text.push_str("   \n");
        text.push_str(" r2,u,c,3,\n");
        text.push_str("r3,u ,c,3,\n");
        text.push_str("r4,sjø,c,03,\n");
        text.push_str("r5,u,c,6,\n");
        text.push_str("r6,u,c,,\n");
        text.push_str("r7,u,c,3,0\n");
        text.push_str("r8,u,c,3\n");
        text.push_str("r9,u,c,3,1,x\n");
        text.push_str("Kari Nordmann,u,c,3,\n");
        text.push_str("15076500565,u,c,3,\n");
        text.push_str("12345678901,u,c,3,\n");
        text.push_str("r10,u,c\r,3,\n");
        text.push_str(",u,c,3,\n");
        text.push_str("r11,ø,c,2,5");
        let (got, want, fast_d, single, _) = both(&text);
        assert_eq!(got, want);
        assert_eq!(fast_d.finish(), single.finish());
    }

    #[test]
    fn chunked_reading_finds_what_one_reader_finds() {
        // big enough to be cut; errors early, late, and an id number twice
        let mut text = crate::load::survey::header();
        for i in 0..120_000 {
            let level = match i {
                7 => "9".to_string(),
                100_000 => "x".to_string(),
                _ => (i % 5 + 1).to_string(),
            };
            let who = if i == 50_000 || i == 110_000 {
                "15076500565".to_string()
            } else {
                format!("r{i:06}")
            };
            text.push_str(&format!("{who},u{},c{},{level},\n", i / 500, i % 15));
        }
        let (got, rows, chunked, single, chunks) = both(&text);
        assert!(chunks > 1);
        assert_eq!(got, rows);
        assert_eq!(chunked.clone().finish(), single.clone().finish());
        assert_eq!(chunked.len(), 3, "{chunked:?}");
    }
}
