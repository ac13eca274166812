//! The rows of the data files: values in range, references resolved, in
//! canonical order.
//!
//! In: the [`DataSet`] the loader read (rows as read, unchecked) and the
//! plan's ids; the loaded texts only to locate fields. Out: the plan's
//! [`Staff`] and [`Answer`]s — rows with a problem left out — and a diagnostic
//! for every value out of range, fields that contradict each other, unknown
//! reference and duplicate. Staff and survey are checked side by side.

use super::items::competence_ref;
use super::refs;
use super::Ids;
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::load::csv_records::Parsed;
use crate::load::data::DataSet;
use crate::load::staff::{RawStaff, StaffColumn};
use crate::model::{Answers, Staff};
use crate::source::Sources;

/// Check the data rows against the plan's ids.
pub fn data(
    set: DataSet,
    ids: &Ids,
    sources: &Sources,
    diags: &mut Diagnostics,
) -> (Vec<Staff>, Answers) {
    let DataSet {
        staff,
        survey,
        questions,
    } = set;
    // A wide survey whose questions name an unknown competence is not read
    // further: each of its answers would repeat the same finding.
    let n0 = diags.len();
    for (competence, loc) in questions {
        competence_ref(ids, &competence, loc, Some(false), diags);
    }
    let survey = survey.filter(|_| diags.len() == n0);
    let text = |file| sources.get(file).map_or("", |f| f.text.as_str());
    let (staff, survey) = rayon::join(
        || {
            let mut d = Diagnostics::default();
            let rows = staff.map(|f| {
                let text = text(f.file);
                let parsed = values(f.rows, text, &mut d);
                refs::staff(parsed, text, ids, &mut d)
            });
            (rows.unwrap_or_default(), d)
        },
        || {
            let mut d = Diagnostics::default();
            let rows = survey.map(|f| refs::survey(f.rows, text(f.file), ids, &mut d));
            (rows.unwrap_or_default(), d)
        },
    );
    diags.extend(staff.1);
    diags.extend(survey.1);
    (staff.0, survey.0)
}

fn out_of_range(loc: crate::source::Loc, msg: String, hint: &str) -> Diagnostic {
    Diagnostic::new(Code::OutOfRange, msg).at(loc).hint(hint)
}

/// Roster rows as staff members: every number in its range, `studying` and
/// `study_done` together. Rows the loader rejected are checked too (so every
/// problem of a row is reported at once) but left out, like rows with a
/// problem found here. References are not checked here (see [`refs::staff`]).
pub fn values(parsed: Parsed<RawStaff>, text: &str, diags: &mut Diagnostics) -> Parsed<Staff> {
    use StaffColumn as C;
    let Parsed { rows, fields } = parsed;
    // made in place of the raw rows (a `Staff` is no larger than a
    // `RawStaff`, so the standard library reuses their allocation: the two
    // lists of a national roster are never held at once)
    let out = rows.into_iter().enumerate().filter_map(|(i, r)| {
        let n0 = diags.len();
        let loc = |col| fields.loc(text, i, Some(&r.loc), col);
        // the row is personal data: messages say what is wrong, never the value
        if let Some(p) = r.percent {
            if !(p > 0.0 && p <= 100.0) {
                diags.push(out_of_range(
                    loc(C::Percent),
                    "`percent` is outside 0 < percent ≤ 100".to_string(),
                    "stillingsprosent is a number above 0 and at most 100",
                ));
            }
        }
        if let Some(y) = r.birth_year {
            if !(1900..=2100).contains(&y) {
                diags.push(out_of_range(
                    loc(C::BirthYear),
                    "`birth_year` is not a plausible year (1900–2100)".to_string(),
                    "write the four-digit year of birth",
                ));
            }
        }
        if let Some(w) = r.wanted_percent {
            if !(w > 0.0 && w <= 100.0) {
                diags.push(out_of_range(
                    loc(C::WantedPercent),
                    "`wanted_percent` is outside 0 < wanted_percent ≤ 100".to_string(),
                    "leave it empty when the employee wants the same position size",
                ));
            }
        }
        if let Some(y) = r.study_done {
            if !(1900..=2200).contains(&y) {
                diags.push(out_of_range(
                    loc(C::StudyDone),
                    "`study_done` is not a plausible year".to_string(),
                    "the year the education counts, e.g. 2027",
                ));
            }
        }
        if r.studying.is_some() != r.study_done.is_some() {
            let (col, msg) = if r.studying.is_some() {
                (C::StudyDone, "`studying` is set but `study_done` is empty")
            } else {
                (C::Studying, "`study_done` is set but `studying` is empty")
            };
            diags.push(
                Diagnostic::new(Code::ConflictingFields, msg)
                    .at(loc(col))
                    .hint(
                        "give both the competence studied for and the year it counts, or neither",
                    ),
            );
        }
        if r.rejected || diags.len() > n0 {
            return None;
        }
        match (r.percent, r.birth_year) {
            (Some(percent), Some(birth_year)) => Some(Staff {
                id: r.id,
                unit: r.unit,
                position: r.position,
                percent,
                education: r.education,
                birth_year: birth_year as i32,
                wanted_percent: r.wanted_percent,
                studying: r.studying,
                study_done: r.study_done.map(|y| y as i32),
                loc: Some(r.loc),
            }),
            _ => None,
        }
    });
    let rows = out.collect();
    Parsed { rows, fields }
}
