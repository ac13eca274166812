//! References and duplicates in the parsed CSV rows, and their canonical order.
//!
//! In: parsed staff rows or compact survey rows (file order) with their lazily
//! located fields, and the plan's ids. Out: the rows whose references resolve
//! and that are not duplicates, already in the order
//! [`crate::model::Plan::normalise`] wants (staff: its sort only confirms it;
//! survey: `validate` leaves it out of that sort), and a diagnostic for every
//! bad reference and every duplicate.
//!
//! A national survey has millions of rows, so nothing here is worse than
//! linear plus a sort of small groups: ids become ranks in the sorted id lists
//! (rank order is string order), duplicates are found by grouping rows by
//! (unit, competence) with a counting sort, and the survey's rows are 16-byte
//! rows of id numbers, made once in their final order; staff rows are
//! permuted in place.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use super::Ids;
use crate::diag::{suggest, Code, Diagnostic, Diagnostics};
use crate::load::csv_records::Parsed;
use crate::load::staff::StaffColumn;
use crate::load::survey::{Chunk, CompactAnswer, ParsedSurvey, SurveyColumn};
use crate::model::{AnswerRow, Answers, Staff};
use crate::source::Loc;

/// Reference checks of data rows. Rows are personal data, so a diagnostic
/// names the column and points at the field but never repeats the value —
/// only, when the value is a near miss of a plan id, that id. Suggestions are
/// made once per distinct value (a roster can repeat an unknown unit
/// thousands of times).
struct RowRefs<'a> {
    ids: &'a Ids,
    /// (kind, formal wanted, value) → suggestion
    memo: HashMap<(&'static str, Option<bool>, String), Option<String>>,
}

impl<'a> RowRefs<'a> {
    fn new(ids: &'a Ids) -> Self {
        RowRefs {
            ids,
            memo: HashMap::new(),
        }
    }

    /// The finding for an unknown value of `column`, naming plan ids only.
    fn unknown(
        &mut self,
        kind: &'static str,
        want_formal: Option<bool>,
        value: &str,
        column: &str,
        loc: Loc,
        diags: &mut Diagnostics,
    ) {
        let ids = self.ids;
        let known = || -> Vec<&'a str> {
            match kind {
                "unit" => ids.units.keys().map(String::as_str).collect(),
                _ => ids
                    .competences
                    .iter()
                    .filter(|(_, (f, _))| want_formal.is_none_or(|w| w == *f))
                    .map(|(k, _)| k.as_str())
                    .collect(),
            }
        };
        let hint = self
            .memo
            .entry((kind, want_formal, value.to_string()))
            .or_insert_with(|| suggest(value, known()).map(str::to_string))
            .clone();
        let d = Diagnostic::new(
            Code::UnknownReference,
            format!("unknown {kind} in column `{column}`"),
        )
        .at(loc);
        let list = known();
        diags.push(match hint {
            Some(s) => d.hint(format!("did you mean `{s}`?")),
            None if list.is_empty() => d.hint(format!("no {kind} is defined; add one")),
            None => {
                let shown: Vec<&str> = list.into_iter().take(12).collect();
                d.hint(format!("defined: {}", shown.join(", ")))
            }
        });
    }

    fn unit(&mut self, value: &str, loc: Loc, diags: &mut Diagnostics) -> bool {
        if self.ids.units.contains_key(value) {
            return true;
        }
        self.unknown("unit", None, value, "unit", loc, diags);
        false
    }

    /// A competence of the plan of the wanted kind; a known competence of the
    /// other kind is named (it is a plan id, not personal data).
    fn competence(
        &mut self,
        value: &str,
        column: &str,
        want_formal: bool,
        loc: Loc,
        diags: &mut Diagnostics,
    ) -> bool {
        match self.ids.competences.get(value) {
            None => {
                self.unknown("competence", Some(want_formal), value, column, loc, diags);
                false
            }
            Some((formal, _)) if *formal == want_formal => true,
            Some(_) => {
                super::items::competence_ref(self.ids, value, loc, Some(want_formal), diags);
                false
            }
        }
    }
}

/// Keep the rows flagged `ok`, in the order `order` (indices of ok rows, each
/// once), without a second copy of the rows.
fn keep_in_order<T>(mut rows: Vec<T>, ok: &[bool], order: &[u32]) -> Vec<T> {
    // A full permutation: the kept rows in order, then the others.
    let mut perm: Vec<usize> = order.iter().map(|&i| i as usize).collect();
    let kept = perm.len();
    perm.extend((0..rows.len()).filter(|&i| !ok.get(i).copied().unwrap_or(false)));
    if perm.len() != rows.len() {
        // cannot happen: every row is either kept (once) or not
        return Vec::new();
    }
    // rows_new[j] = rows_old[perm[j]], cycle by cycle
    let mut done = vec![false; rows.len()];
    for start in 0..rows.len() {
        if done[start] {
            continue;
        }
        let mut j = start;
        loop {
            done[j] = true;
            let k = perm[j];
            if k == start {
                break;
            }
            rows.swap(j, k);
            j = k;
        }
    }
    rows.truncate(kept);
    rows
}

/// Staff rows: unique ids, known units and formal competences.
pub fn staff(parsed: Parsed<Staff>, text: &str, ids: &Ids, diags: &mut Diagnostics) -> Vec<Staff> {
    let Parsed { rows, fields } = parsed;
    let loc = |i: usize, s: &Staff, col: StaffColumn| fields.loc(text, i, s.loc.as_ref(), col);
    let mut first: HashMap<&str, usize> = HashMap::with_capacity(rows.len());
    let mut refs = RowRefs::new(ids);
    let mut ok = vec![false; rows.len()];
    let units: Vec<&str> = ids.units.keys().map(String::as_str).collect();
    let mut unit_rank = vec![0u32; rows.len()];
    let mut last_unit: Option<(&str, usize)> = None;
    let mut last_education: Option<&str> = None;
    for (i, s) in rows.iter().enumerate() {
        // Ids are pseudonyms but still personal data: point at them, never echo them.
        let mut good = true;
        match first.get(s.id.as_str()) {
            Some(&f) => {
                diags.push(
                    Diagnostic::new(
                        Code::DuplicateId,
                        "this staff id is already used by another row",
                    )
                    .at(loc(i, s, StaffColumn::Id))
                    .related(loc(f, &rows[f], StaffColumn::Id), "first used here")
                    .hint("every employee needs a unique pseudonymous id"),
                );
                good = false;
            }
            None => {
                first.insert(&s.id, i);
            }
        }
        // a roster comes unit by unit: the previous row's unit is tried first
        let rank = match last_unit {
            Some((u, r)) if u == s.unit => Some(r),
            _ => units.binary_search(&s.unit.as_str()).ok(),
        };
        match rank {
            Some(r) => {
                last_unit = Some((&s.unit, r));
                unit_rank[i] = r as u32;
            }
            None => good &= refs.unit(&s.unit, loc(i, s, StaffColumn::Unit), diags),
        }
        if let Some(e) = &s.education {
            // the previous row's formal education, when it was one, is one
            if last_education != Some(e.as_str()) {
                let known = refs.competence(
                    e,
                    "education",
                    true,
                    loc(i, s, StaffColumn::Education),
                    diags,
                );
                good &= known;
                last_education = known.then_some(e.as_str());
            }
        }
        if let Some(e) = &s.studying {
            good &= refs.competence(e, "studying", true, loc(i, s, StaffColumn::Studying), diags);
        }
        ok[i] = good;
    }
    drop(first);
    // Canonical order (unit, position, id): by unit rank with a counting sort,
    // then by position and id within each unit (every kept row has a known
    // unit and a unique id).
    let rank = |i: usize| unit_rank[i] as usize;
    let mut start = vec![0usize; units.len() + 1];
    for i in (0..rows.len()).filter(|&i| ok[i]) {
        start[rank(i) + 1] += 1;
    }
    for k in 1..start.len() {
        start[k] += start[k - 1];
    }
    let bounds = start.clone();
    let mut order = vec![0u32; start.last().copied().unwrap_or(0)];
    for i in (0..rows.len()).filter(|&i| ok[i]) {
        let slot = &mut start[rank(i)];
        order[*slot] = i as u32;
        *slot += 1;
    }
    for w in bounds.windows(2) {
        order[w[0]..w[1]].sort_by(|&x, &y| {
            let (a, b) = (&rows[x as usize], &rows[y as usize]);
            (&a.position, &a.id).cmp(&(&b.position, &b.id))
        });
    }
    keep_in_order(rows, &ok, &order)
}

/// Survey rows: known units and real competences, one answer per respondent,
/// unit and competence. The result is sorted by (unit, competence, respondent);
/// its unit and competence tables are the plan's ids, its respondent table the
/// distinct respondents of the file, so every comparison is of integers.
pub fn survey(parsed: ParsedSurvey, text: &str, ids: &Ids, diags: &mut Diagnostics) -> Answers {
    let units: Vec<&str> = ids.units.keys().map(String::as_str).collect();
    let comps: Vec<&str> = ids.competences.keys().map(String::as_str).collect();
    let real: Vec<bool> = ids.competences.values().map(|(f, _)| !f).collect();
    let n_comps = comps.len().max(1);
    let n_groups = units.len().saturating_mul(n_comps);
    // Row i of the file is row i - starts[c] of chunk c.
    let mut starts = Vec::with_capacity(parsed.chunks.len() + 1);
    starts.push(0usize);
    for c in &parsed.chunks {
        starts.push(starts.last().copied().unwrap_or(0) + c.rows.len());
    }
    let n = starts.last().copied().unwrap_or(0);
    let row = |i: usize| -> Option<(&Chunk, &CompactAnswer)> {
        let c = starts.partition_point(|&s| s <= i).checked_sub(1)?;
        let chunk = parsed.chunks.get(c)?;
        Some((chunk, chunk.rows.get(i - starts[c])?))
    };
    let loc = |i: usize, a: &CompactAnswer, col: SurveyColumn| {
        parsed
            .fields
            .loc(text, i, Some(&parsed.row_loc(text, a)), col)
    };

    // Respondents numbered across chunks in id order: each chunk's table
    // mapped to ranks in the sorted list of all of them.
    let mut respondents: Vec<&str> = parsed
        .chunks
        .iter()
        .flat_map(|c| c.respondents.iter().map(|r| &**r))
        .collect();
    respondents.par_sort_unstable();
    respondents.dedup();
    let resp_rank: Vec<Vec<u32>> = parsed
        .chunks
        .par_iter()
        .map(|c| {
            c.respondents
                .iter()
                .map(|r| {
                    let k = respondents.partition_point(|x| *x < &**r);
                    u32::try_from(k).unwrap_or(u32::MAX)
                })
                .collect()
        })
        .collect();

    // Each row as a model row (unit and competence as ranks in the plan's
    // ids) and its group: unit rank × competences + competence rank, or NONE
    // when the unit or the competence is not defined.
    const NONE: u32 = u32::MAX;
    let mut group: Vec<u32> = Vec::with_capacity(n);
    let mut model: Vec<AnswerRow> = Vec::with_capacity(n);
    let mut refs = RowRefs::new(ids);
    let mut ok = vec![false; n];
    let mut i = 0;
    for (chunk, resp) in parsed.chunks.iter().zip(&resp_rank) {
        let rank = |list: &[&str], s: &std::sync::Arc<str>| list.binary_search(&&**s).ok();
        let unit_rank: Vec<Option<usize>> = chunk.units.iter().map(|s| rank(&units, s)).collect();
        let comp_rank: Vec<Option<usize>> =
            chunk.competences.iter().map(|s| rank(&comps, s)).collect();
        for a in &chunk.rows {
            let u = unit_rank.get(a.unit as usize).copied().flatten();
            let c = comp_rank.get(a.competence as usize).copied().flatten();
            let mut good = true;
            if u.is_none() {
                good &= refs.unit(chunk.unit(a), loc(i, a, SurveyColumn::Unit), diags);
            }
            if c.and_then(|c| real.get(c)).copied() != Some(true) {
                good &= refs.competence(
                    chunk.competence(a),
                    "competence",
                    false,
                    loc(i, a, SurveyColumn::Competence),
                    diags,
                );
            }
            ok[i] = good;
            let g = u.zip(c).map(|(u, c)| u * n_comps + c);
            group.push(g.and_then(|g| u32::try_from(g).ok()).unwrap_or(NONE));
            let as_u32 = |x: Option<usize>| x.and_then(|x| u32::try_from(x).ok()).unwrap_or(NONE);
            model.push(AnswerRow {
                unit: as_u32(u),
                competence: as_u32(c),
                respondent: resp.get(a.respondent as usize).copied().unwrap_or(NONE),
                level: a.level,
                need: a.need,
            });
            i += 1;
        }
    }

    // Rows of known ids by group in rank order, file order within a group
    // (a stable counting sort), then by respondent within the group.
    let mut order: Vec<u32> = Vec::with_capacity(n);
    let mut bounds: Vec<usize> = Vec::new();
    let small = n_groups < NONE as usize && n_groups <= 4 * n + 1024;
    if small {
        let mut start = vec![0usize; n_groups + 1];
        for &g in &group {
            if g != NONE {
                start[g as usize + 1] += 1;
            }
        }
        for k in 1..start.len() {
            start[k] += start[k - 1];
        }
        bounds = start.clone();
        order.resize(start[n_groups], 0);
        for (i, &g) in group.iter().enumerate() {
            if g != NONE {
                let slot = &mut start[g as usize];
                order[*slot] = i as u32;
                *slot += 1;
            }
        }
    } else {
        // more groups than rows: sort by group instead
        order.extend((0..n as u32).filter(|&i| group[i as usize] != NONE));
        order.sort_by_key(|&i| group[i as usize]);
        bounds.push(0);
        for w in 1..=order.len() {
            if w == order.len() || group[order[w] as usize] != group[order[w - 1] as usize] {
                bounds.push(w);
            }
        }
    }
    let respondent = |i: u32| model.get(i as usize).map_or(NONE, |r| r.respondent);
    // the groups, as disjoint slices of `order`, sorted on all cores
    let mut parts: Vec<&mut [u32]> = Vec::with_capacity(bounds.len());
    let mut rest = &mut order[..];
    for w in bounds.windows(2) {
        let (part, tail) = rest.split_at_mut((w[1] - w[0]).min(rest.len()));
        parts.push(part);
        rest = tail;
    }
    let repeated: Vec<u32> = parts
        .into_par_iter()
        .flat_map_iter(|part| {
            // stable: the first of equal respondents is the first in the file
            part.sort_by_key(|&x| respondent(x));
            let part = &*part;
            part.windows(2)
                .filter(|p| respondent(p[0]) == respondent(p[1]))
                .map(|p| p[1])
                .collect::<Vec<u32>>()
        })
        .collect();
    drop(bounds);
    let mut dup = vec![false; n];
    for i in repeated {
        dup[i as usize] = true;
    }
    // Rows with an unknown unit or competence can only repeat each other.
    let mut seen: HashSet<(&str, &str, &str)> = HashSet::new();
    for (i, &g) in group.iter().enumerate() {
        if g == NONE {
            if let Some((c, a)) = row(i) {
                if !seen.insert((c.respondent(a), c.unit(a), c.competence(a))) {
                    dup[i] = true;
                }
            }
        }
    }
    drop(seen);
    drop(group);
    for (i, _) in dup.iter().enumerate().filter(|(_, &d)| d) {
        if let Some((c, a)) = row(i) {
            // the competence is named only when it is one of the plan's
            let competence = c.competence(a);
            let what = if ids.competences.contains_key(competence) {
                format!("`{competence}`")
            } else {
                "the same competence".to_string()
            };
            diags.push(
                Diagnostic::new(
                    Code::DuplicateId,
                    format!("a respondent answered {what} twice"),
                )
                .at(loc(i, a, SurveyColumn::Respondent))
                .hint("keep one answer per respondent and competence"),
            );
        }
        ok[i] = false;
    }
    drop(dup);
    order.retain(|&i| ok[i as usize]);
    drop(ok);
    let respondents: Vec<String> = respondents.into_iter().map(str::to_string).collect();
    drop(resp_rank);
    drop(parsed);
    // The rows of `order`, in its order, made in place (no second copy of the
    // rows): the kept rows' (unit, competence, respondent) are distinct and
    // `order` is sorted by them, so sorting the kept rows gives its order.
    let mut kept = vec![false; model.len()];
    for &i in &order {
        if let Some(k) = kept.get_mut(i as usize) {
            *k = true;
        }
    }
    drop(order);
    let mut next = kept.iter();
    let mut rows = model;
    rows.retain(|_| next.next().copied().unwrap_or(false));
    drop(kept);
    rows.par_sort_unstable_by_key(|r| {
        (
            (u64::from(r.unit) << 32) | u64::from(r.competence),
            r.respondent,
        )
    });
    Answers {
        units: ids.units.keys().cloned().collect(),
        competences: ids.competences.keys().cloned().collect(),
        respondents,
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::csv_records::{CsvSpec, Input};
    use crate::load::survey_long::parse_long;
    use crate::source::{FileId, Loc};

    fn ids(units: &[&str], comps: &[(&str, bool)]) -> Ids {
        let mut ids = Ids::default();
        let at = Loc::new(FileId(9), 0..0);
        for u in units {
            ids.units.insert(u.to_string(), at.clone());
        }
        for (c, formal) in comps {
            ids.competences.insert(c.to_string(), (*formal, at.clone()));
        }
        ids
    }

    /// Rows in a scrambled order, ids with non-ASCII letters and prefixes of
    /// each other: the result must be exactly what `Plan::normalise` sorts to.
    #[test]
    fn survey_order_is_the_canonical_order_and_duplicates_are_found() {
        let units = ["sjøheim", "sjo", "Aas", "ås", "b"];
        let comps = [
            ("demens", false),
            ("dem", false),
            ("Ø-hjelp", false),
            ("spl", true),
        ];
        let mut text = crate::load::survey::header();
        let mut k = 7u64;
        for i in 0..400 {
            k = k
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let u = units[(k >> 33) as usize % units.len()];
            let c = comps[(k >> 40) as usize % 3].0;
            text.push_str(&format!("r{},{u},{c},{},\n", (k >> 50) % 60, i % 5 + 1));
        }
        text.push_str("r1,ukjent,demens,3,\nr1,ukjent,demens,2,\nr2,b,spl,3,\n");
        let input = Input {
            text: &text,
            file: FileId(0),
            header_start: 0,
            delimiter: b',',
            decimal_comma: false,
        };
        let mut d = Diagnostics::default();
        let parsed = parse_long(input, &CsvSpec::default(), &mut d);
        assert!(d.is_empty(), "{d:?}");
        let ids = ids(&units, &comps);
        let got = survey(parsed.clone(), &text, &ids, &mut d);
        // the reference: every row, first of each (respondent, unit, competence) kept
        let mut seen = std::collections::BTreeSet::new();
        let mut want: Vec<crate::model::Answer> = parsed
            .into_answers(&text)
            .rows
            .into_iter()
            .filter(|a| seen.insert((a.respondent.clone(), a.unit.clone(), a.competence.clone())))
            .filter(|a| &*a.unit != "ukjent" && &*a.competence != "spl")
            .collect();
        want.sort_by(|a, b| {
            (&a.unit, &a.competence, &a.respondent).cmp(&(&b.unit, &b.competence, &b.respondent))
        });
        let want: Vec<_> = want
            .iter()
            .map(|a| (&*a.respondent, &*a.unit, &*a.competence, a.level))
            .collect();
        assert_eq!(
            got.iter()
                .map(|a| (a.respondent, a.unit, a.competence, a.level))
                .collect::<Vec<_>>(),
            want
        );
        let dups = d.iter().filter(|x| x.code == Code::DuplicateId).count();
        assert_eq!(dups, 403 - seen.len(), "{d:?}");
        assert!(d.iter().any(|x| x.code == Code::UnknownReference));
        assert!(d.iter().any(|x| x.code == Code::WrongCompetenceKind));
    }

    #[test]
    fn keep_in_order_permutes_in_place() {
        let rows = vec!["a", "b", "c", "d", "e"];
        let ok = [true, false, true, true, false];
        assert_eq!(
            keep_in_order(rows.clone(), &ok, &[3, 0, 2]),
            ["d", "a", "c"]
        );
        assert_eq!(keep_in_order(rows, &ok, &[0, 2, 3]), ["a", "c", "d"]);
        assert!(keep_in_order(vec!["x"], &[false], &[]).is_empty());
    }
}
