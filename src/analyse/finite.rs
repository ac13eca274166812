//! The last guard before any output: every figure of the analysis is a finite
//! number.
//!
//! In: an [`Analysis`]. Out: the first figure that is infinite or not a
//! number, named, or `None`. Validation bounds every input (`fte` ≤ 100 000,
//! growth ≤ 1 per year, shares 0–1, …) so that no figure can overflow; this
//! check makes sure a rule added later cannot print `inf` or `NaN` into a plan
//! document, or hang the figures on an infinite axis.

use super::workforce::Workforce;
use super::Analysis;

fn bad(values: &[f64]) -> bool {
    values.iter().any(|v| !v.is_finite())
}

fn bad_opt(values: &[Option<f64>]) -> bool {
    values.iter().flatten().any(|v| !v.is_finite())
}

fn workforce(w: &Workforce) -> bool {
    bad(&[w.fte])
        || bad_opt(&[w.mean_age, w.part_time_share, w.mean_percent])
        || w.age_bands
            .iter()
            .chain(&w.education)
            .any(|g| bad_opt(&[g.fte]))
        || w.retirements.iter().any(|g| bad_opt(&[g.fte]))
}

impl Analysis {
    /// The first figure that is not a finite number, named; `None` when every
    /// figure is finite.
    pub fn non_finite(&self) -> Option<String> {
        for r in &self.capacity {
            if bad(&r.figures()) {
                return Some(format!(
                    "capacity of `{}` / `{}` in {}",
                    r.unit, r.position, r.year
                ));
            }
        }
        for t in &self.capacity_totals {
            if bad(&t.figures()) {
                return Some(format!(
                    "capacity total of `{}` in {}",
                    t.competence, t.year
                ));
            }
        }
        for d in &self.drivers {
            if bad(&[d.users, d.index, d.annual_growth])
                || d.bands.iter().any(|b| bad(&[b.persons]))
            {
                return Some(format!("driver `{}` in {}", d.driver, d.year));
            }
        }
        if workforce(&self.workforce) || self.units.iter().any(|u| workforce(&u.workforce)) {
            return Some("the workforce figures".to_string());
        }
        for w in &self.workloads {
            if bad(&w.figures()) {
                return Some(format!("workload of `{}` / `{}`", w.unit, w.position));
            }
        }
        for i in &self.indicators {
            if bad_opt(&i.values.iter().map(|v| v.value).collect::<Vec<_>>()) {
                return Some(format!("indicator `{}`", i.id));
            }
        }
        let c = &self.costs;
        for s in c.years.iter().map(|y| &y.costs).chain([&c.total]) {
            if bad(&[s.mobilise, s.develop, s.acquire, s.phase_out, s.total]) {
                return Some("the costs".to_string());
            }
        }
        let survey = self
            .survey
            .municipality
            .iter()
            .map(|r| [r.share_at_level, r.mean_need])
            .chain(
                self.survey
                    .units
                    .iter()
                    .map(|r| [r.row.share_at_level, r.row.mean_need]),
            )
            .chain(
                self.survey
                    .areas
                    .iter()
                    .map(|r| [r.share_at_level, r.mean_need]),
            );
        for pair in survey {
            if bad_opt(&pair) {
                return Some("the survey figures".to_string());
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::analyse::testkit::*;

    #[test]
    fn an_infinite_figure_is_named() {
        let mut p = plan_2025_2029();
        p.capacity = vec![cap("a", "spl", 2.0, &["spl"], 0.0)];
        let mut a = crate::analyse::analyse(&p, &p.assumptions);
        assert_eq!(a.non_finite(), None);
        a.capacity[1].required = f64::INFINITY;
        let named = a.non_finite().unwrap_or_default();
        assert!(named.contains("`a` / `spl` in 2026"), "{named}");
        a.capacity[1].required = 1.0;
        a.costs.total.total = f64::NAN;
        assert_eq!(a.non_finite().as_deref(), Some("the costs"));
    }
}
