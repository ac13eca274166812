//! The plan's logic, from the analysis: `uncovered-need`, `strategy-mismatch`,
//! `target-unreachable`.
//!
//! In: a validated [`Plan`] (for locations) and the coverage findings of its
//! analysis ([`Coverage`], computed once in `analyse`). Out: warnings pushed
//! onto [`Diagnostics`]. Messages name units, positions, competences and
//! measures, never staff; a suppressed quality line's messages carry no
//! numbers at all.

use std::collections::BTreeMap;

use crate::analyse::coverage::{Coverage, Line, NeedSize};
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::model::{Indicator, Measure, Plan, Target};
use crate::source::Loc;

/// The plan's lines, measures and indicators by the keys the findings use.
struct Lookup<'a> {
    capacity: BTreeMap<(&'a str, &'a str), Option<&'a Loc>>,
    quality: BTreeMap<(&'a str, &'a str, u8), Option<&'a Loc>>,
    measures: BTreeMap<&'a str, &'a Measure>,
    indicators: BTreeMap<&'a str, &'a Indicator>,
}

impl<'a> Lookup<'a> {
    fn new(plan: &'a Plan) -> Self {
        Lookup {
            capacity: plan
                .capacity
                .iter()
                .map(|c| ((c.unit.as_str(), c.position.as_str()), c.loc.as_ref()))
                .collect(),
            quality: plan
                .quality
                .iter()
                .map(|q| {
                    (
                        (q.unit.as_str(), q.competence.as_str(), q.min_level),
                        q.loc.as_ref(),
                    )
                })
                .collect(),
            measures: plan.measures.iter().map(|m| (m.id.as_str(), m)).collect(),
            indicators: plan.indicators.iter().map(|i| (i.id.as_str(), i)).collect(),
        }
    }

    fn loc(&self, line: &Line) -> Option<Loc> {
        let loc = match line {
            Line::Capacity { unit, position, .. } => {
                self.capacity.get(&(unit.as_str(), position.as_str()))
            }
            Line::Quality {
                unit,
                competence,
                min_level,
                ..
            } => self
                .quality
                .get(&(unit.as_str(), competence.as_str(), *min_level)),
        };
        loc.copied().flatten().cloned()
    }

    fn measures(&self, ids: &[String]) -> Vec<&'a Measure> {
        ids.iter()
            .filter_map(|id| self.measures.get(id.as_str()).copied())
            .collect()
    }
}

pub fn logic(plan: &Plan, c: &Coverage, diags: &mut Diagnostics) {
    let look = Lookup::new(plan);
    for u in &c.uncovered {
        diags.push(
            Diagnostic::new(Code::UncoveredNeed, uncovered_message(&u.line, u.size))
                .at_opt(look.loc(&u.line))
                .hint(format!(
                    "add a measure with `competences` containing `{}` whose `units` include `{}` (or omit `units`)",
                    u.line.competence(),
                    u.line.unit()
                )),
        );
    }
    for m in &c.mismatches {
        let measures = look.measures(&m.measures);
        let mut d = Diagnostic::new(Code::StrategyMismatch, mismatch_message(&m.line, &measures))
            .at_opt(look.loc(&m.line))
            .hint("the analysis splits the need into mobilise, develop and acquire; choose a strategy whose part is above zero (see `plan analyse`)");
        for ms in &measures {
            if let Some(l) = &ms.loc {
                d = d.related(l.clone(), format!("measure `{}`", ms.id));
            }
        }
        diags.push(d);
    }
    for p in &c.small_positions {
        let loc = look
            .capacity
            .get(&(p.unit.as_str(), p.position.as_str()))
            .copied()
            .flatten()
            .cloned();
        diags.push(
            Diagnostic::new(
                Code::SmallPosition,
                format!(
                    "the available FTE of capacity line `{}`/`{}` is one person's in some year of the period, and it changes when someone reaches retirement age or qualifies: the published capacity rows show that person's position size and the year",
                    p.unit, p.position
                ),
            )
            .at_opt(loc)
            .hint("capacity rows are published by design (docs/privacy.md); decide whether the plan may show this, or merge the position with another line of the unit"),
        );
    }
    for t in &c.target_misses {
        let indicator = look.indicators.get(t.indicator.as_str());
        diags.push(
            Diagnostic::new(
                Code::TargetUnreachable,
                format!(
                    "indicator `{}` reaches {} in {} by the plan's own projection, missing its target ({})",
                    t.indicator,
                    short(t.value, 3),
                    t.year,
                    target_text(indicator.and_then(|i| i.target.as_ref()))
                ),
            )
            .at_opt(indicator.and_then(|i| i.loc.clone()))
            .hint("add or strengthen measures that move the indicator, or revise the target"),
        );
    }
}

/// A number rounded half away from zero to at most `decimals` decimals,
/// trailing zeros dropped.
fn short(x: f64, decimals: usize) -> String {
    let scale = 10f64.powi(i32::try_from(decimals).unwrap_or(0));
    let s = format!("{:.decimals$}", (x * scale).round() / scale);
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    if s == "-0" {
        "0".into()
    } else {
        s
    }
}

fn target_text(t: Option<&Target>) -> String {
    match t.map(|t| (t.min, t.max)) {
        Some((Some(lo), Some(hi))) => format!("{}–{}", short(lo, 3), short(hi, 3)),
        Some((Some(lo), None)) => format!("at least {}", short(lo, 3)),
        Some((None, Some(hi))) => format!("at most {}", short(hi, 3)),
        _ => "none".into(),
    }
}

fn subject(line: &Line) -> String {
    match line {
        Line::Capacity { unit, position, .. } => format!("capacity line `{unit}`/`{position}`"),
        Line::Quality {
            unit, competence, ..
        } => format!("quality line `{unit}`/`{competence}`"),
    }
}

fn uncovered_message(line: &Line, size: Option<NeedSize>) -> String {
    let who = subject(line);
    match (line, size) {
        (Line::Capacity { .. }, Some(s)) => {
            let (fy, fv) = (s.first.year, s.first.need);
            let (py, pv) = (s.peak.year, s.peak.need);
            let amount = if py == fy {
                format!("{} FTE in {fy}", short(fv, 1))
            } else {
                format!("{} FTE in {fy}, rising to {} in {py},", short(fv, 1), short(pv, 1))
            };
            format!("{who} has a need of {amount} that no measure addresses")
        }
        (Line::Quality { min_level, .. }, Some(s)) => format!(
            "{who} (level ≥ {min_level}) lacks {} persons in {} that no measure addresses",
            short(s.first.need, 0),
            s.first.year
        ),
        // suppressed: not even whether there is a need, nor the level
        (_, None) => format!(
            "no measure addresses {who}; its figures are hidden (too few survey answers), so whether it has a need is not shown"
        ),
    }
}

fn mismatch_message(line: &Line, measures: &[&Measure]) -> String {
    let mut strategies: Vec<&str> = measures.iter().map(|m| m.strategy.as_str()).collect();
    strategies.sort_unstable();
    strategies.dedup();
    let ids: Vec<String> = measures.iter().map(|m| format!("`{}`", m.id)).collect();
    format!(
        "the need of {} is addressed only by {} ({}), but the analysis finds nothing to {} in any year",
        subject(line),
        ids.join(", "),
        strategies.join(", "),
        strategies.join(" or ").replace('_', " ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::testkit::*;
    use crate::model::{QualityAmount, Strategy};

    fn messages(plan: &Plan) -> Vec<(Code, String)> {
        let mut d = Diagnostics::default();
        let a = crate::analyse::analyse(plan, &plan.assumptions);
        logic(plan, &a.coverage, &mut d);
        d.iter().map(|d| (d.code, d.message.clone())).collect()
    }

    #[test]
    fn uncovered_capacity_and_suppressed_quality() {
        let mut plan = plan_2025_2029();
        plan.capacity = vec![cap("u", "fag", 3.0, &["hfa"], 0.1)];
        plan.quality = vec![qual("u", "demens", 3, QualityAmount::Count(2))];
        plan.staff = vec![person("secret7", "u", "fag", 100.0, Some("hfa"), 1980)];
        plan.survey = vec![
            answer("r1", "u", "demens", 1),
            answer("r2", "u", "demens", 4),
        ]
        .into();
        let m = messages(&plan);
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].0, Code::UncoveredNeed);
        assert!(
            m[0].1.contains("2 FTE in 2025, rising to 3.4 in 2029,"),
            "{}",
            m[0].1
        );
        assert!(!m[1].1.chars().any(|c| c.is_ascii_digit()), "{}", m[1].1);
        assert!(m.iter().all(|(_, s)| !s.contains("secret7")));
    }

    #[test]
    fn mismatch_and_target() {
        let mut plan = plan_2025_2029();
        plan.capacity = vec![cap("u", "spl", 1.0, &["spl"], 0.0)];
        plan.measures = vec![measure("m", Strategy::PhaseOut, &["spl"], None)];
        let m = messages(&plan);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].0, Code::StrategyMismatch);
        assert!(m[0].1.contains("nothing to phase out"), "{}", m[0].1);
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(short(3.0775, 1), "3.1");
        assert_eq!(short(1.25, 1), "1.3");
        assert_eq!(short(2.0, 1), "2");
        assert_eq!(short(0.554, 3), "0.554");
    }
}
