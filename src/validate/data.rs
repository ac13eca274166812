//! The CSV data named by `[data]`: read, parse and check their references.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::items::{competence_ref, unit_ref};
use super::Ids;
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::load::csv_file::{self, Row};
use crate::load::{display_name, read_text, RawSet};
use crate::model::{Answer, Staff};
use crate::source::{Loc, Sources};

/// Read the staff and survey CSVs named in `[data]` (if any).
pub fn read(
    dir: &Path,
    raw: &RawSet,
    ids: &Ids,
    sources: &mut Sources,
    diags: &mut Diagnostics,
    inputs: &mut Vec<PathBuf>,
) -> (Vec<Staff>, Vec<Answer>) {
    let Some(data) = raw.data.first() else {
        return (Vec::new(), Vec::new());
    };
    let mut open = |key: &str, rel: &Option<String>, diags: &mut Diagnostics| {
        let rel = rel.as_ref()?;
        let path = dir.join(rel);
        if !path.is_file() {
            diags.push(
                Diagnostic::new(
                    Code::MissingDataFile,
                    format!("`data.{key}` names `{rel}`, which does not exist"),
                )
                .at(data.field(key))
                .hint("paths are relative to the plan directory, e.g. \"data/staff.csv\""),
            );
            return None;
        }
        inputs.push(path.clone());
        let id = read_text(&path, display_name(dir, &path), sources, diags)?;
        sources.get(id).map(|f| (id, f.text.clone()))
    };
    let staff_file = open("staff", &data.value.staff, diags);
    let survey_file = open("survey", &data.value.survey, diags);
    let staff = staff_file
        .map(|(id, text)| staff_refs(csv_file::read_staff(&text, id, diags), ids, diags))
        .unwrap_or_default();
    let survey = survey_file
        .map(|(id, text)| survey_refs(csv_file::read_survey(&text, id, diags), ids, diags))
        .unwrap_or_default();
    (staff, survey)
}

fn row_loc(loc: &Option<Loc>) -> Loc {
    loc.clone()
        .unwrap_or(Loc::new(crate::source::FileId(0), 0..0))
}

fn staff_refs(rows: Vec<Staff>, ids: &Ids, diags: &mut Diagnostics) -> Vec<Staff> {
    let mut seen: BTreeMap<String, Loc> = BTreeMap::new();
    let mut out = Vec::with_capacity(rows.len());
    for s in rows {
        let loc = row_loc(&s.loc);
        let mut ok = define(&mut seen, "staff", &s.id, loc.clone(), diags);
        ok &= unit_ref(ids, &s.unit, loc.clone(), diags);
        if let Some(e) = &s.education {
            ok &= competence_ref(ids, e, loc.clone(), Some(true), diags);
        }
        if let Some(e) = &s.studying {
            ok &= competence_ref(ids, e, loc.clone(), Some(true), diags);
        }
        if ok {
            out.push(s);
        }
    }
    out
}

fn survey_refs(rows: Vec<Answer>, ids: &Ids, diags: &mut Diagnostics) -> Vec<Answer> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::with_capacity(rows.len());
    for a in rows {
        let loc = row_loc(&a.loc);
        let mut ok = unit_ref(ids, &a.unit, loc.clone(), diags);
        ok &= competence_ref(ids, &a.competence, loc.clone(), Some(false), diags);
        if !seen.insert((a.respondent.clone(), a.unit.clone(), a.competence.clone())) {
            diags.push(
                Diagnostic::new(
                    Code::DuplicateId,
                    format!(
                        "respondent `{}` answered `{}` twice",
                        a.respondent, a.competence
                    ),
                )
                .at(loc)
                .hint("keep one answer per respondent and competence"),
            );
            ok = false;
        }
        if ok {
            out.push(row.value);
        }
    }
    out
}
