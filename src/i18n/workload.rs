//! The words of the WISN workload output (`plan analyse --workload`, the
//! capacity tables' marks, and the report's "Bemanningsberegning (WISN)"),
//! one catalogue per language, reached through [`super::Messages::workload`].
//!
//! In: nothing (constants). Out: [`WorkloadMessages`]. Templates hold `{key}`s
//! filled with [`super::fill`]; fields whose text is Markdown say so.

#[derive(Debug)]
pub struct WorkloadMessages {
    // plan analyse --workload
    /// "{year}".
    pub title: &'static str,
    pub available_hours: &'static str,
    pub activity_staff: &'static str,
    pub category_allowance: &'static str,
    pub individual_allowance: &'static str,
    pub required: &'static str,
    pub existing: &'static str,
    pub ratio: &'static str,
    pub difference: &'static str,
    pub activity_share: &'static str,
    pub note: &'static str,
    /// "{year}".
    pub activities_title: &'static str,
    pub activity: &'static str,
    pub hours: &'static str,
    pub share: &'static str,
    pub years_title: &'static str,
    pub none: &'static str,
    /// Appended to the position of a capacity line whose requirement comes
    /// from its workload.
    pub mark: &'static str,
    pub capacity_note: &'static str,
    /// The growth cell of such a line in the report's bemanningsplan.
    pub growth_from_workload: &'static str,

    // plan report, step 5
    pub h_report: &'static str,
    /// Markdown.
    pub report_intro: &'static str,
    pub inputs: &'static str,
    pub input: &'static str,
    pub value: &'static str,
    pub key_awt: &'static str,
    /// "{days}", "{absence}", "{hours}", "{awt}".
    pub awt_value: &'static str,
    pub key_activities: &'static str,
    /// "{n}", "{hours}", "{a}".
    pub activities_value: &'static str,
    pub key_support: &'static str,
    /// "{pct}", "{caf}".
    pub support_value: &'static str,
    pub key_individual: &'static str,
    /// "{hours}", "{iaf}".
    pub individual_value: &'static str,
    pub key_required: &'static str,
    pub key_existing: &'static str,
    pub key_ratio: &'static str,
    /// "{position}", "{required}", "{existing}", "{ratio}", "{pct}": too few staff.
    pub reading_short: &'static str,
    /// The same, more staff than the workload needs.
    pub reading_surplus: &'static str,
    /// The same, staffing matches the workload (ratio 0.95–1.05).
    pub reading_balanced: &'static str,
    /// "{position}", "{existing}": no workload time at all.
    pub reading_empty: &'static str,
    /// "{position}", "{required}": the requirement line takes W.
    pub reading_sets: &'static str,
    pub fig_title: &'static str,
    pub fig_axis: &'static str,
    pub fig_note: &'static str,
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;

    /// Every template holds the keys the report fills, in both languages.
    #[test]
    fn templates_hold_their_keys() {
        for lang in [Lang::Nb, Lang::En] {
            let w = lang.messages().workload;
            for (template, keys) in [
                (w.title, &["{year}"][..]),
                (w.activities_title, &["{year}"]),
                (w.awt_value, &["{days}", "{absence}", "{hours}", "{awt}"]),
                (w.activities_value, &["{n}", "{hours}", "{a}"]),
                (w.support_value, &["{pct}", "{caf}"]),
                (w.individual_value, &["{hours}", "{iaf}"]),
                (
                    w.reading_short,
                    &["{position}", "{required}", "{existing}", "{ratio}", "{pct}"],
                ),
                (
                    w.reading_surplus,
                    &["{position}", "{required}", "{existing}", "{ratio}", "{pct}"],
                ),
                (
                    w.reading_balanced,
                    &["{position}", "{required}", "{existing}", "{ratio}"],
                ),
                (w.reading_empty, &["{position}", "{existing}"]),
                (w.reading_sets, &["{position}", "{required}"]),
            ] {
                for k in keys {
                    assert!(template.contains(k), "{lang:?}: {k} in {template}");
                }
            }
        }
        assert_ne!(
            Lang::Nb.messages().workload.report_intro,
            Lang::En.messages().workload.report_intro
        );
    }
}
