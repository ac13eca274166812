//! Validation of `[population]`: the projection file as read → the model's
//! [`Population`], cut to the plan's region and the alternatives the plan and
//! its scenarios use.
//!
//! In: the `[population]` item, the [`PopulationFile`] the loader read, the
//! plan's years and its validated drivers and scenarios. Out: the population,
//! and the findings `population-region`, `population-alternative`,
//! `population-years`, `population-ages` and `driver-empty` (D(B) = 0), or
//! `missing-field` for drivers without `[population]`.

use std::collections::BTreeMap;

use super::demand::{key_at, MAIN_ALTERNATIVE};
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::load::population::{PopulationFile, YearAges};
use crate::load::Item;
use crate::model::demand::{users, Driver, Population, Scenario, MAX_AGE};
use crate::model::raw::{RawDriver, RawPopulation, RawScenario};
use crate::source::Loc;

/// The list of codes or years for a message, shortened.
fn listed<I: IntoIterator<Item = String>>(items: I) -> String {
    let all: Vec<String> = items.into_iter().collect();
    if all.len() > 15 {
        format!("{}, … ({} in all)", all[..15].join(", "), all.len())
    } else {
        all.join(", ")
    }
}

/// The ages whose bit is set, as ranges: `67–79, 90`.
fn age_ranges(bits: u128) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut a = 0u8;
    while a <= MAX_AGE {
        if bits & (1u128 << a) == 0 {
            a += 1;
            continue;
        }
        let from = a;
        while a < MAX_AGE && bits & (1u128 << (a + 1)) != 0 {
            a += 1;
        }
        out.push(if from == a {
            a.to_string()
        } else {
            format!("{from}–{a}")
        });
        a += 1;
    }
    out.join(", ")
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
                let ages = age_ranges(lacking);
                diags.push(
                    Diagnostic::new(
                        Code::PopulationAges,
                        format!(
                            "driver `{}` reads ages {} that {} does not give (alternative `{alt}`)",
                            d.id,
                            ages,
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
    #[test]
    fn ages_as_ranges() {
        let bits = (67..=79u32)
            .chain([90, 100])
            .fold(0u128, |b, a| b | (1u128 << a));
        assert_eq!(super::age_ranges(bits), "67–79, 90, 100");
        assert_eq!(super::age_ranges(u128::MAX), "0–100");
    }
}
