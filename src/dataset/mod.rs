//! The city dataset (assets/data/cities.toml): read from TOML, checked, and turned into typed data.
//!
//! `model` is the typed data; `raw` mirrors the file, `check` holds the rules, `load` reads a
//! file through them. `Dataset::parse` checks every rule and reports every problem
//! at once with file, line, column and a fix, or returns data in which every id resolves and
//! every figure has a year and a source. The format is described at the top of the file itself.

mod check;
mod load;
mod model;
mod raw;
#[cfg(test)]
mod tests;

pub use model::*;
