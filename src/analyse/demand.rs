//! Kompetansekrav in FTE: how many FTE a capacity line requires in a year.
//!
//! In: a capacity line and a year y of the period. Out: the required FTE. Two
//! sources: the line's own `fte` grown by its rate (`required = fte × (1 +
//! g)^(y − B)`), or — for a line without `fte` — the WISN workload of its
//! (unit, position): `required = W(y) × (1 − efficiency)^(y − B)`
//! ([`super::workload`]). Population-driven growth becomes a further source
//! here; the capacity analysis asks this one place.

use std::collections::BTreeMap;

use super::workload::{self, constant_volumes, VolumeIndex};
use crate::model::workload::Workload;
use crate::model::{CapacityLine, Plan};

/// Where the required FTE of the capacity lines come from.
#[derive(Clone, Copy)]
pub struct Demand<'a> {
    /// B.
    base: i32,
    /// The plan's workloads by (unit, position).
    workloads: &'a [Workload],
    /// D(y)/D(B) of each demand driver.
    index: VolumeIndex<'a>,
    /// Årlig effektivisering: labour saved per year, applied to workload lines.
    efficiency: f64,
}

impl std::fmt::Debug for Demand<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Demand")
            .field("base", &self.base)
            .field("workloads", &self.workloads.len())
            .field("efficiency", &self.efficiency)
            .finish()
    }
}

impl<'a> Demand<'a> {
    /// Lines with `fte` only: every requirement is `fte × (1 + g)^(y − B)`.
    pub fn growth(base: i32) -> Demand<'static> {
        Demand {
            base,
            workloads: &[],
            index: &constant_volumes,
            efficiency: 0.0,
        }
    }

    /// The demand of `plan`: its base year and workloads (sorted by unit,
    /// position), the drivers' volume index and the yearly `efficiency`.
    pub fn new(plan: &'a Plan, index: VolumeIndex<'a>, efficiency: f64) -> Self {
        Demand {
            base: plan.meta.base_year,
            workloads: &plan.workloads,
            index,
            efficiency,
        }
    }

    /// The workload of (unit, position).
    fn workload(&self, unit: &str, position: &str) -> Option<&'a Workload> {
        let key = (unit, position);
        self.workloads
            .binary_search_by(|w| (w.unit.as_str(), w.position.as_str()).cmp(&key))
            .ok()
            .and_then(|i| self.workloads.get(i))
    }

    /// The required FTE of `line` in year `y`.
    pub fn required(&self, line: &CapacityLine, y: i32) -> f64 {
        match line.fte {
            Some(fte) => fte * (1.0 + line.annual_growth).powi(y - self.base),
            // validate guarantees a workload for every line without `fte`
            None => self.workload(&line.unit, &line.position).map_or(0.0, |w| {
                workload::wisn(w, y, self.index).required
                    * (1.0 - self.efficiency).powi(y - self.base)
            }),
        }
    }
}

/// Per (unit, position): W(B) of its workload, for `workload-mismatch`.
pub fn base_required(plan: &Plan, index: VolumeIndex) -> BTreeMap<(String, String), f64> {
    plan.workloads
        .iter()
        .map(|w| {
            (
                (w.unit.clone(), w.position.clone()),
                workload::wisn(w, plan.meta.base_year, index).required,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::testkit::*;

    #[test]
    fn growth_compounds_from_the_base_year() {
        let line = cap("u", "fag", 5.0, &["hfa"], 0.05);
        let d = Demand::growth(2025);
        assert_eq!(d.required(&line, 2025), 5.0);
        assert!(close(d.required(&line, 2029), 6.07753125));
        assert!(close(d.required(&line, 2024), 5.0 / 1.05));
    }
}
