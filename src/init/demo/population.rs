//! The demo's population projection and its demand: a synthetic download of
//! SSB's table 14288 for Fjordvik, three drivers with KOSTRA-like user rates,
//! and three scenarios.
//!
//! In: the staff count (the population is scaled to it: about 33 residents per
//! employee, as in a mid-sized municipality). Out: `data/befolkning.csv` — in
//! StatBank's long layout with texts, as downloaded (title line, blank line,
//! semicolons) — and `demand.toml`. Deterministic, and drawn without the
//! random stream, so the rest of the demo is the same as without it.

use std::fmt::Write;

use super::{BASE_YEAR, END_YEAR};
use crate::init::files::toml_directive;

/// The projection's alternatives: code, SSB's text, and the yearly factor on
/// the main alternative's growth.
const ALTERNATIVES: [(&str, &str, f64); 3] = [
    ("MMMM", "Hovedalternativet (MMMM)", 1.0),
    ("LLML", "Lav nasjonal vekst (LLML)", 0.99),
    ("HHMH", "Høy nasjonal vekst (HHMH)", 1.01),
];

const TITLE: &str = "14288: Framskrevet folkemengde 1. januar, etter region, kjønn, alder, statistikkvariabel, år og alternativ";

/// Persons of one sex and age in a year under an alternative's factor: an
/// age profile of a Norwegian municipality, the old growing fastest (the age
/// wave), scaled to `staff`.
fn persons(staff: u32, woman: bool, age: u32, year: i32, factor: f64) -> f64 {
    let a = f64::from(age);
    let mut base = if age < 60 {
        260.0 - 1.2 * a
    } else {
        190.0 * (-(a - 60.0) / 14.0).exp()
    };
    if woman && age > 70 {
        base *= 1.25;
    }
    let t = year - BASE_YEAR;
    let growth = match age {
        0..=66 => 1.002,
        67..=79 => 1.03,
        _ => 1.045,
    };
    (base * f64::from(staff) / 1000.0 * (growth * factor).powi(t)).round()
}

/// `data/befolkning.csv`: region × sex × age × year × alternative, long layout.
pub(super) fn csv(staff: u32) -> String {
    let mut out = String::with_capacity(400 + 3 * 2 * 101 * 6 * 90);
    let _ = write!(out, "\"{TITLE}\"\r\n\r\n");
    let _ = write!(
        out,
        "\"region\";\"kjønn\";\"alder\";\"statistikkvariabel\";\"år\";\"alternativ\";\"{TITLE}\"\r\n"
    );
    for (_, alt_text, factor) in ALTERNATIVES {
        for (woman, sex) in [(false, "Menn"), (true, "Kvinner")] {
            for age in 0..=100u32 {
                let age_text = if age == 100 {
                    "100 år eller eldre".to_string()
                } else {
                    format!("{age} år")
                };
                for year in BASE_YEAR..=END_YEAR {
                    let _ = write!(
                        out,
                        "\"9998 Fjordvik\";\"{sex}\";\"{age_text}\";\"Personer\";\"{year}\";\"{alt_text}\";{}\r\n",
                        persons(staff, woman, age, year, factor)
                    );
                }
            }
        }
    }
    out
}

/// `demand.toml`: the projection, the drivers and the scenarios.
pub(super) fn demand_toml() -> String {
    let mut out = toml_directive("demand.toml");
    out.push_str(
        r#"# Steg 3 – Føringer: behovet for tjenester følger befolkningsutviklingen.
# Befolkningsframskrivingen er lastet ned fra SSBs statistikkbank (tabell 14288,
# alle aldre, begge kjønn, alle alternativer) – her med syntetiske tall.
[population]
file = "data/befolkning.csv"
region = "9998"
alternative = "MMMM"

# Dekningsgrader som i KOSTRA: andel av innbyggerne i aldersgruppen som får tjenesten.
[[driver]]
id = "hjemmetjeneste"
title = "Helsetjenester i hjemmet"
rates = { "0-66" = 0.008, "67-79" = 0.06, "80-89" = 0.25, "90+" = 0.5 }

[[driver]]
id = "sykehjem"
title = "Langtidsopphold i sykehjem"
rates = { "67-79" = 0.01, "80-89" = 0.08, "90+" = 0.3 }

[[driver]]
id = "tilrettelagt"
title = "Tilrettelagte tjenester"
rates = { "18-66" = 0.004, "67+" = 0.002 }

# Steg 5 – Scenarier: holder konklusjonen under andre framtider?
[[scenario]]
id = "ssb-lav"
title = "Lav befolkningsvekst (SSB LLML)"
description = "SSBs alternativ med lav nasjonal vekst."
alternative = "LLML"

[[scenario]]
id = "ssb-hoy"
title = "Høy befolkningsvekst (SSB HHMH)"
description = "SSBs alternativ med høy nasjonal vekst."
alternative = "HHMH"

[[scenario]]
id = "avgang-teknologi"
title = "Høyere turnover, mer velferdsteknologi"
description = "Flere slutter, men innovasjon og velferdsteknologi sparer 1 % arbeid i året."
assumptions = { turnover_rate = 0.12, efficiency = 0.01 }
rates.hjemmetjeneste = { "80-89" = 0.22 }
"#,
    );
    out
}
