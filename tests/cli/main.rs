//! The integration tests: one binary that drives the real `plan` command over
//! the examples and the fixture directories under `tests/fixtures/`. One module
//! per subject; shared helpers in `common`.

mod common;

mod analyse;
mod architecture;
mod check;
mod ci_formats;
mod diff;
mod disclosure;
mod formats;
mod hostile;
mod import;
mod init;
mod population;
mod privacy;
mod report;
mod robustness;
mod scale;
mod schema;
mod workbook;
mod workload;
#[path = "../support/xlsx.rs"]
mod xlsx;
