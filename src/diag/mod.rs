//! Diagnostics: problems found in a user's plan (as opposed to operational errors).
//!
//! In: findings from loading, validation and the logic checks. Out: a sorted,
//! de-duplicated list that the renderers in [`render`] print as human text, JSON
//! or GitHub workflow commands.

pub mod ci;
pub mod render;
pub mod translate;

pub use translate::translate;

use serde::Serialize;

use crate::source::Loc;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

macro_rules! codes {
    ($($variant:ident = $code:literal, $sev:ident;)*) => {
        /// Stable diagnostic codes. Every code is documented in docs/checks.md.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $($variant,)* }

        impl Code {
            /// Every code, for documentation tests.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The kebab-case code shown to users.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code,)* }
            }

            /// Severity before `--strict` is applied.
            pub fn default_severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$sev,)* }
            }
        }
    };
}

codes! {
    UnreadableFile = "unreadable-file", Error;
    FileTooLarge = "file-too-large", Error;
    ParseError = "parse-error", Error;
    TooDeep = "too-deep", Error;
    YamlAlias = "yaml-alias", Error;
    UnknownKey = "unknown-key", Error;
    DuplicateKey = "duplicate-key", Error;
    MissingField = "missing-field", Error;
    WrongType = "wrong-type", Error;
    InvalidValue = "invalid-value", Error;
    OutOfRange = "out-of-range", Error;
    ConflictingFields = "conflicting-fields", Error;
    DuplicateId = "duplicate-id", Error;
    UnknownReference = "unknown-reference", Error;
    WrongCompetenceKind = "wrong-competence-kind", Error;
    MissingPlan = "missing-plan", Error;
    DuplicatePlan = "duplicate-plan", Error;
    DuplicateSection = "duplicate-section", Error;
    MissingDataFile = "missing-data-file", Error;
    PathOutsidePlan = "path-outside-plan", Error;
    CsvHeader = "csv-header", Error;
    CsvFieldCount = "csv-field-count", Error;
    CsvNumber = "csv-number", Error;
    PersonalData = "personal-data", Error;
    PopulationFormat = "population-format", Error;
    PopulationRegion = "population-region", Error;
    PopulationAlternative = "population-alternative", Error;
    PopulationYears = "population-years", Error;
    PopulationAges = "population-ages", Error;
    DriverEmpty = "driver-empty", Error;
    RevisionDue = "revision-due", Warning;
    StepIncomplete = "step-incomplete", Warning;
    MeasureOverdue = "measure-overdue", Warning;
    IndicatorNotFollowedUp = "indicator-not-followed-up", Warning;
    GoalWithoutIndicator = "goal-without-indicator", Warning;
    MeasureWithoutIndicator = "measure-without-indicator", Warning;
    MeasureWithoutResponsible = "measure-without-responsible", Warning;
    MeasureOutsidePeriod = "measure-outside-period", Warning;
    IndicatorWithoutTarget = "indicator-without-target", Warning;
    LevelsOutsideAmong = "levels-outside-among", Warning;
    UnusedCompetence = "unused-competence", Warning;
    UnusedUnit = "unused-unit", Warning;
    PositionWithoutCapacity = "position-without-capacity", Warning;
    RawExport = "raw-export", Warning;
    UncoveredNeed = "uncovered-need", Warning;
    StrategyMismatch = "strategy-mismatch", Warning;
    TargetUnreachable = "target-unreachable", Warning;
    SmallPosition = "small-position", Warning;
    WorkloadMismatch = "workload-mismatch", Warning;
}

impl std::str::FromStr for Code {
    type Err = String;

    /// A code by its name (`revision-due`), with a suggestion when unknown.
    fn from_str(s: &str) -> Result<Self, String> {
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| match suggest(s, Code::ALL.iter().map(|c| c.as_str())) {
                Some(near) => format!("unknown code `{s}` (did you mean `{near}`?)"),
                None => format!("unknown code `{s}`; the codes are listed in docs/checks.md"),
            })
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding in the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    /// Where the problem is; `None` for problems of the whole plan (e.g. no `[plan]`).
    pub loc: Option<Loc>,
    /// Further places worth showing (e.g. the first definition of a duplicate id).
    pub related: Vec<(Loc, String)>,
    /// How to fix it.
    pub hint: Option<String>,
    /// The place holds personal data: show where it is, never the text there.
    pub redact: bool,
}

impl Diagnostic {
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: code.default_severity(),
            message: message.into(),
            loc: None,
            related: Vec::new(),
            hint: None,
            redact: false,
        }
    }

    pub fn at(mut self, loc: Loc) -> Self {
        self.loc = Some(loc);
        self
    }

    pub fn at_opt(mut self, loc: Option<Loc>) -> Self {
        self.loc = loc;
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn related(mut self, loc: Loc, label: impl Into<String>) -> Self {
        self.related.push((loc, label.into()));
        self
    }
}

/// Collects diagnostics from all stages.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    /// Findings after the first `from` that `same` groups together are folded
    /// into the first of each group by `fold(first, how many)`.
    pub fn fold_after(
        &mut self,
        from: usize,
        same: impl Fn(&Diagnostic) -> bool,
        fold: impl Fn(Diagnostic, usize) -> Diagnostic,
    ) {
        let tail = self.items.split_off(from.min(self.items.len()));
        let (group, rest): (Vec<Diagnostic>, Vec<Diagnostic>) = tail.into_iter().partition(&same);
        self.items.extend(rest);
        let n = group.len();
        if let Some(first) = group
            .into_iter()
            .min_by_key(|d| d.loc.as_ref().map(|l| (l.file, l.span.start)))
        {
            self.items.push(fold(first, n));
        }
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// `--strict`: every warning becomes an error.
    pub fn make_strict(&mut self) {
        self.make_strict_except(&[]);
    }

    /// `--strict` with `--allow CODE`: every warning becomes an error except
    /// those of the allowed codes.
    pub fn make_strict_except(&mut self, allowed: &[Code]) {
        for d in &mut self.items {
            if !allowed.contains(&d.code) {
                d.severity = Severity::Error;
            }
        }
    }

    /// Sort by file, position, code and message, and drop exact duplicates, so
    /// output is stable whatever order the checks ran in.
    pub fn finish(mut self) -> Vec<Diagnostic> {
        self.items.sort_by(|a, b| {
            let ka = a.loc.as_ref().map(|l| (l.file, l.span.start, l.span.end));
            let kb = b.loc.as_ref().map(|l| (l.file, l.span.start, l.span.end));
            ka.cmp(&kb)
                .then(a.code.cmp(&b.code))
                .then(a.message.cmp(&b.message))
        });
        self.items.dedup();
        self.items
    }
}

/// Norwegian words an adviser may write for an English key of the format.
const NORWEGIAN_KEYS: &[(&str, &str)] = &[
    ("navn", "name"),
    ("enhet", "unit"),
    ("enheter", "units"),
    ("stilling", "position"),
    ("tittel", "title"),
    ("årsverk", "fte"),
    ("arsverk", "fte"),
    ("kompetanse", "competence"),
    ("kompetanser", "competences"),
    ("nivå", "level"),
    ("niva", "level"),
    ("andel", "share"),
    ("antall", "count"),
    ("mål", "goal"),
    ("hovedmål", "goal"),
    ("tiltak", "measure"),
    ("indikator", "indicator"),
    ("indikatorer", "indicators"),
    ("strategi", "strategy"),
    ("strategier", "strategies"),
    ("ansvarlig", "responsible"),
    ("beskrivelse", "description"),
    ("tjeneste", "service"),
    ("kostnad", "cost_nok"),
    ("vekst", "annual_growth"),
    ("kommune", "municipality"),
    ("kommunenummer", "municipality_number"),
    ("periode", "period"),
    ("eier", "owner"),
    ("styringsgruppe", "steering_group"),
    ("arbeidsgruppe", "working_group"),
    ("forankring", "anchoring"),
    ("mål", "target"),
];

/// Words longer than this get no "did you mean" (plan ids are short).
const MAX_SUGGEST_LEN: usize = 64;

/// The closest candidate to `word` (for "did you mean" hints), if close enough:
/// a Norwegian word for the key, a near spelling (Jaro–Winkler), or one or two
/// edits away in a word of some length.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let candidates: Vec<&'a str> = candidates.into_iter().collect();
    let lower = word.to_lowercase();
    if let Some(c) = NORWEGIAN_KEYS
        .iter()
        .filter(|(no, _)| *no == lower)
        .find_map(|(_, en)| candidates.iter().find(|c| *c == en))
    {
        return Some(c);
    }
    // a long word is no typo of an id; comparing it would cost time for nothing
    let len = word.chars().count();
    if len > MAX_SUGGEST_LEN {
        return None;
    }
    let max_edits = if len >= 4 { 2 } else { 1 };
    candidates
        .into_iter()
        .filter(|c| c.len() <= 4 * MAX_SUGGEST_LEN)
        .map(|c| {
            (
                strsim::jaro_winkler(word, c),
                // optimal string alignment: transpositions count as one edit,
                // like Damerau–Levenshtein, without its per-call hash map
                strsim::osa_distance(word, c),
                c,
            )
        })
        .filter(|&(score, edits, _)| score > 0.8 || edits <= max_edits)
        .max_by(|a, b| {
            a.0.total_cmp(&b.0)
                .then_with(|| b.1.cmp(&a.1))
                .then_with(|| b.2.cmp(a.2))
        })
        .map(|(_, _, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_kebab_case() {
        let mut seen = std::collections::BTreeSet::new();
        for c in Code::ALL {
            assert!(seen.insert(c.as_str()), "duplicate code {c}");
            assert!(c
                .as_str()
                .chars()
                .all(|ch| ch.is_ascii_lowercase() || ch == '-'));
        }
    }

    #[test]
    fn suggest_finds_typos() {
        assert_eq!(suggest("sjoheim", ["sjøheim", "hjemme"]), Some("sjøheim"));
        assert_eq!(suggest("ftee", ["fte", "unit"]), Some("fte"));
        assert_eq!(suggest("xyz", ["fte", "unit"]), None);
        assert_eq!(suggest("navn", ["id", "name", "service"]), Some("name"));
        assert_eq!(suggest("Årsverk", ["fte", "title"]), Some("fte"));
        assert_eq!(suggest("positon", ["position", "title"]), Some("position"));
    }
}
