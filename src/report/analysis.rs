//! KS step 5, kompetanse- og bemanningsanalyse: grunndata, kompetansekrav,
//! kompetansekapital and kompetansebehov, kartlegging and a plain reading.
//!
//! In: the plan and its analysis (through [`Ctx`]). Out: Markdown blocks and
//! figures. Suppressed numbers are shown as "–" and never drawn.

use crate::analyse::CapacityRow;
use crate::i18n::fill;
use crate::model::EduLevel;
use crate::render::cells;
use crate::render::view::{self, SectionKey};

use super::caption::{need_caption, Need};
use super::context::Ctx;
use super::figures::{self, Bars, Lines, Panel};
use super::index::unit_range;
use super::{reading, requirements, survey};
use crate::render::md::{Doc, Table};

pub(crate) fn analysis(ctx: &Ctx, doc: &mut Doc) -> anyhow::Result<()> {
    let r = ctx.r;
    doc.heading(2, r.h_analysis);
    doc.raw(r.analysis_intro);
    basic_data(ctx, doc)?;
    requirements::requirements(ctx, doc);
    super::workload::section(ctx, doc)?;
    gaps(ctx, doc)?;
    survey::section(ctx, doc);
    doc.heading(3, r.h_reading);
    doc.raw(r.reading_intro);
    doc.bullets(&reading::reading(ctx));
    Ok(())
}

/// Grunndata: key figures, education, age bands and retirements, with figures.
fn basic_data(ctx: &Ctx, doc: &mut Doc) -> anyhow::Result<()> {
    let (r, m) = (ctx.r, ctx.m);
    let year = ctx.a.base_year.to_string();
    doc.heading(3, &fill(r.h_basic, &[("year", &year)]));
    // the workforce sections of the shared layout, picked by name
    let secs = view::workforce(&ctx.a.workforce, ctx.a.base_year, ctx.lang);
    let section = |key: SectionKey| secs.iter().find(|s| s.key == key);
    let w = &ctx.a.workforce;
    let min = ctx.a.min_group_size.to_string();
    let note = if w.any_hidden() {
        fill(r.hidden_staff_note, &[("n", &min)])
    } else {
        String::new()
    };
    if let Some(key) = section(SectionKey::KeyFigures) {
        doc.table(&key.table());
    }
    let persons = |gs: &[crate::analyse::workforce::Group]| -> Vec<Option<f64>> {
        gs.iter().map(|g| g.headcount.map(|h| h as f64)).collect()
    };
    let fig_note = if w.any_hidden() {
        fill(r.fig_hidden_note, &[("n", &min)])
    } else {
        String::new()
    };
    // education (the Stange plan's "fordeling personellgrupper") first
    if let Some(s) = section(SectionKey::Education) {
        doc.heading(4, &s.title);
        doc.table(&s.table());
        let title = fill(r.fig_education, &[("year", &year)]);
        let spec = Bars {
            title: &title,
            labels: EduLevel::ALL
                .iter()
                .map(|&l| ctx.lang.edu_level(l).to_string())
                .collect(),
            values: persons(&w.education),
            decimals: 0,
            axis: m.headcount,
            hidden: r.fig_hidden,
            note: fig_note.clone(),
        };
        ctx.figure(doc, "utdanning.svg", &title, |c| {
            figures::bars(&spec, c.lang)
        })?;
    }
    if let Some(s) = section(SectionKey::AgeBands) {
        doc.heading(4, &s.title);
        doc.table(&s.table());
        let title = fill(r.fig_age, &[("year", &year)]);
        let spec = Bars {
            title: &title,
            labels: w
                .age_bands
                .iter()
                .map(|g| g.group.replace('-', "–"))
                .collect(),
            values: persons(&w.age_bands),
            decimals: 0,
            axis: m.headcount,
            hidden: r.fig_hidden,
            note: fig_note.clone(),
        };
        ctx.figure(doc, "alder.svg", &title, |c| figures::bars(&spec, c.lang))?;
    }
    if let Some(s) = section(SectionKey::Retirements) {
        doc.heading(4, &s.title);
        doc.table(&s.table());
        let title = r.fig_retirement;
        let spec = Bars {
            title,
            labels: w.retirements.iter().map(|g| g.year.to_string()).collect(),
            values: w
                .retirements
                .iter()
                .map(|g| g.headcount.map(|h| h as f64))
                .collect(),
            decimals: 0,
            axis: m.headcount,
            hidden: r.fig_hidden,
            note: fig_note,
        };
        ctx.figure(doc, "pensjonsalder.svg", title, |c| {
            figures::bars(&spec, c.lang)
        })?;
    }
    doc.para(&note);
    Ok(())
}

/// The gap columns: position (or competence) and year, then the eight figures.
pub(crate) fn gap_headers(ctx: &Ctx, first: &str) -> Table {
    let mut headers = vec![first, ctx.m.year];
    headers.extend(cells::capacity_headers(ctx.m));
    Table::new(&headers, 1)
}

fn gap_cells(ctx: &Ctx, name: String, year: i32, v: [f64; 8]) -> Vec<String> {
    let mut row = vec![name, year.to_string()];
    row.extend(cells::fte_cells(ctx.lang, v));
    row
}

/// One row per capacity row of `rows` whose year is in `years`.
pub(crate) fn gap_table(ctx: &Ctx, rows: &[&CapacityRow], years: &[i32]) -> Table {
    let mut t = gap_headers(ctx, ctx.m.position);
    for row in rows.iter().filter(|r| years.contains(&r.year)) {
        t.push(gap_cells(
            ctx,
            ctx.position_title(&row.unit, &row.position),
            row.year,
            cells::capacity_figures(row),
        ));
    }
    t
}

/// The base year and the end year.
pub(crate) fn ends(ctx: &Ctx) -> Vec<i32> {
    let (b, e) = (ctx.a.base_year, ctx.a.end_year);
    if b == e {
        vec![b]
    } else {
        vec![b, e]
    }
}

/// Kompetansekapital og kompetansebehov: gap tables per unit, totals per
/// primary competence, the required-vs-available figure, quality gaps.
fn gaps(ctx: &Ctx, doc: &mut Doc) -> anyhow::Result<()> {
    let (r, m) = (ctx.r, ctx.m);
    doc.heading(3, r.h_gaps);
    doc.raw(r.gaps_intro);
    let years = ends(ctx);
    for u in &ctx.plan.units {
        let range = unit_range(&ctx.a.capacity, &u.id, |c| &c.unit);
        let rows: Vec<&CapacityRow> = ctx.a.capacity.get(range).unwrap_or(&[]).iter().collect();
        if rows.is_empty() {
            continue;
        }
        doc.heading(4, &fill(r.h_gap_unit, &[("unit", &u.name)]));
        doc.table(&gap_table(ctx, &rows, &years));
    }
    let totals = &ctx.a.capacity_totals;
    if !totals.is_empty() {
        doc.heading(4, r.h_gap_totals);
        let mut t = gap_headers(ctx, m.competence);
        let mut comps: Vec<&str> = totals.iter().map(|t| t.competence.as_str()).collect();
        comps.sort_unstable();
        comps.dedup();
        for c in &comps {
            for t_row in totals
                .iter()
                .filter(|t| t.competence == *c && years.contains(&t.year))
            {
                t.push(gap_cells(
                    ctx,
                    ctx.competence_name(c),
                    t_row.year,
                    cells::capacity_total_figures(t_row),
                ));
            }
        }
        doc.table(&t);
        let title = fill(
            r.fig_capacity,
            &[
                ("from", &ctx.a.base_year.to_string()),
                ("to", &ctx.a.end_year.to_string()),
            ],
        );
        let panels = comps
            .iter()
            .map(|c| Panel {
                title: ctx.competence_name(c),
                points: totals
                    .iter()
                    .filter(|t| t.competence == *c)
                    .map(|t| (t.year, t.required, t.available))
                    .collect(),
            })
            .collect();
        let need_in = |c: &str, year: i32| {
            totals
                .iter()
                .find(|t| t.competence == c && t.year == year)
                .map(|t| t.need)
        };
        let needs: Vec<Need> = comps
            .iter()
            .map(|c| Need {
                name: ctx.competence_name(c),
                base: need_in(c, ctx.a.base_year),
                end: need_in(c, ctx.a.end_year),
            })
            .collect();
        let caption =
            need_caption(ctx.lang, ctx.a.end_year, &needs).unwrap_or_else(|| title.clone());
        let f = ctx.lang.form();
        let spec = Lines {
            title: &title,
            panels,
            required: m.required,
            available: m.available,
            axis: m.fte,
            gap: f.fig_gap,
            own_scale: f.fig_own_scale,
        };
        ctx.figure(doc, "krav-kapital.svg", &caption, |c| {
            figures::lines(&spec, c.lang)
        })?;
    }
    requirements::quality_gaps(ctx, doc);
    Ok(())
}
