//! `plan`: strategic competence planning (strategisk kompetanseplanlegging) for
//! Norwegian municipal health and care services, as code.
//!
//! Pipeline: [`load`] (files → located raw values) → [`validate`] (raw →
//! [`model::Plan`] and diagnostics) → [`analyse`] (plan → analysis) → [`render`]
//! (analysis → table, JSON, CSV, Markdown). [`cmd`] holds one module per subcommand.

pub mod analyse;
pub mod checks;
pub mod cmd;
pub mod diag;
pub mod i18n;
pub mod init;
pub mod load;
pub mod model;
pub mod render;
pub mod report;
pub mod schema;
pub mod source;
pub mod validate;
pub mod write;
