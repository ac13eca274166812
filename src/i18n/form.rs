//! The words of the document's form: front matter, figure captions and the
//! HTML and Word versions of `plan report`, one catalogue per language.
//!
//! In: a [`super::Lang`]. Out: [`FormMessages`] (through [`super::Lang::form`]).
//! Kept apart from [`super::report::ReportMessages`] (the document's prose) so
//! the two can change independently. Templates hold `{key}`s filled with
//! [`super::fill`].

#[derive(Debug)]
pub struct FormMessages {
    /// The language tag of the document (BCP 47): pandoc's `lang`, HTML's
    /// `lang`, Word's `w:lang`.
    pub tag: &'static str,
    /// The subtitle under the title: "{municipality}", "{from}", "{to}".
    pub subtitle: &'static str,
    /// The heading of the table of contents.
    pub toc: &'static str,
    /// "Figur" in "Figur 3: …".
    pub figure: &'static str,
    /// "Tabell" in "Tabell 3: …".
    pub table: &'static str,
    /// The shaded gap between the krav and kapital lines.
    pub fig_gap: &'static str,
    /// Above a figure whose panels do not share one scale.
    pub fig_own_scale: &'static str,
    /// The caption that states the finding: "{name}", "{from}", "{to}", "{year}".
    pub fig_need_up: &'static str,
    pub fig_need_down: &'static str,
    /// "{name}", "{to}", "{year}".
    pub fig_need_same: &'static str,
    /// "Side" in the Word footer's "Side 3".
    pub page: &'static str,
}

pub const NB: FormMessages = FormMessages {
    tag: "nb-NO",
    subtitle: "{municipality} · {from}–{to}",
    toc: "Innhold",
    figure: "Figur",
    table: "Tabell",
    fig_gap: "behov",
    fig_own_scale: "Merk: hvert panel har sin egen skala.",
    fig_need_up: "{name}: behovet øker fra {from} til {to} årsverk innen {year}.",
    fig_need_down: "{name}: behovet synker fra {from} til {to} årsverk innen {year}.",
    fig_need_same: "{name}: behovet er {to} årsverk også i {year}.",
    page: "Side",
};

pub const NN: FormMessages = FormMessages {
    tag: "nn-NO",
    subtitle: "{municipality} · {from}–{to}",
    toc: "Innhald",
    figure: "Figur",
    table: "Tabell",
    fig_gap: "behov",
    fig_own_scale: "Merk: kvart panel har sin eigen skala.",
    fig_need_up: "{name}: behovet aukar frå {from} til {to} årsverk innan {year}.",
    fig_need_down: "{name}: behovet søkk frå {from} til {to} årsverk innan {year}.",
    fig_need_same: "{name}: behovet er {to} årsverk også i {year}.",
    page: "Side",
};

pub const EN: FormMessages = FormMessages {
    tag: "en-GB",
    subtitle: "{municipality} · {from}–{to}",
    toc: "Contents",
    figure: "Figure",
    table: "Table",
    fig_gap: "need",
    fig_own_scale: "Note: each panel has its own scale.",
    fig_need_up: "{name}: the need grows from {from} to {to} FTE by {year}.",
    fig_need_down: "{name}: the need falls from {from} to {to} FTE by {year}.",
    fig_need_same: "{name}: the need is still {to} FTE in {year}.",
    page: "Page",
};
