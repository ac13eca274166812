//! The validated plan: what every stage after `validate` works on.
//!
//! In: produced only by [`crate::validate`], which guarantees that every
//! reference resolves, every number is in range, and collections are sorted
//! (so results never depend on file order or how the plan is split into files).
//! Out: read by the analysis, the checks, the report and the demo generator.

pub mod demand;
pub mod raw;
pub mod raw_data;
pub mod raw_workload;
pub mod workload;

pub use demand::{Ages, Band, Driver, Population, Scenario};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::source::Loc;

/// Utdanningsnivå: education level of a formal competence (NUS2000's first digit).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum EduLevel {
    /// Ingen: no formal education (ufaglært); the level of staff with an empty `education`.
    None,
    /// Videregående opplæring (NUS 4), e.g. fagbrev helsefagarbeider, hjelpepleier.
    UpperSecondary,
    /// Fagskole (NUS 5), høyere yrkesfaglig utdanning.
    Vocational,
    /// Bachelor, høyskole (NUS 6), e.g. sykepleier, vernepleier.
    Bachelor,
    /// Mastergrad (NUS 7).
    Master,
    /// Doktorgrad (NUS 8).
    Doctorate,
}

impl EduLevel {
    pub const ALL: [EduLevel; 6] = [
        EduLevel::None,
        EduLevel::UpperSecondary,
        EduLevel::Vocational,
        EduLevel::Bachelor,
        EduLevel::Master,
        EduLevel::Doctorate,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EduLevel::None => "none",
            EduLevel::UpperSecondary => "upper_secondary",
            EduLevel::Vocational => "vocational",
            EduLevel::Bachelor => "bachelor",
            EduLevel::Master => "master",
            EduLevel::Doctorate => "doctorate",
        }
    }
}

/// Dimensjon: dimension of a real competence (KS: kunnskaper, ferdigheter, holdninger, evner).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// Kunnskaper: knowledge.
    Knowledge,
    /// Ferdigheter: skills.
    Skill,
    /// Holdninger: attitudes.
    Attitude,
    /// Evner: abilities.
    Ability,
}

/// Kompetansestrategi: competence strategy of a measure (KS step 6).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Strategy {
    /// Mobilisere: use the competence we have better.
    Mobilise,
    /// Utvikle: learning and development of own staff.
    Develop,
    /// Rekruttere/anskaffe: recruit or obtain through cooperation.
    Acquire,
    /// Avvikle: phase out or retrain surplus competence.
    PhaseOut,
}

impl Strategy {
    pub const ALL: [Strategy; 4] = [
        Strategy::Mobilise,
        Strategy::Develop,
        Strategy::Acquire,
        Strategy::PhaseOut,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Strategy::Mobilise => "mobilise",
            Strategy::Develop => "develop",
            Strategy::Acquire => "acquire",
            Strategy::PhaseOut => "phase_out",
        }
    }
}

/// Læringsarena: learning arena of a measure.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Arena {
    /// Læring i arbeid: guidance, shadowing, reflection in daily work.
    InWork,
    /// Læring på arbeid: courses and meetings at the workplace.
    AtWork,
    /// Læring utenfor arbeid: further education.
    OutsideWork,
}

/// Status: where a measure stands (KS step 7, gjennomføring).
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum MeasureStatus {
    /// Planlagt: not started (the default).
    #[default]
    Planned,
    /// Pågår: under way.
    Ongoing,
    /// Gjennomført: carried out.
    Done,
    /// Avlyst: cancelled.
    Cancelled,
}

impl MeasureStatus {
    pub const ALL: [MeasureStatus; 4] = [
        MeasureStatus::Planned,
        MeasureStatus::Ongoing,
        MeasureStatus::Done,
        MeasureStatus::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MeasureStatus::Planned => "planned",
            MeasureStatus::Ongoing => "ongoing",
            MeasureStatus::Done => "done",
            MeasureStatus::Cancelled => "cancelled",
        }
    }

    /// Whether the measure is finished one way or the other.
    pub fn is_closed(self) -> bool {
        matches!(self, MeasureStatus::Done | MeasureStatus::Cancelled)
    }
}

/// Beregningsmåte: how a computed indicator is computed from the roster.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Utdanningsandel: share of FTE (årsverk) whose education level is in `levels`, among staff whose level is in `among`.
    EducationShare,
    /// Stillingsandel: share of staff (heads) with a stillingsprosent of at least `min_percent`.
    PositionShare,
}

impl Metric {
    pub fn as_str(self) -> &'static str {
        match self {
            Metric::EducationShare => "education_share",
            Metric::PositionShare => "position_share",
        }
    }
}

/// A calendar date from the plan (no time of day).
pub type Date = jiff::civil::Date;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: i32,
    pub to: i32,
}

impl Period {
    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        self.from..=self.to
    }
}

#[derive(Debug, Clone)]
pub struct PlanMeta {
    pub municipality: String,
    pub municipality_number: Option<String>,
    pub title: String,
    pub period: Period,
    pub base_year: i32,
    /// `None` while the plan is a draft (utkast).
    pub adopted: Option<Date>,
    pub last_revised: Option<Date>,
    pub owner: Option<String>,
    pub steering_group: Vec<String>,
    pub working_group: Vec<String>,
    pub user_participation: Vec<String>,
    pub anchoring: Vec<String>,
    pub loc: Option<Loc>,
    /// Location of `last_revised`, for the revision warning.
    pub last_revised_loc: Option<Loc>,
}

impl PlanMeta {
    /// The date the plan was last revised, or adopted; `None` for a draft.
    pub fn revised(&self) -> Option<Date> {
        self.last_revised.or(self.adopted)
    }

    /// A plan the kommunestyre has not adopted yet.
    pub fn is_draft(&self) -> bool {
        self.adopted.is_none()
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Assumptions {
    pub retirement_age: u32,
    pub turnover_rate: f64,
    pub min_group_size: u32,
    /// Årlig effektivisering: labour saved per year, −0.5..0.5.
    pub efficiency: f64,
}

impl Default for Assumptions {
    fn default() -> Self {
        Assumptions {
            retirement_age: 67,
            turnover_rate: 0.0,
            min_group_size: 5,
            efficiency: 0.0,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum CompetenceKind {
    Formal(EduLevel),
    Real(Dimension),
}

#[derive(Debug, Clone)]
pub struct Competence {
    pub id: String,
    pub name: String,
    pub kind: CompetenceKind,
    pub styrk: Option<String>,
    pub retirement_age: Option<u32>,
    pub trainable: bool,
    pub description: Option<String>,
    pub loc: Option<Loc>,
}

impl Competence {
    pub fn level(&self) -> Option<EduLevel> {
        match self.kind {
            CompetenceKind::Formal(l) => Some(l),
            CompetenceKind::Real(_) => None,
        }
    }

    pub fn is_formal(&self) -> bool {
        matches!(self.kind, CompetenceKind::Formal(_))
    }
}

#[derive(Debug, Clone)]
pub struct Unit {
    pub id: String,
    pub name: String,
    pub service: String,
    pub description: Option<String>,
    pub loc: Option<Loc>,
}

/// A bemanningsplan line.
#[derive(Debug, Clone)]
pub struct CapacityLine {
    pub unit: String,
    pub position: String,
    pub title: String,
    /// Required FTE in the base year; `None` when the line's requirement comes
    /// from the workload of the same (unit, position) (WISN).
    pub fte: Option<f64>,
    /// Accepted formal competences; never empty; the first is the primary one.
    pub accepts: Vec<String>,
    pub annual_growth: f64,
    /// The demand driver that grows the requirement instead of `annual_growth`.
    pub driver: Option<String>,
    pub styrk: Option<String>,
    pub loc: Option<Loc>,
}

impl CapacityLine {
    pub fn primary(&self) -> &str {
        self.accepts.first().map_or("", String::as_str)
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum QualityAmount {
    /// Share of headcount, kept as an exact decimal fraction `num / den`.
    Share {
        num: u64,
        den: u64,
    },
    Count(u32),
}

#[derive(Debug, Clone)]
pub struct QualityLine {
    pub unit: String,
    pub competence: String,
    pub min_level: u8,
    pub amount: QualityAmount,
    pub loc: Option<Loc>,
}

#[derive(Debug, Clone)]
pub struct Goal {
    pub id: String,
    pub title: String,
    pub strategies: Vec<String>,
    pub loc: Option<Loc>,
}

#[derive(Debug, Clone)]
pub struct Measure {
    pub id: String,
    pub goal: String,
    pub title: String,
    pub strategy: Strategy,
    pub competences: Vec<String>,
    /// `None` = all units.
    pub units: Option<Vec<String>>,
    pub responsible: Vec<String>,
    pub arena: Option<Arena>,
    pub start: i32,
    pub end: i32,
    pub cost_nok: Option<f64>,
    pub indicators: Vec<String>,
    /// The status now: the `status` of the file, or the status of the latest
    /// follow-up entry when that is dated after the plan's `last_revised`
    /// (the one place of that rule is `validate`).
    pub status: MeasureStatus,
    /// The `status` key as written (default `planned`).
    pub declared_status: MeasureStatus,
    /// Follow-up entries (oppfølging), sorted by date (stable).
    pub followup: Vec<FollowUp>,
    pub loc: Option<Loc>,
}

/// One follow-up entry of a measure (`[[measure.followup]]`).
#[derive(Debug, Clone, PartialEq)]
pub struct FollowUp {
    pub date: Date,
    pub status: MeasureStatus,
    /// Deltakere: how many took part, when counted.
    pub participants: Option<u32>,
    pub note: Option<String>,
}

impl Measure {
    pub fn applies_to_unit(&self, unit: &str) -> bool {
        self.units
            .as_ref()
            .is_none_or(|us| us.iter().any(|u| u == unit))
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Observation {
    pub year: i32,
    pub value: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Target {
    pub year: i32,
    pub min: Option<f64>,
    pub max: Option<f64>,
}

impl Target {
    pub fn is_met(&self, value: f64) -> bool {
        self.min.is_none_or(|m| value >= m) && self.max.is_none_or(|m| value <= m)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum IndicatorKind {
    EducationShare {
        levels: Vec<EduLevel>,
        /// `None` = all staff.
        among: Option<Vec<EduLevel>>,
        /// Values from official sources (KOSTRA, SSB), shown beside the projection.
        observed: Vec<Observation>,
    },
    PositionShare {
        min_percent: f64,
        /// Values from official sources, shown beside the projection.
        observed: Vec<Observation>,
    },
    Manual {
        unit: String,
        baseline: Option<Observation>,
        observed: Vec<Observation>,
    },
}

#[derive(Debug, Clone)]
pub struct Indicator {
    pub id: String,
    pub title: String,
    pub kind: IndicatorKind,
    pub target: Option<Target>,
    pub loc: Option<Loc>,
}

/// One employee (a pseudonymous roster row). `id` is kept for diagnostics and
/// never appears in any analysis output.
#[derive(Debug, Clone)]
pub struct Staff {
    pub id: String,
    pub unit: String,
    pub position: String,
    /// Stillingsprosent, 0 < p ≤ 100.
    pub percent: f64,
    pub education: Option<String>,
    pub birth_year: i32,
    /// Ønsket stillingsprosent; `None` = same as `percent`.
    pub wanted_percent: Option<f64>,
    pub studying: Option<String>,
    pub study_done: Option<i32>,
    pub loc: Option<Loc>,
}

/// One survey answer (as read, for `plan import` and tests; the plan holds
/// its answers as [`Answers`]).
#[derive(Debug, Clone)]
pub struct Answer {
    pub respondent: std::sync::Arc<str>,
    pub unit: std::sync::Arc<str>,
    pub competence: std::sync::Arc<str>,
    /// Self-assessed level 1–5.
    pub level: u8,
    /// Self-assessed need 1–5.
    pub need: Option<u8>,
    pub loc: Option<Loc>,
}

/// The survey's answers, columnar: each distinct unit, competence and
/// respondent id once, and each answer a 16-byte row of their numbers.
///
/// A national survey has millions of answers but only thousands of units and
/// competences and one respondent per ten answers; one object with three ids
/// per answer was most of the plan's memory. The id tables are sorted, so
/// comparing numbers is comparing ids.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    /// Unit ids, sorted and distinct.
    pub units: Vec<String>,
    /// Competence ids, sorted and distinct.
    pub competences: Vec<String>,
    /// Respondent ids, sorted and distinct.
    pub respondents: Vec<String>,
    /// The answers; in a validated plan sorted by (unit, competence, respondent).
    pub rows: Vec<AnswerRow>,
}

/// One answer of [`Answers`]: indices into its id tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct AnswerRow {
    pub unit: u32,
    pub competence: u32,
    pub respondent: u32,
    /// Self-assessed level 1–5.
    pub level: u8,
    /// Self-assessed need 1–5.
    pub need: Option<u8>,
}

/// An answer of [`Answers`] with its ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnswerRef<'a> {
    pub respondent: &'a str,
    pub unit: &'a str,
    pub competence: &'a str,
    pub level: u8,
    pub need: Option<u8>,
}

impl Answers {
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn unit(&self, r: &AnswerRow) -> &str {
        self.units.get(r.unit as usize).map_or("", String::as_str)
    }

    pub fn competence(&self, r: &AnswerRow) -> &str {
        self.competences
            .get(r.competence as usize)
            .map_or("", String::as_str)
    }

    pub fn respondent(&self, r: &AnswerRow) -> &str {
        self.respondents
            .get(r.respondent as usize)
            .map_or("", String::as_str)
    }

    /// The answer `r` with its ids.
    pub fn get(&self, r: &AnswerRow) -> AnswerRef<'_> {
        AnswerRef {
            respondent: self.respondent(r),
            unit: self.unit(r),
            competence: self.competence(r),
            level: r.level,
            need: r.need,
        }
    }

    /// Every answer with its ids, in row order.
    pub fn iter(&self) -> impl Iterator<Item = AnswerRef<'_>> + '_ {
        self.rows.iter().map(|r| self.get(r))
    }

    /// Sort the rows by (unit, competence, respondent) (then level and need).
    pub fn sort(&mut self) {
        self.rows.sort_unstable();
    }

    /// The answers one by one, in row order (without locations).
    pub fn to_answers(&self) -> Vec<Answer> {
        self.iter()
            .map(|a| Answer {
                respondent: a.respondent.into(),
                unit: a.unit.into(),
                competence: a.competence.into(),
                level: a.level,
                need: a.need,
                loc: None,
            })
            .collect()
    }

    /// Add an answer after the others; renumbers every row (for building
    /// small surveys, e.g. in tests).
    pub fn push(&mut self, a: Answer) {
        self.extend([a]);
    }

    /// Keep only the answers `keep` accepts, in their order; renumbers every
    /// row (for small surveys, e.g. in tests).
    pub fn retain(&mut self, mut keep: impl FnMut(&AnswerRef<'_>) -> bool) {
        let kept: Vec<Answer> = self
            .iter()
            .filter(|a| keep(a))
            .map(|a| Answer {
                respondent: a.respondent.into(),
                unit: a.unit.into(),
                competence: a.competence.into(),
                level: a.level,
                need: a.need,
                loc: None,
            })
            .collect();
        *self = Answers::from(kept);
    }
}

impl FromIterator<Answer> for Answers {
    fn from_iter<T: IntoIterator<Item = Answer>>(list: T) -> Self {
        Answers::from(list.into_iter().collect::<Vec<_>>())
    }
}

impl Extend<Answer> for Answers {
    /// Add answers after the others; renumbers every row.
    fn extend<T: IntoIterator<Item = Answer>>(&mut self, more: T) {
        let mut all = self.to_answers();
        all.extend(more);
        *self = Answers::from(all);
    }
}

impl From<Vec<Answer>> for Answers {
    /// Answers in the given order, with their ids numbered.
    fn from(list: Vec<Answer>) -> Self {
        fn table<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<String> {
            let mut t: Vec<&str> = ids.collect();
            t.sort_unstable();
            t.dedup();
            t.into_iter().map(str::to_string).collect()
        }
        let units = table(list.iter().map(|a| &*a.unit));
        let competences = table(list.iter().map(|a| &*a.competence));
        let respondents = table(list.iter().map(|a| &*a.respondent));
        let rank = |t: &[String], s: &str| {
            u32::try_from(t.partition_point(|x| x.as_str() < s)).unwrap_or(u32::MAX)
        };
        let rows = list
            .iter()
            .map(|a| AnswerRow {
                unit: rank(&units, &a.unit),
                competence: rank(&competences, &a.competence),
                respondent: rank(&respondents, &a.respondent),
                level: a.level,
                need: a.need,
            })
            .collect();
        Answers {
            units,
            competences,
            respondents,
            rows,
        }
    }
}

/// A validated plan. Collections are sorted: competences, units, goals, measures
/// and indicators by id; capacity by (unit, position); quality by (unit,
/// competence, min_level); workloads by (unit, position); staff by (unit,
/// position, id); survey by (unit, competence, respondent).
#[derive(Debug, Clone)]
pub struct Plan {
    pub meta: PlanMeta,
    pub assumptions: Assumptions,
    pub competences: Vec<Competence>,
    pub units: Vec<Unit>,
    pub capacity: Vec<CapacityLine>,
    pub quality: Vec<QualityLine>,
    pub goals: Vec<Goal>,
    pub measures: Vec<Measure>,
    pub indicators: Vec<Indicator>,
    /// `[[workload]]`s (WISN), one per (unit, position) at most.
    pub workloads: Vec<workload::Workload>,
    pub staff: Vec<Staff>,
    pub survey: Answers,
    /// The population projection, when `[population]` is given.
    pub population: Option<Population>,
    /// Demand drivers, sorted by id.
    pub drivers: Vec<Driver>,
    /// Scenarios, sorted by id.
    pub scenarios: Vec<Scenario>,
}

impl Plan {
    /// A copy of the plan without its data: no staff and no survey answers.
    /// For computing what does not read them (a scenario's capacity) without
    /// copying a national roster and survey; every other field is copied, and
    /// a field added to `Plan` must be named here (the pattern is exhaustive).
    pub fn without_data(&self) -> Plan {
        let Plan {
            meta,
            assumptions,
            competences,
            units,
            capacity,
            quality,
            goals,
            measures,
            indicators,
            workloads,
            staff: _,
            survey: _,
            population,
            drivers,
            scenarios,
        } = self;
        Plan {
            meta: meta.clone(),
            assumptions: *assumptions,
            competences: competences.clone(),
            units: units.clone(),
            capacity: capacity.clone(),
            quality: quality.clone(),
            goals: goals.clone(),
            measures: measures.clone(),
            indicators: indicators.clone(),
            workloads: workloads.clone(),
            staff: Vec::new(),
            survey: Answers::default(),
            population: population.clone(),
            drivers: drivers.clone(),
            scenarios: scenarios.clone(),
        }
    }

    pub fn competence(&self, id: &str) -> Option<&Competence> {
        self.competences
            .binary_search_by(|c| c.id.as_str().cmp(id))
            .ok()
            .and_then(|i| self.competences.get(i))
    }

    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units
            .binary_search_by(|u| u.id.as_str().cmp(id))
            .ok()
            .and_then(|i| self.units.get(i))
    }

    pub fn driver(&self, id: &str) -> Option<&Driver> {
        self.drivers.iter().find(|d| d.id == id)
    }

    pub fn scenario(&self, id: &str) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    /// Whether goal `goal` can be evaluated: some measure under it has an
    /// indicator (KS step 7; the rule of `goal-without-indicator`).
    pub fn goal_is_evaluable(&self, goal: &str) -> bool {
        self.measures
            .iter()
            .any(|m| m.goal == goal && !m.indicators.is_empty())
    }

    /// Sort every collection into its canonical order.
    pub fn normalise(&mut self) {
        self.competences.sort_by(|a, b| a.id.cmp(&b.id));
        self.units.sort_by(|a, b| a.id.cmp(&b.id));
        self.capacity
            .sort_by(|a, b| (&a.unit, &a.position).cmp(&(&b.unit, &b.position)));
        self.quality.sort_by(|a, b| {
            (&a.unit, &a.competence, a.min_level).cmp(&(&b.unit, &b.competence, b.min_level))
        });
        self.goals.sort_by(|a, b| a.id.cmp(&b.id));
        self.measures.sort_by(|a, b| a.id.cmp(&b.id));
        self.indicators.sort_by(|a, b| a.id.cmp(&b.id));
        self.workloads
            .sort_by(|a, b| (&a.unit, &a.position).cmp(&(&b.unit, &b.position)));
        for w in &mut self.workloads {
            w.normalise();
        }
        self.drivers.sort_by(|a, b| a.id.cmp(&b.id));
        self.scenarios.sort_by(|a, b| a.id.cmp(&b.id));
        self.staff
            .sort_by(|a, b| (&a.unit, &a.position, &a.id).cmp(&(&b.unit, &b.position, &b.id)));
        self.survey.sort();
    }
}
