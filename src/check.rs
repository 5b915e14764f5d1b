//! `cityquiz check`: read city datasets and levels exactly as the game would, and say what is
//! wrong where. A file is told apart by its content (a level says `format` and has rounds).
//! Needs no window, so it runs in a build without the `game` feature, on a school's server or
//! in a teacher's CI.

use std::path::{Path, PathBuf};

use crate::dataset::Dataset;
use crate::geography::MapShapes;
use crate::plan::{built_in_plans, is_plan_file, parse_plan};

/// Checks the dataset (the built-in one when `dataset` is `None`), then each file: a dataset on
/// its own, a level against the dataset. With no file, the built-in levels are checked too.
/// `Ok` holds a summary line per file, `Err` every problem of every file, one per line.
pub fn check(dataset: Option<&Path>, files: &[PathBuf]) -> Result<String, String> {
    let map = MapShapes::built_in().map_err(|err| err.to_string())?;
    let name = dataset.map_or_else(
        || "the built-in dataset".to_string(),
        |p| p.display().to_string(),
    );
    let dataset = Dataset::load(dataset, Some(&map.country))?;
    let mut summaries = vec![format!("{name}: no problems ({})", describe(&dataset))];
    let mut problems: Vec<String> = Vec::new();
    if files.is_empty() {
        match built_in_plans(&dataset) {
            Ok(plans) => summaries.push(format!(
                "the built-in levels: no problems ({} plans)",
                plans.len()
            )),
            Err(found) => problems.push(found.to_string()),
        }
    }
    for path in files {
        let shown = path.display().to_string();
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(err) => {
                problems.push(format!("{shown}: could not be read: {err}"));
                continue;
            }
        };
        if is_plan_file(&text) {
            match parse_plan(&shown, &text, &dataset) {
                Ok(plan) => summaries.push(format!(
                    "{shown}: no problems (level \"{}\", {} round{})",
                    plan.title,
                    plan.rounds.len(),
                    if plan.rounds.len() == 1 { "" } else { "s" }
                )),
                Err(found) => problems.push(found.to_string()),
            }
        } else {
            match Dataset::parse(&shown, &text, Some(&map.country)) {
                Ok(other) => summaries.push(format!("{shown}: no problems ({})", describe(&other))),
                Err(found) => problems.push(found.to_string()),
            }
        }
    }
    if problems.is_empty() {
        Ok(summaries.join("\n"))
    } else {
        Err(problems.join("\n"))
    }
}

fn describe(dataset: &Dataset) -> String {
    let facts: usize = dataset.cities.iter().map(|city| city.facts.len()).sum();
    format!(
        "{} cities, {} provinces, {facts} city facts, {} sources",
        dataset.cities.len(),
        dataset.provinces.len(),
        dataset.sources.len()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_dataset_and_levels_pass() {
        let summary = check(None, &[]).unwrap();
        assert!(summary.contains("no problems (28 cities"), "{summary}");
        assert!(
            summary.contains("the built-in levels: no problems"),
            "{summary}"
        );
    }

    #[test]
    fn every_level_file_of_the_repository_passes_and_is_told_from_a_dataset() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("levels"))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
            .collect();
        files.push(root.join("assets/data/cities.toml"));
        let summary = check(None, &files).unwrap();
        assert_eq!(
            summary.matches("(level ").count(),
            files.len() - 1,
            "{summary}"
        );
        assert_eq!(summary.matches("28 cities, ").count(), 2, "{summary}");
    }

    #[test]
    fn a_broken_file_names_file_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mine.toml");
        std::fs::write(&path, "topic = 3\n[[city]\n").unwrap();
        let problems = check(Some(&path), &[]).unwrap_err();
        assert!(problems.contains("mine.toml:2:"), "{problems}");

        let missing = check(Some(Path::new("/no/such/file.toml")), &[]).unwrap_err();
        assert!(missing.contains("could not be read"), "{missing}");

        let level = dir.path().join("level.toml");
        std::fs::write(&level, "format = 1\nid = \"x\"\ntitle = \"X\"\n[[round]]\nkinds = [\"where-iz\"]\nquestions = 3\n").unwrap();
        let problems = check(None, &[level]).unwrap_err();
        assert!(
            problems.contains("level.toml:5:10: \"where-iz\" is not a kind"),
            "{problems}"
        );
    }
}
