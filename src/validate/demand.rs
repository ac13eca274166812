//! Validation of the demand inputs: `[population]`, `[[driver]]`, `[[scenario]]`.
//!
//! In: their raw items, the population file as read, the plan's period and
//! assumptions. Out: the model's [`Population`] (cut to the plan's region and
//! the alternatives in use), [`Driver`]s and [`Scenario`]s, and a diagnostic
//! for every problem: bad bands and rates, unknown references, the
//! `population-*` findings and `driver-empty`.

use std::collections::BTreeMap;

use super::{define, out_of_range, unknown_ref, Ids};
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::load::population::{PopulationFile, YearAges};
use crate::load::Item;
use crate::model::demand::{
    users, Band, Driver, Population, Scenario, BASIS, MAX_AGE, OVERRIDABLE,
};
use crate::model::raw::{RawDriver, RawPopulation, RawScenario};
use crate::model::Assumptions;
use crate::source::Loc;

/// SSB's main alternative, the default of `population.alternative`.
pub const MAIN_ALTERNATIVE: &str = "MMMM";

/// Location of a nested key, as deep as it exists (its value, or its key when
/// the value has no span).
fn nested<T>(item: &Item<T>, path: &[&str]) -> Loc {
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
fn key_at<T>(item: &Item<T>, path: &[&str]) -> Loc {
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

/// The list of codes or years for a message, shortened.
fn listed<I: IntoIterator<Item = String>>(items: I) -> String {
    let all: Vec<String> = items.into_iter().collect();
    if all.len() > 15 {
        format!("{}, … ({} in all)", all[..15].join(", "), all.len())
    } else {
        all.join(", ")
    }
}

/// Everything the population step needs from the rest of the plan.
pub struct Needs<'a> {
    /// B..=E.
    pub years: std::ops::RangeInclusive<i32>,
    pub drivers: &'a [Driver],
    pub driver_items: &'a [Item<RawDriver>],
    pub scenarios: &'a [Scenario],
    pub scenario_items: &'a [Item<RawScenario>],
}

/// `[population]` and its file → the projection of the plan's region, with
/// every alternative in use; then `driver-empty`.
pub fn population(
    item: Option<&Item<RawPopulation>>,
    file: Option<PopulationFile>,
    needs: &Needs,
    diags: &mut Diagnostics,
) -> Option<Population> {
    let Some(item) = item else {
        for d in needs.driver_items {
            diags.push(
                Diagnostic::new(
                    Code::MissingField,
                    format!("driver `{}` needs a population projection, but `[population]` is not given", d.value.id),
                )
                .at(d.loc())
                .hint("add [population] with file = \"data/befolkning.csv\" (downloaded from SSB's table 14288 or its successor)"),
            );
        }
        for s in needs.scenario_items {
            if s.value.alternative.is_some() {
                diags.push(
                    Diagnostic::new(
                        Code::MissingField,
                        format!("scenario `{}` names a population alternative, but `[population]` is not given", s.value.id),
                    )
                    .at(s.field("alternative"))
                    .hint("add [population] with the projection file"),
                );
            }
        }
        return None;
    };
    // the file's own problems are reported already
    let file = file?;
    let p = &item.value;
    let regions = &file.table;
    let region_table = match (&p.region, regions.len()) {
        (_, 1) if regions.contains_key("") => regions.get(""),
        (Some(r), _) => match regions.get(r.trim()) {
            Some(t) => Some(t),
            None => {
                diags.push(
                    Diagnostic::new(
                        Code::PopulationRegion,
                        format!("{} holds no region `{r}`", file.name),
                    )
                    .at(item.field("region"))
                    .hint(format!("its regions: {}", listed(regions.keys().cloned()))),
                );
                None
            }
        },
        (None, 1) => regions.values().next(),
        (None, n) => {
            diags.push(
                Diagnostic::new(
                    Code::PopulationRegion,
                    format!("{} holds {n} regions; say which is the plan's", file.name),
                )
                .at(item.loc())
                .hint(format!(
                    "add region = \"…\" (kommunenummer) to [population]; its regions: {}",
                    listed(regions.keys().cloned())
                )),
            );
            None
        }
    }?;
    let own = p
        .alternative
        .clone()
        .unwrap_or_else(|| MAIN_ALTERNATIVE.to_string());
    let no_alternatives = region_table.len() == 1 && region_table.contains_key("");
    // (alternative, where it is asked for)
    let mut wanted: Vec<(String, Loc)> = vec![(
        own.clone(),
        if p.alternative.is_some() {
            item.field("alternative")
        } else {
            item.field("file")
        },
    )];
    for (s, it) in needs.scenarios.iter().zip_items(needs.scenario_items) {
        if let Some(a) = &s.alternative {
            wanted.push((a.clone(), it.field("alternative")));
        }
    }
    let mut series = BTreeMap::new();
    let mut ok = true;
    for (alt, loc) in &wanted {
        if series.contains_key(alt) {
            continue;
        }
        let years = if no_alternatives {
            if alt != &own {
                diags.push(
                    Diagnostic::new(
                        Code::PopulationAlternative,
                        format!("{} has no alternative column, so it holds only the plan's alternative `{own}`, not `{alt}`", file.name),
                    )
                    .at(loc.clone())
                    .hint("download the projection with the alternatives the scenarios use (SSB: «alternativ»)"),
                );
                ok = false;
                continue;
            }
            region_table.get("")
        } else {
            region_table.get(alt)
        };
        let Some(years) = years else {
            diags.push(
                Diagnostic::new(
                    Code::PopulationAlternative,
                    format!("{} holds no projection alternative `{alt}`", file.name),
                )
                .at(loc.clone())
                .hint(format!(
                    "its alternatives: {}",
                    listed(region_table.keys().cloned())
                )),
            );
            ok = false;
            continue;
        };
        let missing: Vec<String> = needs
            .years
            .clone()
            .filter(|y| !years.contains_key(y))
            .map(|y| y.to_string())
            .collect();
        if !missing.is_empty() {
            diags.push(
                Diagnostic::new(
                    Code::PopulationYears,
                    format!(
                        "{} has no figures for {} under alternative `{alt}`, a year of the plan",
                        file.name,
                        listed(missing)
                    ),
                )
                .at(loc.clone())
                .hint(format!(
                    "download every year {}–{}; the file holds {}",
                    needs.years.start(),
                    needs.years.end(),
                    listed(years.keys().map(i32::to_string))
                )),
            );
            ok = false;
            continue;
        }
        // the ages each driver reads must be there in every year
        for (d, it) in needs.drivers.iter().zip_items(needs.driver_items) {
            let mut need: u128 = 0;
            for b in &d.bands {
                for a in b.from..=b.to {
                    need |= 1u128 << a;
                }
            }
            let lacking = needs
                .years
                .clone()
                .filter_map(|y| years.get(&y))
                .fold(0u128, |acc, ya: &YearAges| acc | (need & !ya.present));
            if lacking != 0 {
                let ages: Vec<String> = (0..=MAX_AGE)
                    .filter(|a| lacking & (1u128 << a) != 0)
                    .map(|a| a.to_string())
                    .collect();
                diags.push(
                    Diagnostic::new(
                        Code::PopulationAges,
                        format!(
                            "driver `{}` reads ages {} that {} does not give (alternative `{alt}`)",
                            d.id,
                            listed(ages),
                            file.name
                        ),
                    )
                    .at(if it.value.rates.is_some() {
                        it.field("rates")
                    } else {
                        it.field("ages")
                    })
                    .hint("download every single age (alder 0–100 or older), or narrow the driver's bands to the ages in the file"),
                );
                ok = false;
            }
        }
        let cut: BTreeMap<i32, _> = needs
            .years
            .clone()
            .filter_map(|y| Some((y, years.get(&y)?.persons)))
            .collect();
        series.insert(alt.clone(), cut);
    }
    if !ok {
        return None;
    }
    let population = Population {
        file: file.path.clone(),
        region: p.region.clone(),
        alternative: own,
        series,
    };
    driver_empty(&population, needs, diags);
    Some(population)
}

/// D(B) = 0 makes the index D(y)/D(B) undefined: under the plan's own rates
/// and alternative, and under each scenario's.
fn driver_empty(population: &Population, needs: &Needs, diags: &mut Diagnostics) {
    let base = *needs.years.start();
    let Some(ages) = population.ages(&population.alternative, base) else {
        return;
    };
    for (d, it) in needs.drivers.iter().zip_items(needs.driver_items) {
        if d.users(ages) <= 0.0 {
            diags.push(
                Diagnostic::new(
                    Code::DriverEmpty,
                    format!("driver `{}` counts no users in the base year {base} (D(B) = 0), so its growth cannot be computed", d.id),
                )
                .at(it.loc())
                .hint("check the rates and that the population file holds the ages of the bands"),
            );
        }
    }
    for (s, it) in needs.scenarios.iter().zip_items(needs.scenario_items) {
        let alt = s.alternative.as_deref().unwrap_or(&population.alternative);
        let Some(ages) = population.ages(alt, base) else {
            continue;
        };
        for d in needs.drivers {
            let (bands, own) = match s.rates.get(&d.id) {
                Some(b) => (b, true),
                None => (&d.bands, false),
            };
            if (own || s.alternative.is_some()) && users(bands, ages) <= 0.0 {
                diags.push(
                    Diagnostic::new(
                        Code::DriverEmpty,
                        format!("under scenario `{}`, driver `{}` counts no users in the base year {base} (D(B) = 0)", s.id, d.id),
                    )
                    .at(if own { key_at(it, &["rates", &d.id]) } else { it.field("alternative") })
                    .hint("give at least one band a rate above 0, or check the alternative's figures"),
                );
            }
        }
    }
}

/// Pairs a validated item with the raw item it came from (by id: validation
/// keeps only the good ones).
trait ZipItems<'a, T: 'a> {
    fn zip_items<R>(self, raw: &'a [Item<R>]) -> Vec<(&'a T, &'a Item<R>)>
    where
        R: HasId;
}

pub(crate) trait HasId {
    fn id(&self) -> &str;
}

impl HasId for RawDriver {
    fn id(&self) -> &str {
        &self.id
    }
}

impl HasId for RawScenario {
    fn id(&self) -> &str {
        &self.id
    }
}

trait Id {
    fn id(&self) -> &str;
}

impl Id for Driver {
    fn id(&self) -> &str {
        &self.id
    }
}

impl Id for Scenario {
    fn id(&self) -> &str {
        &self.id
    }
}

impl<'a, T: Id + 'a, I: Iterator<Item = &'a T>> ZipItems<'a, T> for I {
    fn zip_items<R>(self, raw: &'a [Item<R>]) -> Vec<(&'a T, &'a Item<R>)>
    where
        R: HasId,
    {
        self.filter_map(|v| Some((v, raw.iter().find(|r| r.value.id() == v.id())?)))
            .collect()
    }
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
