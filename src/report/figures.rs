//! The report's figures, drawn with plotters' SVG backend.
//!
//! In: labelled values (hidden values as `None`) or yearly series, and the words
//! and number format of the report's language. Out: SVG text. No font files are
//! read: plotters is built without its `ttf` feature, so text is laid out with
//! its built-in estimate and written as `<text>` for the viewer to render. The
//! bytes depend only on the input (no clock, no random ids).

use std::ops::Range;

use plotters::coord::ranged1d::{IntoSegmentedCoord, SegmentValue};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::i18n::Lang;

const FONT: &str = "sans-serif";
const BAR: RGBColor = RGBColor(31, 96, 160);
const REQUIRED: RGBColor = RGBColor(192, 80, 40);
const AVAILABLE: RGBColor = RGBColor(31, 96, 160);
const GREY: RGBColor = RGBColor(110, 110, 110);

fn err<E: std::fmt::Debug>(e: E) -> anyhow::Error {
    anyhow::anyhow!("cannot draw the figure: {e:?}")
}

/// A bar chart: one horizontal bar per label; `None` = hidden, not drawn.
pub(crate) struct Bars<'a> {
    pub title: &'a str,
    pub labels: Vec<String>,
    pub values: Vec<Option<f64>>,
    /// Decimals of the value labels.
    pub decimals: usize,
    pub axis: &'a str,
    /// Written on the row of a hidden bar.
    pub hidden: &'a str,
    /// A line under the chart (e.g. why bars are missing); empty for none.
    pub note: String,
}

/// Upper end of a value axis: a little room above the largest value.
fn axis_max(max: f64) -> f64 {
    if max <= 0.0 {
        1.0
    } else {
        max * 1.15
    }
}

pub(crate) fn bars(spec: &Bars, lang: Lang) -> anyhow::Result<String> {
    let n = spec.labels.len().max(1);
    let rows = i32::try_from(n).unwrap_or(i32::MAX);
    let height = 110 + 34 * u32::try_from(n).unwrap_or(0);
    let label_width = spec
        .labels
        .iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
        .clamp(4, 40);
    let label_width = u32::try_from(label_width * 7 + 16).unwrap_or(300);
    let max = spec.values.iter().flatten().fold(0.0_f64, |a, &b| a.max(b));
    let xmax = axis_max(max);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (760, height)).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        let (chart_area, note_area) = root.split_vertically(height - 28);
        let mut chart = ChartBuilder::on(&chart_area)
            .caption(spec.title, (FONT, 20))
            .margin(12)
            .margin_right(40)
            .x_label_area_size(40)
            .y_label_area_size(label_width)
            .build_cartesian_2d(0f64..xmax, (0..rows - 1).into_segmented())
            .map_err(err)?;
        // the first label at the top
        let label_of = |v: &SegmentValue<i32>| match v {
            SegmentValue::CenterOf(i) => usize::try_from(rows - 1 - *i)
                .ok()
                .and_then(|i| spec.labels.get(i))
                .cloned()
                .unwrap_or_default(),
            _ => String::new(),
        };
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(n)
            .y_label_formatter(&label_of)
            .x_labels(6)
            .x_label_formatter(&|x| lang.number(*x, if xmax < 6.0 { 1 } else { 0 }))
            .x_desc(spec.axis)
            .label_style((FONT, 13))
            .axis_desc_style((FONT, 14))
            .draw()
            .map_err(err)?;
        let left = TextStyle::from((FONT, 13).into_font()).pos(Pos::new(HPos::Left, VPos::Center));
        for (i, v) in spec.values.iter().enumerate() {
            let row = rows - 1 - i32::try_from(i).unwrap_or(0);
            match v {
                Some(v) => {
                    let mut bar = Rectangle::new(
                        [
                            (0.0, SegmentValue::Exact(row)),
                            (*v, SegmentValue::Exact(row + 1)),
                        ],
                        BAR.filled(),
                    );
                    bar.set_margin(6, 6, 0, 0);
                    chart.draw_series(std::iter::once(bar)).map_err(err)?;
                    let label = format!(" {}", lang.number(*v, spec.decimals));
                    chart
                        .draw_series(std::iter::once(Text::new(
                            label,
                            (*v, SegmentValue::CenterOf(row)),
                            left.clone(),
                        )))
                        .map_err(err)?;
                }
                None => {
                    chart
                        .draw_series(std::iter::once(Text::new(
                            format!(" {}", spec.hidden),
                            (0.0, SegmentValue::CenterOf(row)),
                            left.clone().color(&GREY),
                        )))
                        .map_err(err)?;
                }
            }
        }
        if !spec.note.is_empty() {
            note_area
                .draw_text(
                    &spec.note,
                    &TextStyle::from((FONT, 13).into_font()).color(&GREY),
                    (12, 4),
                )
                .map_err(err)?;
        }
        root.present().map_err(err)?;
    }
    Ok(svg)
}

/// One panel of [`lines`]: a title and (year, required, available) per year.
pub(crate) struct Panel {
    pub title: String,
    pub points: Vec<(i32, f64, f64)>,
}

/// Required vs available over the years, one small panel per series.
pub(crate) struct Lines<'a> {
    pub title: &'a str,
    pub panels: Vec<Panel>,
    pub required: &'a str,
    pub available: &'a str,
    pub axis: &'a str,
}

pub(crate) fn lines(spec: &Lines, lang: Lang) -> anyhow::Result<String> {
    let cols = 2usize;
    let n = spec.panels.len().max(1);
    let rows = n.div_ceil(cols);
    let (w, panel_h) = (760u32, 250u32);
    let height = 60 + panel_h * u32::try_from(rows).unwrap_or(1);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w, height)).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        let root = root.titled(spec.title, (FONT, 20)).map_err(err)?;
        let (legend, grid) = root.split_vertically(24);
        legend_line(&legend, 20, REQUIRED, spec.required)?;
        legend_line(&legend, 220, AVAILABLE, spec.available)?;
        let areas = grid.split_evenly((rows, cols));
        for (panel, area) in spec.panels.iter().zip(areas) {
            draw_panel(&area, panel, spec.axis, lang)?;
        }
        root.present().map_err(err)?;
    }
    Ok(svg)
}

fn legend_line<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    x: i32,
    color: RGBColor,
    label: &str,
) -> anyhow::Result<()> {
    area.draw(&PathElement::new(
        vec![(x, 12), (x + 30, 12)],
        color.stroke_width(3),
    ))
    .map_err(err)?;
    area.draw_text(
        label,
        &TextStyle::from((FONT, 14).into_font()).pos(Pos::new(HPos::Left, VPos::Center)),
        (x + 38, 12),
    )
    .map_err(err)
}

fn draw_panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    panel: &Panel,
    axis: &str,
    lang: Lang,
) -> anyhow::Result<()> {
    let years: Range<i32> = match (panel.points.first(), panel.points.last()) {
        (Some(a), Some(b)) if b.0 > a.0 => a.0..b.0,
        (Some(a), _) => a.0..a.0 + 1,
        _ => 0..1,
    };
    let max = panel
        .points
        .iter()
        .map(|p| p.1.max(p.2))
        .fold(0.0_f64, f64::max);
    let ymax = axis_max(max);
    let mut chart = ChartBuilder::on(area)
        .caption(&panel.title, (FONT, 15))
        .margin(10)
        .margin_right(24)
        .x_label_area_size(28)
        .y_label_area_size(48)
        .build_cartesian_2d(years.clone(), 0f64..ymax)
        .map_err(err)?;
    let span = usize::try_from(years.end - years.start).unwrap_or(1) + 1;
    chart
        .configure_mesh()
        .x_labels(span.min(11))
        .x_label_formatter(&|y| y.to_string())
        .y_labels(5)
        .y_label_formatter(&|v| lang.number(*v, if ymax < 6.0 { 1 } else { 0 }))
        .y_desc(axis)
        .label_style((FONT, 12))
        .axis_desc_style((FONT, 12))
        .draw()
        .map_err(err)?;
    for (color, pick) in [
        (
            REQUIRED,
            (|p: &(i32, f64, f64)| p.1) as fn(&(i32, f64, f64)) -> f64,
        ),
        (AVAILABLE, |p: &(i32, f64, f64)| p.2),
    ] {
        chart
            .draw_series(LineSeries::new(
                panel.points.iter().map(|p| (p.0, pick(p))),
                color.stroke_width(2),
            ))
            .map_err(err)?;
    }
    Ok(())
}
