//! The words `plan check` adds around the findings (summary line, "help:"),
//! per language. The findings themselves are translated by `diag::translate`
//! from the catalogues `diag_nb` (and siblings).

/// Words of the diagnostic renderers.
#[derive(Debug)]
pub struct DiagWords {
    /// Before a hint: "help:".
    pub help: &'static str,
    /// The whole output when nothing was found.
    pub no_problems: &'static str,
    pub error: &'static str,
    pub errors: &'static str,
    pub warning: &'static str,
    pub warnings: &'static str,
    /// "{place}": a finding in a file of personal data, named but not shown.
    pub personal_line: &'static str,
    /// Progress of a long run (stderr, terminals only).
    pub reading: &'static str,
    pub checking: &'static str,
    pub analysing: &'static str,
    pub writing: &'static str,
    /// `plan init`: "{n}" files written to "{dir}", and what to do next.
    pub wrote_skeleton: &'static str,
    pub wrote_demo: &'static str,
    /// A command that wrote one file: "{file}".
    pub wrote_file: &'static str,
    /// `analyse --out`: the "{files}" (comma-separated) written in "{dir}".
    pub wrote_files: &'static str,
    /// `plan report`: "{file}" and "{n}" figures in "{dir}" (one figure: `wrote_report_one`).
    pub wrote_report: &'static str,
    pub wrote_report_one: &'static str,
}

pub const EN: DiagWords = DiagWords {
    help: "help:",
    no_problems: "ok: no problems found",
    error: "error",
    errors: "errors",
    warning: "warning",
    warnings: "warnings",
    personal_line: "at {place} (the line is not shown: it holds personal data)",
    reading: "reading the plan",
    checking: "checking the plan",
    analysing: "analysing",
    writing: "writing",
    wrote_skeleton: "wrote a plan skeleton ({n} files) to {dir}\nnext: plan check {dir}",
    wrote_demo: "wrote a demo plan ({n} files) to {dir}\nnext: plan check {dir}",
    wrote_file: "wrote {file}",
    wrote_files: "wrote {files} in {dir}",
    wrote_report: "wrote {file} and {n} figures in {dir}",
    wrote_report_one: "wrote {file} and 1 figure in {dir}",
};

pub const NB: DiagWords = DiagWords {
    help: "hjelp:",
    no_problems: "ok: ingen problemer funnet",
    error: "feil",
    errors: "feil",
    warning: "advarsel",
    warnings: "advarsler",
    personal_line: "i {place} (linjen vises ikke: den inneholder personopplysninger)",
    reading: "leser planen",
    checking: "kontrollerer planen",
    analysing: "analyserer",
    writing: "skriver",
    wrote_skeleton: "skrev et planskjelett ({n} filer) til {dir}\nneste steg: plan check {dir}",
    wrote_demo: "skrev en demoplan ({n} filer) til {dir}\nneste steg: plan check {dir}",
    wrote_file: "skrev {file}",
    wrote_files: "skrev {files} i {dir}",
    wrote_report: "skrev {file} og {n} figurer i {dir}",
    wrote_report_one: "skrev {file} og 1 figur i {dir}",
};

pub const NN: DiagWords = DiagWords {
    help: "hjelp:",
    no_problems: "ok: ingen problem funne",
    error: "feil",
    errors: "feil",
    warning: "åtvaring",
    warnings: "åtvaringar",
    personal_line: "i {place} (linja blir ikkje vist: ho inneheld personopplysningar)",
    reading: "les planen",
    checking: "kontrollerer planen",
    analysing: "analyserer",
    writing: "skriv",
    wrote_skeleton: "skreiv eit planskjelett ({n} filer) til {dir}\nneste steg: plan check {dir}",
    wrote_demo: "skreiv ein demoplan ({n} filer) til {dir}\nneste steg: plan check {dir}",
    wrote_file: "skreiv {file}",
    wrote_files: "skreiv {files} i {dir}",
    wrote_report: "skreiv {file} og {n} figurar i {dir}",
    wrote_report_one: "skreiv {file} og 1 figur i {dir}",
};

/// The language a user's locale asks for: `LC_ALL`, then `LC_MESSAGES`, then
/// `LANG` (the first that is set and not empty decides, as in POSIX); `nb` and
/// `no` (bokmål), `nn` (nynorsk) and `en` are recognised, anything else (`C`,
/// `POSIX`, `de_DE`) falls back to bokmål.
pub fn lang_from_locale(get: impl Fn(&str) -> Option<String>) -> super::Lang {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|k| get(k).filter(|v| !v.is_empty()))
        .unwrap_or_default();
    let lang = locale
        .split(['_', '.', '@', '-'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    match lang.as_str() {
        "en" => super::Lang::En,
        "nn" => super::Lang::Nn,
        _ => super::Lang::Nb,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_locale_decides_in_posix_order() {
        assert_eq!(lang_from_locale(env(&[])), Lang::Nb);
        assert_eq!(lang_from_locale(env(&[("LANG", "en_GB.UTF-8")])), Lang::En);
        assert_eq!(lang_from_locale(env(&[("LANG", "C.UTF-8")])), Lang::Nb);
        assert_eq!(lang_from_locale(env(&[("LANG", "nn_NO.UTF-8")])), Lang::Nn);
        assert_eq!(lang_from_locale(env(&[("LANG", "no_NO")])), Lang::Nb);
        assert_eq!(
            lang_from_locale(env(&[("LANG", "en_US.UTF-8"), ("LC_ALL", "nb_NO.UTF-8")])),
            Lang::Nb
        );
        assert_eq!(
            lang_from_locale(env(&[
                ("LANG", "nb_NO.UTF-8"),
                ("LC_ALL", ""),
                ("LC_MESSAGES", "en_US")
            ])),
            Lang::En
        );
    }
}
