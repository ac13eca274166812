//! What every section of the report reads: the plan, its analysis (with the
//! coverage findings, survey tallies and costs), the language, and the figures
//! drawn so far.
//!
//! In: a [`Plan`], its [`Analysis`] and the report [`Options`]. Out: a [`Ctx`]
//! with names looked up (units, competences, roles) and numbers formatted in
//! the report's language.

use std::sync::{Mutex, PoisonError};

use crate::analyse::Analysis;
use crate::i18n::report::ReportMessages;
use crate::i18n::{Lang, Messages};
use crate::model::Plan;
use crate::render::md::Doc;

use super::index::{unit_range, UnitIndex};
use super::{Figure, Options, FIGURE_DIR};

pub(crate) struct Ctx<'a> {
    pub plan: &'a Plan,
    /// The analysis of the whole plan.
    pub a: &'a Analysis,
    /// Each unit's measures and coverage findings.
    pub index: UnitIndex<'a>,
    pub lang: Lang,
    pub m: &'static Messages,
    pub r: &'static ReportMessages,
    /// The changes since an earlier revision, when asked for.
    pub since: Option<&'a crate::diff::PlanDiff>,
    figures_on: bool,
    /// The figures drawn so far, in the order of their links (only the
    /// chapters before the appendix draw, so the order is fixed).
    figures: Mutex<Vec<Figure>>,
}

impl<'a> Ctx<'a> {
    pub fn new(
        plan: &'a Plan,
        a: &'a Analysis,
        opts: &Options,
        since: Option<&'a crate::diff::PlanDiff>,
    ) -> Self {
        let lang = opts.lang;
        Ctx {
            plan,
            a,
            index: UnitIndex::new(plan, &a.coverage),
            lang,
            m: lang.messages(),
            r: lang.messages().report,
            since,
            figures_on: opts.figures,
            figures: Mutex::new(Vec::new()),
        }
    }

    pub fn into_figures(self) -> Vec<Figure> {
        self.figures
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Draw a figure (when figures are on) and link it in the document.
    pub fn figure(
        &self,
        doc: &mut Doc,
        file: &str,
        alt: &str,
        draw: impl FnOnce(&Self) -> anyhow::Result<String>,
    ) -> anyhow::Result<()> {
        if !self.figures_on {
            return Ok(());
        }
        let svg = draw(self)?;
        doc.figure(alt, &format!("{FIGURE_DIR}/{file}"));
        let mut figures = self.figures.lock().unwrap_or_else(PoisonError::into_inner);
        figures.push(Figure {
            file: file.to_string(),
            svg,
        });
        Ok(())
    }

    /// FTE (årsverk) with one decimal.
    pub fn fte(&self, x: f64) -> String {
        self.lang.number(x, 1)
    }

    /// FTE (årsverk) with two decimals (WISN results).
    pub fn fte2(&self, x: f64) -> String {
        self.lang.number(x, 2)
    }

    /// A whole number.
    pub fn int(&self, n: u64) -> String {
        self.lang.number(n as f64, 0)
    }

    pub fn pct(&self, share: f64) -> String {
        self.lang.percent(share)
    }

    /// A value, or "•" when `hidden` (suppressed for privacy) and "–" when
    /// there is none.
    pub fn figure_or<T>(&self, hidden: bool, v: Option<T>, f: impl Fn(T) -> String) -> String {
        match v {
            Some(v) => f(v),
            None if hidden => self.m.hidden.to_string(),
            None => self.m.missing.to_string(),
        }
    }

    pub fn money(&self, nok: f64) -> String {
        crate::i18n::fill(self.r.money, &[("n", &self.lang.number(nok, 0))])
    }

    /// "4. mars 2025" / "4 March 2025".
    pub fn date(&self, d: crate::model::Date) -> String {
        let month = usize::try_from(d.month() - 1)
            .ok()
            .and_then(|i| self.r.months.get(i))
            .copied()
            .unwrap_or("");
        crate::i18n::fill(
            self.r.date,
            &[
                ("day", &d.day().to_string()),
                ("month", month),
                ("year", &d.year().to_string()),
            ],
        )
    }

    pub fn unit_name(&self, id: &str) -> String {
        self.plan
            .unit(id)
            .map_or_else(|| id.to_string(), |u| u.name.clone())
    }

    pub fn competence_name(&self, id: &str) -> String {
        self.plan
            .competence(id)
            .map_or_else(|| id.to_string(), |c| c.name.clone())
    }

    /// The title of a capacity line (its position id when not found); the
    /// plan's capacity lines are sorted by (unit, position).
    pub fn position_title(&self, unit: &str, position: &str) -> String {
        let lines = &self.plan.capacity;
        lines
            .get(unit_range(lines, unit, |c| &c.unit))
            .unwrap_or(&[])
            .iter()
            .find(|c| c.position == position)
            .map_or_else(|| position.to_string(), |c| c.title.clone())
    }

    /// The title of a measure (its id when not found).
    pub fn measure_title(&self, id: &str) -> String {
        self.plan
            .measures
            .iter()
            .find(|m| m.id == id)
            .map_or_else(|| id.to_string(), |m| m.title.clone())
    }

    /// A role of KS's responsibility matrix by its usual id, or the text as given.
    pub fn role_name(&self, role: &str) -> String {
        self.r
            .roles
            .iter()
            .find(|(id, _)| *id == role)
            .map_or_else(|| role.to_string(), |(_, name)| (*name).to_string())
    }

    /// "a, b og c" / "a, b and c".
    pub fn join(&self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{} {} {last}", init.join(", "), self.r.and),
        }
    }

    /// A list as a cell or sentence: items joined with "; ", or "–".
    pub fn list(&self, items: &[String]) -> String {
        if items.is_empty() {
            self.m.missing.to_string()
        } else {
            items.join("; ")
        }
    }
}
