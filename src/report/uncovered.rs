//! Needs no measure covers (the rule of `uncovered-need`) and measures whose
//! strategy cannot help, in words, for the whole plan or one unit.
//!
//! In: the analysis' coverage findings and, for one unit, the positions of its
//! findings from the unit index (through [`Ctx`]). Out: Markdown bullet lists; a
//! suppressed line is named without numbers.

use crate::analyse::coverage::{Line, Uncovered};
use crate::i18n::fill;

use super::context::Ctx;
use crate::render::md::Doc;

/// One finding of `uncovered-need` in words; a suppressed line has no numbers.
fn uncovered_text(ctx: &Ctx, u: &Uncovered) -> String {
    let r = ctx.r;
    match (&u.line, u.size) {
        (
            Line::Capacity {
                unit,
                position,
                competence,
            },
            Some(size),
        ) => {
            let title = ctx.position_title(unit, position);
            let mut s = fill(
                r.uncovered_capacity,
                &[
                    ("unit", &ctx.unit_name(unit)),
                    ("position", &{
                        let name = ctx.competence_name(competence);
                        if name == title {
                            name
                        } else {
                            format!("{title} ({name})")
                        }
                    }),
                    ("n", &ctx.fte(size.first.need)),
                    ("year", &size.first.year.to_string()),
                ],
            );
            if size.peak.year != size.first.year {
                s.push_str(&fill(
                    r.uncovered_peak,
                    &[
                        ("n", &ctx.fte(size.peak.need)),
                        ("year", &size.peak.year.to_string()),
                    ],
                ));
            }
            s
        }
        (
            Line::Quality {
                unit,
                competence,
                min_level,
                ..
            },
            Some(size),
        ) => fill(
            r.uncovered_quality,
            &[
                ("unit", &ctx.unit_name(unit)),
                ("competence", &ctx.competence_name(competence)),
                ("level", &min_level.to_string()),
                ("n", &ctx.int(size.first.need.round() as u64)),
            ],
        ),
        (line, None) => fill(
            r.uncovered_hidden,
            &[
                ("unit", &ctx.unit_name(line.unit())),
                ("competence", &ctx.competence_name(line.competence())),
                ("n", &ctx.a.min_group_size.to_string()),
            ],
        ),
    }
}

/// The findings of `unit` among `items` (positions from the unit index), or
/// all of them.
fn of_unit<'x, T>(items: &'x [T], unit: Option<&[usize]>) -> Vec<&'x T> {
    match unit {
        None => items.iter().collect(),
        Some(ids) => ids.iter().filter_map(|&i| items.get(i)).collect(),
    }
}

/// Needs not covered by any measure (the rule of `uncovered-need`), for the
/// whole plan or one unit, and measures whose strategy cannot help.
pub(crate) fn uncovered(ctx: &Ctx, doc: &mut Doc, unit: Option<&str>) {
    let r = ctx.r;
    let items: Vec<String> = of_unit(
        &ctx.a.coverage.uncovered,
        unit.map(|u| ctx.index.uncovered(u)),
    )
    .into_iter()
    .map(|u| uncovered_text(ctx, u))
    .collect();
    if items.is_empty() {
        doc.para(r.uncovered_none);
    } else {
        doc.raw(r.uncovered_intro);
        doc.bullets(&items);
    }
    let mismatches: Vec<String> = of_unit(
        &ctx.a.coverage.mismatches,
        unit.map(|u| ctx.index.mismatches(u)),
    )
    .into_iter()
    .map(|x| {
        let what = match &x.line {
            Line::Capacity { unit, position, .. } => ctx.position_title(unit, position),
            Line::Quality { competence, .. } => ctx.competence_name(competence),
        };
        let ms: Vec<String> = x.measures.iter().map(|id| ctx.measure_title(id)).collect();
        fill(
            r.mismatch_item,
            &[
                ("unit", &ctx.unit_name(x.line.unit())),
                ("line", &what),
                ("measures", &ctx.list(&ms)),
            ],
        )
    })
    .collect();
    if !mismatches.is_empty() {
        doc.raw(r.mismatch_intro);
        doc.bullets(&mismatches);
    }
}
