//! The demo's description files: plan.toml (KS steps 1–3 and the data),
//! competences.toml (step 4), units.toml (step 5) and a README.
//!
//! In: the options, the units and a few counts. Out: the files' text.

use std::fmt::Write;

use super::catalog::{FORMAL, REAL};
use super::units::DemoUnit;
use super::{DemoOptions, BASE_YEAR, END_YEAR, RETIREMENT_AGE, TURNOVER};
use crate::init::files::toml_directive;
use crate::init::text::{comment, q};

pub(super) fn plan_toml(opts: &DemoOptions) -> String {
    let mut out = toml_directive("plan.toml");
    comment(
        &mut out,
        &format!(
            "Fjordvik kommune er oppdiktet. Alle tall er syntetiske, laget med\n\
             `plan init --demo --staff {} --seed {}`.\n",
            opts.staff, opts.seed
        ),
    );
    let _ = write!(
        out,
        r#"
# Steg 1 – Organisering og involvering
[plan]
municipality = "Fjordvik"
municipality_number = "9998"
title = "Strategisk kompetanseplan for helse og omsorg {BASE_YEAR}–{END_YEAR}"
period = {{ from = {BASE_YEAR}, to = {END_YEAR} }}
base_year = {BASE_YEAR}
adopted = 2025-04-24
last_revised = 2025-10-30
owner = "Kommunalsjef helse og omsorg"
steering_group = ["Kommunalsjef helse og omsorg", "Virksomhetsledere i helse og omsorg", "HR-sjef", "Hovedtillitsvalgt Fagforbundet", "Hovedtillitsvalgt NSF", "Hovedverneombud"]
working_group = ["Rådgiver helse og omsorg", "HR-rådgiver", "Virksomhetsleder hjemmetjenesten", "Fagutviklingssykepleier", "Tillitsvalgt FO", "Verneombud"]
user_participation = ["Eldrerådet", "Rådet for personer med funksjonsnedsettelse", "Ungdomsrådet"]

# Steg 2 – Forankring
anchoring = [
  "Behandlet i driftsutvalget 8. april 2025 og vedtatt i kommunestyret 24. april 2025",
  "Drøftet med hovedtillitsvalgte og hovedverneombud i arbeidsgruppen og styringsgruppen",
  "Hver virksomhet lager sin egen handlingsplan for kompetanse ut fra planen",
  "Rulleres hvert høsthalvår og legges inn i økonomiplanen",
]

# Steg 3 – Føringer for framskrivingen. Særaldersgrense 65 for sykepleiere og
# helsefagarbeidere står på kompetansene (competences.toml).
[assumptions]
retirement_age = {RETIREMENT_AGE}
turnover_rate = {TURNOVER}   # andel som slutter i kommunen per år (turnover i sektoren er om lag 22 %, men mange bytter bare arbeidssted)
min_group_size = 5

# Steg 5 – Kompetansekapital: bemanningsoversikt (PAI per 1. desember) og kartlegging.
[data]
staff = "data/staff.csv"
survey = "data/survey.csv"
"#
    );
    out
}

pub(super) fn competences_toml() -> String {
    let mut out = toml_directive("competences.toml");
    out.push_str(
        "\n# Steg 4 – Hva er kompetanse? Kunnskaper, ferdigheter, holdninger og evner.\n\
         # Formalkompetanse: utdanning og autorisasjon, med STYRK-08-kode og særaldersgrense.\n",
    );
    for f in &FORMAL {
        let _ = write!(
            out,
            "\n[[competence]]\nid = {}\nname = {}\nkind = \"formal\"\nlevel = {}\n",
            q(f.id),
            q(f.name),
            q(f.level)
        );
        if let Some(s) = f.styrk {
            let _ = writeln!(out, "styrk = {}", q(s));
        }
        if let Some(r) = f.retirement_age {
            let _ = writeln!(out, "retirement_age = {r}");
        }
        let _ = writeln!(out, "description = {}", q(f.description));
    }
    out.push_str(
        "\n# Realkompetanse: kompetanseområdene i kartleggingen (data/survey.csv), nivå 1–5.\n",
    );
    for r in &REAL {
        let _ = write!(
            out,
            "\n[[competence]]\nid = {}\nname = {}\nkind = \"real\"\ndimension = {}\ndescription = {}\n",
            q(r.id),
            q(r.name),
            q(r.dimension),
            q(r.description)
        );
    }
    out
}

pub(super) fn units_toml(units: &[DemoUnit]) -> String {
    let mut out = toml_directive("units.toml");
    out.push_str(
        "\n# Steg 5 – Enhetene. Kravene til hver enhet står i requirements/<enhet>.yaml.\n",
    );
    for u in units {
        let _ = write!(
            out,
            "\n[[unit]]\nid = {}\nname = {}\nservice = {}\ndescription = {}\n",
            q(&u.id),
            q(&u.name),
            q(u.service.text()),
            q(&format!("Om lag {} ansatte.", u.staff)),
        );
    }
    out
}

pub(super) fn readme(opts: &DemoOptions, units: &[DemoUnit], survey_rows: usize) -> String {
    format!(
        "# Fjordvik – demoplan\n\n\
         En komplett, syntetisk strategisk kompetanseplan for helse og omsorg i den\n\
         oppdiktede kommunen Fjordvik ({staff} ansatte i {units} enheter, {survey_rows} svar i\n\
         kartleggingen). Ingen personer finnes: id-ene er pseudonymer, og alle tall er\n\
         trukket tilfeldig med seed {seed}.\n\n\
         Laget med `plan init --demo --staff {staff} --seed {seed}`; ikke rediger filene for hånd.\n\
         `examples/demo` i kompetanseplan-prosjektet lages på nytt med\n\n    \
         rm -rf examples/demo && cargo run -- init --demo examples/demo\n\n\
         | fil | KS-steg |\n|---|---|\n\
         | `plan.toml` | 1 organisering, 2 forankring, 3 føringer, datafilene |\n\
         | `competences.toml` | 4 hva er kompetanse |\n\
         | `units.toml`, `requirements/*.yaml`, `data/` | 5 kompetanse- og bemanningsanalyse |\n\
         | `demand.toml`, `data/befolkning.csv` | 3 føringer: befolkningsframskriving (syntetisk, som SSBs tabell 14288) og etterspørselsdrivere; 5 scenarier |\n\
         | `goals.toml` | 3 mål |\n\
         | `measures.toml` | 6 strategier og tiltak |\n\
         | `indicators.toml` | 7 oppfølging og evaluering |\n\n\
         Hjemmetjenestenes `requirements/*.yaml` har også arbeidsmengden til sykepleierne\n\
         og helsefagarbeiderne (`workload`, WHOs WISN-metode: standardtid × årlig volum,\n\
         støtteoppgaver og individuelle oppgaver); helsefagarbeidernes årsverk i\n\
         bemanningsplanen regnes ut fra den. Se resultatet med `plan analyse --workload`.\n",
        staff = opts.staff,
        units = units.len(),
        seed = opts.seed,
    )
}
