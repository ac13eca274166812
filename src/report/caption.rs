//! The one-sentence caption of a krav/kapital figure: the finding, not the
//! title ("Sykepleier: behovet øker fra 9,5 til 81,4 årsverk innen 2030").
//!
//! In: per panel its name and its need (behov, from the analysis) in the base
//! year and the end year. Out: the sentence of the panel whose end-year need
//! is largest, in the report's language; `None` when no panel has both years.

use crate::i18n::{fill, Lang};

/// One panel's name and need in the base year and the end year.
pub(crate) struct Need {
    pub name: String,
    pub base: Option<f64>,
    pub end: Option<f64>,
}

/// The caption in `lang` for a plan whose end year is `end_year`.
pub(crate) fn need_caption(lang: Lang, end_year: i32, needs: &[Need]) -> Option<String> {
    let f = lang.form();
    let (name, base, end) = needs
        .iter()
        .filter_map(|n| Some((n.name.as_str(), n.base?, n.end?)))
        // the largest need last; among equals the first panel
        .rev()
        .max_by(|a, b| a.2.total_cmp(&b.2))?;
    // compared as shown (one decimal): "from 4,0 to 4,0" is "still 4,0"
    let (from, to) = (lang.number(base, 1), lang.number(end, 1));
    let template = if to == from {
        f.fig_need_same
    } else if end > base {
        f.fig_need_up
    } else {
        f.fig_need_down
    };
    let year = end_year.to_string();
    Some(fill(
        template,
        &[
            ("name", name),
            ("from", &from),
            ("to", &to),
            ("year", &year),
        ],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn need(name: &str, base: f64, end: f64) -> Need {
        Need {
            name: name.into(),
            base: Some(base),
            end: Some(end),
        }
    }

    #[test]
    fn the_largest_end_year_need_is_the_finding() {
        let needs = [
            need("Vernepleier", 2.5, 19.0),
            need("Sykepleier", 9.5, 81.4),
            need("Ergoterapeut", 0.7, 3.2),
        ];
        assert_eq!(
            need_caption(Lang::Nb, 2030, &needs).as_deref(),
            Some("Sykepleier: behovet øker fra 9,5 til 81,4 årsverk innen 2030.")
        );
        assert_eq!(
            need_caption(Lang::En, 2030, &needs).as_deref(),
            Some("Sykepleier: the need grows from 9.5 to 81.4 FTE by 2030.")
        );
    }

    #[test]
    fn falling_unchanged_ties_and_missing_years() {
        let down = [need("Sykepleier", 12.0, 4.04)];
        assert_eq!(
            need_caption(Lang::Nb, 2029, &down).as_deref(),
            Some("Sykepleier: behovet synker fra 12,0 til 4,0 årsverk innen 2029.")
        );
        // equal as shown is unchanged
        let same = [need("Sykepleier", 4.04, 3.96)];
        assert_eq!(
            need_caption(Lang::Nb, 2029, &same).as_deref(),
            Some("Sykepleier: behovet er 4,0 årsverk også i 2029.")
        );
        // a tie: the first panel
        let tie = [need("A", 1.0, 5.0), need("B", 2.0, 5.0)];
        assert!(need_caption(Lang::Nb, 2029, &tie)
            .unwrap()
            .starts_with("A:"));
        // a panel without both years is skipped; none at all gives no finding
        let partial = [
            Need {
                name: "A".into(),
                base: None,
                end: Some(50.0),
            },
            need("B", 1.0, 2.0),
        ];
        assert!(need_caption(Lang::Nb, 2029, &partial)
            .unwrap()
            .starts_with("B:"));
        assert_eq!(need_caption(Lang::Nb, 2029, &partial[..1]), None);
    }
}
