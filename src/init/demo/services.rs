//! The three kinds of unit in the demo municipality: helse- og
//! omsorgssentre, hjemmetjenester and tilrettelagte tjenester.
//!
//! In: nothing (constant tables). Out: for each kind its positions (the
//! bemanningsplan lines), its education mix, its quality requirements and the
//! names its units get.

use super::catalog::Edu;

/// Kind of unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Service {
    /// Helse- og omsorgssenter (sykehjem).
    Hos,
    /// Helsetjenester i hjemmet.
    Hjemme,
    /// Tilrettelagte tjenester (bofellesskap for personer med utviklingshemming).
    Tilrettelagt,
}

/// The kinds in the order units are created: two in five are nursing homes,
/// two in five home care, one in five tilrettelagte tjenester.
pub(super) const CYCLE: [Service; 5] = [
    Service::Hos,
    Service::Hjemme,
    Service::Tilrettelagt,
    Service::Hos,
    Service::Hjemme,
];

/// A bemanningsplan line every unit of a kind has.
pub(super) struct Position {
    pub id: &'static str,
    pub title: &'static str,
    pub accepts: &'static [&'static str],
    pub styrk: &'static str,
    /// Whether the line grows with its service's demand driver (demand.toml); the
    /// value is the flat growth rate the demo used before drivers, kept for reference.
    pub growth: Option<f64>,
    /// Required FTE above the FTE in post (vacancies), as a fraction.
    pub vacancy: (f64, f64),
    /// Required FTE when nobody holds the position today.
    pub minimum: f64,
}

/// A quality requirement every unit of a kind has.
pub(super) struct Quality {
    pub competence: &'static str,
    pub min_level: u8,
    pub amount: Amount,
}

pub(super) enum Amount {
    Share(&'static str),
    Count(u32),
}

const SYKEPLEIER: Position = Position {
    id: "sykepleier",
    title: "Sykepleier",
    accepts: &["sykepleier", "spesialsykepleier"],
    styrk: "2223",
    growth: Some(0.02),
    vacancy: (0.04, 0.12),
    minimum: 1.0,
};
const SPESIAL: Position = Position {
    id: "spesialsykepleier",
    title: "Spesialsykepleier / fagutviklingssykepleier",
    accepts: &["spesialsykepleier"],
    styrk: "2221",
    growth: None,
    vacancy: (0.1, 0.4),
    minimum: 1.0,
};
const FAGARBEIDER: Position = Position {
    id: "helsefagarbeider",
    title: "Helsefagarbeider",
    accepts: &[
        "helsefagarbeider",
        "hjelpepleier",
        "omsorgsarbeider",
        "sykepleier",
    ],
    styrk: "5321",
    growth: Some(0.01),
    vacancy: (0.0, 0.03),
    minimum: 1.0,
};
const FYSIO: Position = Position {
    id: "fysioterapeut",
    title: "Fysioterapeut",
    accepts: &["fysioterapeut"],
    styrk: "2264",
    growth: None,
    vacancy: (0.0, 0.25),
    minimum: 0.5,
};
const HJEMME_SYKEPLEIER: Position = Position {
    accepts: &["sykepleier", "spesialsykepleier", "vernepleier"],
    growth: Some(0.03),
    ..SYKEPLEIER
};
const HJEMME_FAGARBEIDER: Position = Position {
    growth: Some(0.02),
    ..FAGARBEIDER
};
const ERGO: Position = Position {
    id: "ergoterapeut",
    title: "Ergoterapeut",
    accepts: &["ergoterapeut"],
    styrk: "2267",
    growth: Some(0.03),
    vacancy: (0.0, 0.25),
    minimum: 0.5,
};
const HJEMME_FYSIO: Position = Position {
    growth: Some(0.03),
    ..FYSIO
};
const VERNEPLEIER: Position = Position {
    id: "vernepleier",
    title: "Vernepleier / miljøterapeut",
    accepts: &["vernepleier", "sykepleier"],
    styrk: "2224",
    growth: Some(0.01),
    vacancy: (0.04, 0.12),
    minimum: 1.0,
};
const MILJOARBEIDER: Position = Position {
    id: "miljoarbeider",
    title: "Miljøarbeider",
    accepts: &[
        "helsefagarbeider",
        "omsorgsarbeider",
        "hjelpepleier",
        "vernepleier",
    ],
    styrk: "5321",
    growth: None,
    vacancy: (0.0, 0.03),
    minimum: 1.0,
};

const fn share(competence: &'static str, min_level: u8, share: &'static str) -> Quality {
    Quality {
        competence,
        min_level,
        amount: Amount::Share(share),
    }
}

const fn count(competence: &'static str, min_level: u8, count: u32) -> Quality {
    Quality {
        competence,
        min_level,
        amount: Amount::Count(count),
    }
}

const HOS_QUALITY: [Quality; 10] = [
    share("demensomsorg", 3, "0.6"),
    share("palliasjon", 3, "0.4"),
    share("legemiddelhandtering", 4, "0.3"),
    share("klinisk-observasjon", 3, "0.5"),
    share("etisk-refleksjon", 3, "0.6"),
    share("kunnskapsbasert-praksis", 3, "0.3"),
    share("ernaering", 3, "0.4"),
    count("sarbehandling", 5, 3),
    count("smittevern", 5, 2),
    count("veiledning", 4, 8),
];
const HJEMME_QUALITY: [Quality; 10] = [
    share("velferdsteknologi", 3, "0.5"),
    share("hverdagsrehabilitering", 3, "0.4"),
    share("legemiddelhandtering", 4, "0.4"),
    share("demensomsorg", 3, "0.4"),
    share("palliasjon", 3, "0.3"),
    share("klinisk-observasjon", 3, "0.5"),
    share("psykisk-helse-rus", 3, "0.3"),
    count("sarbehandling", 5, 4),
    count("smittevern", 5, 2),
    count("veiledning", 4, 8),
];
const TT_QUALITY: [Quality; 7] = [
    share("miljoterapi", 3, "0.6"),
    share("tvang-og-makt", 3, "0.7"),
    share("etisk-refleksjon", 3, "0.7"),
    share("psykisk-helse-rus", 3, "0.4"),
    share("legemiddelhandtering", 4, "0.3"),
    share("velferdsteknologi", 3, "0.3"),
    count("veiledning", 4, 6),
];

impl Service {
    /// The unit's bemanningsplan lines.
    /// The demand driver (demand.toml) of the kind's growing lines.
    pub(super) fn driver(self) -> &'static str {
        match self {
            Service::Hos => "sykehjem",
            Service::Hjemme => "hjemmetjeneste",
            Service::Tilrettelagt => "tilrettelagt",
        }
    }

    pub(super) fn positions(self) -> &'static [Position] {
        match self {
            Service::Hos => &[SYKEPLEIER, SPESIAL, FAGARBEIDER, FYSIO],
            Service::Hjemme => &[
                HJEMME_SYKEPLEIER,
                SPESIAL,
                HJEMME_FAGARBEIDER,
                ERGO,
                HJEMME_FYSIO,
            ],
            Service::Tilrettelagt => &[VERNEPLEIER, MILJOARBEIDER],
        }
    }

    /// Education mix of the staff (per mille of heads).
    pub(super) fn education_mix(self) -> &'static [(Edu, u32)] {
        match self {
            Service::Hos => &[
                (Edu::Sykepleier, 340),
                (Edu::Spesialsykepleier, 30),
                (Edu::Helsefagarbeider, 265),
                (Edu::Hjelpepleier, 60),
                (Edu::Omsorgsarbeider, 20),
                (Edu::Fysioterapeut, 15),
                (Edu::None, 270),
            ],
            Service::Hjemme => &[
                (Edu::Sykepleier, 310),
                (Edu::Spesialsykepleier, 35),
                (Edu::Vernepleier, 20),
                (Edu::Helsefagarbeider, 280),
                (Edu::Hjelpepleier, 60),
                (Edu::Omsorgsarbeider, 20),
                (Edu::Ergoterapeut, 25),
                (Edu::Fysioterapeut, 25),
                (Edu::None, 225),
            ],
            Service::Tilrettelagt => &[
                (Edu::Vernepleier, 300),
                (Edu::Sykepleier, 50),
                (Edu::Helsefagarbeider, 200),
                (Edu::Omsorgsarbeider, 50),
                (Edu::Hjelpepleier, 20),
                (Edu::None, 380),
            ],
        }
    }

    /// The unit's real-competence requirements.
    pub(super) fn quality(self) -> &'static [Quality] {
        match self {
            Service::Hos => &HOS_QUALITY,
            Service::Hjemme => &HJEMME_QUALITY,
            Service::Tilrettelagt => &TT_QUALITY,
        }
    }

    /// Index into the per-kind columns of the competence tables.
    pub(super) fn index(self) -> usize {
        match self {
            Service::Hos => 0,
            Service::Hjemme => 1,
            Service::Tilrettelagt => 2,
        }
    }

    /// The `service` text of a unit.
    pub(super) fn text(self) -> &'static str {
        match self {
            Service::Hos => "Helse- og omsorgssenter (sykehjem)",
            Service::Hjemme => "Helsetjenester i hjemmet",
            Service::Tilrettelagt => "Tilrettelagte tjenester (bofellesskap)",
        }
    }

    /// The position a person of this education holds, given a uniform draw in [0, 1).
    pub(super) fn position_for(self, edu: Edu, draw: f64) -> &'static str {
        match (self, edu) {
            (Service::Tilrettelagt, Edu::Vernepleier) if draw < 0.1 => "miljoarbeider",
            (
                Service::Tilrettelagt,
                Edu::Vernepleier | Edu::Sykepleier | Edu::Spesialsykepleier,
            ) => "vernepleier",
            (Service::Tilrettelagt, _) => "miljoarbeider",
            (_, Edu::Sykepleier) if draw < 0.05 => "helsefagarbeider",
            (_, Edu::Sykepleier | Edu::Vernepleier) => "sykepleier",
            (_, Edu::Spesialsykepleier) if draw < 0.45 => "sykepleier",
            (_, Edu::Spesialsykepleier) => "spesialsykepleier",
            (Service::Hjemme, Edu::Ergoterapeut) => "ergoterapeut",
            (_, Edu::Fysioterapeut) => "fysioterapeut",
            _ => "helsefagarbeider",
        }
    }
}
