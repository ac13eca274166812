//! Wide survey exports (Nettskjema, Microsoft Forms): one row per respondent, one
//! column per question → one v1 answer per respondent and competence.
//!
//! In: a decoded file and a [`CsvSpec`] with `questions` (question header →
//! competence and level/need) and `scale` (answer label → number). Out: answer
//! rows as if read from a v1 survey file. Blank answers and labels mapped to ""
//! ("Vet ikke") are no answer, not zero.

use std::collections::BTreeMap;

use super::csv_records::{records, Column, CsvSpec, FieldLocs, Input, Parsed};
use super::survey::{answer, scale_error, SurveyColumn, WIDE};
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::model::Answer;
use crate::source::Loc;

pub fn read_wide(input: Input<'_>, spec: &CsvSpec, diags: &mut Diagnostics) -> Parsed<Answer> {
    let mut out = Vec::new();
    let mut locs = Vec::new();
    let Some(questions) = &spec.questions else {
        return Parsed {
            rows: out,
            fields: FieldLocs::Given(locs),
        };
    };
    let headers: Vec<String> = questions.keys().cloned().collect();
    records(
        input,
        spec,
        WIDE,
        &[],
        &headers,
        diags,
        |r, names, diags| {
            let n0 = diags.len();
            let respondent = r.get(SurveyColumn::Respondent).to_string();
            let unit = r.get(SurveyColumn::Unit).to_string();
            if respondent.is_empty() || unit.is_empty() {
                let col = if respondent.is_empty() {
                    SurveyColumn::Respondent
                } else {
                    SurveyColumn::Unit
                };
                diags.push(
                    Diagnostic::new(Code::MissingField, format!("`{}` is empty", col.name()))
                        .at(r.loc(col)),
                );
                return;
            }
            if super::personal::looks_like_name(&respondent) {
                diags.push(super::personal::name_ids(
                    "respondent",
                    1,
                    r.loc(SurveyColumn::Respondent),
                ));
                return;
            }
            // competence → (level, need, location of the level cell, location of the need cell)
            type Cell = (Option<u8>, Option<u8>, Option<Loc>, Option<Loc>);
            let mut per: BTreeMap<&str, Cell> = BTreeMap::new();
            for (column, name) in names.iter().enumerate() {
                let Some(q) = questions.get(name) else {
                    continue;
                };
                let text = r.raw(column);
                let text = spec
                    .values
                    .get(if q.is_need { "need" } else { "level" })
                    .and_then(|m| m.get(text))
                    .map_or(text, String::as_str);
                let what = if q.is_need { "need" } else { "level" };
                let value = match answer(text, spec) {
                    Ok(Some(v)) if (1..=5).contains(&v) => Some(v),
                    Ok(None) => None,
                    Ok(Some(_)) => {
                        diags.push(
                            Diagnostic::new(
                                Code::OutOfRange,
                                format!("`{what}` in `{name}` is outside 1–5"),
                            )
                            .at(r.column_loc(column))
                            .hint(
                                "answers are on a scale from 1 to 5; map other scales with `scale`",
                            ),
                        );
                        None
                    }
                    Err(()) => {
                        diags.push(scale_error(what, r.column_loc(column), spec));
                        None
                    }
                };
                let cell = per.entry(q.competence.as_str()).or_default();
                if q.is_need {
                    cell.1 = value;
                    cell.3 = Some(r.column_loc(column));
                } else {
                    cell.0 = value;
                    cell.2 = Some(r.column_loc(column));
                }
            }
            if diags.len() > n0 {
                return;
            }
            for (competence, (level, need, level_loc, need_loc)) in per {
                let Some(level) = level else { continue };
                let level_loc = level_loc.unwrap_or_else(|| r.row_loc());
                // one location per v1 column (the competence is the question's)
                locs.push(vec![
                    r.loc(SurveyColumn::Respondent),
                    r.loc(SurveyColumn::Unit),
                    level_loc.clone(),
                    level_loc,
                    need_loc.unwrap_or_else(|| r.row_loc()),
                ]);
                out.push(Answer {
                    respondent: respondent.as_str().into(),
                    unit: unit.as_str().into(),
                    competence: competence.into(),
                    level,
                    need,
                    loc: Some(r.row_loc()),
                });
            }
        },
    );
    Parsed {
        rows: out,
        fields: FieldLocs::Given(locs),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::csv_records::Question;
    use crate::source::FileId;

    #[test]
    fn wide_rows_become_answers_and_blanks_are_no_answer() {
        let t = "Svar-ID\tEnhet\tHvor god er du på demens?\tHvor stort behov har du for opplæring i demens?\tHvor god er du på palliasjon?\n\
                 1\tsjoheim\tSvært god\tLite\t\n\
                 2\tsjoheim\tVet ikke\tStort\t3\n";
        let mut spec = CsvSpec {
            mapped: true,
            ..CsvSpec::default()
        };
        spec.columns.insert("respondent".into(), "Svar-ID".into());
        spec.columns.insert("unit".into(), "Enhet".into());
        let q = |c: &str, need: bool| Question {
            competence: c.into(),
            is_need: need,
        };
        spec.questions = Some(
            [
                ("Hvor god er du på demens?".to_string(), q("demens", false)),
                (
                    "Hvor stort behov har du for opplæring i demens?".to_string(),
                    q("demens", true),
                ),
                (
                    "Hvor god er du på palliasjon?".to_string(),
                    q("palliasjon", false),
                ),
            ]
            .into(),
        );
        spec.scale = [
            ("Svært god".to_string(), Some(5)),
            ("Vet ikke".into(), None),
            ("Lite".into(), Some(2)),
            ("Stort".into(), Some(4)),
        ]
        .into();
        let mut d = Diagnostics::default();
        let inp = Input {
            text: t,
            file: FileId(0),
            header_start: 0,
            delimiter: b'\t',
            decimal_comma: false,
        };
        let rows = read_wide(inp, &spec, &mut d).rows;
        assert!(d.is_empty(), "{d:?}");
        let got: Vec<_> = rows
            .iter()
            .map(|a| (&*a.respondent, &*a.competence, a.level, a.need))
            .collect();
        assert_eq!(
            got,
            vec![("1", "demens", 5, Some(2)), ("2", "palliasjon", 3, None)]
        );
    }
}
