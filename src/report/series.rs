//! A line figure of yearly series (one line per series), readable in
//! greyscale: each line has its own shade and its own marker, and the legend
//! shows both.
//!
//! In: a title, an axis label and (name, (year, value)…) per series. Out: SVG
//! text from plotters' SVG backend; the bytes depend only on the input.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::i18n::Lang;

const FONT: &str = "sans-serif";

/// Shades from black to mid grey; the markers tell lines apart where shades
/// are close.
const SHADES: [RGBColor; 4] = [
    RGBColor(0, 0, 0),
    RGBColor(90, 90, 90),
    RGBColor(140, 140, 140),
    RGBColor(60, 60, 60),
];

fn err<E: std::fmt::Debug>(e: E) -> anyhow::Error {
    anyhow::anyhow!("cannot draw the figure: {e:?}")
}

pub(crate) struct Series<'a> {
    pub title: &'a str,
    pub axis: &'a str,
    pub lines: Vec<(String, Vec<(i32, f64)>)>,
}

/// Draw marker `k` (circle, triangle, square, cross, in turn) at pixel `at`.
fn marker<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    k: usize,
    at: (i32, i32),
    color: RGBColor,
) -> anyhow::Result<()> {
    let style = color.filled();
    match k % 4 {
        0 => area.draw(&(EmptyElement::at(at) + Circle::new((0, 0), 4, style))),
        1 => area.draw(&(EmptyElement::at(at) + TriangleMarker::new((0, 0), 5, style))),
        2 => area.draw(&(EmptyElement::at(at) + Rectangle::new([(-4, -4), (4, 4)], style))),
        _ => area.draw(&(EmptyElement::at(at) + Cross::new((0, 0), 5, color.stroke_width(2)))),
    }
    .map_err(err)
}

pub(crate) fn series(spec: &Series, lang: Lang) -> anyhow::Result<String> {
    let years = spec
        .lines
        .iter()
        .flat_map(|(_, p)| p.iter().map(|(y, _)| *y))
        .fold(None, |acc: Option<(i32, i32)>, y| match acc {
            None => Some((y, y)),
            Some((a, b)) => Some((a.min(y), b.max(y))),
        })
        .map_or(0..1, |(a, b)| if b > a { a..b } else { a..a + 1 });
    let max = spec
        .lines
        .iter()
        .flat_map(|(_, p)| p.iter().map(|(_, v)| *v))
        .fold(0.0_f64, f64::max);
    let ymax = if max <= 0.0 { 1.0 } else { max * 1.15 };
    let n = spec.lines.len();
    let legend_h = 22 * u32::try_from(n).unwrap_or(0) + 8;
    let (w, h) = (760u32, 380 + legend_h);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        let root = root.titled(spec.title, (FONT, 20)).map_err(err)?;
        let (legend, plot) = root.split_vertically(legend_h);
        for (k, (name, _)) in spec.lines.iter().enumerate() {
            let color = SHADES[k % SHADES.len()];
            let y = 12 + 22 * i32::try_from(k).unwrap_or(0);
            legend
                .draw(&PathElement::new(
                    vec![(20, y), (60, y)],
                    color.stroke_width(2),
                ))
                .map_err(err)?;
            marker(&legend, k, (40, y), color)?;
            legend
                .draw_text(
                    name,
                    &TextStyle::from((FONT, 14).into_font())
                        .pos(Pos::new(HPos::Left, VPos::Center)),
                    (70, y),
                )
                .map_err(err)?;
        }
        let mut chart = ChartBuilder::on(&plot)
            .margin(12)
            .margin_right(24)
            .x_label_area_size(30)
            .y_label_area_size(56)
            .build_cartesian_2d(years.clone(), 0f64..ymax)
            .map_err(err)?;
        let span = usize::try_from(years.end - years.start).unwrap_or(1) + 1;
        chart
            .configure_mesh()
            .x_labels(span.min(11))
            .x_label_formatter(&|y| y.to_string())
            .y_labels(6)
            .y_label_formatter(&|v| lang.number(*v, if ymax < 6.0 { 1 } else { 0 }))
            .y_desc(spec.axis)
            .label_style((FONT, 12))
            .axis_desc_style((FONT, 12))
            .draw()
            .map_err(err)?;
        for (k, (_, points)) in spec.lines.iter().enumerate() {
            let color = SHADES[k % SHADES.len()];
            chart
                .draw_series(LineSeries::new(
                    points.iter().copied(),
                    color.stroke_width(2),
                ))
                .map_err(err)?;
            let style = color.filled();
            let at = points.iter().copied();
            match k % 4 {
                0 => chart
                    .draw_series(at.map(|p| EmptyElement::at(p) + Circle::new((0, 0), 4, style))),
                1 => chart.draw_series(
                    at.map(|p| EmptyElement::at(p) + TriangleMarker::new((0, 0), 5, style)),
                ),
                2 => chart.draw_series(
                    at.map(|p| EmptyElement::at(p) + Rectangle::new([(-4, -4), (4, 4)], style)),
                ),
                _ => {
                    chart.draw_series(at.map(|p| {
                        EmptyElement::at(p) + Cross::new((0, 0), 5, color.stroke_width(2))
                    }))
                }
            }
            .map_err(err)?;
        }
        root.present().map_err(err)?;
    }
    Ok(svg)
}
