//! Kompetansekrav in FTE: how many FTE a capacity line requires in a year.
//!
//! In: a capacity line and a year y of the period. Out: the required FTE. One
//! source today, the plan's own growth rate (`required = fte × (1 + g)^(y − B)`);
//! other sources (population projections, WISN workloads) become further
//! variants of [`Demand`], and the capacity analysis asks this one place.

use crate::model::CapacityLine;

/// Where the required FTE of a capacity line come from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Demand {
    /// The line's `fte` in the base year B, grown by its `annual_growth` g:
    /// `fte × (1 + g)^(y − B)`.
    Growth {
        /// B.
        base: i32,
    },
}

impl Demand {
    /// The required FTE of `line` in year `y`.
    pub fn required(&self, line: &CapacityLine, y: i32) -> f64 {
        match *self {
            Demand::Growth { base } => line.fte * (1.0 + line.annual_growth).powi(y - base),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::testkit::*;

    #[test]
    fn growth_compounds_from_the_base_year() {
        let line = cap("u", "fag", 5.0, &["hfa"], 0.05);
        let d = Demand::Growth { base: 2025 };
        assert_eq!(d.required(&line, 2025), 5.0);
        assert!(close(d.required(&line, 2029), 6.07753125));
        assert!(close(d.required(&line, 2024), 5.0 / 1.05));
    }
}
