//! Survey answers (kartlegging): the v1 layout, reading long and wide exports,
//! and writing.
//!
//! In (reading): a decoded survey file and its [`CsvSpec`]. Out: a
//! [`ParsedSurvey`] — every answer that could be read, in file order — and a
//! diagnostic for every empty required field and every answer that is not on
//! the scale. An answer is a value of the closed scale 1–5 (or a label
//! `scale` maps to one, or no answer): like an enumerated value in a plan
//! file, reading it is checking it. Whether the unit and competence exist, and
//! duplicate answers, are [`crate::validate`]'s job.
//!
//! In (writing): answers as text and numbers. Out: the v1 CSV that `plan
//! import`, the demo generator and the tests write, so the layout exists once.

use std::fmt::Write as _;

use super::csv_records::{Column, CsvSpec, Input, Parsed, Record};
use super::data::DataKind;
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::model::raw::RawData;
use crate::model::raw_data::RawSource;
use crate::model::Answer;
use crate::source::Loc;

pub use super::survey_long::{Chunk, CompactAnswer, ParsedSurvey};

/// The columns of a v1 survey file, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SurveyColumn {
    /// Pseudonymous respondent id.
    Respondent,
    Unit,
    /// Real competence id.
    Competence,
    /// Self-assessed level 1–5.
    Level,
    /// Self-assessed need 1–5; empty = not given.
    Need,
}

impl Column for SurveyColumn {
    const ALL: &'static [Self] = &[
        SurveyColumn::Respondent,
        SurveyColumn::Unit,
        SurveyColumn::Competence,
        SurveyColumn::Level,
        SurveyColumn::Need,
    ];
    const NAMES: &'static [&'static str] = &["respondent", "unit", "competence", "level", "need"];

    fn index(self) -> usize {
        self as usize
    }
}

/// Columns a mapped export may leave out.
pub const OPTIONAL: [&str; 1] = ["need"];

/// The columns of a wide export besides its questions: respondent and unit.
pub const WIDE: &[&str] = <SurveyColumn as Column>::NAMES.split_at(2).0;

/// The survey as a data kind: `[data] survey`.
#[derive(Debug, Clone, Copy)]
pub struct SurveyKind;

impl DataKind for SurveyKind {
    const KEY: &'static str = "survey";
    const COLUMNS: &'static [&'static str] = SurveyColumn::NAMES;
    const WIDE_COLUMNS: Option<&'static [&'static str]> =
        Some(&["respondent", "unit", "level", "need"]);
    type Rows = ParsedSurvey;

    fn source(data: &RawData) -> Option<&RawSource> {
        data.survey.as_ref()
    }

    fn parse(input: Input<'_>, spec: &CsvSpec, diags: &mut Diagnostics) -> Self::Rows {
        parse(input, spec, diags)
    }
}

/// Read survey answers, long or wide layout, in file order.
pub fn parse(input: Input<'_>, spec: &CsvSpec, diags: &mut Diagnostics) -> ParsedSurvey {
    let n0 = diags.len();
    let parsed = if spec.questions.is_some() {
        let wide = super::survey_wide::read_wide(input, spec, diags);
        ParsedSurvey::from_answers(input.file, wide)
    } else {
        super::survey_long::parse_long(input, spec, diags)
    };
    fold_names(diags, n0);
    parsed
}

/// Respondent ids that look like names: one finding per file, with the count.
fn fold_names(diags: &mut Diagnostics, from: usize) {
    diags.fold_after(
        from,
        |d| d.code == Code::PersonalData && d.message.contains("looks like a person's name"),
        |first, n| match first.loc {
            Some(loc) => super::personal::name_ids("respondent", n, loc),
            None => first,
        },
    );
}

/// Read survey answers as model rows, in file order (for `plan import`).
pub fn parse_answers(input: Input<'_>, spec: &CsvSpec, diags: &mut Diagnostics) -> Parsed<Answer> {
    let n0 = diags.len();
    let parsed = if spec.questions.is_some() {
        super::survey_wide::read_wide(input, spec, diags)
    } else {
        super::survey_long::parse_long(input, spec, diags).into_answers(input.text)
    };
    fold_names(diags, n0);
    parsed
}

/// A 1–5 answer: a number, or a label of the scale; `Ok(None)` = no answer.
pub(crate) fn answer(text: &str, spec: &CsvSpec) -> Result<Option<u8>, ()> {
    if text.is_empty() {
        return Ok(None);
    }
    if let Some(v) = spec.scale.get(text) {
        return Ok(*v);
    }
    match text.parse::<i64>() {
        Ok(v) => u8::try_from(v).map(Some).map_err(|_| ()),
        Err(_) => Err(()),
    }
}

/// An answer that is not on the scale (the answer itself is not repeated).
pub(crate) fn scale_error(what: &str, loc: Loc, spec: &CsvSpec) -> Diagnostic {
    let labels: Vec<&str> = spec.scale.keys().map(String::as_str).collect();
    let d = Diagnostic::new(
        Code::CsvNumber,
        format!("`{what}` must be a number 1–5 or a label of `scale`"),
    )
    .at(loc);
    if labels.is_empty() {
        d.hint("map answer labels to numbers with `scale = { \"Svært god\" = 5, \"Vet ikke\" = \"\" }`")
    } else {
        d.hint(format!("labels in `scale`: {}", labels.join(", ")))
    }
}

/// One answer read: (respondent, unit, competence, level, need).
pub(crate) type AnswerFields<'r> = (&'r str, &'r str, &'r str, u8, Option<u8>);

/// One v1 survey record read, or `None` (with diagnostics, or silently for a
/// blank answer of a mapped export).
pub(crate) fn record<'r>(
    r: &'r Record<'_, '_, '_>,
    spec: &CsvSpec,
    diags: &mut Diagnostics,
) -> Option<AnswerFields<'r>> {
    use SurveyColumn as C;
    let n0 = diags.len();
    let respondent = r.required(C::Respondent, diags);
    if respondent.is_some_and(super::personal::looks_like_name) {
        // folded into one finding per file by `parse`
        diags.push(super::personal::name_ids(
            "respondent",
            1,
            r.loc(C::Respondent),
        ));
        return None;
    }
    let unit = r.required(C::Unit, diags);
    let competence = r.required(C::Competence, diags);
    let scale = |col: SurveyColumn, diags: &mut Diagnostics| -> Option<u8> {
        let what = col.name();
        let text = r.get(col);
        match answer(text, spec) {
            Ok(Some(v)) if (1..=5).contains(&v) => Some(v),
            Ok(None) => None,
            Ok(Some(_)) => {
                diags.push(
                    Diagnostic::new(Code::OutOfRange, format!("`{what}` is outside 1–5"))
                        .at(r.loc(col))
                        .hint("answers are on a scale from 1 to 5"),
                );
                None
            }
            Err(()) => {
                diags.push(scale_error(what, r.loc(col), spec));
                None
            }
        }
    };
    let level = scale(C::Level, diags);
    let need = scale(C::Need, diags);
    if diags.len() > n0 {
        return None;
    }
    let Some(level) = level else {
        if !spec.mapped {
            diags.push(
                Diagnostic::new(Code::MissingField, "`level` is empty")
                    .at(r.loc(C::Level))
                    .hint("a v1 survey row is one answer; leave out rows without an answer"),
            );
        }
        return None; // a blank answer is no answer, not zero
    };
    Some((respondent?, unit?, competence?, level, need))
}

/// One answer to write.
#[derive(Debug, Clone, Copy)]
pub struct AnswerRow<'a> {
    pub respondent: &'a str,
    pub unit: &'a str,
    pub competence: &'a str,
    pub level: u8,
    pub need: Option<u8>,
}

impl<'a> From<&'a Answer> for AnswerRow<'a> {
    fn from(a: &'a Answer) -> Self {
        AnswerRow {
            respondent: &a.respondent,
            unit: &a.unit,
            competence: &a.competence,
            level: a.level,
            need: a.need,
        }
    }
}

/// The v1 header line, with its line end.
pub fn header() -> String {
    super::csv_write::header(SurveyColumn::NAMES)
}

/// Append one v1 row, with its line end.
pub fn write_row(out: &mut String, a: &AnswerRow<'_>) {
    use super::csv_write::field;
    field(out, a.respondent, true);
    field(out, a.unit, false);
    field(out, a.competence, false);
    let _ = write!(out, ",{},", a.level);
    if let Some(n) = a.need {
        let _ = write!(out, "{n}");
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::FileId;

    fn input(t: &str) -> Input<'_> {
        Input {
            text: t,
            file: FileId(0),
            header_start: 0,
            delimiter: b',',
            decimal_comma: false,
        }
    }

    #[test]
    fn header_typo_gets_a_suggestion_and_extra_columns_a_warning() {
        let t = "respondent,unit,competense,level,need,Tidspunkt\n";
        let mut d = Diagnostics::default();
        parse(input(t), &CsvSpec::default(), &mut d);
        let all: Vec<_> = d.iter().collect();
        assert_eq!(all[0].code, Code::CsvHeader);
        assert!(
            all[0].hint.as_deref().unwrap().contains("column 3"),
            "{:?}",
            all[0]
        );
        assert_eq!(all[1].code, Code::RawExport);
        // unknown header texts are named by position: they could be data
        assert!(all[1].message.contains("column 6"), "{}", all[1].message);
        assert!(!all[1].message.contains("Tidspunkt"));
        assert!(!all[1].message.contains("competense"));
    }

    #[test]
    fn written_answers_read_back() {
        let mut t = header();
        for a in [
            AnswerRow {
                respondent: "r1",
                unit: "u",
                competence: "demens",
                level: 3,
                need: Some(2),
            },
            AnswerRow {
                respondent: "r2",
                unit: "u",
                competence: "demens",
                level: 5,
                need: None,
            },
        ] {
            write_row(&mut t, &a);
        }
        assert_eq!(
            t,
            "respondent,unit,competence,level,need\nr1,u,demens,3,2\nr2,u,demens,5,\n"
        );
        let mut d = Diagnostics::default();
        let back = parse_answers(input(&t), &CsvSpec::default(), &mut d).rows;
        assert!(d.is_empty(), "{d:?}");
        let got: Vec<_> = back
            .iter()
            .map(|a| (&*a.respondent, a.level, a.need))
            .collect();
        assert_eq!(got, [("r1", 3, Some(2)), ("r2", 5, None)]);
    }
}
