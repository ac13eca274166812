//! `plan`: strategic competence planning (strategisk kompetanseplanlegging) for
//! Norwegian municipal health and care services, as code.
//!
//! Pipeline, one way: a [`plan_source`] (a directory) → [`load`] (bytes →
//! located raw values) → [`validate`] (raw → [`model::Plan`] and diagnostics),
//! run in order by [`pipeline::open`] → [`analyse`] (plan → analysis) →
//! [`render`] and [`report`] (analysis → table, JSON, CSV, Markdown, the
//! document). [`cmd`] holds one module per subcommand.

#![forbid(unsafe_code)]

pub mod analyse;
pub mod checks;
pub mod cmd;
pub mod diag;
pub mod diff;
pub mod i18n;
pub mod init;
pub mod load;
pub mod model;
pub mod pipeline;
pub mod plan_source;
pub mod raster;
pub mod render;
pub mod report;
pub mod schema;
pub mod source;
pub mod validate;
pub mod write;
