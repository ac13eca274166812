//! The plan's own projection of the computed indicators, summed while the
//! roster is drawn, so the demo can set targets it is sure to meet.
//!
//! In: each [`Person`] once. Out: per year of the period the sums behind
//! `education_share` and `position_share`, weighted by the analysis' own rule
//! w(y) ([`Weight`], docs/method.md) with the retirement age of the education
//! that counts that year, so the targets cannot drift from the analysis.

use super::catalog::LEVELS;
use super::roster::Person;
use super::{BASE_YEAR, END_YEAR, TURNOVER};
use crate::analyse::roster::Weight;

/// w(y) of the demo's assumptions.
const WEIGHT: Weight = Weight {
    base: BASE_YEAR,
    turnover: TURNOVER,
};

const YEARS: usize = (END_YEAR - BASE_YEAR + 1) as usize;

#[derive(Debug, Clone, Copy, Default)]
struct Sums {
    /// Σ f·w by education level.
    fte: [f64; LEVELS.len()],
    /// Σ w.
    heads: f64,
    /// Σ w of staff with percent ≥ 100 and ≥ 75.
    full: f64,
    at_least_75: f64,
}

#[derive(Debug, Clone, Default)]
pub(super) struct Projection {
    years: [Sums; YEARS],
    /// Staff with studies under way in the base year.
    pub studying: u32,
}

impl Projection {
    pub(super) fn add(&mut self, p: &Person) {
        let f = f64::from(p.percent) / 100.0;
        if p.studying.is_some() {
            self.studying += 1;
        }
        for (i, sums) in self.years.iter_mut().enumerate() {
            let year = BASE_YEAR + i as i32;
            let edu = p.edu_in(year);
            let w = WEIGHT.at(year, p.birth_year, edu.retirement_age());
            if let Some(x) = sums.fte.get_mut(edu.level()) {
                *x += f * w;
            }
            sums.heads += w;
            if p.percent >= 100 {
                sums.full += w;
            }
            if p.percent >= 75 {
                sums.at_least_75 += w;
            }
        }
    }

    fn sums(&self, year: i32) -> Sums {
        let i = (year - BASE_YEAR).clamp(0, YEARS as i32 - 1) as usize;
        self.years.get(i).copied().unwrap_or_default()
    }

    /// Σ f·w of the levels `num` ÷ Σ f·w of the levels `among` (all when `None`).
    pub(super) fn education_share(&self, year: i32, num: &[usize], among: Option<&[usize]>) -> f64 {
        let s = self.sums(year);
        let sum =
            |ls: &mut dyn Iterator<Item = usize>| -> f64 { ls.filter_map(|l| s.fte.get(l)).sum() };
        let top = sum(&mut num.iter().copied());
        let bottom = match among {
            Some(a) => sum(&mut a.iter().copied()),
            None => sum(&mut (0..LEVELS.len())),
        };
        if bottom > 0.0 {
            top / bottom
        } else {
            0.0
        }
    }

    /// Share of heads (weighted) with a position of at least 100 % (`full`) or 75 %.
    pub(super) fn position_share(&self, year: i32, full: bool) -> f64 {
        let s = self.sums(year);
        let top = if full { s.full } else { s.at_least_75 };
        if s.heads > 0.0 {
            top / s.heads
        } else {
            0.0
        }
    }
}

/// A lower target safely below `value` (two decimals, at least half a point under).
pub(super) fn floor_target(value: f64) -> f64 {
    ((value - 0.005) * 100.0).floor() / 100.0
}

/// An upper target safely above `value`.
pub(super) fn ceil_target(value: f64) -> f64 {
    ((value + 0.005) * 100.0).ceil() / 100.0
}

#[cfg(test)]
mod tests {
    use super::super::catalog::Edu;
    use super::*;

    #[test]
    fn retirement_and_studies_move_the_shares() {
        let mut p = Projection::default();
        let nurse = Person {
            edu: Edu::Sykepleier,
            position: "sykepleier",
            percent: 100,
            wanted: None,
            birth_year: BASE_YEAR - 64,
            studying: None,
        };
        let student = Person {
            edu: Edu::Helsefagarbeider,
            position: "helsefagarbeider",
            percent: 50,
            wanted: None,
            birth_year: BASE_YEAR - 30,
            studying: Some((Edu::Sykepleier, BASE_YEAR + 2)),
        };
        p.add(&nurse);
        p.add(&student);
        let college = [3, 4];
        assert!((p.education_share(BASE_YEAR, &college, None) - 1.0 / 1.5).abs() < 1e-12);
        // the nurse is 66 in base + 2 > 65 and gone; the student now counts as a nurse
        assert!((p.education_share(BASE_YEAR + 2, &college, None) - 1.0).abs() < 1e-12);
        assert!((p.position_share(BASE_YEAR, true) - 0.5).abs() < 1e-12);
        assert_eq!(floor_target(0.5731), 0.56);
        assert_eq!(ceil_target(0.2012), 0.21);
        assert_eq!(p.studying, 1);
    }
}
