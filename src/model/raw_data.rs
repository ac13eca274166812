//! Raw types of `[data.staff]` / `[data.survey]`: a bare path (format v1) or a
//! table describing a real export (delimiter, encoding, column and value
//! mappings, wide survey layout).

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

/// Datafil: a CSV path relative to the plan directory, or a table describing an
/// export from an HR system or survey tool.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[schemars(untagged)]
pub enum RawSource {
    /// Sti: path of a CSV file in format v1, e.g. "data/staff.csv".
    Path(String),
    /// Eksport: a CSV export with its mapping.
    Table(RawSourceTable),
}

impl RawSource {
    pub fn path(&self) -> &str {
        match self {
            RawSource::Path(p) => p,
            RawSource::Table(t) => &t.path,
        }
    }
}

impl<'de> Deserialize<'de> for RawSource {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawSource;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a path (string) or a table with `path`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawSource, E> {
                Ok(RawSource::Path(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawSource, A::Error> {
                RawSourceTable::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(RawSource::Table)
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// Tegnkoding: text encoding of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
pub enum RawEncoding {
    /// UTF-8 (with or without byte-order mark).
    #[serde(rename = "utf-8", alias = "utf8", alias = "UTF-8")]
    Utf8,
    /// Windows-1252 (Excel on a Norwegian PC, "CSV (semikolonseparert)").
    #[serde(rename = "windows-1252", alias = "cp1252", alias = "Windows-1252")]
    Windows1252,
}

/// Layout of a survey export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RawLayout {
    /// One row per answer (format v1).
    Long,
    /// One row per respondent, one column per question (Nettskjema, Forms).
    Wide,
}

/// What a survey question column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RawAnswerField {
    /// Selvvurdert nivå (1–5).
    Level,
    /// Selvvurdert behov for opplæring (1–5).
    Need,
}

/// Spørsmål: the competence a question column is about, and whether it asks for level or need.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    /// Realkompetanse id.
    pub competence: String,
    /// `level` or `need`.
    pub field: RawAnswerField,
}

/// A value of the answer scale: a number 1–5, or "" for no answer ("Vet ikke").
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum RawScaleValue {
    Number(i64),
    Text(String),
}

/// Eksport: how to read a CSV export from an HR system or survey tool.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSourceTable {
    /// Sti: path relative to the plan directory.
    pub path: String,
    /// Skilletegn: ",", ";" or "\t" (tab); detected from the header when omitted.
    pub delimiter: Option<String>,
    /// Tegnkoding: "utf-8" or "windows-1252"; UTF-8 unless the bytes are not UTF-8.
    pub encoding: Option<RawEncoding>,
    /// Desimaltegn: "," or "."; "," when the delimiter is ";".
    pub decimal_mark: Option<String>,
    /// Innledende linjer: preamble lines (rows of a workbook) before the header.
    pub skip: Option<u32>,
    /// Ark: the worksheet of an Excel or OpenDocument workbook to read (default: the first).
    pub sheet: Option<String>,
    /// Kolonner: v1 field → header in the file, e.g. percent = "Stillingsprosent".
    #[serde(default)]
    pub columns: BTreeMap<String, String>,
    /// Verdier: per v1 field, text in the file → id in the plan, e.g. "Autorisert sykepleier" = "sykepleier".
    #[serde(default)]
    pub values: BTreeMap<String, BTreeMap<String, String>>,
    /// Oppsett (survey only): "long" (one row per answer) or "wide" (one column per question).
    pub layout: Option<RawLayout>,
    /// Spørsmål (wide survey): question header → { competence, field = "level" | "need" }.
    #[serde(default)]
    pub questions: BTreeMap<String, RawQuestion>,
    /// Skala: answer label → number 1–5, or "" for no answer, e.g. "Svært god" = 5, "Vet ikke" = "".
    #[serde(default)]
    pub scale: BTreeMap<String, RawScaleValue>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_or_table() {
        let p: RawSource = serde_json::from_str("\"data/staff.csv\"").unwrap();
        assert_eq!(p.path(), "data/staff.csv");
        let t: RawSource = serde_json::from_str(
            r#"{"path": "x.csv", "delimiter": ";", "encoding": "windows-1252", "columns": {"percent": "Stillingsprosent"}, "scale": {"Svært god": 5, "Vet ikke": ""}}"#,
        )
        .unwrap();
        let RawSource::Table(t) = t else { panic!() };
        assert_eq!(t.encoding, Some(RawEncoding::Windows1252));
        assert_eq!(t.scale["Vet ikke"], RawScaleValue::Text(String::new()));
        let err =
            serde_json::from_str::<RawSource>(r#"{"path": "x", "delimter": ";"}"#).unwrap_err();
        assert!(
            err.to_string().contains("unknown field `delimter`"),
            "{err}"
        );
    }
}
