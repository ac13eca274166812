//! Does the plan's strategy answer its own analysis? Needs no measure addresses,
//! measures whose strategy cannot help, targets the projection misses.
//!
//! In: a [`Plan`] and the analysis' own rows (every capacity row, every quality
//! calculation and every indicator row of the whole plan: nothing is computed
//! twice). Out: [`Coverage`] — plain, owned, serialisable findings that name
//! lines, measures and indicators by their ids; `plan check` turns them into
//! diagnostics, `plan report` lists them, `plan analyse --format json` shows
//! them. Findings about a suppressed quality line carry no numbers at all.

use std::collections::BTreeMap;

use serde::Serialize;

use super::indicators::IndicatorRow;
use super::quality::QualityCalc;
use super::CapacityRow;
use crate::model::{CapacityLine, Indicator, Measure, Plan, QualityLine, Strategy};

/// The requirement line a finding is about, by its key in the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Line {
    Capacity {
        unit: String,
        position: String,
        /// The line's primary competence (first of `accepts`): the one a
        /// measure must name to address it.
        competence: String,
    },
    Quality {
        unit: String,
        competence: String,
        min_level: u8,
        /// Too few survey answers: the finding has no numbers.
        suppressed: bool,
    },
}

impl Line {
    fn capacity(c: &CapacityLine) -> Self {
        Line::Capacity {
            unit: c.unit.clone(),
            position: c.position.clone(),
            competence: c.primary().to_string(),
        }
    }

    /// The competence a measure must name to address the line.
    pub fn competence(&self) -> &str {
        match self {
            Line::Capacity { competence, .. } | Line::Quality { competence, .. } => competence,
        }
    }

    pub fn unit(&self) -> &str {
        match self {
            Line::Capacity { unit, .. } | Line::Quality { unit, .. } => unit,
        }
    }
}

/// A need in one year.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct YearNeed {
    pub year: i32,
    /// FTE for a capacity line, persons for a quality line.
    pub need: f64,
}

/// How large a need is; `None` for a suppressed quality line.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct NeedSize {
    /// First year with a need, and the need then.
    pub first: YearNeed,
    /// Largest need and the first year it occurs.
    pub peak: YearNeed,
}

/// A need no measure addresses (`uncovered-need`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Uncovered {
    #[serde(flatten)]
    pub line: Line,
    /// `None` (null) for a suppressed quality line.
    pub size: Option<NeedSize>,
}

/// A need whose measures all use a strategy that cannot help (`strategy-mismatch`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mismatch {
    #[serde(flatten)]
    pub line: Line,
    /// Ids of the measures addressing the line, sorted; every one's strategy
    /// component is 0 in every year.
    pub measures: Vec<String>,
}

/// A computed indicator that misses its target in the target year by the
/// plan's own projection (`target-unreachable`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetMiss {
    pub indicator: String,
    pub year: i32,
    pub value: f64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Coverage {
    /// Sorted by line: capacity lines (unit, position), then quality lines
    /// (unit, competence, min_level).
    pub uncovered: Vec<Uncovered>,
    /// In the same order.
    pub mismatches: Vec<Mismatch>,
    /// Sorted by indicator id.
    pub target_misses: Vec<TargetMiss>,
    /// Capacity lines whose available FTE is one person's (`small-position`),
    /// sorted by unit and position; absent from the JSON when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub small_positions: Vec<SmallPosition>,
}

/// A capacity line whose published rows follow one person
/// (`small-position`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SmallPosition {
    pub unit: String,
    pub position: String,
}

impl Coverage {
    /// Keep only the findings about lines of `unit` (target misses stay: the
    /// indicators cover the whole plan).
    pub fn keep_unit(&mut self, unit: &str) {
        self.uncovered.retain(|u| u.line.unit() == unit);
        self.mismatches.retain(|m| m.line.unit() == unit);
        self.small_positions.retain(|p| p.unit == unit);
    }
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

/// The findings from the analysis of the whole plan: `rows` one per capacity
/// line and year (sorted by unit, position, year), `calcs` one per quality line
/// (sorted by unit, competence, min_level), `indicator_rows` sorted by id.
pub(crate) fn coverage(
    plan: &Plan,
    rows: &[CapacityRow],
    calcs: &[QualityCalc],
    indicator_rows: &[IndicatorRow],
) -> Coverage {
    let mut by_comp: BTreeMap<&str, Vec<&Measure>> = BTreeMap::new();
    for m in &plan.measures {
        for c in &m.competences {
            by_comp.entry(c.as_str()).or_default().push(m);
        }
    }
    let addressing = |competence: &str, unit: &str| -> Vec<&Measure> {
        let mut ms: Vec<&Measure> = by_comp
            .get(competence)
            .into_iter()
            .flatten()
            .copied()
            .filter(|m| m.applies_to_unit(unit))
            .collect();
        ms.sort_by(|a, b| a.id.cmp(&b.id));
        ms.dedup_by(|a, b| a.id == b.id);
        ms
    };
    let mut out = Coverage::default();
    let mut lines: Vec<&CapacityLine> = plan.capacity.iter().collect();
    lines.sort_by(|a, b| (&a.unit, &a.position).cmp(&(&b.unit, &b.position)));
    // the capacity analysis yields one row per year for each line, in this order
    let n_years = (plan.meta.base_year..=plan.meta.period.to).count().max(1);
    for (line, mine) in lines.into_iter().zip(rows.chunks(n_years)) {
        let mut comp = Components::default();
        let mut size: Option<NeedSize> = None;
        for r in mine {
            comp.add(r.mobilise, r.develop, r.acquire, r.surplus);
            if r.need > 0.0 {
                let now = YearNeed {
                    year: r.year,
                    need: r.need,
                };
                let s = size.get_or_insert(NeedSize {
                    first: now,
                    peak: now,
                });
                if r.need > s.peak.need {
                    s.peak = now;
                }
            }
        }
        if size.is_some() {
            let measures = addressing(line.primary(), &line.unit);
            push(&mut out, Line::capacity(line), size, &comp, measures);
        }
    }

    let mut qlines: Vec<&QualityLine> = plan.quality.iter().collect();
    qlines.sort_by(|a, b| {
        (&a.unit, &a.competence, a.min_level).cmp(&(&b.unit, &b.competence, b.min_level))
    });
    for (line, c) in qlines.into_iter().zip(calcs) {
        if c.suppressed {
            // whether the line has a need is hidden: a finding about it must
            // not depend on that — listed when no measure addresses it, need
            // or not, and never a mismatch (its parts are hidden too)
            if addressing(&line.competence, &line.unit).is_empty() {
                out.uncovered.push(Uncovered {
                    line: Line::Quality {
                        unit: line.unit.clone(),
                        competence: line.competence.clone(),
                        min_level: line.min_level,
                        suppressed: true,
                    },
                    size: None,
                });
            }
            continue;
        }
        if c.need == 0 {
            continue;
        }
        let mut comp = Components::default();
        comp.add(0.0, c.develop as f64, c.acquire as f64, 0.0);
        let now = YearNeed {
            year: plan.meta.base_year,
            need: c.need as f64,
        };
        let size = Some(NeedSize {
            first: now,
            peak: now,
        });
        let measures = addressing(&line.competence, &line.unit);
        let l = Line::Quality {
            unit: line.unit.clone(),
            competence: line.competence.clone(),
            min_level: line.min_level,
            suppressed: false,
        };
        push(&mut out, l, size, &comp, measures);
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
                indicator: ind.id.clone(),
                year: t.year,
                value,
            });
        }
    }
    out
}

fn push(
    out: &mut Coverage,
    line: Line,
    size: Option<NeedSize>,
    comp: &Components,
    measures: Vec<&Measure>,
) {
    if measures.is_empty() {
        out.uncovered.push(Uncovered { line, size });
    } else if measures.iter().all(|m| !comp.works(m.strategy)) {
        out.mismatches.push(Mismatch {
            line,
            measures: measures.iter().map(|m| m.id.clone()).collect(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::testkit::*;
    use crate::model::{Observation, QualityAmount};

    fn coverage(plan: &Plan) -> Coverage {
        crate::analyse::analyse(plan, &plan.assumptions).coverage
    }

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
        let one = YearNeed {
            year: 2025,
            need: 1.0,
        };
        assert_eq!((s.first, s.peak), (one, one));
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
        plan.survey = vec![answer("r1", "u", "demens", 1)].into();
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
        // whether it has a need is not told: a line with no need, or
        // nobody lacking, is listed all the same
        let mut none = plan.clone();
        none.quality = vec![qual("u", "demens", 1, QualityAmount::Count(0))];
        let n = coverage(&none);
        assert_eq!(n.uncovered.len(), 1, "listed whatever its need");
        assert!(n.uncovered[0].size.is_none());
        // and a measure with a strategy that cannot help is no mismatch:
        // that too would say the hidden need's parts
        let mut addressed = plan.clone();
        addressed.measures = vec![measure("m", Strategy::Mobilise, &["demens"], None)];
        let a = coverage(&addressed);
        assert!(a.uncovered.is_empty() && a.mismatches.is_empty());
        // and in JSON: the line by its key, no size
        let json = serde_json::to_value(&c.uncovered[0]).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"kind": "quality", "unit": "u", "competence": "demens",
                               "min_level": 3, "suppressed": true, "size": null})
        );
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
                crate::model::IndicatorKind::PositionShare {
                    min_percent: 100.0,
                    observed: vec![],
                },
                0.5,
            ),
            ind(
                "more",
                crate::model::IndicatorKind::PositionShare {
                    min_percent: 100.0,
                    observed: vec![],
                },
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
        assert_eq!(c.target_misses[0].indicator, "more");
    }
}
