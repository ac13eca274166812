//! Does the plan's strategy answer its own analysis? Needs no measure addresses,
//! measures whose strategy cannot help, targets the projection misses.
//!
//! In: a [`Plan`]. Out: [`Coverage`] — plain findings that `plan check` turns
//! into diagnostics and `plan report` lists. Findings about a suppressed quality
//! line carry no numbers at all.

use std::collections::BTreeMap;

use super::roster::Roster;
use super::{capacity, indicators, quality};
use crate::model::{CapacityLine, Indicator, Measure, Plan, QualityLine, Strategy};

/// The requirement a finding is about.
#[derive(Debug, Clone, Copy)]
pub enum Line<'a> {
    Capacity(&'a CapacityLine),
    Quality {
        line: &'a QualityLine,
        suppressed: bool,
    },
}

impl Line<'_> {
    /// The competence a measure must name to address the line.
    pub fn competence(&self) -> &str {
        match self {
            Line::Capacity(c) => c.primary(),
            Line::Quality { line, .. } => &line.competence,
        }
    }

    pub fn unit(&self) -> &str {
        match self {
            Line::Capacity(c) => &c.unit,
            Line::Quality { line, .. } => &line.unit,
        }
    }
}

/// How large a need is; `None` for a suppressed quality line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NeedSize {
    /// First year with a need, and the need then.
    pub first: (i32, f64),
    /// Largest need and the first year it occurs.
    pub peak: (i32, f64),
}

#[derive(Debug, Clone)]
pub struct Uncovered<'a> {
    pub line: Line<'a>,
    pub size: Option<NeedSize>,
}

#[derive(Debug, Clone)]
pub struct Mismatch<'a> {
    pub line: Line<'a>,
    /// The measures addressing the line; every one's strategy component is 0
    /// in every year.
    pub measures: Vec<&'a Measure>,
}

#[derive(Debug, Clone)]
pub struct TargetMiss<'a> {
    pub indicator: &'a Indicator,
    pub year: i32,
    pub value: f64,
}

#[derive(Debug, Clone, Default)]
pub struct Coverage<'a> {
    pub uncovered: Vec<Uncovered<'a>>,
    pub mismatches: Vec<Mismatch<'a>>,
    pub target_misses: Vec<TargetMiss<'a>>,
}

/// Per strategy: the line's component in some year is > 0.
#[derive(Default)]
struct Components {
    any: [bool; 4],
}

impl Components {
    fn add(&mut self, mobilise: f64, develop: f64, acquire: f64, surplus: f64) {
        for (slot, v) in self
            .any
            .iter_mut()
            .zip([mobilise, develop, acquire, surplus])
        {
            *slot |= v > 0.0;
        }
    }

    fn works(&self, s: Strategy) -> bool {
        let i = Strategy::ALL.iter().position(|&x| x == s).unwrap_or(0);
        self.any.get(i).copied().unwrap_or(false)
    }
}

pub fn coverage(plan: &Plan) -> Coverage<'_> {
    let roster = Roster::new(plan);
    let mut by_comp: BTreeMap<&str, Vec<&Measure>> = BTreeMap::new();
    for m in &plan.measures {
        for c in &m.competences {
            by_comp.entry(c.as_str()).or_default().push(m);
        }
    }
    let addressing = |line: &Line| -> Vec<&Measure> {
        let mut ms: Vec<&Measure> = by_comp
            .get(line.competence())
            .into_iter()
            .flatten()
            .copied()
            .filter(|m| m.applies_to_unit(line.unit()))
            .collect();
        ms.sort_by(|a, b| a.id.cmp(&b.id));
        ms.dedup_by(|a, b| a.id == b.id);
        ms
    };
    let mut out = Coverage::default();
    // the three analyses only read the plan: side by side
    let (rows, (calcs, indicator_rows)) = rayon::join(
        || capacity::capacity(plan, &roster),
        || {
            rayon::join(
                || quality::calculate(plan, &roster),
                || indicators::indicators(plan, &roster),
            )
        },
    );
    let mut lines: Vec<&CapacityLine> = plan.capacity.iter().collect();
    lines.sort_by(|a, b| (&a.unit, &a.position).cmp(&(&b.unit, &b.position)));
    // capacity() yields one row per year for each line, in this same order
    let n_years = roster.years().count().max(1);
    for (line, mine) in lines.into_iter().zip(rows.chunks(n_years)) {
        let mut comp = Components::default();
        let mut size: Option<NeedSize> = None;
        for r in mine {
            comp.add(r.mobilise, r.develop, r.acquire, r.surplus);
            if r.need > 0.0 {
                let s = size.get_or_insert(NeedSize {
                    first: (r.year, r.need),
                    peak: (r.year, r.need),
                });
                if r.need > s.peak.1 {
                    s.peak = (r.year, r.need);
                }
            }
        }
        if size.is_some() {
            push(
                &mut out,
                Line::Capacity(line),
                size,
                &comp,
                addressing(&Line::Capacity(line)),
            );
        }
    }

    let mut qlines: Vec<&QualityLine> = plan.quality.iter().collect();
    qlines.sort_by(|a, b| {
        (&a.unit, &a.competence, a.min_level).cmp(&(&b.unit, &b.competence, b.min_level))
    });
    for (line, c) in qlines.into_iter().zip(&calcs) {
        if c.need == 0 {
            continue;
        }
        let mut comp = Components::default();
        comp.add(0.0, c.develop as f64, c.acquire as f64, 0.0);
        let l = Line::Quality {
            line,
            suppressed: c.suppressed,
        };
        let size = (!c.suppressed).then_some(NeedSize {
            first: (plan.meta.base_year, c.need as f64),
            peak: (plan.meta.base_year, c.need as f64),
        });
        push(&mut out, l, size, &comp, addressing(&l));
    }

    let mut inds: Vec<&Indicator> = plan.indicators.iter().collect();
    inds.sort_by(|a, b| a.id.cmp(&b.id));
    for (ind, row) in inds.into_iter().zip(indicator_rows) {
        let (Some(t), Some(_)) = (ind.target, row.metric) else {
            continue;
        };
        let value = row
            .values
            .iter()
            .find(|v| v.year == t.year)
            .and_then(|v| v.value);
        if let (Some(value), Some(false)) = (value, row.met) {
            out.target_misses.push(TargetMiss {
                indicator: ind,
                year: t.year,
                value,
            });
        }
    }
    out
}

fn push<'a>(
    out: &mut Coverage<'a>,
    line: Line<'a>,
    size: Option<NeedSize>,
    comp: &Components,
    measures: Vec<&'a Measure>,
) {
    if measures.is_empty() {
        out.uncovered.push(Uncovered { line, size });
    } else if measures.iter().all(|m| !comp.works(m.strategy)) {
        out.mismatches.push(Mismatch { line, measures });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::testkit::*;
    use crate::model::{Observation, QualityAmount};

    fn base() -> Plan {
        let mut plan = plan_2025_2029();
        plan.capacity = vec![
            cap("u", "fag", 2.0, &["hfa", "spl"], 0.0),
            cap("u", "spl", 2.0, &["spl"], 0.0),
        ];
        plan.staff = vec![
            person("a", "u", "fag", 100.0, Some("hfa"), 1980),
            person("b", "u", "spl", 100.0, Some("spl"), 1980),
        ];
        plan
    }

    #[test]
    fn needs_without_measures_are_uncovered() {
        let plan = base();
        let c = coverage(&plan);
        assert_eq!(c.uncovered.len(), 2);
        let s = c.uncovered[0].size.unwrap();
        assert_eq!((s.first, s.peak), ((2025, 1.0), (2025, 1.0)));
    }

    #[test]
    fn measure_must_name_the_primary_competence_and_the_unit() {
        let mut plan = base();
        plan.measures = vec![
            // names spl, which fag accepts but whose primary is hfa
            measure("m1", Strategy::Acquire, &["spl"], None),
            measure("m2", Strategy::Acquire, &["hfa"], Some(&["v"])),
        ];
        let c = coverage(&plan);
        assert_eq!(c.uncovered.len(), 1);
        assert_eq!(c.uncovered[0].line.competence(), "hfa");
    }

    #[test]
    fn strategy_with_zero_component_is_a_mismatch() {
        let mut plan = base();
        plan.measures = vec![
            measure("m1", Strategy::Mobilise, &["spl"], Some(&["u"])),
            measure("m2", Strategy::Acquire, &["hfa"], None),
        ];
        let c = coverage(&plan);
        assert!(c.uncovered.is_empty());
        // spl: nobody to mobilise, so mobilise is 0 in every year
        assert_eq!(c.mismatches.len(), 1);
        assert_eq!(c.mismatches[0].line.competence(), "spl");
        plan.measures
            .push(measure("m3", Strategy::Develop, &["spl"], None));
        assert_eq!(coverage(&plan).mismatches.len(), 1, "develop is 0 too");
        plan.measures
            .push(measure("m4", Strategy::Acquire, &["spl"], None));
        assert!(coverage(&plan).mismatches.is_empty());
    }

    #[test]
    fn suppressed_quality_need_has_no_size() {
        let mut plan = base();
        plan.capacity.clear();
        plan.quality = vec![qual("u", "demens", 3, QualityAmount::Count(2))];
        plan.survey = vec![answer("r1", "u", "demens", 1)];
        let c = coverage(&plan);
        assert_eq!(c.uncovered.len(), 1);
        assert!(c.uncovered[0].size.is_none());
        assert!(matches!(
            c.uncovered[0].line,
            Line::Quality {
                suppressed: true,
                ..
            }
        ));
    }

    #[test]
    fn target_missed_by_projection() {
        let mut plan = base();
        plan.capacity.clear();
        let ind = |id: &str, kind, min| crate::model::Indicator {
            id: id.into(),
            title: id.into(),
            kind,
            target: Some(crate::model::Target {
                year: 2029,
                min: Some(min),
                max: None,
            }),
            loc: None,
        };
        plan.indicators = vec![
            ind(
                "full",
                crate::model::IndicatorKind::PositionShare { min_percent: 100.0 },
                0.5,
            ),
            ind(
                "more",
                crate::model::IndicatorKind::PositionShare { min_percent: 100.0 },
                1.1,
            ),
            ind(
                "manual",
                crate::model::IndicatorKind::Manual {
                    unit: "n".into(),
                    baseline: Some(Observation {
                        year: 2025,
                        value: 0.0,
                    }),
                    observed: vec![],
                },
                3.0,
            ),
        ];
        let c = coverage(&plan);
        assert_eq!(c.target_misses.len(), 1);
        assert_eq!(c.target_misses[0].indicator.id, "more");
    }
}
