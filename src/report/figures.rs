//! The report's figures, drawn with plotters' SVG backend.
//!
//! In: labelled values (hidden values as `None`) or yearly series, and the words
//! and number format of the report's language. Out: SVG text. No font files are
//! read: plotters is built without its `ttf` feature, so text is laid out with
//! its built-in estimate and written as `<text>` for the viewer to render. The
//! bytes depend only on the input (no clock, no random ids).

use std::ops::Range;

use plotters::coord::ranged1d::{IntoSegmentedCoord, SegmentValue};
use plotters::element::DashedPathElement;
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

/// The most characters of a bar label (42 × 9 px + 16 = 394 px of the 760).
const LABEL_CHARS: usize = 42;

/// `label`, cut to `max` characters with "…" when longer.
fn shorten(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        return label.to_string();
    }
    let mut s: String = label.chars().take(max.saturating_sub(1)).collect();
    s.push('…');
    s
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
    let height = 110 + 36 * u32::try_from(n).unwrap_or(0);
    // about 9 px per character at the label size (sans-serif 18 px averages
    // 8–8.5); labels longer than the widest the chart can give are shortened
    let labels: Vec<String> = spec
        .labels
        .iter()
        .map(|l| shorten(l, LABEL_CHARS))
        .collect();
    let label_chars = labels
        .iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
        .clamp(4, LABEL_CHARS);
    let label_width = u32::try_from(label_chars * 9 + 16).unwrap_or(400);
    let max = spec.values.iter().flatten().fold(0.0_f64, |a, &b| a.max(b));
    let xmax = axis_max(max);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (760, height)).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        let (chart_area, note_area) = root.split_vertically(height - 28);
        let mut chart = ChartBuilder::on(&chart_area)
            .caption(spec.title, (FONT, TITLE))
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
                .and_then(|i| labels.get(i))
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
            .light_line_style(WHITE)
            .label_style((FONT, TEXT))
            .axis_desc_style((FONT, TEXT))
            .draw()
            .map_err(err)?;
        let left =
            TextStyle::from((FONT, TEXT).into_font()).pos(Pos::new(HPos::Left, VPos::Center));
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
                    &TextStyle::from((FONT, TEXT).into_font()).color(&GREY),
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
    /// The label of the shaded gap between the two lines (behov).
    pub gap: &'a str,
    /// The note written when the panels cannot share one scale.
    pub own_scale: &'a str,
}

/// Panels share one y-scale unless the largest panel is more than this many
/// times the smallest: then a shared scale would flatten the small ones, and
/// each panel gets its own scale with [`Lines::own_scale`] written above.
const SHARED_SCALE_RATIO: f64 = 4.0;

/// Text sizes as given to plotters, which writes 0.806 times them as the SVG
/// `font-size`. The figures are 760 px wide and printed at the A4 content
/// width (17 cm ≈ 482 pt), so 1 px ≈ 0.63 pt: 18 → 14.5 px ≈ 9.2 pt.
const TEXT: u32 = 18;
const TITLE: u32 = 23;
/// The smallest SVG `font-size` that prints at 9 pt at the A4 content width.
#[cfg(test)]
const MIN_SVG_FONT: f64 = 9.0 / (482.0 / 760.0);

/// The upper end of each panel's y-axis: one for all when they can share it.
fn panel_maxima(panels: &[Panel]) -> (Vec<f64>, bool) {
    let maxima: Vec<f64> = panels
        .iter()
        .map(|p| {
            p.points
                .iter()
                .map(|q| q.1.max(q.2))
                .fold(0.0_f64, f64::max)
        })
        .collect();
    let top = maxima.iter().copied().fold(0.0_f64, f64::max);
    let low = maxima.iter().copied().fold(f64::INFINITY, f64::min);
    let shared = low > 0.0 && top / low <= SHARED_SCALE_RATIO || top <= 0.0;
    if shared {
        (vec![axis_max(top); maxima.len()], true)
    } else {
        (maxima.into_iter().map(axis_max).collect(), false)
    }
}

pub(crate) fn lines(spec: &Lines, lang: Lang) -> anyhow::Result<String> {
    let cols = 2usize;
    let n = spec.panels.len().max(1);
    let rows = n.div_ceil(cols);
    let (w, panel_h) = (760u32, 270u32);
    let (ymax, shared) = panel_maxima(&spec.panels);
    let legend_h = if shared { 30 } else { 54 };
    let height = 40 + legend_h + panel_h * u32::try_from(rows).unwrap_or(1);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w, height)).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        let root = root.titled(spec.title, (FONT, TITLE)).map_err(err)?;
        let (legend, grid) = root.split_vertically(legend_h);
        legend_line(&legend, 20, Style::Required, spec.required)?;
        legend_line(&legend, 250, Style::Available, spec.available)?;
        legend_gap(&legend, 480, spec.gap)?;
        if !shared {
            legend
                .draw_text(
                    spec.own_scale,
                    &TextStyle::from((FONT, TEXT).into_font()).color(&GREY),
                    (20, 32),
                )
                .map_err(err)?;
        }
        let areas = grid.split_evenly((rows, cols));
        for ((panel, area), top) in spec.panels.iter().zip(areas).zip(ymax) {
            draw_panel(&area, panel, top, spec, lang)?;
        }
        root.present().map_err(err)?;
    }
    Ok(svg)
}

/// The two lines: told apart by colour, dash pattern and marker, so they
/// survive printing in greyscale.
#[derive(Clone, Copy)]
enum Style {
    /// Solid, filled circles.
    Required,
    /// Dashed, open triangles.
    Available,
}

impl Style {
    fn color(self) -> RGBColor {
        match self {
            Style::Required => REQUIRED,
            Style::Available => AVAILABLE,
        }
    }
}

/// A line of `style` through `points` with its markers.
fn draw_line<DB: DrawingBackend, CT: plotters::coord::CoordTranslate<From = (i32, f64)>>(
    chart: &mut ChartContext<DB, CT>,
    style: Style,
    points: Vec<(i32, f64)>,
) -> anyhow::Result<()> {
    let c = style.color();
    match style {
        Style::Required => {
            chart
                .draw_series(LineSeries::new(points.clone(), c.stroke_width(3)))
                .map_err(err)?;
            chart
                .draw_series(points.into_iter().map(|p| Circle::new(p, 4, c.filled())))
                .map_err(err)?;
        }
        Style::Available => {
            chart
                .draw_series(DashedLineSeries::new(
                    points.clone(),
                    9,
                    6,
                    c.stroke_width(3),
                ))
                .map_err(err)?;
            chart
                .draw_series(
                    points
                        .into_iter()
                        .map(|p| TriangleMarker::new(p, 6, c.stroke_width(2))),
                )
                .map_err(err)?;
        }
    }
    Ok(())
}

fn legend_line<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    x: i32,
    style: Style,
    label: &str,
) -> anyhow::Result<()> {
    let c = style.color();
    match style {
        Style::Required => {
            area.draw(&PathElement::new(
                vec![(x, 12), (x + 36, 12)],
                c.stroke_width(3),
            ))
            .map_err(err)?;
            area.draw(&Circle::new((x + 18, 12), 4, c.filled()))
                .map_err(err)?;
        }
        Style::Available => {
            area.draw(&DashedPathElement::new(
                vec![(x, 12), (x + 36, 12)],
                9,
                6,
                c.stroke_width(3),
            ))
            .map_err(err)?;
            area.draw(&TriangleMarker::new((x + 18, 12), 6, c.stroke_width(2)))
                .map_err(err)?;
        }
    }
    area.draw_text(
        label,
        &TextStyle::from((FONT, TEXT).into_font()).pos(Pos::new(HPos::Left, VPos::Center)),
        (x + 44, 12),
    )
    .map_err(err)
}

fn legend_gap<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    x: i32,
    label: &str,
) -> anyhow::Result<()> {
    area.draw(&Rectangle::new([(x, 4), (x + 36, 20)], GAP.filled()))
        .map_err(err)?;
    area.draw_text(
        label,
        &TextStyle::from((FONT, TEXT).into_font()).pos(Pos::new(HPos::Left, VPos::Center)),
        (x + 44, 12),
    )
    .map_err(err)
}

/// The shade between the lines: light enough for the lines to show through,
/// dark enough to read as grey on paper.
const GAP: RGBAColor = RGBAColor(192, 80, 40, 0.22);

fn draw_panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    panel: &Panel,
    ymax: f64,
    spec: &Lines,
    lang: Lang,
) -> anyhow::Result<()> {
    let years: Range<i32> = match (panel.points.first(), panel.points.last()) {
        (Some(a), Some(b)) if b.0 > a.0 => a.0..b.0,
        (Some(a), _) => a.0..a.0 + 1,
        _ => 0..1,
    };
    let mut chart = ChartBuilder::on(area)
        .caption(&panel.title, (FONT, 20))
        .margin(10)
        .margin_right(24)
        .x_label_area_size(30)
        .y_label_area_size(58)
        .build_cartesian_2d(years.clone(), 0f64..ymax)
        .map_err(err)?;
    let span = usize::try_from(years.end - years.start).unwrap_or(1) + 1;
    chart
        .configure_mesh()
        .x_labels(span.min(7))
        .x_label_formatter(&|y| y.to_string())
        .y_labels(5)
        .y_label_formatter(&|v| lang.number(*v, if ymax < 6.0 { 1 } else { 0 }))
        .y_desc(spec.axis)
        .label_style((FONT, TEXT))
        .axis_desc_style((FONT, TEXT))
        .light_line_style(WHITE)
        .draw()
        .map_err(err)?;
    // the gap between the lines, shaded, and labelled where it is widest
    let mut outline: Vec<(i32, f64)> = panel.points.iter().map(|p| (p.0, p.1)).collect();
    outline.extend(panel.points.iter().rev().map(|p| (p.0, p.2)));
    chart
        .draw_series(std::iter::once(Polygon::new(outline, GAP.filled())))
        .map_err(err)?;
    let widest = panel
        .points
        .iter()
        .filter(|p| p.1 - p.2 > ymax * 0.12)
        .max_by(|a, b| (a.1 - a.2).total_cmp(&(b.1 - b.2)));
    if let Some(&(year, required, available)) = widest {
        let right = Pos::new(HPos::Right, VPos::Center);
        chart
            .draw_series(std::iter::once(Text::new(
                format!("{} ", spec.gap),
                (year, (required + available) / 2.0),
                TextStyle::from((FONT, TEXT).into_font()).pos(right),
            )))
            .map_err(err)?;
    }
    draw_line(
        &mut chart,
        Style::Required,
        panel.points.iter().map(|p| (p.0, p.1)).collect(),
    )?;
    draw_line(
        &mut chart,
        Style::Available,
        panel.points.iter().map(|p| (p.0, p.2)).collect(),
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every right-aligned label (the bar names) starts inside the picture:
    /// its x is at least its estimated width (0.55 em per character, the
    /// average of sans-serif fonts), the longest label included, and a label
    /// too long for the chart is shortened with "…".
    #[test]
    fn bar_labels_fit_inside_the_figure() {
        let long = "Hjemmetjenesten nord: Helsefagarbeider";
        let too_long = "Bo- og aktivitetssenteret for personer med demens: Spesialsykepleier";
        let b = Bars {
            title: "T",
            labels: vec![long.into(), "Kort".into(), too_long.into()],
            values: vec![Some(1.0), Some(0.5), None],
            decimals: 2,
            axis: "x",
            hidden: "skjult",
            note: String::new(),
        };
        let svg = bars(&b, Lang::Nb).unwrap();
        let mut checked = 0;
        for part in svg.split("<text ").skip(1) {
            if !part.contains("text-anchor=\"end\"") {
                continue;
            }
            let attr = |name: &str| -> f64 {
                let at = part.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                part[at..].split('"').next().unwrap().parse().unwrap()
            };
            let text = part
                .split('>')
                .nth(1)
                .unwrap()
                .split('<')
                .next()
                .unwrap()
                .trim();
            let width = text.chars().count() as f64 * attr("font-size") * 0.55;
            assert!(attr("x") >= width, "{text:?} starts left of the figure");
            checked += 1;
        }
        assert!(checked >= 3, "{svg}");
        assert!(svg.contains("Hjemmetjenesten nord: Helsefagarbeider"));
        assert!(!svg.contains(too_long) && svg.contains("…"));
    }

    fn panel(top: f64) -> Panel {
        Panel {
            title: String::new(),
            points: vec![(2025, top, top / 2.0), (2030, top / 2.0, 0.0)],
        }
    }

    #[test]
    fn panels_share_a_scale_unless_it_would_flatten_one() {
        let (tops, shared) = panel_maxima(&[panel(10.0), panel(30.0)]);
        assert!(shared);
        assert_eq!(tops, vec![axis_max(30.0); 2]);
        let (tops, shared) = panel_maxima(&[panel(5.0), panel(300.0)]);
        assert!(!shared);
        assert_eq!(tops, vec![axis_max(5.0), axis_max(300.0)]);
    }

    fn spec(panels: Vec<Panel>) -> String {
        let s = Lines {
            title: "T",
            panels,
            required: "Krav",
            available: "Kapital",
            axis: "Årsverk",
            gap: "behov",
            own_scale: "Hvert panel har sin egen skala.",
        };
        lines(&s, Lang::Nb).unwrap()
    }

    /// Every text of `svg` prints at 9 pt or more at the A4 content width.
    fn assert_readable(svg: &str) {
        let sizes: Vec<f64> = svg
            .split("font-size=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next()?.parse().ok())
            .collect();
        assert!(!sizes.is_empty());
        for s in sizes {
            assert!(
                s >= MIN_SVG_FONT,
                "font-size {s} < {MIN_SVG_FONT}: below 9 pt on A4"
            );
        }
    }

    #[test]
    fn bar_labels_are_readable_on_a4() {
        let spec = Bars {
            title: "Ansatte etter alder",
            labels: vec!["under 30".into(), "30–39".into()],
            values: vec![Some(12.0), None],
            decimals: 0,
            axis: "Ansatte",
            hidden: "skjult",
            note: "Grupper under 5 er skjult.".into(),
        };
        assert_readable(&bars(&spec, Lang::Nb).unwrap());
    }

    #[test]
    fn the_gap_is_shaded_labelled_and_lines_differ_without_colour() {
        let svg = spec(vec![panel(10.0), panel(30.0)]);
        assert!(svg.contains("<polygon"), "no shaded gap");
        // in the legend and in each panel
        assert_eq!(svg.matches("behov").count(), 3, "gap not labelled");
        // required: filled circles; available: open triangles (polygons)
        assert_eq!(svg.matches("<circle").count(), 2 * 2 + 1);
        assert!(!svg.contains("sin egen skala"), "shared scale noted as own");
        assert_readable(&svg);
        let own = spec(vec![panel(5.0), panel(300.0)]);
        assert!(own.contains("Hvert panel har sin egen skala."));
    }
}
