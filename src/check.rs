//! `cityquiz check`: read the city dataset (and, once they exist, question sets) exactly as the
//! game would, and say what is wrong where. Needs no window, so it runs in a build without the
//! `game` feature, on a school's server or in a teacher's CI.

use std::path::Path;

use crate::dataset::Dataset;
use crate::geography::MapShapes;

/// Checks a city dataset (the built-in one when `dataset` is `None`). `Ok` holds a one-line
/// summary, `Err` every problem, one per line.
pub fn check(dataset: Option<&Path>) -> Result<String, String> {
    let map = MapShapes::built_in().map_err(|err| err.to_string())?;
    let name = dataset.map_or_else(
        || "the built-in dataset".to_string(),
        |p| p.display().to_string(),
    );
    let dataset = Dataset::load(dataset, Some(&map.country))?;
    let facts: usize = dataset.cities.iter().map(|city| city.facts.len()).sum();
    Ok(format!(
        "{name}: no problems ({} cities, {} provinces, {facts} city facts, {} sources)",
        dataset.cities.len(),
        dataset.provinces.len(),
        dataset.sources.len()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_dataset_passes() {
        let summary = check(None).unwrap();
        assert!(summary.contains("no problems (28 cities"), "{summary}");
    }

    #[test]
    fn a_broken_file_names_file_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mine.toml");
        std::fs::write(&path, "topic = 3\n[[city]\n").unwrap();
        let problems = check(Some(&path)).unwrap_err();
        assert!(problems.contains("mine.toml:2:"), "{problems}");

        let missing = check(Some(Path::new("/no/such/file.toml"))).unwrap_err();
        assert!(missing.contains("could not be read"), "{missing}");
    }
}
