//! Step 5: "Scenarier" — the plan's scenarios side by side: one sentence per
//! scenario naming what it assumes, the need per year in each (table), and a
//! line figure of the need per year, one line per scenario.
//!
//! In: the report context (the analysis' `comparison`, which `plan report`
//! makes when the plan has scenarios). Out: Markdown and one SVG figure;
//! nothing without scenarios. Formats numbers; computes none.

use super::context::Ctx;
use super::series::{self, Series};
use crate::analyse::compare::Compared;
use crate::i18n::fill;
use crate::model::demand::BASIS;
use crate::render::md::{Doc, Table};

/// What a scenario assumes, in words.
fn sentence(ctx: &Ctx, s: &Compared) -> String {
    let d = ctx.lang.demand();
    let mut parts = Vec::new();
    if let Some(sc) = ctx.plan.scenario(&s.header.id) {
        if let Some(alt) = &sc.alternative {
            parts.push(fill(d.uses_alternative, &[("alternative", alt)]));
        }
        for (key, value) in &sc.overrides {
            parts.push(match *key {
                "retirement_age" => {
                    fill(d.uses_retirement, &[("value", &ctx.lang.number(*value, 0))])
                }
                "turnover_rate" => fill(d.uses_turnover, &[("value", &ctx.pct(*value))]),
                _ => fill(d.uses_efficiency, &[("value", &ctx.pct(*value))]),
            });
        }
        if !sc.rates.is_empty() {
            parts.push(d.uses_rates.to_string());
        }
    }
    let what = if parts.is_empty() || s.header.id == BASIS {
        d.as_the_plan.to_string()
    } else {
        ctx.join(&parts)
    };
    let head = fill(
        d.scenario_sentence,
        &[("title", &title(ctx, s)), ("id", &s.header.id)],
    );
    match &s.description {
        Some(desc) => format!("{head}: {what}. {desc}"),
        None => format!("{head}: {what}."),
    }
}

/// A scenario's title; the plan itself is "Planen (basis)".
fn title(ctx: &Ctx, s: &Compared) -> String {
    if s.header.id == BASIS {
        ctx.lang.demand().basis.to_string()
    } else {
        s.header.title.clone()
    }
}

pub(crate) fn scenarios(ctx: &Ctx, doc: &mut Doc) -> anyhow::Result<()> {
    let Some(c) = &ctx.a.comparison else {
        return Ok(());
    };
    let d = ctx.lang.demand();
    doc.heading(3, d.scenarios_heading);
    doc.para(d.scenarios_intro);
    let items: Vec<String> = c.scenarios.iter().map(|s| sentence(ctx, s)).collect();
    doc.bullets(&items);
    let years: Vec<i32> = (c.base_year..=c.end_year).collect();
    // at most 8 years per table, so no table is wider than 9 columns
    for chunk in years.chunks(8) {
        let mut headers = vec![d.scenario.to_string()];
        headers.extend(
            chunk
                .iter()
                .map(|y| fill(d.need_in, &[("year", &y.to_string())])),
        );
        let mut t = Table::new(&headers, 1);
        for s in &c.scenarios {
            let mut row = vec![title(ctx, s)];
            for y in chunk {
                row.push(
                    c.years
                        .iter()
                        .find(|r| r.scenario == s.header.id && r.year == *y)
                        .map_or_else(|| ctx.m.missing.to_string(), |r| ctx.fte(r.figures.need)),
                );
            }
            t.push(row);
        }
        doc.table(&t);
    }
    let spec = Series {
        title: d.figure_scenarios,
        axis: d.need,
        lines: c
            .scenarios
            .iter()
            .map(|s| {
                (
                    title(ctx, s),
                    c.years
                        .iter()
                        .filter(|r| r.scenario == s.header.id)
                        .map(|r| (r.year, r.figures.need))
                        .collect(),
                )
            })
            .collect(),
    };
    ctx.figure(doc, "scenarier.svg", d.figure_scenarios, |c| {
        series::series(&spec, c.lang)
    })?;
    Ok(())
}
