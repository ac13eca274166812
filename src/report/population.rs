//! Step 3 (føringer): the assumed efficiency gain, and the population
//! development behind each demand driver —
//! persons per age band in the base and last year, the users D(y), the index
//! G(E) and the equivalent annual growth — with one figure per driver.
//!
//! In: the report context (the analysis' `drivers` and `population`). Out:
//! Markdown and SVG figures; nothing without drivers. Formats the analysis'
//! numbers; computes none.

use super::context::Ctx;
use super::series::{self, Series};
use crate::analyse::demand::DriverRow;
use crate::i18n::fill;
use crate::render::md::{Doc, Table};

pub(crate) fn population(ctx: &Ctx, doc: &mut Doc) -> anyhow::Result<()> {
    let d = ctx.lang.demand();
    let e = ctx.plan.assumptions.efficiency;
    if e != 0.0 {
        doc.para(&fill(d.efficiency_note, &[("value", &ctx.pct(e))]));
    }
    let (Some(p), false) = (&ctx.a.population, ctx.a.drivers.is_empty()) else {
        return Ok(());
    };
    let (b, e) = (ctx.a.base_year, ctx.a.end_year);
    doc.heading(3, d.population_heading);
    doc.para(&fill(
        d.population_intro,
        &[
            ("file", &p.file),
            ("region", p.region.as_deref().unwrap_or(ctx.m.missing)),
            ("alternative", &p.alternative),
            ("from", &b.to_string()),
            ("to", &e.to_string()),
        ],
    ));
    for driver in &ctx.plan.drivers {
        let rows: Vec<&DriverRow> = ctx
            .a
            .drivers
            .iter()
            .filter(|r| r.driver == driver.id)
            .collect();
        let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
            continue;
        };
        doc.heading(4, &driver.title);
        let by = fill(d.persons_in, &[("year", &b.to_string())]);
        let ey = fill(d.persons_in, &[("year", &e.to_string())]);
        let mut t = Table::new(&[d.band, d.rate, by.as_str(), ey.as_str()], 1);
        for (band, end) in first.bands.iter().zip(&last.bands) {
            t.push(vec![
                band.band.replace('-', "–"),
                ctx.lang.number(band.rate, 2),
                ctx.lang.number(band.persons, 0),
                ctx.lang.number(end.persons, 0),
            ]);
        }
        t.push_total(vec![
            d.users.to_string(),
            String::new(),
            ctx.lang.number(first.users, 1),
            ctx.lang.number(last.users, 1),
        ]);
        doc.table(&t);
        doc.para(&fill(
            d.driver_growth,
            &[
                ("driver", &driver.title),
                ("from", &b.to_string()),
                ("to", &e.to_string()),
                ("index", &ctx.lang.number(last.index, 3)),
                ("growth", &ctx.lang.percent(last.annual_growth)),
            ],
        ));
        let title = fill(d.figure_population, &[("driver", &driver.title)]);
        let spec = Series {
            title: &title,
            axis: d.residents,
            lines: first
                .bands
                .iter()
                .enumerate()
                .map(|(i, band)| {
                    (
                        band.band.replace('-', "–"),
                        rows.iter()
                            .filter_map(|r| Some((r.year, r.bands.get(i)?.persons)))
                            .collect(),
                    )
                })
                .collect(),
        };
        let file = format!("befolkning-{}.svg", slug(&driver.id));
        ctx.figure(doc, &file, &title, |c| series::series(&spec, c.lang))?;
    }
    Ok(())
}

/// A file-name-safe form of an id.
pub(crate) fn slug(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect()
}
