//! JSON: the analysis as one object, floats in full (shortest round-trip) precision.
//!
//! In: an [`Analysis`]. Out: `{base_year, end_year, capacity, quality,
//! indicators, workforce, capacity_totals, quality_totals, survey, costs,
//! coverage}` (docs/format.md), pretty-printed, ending with a newline.

use std::io::{self, Write};

use crate::analyse::Analysis;

pub fn render(out: &mut dyn Write, a: &Analysis) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, a).map_err(io::Error::other)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::{analyse, testkit::*};
    use crate::model::QualityAmount;

    #[test]
    fn top_level_keys_and_nulls_for_suppressed_rows() {
        let mut plan = plan_2025_2029();
        plan.capacity = vec![cap("u", "spl", 1.0, &["spl"], 0.0)];
        plan.quality = vec![qual("u", "demens", 3, QualityAmount::Count(1))];
        plan.staff = vec![person("secret-id", "u", "spl", 100.0, Some("spl"), 1971)];
        plan.survey = vec![
            answer("resp-secret", "u", "demens", 2),
            answer("resp-other", "u", "demens", 1),
        ]
        .into();
        let mut buf = Vec::new();
        render(&mut buf, &analyse(&plan, &plan.assumptions)).unwrap();
        let text = String::from_utf8(buf).unwrap();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        // in the order of the struct: the six keys of issue 3, then those of issue 9
        let keys: Vec<&str> = text
            .lines()
            .filter_map(|l| l.strip_prefix("  \"")?.split_once('"').map(|(k, _)| k))
            .collect();
        assert_eq!(
            keys,
            [
                "base_year",
                "end_year",
                "capacity",
                "quality",
                "indicators",
                "workforce",
                "capacity_totals",
                "quality_totals",
                "survey",
                "costs",
                "coverage"
            ]
        );
        // a survey group of two: its figures are null in every table of it
        for row in [&v["survey"]["municipality"][0], &v["survey"]["units"][0]] {
            assert_eq!(row["suppressed"], true, "{row}");
            assert!(row["share_at_level"].is_null() && row["mean_need"].is_null());
            assert_eq!(row["respondents"], 2);
        }
        // the uncovered quality need of a hidden row has no size
        let hidden = &v["coverage"]["uncovered"][0];
        assert_eq!(
            (&hidden["kind"], &hidden["suppressed"]),
            (&"quality".into(), &true.into())
        );
        assert!(hidden["size"].is_null());
        assert!(!text.contains("resp-"));
        assert!(v["quality"][0]["available"].is_null());
        assert_eq!(v["quality"][0]["suppressed"], true);
        assert!(!text.contains("secret-id") && !text.contains("1971"));
        let row = v["capacity"][0].as_object().unwrap();
        let fields: Vec<&str> = row.keys().map(String::as_str).collect();
        let mut want = crate::render::csv::CAPACITY_COLUMNS;
        want.sort_unstable();
        assert_eq!(fields, want);
    }
}
