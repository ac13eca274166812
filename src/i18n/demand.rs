//! The words of demand drivers and scenarios: the drivers' table of `plan
//! analyse`, `plan analyse --compare`, and the report's population and
//! scenario sections, one catalogue per language.
//!
//! In: nothing (constants). Out: [`DemandMessages`], reached through
//! [`super::Lang::demand`]. Templates hold `{key}`s filled with [`super::fill`].

use super::Lang;

#[derive(Debug)]
pub struct DemandMessages {
    /// Title of the drivers' table.
    pub drivers_title: &'static str,
    pub driver: &'static str,
    pub year: &'static str,
    /// D(y).
    pub users: &'static str,
    /// G(y).
    pub index: &'static str,
    /// "{file}", "{alternative}".
    pub drivers_note: &'static str,
    /// "{id}", "{title}": the header line of a scenario's analysis.
    pub scenario_line: &'static str,
    /// "{set}": the `--set` overrides.
    pub set_line: &'static str,
    pub compare_title: &'static str,
    /// "{from}", "{to}".
    pub compare_period: &'static str,
    pub scenario: &'static str,
    pub position: &'static str,
    pub positions_title: &'static str,
    pub required: &'static str,
    pub available: &'static str,
    pub need: &'static str,
    pub mobilise: &'static str,
    pub develop: &'static str,
    pub acquire: &'static str,
    pub surplus: &'static str,
    /// Report, step 3: heading of the population section.
    pub population_heading: &'static str,
    /// "{file}", "{region}", "{alternative}", "{from}", "{to}".
    pub population_intro: &'static str,
    pub band: &'static str,
    pub rate: &'static str,
    /// "{year}": persons in the band in that year.
    pub persons_in: &'static str,
    /// "{driver}", "{from}", "{to}", "{index}", "{growth}".
    pub driver_growth: &'static str,
    /// Figure caption: "{driver}".
    pub figure_population: &'static str,
    /// Report, step 5: heading of the scenarios section.
    pub scenarios_heading: &'static str,
    pub scenarios_intro: &'static str,
    /// "{title}", "{id}": a scenario's sentence starts so.
    pub scenario_sentence: &'static str,
    /// "{alternative}".
    pub uses_alternative: &'static str,
    /// "{value}".
    pub uses_turnover: &'static str,
    /// "{value}".
    pub uses_retirement: &'static str,
    /// "{value}".
    pub uses_efficiency: &'static str,
    pub uses_rates: &'static str,
    pub as_the_plan: &'static str,
    /// "{year}".
    pub need_in: &'static str,
    pub figure_scenarios: &'static str,
    /// Axis of the population figure.
    pub residents: &'static str,
    /// The title of scenario `basis`, the plan itself.
    pub basis: &'static str,
    /// Report, step 3: "{value}": the assumption `efficiency`.
    pub efficiency_note: &'static str,
}

const NB: DemandMessages = DemandMessages {
    drivers_title: "Etterspørselsdrivere",
    driver: "Driver",
    year: "År",
    users: "Brukere D(y)",
    index: "Indeks G(y)",
    drivers_note: "Befolkningsframskriving: {file}, alternativ {alternative}. G(y) = D(y) / D(basisår).",
    scenario_line: "Scenario: {title} ({id})",
    set_line: "Endret: {set}",
    compare_title: "Scenarier side om side",
    compare_period: "Periode {from}–{to}, årsverk",
    scenario: "Scenario",
    position: "Stilling",
    positions_title: "Per stillingstittel",
    required: "Krav",
    available: "Tilgjengelig",
    need: "Behov",
    mobilise: "Mobilisere",
    develop: "Utvikle",
    acquire: "Anskaffe",
    surplus: "Overskudd",
    population_heading: "Befolkningsutvikling og etterspørsel",
    population_intro: "Behovet for tjenester bygger på SSBs befolkningsframskriving ({file}, region {region}, alternativ {alternative}) for {from}–{to}, med dekningsgrader per aldersgruppe.",
    band: "Aldersgruppe",
    rate: "Dekningsgrad",
    persons_in: "Innbyggere {year}",
    driver_growth: "{driver}: brukere fra {from} til {to} gir indeks {index}, det samme som en årlig vekst på {growth}.",
    figure_population: "Innbyggere per aldersgruppe, {driver}",
    scenarios_heading: "Scenarier",
    scenarios_intro: "Analysen er gjort under flere mulige framtider. Tabellen viser samlet behov per år i hvert scenario.",
    scenario_sentence: "{title} ({id})",
    uses_alternative: "befolkningsalternativ {alternative}",
    uses_turnover: "turnover {value}",
    uses_retirement: "pensjonsalder {value}",
    uses_efficiency: "årlig effektivisering {value}",
    uses_rates: "egne dekningsgrader",
    as_the_plan: "planens egne forutsetninger",
    need_in: "Behov {year}",
    figure_scenarios: "Behov (årsverk) per år i hvert scenario",
    residents: "Innbyggere",
    basis: "Planen",
    efficiency_note: "Planen regner med en årlig effektivisering på {value} ved innovasjon og velferdsteknologi: kravet i hver bemanningslinje er ganget med (1 − {value}) for hvert år etter basisåret.",
};

const NN: DemandMessages = DemandMessages {
    drivers_title: "Etterspurnadsdrivarar",
    driver: "Drivar",
    year: "År",
    users: "Brukarar D(y)",
    index: "Indeks G(y)",
    drivers_note: "Befolkningsframskriving: {file}, alternativ {alternative}. G(y) = D(y) / D(basisår).",
    scenario_line: "Scenario: {title} ({id})",
    set_line: "Endra: {set}",
    compare_title: "Scenario side om side",
    compare_period: "Periode {from}–{to}, årsverk",
    scenario: "Scenario",
    position: "Stilling",
    positions_title: "Per stillingstittel",
    required: "Krav",
    available: "Tilgjengeleg",
    need: "Behov",
    mobilise: "Mobilisere",
    develop: "Utvikle",
    acquire: "Skaffe",
    surplus: "Overskot",
    population_heading: "Befolkningsutvikling og etterspurnad",
    population_intro: "Behovet for tenester byggjer på befolkningsframskrivinga til SSB ({file}, region {region}, alternativ {alternative}) for {from}–{to}, med dekningsgrader per aldersgruppe.",
    band: "Aldersgruppe",
    rate: "Dekningsgrad",
    persons_in: "Innbyggjarar {year}",
    driver_growth: "{driver}: brukarar frå {from} til {to} gir indeks {index}, det same som ein årleg vekst på {growth}.",
    figure_population: "Innbyggjarar per aldersgruppe, {driver}",
    scenarios_heading: "Scenario",
    scenarios_intro: "Analysen er gjord under fleire moglege framtider. Tabellen viser samla behov per år i kvart scenario.",
    scenario_sentence: "{title} ({id})",
    uses_alternative: "befolkningsalternativ {alternative}",
    uses_turnover: "turnover {value}",
    uses_retirement: "pensjonsalder {value}",
    uses_efficiency: "årleg effektivisering {value}",
    uses_rates: "eigne dekningsgrader",
    as_the_plan: "føresetnadene i planen",
    need_in: "Behov {year}",
    figure_scenarios: "Behov (årsverk) per år i kvart scenario",
    residents: "Innbyggjarar",
    basis: "Planen",
    efficiency_note: "Planen reknar med ei årleg effektivisering på {value} gjennom innovasjon og velferdsteknologi: kravet i kvar bemanningslinje er gonga med (1 − {value}) for kvart år etter basisåret.",
};

const EN: DemandMessages = DemandMessages {
    drivers_title: "Demand drivers",
    driver: "Driver",
    year: "Year",
    users: "Users D(y)",
    index: "Index G(y)",
    drivers_note: "Population projection: {file}, alternative {alternative}. G(y) = D(y) / D(base year).",
    scenario_line: "Scenario: {title} ({id})",
    set_line: "Changed: {set}",
    compare_title: "Scenarios side by side",
    compare_period: "Period {from}–{to}, FTE",
    scenario: "Scenario",
    position: "Position",
    positions_title: "Per position title",
    required: "Required",
    available: "Available",
    need: "Need",
    mobilise: "Mobilise",
    develop: "Develop",
    acquire: "Acquire",
    surplus: "Surplus",
    population_heading: "Population and demand",
    population_intro: "Demand for services rests on Statistics Norway's population projection ({file}, region {region}, alternative {alternative}) for {from}–{to}, with user rates per age band.",
    band: "Age band",
    rate: "User rate",
    persons_in: "Residents {year}",
    driver_growth: "{driver}: users from {from} to {to} give an index of {index}, the same as an annual growth of {growth}.",
    figure_population: "Residents per age band, {driver}",
    scenarios_heading: "Scenarios",
    scenarios_intro: "The analysis is run under several possible futures. The table shows the total need per year in each scenario.",
    scenario_sentence: "{title} ({id})",
    uses_alternative: "population alternative {alternative}",
    uses_turnover: "turnover {value}",
    uses_retirement: "retirement age {value}",
    uses_efficiency: "annual efficiency gain {value}",
    uses_rates: "its own user rates",
    as_the_plan: "the plan's own assumptions",
    need_in: "Need {year}",
    figure_scenarios: "Need (FTE) per year in each scenario",
    residents: "Residents",
    basis: "The plan",
    efficiency_note: "The plan assumes an annual efficiency gain of {value} from innovation and welfare technology: the requirement of every capacity line is multiplied by (1 − {value}) for each year after the base year.",
};

impl Lang {
    /// The words of demand drivers and scenarios.
    pub fn demand(self) -> &'static DemandMessages {
        match self {
            Lang::Nb => &NB,
            Lang::Nn => &NN,
            Lang::En => &EN,
        }
    }
}
