//! Quality (realkompetanse): persons required at a level vs persons available,
//! from the survey, in exact integer arithmetic, with small groups suppressed.
//!
//! In: the plan's quality lines, the roster (headcount H), the survey and the
//! anonymity threshold (group suppression, [`super::privacy`]). Out:
//! [`QualityCalc`] with every number (for the plan's own checks) and
//! [`QualityRow`], the public row in which suppressed numbers are `None`.

use std::collections::BTreeMap;

use serde::Serialize;

use super::privacy::group_hidden;
use super::roster::Roster;
use crate::model::{Plan, QualityAmount, QualityLine};

/// Every number of a quality line, hidden ones included. Never rendered:
/// only [`QualityRow`] leaves the analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QualityCalc {
    pub unit: String,
    pub competence: String,
    pub min_level: u8,
    /// H: staff rows of the unit.
    pub headcount: u64,
    /// n: survey answers for the unit and competence.
    pub respondents: u64,
    pub required: u64,
    pub available: u64,
    pub need: u64,
    pub develop: u64,
    pub acquire: u64,
    /// n < min_group_size.
    pub suppressed: bool,
}

/// One quality line as shown: suppressed numbers are `None` (null in JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QualityRow {
    pub unit: String,
    pub competence: String,
    pub min_level: u8,
    pub headcount: u64,
    pub respondents: u64,
    pub required: u64,
    pub available: Option<u64>,
    pub need: Option<u64>,
    pub develop: Option<u64>,
    pub acquire: Option<u64>,
    pub suppressed: bool,
}

impl From<&QualityCalc> for QualityRow {
    fn from(c: &QualityCalc) -> Self {
        let show = |v: u64| (!c.suppressed).then_some(v);
        QualityRow {
            unit: c.unit.clone(),
            competence: c.competence.clone(),
            min_level: c.min_level,
            headcount: c.headcount,
            respondents: c.respondents,
            required: c.required,
            available: show(c.available),
            need: show(c.need),
            develop: show(c.develop),
            acquire: show(c.acquire),
            suppressed: c.suppressed,
        }
    }
}

/// ceil(num × h / den), exactly.
pub fn required_share(num: u64, den: u64, h: u64) -> u64 {
    if den == 0 {
        return 0;
    }
    let p = u128::from(num) * u128::from(h);
    let d = u128::from(den);
    u64::try_from(p.div_ceil(d)).unwrap_or(u64::MAX)
}

/// round-half-up(k × h / n) = (2kh + n) div 2n, exactly; 0 when n = 0.
pub fn available_persons(k: u64, h: u64, n: u64) -> u64 {
    if n == 0 {
        return 0;
    }
    let (k, h, n) = (u128::from(k), u128::from(h), u128::from(n));
    u64::try_from((2 * k * h + n) / (2 * n)).unwrap_or(u64::MAX)
}

/// Every quality line of the plan, sorted by (unit, competence, min_level).
pub(crate) fn calculate(plan: &Plan, roster: &Roster, min_group_size: u32) -> Vec<QualityCalc> {
    // survey levels per (unit, competence), one pass; answers come grouped
    // (validate sorts them), so each run of equal keys is one map look-up
    // answers per level (0–255) for each (unit, competence)
    let mut levels: BTreeMap<(&str, &str), Vec<u64>> = BTreeMap::new();
    let survey = &plan.survey;
    for run in survey
        .rows
        .chunk_by(|a, b| a.unit == b.unit && a.competence == b.competence)
    {
        let Some(first) = run.first() else { continue };
        let counts = levels
            .entry((survey.unit(first), survey.competence(first)))
            .or_insert_with(|| vec![0; 256]);
        for a in run {
            if let Some(c) = counts.get_mut(usize::from(a.level)) {
                *c += 1;
            }
        }
    }
    let mut lines: Vec<&QualityLine> = plan.quality.iter().collect();
    lines.sort_by(|a, b| {
        (&a.unit, &a.competence, a.min_level).cmp(&(&b.unit, &b.competence, b.min_level))
    });
    lines
        .into_iter()
        .map(|q| {
            let counts = levels
                .get(&(q.unit.as_str(), q.competence.as_str()))
                .map_or(&[][..], Vec::as_slice);
            let h = roster.unit(&q.unit).len() as u64;
            let n: u64 = counts.iter().sum();
            let k: u64 = counts.iter().skip(usize::from(q.min_level)).sum();
            let required = match q.amount {
                QualityAmount::Count(c) => u64::from(c),
                QualityAmount::Share { num, den } => required_share(num, den, h),
            };
            let available = available_persons(k, h, n);
            let need = required.saturating_sub(available);
            let trainable = roster.competence(&q.competence).is_none_or(|c| c.trainable);
            let develop = if trainable { need } else { 0 };
            QualityCalc {
                unit: q.unit.clone(),
                competence: q.competence.clone(),
                min_level: q.min_level,
                headcount: h,
                respondents: n,
                required,
                available,
                need,
                develop,
                acquire: need - develop,
                suppressed: group_hidden(n, min_group_size),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::testkit::*;

    #[test]
    fn exact_arithmetic() {
        // 0.14 × 50 = 7 persons, not 8 (0.14 * 50.0 = 7.000000000000001 in f64)
        assert_eq!(required_share(14, 100, 50), 7);
        assert_eq!(required_share(1, 2, 9), 5);
        assert_eq!(required_share(0, 1, 9), 0);
        // k = 3, H = 55, n = 22: 7.5 rounds half up to 8
        assert_eq!(available_persons(3, 55, 22), 8);
        assert_eq!(available_persons(2, 9, 6), 3);
        assert_eq!(available_persons(1, 4, 3), 1);
        assert_eq!(available_persons(0, 4, 0), 0);
    }

    fn staff(unit: &str, n: usize) -> Vec<crate::model::Staff> {
        (0..n)
            .map(|i| person(&format!("{unit}{i:03}"), unit, "p", 100.0, None, 1980))
            .collect()
    }

    fn answers(unit: &str, comp: &str, levels: &[u8]) -> Vec<crate::model::Answer> {
        levels
            .iter()
            .enumerate()
            .map(|(i, &l)| answer(&format!("r{unit}{i}"), unit, comp, l))
            .collect()
    }

    #[test]
    fn share_count_trainable_and_suppressed() {
        let mut plan = plan_2025_2029();
        plan.staff = staff("u", 50);
        plan.staff.extend(staff("v", 4));
        plan.quality = vec![
            qual("u", "demens", 3, QualityAmount::Share { num: 14, den: 100 }),
            qual("u", "lift", 2, QualityAmount::Count(20)),
            qual("v", "demens", 3, QualityAmount::Share { num: 1, den: 2 }),
        ];
        plan.survey = answers("u", "demens", &[3, 1, 1, 1, 1, 1, 1, 1, 1, 1]).into();
        plan.survey
            .extend(answers("u", "lift", &[2, 2, 2, 2, 2, 1, 1, 1, 1, 1]));
        plan.survey.extend(answers("v", "demens", &[1, 1, 4]));
        let c = calculate(&plan, &Roster::new(&plan, &plan.assumptions), 5);
        let d = &c[0];
        // required 7; available round(1/10 × 50) = 5; need 2, trainable
        assert_eq!(
            (d.required, d.available, d.need, d.develop, d.acquire),
            (7, 5, 2, 2, 0)
        );
        let l = &c[1];
        // required 20; available 25 → no need
        assert_eq!((l.required, l.available, l.need), (20, 25, 0));
        let v = &c[2];
        assert!(v.suppressed);
        assert_eq!(
            (v.headcount, v.respondents, v.required, v.available, v.need),
            (4, 3, 2, 1, 1)
        );
        let row = QualityRow::from(v);
        assert_eq!(
            (row.available, row.need, row.develop, row.acquire),
            (None, None, None, None)
        );
        assert_eq!(row.required, 2);
    }

    #[test]
    fn non_trainable_competence_must_be_acquired() {
        let mut plan = plan_2025_2029();
        plan.staff = staff("u", 10);
        plan.quality = vec![qual("u", "lift", 2, QualityAmount::Count(8))];
        plan.survey = answers("u", "lift", &[2, 2, 1, 1, 1]).into();
        let c = &calculate(&plan, &Roster::new(&plan, &plan.assumptions), 5)[0];
        assert_eq!((c.available, c.need, c.develop, c.acquire), (4, 4, 0, 4));
    }

    #[test]
    fn unit_without_staff_or_answers() {
        let mut plan = plan_2025_2029();
        plan.quality = vec![qual(
            "v",
            "demens",
            3,
            QualityAmount::Share { num: 1, den: 2 },
        )];
        let c = &calculate(&plan, &Roster::new(&plan, &plan.assumptions), 5)[0];
        assert_eq!(
            (c.headcount, c.respondents, c.required, c.need),
            (0, 0, 0, 0)
        );
        assert!(c.suppressed);
    }
}
