//! What the demo municipality is made of: educations, competence areas, kinds
//! of units and their positions, and place names.
//!
//! In: nothing (constant tables, with sources in ../shared/domain.md: STYRK-08
//! codes, særaldersgrense 65 for nurses and skilled care workers, part-time and
//! education mix in municipal care). Out: the tables the generator samples from.

/// A formal education a person in the roster can hold (or none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Edu {
    Sykepleier,
    Spesialsykepleier,
    Vernepleier,
    Helsefagarbeider,
    Hjelpepleier,
    Omsorgsarbeider,
    Ergoterapeut,
    Fysioterapeut,
    /// No health or social education (ufaglært).
    None,
}

impl Edu {
    /// Competence id in the plan; empty for no education.
    pub(super) fn id(self) -> &'static str {
        match self {
            Edu::Sykepleier => "sykepleier",
            Edu::Spesialsykepleier => "spesialsykepleier",
            Edu::Vernepleier => "vernepleier",
            Edu::Helsefagarbeider => "helsefagarbeider",
            Edu::Hjelpepleier => "hjelpepleier",
            Edu::Omsorgsarbeider => "omsorgsarbeider",
            Edu::Ergoterapeut => "ergoterapeut",
            Edu::Fysioterapeut => "fysioterapeut",
            Edu::None => "",
        }
    }

    /// The formal competence as written in competences.toml.
    pub(super) fn formal(self) -> Option<&'static Formal> {
        FORMAL.iter().find(|f| f.id == self.id())
    }

    /// Retirement age that applies to the holder (særaldersgrense or the general one).
    pub(super) fn retirement_age(self) -> u32 {
        self.formal()
            .and_then(|f| f.retirement_age)
            .unwrap_or(super::RETIREMENT_AGE)
    }

    /// Index into [`LEVELS`].
    pub(super) fn level(self) -> usize {
        let name = self.formal().map_or("none", |f| f.level);
        LEVELS.iter().position(|l| *l == name).unwrap_or(0)
    }

    /// Høyskoleutdannet (bachelor or higher).
    pub(super) fn is_college(self) -> bool {
        self.level() >= 3
    }
}

/// Education levels in the order of the format (`EduLevel`).
pub(super) const LEVELS: [&str; 6] = [
    "none",
    "upper_secondary",
    "vocational",
    "bachelor",
    "master",
    "doctorate",
];

/// A formal competence of the plan.
pub(super) struct Formal {
    pub id: &'static str,
    pub name: &'static str,
    pub level: &'static str,
    pub styrk: Option<&'static str>,
    pub retirement_age: Option<u32>,
    pub description: &'static str,
}

const fn formal(
    id: &'static str,
    name: &'static str,
    level: &'static str,
    styrk: Option<&'static str>,
    retirement_age: Option<u32>,
    description: &'static str,
) -> Formal {
    Formal {
        id,
        name,
        level,
        styrk,
        retirement_age,
        description,
    }
}

#[rustfmt::skip]
pub(super) const FORMAL: [Formal; 9] = [
    formal("sykepleier", "Sykepleier", "bachelor", Some("2223"), Some(65), "Autorisert sykepleier (HPR: SP)."),
    formal("spesialsykepleier", "Spesialsykepleier", "master", Some("2221"), Some(65), "Sykepleier med videreutdanning eller master, f.eks. geriatri, psykisk helse eller kreftsykepleie."),
    formal("vernepleier", "Vernepleier", "bachelor", Some("2224"), Some(65), "Autorisert vernepleier (HPR: VP)."),
    formal("helsefagarbeider", "Helsefagarbeider", "upper_secondary", Some("5321"), Some(65), "Fagbrev i helsearbeiderfaget (HPR: HF)."),
    formal("hjelpepleier", "Hjelpepleier", "upper_secondary", Some("5321"), Some(65), "Autorisert hjelpepleier (HPR: HP), utdanning før 2006."),
    formal("omsorgsarbeider", "Omsorgsarbeider", "upper_secondary", Some("5321"), Some(65), "Autorisert omsorgsarbeider (HPR: OA), utdanning før 2006."),
    formal("ergoterapeut", "Ergoterapeut", "bachelor", Some("2267"), None, "Autorisert ergoterapeut (HPR: ET)."),
    formal("fysioterapeut", "Fysioterapeut", "bachelor", Some("2264"), None, "Autorisert fysioterapeut (HPR: FT)."),
    formal("helseledelse", "Videreutdanning i helseledelse", "master", None, None, "Lederutdanning for ledere i helse og omsorg."),
];

/// A real competence area (realkompetanse) and its typical self-assessed level
/// by kind of unit (HOS, hjemme, tilrettelagt).
pub(super) struct Real {
    pub id: &'static str,
    pub name: &'static str,
    pub dimension: &'static str,
    pub mean: [f64; 3],
    /// Whether a health-college education lifts the level noticeably.
    pub clinical: bool,
    pub description: &'static str,
}

const fn real(
    id: &'static str,
    name: &'static str,
    dimension: &'static str,
    mean: [f64; 3],
    clinical: bool,
    description: &'static str,
) -> Real {
    Real {
        id,
        name,
        dimension,
        mean,
        clinical,
        description,
    }
}

#[rustfmt::skip]
pub(super) const REAL: [Real; 15] = [
    real("demensomsorg", "Demensomsorg", "knowledge", [2.7, 2.5, 2.0], false, "Kunnskap om demens, personsentrert omsorg og miljøbehandling."),
    real("palliasjon", "Palliasjon og omsorg ved livets slutt", "knowledge", [2.5, 2.3, 1.7], true, "Lindrende behandling, symptomlindring og samtaler med pårørende."),
    real("legemiddelhandtering", "Legemiddelhåndtering", "skill", [2.8, 2.9, 2.6], true, "Trygg utdeling, dokumentasjon og observasjon av virkning og bivirkning."),
    real("velferdsteknologi", "Velferdsteknologi og digital kompetanse", "skill", [2.1, 2.5, 2.2], false, "Digitalt tilsyn, medisindispensere, trygghetsalarm og e-læring."),
    real("etisk-refleksjon", "Etisk refleksjon", "attitude", [2.6, 2.5, 2.8], false, "Jevnlig refleksjon over etiske dilemmaer i hverdagen."),
    real("kunnskapsbasert-praksis", "Kunnskapsbasert praksis", "knowledge", [2.1, 2.2, 2.3], true, "Å søke, vurdere og bruke forskning sammen med erfaring og brukerens ønsker."),
    real("klinisk-observasjon", "Kliniske observasjoner (NEWS2)", "skill", [2.6, 2.7, 2.1], true, "Systematisk observasjon og tidlig oppdagelse av forverret tilstand."),
    real("hverdagsrehabilitering", "Hverdagsrehabilitering", "skill", [2.0, 2.5, 1.9], false, "Tverrfaglig trening i hverdagsaktiviteter hjemme hos brukeren."),
    real("psykisk-helse-rus", "Psykisk helse og rus", "knowledge", [2.1, 2.3, 2.6], false, "Psykiske lidelser og rusproblemer, også hos eldre."),
    real("miljoterapi", "Miljøterapi og miljøbehandling", "skill", [2.2, 1.9, 2.8], false, "Tilrettelegging av omgivelser og aktiviteter som behandling."),
    real("tvang-og-makt", "Forebygging av tvang og makt", "knowledge", [2.2, 2.0, 2.9], false, "Helse- og omsorgstjenesteloven kap. 9 og pasient- og brukerrettighetsloven kap. 4A."),
    real("ernaering", "Ernæring", "knowledge", [2.5, 2.4, 2.3], false, "Kartlegging av ernæringsstatus og forebygging av underernæring."),
    real("sarbehandling", "Sårbehandling", "skill", [2.4, 2.6, 1.6], true, "Vurdering og behandling av kroniske sår og trykksår."),
    real("smittevern", "Smittevern og hygiene", "knowledge", [2.9, 2.8, 2.6], false, "Basale smittevernrutiner, utbruddshåndtering og hygienekontakter."),
    real("veiledning", "Veiledning av studenter, lærlinger og nyansatte", "ability", [2.3, 2.3, 2.4], false, "Praksisveiledning og opplæring av nye kolleger."),
];
