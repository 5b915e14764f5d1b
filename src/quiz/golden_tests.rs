//! The golden seeds: a seed is promised to give the same quiz on every machine and in every
//! later version, so the questions seeds 0–9 give for Quick Play, the map quiz and the facts quiz
//! are recorded in `golden/`, against a frozen copy of the dataset as it was when they were
//! recorded (`tests/fixtures/cities-2026-12-01.toml`), so that work on the data moves no golden.
//!
//! Each line is a question in full (`{:?}`: its kind, cities, facts, choices and figures). After
//! a change that is *meant* to give other questions, record them again with
//! `CITYQUIZ_BLESS=1 cargo test --no-default-features --lib golden` and say why in the commit.

use std::path::Path;

use super::Question;
use crate::dataset::Dataset;
use crate::geography::MapShapes;

/// The dataset the goldens were recorded against.
fn frozen_dataset() -> Dataset {
    let map = MapShapes::built_in().expect("the built-in map");
    let text = include_str!("../../tests/fixtures/cities-2026-12-01.toml");
    Dataset::parse(
        "tests/fixtures/cities-2026-12-01.toml",
        text,
        Some(&map.country),
    )
    .expect("the frozen dataset passes its checks")
}

/// Seeds 0–9 of one built-in plan (its file in levels/), a line a question.
fn lines(plan: &str) -> String {
    let dataset = frozen_dataset();
    (0..10u64)
        .flat_map(|seed| {
            let questions: Vec<Question> = crate::plan::testing::questions(&dataset, plan, seed);
            questions
                .into_iter()
                .map(move |question| format!("{seed}: {question:?}\n"))
        })
        .collect()
}

/// Compares with the recorded file, or records it under `CITYQUIZ_BLESS=1`.
fn assert_golden(name: &str, played: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src/quiz/golden")
        .join(name);
    if std::env::var_os("CITYQUIZ_BLESS").is_some() {
        std::fs::write(&path, played).expect("the golden file can be written");
        return;
    }
    let recorded = std::fs::read_to_string(&path).expect("the golden file is there");
    for (number, (now, then)) in played.lines().zip(recorded.lines()).enumerate() {
        assert_eq!(now, then, "{name}, line {}", number + 1);
    }
    assert_eq!(
        played.lines().count(),
        recorded.lines().count(),
        "{name}: as many questions"
    );
}

#[test]
fn seeds_zero_to_nine_give_the_recorded_quick_play() {
    assert_golden("quick_play.txt", &lines("quick-play"));
}

#[test]
fn seeds_zero_to_nine_give_the_recorded_map_quiz() {
    assert_golden("map.txt", &lines("map"));
}

#[test]
fn seeds_zero_to_nine_give_the_recorded_facts_quiz() {
    assert_golden("facts.txt", &lines("facts"));
}
