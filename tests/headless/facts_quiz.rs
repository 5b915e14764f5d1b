//! The facts quiz through the real App, by keys alone: which city (1–4), true or false (T/F),
//! which fact (1–4); the feedback's map shows the fact's city.

use super::*;
use super::{active_quiz as quiz, quiz_phase as phase};
use cityquiz::game::data::GameData;
use cityquiz::game::keys::LETTER_KEYS;
use cityquiz::game::testing::MapScene;
use cityquiz::game::testing::QuizPhase;
use cityquiz::quiz::facts::resolve_fact;
use cityquiz::quiz::match_board::MatchBoardQuestion;
use cityquiz::quiz::{Answer, Feedback, Question};

fn facts_quiz_app() -> (tempfile::TempDir, App) {
    untimed_quiz_app("facts", false)
}

fn digit(n: usize) -> KeyCode {
    cityquiz::game::keys::DIGIT_KEYS[n]
}

/// For each fact of the board, the number of its city.
fn board_key(app: &App, board: &MatchBoardQuestion) -> Vec<usize> {
    let dataset = &app.world().resource::<GameData>().dataset;
    board
        .facts
        .iter()
        .map(|id| {
            let pair = resolve_fact(dataset, id).unwrap();
            board
                .cities
                .iter()
                .position(|key| pair.fits(dataset.city_by_key(key).unwrap().id))
                .unwrap()
        })
        .collect()
}

/// Plays a board by keys: `misses` wrong pairs first (the first fact with the wrong city),
/// then every right pair.
fn play_board(app: &mut App, board: &MatchBoardQuestion, misses: u32) {
    let key = board_key(app, board);
    for _ in 0..misses {
        tap(app, LETTER_KEYS[0]);
        tap(app, digit((key[0] + 1) % key.len() + 1));
    }
    for (fact, city) in key.iter().enumerate() {
        tap(app, LETTER_KEYS[fact]);
        tap(app, digit(city + 1));
    }
    app.update();
}

/// Answers the current question by keys and stays on the feedback.
fn answer_by_keys(app: &mut App, answer: &Answer) {
    let question = quiz(app).session.current().cloned().unwrap();
    if let (Question::MatchBoard(board), Answer::MatchBoard(a)) = (&question, answer) {
        play_board(app, board, a.misses);
        assert_eq!(phase(app), QuizPhase::Feedback);
        return;
    }
    let key = match (&question, answer) {
        (Question::WhichCity(q), Answer::WhichCity(a)) => {
            digit(q.choices.iter().position(|c| *c == a.city).unwrap() + 1)
        }
        (Question::TrueFalse(_), Answer::TrueFalse(a)) => {
            if a.says_true {
                KeyCode::KeyT
            } else {
                KeyCode::KeyF
            }
        }
        (Question::WhichFact(q), Answer::WhichFact(a)) => {
            digit(q.choices.iter().position(|f| *f == a.fact).unwrap() + 1)
        }
        other => panic!("not a fact question: {other:?}"),
    };
    tap(app, key);
    assert_eq!(phase(app), QuizPhase::Feedback);
}

/// Answers the next `count` questions right, by keys, and goes on past each feedback.
pub(crate) fn play_some(app: &mut App, count: usize) {
    for _ in 0..count {
        let question = quiz(app).session.current().cloned().unwrap();
        let dataset = app.world().resource::<GameData>().dataset.clone();
        answer_by_keys(app, &question.right_answer(&dataset).unwrap());
        tap(app, KeyCode::Enter);
    }
}

pub(crate) fn play(app: &mut App, right: impl Fn(usize) -> bool) -> Vec<&'static str> {
    let mut kinds = Vec::new();
    while screen(app) == Screen::Quiz {
        let question = quiz(app).session.current().cloned().unwrap();
        kinds.push(question.kind_name());
        let dataset = app.world().resource::<GameData>().dataset.clone();
        let answer = if right(kinds.len() - 1) {
            question.right_answer(&dataset).unwrap()
        } else {
            question.wrong_answer(&dataset).unwrap()
        };
        answer_by_keys(app, &answer);
        tap(app, KeyCode::Enter);
    }
    kinds
}

#[test]
fn a_perfect_facts_quiz_by_keys_gets_the_maximum_and_keeps_the_board_time() {
    let (_dir, mut app) = facts_quiz_app();
    let kinds = play(&mut app, |_| true);
    assert_eq!(kinds.len(), 11);
    for kind in ["which-city", "true-false", "which-fact", "match-board"] {
        assert!(kinds.contains(&kind), "{kind} in {kinds:?}");
    }
    assert_eq!(screen(&app), Screen::Results);
    // Eleven right: 11,000 and streak bonuses of 100 … 500 (4,000).
    assert_eq!(quiz(&app).session.summary().points, 15_000);
    // The board's time is the best for its size: said on the Results screen, and kept.
    let text = page(&app).paragraphs.join("\n");
    assert!(text.contains("Match board: 6 pairs in"), "{text}");
    assert!(text.contains("a new best for this size!"), "{text}");
    let progress = app.world().resource::<cityquiz::game::progress::Progress>();
    let player = progress.player.unwrap();
    let records = progress
        .with_db(|db| db.player_records(player, &[]))
        .unwrap()
        .unwrap();
    assert!(records.board_best(6).is_some(), "{records:?}");
}

#[test]
fn misses_score_nothing_and_come_back_in_the_review() {
    let (_dir, mut app) = facts_quiz_app();
    play(&mut app, |i| i % 2 == 0);
    let session = &quiz(&app).session;
    assert_eq!(session.summary().correct, 6);
    assert_eq!(session.missed().len(), 5);
}

#[test]
fn the_feedback_shows_the_fact_with_its_source_and_its_city_on_the_map() {
    let (_dir, mut app) = facts_quiz_app();
    let question = quiz(&app).session.current().cloned().unwrap();
    let data = app.world().resource::<GameData>().clone();
    let wrong = question.wrong_answer(&data.dataset).unwrap();
    answer_by_keys(&mut app, &wrong);
    let grade = quiz(&app).last_grade.clone().unwrap();
    assert!(!grade.correct);
    let scene = app.world().resource::<MapScene>();
    let shown = grade.feedback.cities();
    assert_eq!(scene.emphasis, data.city_ids(&shown));
    let described = grade.feedback.describe_truth(&data.dataset);
    assert!(!described.is_empty());
}

#[test]
fn a_board_counts_a_wrong_pair_as_a_miss_and_stops_the_clock_at_the_last_pair() {
    let (_dir, mut app) = facts_quiz_app();
    while !matches!(quiz(&app).session.current(), Some(Question::MatchBoard(_))) {
        let question = quiz(&app).session.current().cloned().unwrap();
        let dataset = app.world().resource::<GameData>().dataset.clone();
        answer_by_keys(&mut app, &question.right_answer(&dataset).unwrap());
        tap(&mut app, KeyCode::Enter);
    }
    let Some(Question::MatchBoard(board)) = quiz(&app).session.current().cloned() else {
        panic!()
    };
    assert_eq!(board.facts.len(), 6);
    // A city before any fact does nothing; a wrong pair is a miss.
    tap(&mut app, digit(1));
    play_board(&mut app, &board, 1);
    let result = quiz(&app).session.results.last().unwrap().clone();
    let Answer::MatchBoard(answer) = &result.answer else {
        panic!()
    };
    assert_eq!(answer.misses, 1);
    let Feedback::MatchBoard(feedback) = &result.grade.feedback else {
        panic!()
    };
    assert_eq!(feedback.pairs.len(), 6);
    assert_eq!(feedback.seconds, Some(answer.seconds));
    // Played in well under par (36 s): only the miss costs, a sixth of the points.
    assert_eq!(result.points, 833);
    assert!(!result.grade.correct);
    // The clock stopped at the last pair: time passing on the feedback changes nothing.
    for _ in 0..5 {
        app.update();
    }
    let later = quiz(&app).session.results.last().unwrap();
    assert_eq!(later.answer, result.answer);
}
