//! "Hva tallene viser": a short reading of the analysis in plain language.
//!
//! In: the analysis (through [`Ctx`]): its totals and survey rows. Out: sentences, each
//! made by filling a template of the catalogue with numbers from the analysis.
//! Nothing is invented, and a hidden (suppressed) number is never used: where a
//! figure is hidden the sentence is left out.

use crate::analyse::totals::CapacityTotal;
use crate::analyse::Workforce;
use crate::i18n::fill;

use super::context::Ctx;

pub(crate) fn reading(ctx: &Ctx) -> Vec<String> {
    let mut out = workforce(ctx);
    out.extend(capacity(ctx));
    out.extend(quality(ctx));
    out.extend(survey_top(ctx));
    if out.is_empty() {
        out.push(ctx.r.read_nothing.to_string());
    }
    out
}

/// `template` filled with the base year, headcount and FTE of `w`, then its
/// mean age and part-time share when both are shown.
pub(crate) fn staff_sentence(ctx: &Ctx, template: &str, w: &Workforce) -> String {
    let mut s = fill(
        template,
        &[
            ("year", &ctx.a.base_year.to_string()),
            ("headcount", &ctx.int(w.headcount)),
            ("fte", &ctx.fte(w.fte)),
        ],
    );
    if let (Some(age), Some(pt)) = (w.mean_age, w.part_time_share) {
        s.push(' ');
        s.push_str(&fill(
            ctx.r.read_age,
            &[("age", &ctx.lang.number(age, 1)), ("share", &ctx.pct(pt))],
        ));
    }
    s
}

fn workforce(ctx: &Ctx) -> Vec<String> {
    let (r, w) = (ctx.r, &ctx.a.workforce);
    if w.headcount == 0 {
        return Vec::new();
    }
    let mut s = staff_sentence(ctx, r.read_workforce, w);
    if let Some(n) = w.retiring_in_period() {
        s.push(' ');
        s.push_str(&fill(
            r.read_retirement,
            &[
                ("n", &ctx.int(n)),
                ("from", &ctx.a.base_year.to_string()),
                ("to", &ctx.a.end_year.to_string()),
            ],
        ));
    }
    vec![s]
}

fn need_of(totals: &[CapacityTotal], c: &str, y: i32) -> Option<CapacityTotal> {
    totals
        .iter()
        .find(|t| t.competence == c && t.year == y)
        .cloned()
}

/// Σ that rounds to zero at one decimal counts as none.
fn some(x: f64) -> bool {
    x >= 0.05
}

fn capacity(ctx: &Ctx) -> Vec<String> {
    let r = ctx.r;
    let totals = &ctx.a.capacity_totals;
    let (b, e) = (ctx.a.base_year, ctx.a.end_year);
    let mut comps: Vec<&str> = totals.iter().map(|t| t.competence.as_str()).collect();
    comps.sort_unstable();
    comps.dedup();
    let mut out = Vec::new();
    for c in comps {
        let name = ctx.competence_name(c);
        let (Some(first), Some(last)) = (need_of(totals, c, b), need_of(totals, c, e)) else {
            continue;
        };
        let all: Vec<&CapacityTotal> = totals.iter().filter(|t| t.competence == c).collect();
        let mut s = if all.iter().all(|t| !some(t.need)) {
            fill(r.read_no_need, &[("competence", &name)])
        } else {
            let template = if ctx.fte(first.need) == ctx.fte(last.need) {
                r.read_need_same
            } else if last.need > first.need {
                r.read_need_up
            } else {
                r.read_need_down
            };
            fill(
                template,
                &[
                    ("competence", &name),
                    ("from", &ctx.fte(first.need)),
                    ("to", &ctx.fte(last.need)),
                    ("base", &b.to_string()),
                    ("end", &e.to_string()),
                ],
            )
        };
        let mut years = vec![&first];
        if e != b {
            years.push(&last);
        }
        for t in years {
            if let Some(split) = split(ctx, t) {
                s.push(' ');
                s.push_str(&split);
            }
        }
        if some(last.surplus) {
            s.push(' ');
            s.push_str(&fill(
                r.read_surplus,
                &[("n", &ctx.fte(last.surplus)), ("year", &e.to_string())],
            ));
        }
        out.push(s);
    }
    out
}

/// "Av behovet i 2029 kan 1,4 dekkes ved å mobilisere og 2,2 må anskaffes."
fn split(ctx: &Ctx, t: &CapacityTotal) -> Option<String> {
    let r = ctx.r;
    if !some(t.need) {
        return None;
    }
    let parts: Vec<String> = [
        (t.mobilise, r.read_mobilise),
        (t.develop, r.read_develop),
        (t.acquire, r.read_acquire),
    ]
    .into_iter()
    .filter(|(v, _)| some(*v))
    .map(|(v, tpl)| fill(tpl, &[("n", &ctx.fte(v))]))
    .collect();
    Some(fill(
        r.read_split,
        &[("year", &t.year.to_string()), ("parts", &ctx.join(&parts))],
    ))
}

/// Quality needs that are shown: per competence and level, the total when it
/// is shown (two or more units), else the single unit's row.
fn quality(ctx: &Ctx) -> Vec<String> {
    let r = ctx.r;
    let mut out = Vec::new();
    let mut keys: Vec<(&str, u8)> = ctx
        .a
        .quality
        .iter()
        .map(|q| (q.competence.as_str(), q.min_level))
        .collect();
    keys.dedup();
    keys.sort_unstable();
    keys.dedup();
    for (c, level) in keys {
        let rows: Vec<_> = ctx
            .a
            .quality
            .iter()
            .filter(|q| q.competence == c && q.min_level == level)
            .collect();
        let (need, develop, required) = match rows.as_slice() {
            [one] => (one.need, one.develop, one.required),
            _ => match ctx
                .a
                .quality_totals
                .iter()
                .find(|t| t.competence == c && t.min_level == level)
            {
                Some(t) => (t.need, t.develop, t.required),
                None => continue,
            },
        };
        let (Some(need), Some(develop)) = (need, develop) else {
            continue;
        };
        if need == 0 {
            continue;
        }
        out.push(fill(
            r.read_quality,
            &[
                ("competence", &ctx.competence_name(c)),
                ("level", &level.to_string()),
                ("need", &ctx.int(need)),
                ("required", &ctx.int(required)),
                ("develop", &ctx.int(develop)),
            ],
        ));
    }
    out
}

/// The three areas with the highest shown mean need.
fn survey_top(ctx: &Ctx) -> Vec<String> {
    let rows = &ctx.a.survey.areas;
    let mut names: Vec<String> = Vec::new();
    for row in rows.iter().filter(|r| r.mean_need.is_some()) {
        let name = ctx.competence_name(&row.competence);
        if !names.contains(&name) {
            names.push(name);
        }
        if names.len() == 3 {
            break;
        }
    }
    if names.is_empty() {
        return Vec::new();
    }
    vec![fill(ctx.r.read_survey, &[("areas", &ctx.join(&names))])]
}
