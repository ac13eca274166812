//! JSON Schema (draft-07) for the plan files, generated from the raw types so the
//! schema and the loader can never disagree.
//!
//! In: the [`PlanFile`] type and its doc comments. Out: pretty-printed JSON text,
//! committed under `schemas/` and referenced by the `#:schema` directive (TOML,
//! taplo) and the `yaml-language-server` modeline (YAML).

use schemars::generate::SchemaSettings;

use crate::model::raw::PlanFile;

/// File name of the schema for plan files (TOML and YAML share one schema).
pub const PLAN_FILE_SCHEMA: &str = "plan-file.schema.json";

/// The schema for one plan file, as pretty JSON with a trailing newline.
pub fn plan_file_schema() -> String {
    let schema = SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<PlanFile>();
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// Every schema file: (file name, contents).
pub fn all() -> Vec<(&'static str, String)> {
    vec![(PLAN_FILE_SCHEMA, plan_file_schema())]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_is_draft07_and_describes_keys_in_norwegian() {
        let text = plan_file_schema();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["$schema"], "http://json-schema.org/draft-07/schema#");
        let capacity = v["properties"]["capacity"]["description"].as_str().unwrap();
        assert!(capacity.contains("Bemanningsplan"), "{capacity}");
    }
}
