//! The demo's goals (KS step 3) and measures (step 6), modelled on the Stange
//! plan: 70/30 høyskole/fagutdannet, heltidskultur, kunnskapsbasert praksis,
//! etisk refleksjon, ledelse, attraktiv arbeidsplass and velferdsteknologi.
//!
//! In: the units (costs scale with their number; one pilot names a unit). Out:
//! goals.toml and measures.toml. Every primary competence of a bemanningsplan
//! line has a mobilise, a develop and an acquire measure for all units, and
//! every competence area a develop measure, so no need is left uncovered.

use std::fmt::Write;

use super::services::Service;
use super::units::DemoUnit;
use super::{BASE_YEAR as B, END_YEAR as E};
use crate::init::files::toml_directive;
use crate::init::text::{list, q};

const GOALS: [(&str, &str, &[&str]); 7] = [
    ("hoyskole", "Øke andelen høyskoleutdannede i helse og omsorg", &[
        "Mot 70/30-fordeling av høyskoleutdannede og fagutdannede i helse- og omsorgssentrene og hjemmetjenestene",
        "Omgjøre ledige fagarbeiderstillinger til stillinger med krav om 3-årig helse- og sosialfaglig høyskoleutdanning",
        "Alle ufaglærte i faste stillinger får tilbud om fagbrev",
    ]),
    ("heltid", "Heltidskultur: flere hele stillinger", &[
        "Alle ledere jobber aktivt for flest mulig heltidsstillinger og arbeidstidsordninger som gir størst mulig stilling",
        "Som hovedregel opprettes ingen stillinger under 75 %",
    ]),
    ("fagutvikling", "Heve kompetansen i tjenesten – jobbe kunnskapsbasert", &[
        "Fagutviklingsstillinger i hver virksomhet som sikrer at vi jobber kunnskapsbasert",
        "Bruke læringsarenaene i kommunen og delta i KS- og andre relevante nettverk",
        "Ha ansatte i etter- og videreutdanning til enhver tid",
        "Ressurspersoner som lærer bort til kollegene sine",
    ]),
    ("etikk", "Styrke etisk refleksjon", &[
        "Etisk refleksjon er en fast del av arbeidsdagen i alle avdelinger",
        "Forebygge bruk av tvang og makt",
    ]),
    ("ledelse", "Styrke ledelsen i helse og omsorg", &[
        "Alle ledere med personalansvar har eller tar lederutdanning",
        "Lederne følger opp kompetanse i medarbeidersamtalen",
    ]),
    ("attraktiv", "Være en attraktiv arbeidsplass med godt omdømme", &[
        "Rekruttere og beholde kvalifisert personell",
        "Samarbeid med utdanningsinstitusjonene om praksisplasser, lærlinger og studenter",
    ]),
    ("velferdsteknologi", "Styrke kompetansen i velferdsteknologi og digital kompetanse", &[
        "Velferdsteknologi tas i bruk i alle tjenester",
        "Superbrukere i hver virksomhet",
    ]),
];

/// The primary competences of the bemanningsplan lines.
const PRIMARY: &[&str] = &[
    "sykepleier",
    "spesialsykepleier",
    "vernepleier",
    "helsefagarbeider",
    "ergoterapeut",
    "fysioterapeut",
];

struct M {
    id: &'static str,
    goal: &'static str,
    title: &'static str,
    strategy: &'static str,
    competences: &'static [&'static str],
    responsible: &'static [&'static str],
    arena: Option<&'static str>,
    years: (i32, i32),
    /// Cost per unit and year (NOK); 0 = no direct cost.
    cost_per_unit: u64,
    indicators: &'static [&'static str],
}

const LEAD: &[&str] = &["virksomhetsleder", "forstelinjeleder"];

#[rustfmt::skip]
const MEASURES: [M; 27] = [
    // mobilisere
    M { id: "okt-stilling", goal: "heltid", title: "Tilby økt stilling til deltidsansatte som ønsker det før ledige stillinger lyses ut", strategy: "mobilise", competences: PRIMARY, responsible: &["virksomhetsleder", "hr", "tillitsvalgt"], arena: None, years: (B, E), cost_per_unit: 0, indicators: &["heltid", "stillinger-75"] },
    M { id: "heltidsturnus", goal: "heltid", title: "Årsturnus og langvakter som gir flere hele stillinger (KS Heltidsprogrammet)", strategy: "mobilise", competences: PRIMARY, responsible: &["radmann", "virksomhetsleder", "tillitsvalgt"], arena: None, years: (B, E), cost_per_unit: 20_000, indicators: &["heltid", "stillinger-75"] },
    M { id: "rett-stilling", goal: "hoyskole", title: "Sykepleiere og vernepleiere i fagarbeiderstillinger tilbys stilling der utdanningen brukes", strategy: "mobilise", competences: &["sykepleier", "spesialsykepleier", "vernepleier"], responsible: &["virksomhetsleder", "hr"], arena: None, years: (B, 2027), cost_per_unit: 0, indicators: &["andel-hoyskole"] },
    M { id: "naervaer", goal: "attraktiv", title: "Nærværsarbeid og tett oppfølging av sykefravær", strategy: "mobilise", competences: PRIMARY, responsible: &["virksomhetsleder", "hr", "tillitsvalgt"], arena: None, years: (B, E), cost_per_unit: 10_000, indicators: &["sykefravaer"] },
    // utvikle: formalkompetanse
    M { id: "sykepleierutdanning", goal: "hoyskole", title: "Tilrettelegge for at helsefagarbeidere kan ta deltids sykepleier- og vernepleierutdanning (permisjon i praksisperioder og stipend)", strategy: "develop", competences: &["sykepleier", "vernepleier"], responsible: &["virksomhetsleder", "hr"], arena: Some("outside_work"), years: (B, E), cost_per_unit: 60_000, indicators: &["andel-hoyskole", "videreutdanning"] },
    M { id: "fagbrev-pa-jobb", goal: "hoyskole", title: "Fagbrev på jobb: ufaglærte tar fagbrev i helsearbeiderfaget som praksiskandidater", strategy: "develop", competences: &["helsefagarbeider"], responsible: &["virksomhetsleder", "hr"], arena: Some("at_work"), years: (B, E), cost_per_unit: 40_000, indicators: &["andel-ufaglaerte", "videreutdanning"] },
    M { id: "videreutdanning-sykepleiere", goal: "fagutvikling", title: "Videreutdanning for sykepleiere i geriatri, psykisk helse og kreftsykepleie", strategy: "develop", competences: &["spesialsykepleier"], responsible: &["virksomhetsleder", "hr"], arena: Some("outside_work"), years: (B, E), cost_per_unit: 50_000, indicators: &["videreutdanning"] },
    M { id: "hospitering", goal: "fagutvikling", title: "Hospitering på tvers av avdelinger og virksomheter, og veiledningsgrupper for nyutdannede", strategy: "develop", competences: PRIMARY, responsible: LEAD, arena: Some("in_work"), years: (B, E), cost_per_unit: 0, indicators: &["fagdager"] },
    // rekruttere / anskaffe
    M { id: "omgjoring", goal: "hoyskole", title: "Omgjøre ledige fagarbeiderstillinger til stillinger med krav om 3-årig helse- og sosialfaglig høyskoleutdanning", strategy: "acquire", competences: &["sykepleier", "vernepleier"], responsible: &["radmann", "virksomhetsleder", "hr", "tillitsvalgt"], arena: None, years: (B, E), cost_per_unit: 0, indicators: &["omgjorte-stillinger", "andel-hoyskole"] },
    M { id: "rekrutteringsstillinger", goal: "attraktiv", title: "Rekrutteringsstillinger, sommerjobb og stipend med bindingstid for sykepleier- og vernepleierstudenter", strategy: "acquire", competences: &["sykepleier", "spesialsykepleier", "vernepleier"], responsible: &["hr", "virksomhetsleder"], arena: None, years: (B, E), cost_per_unit: 30_000, indicators: &["studenter"] },
    M { id: "laerlinger", goal: "attraktiv", title: "Lærlingplasser i helsearbeiderfaget i alle virksomheter, og fast stilling til ferdige lærlinger", strategy: "acquire", competences: &["helsefagarbeider"], responsible: &["hr", "virksomhetsleder"], arena: None, years: (B, E), cost_per_unit: 25_000, indicators: &["laerlinger", "andel-ufaglaerte"] },
    M { id: "samarbeid-utdanning", goal: "attraktiv", title: "Samarbeid med høyskole, universitet og videregående skole om praksisplasser og rekruttering", strategy: "acquire", competences: PRIMARY, responsible: &["radmann", "hr"], arena: None, years: (B, E), cost_per_unit: 5_000, indicators: &["studenter"] },
    M { id: "rehabiliteringsteam", goal: "fagutvikling", title: "Rekruttere ergo- og fysioterapeuter til tverrfaglige team for hverdagsrehabilitering", strategy: "acquire", competences: &["ergoterapeut", "fysioterapeut"], responsible: &["virksomhetsleder", "hr"], arena: None, years: (B, 2028), cost_per_unit: 0, indicators: &["hverdagsrehabilitering"] },
    // utvikle: realkompetanse
    M { id: "demens-abc", goal: "fagutvikling", title: "Demensomsorgens ABC og Miljøbehandlingens ABC i studiegrupper", strategy: "develop", competences: &["demensomsorg", "miljoterapi"], responsible: LEAD, arena: Some("at_work"), years: (B, 2028), cost_per_unit: 15_000, indicators: &["abc-deltakere"] },
    M { id: "palliasjon", goal: "fagutvikling", title: "Ressurspersonnettverk i palliasjon og Livets siste dager i alle avdelinger", strategy: "develop", competences: &["palliasjon"], responsible: LEAD, arena: Some("in_work"), years: (B, E), cost_per_unit: 5_000, indicators: &["ressurspersoner"] },
    M { id: "legemiddelhandtering", goal: "fagutvikling", title: "E-læring og praktisk prøve i legemiddelhåndtering hvert annet år for alle som deler ut legemidler", strategy: "develop", competences: &["legemiddelhandtering"], responsible: LEAD, arena: Some("at_work"), years: (B, E), cost_per_unit: 5_000, indicators: &["legemiddel-godkjent"] },
    M { id: "kliniske-observasjoner", goal: "fagutvikling", title: "Kliniske observasjoner og NEWS2 med simuleringstrening", strategy: "develop", competences: &["klinisk-observasjon"], responsible: LEAD, arena: Some("at_work"), years: (B, 2027), cost_per_unit: 10_000, indicators: &["fagdager"] },
    M { id: "hverdagsrehabilitering", goal: "fagutvikling", title: "Tverrfaglig opplæring i hverdagsrehabilitering", strategy: "develop", competences: &["hverdagsrehabilitering"], responsible: LEAD, arena: Some("in_work"), years: (B, 2028), cost_per_unit: 5_000, indicators: &["hverdagsrehabilitering"] },
    M { id: "psykisk-helse", goal: "fagutvikling", title: "Veiledningsgrupper i psykisk helse og rus", strategy: "develop", competences: &["psykisk-helse-rus"], responsible: LEAD, arena: Some("in_work"), years: (2026, E), cost_per_unit: 5_000, indicators: &["fagdager"] },
    M { id: "tvang-og-makt", goal: "etikk", title: "Opplæring i forebygging av tvang og makt (helse- og omsorgstjenesteloven kap. 9, pasient- og brukerrettighetsloven kap. 4A)", strategy: "develop", competences: &["tvang-og-makt", "miljoterapi"], responsible: LEAD, arena: Some("at_work"), years: (B, 2027), cost_per_unit: 10_000, indicators: &["opplaering-tvang"] },
    M { id: "ernaering", goal: "fagutvikling", title: "Ernæringsombud og kartlegging av ernæringsstatus ved innkomst og hver tredje måned", strategy: "develop", competences: &["ernaering"], responsible: LEAD, arena: Some("in_work"), years: (B, E), cost_per_unit: 0, indicators: &["ressurspersoner"] },
    M { id: "sarbehandling", goal: "fagutvikling", title: "Ressurssykepleiere i sårbehandling med veiledning fra spesialisthelsetjenesten", strategy: "develop", competences: &["sarbehandling"], responsible: LEAD, arena: Some("in_work"), years: (B, E), cost_per_unit: 5_000, indicators: &["ressurspersoner"] },
    M { id: "smittevern", goal: "fagutvikling", title: "Hygienekontakter i alle virksomheter og årlig opplæring i smittevern", strategy: "develop", competences: &["smittevern"], responsible: LEAD, arena: Some("at_work"), years: (B, E), cost_per_unit: 3_000, indicators: &["ressurspersoner"] },
    M { id: "praksisveiledning", goal: "attraktiv", title: "Praksisveilederutdanning for sykepleiere, vernepleiere og helsefagarbeidere", strategy: "develop", competences: &["veiledning"], responsible: &["virksomhetsleder", "hr"], arena: Some("outside_work"), years: (B, E), cost_per_unit: 15_000, indicators: &["praksisveiledere"] },
    M { id: "etisk-refleksjon", goal: "etikk", title: "Fast etisk refleksjon hver måned i alle avdelinger, ledet av opplærte refleksjonsveiledere (KS Samarbeid om etisk kompetanseheving)", strategy: "develop", competences: &["etisk-refleksjon"], responsible: LEAD, arena: Some("in_work"), years: (B, E), cost_per_unit: 5_000, indicators: &["etikk-avdelinger"] },
    M { id: "kunnskapsbasert-praksis", goal: "fagutvikling", title: "Fagutviklingssykepleier i hver virksomhet, tidsskriftklubb og fagdager åpne på tvers av virksomheter", strategy: "develop", competences: &["kunnskapsbasert-praksis"], responsible: &["virksomhetsleder", "radmann"], arena: Some("in_work"), years: (B, E), cost_per_unit: 20_000, indicators: &["fagutviklingsstillinger", "fagdager"] },
    M { id: "velferdsteknologiens-abc", goal: "velferdsteknologi", title: "Velferdsteknologiens ABC og superbrukere i hver virksomhet", strategy: "develop", competences: &["velferdsteknologi"], responsible: LEAD, arena: Some("at_work"), years: (B, 2028), cost_per_unit: 10_000, indicators: &["velferdsteknologi-brukere"] },
];

/// Section headers of measures.toml: (index into [`MEASURES`], header).
const SECTIONS: [(usize, &str); 4] = [
    (0, "Mobilisere: bruke kompetansen vi har bedre"),
    (4, "Utvikle: formalkompetanse"),
    (8, "Rekruttere og anskaffe"),
    (
        13,
        "Utvikle: realkompetanse (kompetanseområdene i kartleggingen)",
    ),
];

/// Lederutvikling: develops the formal competence helseledelse.
#[rustfmt::skip]
const LEADERSHIP: [M; 2] = [
    M { id: "lederutdanning", goal: "ledelse", title: "Videreutdanning i helseledelse for førstelinjeledere", strategy: "develop", competences: &["helseledelse"], responsible: &["radmann", "hr"], arena: Some("outside_work"), years: (B, E), cost_per_unit: 20_000, indicators: &["lederutdanning"] },
    M { id: "lederforum", goal: "ledelse", title: "Lederforum for kompetanseplanlegging og oppfølging av kompetanse i medarbeidersamtalen", strategy: "develop", competences: &["helseledelse", "kunnskapsbasert-praksis"], responsible: &["radmann", "hr", "virksomhetsleder"], arena: Some("in_work"), years: (B, E), cost_per_unit: 0, indicators: &["lederutdanning"] },
];

pub(super) fn goals_toml() -> String {
    let mut out = toml_directive("goals.toml");
    out.push_str(
        "\n# Steg 3 – Overordnede mål, fra kommunedelplan helse og omsorg og nasjonale føringer.\n",
    );
    for (id, title, strategies) in GOALS {
        let _ = write!(
            out,
            "\n[[goal]]\nid = {}\ntitle = {}\nstrategies = [\n",
            q(id),
            q(title)
        );
        for s in strategies {
            let _ = writeln!(out, "  {},", q(s));
        }
        out.push_str("]\n");
    }
    out
}

/// The follow-up of the first months (KS step 7): measure id, status, and
/// entries (date, status, participants per unit, note). Dated after the
/// plan's `last_revised`, so the latest entry gives the status in the report.
/// One follow-up entry: date, status, participants per unit, note.
type Entry = (&'static str, &'static str, Option<u64>, &'static str);

#[rustfmt::skip]
const FOLLOWUP: [(&str, &str, &[Entry]); 6] = [
    ("okt-stilling", "ongoing", &[
        ("2025-12-15", "ongoing", Some(6), "Deltidsansatte som ønsket det har fått tilbud om økt stilling før utlysning"),
    ]),
    ("heltidsturnus", "ongoing", &[
        ("2025-11-20", "ongoing", None, "Årsturnus innført i to virksomheter, de øvrige følger i 2026"),
    ]),
    ("demens-abc", "ongoing", &[
        ("2025-11-10", "ongoing", Some(8), "Første kull i gang med studiegrupper"),
        ("2025-12-18", "ongoing", Some(12), "Andre kull startet"),
    ]),
    ("legemiddelhandtering", "done", &[
        ("2025-12-01", "done", Some(20), "E-læring og praktisk prøve gjennomført for årets kull"),
    ]),
    ("tvang-og-makt", "ongoing", &[
        ("2025-11-25", "ongoing", Some(4), "Opplæring gjennomført i tilrettelagte tjenester"),
    ]),
    ("kliniske-observasjoner", "planned", &[
        ("2025-12-05", "planned", None, "Simuleringsutstyr bestilt; oppstart i februar"),
    ]),
];

fn write_followup(out: &mut String, id: &str, n_units: u64) {
    let Some((_, status, entries)) = FOLLOWUP.iter().find(|(m, _, _)| *m == id) else {
        return;
    };
    let _ = writeln!(out, "status = {}", q(status));
    for (date, status, participants, note) in *entries {
        let _ = write!(
            out,
            "\n[[measure.followup]]\ndate = {date}\nstatus = {}\n",
            q(status)
        );
        if let Some(p) = participants {
            let _ = writeln!(out, "participants = {}", p * n_units);
        }
        let _ = writeln!(out, "note = {}", q(note));
    }
}

fn write_measure(out: &mut String, m: &M, units: Option<&[&str]>, title: &str, n_units: u64) {
    let _ = write!(
        out,
        "\n[[measure]]\nid = {}\ngoal = {}\ntitle = {}\nstrategy = {}\ncompetences = {}\n",
        q(m.id),
        q(m.goal),
        q(title),
        q(m.strategy),
        list(m.competences)
    );
    if let Some(us) = units {
        let _ = writeln!(out, "units = {}", list(us));
    }
    let _ = writeln!(out, "responsible = {}", list(m.responsible));
    if let Some(a) = m.arena {
        let _ = writeln!(out, "arena = {}", q(a));
    }
    let _ = writeln!(out, "start = {}\nend = {}", m.years.0, m.years.1);
    if m.cost_per_unit > 0 {
        let _ = writeln!(out, "cost_nok = {}", m.cost_per_unit * n_units);
    }
    let _ = writeln!(out, "indicators = {}", list(m.indicators));
    write_followup(out, m.id, n_units);
}

pub(super) fn measures_toml(units: &[DemoUnit]) -> String {
    let n = units.len() as u64;
    let mut out = toml_directive("measures.toml");
    out.push_str(
        "\n# Steg 6 – Kompetansestrategier og tiltak. Tiltak uten `units` gjelder alle enheter.\n\
         # cost_nok er kostnad per år for hele kommunen (til økonomiplanen).\n",
    );
    for (i, m) in MEASURES.iter().enumerate() {
        if let Some((_, header)) = SECTIONS.iter().find(|(at, _)| *at == i) {
            let _ = writeln!(out, "\n# {header}");
        }
        write_measure(&mut out, m, None, m.title, n);
    }
    out.push_str("\n# Ledelse\n");
    for m in &LEADERSHIP {
        write_measure(&mut out, m, None, m.title, n);
    }
    if let Some(pilot) = units.iter().find(|u| u.service == Service::Hjemme) {
        out.push_str("\n# Pilot i én enhet før innføring i alle\n");
        let m = M {
            id: "digitalt-tilsyn-pilot",
            goal: "velferdsteknologi",
            title: "",
            strategy: "develop",
            competences: &["velferdsteknologi"],
            responsible: &["virksomhetsleder", "forstelinjeleder"],
            arena: Some("in_work"),
            years: (B, 2026),
            cost_per_unit: 150_000,
            indicators: &["velferdsteknologi-brukere"],
        };
        let title = format!("Pilot med digitalt nattilsyn i {}", pilot.name);
        write_measure(&mut out, &m, Some(&[pilot.id.as_str()]), &title, 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::catalog::REAL;
    use super::super::services::CYCLE;
    use super::*;

    fn has(strategy: &str, competence: &str) -> bool {
        MEASURES
            .iter()
            .any(|m| m.strategy == strategy && m.competences.contains(&competence))
    }

    #[test]
    fn every_need_has_measures_of_every_useful_strategy() {
        for service in CYCLE {
            for pos in service.positions() {
                let primary = pos.accepts[0];
                assert!(PRIMARY.contains(&primary), "{primary}");
                for s in ["mobilise", "develop", "acquire"] {
                    assert!(has(s, primary), "no {s} measure for {primary}");
                }
            }
        }
        for r in &REAL {
            assert!(has("develop", r.id), "no develop measure for {}", r.id);
        }
        let goals: Vec<&str> = GOALS.iter().map(|g| g.0).collect();
        assert!(MEASURES
            .iter()
            .chain(&LEADERSHIP)
            .all(|m| goals.contains(&m.goal) && (B..=E).contains(&m.years.1)));
    }
}
