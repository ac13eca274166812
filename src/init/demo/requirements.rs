//! One unit's requirements file (YAML): its bemanningsplan lines and its
//! real-competence requirements.
//!
//! In: the unit, the FTE its staff hold per position, and the random source.
//! Out: `requirements/<unit>.yaml`. Required FTE is the FTE in post plus
//! vacancies (more for nurses and specialists, who are hard to recruit), with
//! the population projection's growth (a demand driver) where it calls for it.

use std::fmt::Write;

use super::dice::Dice;
use super::roster::Person;
use super::services::{Amount, Service};
use super::units::DemoUnit;
use crate::init::files::yaml_modeline;
use crate::init::text::{bare_list, q};

/// Path of a unit's requirements file.
pub(super) fn path(unit: &str) -> String {
    format!("requirements/{unit}.yaml")
}

/// The requirements file of `unit`, whose staff are `staff`.
pub(super) fn file(unit: &DemoUnit, staff: &[Person], dice: &mut Dice) -> String {
    let rel = path(&unit.id);
    let mut out = yaml_modeline(&rel);
    let _ = writeln!(out, "# Kompetansekrav for {} (steg 5).", unit.name);
    out.push_str(
        "# capacity: bemanningsplanen, årsverk per stilling i basisåret (inkl. ledige stillinger).\n\
         # quality: krav til realkompetanse, målt med kartleggingen i data/survey.csv.\n",
    );
    let mut workloads = Vec::new();
    out.push_str("capacity:\n");
    for pos in unit.service.positions() {
        let in_post: f64 = staff
            .iter()
            .filter(|p| p.position == pos.id)
            .map(|p| f64::from(p.percent) / 100.0)
            .sum();
        let (lo, hi) = pos.vacancy;
        let wanted = in_post * (1.0 + dice.between(lo, hi));
        let fte = ((wanted * 10.0).round() / 10.0).max(pos.minimum);
        // home care's nurses and helsefagarbeidere have a WISN workload; the
        // helsefagarbeidere's line takes its requirement from it
        let mut workload = match unit.service {
            Service::Hjemme => super::workload::workload(&unit.id, pos.id, fte),
            _ => None,
        };
        // the visits grow with the home-care users of the population projection
        if let Some(w) = &mut workload {
            for a in &mut w.activities {
                a.driver = Some(unit.service.driver().to_string());
            }
        }
        let from_workload = workload.is_some() && pos.id == "helsefagarbeider";
        let _ = write!(
            out,
            "  - unit: {}\n    position: {}\n    title: {}\n",
            unit.id,
            pos.id,
            q(pos.title),
        );
        if !from_workload {
            let _ = writeln!(out, "    fte: {fte:.1}");
        }
        let _ = writeln!(out, "    accepts: {}", bare_list(pos.accepts));
        if pos.growth.is_some() && !from_workload {
            // the population projection grows these lines (demand.toml); a line
            // from its workload grows with its driven activities instead
            let _ = writeln!(out, "    driver: {}", unit.service.driver());
        }
        workloads.extend(workload);
        let _ = writeln!(out, "    styrk: \"{}\"", pos.styrk);
    }
    if !workloads.is_empty() {
        out.push_str(
            "# workload: arbeidsmengde etter WHOs WISN-metode (standardtid × årlig volum, støtte- og\n\
             # individuelle oppgaver); helsefagarbeiderlinjen får årsverkene sine herfra.\n\
             workload:\n",
        );
        for w in &workloads {
            super::workload::yaml(w, &mut out);
        }
    }
    out.push_str("quality:\n");
    for line in unit.service.quality() {
        let _ = write!(
            out,
            "  - unit: {}\n    competence: {}\n    min_level: {}\n",
            unit.id, line.competence, line.min_level
        );
        match line.amount {
            Amount::Share(s) => {
                let _ = writeln!(out, "    share: {s}");
            }
            Amount::Count(c) => {
                let _ = writeln!(out, "    count: {c}");
            }
        }
    }
    out
}
