//! The words of `plan diff`, of the report's "changes since the last
//! revision", and of measure statuses, one catalogue per language.
//!
//! In: nothing (constants). Out: [`DiffMessages`], reached through
//! [`super::Lang::diff`]. Templates hold `{key}`s filled with [`super::fill`].

use crate::model::MeasureStatus;

use super::Lang;

#[derive(Debug)]
pub struct DiffMessages {
    /// "{old}", "{new}".
    pub title: &'static str,
    /// "{unit}".
    pub unit_only: &'static str,
    pub no_changes: &'static str,
    pub h_summary: &'static str,
    /// "{changed}", "{added}", "{removed}".
    pub summary_plan: &'static str,
    pub summary_plan_none: &'static str,
    pub summary_data_none: &'static str,
    /// "{from}", "{to}": the years both cover.
    pub summary_need: &'static str,
    pub summary_need_none: &'static str,
    pub summary_no_years: &'static str,
    pub h_plan: &'static str,
    pub h_assumptions: &'static str,
    pub h_data: &'static str,
    /// "{from}", "{to}".
    pub h_analysis: &'static str,
    pub h_capacity: &'static str,
    pub h_capacity_totals: &'static str,
    pub h_quality: &'static str,
    pub h_quality_totals: &'static str,
    pub h_workforce: &'static str,
    pub h_indicators: &'static str,
    pub h_measures: &'static str,
    pub added: &'static str,
    pub removed: &'static str,
    pub changed: &'static str,
    pub col_change: &'static str,
    pub col_what: &'static str,
    pub col_key: &'static str,
    pub col_old: &'static str,
    pub col_new: &'static str,
    pub col_delta: &'static str,
    pub col_figure: &'static str,
    pub col_year: &'static str,
    pub hidden: &'static str,
    pub hidden_note: &'static str,
    pub none: &'static str,
    /// plan, competence, unit, capacity, quality, goal, measure, indicator.
    pub kinds: [&'static str; 8],
    /// staff, survey.
    pub data_kinds: [&'static str; 2],
    /// planned, ongoing, done, cancelled.
    pub statuses: [&'static str; 4],
    /// required, available, need, mobilise, develop, acquire, surplus.
    pub figures: [&'static str; 7],
    /// headcount, fte, mean_age, part_time_share, mean_percent,
    /// education_headcount, education_fte.
    pub workforce: [&'static str; 7],
    pub target: &'static str,
    pub met: &'static str,
    pub observed: &'static str,
    pub value: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    // the report's step 7
    pub h_measures_report: &'static str,
    pub col_measure: &'static str,
    pub col_status: &'static str,
    pub col_latest: &'static str,
    pub col_participants: &'static str,
    pub col_observed: &'static str,
    pub col_projected: &'static str,
    pub h_not_evaluable: &'static str,
    pub not_evaluable_intro: &'static str,
    pub h_since: &'static str,
    /// "{rev}".
    pub since_intro: &'static str,
}

pub static NB: DiffMessages = DiffMessages {
    title: "Endringer fra {old} til {new}",
    unit_only: "Bare enheten {unit}.",
    no_changes: "Ingen endringer.",
    h_summary: "Sammendrag",
    summary_plan: "Planfilene: {changed} endret, {added} lagt til, {removed} fjernet.",
    summary_plan_none: "Planfilene er uendret.",
    summary_data_none: "Dataene (bemanningsoversikt og kartlegging) er uendret.",
    summary_need: "De største endringene i behov (årsverk), {from}–{to}:",
    summary_need_none: "Behovet (årsverk) er uendret.",
    summary_no_years: "De to revisjonene har ingen år felles, så analysen sammenlignes ikke.",
    h_plan: "Endringer i planen",
    h_assumptions: "Forutsetninger",
    h_data: "Endringer i dataene",
    h_analysis: "Endringer i analysen {from}–{to}",
    h_capacity: "Bemanning (årsverk)",
    h_capacity_totals: "Bemanning per kompetanse (årsverk)",
    h_quality: "Kvalitetskrav (personer)",
    h_quality_totals: "Kvalitetskrav samlet (personer)",
    h_workforce: "Nøkkeltall for de ansatte",
    h_indicators: "Indikatorer",
    h_measures: "Status for tiltak",
    added: "lagt til",
    removed: "fjernet",
    changed: "endret",
    col_change: "Endring",
    col_what: "Hva",
    col_key: "Felt",
    col_old: "Før",
    col_new: "Nå",
    col_delta: "Endring",
    col_figure: "Tall",
    col_year: "År",
    hidden: "skjult",
    hidden_note:
        "«skjult»: for få svar eller ansatte i minst én av revisjonene til at tallet kan vises.",
    none: "–",
    kinds: [
        "plan",
        "kompetanse",
        "enhet",
        "bemanningsplan",
        "kvalitetskrav",
        "hovedmål",
        "tiltak",
        "indikator",
    ],
    data_kinds: ["bemanningsoversikten", "kartleggingen"],
    statuses: ["planlagt", "pågår", "gjennomført", "avlyst"],
    figures: [
        "krav",
        "tilgjengelig",
        "behov",
        "mobilisere",
        "utvikle",
        "anskaffe",
        "overskudd",
    ],
    workforce: [
        "ansatte",
        "årsverk",
        "gjennomsnittsalder",
        "andel deltid",
        "gjennomsnittlig stillingsprosent",
        "ansatte med utdanningsnivå",
        "årsverk med utdanningsnivå",
    ],
    target: "mål",
    met: "nås",
    observed: "målt",
    value: "verdi",
    yes: "ja",
    no: "nei",
    h_measures_report: "Gjennomføring av tiltakene",
    col_measure: "Tiltak",
    col_status: "Status",
    col_latest: "Siste oppfølging",
    col_participants: "Deltakere",
    col_observed: "Målt",
    col_projected: "Framskrevet",
    h_not_evaluable: "Mål som ikke kan evalueres",
    not_evaluable_intro:
        "Ingen tiltak under disse målene har en indikator, så måloppnåelsen kan ikke vurderes:",
    h_since: "Endringer siden forrige rullering",
    since_intro: "Sammenlignet med planen slik den var i {rev}.",
};

pub static EN: DiffMessages = DiffMessages {
    title: "Changes from {old} to {new}",
    unit_only: "Unit {unit} only.",
    no_changes: "No changes.",
    h_summary: "Summary",
    summary_plan: "Plan files: {changed} changed, {added} added, {removed} removed.",
    summary_plan_none: "The plan files are unchanged.",
    summary_data_none: "The data (roster and survey) are unchanged.",
    summary_need: "The largest changes in need (FTE), {from}–{to}:",
    summary_need_none: "The need (FTE) is unchanged.",
    summary_no_years: "The two revisions share no year, so the analysis is not compared.",
    h_plan: "Changes in the plan",
    h_assumptions: "Assumptions",
    h_data: "Changes in the data",
    h_analysis: "Changes in the analysis {from}–{to}",
    h_capacity: "Capacity (FTE)",
    h_capacity_totals: "Capacity by competence (FTE)",
    h_quality: "Quality requirements (persons)",
    h_quality_totals: "Quality requirements in total (persons)",
    h_workforce: "Workforce key figures",
    h_indicators: "Indicators",
    h_measures: "Measure status",
    added: "added",
    removed: "removed",
    changed: "changed",
    col_change: "Change",
    col_what: "What",
    col_key: "Key",
    col_old: "Before",
    col_new: "Now",
    col_delta: "Change",
    col_figure: "Figure",
    col_year: "Year",
    hidden: "hidden",
    hidden_note:
        "“hidden”: too few answers or staff in at least one of the revisions to show the figure.",
    none: "–",
    kinds: [
        "plan",
        "competence",
        "unit",
        "capacity line",
        "quality line",
        "goal",
        "measure",
        "indicator",
    ],
    data_kinds: ["the roster", "the survey"],
    statuses: ["planned", "ongoing", "done", "cancelled"],
    figures: [
        "required",
        "available",
        "need",
        "mobilise",
        "develop",
        "acquire",
        "surplus",
    ],
    workforce: [
        "headcount",
        "FTE",
        "mean age",
        "part-time share",
        "mean position percent",
        "headcount by education level",
        "FTE by education level",
    ],
    target: "target",
    met: "met",
    observed: "observed",
    value: "value",
    yes: "yes",
    no: "no",
    h_measures_report: "Carrying out the measures",
    col_measure: "Measure",
    col_status: "Status",
    col_latest: "Latest follow-up",
    col_participants: "Participants",
    col_observed: "Observed",
    col_projected: "Projected",
    h_not_evaluable: "Goals that cannot be evaluated",
    not_evaluable_intro: "No measure under these goals has an indicator, so whether they are reached cannot be judged:",
    h_since: "Changes since the last revision",
    since_intro: "Compared with the plan as it was in {rev}.",
};

impl Lang {
    /// The words of `plan diff`.
    pub fn diff(self) -> &'static DiffMessages {
        match self {
            Lang::Nb => &NB,
            Lang::En => &EN,
        }
    }

    /// A measure status in this language (planlagt, pågår, gjennomført, avlyst).
    pub fn status(self, s: MeasureStatus) -> &'static str {
        let i = MeasureStatus::ALL.iter().position(|&x| x == s).unwrap_or(0);
        self.diff().statuses.get(i).copied().unwrap_or("")
    }
}
