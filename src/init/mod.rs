//! `plan init`: new plans on disk.
//!
//! In: a target directory, and for the demo a staff size and a seed. Out: the
//! plan's files — a commented skeleton that walks the adviser through KS's seven
//! steps ([`skeleton`]), or a complete synthetic plan for the fictional
//! municipality Fjordvik ([`demo`]) — written only when none of them exists yet.

pub mod demo;
mod files;
pub mod skeleton;
mod text;

pub use files::{write_all, OutFile, SCHEMA_DIR};
