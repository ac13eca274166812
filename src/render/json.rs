//! JSON: the analysis as one object, floats in full precision without
//! floating-point noise (rounded to 10⁻⁹: `29.164`, not `29.163999999999998`).
//!
//! In: an [`Analysis`]. Out: `{base_year, end_year, capacity, quality,
//! indicators, workforce, capacity_totals, quality_totals, survey, costs,
//! coverage}` (docs/format.md), pretty-printed, ending with a newline.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

use crate::analyse::Analysis;

pub fn render(out: &mut dyn Write, a: &Analysis) -> io::Result<()> {
    write(out, a)
}

/// Any part of the analysis as pretty JSON with denoised floats, ending with a
/// newline (the workload output uses it too).
pub fn write(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, Rounding::default());
    // an error of the writer comes back as itself (a closed pipe stays one)
    value.serialize(&mut ser).map_err(io::Error::from)?;
    writeln!(out)
}

/// `x` rounded to 10⁻⁹ (the analysis' own tolerance for noise, docs/method.md),
/// written back as the shortest decimal that reads back the same. Figures of a
/// million or more are left as they are (10⁻⁹ is below their precision).
pub fn denoise(x: f64) -> f64 {
    if !x.is_finite() || x.abs() >= 1e6 {
        return x;
    }
    let r = (x * 1e9).round() / 1e9;
    if r == 0.0 {
        0.0 // never "-0.0"
    } else {
        r
    }
}

/// serde_json's pretty printer with every float passed through [`denoise`].
#[derive(Default)]
struct Rounding(PrettyFormatter<'static>);

impl Formatter for Rounding {
    fn write_f64<W: ?Sized + Write>(&mut self, w: &mut W, value: f64) -> io::Result<()> {
        self.0.write_f64(w, denoise(value))
    }
    fn write_f32<W: ?Sized + Write>(&mut self, w: &mut W, value: f32) -> io::Result<()> {
        self.0.write_f64(w, denoise(f64::from(value)))
    }
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::{analyse, testkit::*};
    use crate::model::QualityAmount;

    #[test]
    fn floats_without_noise_and_as_pretty_as_before() {
        assert_eq!(denoise(29.163999999999998), 29.164);
        assert_eq!(denoise(0.1 + 0.2), 0.3);
        assert_eq!(denoise(-1e-12), 0.0);
        assert_eq!(denoise(2.0 / 3.0), 0.666666667);
        assert_eq!(denoise(12_345_678.123_456_78), 12_345_678.123_456_78);
        let mut plan = plan_2025_2029();
        plan.capacity = vec![cap("u", "spl", 1.0, &["spl"], 0.0)];
        let a = analyse(&plan, &plan.assumptions);
        let mut ours = Vec::new();
        render(&mut ours, &a).unwrap();
        let mut plain = serde_json::to_vec_pretty(&a).unwrap();
        plain.push(b'\n');
        // same layout and keys; only the floats may differ
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            String::from_utf8(plain).unwrap()
        );
    }

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
