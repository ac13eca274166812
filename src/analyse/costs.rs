//! What the measures cost, per year of the plan period and strategy, for the
//! økonomiplan.
//!
//! In: the plan's measures (`cost_nok` is kroner per year, counted in every
//! year from `start` to `end`) and its period. Out: [`Costs`] — one row per year
//! `period.from..=period.to` with the cost of each of KS's four strategies and
//! their sum, the totals over the period, and how many measures have no cost.
//! Measures are summed in id order, so the result does not depend on file order.

use serde::Serialize;

use crate::model::{Measure, Plan, Strategy};

/// Kroner per strategy and their sum.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct StrategyCosts {
    pub mobilise: f64,
    pub develop: f64,
    pub acquire: f64,
    pub phase_out: f64,
    /// mobilise + develop + acquire + phase_out.
    pub total: f64,
}

impl StrategyCosts {
    /// The cost of `s`.
    pub fn get(&self, s: Strategy) -> f64 {
        match s {
            Strategy::Mobilise => self.mobilise,
            Strategy::Develop => self.develop,
            Strategy::Acquire => self.acquire,
            Strategy::PhaseOut => self.phase_out,
        }
    }

    fn slot(&mut self, s: Strategy) -> &mut f64 {
        match s {
            Strategy::Mobilise => &mut self.mobilise,
            Strategy::Develop => &mut self.develop,
            Strategy::Acquire => &mut self.acquire,
            Strategy::PhaseOut => &mut self.phase_out,
        }
    }
}

/// The cost of one year of the period.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CostYear {
    pub year: i32,
    #[serde(flatten)]
    pub costs: StrategyCosts,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Costs {
    /// Every year of the plan period, in order.
    pub years: Vec<CostYear>,
    /// Σ over the years, per strategy; `total` is the sum of the years' totals.
    pub total: StrategyCosts,
    /// Measures without `cost_nok` (not counted above).
    pub measures_without_cost: u64,
}

pub(crate) fn costs(plan: &Plan) -> Costs {
    let mut measures: Vec<&Measure> = plan.measures.iter().collect();
    measures.sort_by(|a, b| a.id.cmp(&b.id));
    let mut total = StrategyCosts::default();
    let years = plan
        .meta
        .period
        .years()
        .map(|y| {
            let mut year = StrategyCosts::default();
            for s in Strategy::ALL {
                let c = measures
                    .iter()
                    .filter(|m| m.strategy == s && m.start <= y && y <= m.end)
                    .filter_map(|m| m.cost_nok)
                    .fold(0.0, |sum, c| sum + c);
                *year.slot(s) = c;
                year.total += c;
                *total.slot(s) += c;
            }
            total.total += year.total;
            CostYear {
                year: y,
                costs: year,
            }
        })
        .collect();
    Costs {
        years,
        total,
        measures_without_cost: measures.iter().filter(|m| m.cost_nok.is_none()).count() as u64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::testkit::*;

    #[test]
    fn active_years_per_strategy_and_totals() {
        let mut plan = plan_2025_2029();
        let with = |id: &str, s, cost: Option<f64>, from: i32, to: i32| {
            let mut m = measure(id, s, &["x"], None);
            (m.cost_nok, m.start, m.end) = (cost, from, to);
            m
        };
        plan.measures = vec![
            with("a", Strategy::Develop, Some(100.0), 2025, 2028),
            with("b", Strategy::Develop, Some(50.0), 2027, 2031),
            with("c", Strategy::Acquire, Some(7.0), 2020, 2025),
            with("d", Strategy::Mobilise, None, 2025, 2026),
        ];
        let c = costs(&plan);
        assert_eq!(c.years.len(), 5);
        let y = |i: usize| c.years[i].costs;
        assert_eq!(
            (y(0).develop, y(0).acquire, y(0).total),
            (100.0, 7.0, 107.0)
        );
        assert_eq!((y(2).develop, y(2).total), (150.0, 150.0));
        assert_eq!((y(4).develop, y(4).mobilise), (50.0, 0.0));
        // years outside the period are not counted
        assert_eq!(c.total.acquire, 7.0);
        assert_eq!(c.total.develop, 4.0 * 100.0 + 3.0 * 50.0);
        let by_year: f64 = c.years.iter().map(|y| y.costs.total).sum();
        assert_eq!(c.total.total, by_year);
        assert_eq!(c.measures_without_cost, 1);
        // no negative zero for an empty cell
        assert!(y(0).phase_out.is_sign_positive());
    }
}
