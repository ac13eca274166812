//! `workload-mismatch`: a capacity line that gives `fte` although its (unit,
//! position) has a workload, and whose `fte` is more than 10 % away from the
//! workload's W(B).
//!
//! In: a validated [`Plan`] (for the lines and their locations) and the WISN
//! rows of its analysis. Out: warnings pushed onto [`Diagnostics`]. The
//! messages name the unit and position and the two requirements, never staff.

use crate::analyse::WorkloadRow;
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::model::Plan;

/// The largest accepted difference between a line's `fte` and W(B), as a
/// share of W(B).
pub const MISMATCH: f64 = 0.10;

/// Whether `fte` is more than [`MISMATCH`] away from `required` (W(B)).
pub fn mismatch(fte: f64, required: f64) -> bool {
    (fte - required).abs() > MISMATCH * required
}

pub fn workload(plan: &Plan, rows: &[WorkloadRow], diags: &mut Diagnostics) {
    for row in rows {
        // the plan's capacity lines and workloads are sorted by (unit, position)
        let key = (row.unit.as_str(), row.position.as_str());
        let line = plan
            .capacity
            .binary_search_by(|c| (c.unit.as_str(), c.position.as_str()).cmp(&key))
            .ok()
            .and_then(|i| plan.capacity.get(i));
        let Some((line, fte)) = line.and_then(|l| l.fte.map(|f| (l, f))) else {
            continue;
        };
        if !mismatch(fte, row.required) {
            continue;
        }
        let workload = plan
            .workloads
            .binary_search_by(|w| (w.unit.as_str(), w.position.as_str()).cmp(&key))
            .ok()
            .and_then(|i| plan.workloads.get(i))
            .and_then(|w| w.loc.clone());
        let mut d = Diagnostic::new(
            Code::WorkloadMismatch,
            format!(
                "the capacity line `{}` / `{}` requires {fte} FTE, but its workload requires {:.2} FTE (WISN), more than {} % apart",
                row.unit,
                row.position,
                row.required,
                MISMATCH * 100.0
            ),
        )
        .at_opt(line.loc.clone())
        .hint("remove `fte` to take the requirement from the workload, or correct the workload's volumes and standard times");
        if let Some(loc) = workload {
            d = d.related(loc, "the workload");
        }
        diags.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_percent_either_way_is_accepted() {
        assert!(!mismatch(5.5, 5.0));
        assert!(!mismatch(4.5, 5.0));
        assert!(mismatch(5.51, 5.0));
        assert!(mismatch(4.49, 5.0));
        assert!(mismatch(0.1, 0.0));
        assert!(!mismatch(0.0, 0.0));
    }
}
