//! The demo's WISN workloads: the home-care nurses and helsefagarbeidere of
//! each hjemmetjeneste, with standard times per visit type, yearly volumes,
//! and the support and individual tasks Norwegian home care has (rapport,
//! dokumentasjon, fagmøter, personalmøter, kurs; verneombud, tillitsvalgt,
//! fagutvikling, veiledning av studenter og lærlinger).
//!
//! In: the unit, the position and the FTE its bemanningsplan line requires.
//! Out: a validated-model [`Workload`] whose W(B) is that requirement (the
//! volumes are chosen so; the analysis' own rule, [`wisn`], computes W) and
//! its YAML text. No random draws: adding the workloads leaves the demo's
//! roster and survey as they were.

use std::fmt::Write;

use crate::analyse::workload::{constant_volumes, wisn};
use crate::init::text::q;
use crate::model::workload::{Absence, Activity, Individual, Per, Support, Workload};

/// Standard times (minutes) and each activity's share of the activity hours.
type Mix = &'static [(&'static str, f64, f64)];

const NURSE: Mix = &[
    ("Medisinhåndtering og -administrering", 15.0, 0.28),
    ("Sårstell", 30.0, 0.14),
    ("Injeksjoner og prøvetaking", 15.0, 0.08),
    (
        "Oppfølging av kronisk syke (KOLS, diabetes, hjertesvikt)",
        30.0,
        0.14,
    ),
    ("Vurderingsbesøk og kartlegging", 60.0, 0.08),
    ("Palliasjon og terminalpleie", 45.0, 0.08),
    ("Kjøring mellom brukere", 10.0, 0.20),
];

const CARE: Mix = &[
    ("Personlig stell og påkledning", 40.0, 0.38),
    ("Medisinutdeling (multidose)", 10.0, 0.10),
    ("Tilsyn og trygghetsbesøk", 15.0, 0.10),
    ("Måltidshjelp", 20.0, 0.12),
    ("Hverdagsrehabilitering", 45.0, 0.06),
    ("Kjøring mellom brukere", 10.0, 0.24),
];

fn support() -> Vec<Support> {
    let s = |name: &str, hours, per| Support {
        name: name.into(),
        hours,
        per,
    };
    vec![
        s("Rapport og overlapp", 0.25, Per::Day),
        s("Dokumentasjon i journal", 0.5, Per::Day),
        s("Fagmøte og internundervisning", 1.0, Per::Week),
        s("Personalmøte", 1.5, Per::Month),
        s(
            "Kurs og obligatorisk opplæring (e-læring, HLR)",
            15.0,
            Per::Year,
        ),
    ]
}

/// Individual tasks of a position with `fte` required: a large group has a
/// verneombud, a tillitsvalgt and (nurses) a fagutviklingssykepleier.
fn individual(position: &str, fte: f64) -> Vec<Individual> {
    let i = |name: &str, hours_per_year, staff| Individual {
        name: name.into(),
        hours_per_year,
        staff,
    };
    if fte < 4.0 {
        return Vec::new();
    }
    let mut out = vec![i("Verneombud", 100.0, 1), i("Tillitsvalgt", 150.0, 1)];
    if position == "sykepleier" {
        out.push(i("Fagutvikling og ressurssykepleier", 200.0, 1));
        out.push(i("Praksisveileder for sykepleierstudenter", 60.0, 2));
    } else {
        out.push(i("Lærlingveileder", 80.0, 2));
    }
    out
}

/// The workload of `position` in `unit` whose W(B) is `fte` (up to the
/// rounding of the volumes), or `None` for a position without one.
pub(super) fn workload(unit: &str, position: &str, fte: f64) -> Option<Workload> {
    let mix = match position {
        "sykepleier" => NURSE,
        "helsefagarbeider" => CARE,
        _ => return None,
    };
    let mut w = Workload {
        unit: unit.into(),
        position: position.into(),
        working_days: 260.0,
        hours_per_day: 7.5,
        hours_per_week: 37.5,
        // sykefravær in home care is about 8 % (SSB)
        absence: Absence {
            holidays: 10.0,
            vacation: 25.0,
            sick: 20.0,
            other: 5.0,
        },
        activities: Vec::new(),
        support: support(),
        individual: individual(position, fte),
        loc: None,
    };
    let empty = wisn(&w, 0, &constant_volumes);
    // the activity hours that make W(B) = fte
    let hours = ((fte - empty.individual_allowance) / empty.category_allowance).max(0.1)
        * empty.available_hours;
    w.activities = mix
        .iter()
        .map(|&(name, minutes, share)| Activity {
            name: name.into(),
            minutes,
            per_year: (hours * share * 60.0 / minutes / 10.0).round() * 10.0,
            driver: None,
        })
        .collect();
    w.normalise();
    Some(w)
}

/// `w` as an item of the YAML list `workload:`.
pub(super) fn yaml(w: &Workload, out: &mut String) {
    let a = &w.absence;
    let _ = write!(
        out,
        "  - unit: {}\n    position: {}\n    working_days: {}\n    hours_per_day: {}\n    absence_days: {{ holidays: {}, vacation: {}, sick: {}, other: {} }}\n    activities:\n",
        w.unit, w.position, w.working_days, w.hours_per_day, a.holidays, a.vacation, a.sick, a.other
    );
    for act in &w.activities {
        let driver = act
            .driver
            .as_deref()
            .map_or(String::new(), |d| format!(", driver: {d}"));
        let _ = writeln!(
            out,
            "      - {{ name: {}, minutes: {}, per_year: {}{driver} }}",
            q(&act.name),
            act.minutes,
            act.per_year
        );
    }
    out.push_str("    support:\n");
    for s in &w.support {
        let _ = writeln!(
            out,
            "      - {{ name: {}, hours: {}, per: {} }}",
            q(&s.name),
            s.hours,
            s.per.as_str()
        );
    }
    if !w.individual.is_empty() {
        out.push_str("    individual:\n");
        for i in &w.individual {
            let _ = writeln!(
                out,
                "      - {{ name: {}, hours_per_year: {}, staff: {} }}",
                q(&i.name),
                i.hours_per_year,
                i.staff
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_volumes_give_the_required_fte() {
        for (position, fte) in [
            ("sykepleier", 36.3),
            ("helsefagarbeider", 53.3),
            ("sykepleier", 1.0),
        ] {
            let w = workload("hjemme-nord", position, fte).unwrap_or_else(|| panic!("{position}"));
            let r = wisn(&w, 2025, &constant_volumes);
            assert!(
                (r.required - fte).abs() < 0.02 * fte,
                "{position} {fte}: {r:?}"
            );
            // realistic: about 15 % support work, 1 500 hours a year
            assert_eq!(r.available_hours, 1500.0);
            assert!(
                r.category_allowance > 1.1 && r.category_allowance < 1.25,
                "{r:?}"
            );
        }
        assert!(workload("u", "ergoterapeut", 3.0).is_none());
    }
}
