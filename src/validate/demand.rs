//! Validation of the demand inputs `[[driver]]` and `[[scenario]]` (the
//! population projection is [`super::population`]).
//!
//! In: their raw items and the plan's assumptions. Out: the model's
//! [`Driver`]s and [`Scenario`]s, and a diagnostic for every problem: bad
//! bands and rates, duplicate ids, unknown references, out-of-range overrides.

use std::collections::BTreeMap;

use super::{define, out_of_range, unknown_ref, Ids};
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::load::Item;
use crate::model::demand::{Band, Driver, Scenario, BASIS, MAX_AGE, OVERRIDABLE};
use crate::model::raw::{RawDriver, RawScenario};
use crate::model::Assumptions;
use crate::source::Loc;

/// SSB's main alternative, the default of `population.alternative`.
pub const MAIN_ALTERNATIVE: &str = "MMMM";

/// Location of a nested key, as deep as it exists (its value, or its key when
/// the value has no span).
pub(super) fn nested<T>(item: &Item<T>, path: &[&str]) -> Loc {
    let mut node = &item.node;
    let mut loc = item.loc();
    for key in path {
        match node.entry(key) {
            Some((k, v)) => {
                loc = Loc::new(
                    item.file,
                    if v.span.is_empty() {
                        k.span.clone()
                    } else {
                        v.span.clone()
                    },
                );
                node = v;
            }
            None => break,
        }
    }
    loc
}

/// Location of the key (not the value) `path`'s last element.
pub(super) fn key_at<T>(item: &Item<T>, path: &[&str]) -> Loc {
    let mut node = &item.node;
    let mut loc = item.loc();
    for key in path {
        match node.entry(key) {
            Some((k, v)) => {
                loc = Loc::new(item.file, k.span.clone());
                node = v;
            }
            None => break,
        }
    }
    loc
}

/// An age band key: `"67-79"` (inclusive) or `"90+"` (to 100).
pub fn parse_band(key: &str) -> Option<(u8, u8)> {
    let k = key.trim();
    let num = |s: &str| -> Option<u8> {
        let s = s.trim();
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u8>().ok())
            .flatten()
            .filter(|a| *a <= MAX_AGE)
    };
    if let Some(from) = k.strip_suffix('+') {
        let f = num(from)?;
        return Some((f, MAX_AGE));
    }
    let (a, b) = k.split_once('-')?;
    let (a, b) = (num(a)?, num(b)?);
    (a <= b).then_some((a, b))
}

const BAND_HINT: &str =
    "write an age band as \"67-79\" (both ages included) or \"90+\" (90 to 100); ages 0–100";

pub fn drivers(items: &[Item<RawDriver>], ids: &mut Ids, diags: &mut Diagnostics) -> Vec<Driver> {
    let mut out = Vec::new();
    for item in items {
        let d = &item.value;
        let mut ok = define(&mut ids.drivers, "driver", &d.id, item.field("id"), diags);
        let given: Vec<(String, f64, Loc)> = match (&d.rates, &d.ages) {
            (Some(_), Some(_)) => {
                diags.push(
                    Diagnostic::new(
                        Code::ConflictingFields,
                        format!("driver `{}` gives both `rates` and `ages`", d.id),
                    )
                    .at(item.field("ages"))
                    .hint("give `rates` (user rates per age band) or `ages` (a count of residents), not both"),
                );
                ok = false;
                vec![]
            }
            (None, None) => {
                diags.push(
                    Diagnostic::new(
                        Code::MissingField,
                        format!("driver `{}` has neither `rates` nor `ages`", d.id),
                    )
                    .at(item.loc())
                    .hint("add rates = { \"67-79\" = 0.06, \"80-89\" = 0.25, \"90+\" = 0.5 }, or ages = \"80+\""),
                );
                ok = false;
                vec![]
            }
            (Some(r), None) => r
                .iter()
                .map(|(k, v)| (k.clone(), *v, key_at(item, &["rates", k])))
                .collect(),
            (None, Some(a)) => vec![(a.clone(), 1.0, item.field("ages"))],
        };
        if d.rates.as_ref().is_some_and(BTreeMap::is_empty) {
            diags.push(
                Diagnostic::new(
                    Code::MissingField,
                    format!("driver `{}` has no age band", d.id),
                )
                .at(item.field("rates"))
                .hint(BAND_HINT),
            );
            ok = false;
        }
        let mut bands = Vec::new();
        for (key, rate, loc) in given {
            let Some((from, to)) = parse_band(&key) else {
                diags.push(
                    Diagnostic::new(Code::InvalidValue, format!("`{key}` is not an age band"))
                        .at(loc)
                        .hint(BAND_HINT),
                );
                ok = false;
                continue;
            };
            if !(rate.is_finite() && rate >= 0.0) {
                diags.push(out_of_range(
                    loc,
                    format!("the rate {rate} of band `{key}` is negative"),
                    "a user rate (dekningsgrad) is 0 or more, e.g. 0.25 for a quarter of the residents",
                ));
                ok = false;
                continue;
            }
            bands.push(Band {
                key,
                from,
                to,
                rate,
            });
        }
        bands.sort_by_key(|b| (b.from, b.to));
        for pair in bands.windows(2) {
            if let [a, b] = pair {
                if b.from <= a.to {
                    diags.push(
                        Diagnostic::new(
                            Code::InvalidValue,
                            format!(
                                "the age bands `{}` and `{}` of driver `{}` overlap",
                                a.key, b.key, d.id
                            ),
                        )
                        .at(key_at(item, &["rates", &b.key]))
                        .hint("each age belongs to at most one band, e.g. \"67-79\", \"80-89\", \"90+\""),
                    );
                    ok = false;
                }
            }
        }
        if ok {
            out.push(Driver {
                id: d.id.clone(),
                title: d.title.clone(),
                bands,
                loc: Some(item.loc()),
            });
        }
    }
    out
}

/// A scenario's overridden assumption, range-checked.
fn override_value(
    item: &Item<RawScenario>,
    key: &'static str,
    value: Option<f64>,
    hint: &str,
    diags: &mut Diagnostics,
) -> Option<f64> {
    let v = value?;
    // the ranges `--set` checks too
    let range = OVERRIDABLE
        .iter()
        .find(|(k, _, _)| *k == key)
        .map_or(0.0..=0.0, |&(_, lo, hi)| lo..=hi);
    if v.is_finite() && range.contains(&v) {
        Some(v)
    } else {
        diags.push(out_of_range(
            nested(item, &["assumptions", key]),
            format!(
                "assumptions.{key} {v} is outside {}–{}",
                range.start(),
                range.end()
            ),
            hint,
        ));
        None
    }
}

pub fn scenarios(
    items: &[Item<RawScenario>],
    assumptions: &Assumptions,
    drivers: &[Driver],
    ids: &Ids,
    diags: &mut Diagnostics,
) -> Vec<Scenario> {
    let mut seen: BTreeMap<String, Loc> = BTreeMap::new();
    let mut out = Vec::new();
    for item in items {
        let s = &item.value;
        let n0 = diags.len();
        define(&mut seen, "scenario", &s.id, item.field("id"), diags);
        if s.id == BASIS {
            diags.push(
                Diagnostic::new(Code::InvalidValue, "scenario id `basis` is the plan itself")
                    .at(item.field("id"))
                    .hint("choose another id, e.g. \"ssb-lav\""),
            );
        }
        let mut a = *assumptions;
        let mut overrides = Vec::new();
        let raw = s.assumptions.clone().unwrap_or_default();
        if let Some(r) = override_value(
            item,
            "retirement_age",
            raw.retirement_age.map(|r| r as f64),
            "the general age limit in KLP is 70; most plans use 67",
            diags,
        ) {
            a.retirement_age = r as u32;
            overrides.push(("retirement_age", r));
        }
        if let Some(t) = override_value(
            item,
            "turnover_rate",
            raw.turnover_rate,
            "a yearly share, e.g. 0.12 for 12 %",
            diags,
        ) {
            a.turnover_rate = t;
            overrides.push(("turnover_rate", t));
        }
        if let Some(e) = override_value(
            item,
            "efficiency",
            raw.efficiency,
            "labour saved per year, e.g. 0.01 for 1 %",
            diags,
        ) {
            a.efficiency = e;
            overrides.push(("efficiency", e));
        }
        let mut rates = BTreeMap::new();
        for (driver_id, bands) in &s.rates {
            let Some(driver) = drivers.iter().find(|d| &d.id == driver_id) else {
                if !ids.drivers.contains_key(driver_id) {
                    unknown_ref(
                        "driver",
                        driver_id,
                        key_at(item, &["rates", driver_id]),
                        ids.drivers.keys(),
                        diags,
                    );
                }
                continue;
            };
            let mut full = driver.bands.clone();
            for (key, rate) in bands {
                let loc = key_at(item, &["rates", driver_id, key]);
                let Some(band) = full.iter_mut().find(|b| &b.key == key) else {
                    let known: Vec<String> = driver.bands.iter().map(|b| b.key.clone()).collect();
                    unknown_ref(
                        &format!("age band of driver `{driver_id}`"),
                        key,
                        loc,
                        known.iter(),
                        diags,
                    );
                    continue;
                };
                if rate.is_finite() && *rate >= 0.0 {
                    band.rate = *rate;
                } else {
                    diags.push(out_of_range(
                        loc,
                        format!("the rate {rate} of band `{key}` is negative"),
                        "a user rate (dekningsgrad) is 0 or more",
                    ));
                }
            }
            rates.insert(driver_id.clone(), full);
        }
        if diags.len() == n0 {
            out.push(Scenario {
                id: s.id.clone(),
                title: s.title.clone(),
                description: s.description.clone(),
                alternative: s.alternative.clone(),
                assumptions: a,
                overrides,
                rates,
                loc: Some(item.loc()),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands() {
        assert_eq!(parse_band("67-79"), Some((67, 79)));
        assert_eq!(parse_band("90+"), Some((90, 100)));
        assert_eq!(parse_band("80"), None);
        assert_eq!(parse_band("79-67"), None);
        assert_eq!(parse_band("90-101"), None);
        assert_eq!(parse_band("-1"), None);
    }
}
