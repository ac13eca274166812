//! Per-unit look-ups built once, so that writing one section per unit costs
//! the size of that unit's rows rather than a scan of the whole plan.
//!
//! In: the plan's measures and the coverage findings; collections sorted by
//! unit (the plan's requirement lines, the analysis' rows). Out: each unit's
//! measures, uncovered needs and mismatches in their original order, and the
//! range of a unit's rows in a sorted collection.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::analyse::coverage::Coverage;
use crate::model::{Measure, Plan};

/// Where the rows of `unit` are in `items`, which are sorted by unit (as the
/// plan's requirement lines and the analysis' rows are): the same rows, in
/// the same order, as filtering on the unit.
pub(crate) fn unit_range<T>(items: &[T], unit: &str, key: impl Fn(&T) -> &str) -> Range<usize> {
    let start = items.partition_point(|x| key(x) < unit);
    let len = items
        .get(start..)
        .unwrap_or(&[])
        .partition_point(|x| key(x) == unit);
    start..start + len
}

/// Positions of items per unit, each list in the items' order.
fn positions<'a>(units: impl Iterator<Item = &'a str>) -> BTreeMap<&'a str, Vec<usize>> {
    let mut map: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, u) in units.enumerate() {
        map.entry(u).or_default().push(i);
    }
    map
}

/// Measures, uncovered needs and mismatches of each unit (positions in the
/// plan's measures and in the coverage lists).
#[derive(Debug, Default)]
pub(crate) struct UnitIndex<'a> {
    /// Measures without a unit list: they apply to every unit.
    all_units: Vec<usize>,
    measures: BTreeMap<&'a str, Vec<usize>>,
    uncovered: BTreeMap<&'a str, Vec<usize>>,
    mismatches: BTreeMap<&'a str, Vec<usize>>,
}

impl<'a> UnitIndex<'a> {
    pub fn new(plan: &'a Plan, coverage: &'a Coverage) -> Self {
        let mut all_units = Vec::new();
        let mut measures: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, m) in plan.measures.iter().enumerate() {
            match &m.units {
                None => all_units.push(i),
                Some(us) => {
                    for u in us {
                        let list = measures.entry(u.as_str()).or_default();
                        // a unit named twice still gets the measure once
                        if list.last() != Some(&i) {
                            list.push(i);
                        }
                    }
                }
            }
        }
        UnitIndex {
            all_units,
            measures,
            uncovered: positions(coverage.uncovered.iter().map(|u| u.line.unit())),
            mismatches: positions(coverage.mismatches.iter().map(|m| m.line.unit())),
        }
    }

    /// The measures that apply to `unit`, in the plan's order (as filtering
    /// with [`Measure::applies_to_unit`]).
    pub fn measures(&self, plan: &'a Plan, unit: &str) -> Vec<&'a Measure> {
        let own = self.measures.get(unit).map_or(&[][..], Vec::as_slice);
        let mut ids: Vec<usize> = Vec::with_capacity(self.all_units.len() + own.len());
        ids.extend_from_slice(&self.all_units);
        ids.extend_from_slice(own);
        ids.sort_unstable();
        ids.dedup();
        ids.iter().filter_map(|&i| plan.measures.get(i)).collect()
    }

    /// Positions in [`Coverage::uncovered`] of `unit`'s findings.
    pub fn uncovered(&self, unit: &str) -> &[usize] {
        self.uncovered.get(unit).map_or(&[], Vec::as_slice)
    }

    /// Positions in [`Coverage::mismatches`] of `unit`'s findings.
    pub fn mismatches(&self, unit: &str) -> &[usize] {
        self.mismatches.get(unit).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::testkit::{measure, plan_2025_2029};
    use crate::model::Strategy;

    #[test]
    fn a_units_measures_are_the_filter() {
        let mut plan = plan_2025_2029();
        plan.measures = vec![
            measure("a", Strategy::Develop, &["x"], Some(&["u2", "u1", "u2"])),
            measure("b", Strategy::Acquire, &["x"], None),
            measure("c", Strategy::Mobilise, &["x"], Some(&["u1"])),
            measure("d", Strategy::Develop, &["x"], Some(&[])),
        ];
        let none = Coverage::default();
        let index = UnitIndex::new(&plan, &none);
        for u in ["u1", "u2", "u3"] {
            let want: Vec<&str> = plan
                .measures
                .iter()
                .filter(|m| m.applies_to_unit(u))
                .map(|m| m.id.as_str())
                .collect();
            let got: Vec<&str> = index
                .measures(&plan, u)
                .iter()
                .map(|m| m.id.as_str())
                .collect();
            assert_eq!(got, want, "{u}");
        }
    }

    #[test]
    fn unit_range_is_the_filter() {
        let rows = ["a", "b", "b", "d", "d", "d"];
        for u in ["a", "b", "c", "d", "e", ""] {
            let want: Vec<usize> = (0..rows.len()).filter(|&i| rows[i] == u).collect();
            let got: Vec<usize> = unit_range(&rows, u, |s| s).collect();
            assert_eq!(got, want, "{u}");
        }
    }
}
