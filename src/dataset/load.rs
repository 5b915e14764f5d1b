//! Reading a dataset: the built-in one or a file, through the checks, into the model.

use std::path::Path;

use super::check;
use super::model::{BUILT_IN, Dataset};
use super::raw;
use crate::diagnostics::{Problems, SourceFile};
use crate::geography::CountryShape;

impl Dataset {
    /// The built-in dataset, checked against the built-in map.
    pub fn built_in(country: Option<&CountryShape>) -> Result<Dataset, Problems> {
        Dataset::parse("assets/data/cities.toml", BUILT_IN, country)
    }

    /// Reads and checks the dataset at `path`, or the built-in one. The error lists every
    /// problem, one per line, or says why the file could not be read.
    pub fn load(path: Option<&Path>, country: Option<&CountryShape>) -> Result<Dataset, String> {
        match path {
            None => Dataset::built_in(country),
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|err| format!("{}: could not be read: {err}", path.display()))?;
                Dataset::parse(&path.display().to_string(), &text, country)
            }
        }
        .map_err(|problems| problems.to_string())
    }

    /// Reads and checks a dataset. `country`, when given, is the outline coordinates must lie in.
    pub fn parse(
        file_name: &str,
        text: &str,
        country: Option<&CountryShape>,
    ) -> Result<Dataset, Problems> {
        let mut file = SourceFile::new(file_name, text);
        let raw: raw::RawDataset = match toml::from_str(text) {
            Ok(raw) => raw,
            Err(err) => {
                let span = err.span().unwrap_or(0..0);
                file.report(span, err.message().trim(), check::toml_fix(err.message()));
                return Err(file.into_problems());
            }
        };
        let dataset = check::Checker::new(&mut file, country).check(raw);
        if file.has_problems() {
            Err(file.into_problems())
        } else {
            Ok(dataset)
        }
    }
}
