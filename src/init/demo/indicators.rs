//! The demo's indicators (KS step 7): computed ones from the roster, with
//! targets set from the plan's own projection, and manual ones with baselines.
//!
//! In: the projection, the units and the number of staff in studies. Out:
//! indicators.toml. Computed targets lie at least half a percentage point on
//! the safe side of the projected value in the target year, so
//! `plan check --strict` finds every target reachable.

use std::fmt::Write;

use super::projection::{ceil_target, floor_target, Projection};
use super::services::Service;
use super::units::DemoUnit;
use super::{BASE_YEAR as B, END_YEAR as E};
use crate::init::files::toml_directive;
use crate::init::text::q;

/// Levels (indices into `LEVELS`): bachelor and master; everyone with a health education.
const COLLEGE: [usize; 2] = [3, 4];
const EDUCATED: [usize; 4] = [1, 2, 3, 4];
const NONE: [usize; 1] = [0];

fn pct(x: f64) -> String {
    format!("{:.1} %", x * 100.0).replace('.', ",")
}

fn computed(
    out: &mut String,
    id: &str,
    title: &str,
    spec: &str,
    base: f64,
    end: f64,
    target: &str,
) {
    // the official figure (KOSTRA) of the year before the roster, beside
    // the plan's own projection: a little below where the roster stands
    let official = ((base - 0.012) * 1000.0).round() / 1000.0;
    let _ = write!(
        out,
        "\n# {B}: {}; planens framskriving for {E}: {}.\n[[indicator]]\nid = {}\ntitle = {}\n{spec}observed = [{{ year = {}, value = {official} }}]   # KOSTRA\ntarget = {{ year = {E}, {target} }}\n",
        pct(base),
        pct(end),
        q(id),
        q(title),
        B - 1,
    );
}

/// How far a manual indicator has come at the end of the base year.
#[derive(Clone, Copy)]
enum Progress {
    /// One year's step on the straight line to the target, rounded towards
    /// it (the status is "på vei").
    Line,
    /// This value was measured.
    At(f64),
    /// A new indicator: the baseline is from the base year and nothing is
    /// measured yet ("ikke målt ennå").
    NotYet,
}

/// A manual indicator: id, title, unit of measure, baseline, target (year,
/// `min`/`max`, value), progress.
type ManualRow<'a> = (
    &'a str,
    &'a str,
    &'a str,
    f64,
    (i32, &'a str, f64),
    Progress,
);

fn manual(out: &mut String, (id, title, unit, baseline, target, progress): ManualRow) {
    let since = if matches!(progress, Progress::NotYet) {
        B
    } else {
        B - 1
    };
    let _ = write!(
        out,
        "\n[[indicator]]\nid = {}\ntitle = {}\nunit = {}\nbaseline = {{ year = {since}, value = {baseline} }}\n",
        q(id),
        q(title),
        q(unit),
    );
    // the measurement at the end of the base year
    let step = (target.2 - baseline) / f64::from((target.0 - B + 1).max(1));
    let value = match progress {
        Progress::Line if target.1 == "max" => Some((baseline + step).floor()),
        Progress::Line => Some((baseline + step).ceil()),
        Progress::At(v) => Some(v),
        Progress::NotYet => None,
    };
    if let Some(value) = value {
        let _ = writeln!(out, "observed = [{{ year = {B}, value = {value} }}]");
    }
    let _ = writeln!(
        out,
        "target = {{ year = {}, {} = {} }}",
        target.0, target.1, target.2,
    );
}

pub(super) fn indicators_toml(p: &Projection, units: &[DemoUnit], studying: u32) -> String {
    let mut out = toml_directive("indicators.toml");
    out.push_str(
        "\n# Steg 7 – Oppfølging og evaluering. Beregnede indikatorer (metric) regnes ut av\n\
         # bemanningsoversikten for hvert år i planperioden; måltallene er delmål på veien\n\
         # mot 70/30 og heltidskultur som planens egen framskriving viser at vi når.\n\
         # Manuelle indikatorer føres inn ved hver rullering (observed).\n",
    );
    let share = |num: &[usize], among: Option<&[usize]>| {
        (
            p.education_share(B, num, among),
            p.education_share(E, num, among),
        )
    };
    let (b, e) = share(&COLLEGE, Some(&EDUCATED));
    computed(
        &mut out,
        "andel-hoyskole",
        "Andel høyskoleutdannede av årsverkene med helsefaglig utdanning (mål: 70/30)",
        "metric = \"education_share\"\nlevels = [\"bachelor\", \"master\"]\namong = [\"upper_secondary\", \"vocational\", \"bachelor\", \"master\"]\n",
        b,
        e,
        &format!("min = {:.2}", floor_target(e)),
    );
    let (b, e) = share(&NONE, None);
    computed(
        &mut out,
        "andel-ufaglaerte",
        "Andel årsverk uten helsefaglig utdanning",
        "metric = \"education_share\"\nlevels = [\"none\"]\n",
        b,
        e,
        &format!("max = {:.2}", ceil_target(e)),
    );
    let (b, e) = (p.position_share(B, true), p.position_share(E, true));
    computed(
        &mut out,
        "heltid",
        "Andel ansatte i heltidsstilling",
        "metric = \"position_share\"\nmin_percent = 100\n",
        b,
        e,
        &format!("min = {:.2}", floor_target(e)),
    );
    let (b, e) = (p.position_share(B, false), p.position_share(E, false));
    computed(
        &mut out,
        "stillinger-75",
        "Andel ansatte i stilling på minst 75 %",
        "metric = \"position_share\"\nmin_percent = 75\n",
        b,
        e,
        &format!("min = {:.2}", floor_target(e)),
    );

    let n = units.len() as f64;
    let home = units
        .iter()
        .filter(|u| u.service == Service::Hjemme)
        .count()
        .max(1) as f64;
    let s = f64::from(studying);
    use Progress::{At, Line, NotYet};
    // one of each status: on track (most), met and not met (targets for the
    // base year), off track (sick leave rising), not measured yet (new)
    #[rustfmt::skip]
    let rows: [ManualRow; 16] = [
        ("omgjorte-stillinger", "Antall ledige fagarbeiderstillinger omgjort til stillinger med krav om høyskoleutdanning", "antall", 0.0, (E, "min", 2.0 * n), Line),
        ("videreutdanning", "Antall ansatte i etter- og videreutdanning", "antall", s, (E, "min", s + n), Line),
        ("studenter", "Antall sykepleier- og vernepleierstudenter i praksis per år", "antall", 3.0 * n, (E, "min", 4.0 * n), Line),
        ("laerlinger", "Antall lærlinger i helsearbeiderfaget", "antall", n, (E, "min", 2.0 * n), Line),
        ("praksisveiledere", "Antall ansatte med praksisveilederutdanning", "antall", n, (E, "min", 3.0 * n), Line),
        ("fagutviklingsstillinger", "Antall virksomheter med fagutviklingssykepleier", "antall", (n / 3.0).ceil(), (2028, "min", n), Line),
        ("fagdager", "Antall fagdager åpne på tvers av virksomheter per år", "antall", 4.0, (2027, "min", 10.0), Line),
        ("abc-deltakere", "Antall ansatte som har fullført Demensomsorgens eller Miljøbehandlingens ABC", "antall", 8.0 * n, (2028, "min", 30.0 * n), Line),
        ("ressurspersoner", "Antall ressurspersoner (palliasjon, sår, ernæring, smittevern)", "antall", 2.0 * n, (E, "min", 5.0 * n), Line),
        ("legemiddel-godkjent", "Andel som deler ut legemidler med godkjent opplæring siste to år", "prosent", 72.0, (B, "min", 80.0), At(84.0)),
        ("hverdagsrehabilitering", "Antall brukere som har fått hverdagsrehabilitering per år", "antall", 12.0 * home, (E, "min", 30.0 * home), NotYet),
        ("opplaering-tvang", "Andel ansatte i tilrettelagte tjenester med opplæring i forebygging av tvang og makt", "prosent", 55.0, (2027, "min", 90.0), Line),
        ("etikk-avdelinger", "Andel avdelinger med etisk refleksjon minst hver måned", "prosent", 40.0, (B, "min", 60.0), At(55.0)),
        ("velferdsteknologi-brukere", "Antall brukere med digitalt tilsyn eller elektronisk medisindispenser", "antall", 40.0 * home, (E, "min", 120.0 * home), Line),
        ("lederutdanning", "Andel ledere med personalansvar som har lederutdanning", "prosent", 35.0, (E, "min", 80.0), Line),
        ("sykefravaer", "Sykefravær i helse og omsorg", "prosent", 10.8, (E, "max", 8.5), At(11.2)),
    ];
    for row in rows {
        manual(&mut out, row);
    }
    out
}
