use proptest::prelude::*;

use super::testing::{plan, questions};
use super::*;
use crate::dataset::CityKey;
use crate::quiz::population::{comparable, resolve};
use crate::quiz::{Question, grade, test_dataset};

/// A level's text with these rounds under a valid head.
fn level(rounds: &str) -> String {
    format!("format = 1\nid = \"test-level\"\ntitle = \"Test\"\n{rounds}")
}

fn problems(text: &str) -> String {
    parse_plan("levels/test.toml", text, &test_dataset())
        .unwrap_err()
        .to_string()
}

#[test]
fn every_built_in_level_reads_and_deals_without_a_problem() {
    let d = test_dataset();
    let plans = built_in_plans(&d).unwrap_or_else(|problems| panic!("{problems}"));
    let levels = plans
        .iter()
        .filter(|plan| plan.shelf == Shelf::Levels)
        .count();
    assert!(levels >= 8, "{levels} levels");
    for plan in &plans {
        assert!(
            !plan.title.is_empty() && !plan.instructions.is_empty(),
            "{}",
            plan.id
        );
        let dealt = deal(
            &d,
            plan,
            &PlanChoices::default(),
            1,
            &[CityKey::new("anju")],
        );
        assert!(
            dealt.problems.is_empty(),
            "{}: {:?}",
            plan.id,
            dealt.problems
        );
        assert!(!dealt.questions.is_empty(), "{}", plan.id);
        for question in &dealt.questions {
            let right = question.right_answer(&d).unwrap();
            assert!(grade(&d, question, &right).unwrap().correct, "{}", plan.id);
        }
    }
    for id in [
        "quick-play",
        "map",
        "facts",
        "higher-or-lower",
        "drill",
        "daily",
    ] {
        assert!(plans.iter().any(|plan| plan.id == id), "{id}");
    }
}

#[test]
fn a_round_with_too_few_cities_is_reported_at_its_line_with_a_fix() {
    let text = level(
        "\n[[round]]\nkinds = [\"where-is\"]\nquestions = 8\ncities = { province = \"north-hamgyong\" }\neach_city_once = true\n",
    );
    let found = problems(&text);
    assert!(found.contains("levels/test.toml:5:1:"), "{found}");
    assert!(
        found.contains("asks 8 questions each about another city, but its cities are only 4"),
        "{found}"
    );
    assert!(found.contains("fix: ask at most questions = 4"), "{found}");
}

#[test]
fn an_unknown_city_is_reported_with_the_closest_names() {
    let text = level(
        "[[round]]\nkinds = [\"where-is\"]\nquestions = 2\ncities = [\"Nampo\", \"Hamhng\", \"함흥\"]\n",
    );
    let found = problems(&text);
    assert!(
        found.contains("levels/test.toml:7:20: there is no city \"Hamhng\""),
        "{found}"
    );
    assert!(found.contains("did you mean \"Hamhung\"?"), "{found}");
    // Any spelling names a city: the Hangul one was read.
    assert_eq!(found.matches("there is no city").count(), 1, "{found}");
}

#[test]
fn an_unknown_kind_is_reported_with_the_closest_kind() {
    let found = problems(&level("[[round]]\nkinds = [\"were-is\"]\nquestions = 2\n"));
    assert!(
        found.contains("levels/test.toml:5:10: \"were-is\" is not a kind of question"),
        "{found}"
    );
    assert!(found.contains("did you mean \"where-is\""), "{found}");
}

#[test]
fn an_unknown_field_is_reported_with_the_closest_field() {
    let found = problems(&level(
        "pass_mrk = 60\n[[round]]\nkinds = [\"where-is\"]\nquestions = 2\nqestions = 3\n",
    ));
    assert!(
        found.contains("levels/test.toml:4:1: the level has no field \"pass_mrk\""),
        "{found}"
    );
    assert!(found.contains("did you mean \"pass_mark\""), "{found}");
    assert!(
        found.contains("levels/test.toml:8:1: this [[round]] has no field \"qestions\""),
        "{found}"
    );
    assert!(found.contains("did you mean \"questions\""), "{found}");
}

#[test]
fn a_pass_mark_over_100_is_reported_with_its_range() {
    let found = problems(&level(
        "pass_mark = 120\n[[round]]\nkinds = [\"where-is\"]\nquestions = 2\n",
    ));
    assert!(
        found.contains("levels/test.toml:4:13: \"pass_mark\" is 120: it must be from 0 to 100"),
        "{found}"
    );
    assert!(
        found.contains("fix: write pass_mark = a number from 0 to 100"),
        "{found}"
    );
}

#[test]
fn every_problem_is_reported_at_once_and_a_syntax_error_too() {
    let found =
        problems("format = 2\nid = \"Bad Id\"\n[[round]]\nkinds = [\"x\"]\nquestions = 0\n");
    for expected in [
        "format 2",
        "not a slug",
        "no \"title\"",
        "\"x\" is not a kind",
        "\"questions\" is 0",
    ] {
        assert!(found.contains(expected), "{expected}: {found}");
    }
    let syntax = problems("format = 1\n[[round]\n");
    assert!(syntax.contains("levels/test.toml:2:"), "{syntax}");
}

#[test]
fn a_round_its_cities_cannot_fill_is_found_by_the_dry_run() {
    // Four cities cannot make a board of six.
    let found = problems(&level(
        "[[round]]\nkinds = [\"match-board\"]\nquestions = 1\ncities = { status = [\"capital\", \"special city\"] }\nboard_size = 6\n",
    ));
    assert!(
        found.contains("levels/test.toml:4:1: round 1 cannot always be dealt: match-board"),
        "{found}"
    );
}

#[test]
fn the_content_hash_is_fnv_1a_and_follows_the_text() {
    // The published FNV-1a test vectors: a changed formula would move every saved hash.
    assert_eq!(content_hash(""), "cbf29ce484222325");
    assert_eq!(content_hash("a"), "af63dc4c8601ec8c");
    assert_eq!(content_hash("foobar"), "85944171f73967e8");
    let d = test_dataset();
    let text = level("[[round]]\nkinds = [\"where-is\"]\nquestions = 2\n");
    let plan = parse_plan("a.toml", &text, &d).unwrap();
    assert_eq!(plan.content_hash, content_hash(&text));
}

#[test]
fn plans_tell_apart_from_datasets() {
    assert!(is_plan_file(&level("[[round]]\nkinds = [\"where-is\"]\n")));
    assert!(!is_plan_file(crate::dataset::BUILT_IN));
}

#[test]
fn a_drill_asks_exactly_its_cities_and_offers_each_as_the_others_name() {
    let d = test_dataset();
    let drill = plan(&d, "drill");
    let pair = [CityKey::new("hamhung"), CityKey::new("sinpo")];
    let dealt = deal(&d, &drill, &PlanChoices::default(), 3, &pair);
    assert_eq!(dealt.questions.len(), 4);
    let mut asked: Vec<CityKey> = dealt
        .questions
        .iter()
        .filter_map(Question::subject)
        .collect();
    asked.sort();
    assert_eq!(
        asked,
        [&pair[0], &pair[0], &pair[1], &pair[1]].map(Clone::clone)
    );
    for question in &dealt.questions {
        if let Question::NameMarked(q) = question {
            assert!(pair.iter().all(|city| q.choices.contains(city)), "{q:?}");
        }
    }
    assert_eq!(deal(&d, &drill, &PlanChoices::default(), 3, &pair), dealt);
    let unknown = [CityKey::new("atlantis")];
    assert!(
        deal(&d, &drill, &PlanChoices::default(), 3, &unknown)
            .questions
            .is_empty()
    );
}

#[test]
fn a_map_quiz_mixes_the_four_kinds_over_different_cities() {
    let d = test_dataset();
    let asked = questions(&d, "map", 7);
    assert_eq!(asked.len(), 10);
    let count = |name: &str| asked.iter().filter(|q| q.kind_name() == name).count();
    assert_eq!(
        [
            count("where-is"),
            count("find-on-map"),
            count("name-marked"),
            count("which-province")
        ],
        [3, 3, 2, 2]
    );
    let mut cities: Vec<_> = asked
        .iter()
        .flat_map(Question::cities)
        .filter(|_| true)
        .collect();
    cities.sort();
    cities.dedup();
    let subjects: Vec<_> = asked.iter().filter_map(Question::subject).collect();
    let mut distinct = subjects.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 10, "each question about another city");
}

#[test]
fn an_easy_map_quiz_asks_only_the_largest_cities_and_tables_keep_difficulties_apart() {
    use crate::quiz::placement::{Difficulty, city_pool};
    let d = test_dataset();
    let map = plan(&d, "map");
    let easy = PlanChoices {
        difficulty: Difficulty::Easy,
        ..PlanChoices::default()
    };
    let pool: Vec<_> = city_pool(&d, Difficulty::Easy)
        .into_iter()
        .map(|id| d.key(id))
        .collect();
    for seed in 0..10 {
        for question in deal(&d, &map, &easy, seed, &[]).questions {
            assert!(
                question.cities().iter().all(|city| pool.contains(city)),
                "{question:?}"
            );
        }
    }
    assert_eq!(map.table_name(Difficulty::Easy), "map/easy");
    assert_eq!(plan(&d, "facts").table_name(Difficulty::Easy), "facts");
}

#[test]
fn a_level_of_chosen_cities_asks_only_those() {
    let d = test_dataset();
    let ports = plan(&d, "coast-and-ports");
    let listed = match &ports.rounds[0].cities {
        Cities::Listed(keys) => keys.clone(),
        other => panic!("{other:?}"),
    };
    for seed in 0..20 {
        for question in deal(&d, &ports, &PlanChoices::default(), seed, &[]).questions {
            let subject = question.subject().expect("one city a question");
            assert!(listed.contains(&subject), "{subject}");
        }
    }
}

#[test]
fn a_facts_quiz_mixes_three_kinds_and_ends_with_a_board() {
    let d = test_dataset();
    for seed in 0..20 {
        let asked = questions(&d, "facts", seed);
        assert_eq!(asked.len(), 11, "seed {seed}");
        assert_eq!(asked[10].kind_name(), "match-board");
        let count = |name: &str| asked.iter().filter(|q| q.kind_name() == name).count();
        assert_eq!(
            [
                count("which-city"),
                count("true-false"),
                count("which-fact")
            ],
            [4, 3, 3]
        );
        for question in &asked {
            let wrong = question.wrong_answer(&d).unwrap();
            assert!(!grade(&d, question, &wrong).unwrap().correct);
        }
    }
}

proptest! {
    #[test]
    fn the_same_seed_gives_the_same_quiz_of_every_plan(seed in any::<u64>()) {
        let d = test_dataset();
        for plan in built_in_plans(&d).unwrap() {
            let choices = PlanChoices::default();
            prop_assert_eq!(deal(&d, &plan, &choices, seed, &[]), deal(&d, &plan, &choices, seed, &[]));
        }
    }

    #[test]
    fn quizzes_never_ask_a_disputed_comparison(seed in any::<u64>(), size in 3usize..=8) {
        let d = test_dataset();
        let choices = PlanChoices { order_size: size, ..PlanChoices::default() };
        for question in deal(&d, &plan(&d, "quick-play"), &choices, seed, &[]).questions {
            let measure = match &question {
                Question::OrderByPopulation(q) => q.measure,
                Question::HigherOrLower(q) => q.measure,
                _ => continue,
            };
            let cities: Vec<_> = question.cities().iter().map(|key| resolve(&d, key).unwrap()).collect();
            for (i, &a) in cities.iter().enumerate() {
                for &b in &cities[i + 1..] {
                    prop_assert!(comparable(&d, a, b, measure));
                }
            }
        }
    }
}
