//! Totals for the gap tables: capacity per primary competence across units, and
//! quality per competence and level across units without revealing a hidden row.
//!
//! In: analysis rows. Out: [`CapacityTotal`] and [`QualityTotal`] rows, sorted by
//! (year, competence) and (competence, min_level). Computed once, in
//! [`super::analyse_unit`]; every renderer reads them from the analysis.

use std::collections::BTreeMap;

use serde::Serialize;

use super::privacy::aggregate_shown;
use super::quality::QualityCalc;
use super::CapacityRow;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CapacityTotal {
    pub competence: String,
    pub year: i32,
    pub required: f64,
    pub available: f64,
    pub unqualified: f64,
    pub need: f64,
    pub surplus: f64,
    pub mobilise: f64,
    pub develop: f64,
    pub acquire: f64,
}

impl CapacityTotal {
    /// Every figure of the total, in the order of the human tables: required,
    /// available, unqualified, need, mobilise, develop, acquire, surplus.
    pub fn figures(&self) -> [f64; 8] {
        [
            self.required,
            self.available,
            self.unqualified,
            self.need,
            self.mobilise,
            self.develop,
            self.acquire,
            self.surplus,
        ]
    }
}

/// Σ over capacity rows with the same primary competence and year.
pub fn capacity_totals(rows: &[CapacityRow]) -> Vec<CapacityTotal> {
    let mut map: BTreeMap<(i32, &str), CapacityTotal> = BTreeMap::new();
    for r in rows {
        let t = map
            .entry((r.year, r.primary.as_str()))
            .or_insert_with(|| CapacityTotal {
                competence: r.primary.clone(),
                year: r.year,
                required: 0.0,
                available: 0.0,
                unqualified: 0.0,
                need: 0.0,
                surplus: 0.0,
                mobilise: 0.0,
                develop: 0.0,
                acquire: 0.0,
            });
        t.required += r.required;
        t.available += r.available;
        t.unqualified += r.unqualified;
        t.need += r.need;
        t.surplus += r.surplus;
        t.mobilise += r.mobilise;
        t.develop += r.develop;
        t.acquire += r.acquire;
    }
    map.into_values().collect()
}

/// A quality total; the hidden fields are `None` when showing them would let a
/// reader recover a suppressed row (or a sum of too few respondents).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QualityTotal {
    pub competence: String,
    pub min_level: u8,
    pub rows: usize,
    pub headcount: u64,
    pub respondents: u64,
    pub required: u64,
    pub available: Option<u64>,
    pub need: Option<u64>,
    pub develop: Option<u64>,
    pub acquire: Option<u64>,
}

/// Totals per (competence, min_level) over groups of two rows or more. The
/// hidden figures of suppressed rows enter a total only together, by the
/// aggregate rule of [`super::privacy::aggregate_shown`]: shown when no row of
/// the group is suppressed, or when two or more are and they hold at least
/// `min_group_size` respondents together (never when exactly one row is
/// suppressed: subtracting the visible rows would reveal it).
pub fn quality_totals(calcs: &[QualityCalc], min_group_size: u32) -> Vec<QualityTotal> {
    let mut groups: BTreeMap<(&str, u8), Vec<&QualityCalc>> = BTreeMap::new();
    for c in calcs {
        groups
            .entry((c.competence.as_str(), c.min_level))
            .or_default()
            .push(c);
    }
    groups
        .into_iter()
        .filter(|(_, rows)| rows.len() >= 2)
        .map(|((competence, min_level), rows)| {
            // a row is suppressed exactly when its respondents are a hidden group
            let show = aggregate_shown(rows.iter().map(|r| r.respondents), min_group_size);
            let sum = |f: fn(&QualityCalc) -> u64| -> u64 { rows.iter().map(|r| f(r)).sum() };
            let shown = |f: fn(&QualityCalc) -> u64| show.then(|| sum(f));
            QualityTotal {
                competence: competence.to_string(),
                min_level,
                rows: rows.len(),
                headcount: sum(|r| r.headcount),
                respondents: sum(|r| r.respondents),
                required: sum(|r| r.required),
                available: shown(|r| r.available),
                need: shown(|r| r.need),
                develop: shown(|r| r.develop),
                acquire: shown(|r| r.acquire),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn calc(unit: &str, n: u64, available: u64, suppressed: bool) -> QualityCalc {
        QualityCalc {
            unit: unit.into(),
            competence: "demens".into(),
            min_level: 3,
            headcount: 10,
            respondents: n,
            required: 5,
            available,
            need: 5 - available,
            develop: 5 - available,
            acquire: 0,
            suppressed,
        }
    }

    #[test]
    fn one_hidden_row_hides_the_total() {
        let t = quality_totals(&[calc("a", 6, 3, false), calc("b", 3, 1, true)], 5);
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].required, t[0].respondents), (10, 9));
        assert_eq!((t[0].available, t[0].need), (None, None));
    }

    #[test]
    fn hidden_rows_together_large_enough_are_shown() {
        let rows = [
            calc("a", 6, 3, false),
            calc("b", 3, 1, true),
            calc("c", 2, 2, true),
        ];
        let t = quality_totals(&rows, 5);
        assert_eq!((t[0].available, t[0].need), (Some(6), Some(9)));
        // two hidden rows with 4 respondents together stay hidden
        let rows = [
            calc("a", 6, 3, false),
            calc("b", 2, 1, true),
            calc("c", 2, 2, true),
        ];
        assert_eq!(quality_totals(&rows, 5)[0].available, None);
    }

    #[test]
    fn no_total_for_a_single_row_and_all_visible_summed() {
        assert!(quality_totals(&[calc("a", 6, 3, false)], 5).is_empty());
        let t = quality_totals(&[calc("a", 6, 3, false), calc("b", 7, 4, false)], 5);
        assert_eq!(t[0].available, Some(7));
    }

    #[test]
    fn capacity_totals_per_primary_and_year() {
        let row = |unit: &str, primary: &str, need: f64| CapacityRow {
            unit: unit.into(),
            position: "p".into(),
            year: 2025,
            required: 2.0,
            available: 2.0 - need,
            unqualified: 0.0,
            gap: need,
            need,
            surplus: 0.0,
            mobilise: 0.0,
            develop: 0.0,
            acquire: need,
            driver: None,
            index: None,
            primary: primary.into(),
        };
        let t = capacity_totals(&[
            row("a", "spl", 1.0),
            row("b", "spl", 0.5),
            row("a", "hfa", 0.0),
        ]);
        assert_eq!(t.len(), 2);
        assert_eq!((t[0].competence.as_str(), t[0].need), ("hfa", 0.0));
        assert_eq!(
            (t[1].competence.as_str(), t[1].need, t[1].required),
            ("spl", 1.5, 4.0)
        );
    }
}
