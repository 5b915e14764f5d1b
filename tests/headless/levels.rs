//! Every built-in plan played end to end through the real App, and each player's own bests,
//! streaks and stars on the Play screen.

use super::*;
use cityquiz::game::data::GameData;
use cityquiz::game::messages::{HandIn, QuizCommand};
use cityquiz::game::testing::{quiz, untimed_app};
use cityquiz::plan::Shelf;

/// Hands in an answer and goes on past its feedback.
fn hand_in(app: &mut App, answer: HandIn) {
    app.world_mut().write_message(answer);
    app.update();
    app.update();
    tap(app, KeyCode::Enter);
}

/// Answers every question right (an endless run: `streak` right, then a miss) and lands on the
/// Results screen.
fn play_through(app: &mut App, streak: usize) {
    let endless = quiz(app).plan.is_endless();
    let mut answered = 0;
    while screen(app) == Screen::Quiz {
        let answer = if endless && answered == streak {
            HandIn::Wrong
        } else {
            HandIn::Right
        };
        hand_in(app, answer);
        answered += 1;
        assert!(answered < 60, "the quiz never ended");
    }
    assert_eq!(screen(app), Screen::Results, "{}", quiz(app).plan.id);
}

fn back_to_title(app: &mut App) {
    app.world_mut()
        .write_message(MenuAction::Open(Screen::Title));
    app.update();
    app.update();
    assert_eq!(screen(app), Screen::Title);
}

#[test]
fn every_built_in_level_plays_to_the_end_with_every_answer_right() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = untimed_app(dir.path());
    let plans: Vec<_> = app.world().resource::<GameData>().plans.to_vec();
    let mut played = 0;
    for plan in plans.iter().filter(|plan| plan.shelf != Shelf::Drill) {
        if plan.shelf == Shelf::Daily {
            choose(
                &mut app,
                MenuAction::Quiz(QuizCommand::Start(plan.id.clone())),
            );
        } else {
            play_level(&mut app, &plan.id);
        }
        assert_eq!(screen(&app), Screen::Quiz, "{} starts", plan.id);
        assert_eq!(quiz(&app).plan.id, plan.id);
        play_through(&mut app, 3);
        let summary = quiz(&app).session.summary();
        if plan.is_endless() {
            assert_eq!(summary.best_streak, 3, "{}", plan.id);
        } else {
            assert_eq!(summary.correct, summary.answered, "{}", plan.id);
            assert!(
                summary.answered >= 4,
                "{}: {} questions",
                plan.id,
                summary.answered
            );
            assert_eq!(summary.stars, 3, "{}: every answer right, untimed", plan.id);
        }
        played += 1;
        back_to_title(&mut app);
    }
    assert!(played >= 14, "{played} plans played");
    // Each level keeps its own table under its id.
    let progress = app.world().resource::<cityquiz::game::progress::Progress>();
    for id in ["ten-largest", "all-cities", "daily", "map/normal"] {
        let table = progress
            .with_db(|db| db.high_scores(id, 10))
            .unwrap()
            .unwrap();
        assert_eq!(table.len(), 1, "{id}");
    }
    // The quiz of the day is done for today, and the title says so.
    let daily = &menu(&app).items[0].label;
    assert!(daily.contains("done today ✓ · 1 day in a row"), "{daily}");
}

#[test]
fn two_players_each_see_their_own_best_streak_and_stars() {
    use cityquiz::game::progress::PlayerAction;
    let dir = tempfile::tempdir().unwrap();
    let mut app = untimed_app(dir.path());
    let act = |app: &mut App, action: PlayerAction| {
        app.world_mut().write_message(action);
        app.update();
        app.update();
    };
    act(&mut app, PlayerAction::Add("Mina".into()));
    play_level(&mut app, "ten-largest");
    play_through(&mut app, 0);
    back_to_title(&mut app);
    play_level(&mut app, "higher-or-lower");
    play_through(&mut app, 5);
    assert_eq!(page(&app).paragraphs[0], "5 right in a row: a new best!");
    back_to_title(&mut app);

    act(&mut app, PlayerAction::Add("Jun".into()));
    play_level(&mut app, "ten-largest");
    // Jun gets one question in three.
    let mut number = 0;
    while screen(&app) == Screen::Quiz {
        let answer = if number % 3 == 2 {
            HandIn::Right
        } else {
            HandIn::Wrong
        };
        hand_in(&mut app, answer);
        number += 1;
    }
    back_to_title(&mut app);
    play_level(&mut app, "higher-or-lower");
    play_through(&mut app, 2);
    // Mina's five are not Jun's record.
    assert_eq!(page(&app).paragraphs[0], "2 right in a row: a new best!");
    back_to_title(&mut app);

    let line_of = |app: &mut App, title: &str| {
        choose(app, MenuAction::Open(Screen::Play));
        let line = menu(app)
            .items
            .iter()
            .find(|item| item.label.contains(title))
            .map(|item| item.label.clone())
            .unwrap();
        tap(app, KeyCode::Escape);
        line
    };
    let jun = line_of(&mut app, "The ten largest cities");
    assert_eq!(jun, "Next: 1. The ten largest cities — ☆☆☆ · best 3,000");
    let mina_id = app
        .world()
        .resource::<cityquiz::game::progress::Progress>()
        .players()
        .into_iter()
        .find(|(_, name)| name == "Mina")
        .unwrap()
        .0;
    act(&mut app, PlayerAction::Choose(mina_id));
    app.world_mut().write_message(MenuAction::Back);
    app.update();
    app.update();
    let mina = line_of(&mut app, "The ten largest cities");
    assert!(
        mina.starts_with("✓ 1. The ten largest cities — ★★★ · best "),
        "{mina}"
    );
    // The next level for Mina is the second.
    choose(&mut app, MenuAction::Open(Screen::Play));
    let next: Vec<&str> = menu(&app)
        .items
        .iter()
        .filter(|item| item.label.starts_with("Next: "))
        .map(|item| item.label.as_str())
        .collect();
    assert_eq!(next.len(), 1);
    assert!(next[0].contains("2. The provincial capitals"), "{next:?}");
    // The keyboard starts on it.
    let focused = menu(&app).focused().map(|item| item.label.clone());
    assert_eq!(focused.as_deref(), Some(next[0]));
    tap(&mut app, KeyCode::Escape);
    // And her streak is hers.
    play_level(&mut app, "higher-or-lower");
    play_through(&mut app, 4);
    assert_eq!(
        page(&app).paragraphs[0],
        "4 right in a row. Your best is 5."
    );
}

#[test]
fn a_quiz_over_a_dataset_of_its_own_asks_grades_and_draws_its_cities() {
    use cityquiz::game::testing::{ActiveQuiz, MapCities, MapScene, QuizRequest};
    use std::sync::Arc;

    let dir = tempfile::tempdir().unwrap();
    let mut app = untimed_app(dir.path());
    let data = app.world().resource::<GameData>().clone();
    // The game's dataset with Nampo under its older name: the quiz's own, as a set would bring.
    let mut own = (*data.dataset).clone();
    let nampo = own
        .cities
        .iter_mut()
        .find(|city| city.slug == "nampo")
        .unwrap();
    nampo.name = "Chinnampo".into();
    let own = Arc::new(MapCities::new(Arc::new(own)));
    let text = "format = 1\nid = \"own\"\ntitle = \"Own\"\n\n[[round]]\nkinds = [\"name-marked\"]\nquestions = 4\neach_city_once = true\ncities = [\"nampo\", \"pyongyang\", \"kaesong\", \"wonsan\"]\n";
    let plan = cityquiz::plan::parse_plan("own.toml", text, &own.dataset).unwrap();
    let request = QuizRequest {
        plan: Arc::new(plan),
        choices: cityquiz::settings::Settings::default().choices(),
        untimed: true,
        seed: 1,
        given: Vec::new(),
    };
    app.insert_resource(ActiveQuiz::over(own.clone(), request));
    app.world_mut()
        .resource_mut::<NextState<Screen>>()
        .set(Screen::Quiz);
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Quiz);

    // The map is handed the quiz's cities (the window draws their markers from the scene).
    let scene = app.world().resource::<MapScene>();
    assert!(Arc::ptr_eq(&scene.cities, &own));

    // Graded against them: the right answer is the name this dataset gives.
    let mut truths = Vec::new();
    for _ in 0..4 {
        app.world_mut().write_message(HandIn::Right);
        app.update();
        app.update();
        let grade = quiz(&app).last_grade.clone().unwrap();
        assert!(grade.correct, "{:?}", grade.feedback);
        truths.push(grade.feedback.describe_truth(&quiz(&app).dataset));
        tap(&mut app, KeyCode::Enter);
    }
    assert!(
        truths.iter().any(|truth| truth.contains("Chinnampo")),
        "{truths:?}"
    );
    assert_eq!(screen(&app), Screen::Results);
    assert!(
        page(&app)
            .details
            .iter()
            .any(|line| line.contains("Chinnampo")),
        "{:?}",
        page(&app).details
    );
}
