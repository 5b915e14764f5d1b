//! The facts quiz through the real App, by keys alone: which city (1–4), true or false (T/F),
//! which fact (1–4); the feedback's map shows the fact's city.

use super::*;
use cityquiz::game::data::GameData;
use cityquiz::game::map::MapScene;
use cityquiz::game::screens::quiz::{ActiveQuiz, QuizCommand, QuizKind, QuizPhase};
use cityquiz::quiz::{Answer, Question};

fn facts_quiz_app() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = headless_app(dir.path());
    choose(
        &mut app,
        MenuAction::Quiz(QuizCommand::Start(QuizKind::Facts)),
    );
    assert_eq!(screen(&app), Screen::Quiz);
    let mut quiz = app.world_mut().resource_mut::<ActiveQuiz>();
    quiz.session.time_limit = None;
    quiz.settings = quiz.settings.untimed();
    (dir, app)
}

fn quiz(app: &App) -> &ActiveQuiz {
    app.world().resource::<ActiveQuiz>()
}

fn phase(app: &App) -> QuizPhase {
    *app.world().resource::<State<QuizPhase>>().get()
}

fn digit(n: usize) -> KeyCode {
    cityquiz::game::menu::DIGIT_KEYS[n]
}

/// Answers the current question by keys and stays on the feedback.
fn answer_by_keys(app: &mut App, answer: &Answer) {
    let question = quiz(app).session.current().cloned().unwrap();
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

fn play(app: &mut App, right: impl Fn(usize) -> bool) -> Vec<&'static str> {
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
fn a_perfect_facts_quiz_by_keys_gets_the_maximum() {
    let (_dir, mut app) = facts_quiz_app();
    let kinds = play(&mut app, |_| true);
    assert_eq!(kinds.len(), 10);
    for kind in ["which-city", "true-false", "which-fact"] {
        assert!(kinds.contains(&kind), "{kind} in {kinds:?}");
    }
    assert_eq!(screen(&app), Screen::Results);
    assert_eq!(quiz(&app).session.summary().points, 13_500);
}

#[test]
fn misses_score_nothing_and_come_back_in_the_review() {
    let (_dir, mut app) = facts_quiz_app();
    play(&mut app, |i| i % 2 == 0);
    let session = &quiz(&app).session;
    assert_eq!(session.summary().correct, 5);
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
