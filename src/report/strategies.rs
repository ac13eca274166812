//! KS step 6, kompetansestrategier og tiltak: the tiltaksplan table, measures by
//! strategy, the responsibility matrix, cost per year, needs no measure covers.
//!
//! In: the plan's goals, measures and indicators, and the analysis' costs and
//! coverage findings (through [`Ctx`]). Out: Markdown blocks.

use std::collections::BTreeSet;

use crate::analyse::costs::StrategyCosts;
use crate::i18n::fill;
use crate::model::{Arena, Measure, Strategy};

use super::context::Ctx;
use super::uncovered::uncovered;
use crate::render::md::{Doc, Table};

pub(crate) fn strategies(ctx: &Ctx, doc: &mut Doc) {
    let r = ctx.r;
    doc.heading(2, r.h_strategies);
    doc.raw(r.strategies_intro);
    action_table(ctx, doc);
    by_strategy(ctx, doc);
    responsibility(ctx, doc);
    costs(ctx, doc);
    doc.heading(3, r.h_uncovered);
    uncovered(ctx, doc, None);
}

fn indicator_titles(ctx: &Ctx, ids: &[String]) -> Vec<String> {
    ids.iter()
        .map(|id| {
            ctx.plan
                .indicators
                .iter()
                .find(|i| &i.id == id)
                .map_or_else(|| id.clone(), |i| i.title.clone())
        })
        .collect()
}

/// The Stange plan's table: Hovedmål | Strategier | Tiltak | Relevante indikatorer,
/// one row per measure, the goal and its strategies on the goal's first row.
fn action_table(ctx: &Ctx, doc: &mut Doc) {
    let r = ctx.r;
    doc.heading(3, r.h_action_table);
    let mut t = Table::new(
        &[
            r.col_goal,
            r.col_strategies,
            r.col_measure,
            r.col_indicators,
        ],
        4,
    );
    for g in &ctx.plan.goals {
        let ms: Vec<&Measure> = ctx
            .plan
            .measures
            .iter()
            .filter(|m| m.goal == g.id)
            .collect();
        let strategies = ctx.list(&g.strategies);
        if ms.is_empty() {
            t.push(vec![
                g.title.clone(),
                strategies.clone(),
                ctx.m.missing.to_string(),
                ctx.m.missing.to_string(),
            ]);
        }
        for (i, m) in ms.iter().enumerate() {
            let (goal, strat) = if i == 0 {
                (g.title.clone(), strategies.clone())
            } else {
                (String::new(), String::new())
            };
            t.push(vec![
                goal,
                strat,
                m.title.clone(),
                ctx.list(&indicator_titles(ctx, &m.indicators)),
            ]);
        }
    }
    if t.rows.is_empty() {
        doc.para(r.no_measures);
    }
    doc.table(&t);
}

pub(crate) fn arena_name(ctx: &Ctx, a: Option<Arena>) -> String {
    let i = match a {
        Some(Arena::InWork) => 0,
        Some(Arena::AtWork) => 1,
        Some(Arena::OutsideWork) => 2,
        None => return ctx.m.missing.to_string(),
    };
    ctx.r.arenas.get(i).copied().unwrap_or("").to_string()
}

pub(crate) fn period(m: &Measure) -> String {
    if m.start == m.end {
        m.start.to_string()
    } else {
        format!("{}–{}", m.start, m.end)
    }
}

pub(crate) fn responsible(ctx: &Ctx, m: &Measure) -> String {
    let roles: Vec<String> = m.responsible.iter().map(|x| ctx.role_name(x)).collect();
    ctx.list(&roles)
}

/// Measures grouped by KS's four strategies.
fn by_strategy(ctx: &Ctx, doc: &mut Doc) {
    let r = ctx.r;
    doc.heading(3, r.h_by_strategy);
    for s in Strategy::ALL {
        let ms: Vec<&Measure> = ctx
            .plan
            .measures
            .iter()
            .filter(|m| m.strategy == s)
            .collect();
        doc.heading(4, ctx.lang.strategy(s));
        if ms.is_empty() {
            doc.para(r.no_measures);
            continue;
        }
        let mut t = Table::new(
            &[
                r.col_measure,
                r.col_units,
                r.col_responsible,
                r.col_period,
                r.col_arena,
                r.col_cost,
            ],
            5,
        );
        for m in ms {
            let units = match &m.units {
                None => r.all_units.to_string(),
                Some(us) => ctx.list(&us.iter().map(|u| ctx.unit_name(u)).collect::<Vec<_>>()),
            };
            t.push(vec![
                m.title.clone(),
                units,
                responsible(ctx, m),
                period(m),
                arena_name(ctx, m.arena),
                m.cost_nok
                    .map_or_else(|| ctx.m.missing.to_string(), |c| ctx.money(c)),
            ]);
        }
        doc.table(&t);
    }
}

/// Roles × strategies: how many measures each role is responsible for.
fn responsibility(ctx: &Ctx, doc: &mut Doc) {
    let r = ctx.r;
    doc.heading(3, r.h_responsibility);
    doc.raw(r.responsibility_intro);
    let mut roles: Vec<String> = r.roles.iter().map(|(id, _)| (*id).to_string()).collect();
    let extra: BTreeSet<&String> = ctx
        .plan
        .measures
        .iter()
        .flat_map(|m| &m.responsible)
        .filter(|x| !roles.contains(x))
        .collect();
    roles.extend(extra.into_iter().cloned());
    let mut headers = vec![r.col_role];
    headers.extend(Strategy::ALL.iter().map(|&s| ctx.lang.strategy(s)));
    let mut t = Table::new(&headers, 1);
    for role in roles {
        let counts: Vec<String> = Strategy::ALL
            .iter()
            .map(|&s| {
                let n = ctx
                    .plan
                    .measures
                    .iter()
                    .filter(|m| m.strategy == s && m.responsible.contains(&role))
                    .count();
                n.to_string()
            })
            .collect();
        let mut cells = vec![ctx.role_name(&role)];
        cells.extend(counts);
        t.push(cells);
    }
    doc.table(&t);
}

/// Cost per year of the period by strategy, for the økonomiplan (the
/// analysis' costs).
fn costs(ctx: &Ctx, doc: &mut Doc) {
    let (r, m) = (ctx.r, ctx.m);
    let costs = &ctx.a.costs;
    doc.heading(3, r.h_costs);
    doc.raw(r.costs_intro);
    let mut headers = vec![m.year];
    headers.extend(Strategy::ALL.iter().map(|&s| ctx.lang.strategy(s)));
    headers.push(m.total);
    let mut t = Table::new(&headers, 1);
    let cells = |first: String, c: &StrategyCosts| -> Vec<String> {
        let mut cells = vec![first];
        cells.extend(Strategy::ALL.iter().map(|&s| ctx.money(c.get(s))));
        cells.push(ctx.money(c.total));
        cells
    };
    for y in &costs.years {
        t.push(cells(y.year.to_string(), &y.costs));
    }
    t.push_total(cells(m.total.to_string(), &costs.total));
    doc.table(&t);
    let without = costs.measures_without_cost;
    if without > 0 {
        doc.para(&fill(r.costs_missing, &[("n", &without.to_string())]));
    }
}
