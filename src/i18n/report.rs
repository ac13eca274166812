//! The words of `plan report`: headings, fixed paragraphs, column names and the
//! templates of the generated reading, one catalogue per language.
//!
//! In: nothing (constants). Out: [`ReportMessages`], reached through
//! [`super::Messages::report`]. Templates hold `{key}`s filled with
//! [`super::fill`]; fields whose text is already Markdown say so.

#[derive(Debug)]
pub struct ReportMessages {
    // title block
    /// Markdown.
    pub doc_intro: &'static str,
    pub key_plan: &'static str,
    pub key_municipality: &'static str,
    pub key_period: &'static str,
    pub key_base_year: &'static str,
    pub key_version: &'static str,
    pub key_adopted: &'static str,
    pub key_revised: &'static str,
    pub key_next: &'static str,
    pub key_owner: &'static str,
    /// "{name}", "{number}".
    pub municipality_value: &'static str,
    /// "{date}" (ISO date of the last revision).
    pub version_value: &'static str,
    pub not_given: &'static str,
    /// The title page's status line of a plan not adopted yet.
    pub key_status: &'static str,
    pub status_draft: &'static str,
    /// `municipality_value` without a municipality number.
    pub municipality_name: &'static str,
    /// Step 2 and step 7 of a plan not adopted yet.
    pub anchoring_draft: &'static str,
    pub revision_draft: &'static str,
    /// "{day}", "{month}", "{year}".
    pub date: &'static str,
    pub months: [&'static str; 12],
    /// The word joining the last two items of a list.
    pub and: &'static str,
    /// "{n}": an amount in kroner, already formatted.
    pub money: &'static str,

    // step 1–4
    pub h_organisation: &'static str,
    /// Markdown.
    pub organisation_intro: &'static str,
    pub org_owner: &'static str,
    pub org_steering: &'static str,
    pub org_working: &'static str,
    pub org_users: &'static str,
    pub h_anchoring: &'static str,
    pub anchoring_none: &'static str,
    /// "{adopted}", "{revised}".
    pub anchoring_adopted: &'static str,
    /// Markdown.
    pub anchoring_units: &'static str,
    pub h_goals: &'static str,
    pub goals_none: &'static str,
    pub h_assumptions: &'static str,
    /// "{age}".
    pub assume_retirement: &'static str,
    /// "{list}" of [`Self::assume_special_item`].
    pub assume_special: &'static str,
    /// "{competence}", "{age}".
    pub assume_special_item: &'static str,
    /// "{rate}".
    pub assume_turnover: &'static str,
    /// "{n}".
    pub assume_min_group: &'static str,
    pub h_concept: &'static str,
    /// Markdown paragraphs.
    pub concept_text: &'static [&'static str],
    pub h_formal: &'static str,
    pub h_real: &'static str,
    /// Markdown.
    pub real_intro: &'static str,
    /// Kunnskaper, ferdigheter, holdninger, evner (the order of `Dimension`).
    pub dimensions: [&'static str; 4],
    pub col_styrk: &'static str,
    pub col_retirement_age: &'static str,

    // step 5
    pub h_analysis: &'static str,
    /// Markdown.
    pub analysis_intro: &'static str,
    /// "{year}".
    pub h_basic: &'static str,
    /// "{n}".
    pub hidden_staff_note: &'static str,
    /// "{year}".
    pub fig_education: &'static str,
    /// "{year}".
    pub fig_age: &'static str,
    pub fig_retirement: &'static str,
    /// "{from}", "{to}".
    pub fig_capacity: &'static str,
    /// "{unit}", "{from}", "{to}".
    pub fig_unit_capacity: &'static str,
    /// The word on the row of a hidden bar.
    pub fig_hidden: &'static str,
    /// "{n}".
    pub fig_hidden_note: &'static str,
    pub h_requirements: &'static str,
    /// Markdown.
    pub requirements_intro: &'static str,
    pub staffing: &'static str,
    pub real_competence: &'static str,
    /// "{year}".
    pub col_fte_in: &'static str,
    pub col_growth: &'static str,
    pub col_accepts: &'static str,
    pub col_requirement: &'static str,
    /// "{pct}".
    pub req_share: &'static str,
    /// "{n}".
    pub req_count: &'static str,
    pub h_gaps: &'static str,
    /// Markdown.
    pub gaps_intro: &'static str,
    /// "{unit}".
    pub h_gap_unit: &'static str,
    pub h_gap_totals: &'static str,
    /// "{year}".
    pub h_quality_gaps: &'static str,
    pub h_survey: &'static str,
    /// Markdown.
    pub survey_intro: &'static str,
    pub survey_none: &'static str,
    /// "{n}".
    pub survey_hidden_note: &'static str,
    pub col_area: &'static str,
    pub col_share_at_level: &'static str,
    pub col_mean_need: &'static str,
    pub no_requirement: &'static str,

    // the reading
    pub h_reading: &'static str,
    /// Markdown.
    pub reading_intro: &'static str,
    pub read_nothing: &'static str,
    /// "{year}", "{headcount}", "{fte}".
    pub read_workforce: &'static str,
    /// "{age}", "{share}".
    pub read_age: &'static str,
    /// "{n}", "{from}", "{to}".
    pub read_retirement: &'static str,
    /// "{competence}", "{from}", "{to}", "{base}", "{end}".
    pub read_need_up: &'static str,
    pub read_need_down: &'static str,
    pub read_need_same: &'static str,
    /// "{competence}".
    pub read_no_need: &'static str,
    /// "{year}", "{parts}" (of the three below, joined).
    pub read_split: &'static str,
    /// "{n}".
    pub read_mobilise: &'static str,
    pub read_develop: &'static str,
    pub read_acquire: &'static str,
    /// "{n}", "{year}".
    pub read_surplus: &'static str,
    /// "{competence}", "{level}", "{need}", "{required}", "{develop}".
    pub read_quality: &'static str,
    /// "{areas}".
    pub read_survey: &'static str,

    // step 6
    pub h_strategies: &'static str,
    /// Markdown.
    pub strategies_intro: &'static str,
    pub h_action_table: &'static str,
    pub col_goal: &'static str,
    pub col_strategies: &'static str,
    pub col_measure: &'static str,
    pub col_indicators: &'static str,
    pub h_by_strategy: &'static str,
    pub col_units: &'static str,
    pub col_responsible: &'static str,
    pub col_period: &'static str,
    pub col_arena: &'static str,
    pub col_cost: &'static str,
    pub col_strategy: &'static str,
    pub all_units: &'static str,
    pub no_measures: &'static str,
    /// Læring i arbeid, på arbeid, utenfor arbeid (the order of `Arena`).
    pub arenas: [&'static str; 3],
    /// KS's roles: (usual id in `responsible`, name), in the matrix's order.
    pub roles: [(&'static str, &'static str); 5],
    pub h_responsibility: &'static str,
    /// Markdown.
    pub responsibility_intro: &'static str,
    pub col_role: &'static str,
    pub h_costs: &'static str,
    /// Markdown.
    pub costs_intro: &'static str,
    /// "{n}".
    pub costs_missing: &'static str,
    pub h_uncovered: &'static str,
    /// Markdown.
    pub uncovered_intro: &'static str,
    pub uncovered_none: &'static str,
    /// "{unit}", "{position}" (with the competence when it differs), "{n}", "{year}".
    pub uncovered_capacity: &'static str,
    /// "{n}", "{year}": appended to the above.
    pub uncovered_peak: &'static str,
    /// "{unit}", "{competence}", "{level}", "{n}".
    pub uncovered_quality: &'static str,
    /// "{unit}", "{competence}", "{n}" (min_group_size).
    pub uncovered_hidden: &'static str,
    /// Markdown.
    pub mismatch_intro: &'static str,
    /// "{unit}", "{line}", "{measures}".
    pub mismatch_item: &'static str,

    // step 7
    pub h_follow_up: &'static str,
    /// Markdown.
    pub follow_up_intro: &'static str,
    pub col_status: &'static str,
    pub h_revision: &'static str,
    /// "{revised}", "{due}".
    pub revision_text: &'static str,
    /// Markdown.
    pub evaluation_text: &'static str,

    // units
    pub h_appendix: &'static str,
    /// Markdown.
    pub appendix_intro: &'static str,
    /// "{n}", "{unit}".
    pub appendix_unit: &'static str,
    /// "{unit}".
    pub unit_title: &'static str,
    /// Markdown.
    pub unit_doc_intro: &'static str,
    /// "{service}".
    pub unit_service: &'static str,
    /// "{year}", "{headcount}", "{fte}".
    pub unit_workforce: &'static str,
    /// "{n}".
    pub unit_small: &'static str,
    pub h_unit_capacity: &'static str,
    pub h_unit_quality: &'static str,
    pub h_unit_measures: &'static str,

    // the reader's words (issue 14)
    /// The appendix that says how the numbers are made.
    pub h_about: &'static str,
    /// Markdown paragraphs.
    pub about_text: &'static [&'static str],
    /// Markdown bullets: the marks and the rounding; "{n}" (min_group_size).
    pub about_marks: &'static [&'static str],
}

#[cfg(test)]
mod tests {
    use super::super::Lang;
    use std::collections::BTreeSet;

    fn keys(s: &str) -> BTreeSet<&str> {
        s.split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(k, _)| k))
            .collect()
    }

    #[test]
    fn every_language_fills_the_same_templates() {
        for other in [Lang::Nn, Lang::En] {
            same_templates(Lang::Nb.messages().report, other.messages().report);
        }
    }

    fn same_templates(nb: &super::ReportMessages, en: &super::ReportMessages) {
        let pairs = [
            (nb.read_need_up, en.read_need_up),
            (nb.read_need_down, en.read_need_down),
            (nb.read_need_same, en.read_need_same),
            (nb.read_split, en.read_split),
            (nb.read_mobilise, en.read_mobilise),
            (nb.read_develop, en.read_develop),
            (nb.read_acquire, en.read_acquire),
            (nb.read_quality, en.read_quality),
            (nb.read_workforce, en.read_workforce),
            (nb.read_age, en.read_age),
            (nb.read_retirement, en.read_retirement),
            (nb.uncovered_capacity, en.uncovered_capacity),
            (nb.uncovered_quality, en.uncovered_quality),
            (nb.uncovered_hidden, en.uncovered_hidden),
            (nb.revision_text, en.revision_text),
            (nb.date, en.date),
            (nb.money, en.money),
            (nb.municipality_value, en.municipality_value),
            (nb.municipality_name, en.municipality_name),
            (nb.version_value, en.version_value),
            (nb.hidden_staff_note, en.hidden_staff_note),
            (nb.survey_hidden_note, en.survey_hidden_note),
        ];
        for (a, b) in pairs {
            assert_eq!(keys(a), keys(b), "{a} / {b}");
            assert!(!keys(a).is_empty(), "{a}");
        }
        assert_eq!(nb.roles.map(|r| r.0), en.roles.map(|r| r.0));
        assert_eq!(nb.about_text.len(), en.about_text.len());
        assert_eq!(nb.about_marks.len(), en.about_marks.len());
        assert_eq!(nb.concept_text.len(), en.concept_text.len());
        let all = |m: &super::ReportMessages| m.about_marks.concat();
        assert!(all(nb).contains("{n}") && all(en).contains("{n}"));
    }

    /// The document speaks to politicians: no command, file path or id
    /// syntax in the words a reader sees.
    #[test]
    fn no_tool_words_in_the_document() {
        for lang in Lang::ALL {
            let r = lang.messages().report;
            let words = [
                r.doc_intro,
                r.analysis_intro,
                r.unit_doc_intro,
                r.reading_intro,
            ]
            .into_iter()
            .chain(r.about_text.iter().copied())
            .chain(r.about_marks.iter().copied());
            for w in words {
                for bad in ["`", "plan report", "plan analyse", "docs/", ".md", ".toml"] {
                    assert!(!w.contains(bad), "{lang:?}: {bad} in {w}");
                }
            }
        }
    }
}
