//! The messages between the layers, heard as a listener below the screens hears them, and the
//! automation script driving the App the way a player would.

use super::*;
use cityquiz::game::GameOptions;
use cityquiz::game::automation::Script;
use cityquiz::game::messages::{AnswerGiven, HandIn, QuizCommand, QuizFinished, Round};
use cityquiz::game::testing::{quiz, untimed_app};

/// Everything a listener heard.
#[derive(Resource, Default)]
struct Heard {
    answers: Vec<AnswerGiven>,
    finished: Vec<QuizFinished>,
}

fn listen(app: &mut App) {
    app.init_resource::<Heard>().add_systems(
        PostUpdate,
        |mut answers: MessageReader<AnswerGiven>,
         mut finished: MessageReader<QuizFinished>,
         mut heard: ResMut<Heard>| {
            heard.answers.extend(answers.read().cloned());
            heard.finished.extend(finished.read().cloned());
        },
    );
}

/// Hands in an answer and goes on past its feedback.
fn hand_in(app: &mut App, answer: HandIn) {
    app.world_mut().write_message(answer);
    app.update();
    app.update();
    tap(app, KeyCode::Enter);
}

#[test]
fn a_listener_hears_every_answer_of_a_quiz_once_review_round_included() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = untimed_app(dir.path());
    listen(&mut app);
    play_level(&mut app, "map");
    for number in 0..10 {
        let answer = if number % 3 == 0 {
            HandIn::Wrong
        } else {
            HandIn::Right
        };
        hand_in(&mut app, answer);
    }
    assert_eq!(screen(&app), Screen::Results);
    let missed = quiz(&app).session.missed();
    assert_eq!(
        missed.len(),
        4,
        "questions 1, 4, 7 and 10 were answered wrong"
    );
    choose(&mut app, MenuAction::Quiz(QuizCommand::ReviewMistakes));
    assert_eq!(screen(&app), Screen::Quiz);
    for _ in 0..missed.len() {
        hand_in(&mut app, HandIn::Right);
    }
    assert_eq!(screen(&app), Screen::Results);

    let heard = app.world().resource::<Heard>();
    let session = &quiz(&app).session;
    assert_eq!(heard.answers.len(), 10 + missed.len(), "each answer once");
    let (main, review): (Vec<&AnswerGiven>, Vec<&AnswerGiven>) = heard
        .answers
        .iter()
        .partition(|answer| answer.round == Round::Main);
    for (position, (answer, kept)) in main.iter().zip(&session.results).enumerate() {
        assert_eq!(answer.position, position);
        assert_eq!(
            &answer.result, kept,
            "what the session keeps, as it was graded"
        );
        assert_eq!(answer.played.plan, "map");
        assert_eq!(answer.played.mode, "map/normal");
        assert_eq!(answer.seed, quiz(&app).seed);
        assert!(answer.player.is_some(), "Player 1, made at the start");
        assert!(answer.given_at > 0);
    }
    for (position, (answer, question)) in review.iter().zip(&missed).enumerate() {
        assert_eq!(answer.position, position);
        assert_eq!(&answer.result.question, question, "the mistakes, in order");
        assert!(answer.result.grade.correct);
        assert_eq!(answer.result.points, 0, "the review is not scored");
    }
    assert_eq!(heard.finished.len(), 1, "the main round ended once");
    assert_eq!(heard.finished[0].summary, session.summary());

    // The progress kept exactly the main round's answers, each once.
    let kept = {
        let progress = app.world().resource::<cityquiz::game::progress::Progress>();
        progress.with_db(|db| db.answer_rows()).unwrap().unwrap()
    };
    assert_eq!(kept.len(), 10);
}

#[test]
fn a_resumed_quiz_carries_on_in_its_own_session_without_counting_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut app = untimed_app(dir.path());
        play_level(&mut app, "facts");
        for _ in 0..3 {
            hand_in(&mut app, HandIn::Right);
        }
    }
    let mut app = untimed_app(dir.path());
    listen(&mut app);
    choose(&mut app, MenuAction::Quiz(QuizCommand::ResumeUnfinished));
    assert_eq!(screen(&app), Screen::Quiz);
    hand_in(&mut app, HandIn::Wrong);
    let heard = app.world().resource::<Heard>();
    assert_eq!(heard.answers.len(), 1);
    assert_eq!(
        heard.answers[0].position, 3,
        "the fourth question of the quiz"
    );
    let progress = app.world().resource::<cityquiz::game::progress::Progress>();
    let sessions = progress.with_db(|db| db.session_rows()).unwrap().unwrap();
    assert_eq!(sessions.len(), 1, "no second session");
    let answers = progress.with_db(|db| db.answer_rows()).unwrap().unwrap();
    let positions: Vec<usize> = answers.iter().map(|row| row.position).collect();
    assert_eq!(positions, [0, 1, 2, 3]);
}

/// Runs the app until it asks to exit (or gives up).
fn run_until_exit(app: &mut App) -> AppExit {
    for _ in 0..600 {
        app.update();
        if let Some(exit) = app.should_exit() {
            return exit;
        }
    }
    panic!("the script did not end the run");
}

#[test]
fn a_script_plays_through_menus_keys_and_answers() {
    let dir = tempfile::tempdir().unwrap();
    let script = Script::parse(
        "test",
        "wait title; click \"Play\"; wait play; click \"Facts quiz\"; wait 2 frames\n\
         click \"Start\"; wait quiz\n\
         answer right; wait 2 frames; press Enter\n\
         answer wrong; wait 2 frames; press Enter\n\
         press Escape; wait 2 frames; quit",
    )
    .unwrap();
    let mut app = cityquiz::game::testing::headless_app_with(GameOptions {
        seed: 3,
        data_dir: Some(dir.path().to_path_buf()),
        untimed: true,
        script: Some(script),
        ..GameOptions::default()
    });
    assert_eq!(run_until_exit(&mut app), AppExit::Success);
    let played = quiz(&app);
    assert_eq!(played.plan.id, "facts");
    let grades: Vec<bool> = played
        .session
        .results
        .iter()
        .map(|result| result.grade.correct)
        .collect();
    assert_eq!(grades, [true, false]);
    assert!(played.paused, "Escape paused the quiz");
}

#[test]
fn a_script_step_that_cannot_be_played_fails_the_run_and_says_which() {
    let dir = tempfile::tempdir().unwrap();
    let script = Script::parse("test", "wait title\nclick \"No such line\"\nquit").unwrap();
    let mut app = cityquiz::game::testing::headless_app_with(GameOptions {
        data_dir: Some(dir.path().to_path_buf()),
        script: Some(script),
        ..GameOptions::default()
    });
    assert_eq!(run_until_exit(&mut app), AppExit::error());
}
