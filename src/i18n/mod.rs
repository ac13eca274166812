//! Human-facing words: one message catalogue per language, and number formats.
//!
//! In: a [`Lang`]. Out: its [`Messages`] (every heading and label the tables,
//! Markdown and report show) and numbers formatted the way readers of that
//! language expect (nb and nn: `1 234,5`; en: `1,234.5`). Adding a label means adding
//! a field here, so the compiler makes every catalogue complete.

pub mod demand;
pub mod diag;
pub(crate) mod diag_nb;
pub(crate) mod diag_nn;
pub mod diff;
mod en;
pub mod form;
mod nb;
mod nn;
pub mod report;
mod report_en;
mod report_nb;
mod report_nn;
pub mod workload;
mod workload_en;
mod workload_nb;
mod workload_nn;

use crate::analyse::IndicatorStatus;
use crate::model::{EduLevel, Strategy};

pub use diag::DiagWords;

/// Output language.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    /// Norsk bokmål.
    #[default]
    Nb,
    /// Norsk nynorsk.
    Nn,
    /// English.
    En,
}

/// Every visible word of the analysis output, in one language. Templates hold
/// `{year}`, `{n}` etc., filled with [`fill`].
#[derive(Debug)]
pub struct Messages {
    pub analysis_title: &'static str,
    /// "{from}–{to}".
    pub period: &'static str,
    /// "{year}".
    pub capacity_title: &'static str,
    pub quality_title: &'static str,
    pub indicators_title: &'static str,
    pub workforce_title: &'static str,
    pub age_title: &'static str,
    pub education_title: &'static str,
    pub retirement_title: &'static str,
    pub unit: &'static str,
    pub position: &'static str,
    pub required: &'static str,
    pub available: &'static str,
    pub unqualified: &'static str,
    pub need: &'static str,
    pub mobilise: &'static str,
    pub develop: &'static str,
    pub acquire: &'static str,
    pub surplus: &'static str,
    pub total: &'static str,
    pub competence: &'static str,
    pub min_level: &'static str,
    pub headcount: &'static str,
    pub respondents: &'static str,
    pub required_persons: &'static str,
    pub available_persons: &'static str,
    /// "{n}": min_group_size.
    pub suppressed_note: &'static str,
    pub total_hidden_note: &'static str,
    pub capacity_note: &'static str,
    pub indicator: &'static str,
    pub start_value: &'static str,
    pub projected_value: &'static str,
    pub target: &'static str,
    pub met: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub missing: &'static str,
    /// "{year}": "in 2029".
    pub in_year: &'static str,
    pub key_figure: &'static str,
    pub value: &'static str,
    pub fte: &'static str,
    pub mean_age: &'static str,
    pub part_time_share: &'static str,
    pub mean_percent: &'static str,
    pub age_band: &'static str,
    pub edu_level: &'static str,
    pub year: &'static str,
    pub no_rows: &'static str,
    /// Names of [`EduLevel::ALL`], in order.
    pub edu_levels: [&'static str; 6],
    /// Names of [`Strategy::ALL`], in order.
    pub strategies: [&'static str; 4],
    /// The words of `plan report`.
    pub report: &'static report::ReportMessages,

    // the reader's words (issue 14)
    /// The mark of a figure hidden for privacy ("•"); `missing` ("–") is a
    /// figure not given.
    pub hidden: &'static str,
    /// The column of an indicator's status.
    pub status: &'static str,
    /// Names of [`IndicatorStatus::ALL`], in order.
    pub statuses: [&'static str; 6],
    /// The words of the WISN workload output.
    pub workload: &'static workload::WorkloadMessages,
}

impl Lang {
    /// The language of the user's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`),
    /// bokmål when none names a language `plan` speaks: the default of `--lang`.
    pub fn from_env() -> Lang {
        diag::lang_from_locale(|k| std::env::var(k).ok())
    }

    /// The words around diagnostics.
    pub fn diag_words(self) -> &'static DiagWords {
        match self {
            Lang::Nb => &diag::NB,
            Lang::Nn => &diag::NN,
            Lang::En => &diag::EN,
        }
    }

    pub fn messages(self) -> &'static Messages {
        match self {
            Lang::Nb => &nb::MESSAGES,
            Lang::Nn => &nn::MESSAGES,
            Lang::En => &en::MESSAGES,
        }
    }

    /// The words of the document's form (front matter, captions, formats).
    pub fn form(self) -> &'static form::FormMessages {
        match self {
            Lang::Nb => &form::NB,
            Lang::Nn => &form::NN,
            Lang::En => &form::EN,
        }
    }

    /// Every language, in the order of `--lang`'s values.
    pub const ALL: [Lang; 3] = [Lang::Nb, Lang::Nn, Lang::En];

    fn separators(self) -> (char, char) {
        match self {
            Lang::Nb | Lang::Nn => (',', '\u{a0}'),
            Lang::En => ('.', ','),
        }
    }

    /// `x` rounded half away from zero to `decimals` decimals, grouped in
    /// thousands (never "-0,0").
    pub fn number(self, x: f64, decimals: usize) -> String {
        let scale = 10f64.powi(i32::try_from(decimals).unwrap_or(0));
        let text = format!("{:.*}", decimals, (x * scale).round() / scale);
        let text = match text.strip_prefix('-') {
            Some(rest) if rest.chars().all(|c| c == '0' || c == '.') => rest.to_string(),
            _ => text,
        };
        let (sign, body) = match text.strip_prefix('-') {
            Some(b) => ("-", b),
            None => ("", text.as_str()),
        };
        let (int, frac) = body.split_once('.').unwrap_or((body, ""));
        let (dec, group) = self.separators();
        let mut out = String::from(sign);
        for (i, ch) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push(group);
            }
            out.push(ch);
        }
        if !frac.is_empty() {
            out.push(dec);
            out.push_str(frac);
        }
        out
    }

    /// A share 0–1 as a percentage with one decimal: nb "55,4 %", en "55.4%".
    pub fn percent(self, share: f64) -> String {
        let n = self.number(share * 100.0, 1);
        match self {
            Lang::Nb | Lang::Nn => format!("{n}\u{a0}%"),
            Lang::En => format!("{n}%"),
        }
    }

    /// The decimal mark: nb and nn ",", en ".".
    pub fn decimal_mark(self) -> char {
        self.separators().0
    }

    /// An indicator status in words ("på vei").
    pub fn indicator_status(self, s: IndicatorStatus) -> &'static str {
        let i = IndicatorStatus::ALL
            .iter()
            .position(|&x| x == s)
            .unwrap_or(0);
        self.messages().statuses.get(i).copied().unwrap_or("")
    }

    pub fn edu_level(self, level: EduLevel) -> &'static str {
        let i = EduLevel::ALL.iter().position(|&l| l == level).unwrap_or(0);
        self.messages().edu_levels.get(i).copied().unwrap_or("")
    }

    pub fn strategy(self, s: Strategy) -> &'static str {
        let i = Strategy::ALL.iter().position(|&x| x == s).unwrap_or(0);
        self.messages().strategies.get(i).copied().unwrap_or("")
    }
}

/// Replace `{key}` in `template` with each value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut s = template.to_string();
    for (k, v) in values {
        s = s.replace(&format!("{{{k}}}"), v);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_both_languages() {
        assert_eq!(Lang::Nb.number(3.4, 1), "3,4");
        assert_eq!(Lang::En.number(3.4, 1), "3.4");
        assert_eq!(Lang::Nb.number(1234.56, 1), "1\u{a0}234,6");
        assert_eq!(Lang::En.number(1234567.0, 0), "1,234,567");
        assert_eq!(Lang::Nb.number(-0.01, 1), "0,0");
        assert_eq!(Lang::En.number(-12.25, 1), "-12.3");
        assert_eq!(Lang::Nb.number(1.25, 1), "1,3");
        assert_eq!(Lang::Nb.number(3.75, 1), "3,8");
        assert_eq!(Lang::Nb.percent(0.554), "55,4\u{a0}%");
        assert_eq!(Lang::En.percent(8.0 / 13.0), "61.5%");
        assert_eq!(Lang::Nn.number(1234.56, 1), "1\u{a0}234,6");
    }

    #[test]
    fn catalogues_are_complete_and_filled() {
        for lang in Lang::ALL {
            let m = lang.messages();
            assert_ne!(m.hidden, m.missing, "{lang:?}: two meanings, one mark");
            assert!(m.statuses.iter().all(|s| !s.is_empty()));
            assert!(m.capacity_title.contains("{year}"));
            assert!(m.suppressed_note.contains("{n}"));
            assert!(m
                .edu_levels
                .iter()
                .chain(&m.strategies)
                .all(|s| !s.is_empty()));
        }
        assert_eq!(fill("a {year} b", &[("year", "2025")]), "a 2025 b");
        assert_ne!(Lang::Nb.messages().need, Lang::En.messages().need);
        assert_ne!(Lang::Nb.messages().statuses, Lang::Nn.messages().statuses);
    }
}
