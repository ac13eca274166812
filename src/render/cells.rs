//! The figure columns of the analysis rows, shared by the renderers and the report.
//!
//! In: a capacity, quality or indicator row of an [`crate::analyse::Analysis`]
//! (and a [`Lang`] or the text of a hidden value). Out: column headers and
//! cells after the row's names — FTE with one decimal, persons as integers,
//! hidden values as the given text ("–" in the human formats, empty in CSV).
//! Each caller puts its own names first (ids, or the plan's names in the report).

use crate::analyse::totals::{CapacityTotal, QualityTotal};
use crate::analyse::{Analysis, CapacityRow, IndicatorRow, QualityRow, Scale, YearValue};
use crate::i18n::{fill, Lang, Messages};
use crate::model::Target;

/// The headers of [`capacity_figures`], in the order of the human tables.
pub fn capacity_headers(m: &Messages) -> [&'static str; 8] {
    [
        m.required,
        m.available,
        m.unqualified,
        m.need,
        m.mobilise,
        m.develop,
        m.acquire,
        m.surplus,
    ]
}

/// A capacity row's figures in the order of [`capacity_headers`].
pub fn capacity_figures(r: &CapacityRow) -> [f64; 8] {
    [
        r.required,
        r.available,
        r.unqualified,
        r.need,
        r.mobilise,
        r.develop,
        r.acquire,
        r.surplus,
    ]
}

/// A capacity total's figures in the order of [`capacity_headers`].
pub fn capacity_total_figures(t: &CapacityTotal) -> [f64; 8] {
    t.figures()
}

/// Capacity figures as FTE cells (one decimal).
pub fn fte_cells(lang: Lang, v: [f64; 8]) -> [String; 8] {
    v.map(|x| lang.number(x, 1))
}

/// The headers of [`quality_cells`].
pub fn quality_headers(m: &Messages) -> [&'static str; 8] {
    [
        m.min_level,
        m.headcount,
        m.respondents,
        m.required_persons,
        m.available_persons,
        m.need,
        m.develop,
        m.acquire,
    ]
}

/// The figures of a quality row after its unit and competence, a suppressed
/// value as `hidden`.
pub fn quality_cells(r: &QualityRow, hidden: &str) -> [String; 8] {
    quality_figures(
        r.min_level,
        [r.headcount, r.respondents, r.required],
        [r.available, r.need, r.develop, r.acquire],
        hidden,
    )
}

/// The figures of a quality total, as [`quality_cells`].
pub fn quality_total_cells(t: &QualityTotal, hidden: &str) -> [String; 8] {
    quality_figures(
        t.min_level,
        [t.headcount, t.respondents, t.required],
        [t.available, t.need, t.develop, t.acquire],
        hidden,
    )
}

fn quality_figures(
    min_level: u8,
    [headcount, respondents, required]: [u64; 3],
    [available, need, develop, acquire]: [Option<u64>; 4],
    hidden: &str,
) -> [String; 8] {
    let h = |v: Option<u64>| v.map_or_else(|| hidden.to_string(), |v| v.to_string());
    [
        min_level.to_string(),
        headcount.to_string(),
        respondents.to_string(),
        required.to_string(),
        h(available),
        h(need),
        h(develop),
        h(acquire),
    ]
}

/// The notes under a quality table: the suppression rule when a row is
/// hidden, and (with `totals`) when a total is hidden too.
pub fn quality_notes(m: &Messages, a: &Analysis, rows: &[QualityRow], totals: bool) -> Vec<String> {
    let mut notes = Vec::new();
    if rows.iter().any(|r| r.suppressed) {
        notes.push(fill(
            m.suppressed_note,
            &[("n", &a.min_group_size.to_string())],
        ));
        if totals && a.quality_totals.iter().any(|t| t.available.is_none()) {
            notes.push(m.total_hidden_note.to_string());
        }
    }
    notes
}

/// An indicator's value with its unit: a share or a percentage as "55,4 %",
/// a count as a whole number (one decimal when not whole), anything else
/// followed by the indicator's unit ("12 dager").
pub fn indicator_value(lang: Lang, r: &IndicatorRow, v: f64) -> String {
    let plain = |x: f64| lang.number(x, if x.fract() == 0.0 { 0 } else { 1 });
    match r.scale {
        Scale::Share => lang.percent(v),
        Scale::Percent => lang.percent(v / 100.0),
        Scale::Count => plain(v),
        Scale::Other => match r.unit.as_deref().map(str::trim) {
            Some(u) if !u.is_empty() => format!("{}\u{a0}{u}", plain(v)),
            _ => plain(v),
        },
    }
}

/// "≥ 80,0 % i 2029": the target range and its year.
fn target_text(lang: Lang, r: &IndicatorRow, t: &Target) -> String {
    let m = lang.messages();
    let v = |x: f64| indicator_value(lang, r, x);
    let range = match (t.min, t.max) {
        (Some(lo), Some(hi)) => format!("{}–{}", v(lo), v(hi)),
        (Some(lo), None) => format!("≥ {}", v(lo)),
        (None, Some(hi)) => format!("≤ {}", v(hi)),
        (None, None) => m.missing.to_string(),
    };
    format!(
        "{range} {}",
        fill(m.in_year, &[("year", &t.year.to_string())])
    )
}

/// An indicator's start value, projected (or latest) value and target, each
/// with its year; "–" where there is none.
pub fn indicator_cells(lang: Lang, r: &IndicatorRow) -> [String; 3] {
    let m = lang.messages();
    let at = |v: Option<&YearValue>| match v {
        Some(v) => match v.value {
            Some(x) => format!("{} ({})", indicator_value(lang, r, x), v.year),
            None => format!("{} ({})", m.missing, v.year),
        },
        None => m.missing.to_string(),
    };
    let later = match (r.metric, r.target) {
        (Some(_), Some(t)) => r
            .values
            .iter()
            .find(|v| v.year == t.year)
            .or(r.values.last()),
        _ => r.values.last(),
    };
    [
        at(r.values.first()),
        if r.values.len() > 1 {
            at(later)
        } else {
            m.missing.to_string()
        },
        r.target
            .map_or_else(|| m.missing.to_string(), |t| target_text(lang, r, &t)),
    ]
}
