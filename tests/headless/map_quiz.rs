//! The map quiz through the real App: mouse clicks on the shared map (a window with no screen
//! behind it), the keyboard crosshair, the three tries, typed names and a whole quiz.

use super::*;
use super::{active_quiz as quiz, quiz_phase as phase};
use cityquiz::game::data::GameData;
use cityquiz::game::testing::MapScene;
use cityquiz::game::testing::QuizPhase;
use cityquiz::game::testing::{click, move_pointer};
use cityquiz::geography::{LatLon, Projection, distance_km};
use cityquiz::quiz::find_on_map::FindAnswer;
use cityquiz::quiz::name_marked::NameAnswer;
use cityquiz::quiz::placement::Compass;
use cityquiz::quiz::where_is::{PlaceAnswer, WhereIsQuestion, offset};
use cityquiz::quiz::{Answer, Feedback, Question};
use geo::InteriorPoint;

fn map_quiz_app() -> (tempfile::TempDir, App) {
    untimed_quiz_app("map", true)
}

fn data(app: &App) -> GameData {
    app.world().resource::<GameData>().clone()
}

fn current(app: &App) -> Question {
    quiz(app).session.current().cloned().unwrap()
}

/// Where a place is on screen (logical pixels) in the map the question shows.
fn on_screen(app: &App, at: LatLon) -> Vec2 {
    cityquiz::game::testing::on_screen(app, at)
}

fn city_at(app: &App, slug: &str) -> LatLon {
    data(app).dataset.city_by_slug(slug).unwrap().location
}

/// Clicks there, and lets the next frame show what the click did.
fn click_at(app: &mut App, at: LatLon) {
    cityquiz::game::testing::click_map_at(app, at);
}

/// A point inside the province with this slug, as the map draws it.
fn inside_province(app: &App, slug: &str) -> LatLon {
    let data = data(app);
    let province = data
        .dataset
        .provinces
        .iter()
        .find(|p| p.slug == slug)
        .unwrap();
    let area = data
        .map
        .provinces
        .iter()
        .find(|a| a.code == province.iso)
        .unwrap();
    let point = area.shape.interior_point().unwrap();
    LatLon {
        lat: point.y(),
        lon: point.x(),
    }
}

/// Answers the current question with the mouse (names by their number key, typed names
/// through the text field's edit) and stays on the feedback.
fn answer_with_mouse(app: &mut App, answer: &Answer) {
    match answer {
        Answer::WhereIs(PlaceAnswer { at }) => click_at(app, *at),
        Answer::FindOnMap(FindAnswer { clicks }) => {
            for city in clicks {
                let at = city_at(app, &city.0);
                click_at(app, at);
            }
        }
        Answer::NameMarked(NameAnswer::Choice { city }) => {
            let Question::NameMarked(question) = current(app) else {
                panic!("a name question");
            };
            let index = question.choices.iter().position(|c| c == city).unwrap();
            tap(app, cityquiz::game::keys::DIGIT_KEYS[index + 1]);
        }
        Answer::NameMarked(NameAnswer::Typed { text }) => type_name(app, text),
        Answer::WhichProvince(answer) => {
            let at = inside_province(app, &answer.province);
            click_at(app, at);
        }
        other => panic!("not a map answer: {other:?}"),
    }
    assert_eq!(phase(app), QuizPhase::Feedback, "{answer:?}");
}

/// What the name field sends as the player types, then Enter in the field.
fn type_name(app: &mut App, text: &str) {
    cityquiz::game::testing::type_name(app, text);
}

/// Answers right until the current question is of this kind.
fn advance_to(app: &mut App, kind: &str) {
    for _ in 0..10 {
        let question = current(app);
        if question.kind_name() == kind {
            return;
        }
        let answer = question.right_answer(&data(app).dataset).unwrap();
        answer_with_mouse(app, &answer);
        tap(app, KeyCode::Enter);
    }
    panic!("no {kind} question in this quiz");
}

fn last_points(app: &App) -> u32 {
    quiz(app).session.results.last().unwrap().points
}

fn where_is_city(app: &App) -> LatLon {
    let Question::WhereIs(WhereIsQuestion { city }) = current(app) else {
        panic!("a where-is question");
    };
    city_at(app, &city.0)
}

#[test]
fn a_click_on_the_city_scores_full_points_and_hides_every_marker_while_asked() {
    let (_dir, mut app) = map_quiz_app();
    advance_to(&mut app, "where-is");
    let scene = app.world().resource::<MapScene>();
    assert!(scene.interactive);
    assert_eq!(scene.markers, Some(Vec::new()), "no marker gives it away");
    let truth = where_is_city(&app);
    click_at(&mut app, truth);
    assert_eq!(phase(&app), QuizPhase::Feedback);
    assert_eq!(last_points(&app), 1000);
    let Some(Feedback::WhereIs(feedback)) = quiz(&app).last_grade.clone().map(|g| g.feedback)
    else {
        panic!("where-is feedback");
    };
    // The pixel the click landed on is within a km or two of the city.
    assert!(feedback.guess.unwrap().km < 3.0);
}

#[test]
fn a_click_100_km_east_scores_531_and_says_east() {
    let (_dir, mut app) = map_quiz_app();
    advance_to(&mut app, "where-is");
    let east = offset(where_is_city(&app), 100.0, 90.0);
    click_at(&mut app, east);
    let points = last_points(&app);
    // A pixel is about a km at this view: the click lands within a km of the point aimed at.
    assert!((525..=537).contains(&points), "{points}");
    let Some(Feedback::WhereIs(feedback)) = quiz(&app).last_grade.clone().map(|g| g.feedback)
    else {
        panic!("where-is feedback");
    };
    let placed = feedback.guess.unwrap();
    assert_eq!(placed.direction, Compass::East);
    assert!(
        placed.in_words().ends_with("km too far east"),
        "{}",
        placed.in_words()
    );
}

#[test]
fn clicks_on_a_panel_do_nothing_and_a_click_on_the_sea_is_a_far_answer() {
    let (_dir, mut app) = map_quiz_app();
    advance_to(&mut app, "where-is");
    let truth = where_is_city(&app);
    let point = on_screen(&app, truth);
    move_pointer(&mut app, point);
    cityquiz::game::testing::pointer_over_panel(&mut app, true);
    click(&mut app);
    app.update();
    assert_eq!(phase(&app), QuizPhase::Asking, "the panel took the click");
    cityquiz::game::testing::pointer_over_panel(&mut app, false);
    // The Sea of Japan, far east of the coast.
    click_at(
        &mut app,
        LatLon {
            lat: 39.5,
            lon: 131.0,
        },
    );
    assert_eq!(phase(&app), QuizPhase::Feedback);
    assert!(last_points(&app) < 300);
}

#[test]
fn a_click_on_the_sea_chooses_no_province_and_a_province_click_answers() {
    let (_dir, mut app) = map_quiz_app();
    advance_to(&mut app, "which-province");
    click_at(
        &mut app,
        LatLon {
            lat: 39.0,
            lon: 124.2,
        },
    );
    assert_eq!(
        phase(&app),
        QuizPhase::Asking,
        "the Yellow Sea is no province"
    );
    let question = current(&app);
    let wrong = question.wrong_answer(&data(&app).dataset).unwrap();
    answer_with_mouse(&mut app, &wrong);
    let grade = quiz(&app).last_grade.clone().unwrap();
    assert!(!grade.correct);
    let Feedback::WhichProvince(feedback) = grade.feedback else {
        panic!("province feedback");
    };
    let Answer::WhichProvince(wrong) = wrong else {
        panic!()
    };
    assert_eq!(feedback.chosen, Some(wrong.province));
}

#[test]
fn three_misses_show_the_city_score_nothing_and_come_back_in_the_review() {
    let (_dir, mut app) = map_quiz_app();
    advance_to(&mut app, "find-on-map");
    let Question::FindOnMap(question) = current(&app) else {
        panic!()
    };
    let misses: Vec<_> = question
        .markers
        .iter()
        .filter(|m| **m != question.city)
        .take(3)
        .cloned()
        .collect();
    for (index, miss) in misses.iter().enumerate() {
        assert_eq!(phase(&app), QuizPhase::Asking);
        let at = city_at(&app, &miss.0);
        click_at(&mut app, at);
        if index < 2 {
            let Some(cityquiz::quiz::Draft::FindOnMap(draft)) = &quiz(&app).draft else {
                panic!("a find draft");
            };
            assert_eq!(draft.misses().len(), index + 1, "each miss is labelled");
        }
    }
    assert_eq!(phase(&app), QuizPhase::Feedback);
    let grade = quiz(&app).last_grade.clone().unwrap();
    assert!(!grade.correct);
    assert_eq!(last_points(&app), 0);
    assert_eq!(grade.feedback.cities()[0], question.city);
    assert!(
        quiz(&app)
            .session
            .missed()
            .contains(&Question::FindOnMap(question))
    );
}

#[test]
fn found_on_the_second_try_keeps_half() {
    let (_dir, mut app) = map_quiz_app();
    advance_to(&mut app, "find-on-map");
    let question = current(&app);
    let near_miss = question.near_miss(&data(&app).dataset).unwrap();
    answer_with_mouse(&mut app, &near_miss);
    assert_eq!(last_points(&app), 500);
    assert!(quiz(&app).last_grade.as_ref().unwrap().correct);
}

#[test]
fn typed_names_accept_every_spelling_and_one_typo_but_not_another_city() {
    let (_dir, app) = map_quiz_app_at("name-marked");
    let Question::NameMarked(question) = current(&app) else {
        panic!()
    };
    let city = data(&app)
        .dataset
        .city_by_key(&question.city)
        .unwrap()
        .clone();
    let mut typo = city.name.clone();
    typo.remove(typo.len() / 2);
    let other = if city.slug == "pyongyang" {
        "Nampo"
    } else {
        "Pyongyang"
    };
    let cases = [
        (city.name.to_uppercase(), true, false),
        (city.name_mr.clone(), true, false),
        (city.name_rr.clone(), true, false),
        (city.hangul.clone(), true, false),
        (typo, true, true),
        (other.to_string(), false, false),
    ];
    // Each case on a fresh quiz of the same seed: the same question.
    for (text, right, noted) in cases {
        let (_dir, mut app) = map_quiz_app_at("name-marked");
        type_name(&mut app, &text);
        assert_eq!(phase(&app), QuizPhase::Feedback, "{text}");
        let grade = quiz(&app).last_grade.clone().unwrap();
        assert_eq!(grade.correct, right, "{text}");
        let Feedback::NameMarked(feedback) = grade.feedback else {
            panic!()
        };
        assert_eq!(feedback.spelling_note.is_some(), noted, "{text}");
    }
}

fn map_quiz_app_at(kind: &str) -> (tempfile::TempDir, App) {
    let (dir, mut app) = map_quiz_app();
    advance_to(&mut app, kind);
    (dir, app)
}

#[test]
fn the_keyboard_crosshair_answers_a_where_is_question_without_a_mouse() {
    let (_dir, mut app) = map_quiz_app();
    advance_to(&mut app, "where-is");
    let truth = where_is_city(&app);
    let crosshair = |app: &App| match &quiz(app).draft {
        Some(cityquiz::quiz::Draft::WhereIs(draft)) => draft.crosshair.at,
        _ => None,
    };
    tap(&mut app, KeyCode::ArrowRight);
    tap(&mut app, KeyCode::ArrowLeft);
    assert!(
        crosshair(&app).is_some(),
        "the first key shows the crosshair"
    );
    // Coarse steps of 20 km, then fine ones of 4 km with Shift.
    steer_crosshair(&mut app, truth, 20.0, None, crosshair);
    steer_crosshair(&mut app, truth, 4.0, Some(KeyCode::ShiftLeft), crosshair);
    assert!(distance_km(crosshair(&app).unwrap(), truth) < 4.0);
    tap(&mut app, KeyCode::Enter);
    assert_eq!(phase(&app), QuizPhase::Feedback);
    assert_eq!(last_points(&app), 1000);
}

#[test]
fn a_whole_map_quiz_played_with_the_mouse_gets_the_maximum_and_is_kept() {
    let (dir, mut app) = map_quiz_app();
    let mut kinds = Vec::new();
    while screen(&app) == Screen::Quiz {
        let question = current(&app);
        kinds.push(question.kind_name());
        let answer = question.right_answer(&data(&app).dataset).unwrap();
        answer_with_mouse(&mut app, &answer);
        tap(&mut app, KeyCode::Enter);
    }
    assert_eq!(kinds.len(), 10);
    assert_eq!(screen(&app), Screen::Results);
    let summary = quiz(&app).session.summary();
    assert_eq!(summary.correct, 10);
    assert_eq!(summary.points, 10_000 + 3_500);
    let text = page(&app).paragraphs.join("\n");
    assert!(
        text.contains("Rank 1 in this quiz's high scores · a new best for you!"),
        "{text}"
    );
    // Every answer and the total are in the progress database, under the first player.
    drop(app);
    let (db, notice) = cityquiz::progress::ProgressDb::open_in(dir.path()).unwrap();
    assert_eq!(notice, None);
    let table = db.high_scores("map/normal", 10).unwrap();
    assert_eq!(table.len(), 1);
    assert_eq!(table[0].player, cityquiz::game::progress::FIRST_PLAYER);
    assert_eq!(table[0].points, 13_500);
    assert_eq!(table[0].answered, 10);
    assert_eq!(table[0].correct, 10);
    for kind in ["where-is", "find-on-map", "name-marked", "which-province"] {
        assert!(kinds.contains(&kind), "{kind} in {kinds:?}");
    }
}

/// Steers the crosshair by keys of `step` km (with `modifier` held) to within half a step of
/// `target`; the first key shows it.
fn steer_crosshair(
    app: &mut App,
    target: LatLon,
    step: f64,
    modifier: Option<KeyCode>,
    crosshair: impl Fn(&App) -> Option<LatLon>,
) {
    let projection = Projection::NORTH_KOREA;
    if crosshair(app).is_none() {
        tap(app, KeyCode::ArrowRight);
        tap(app, KeyCode::ArrowLeft);
    }
    for _ in 0..80 {
        let [x, y] = projection.project(crosshair(app).unwrap());
        let [tx, ty] = projection.project(target);
        let (dx, dy) = (tx - x, ty - y);
        let key = if dx.abs() > step / 2.0 && dx.abs() >= dy.abs() {
            if dx > 0.0 {
                KeyCode::ArrowRight
            } else {
                KeyCode::ArrowLeft
            }
        } else if dy.abs() > step / 2.0 {
            if dy > 0.0 {
                KeyCode::ArrowUp
            } else {
                KeyCode::ArrowDown
            }
        } else {
            return;
        };
        match modifier {
            Some(held) => tap_with(app, held, key),
            None => tap(app, key),
        }
    }
}

#[test]
fn the_keyboard_crosshair_chooses_a_province_and_clicks_a_marker() {
    use cityquiz::quiz::Draft;
    let (_dir, mut app) = map_quiz_app_at("which-province");
    let Question::WhichProvince(question) = current(&app) else {
        panic!()
    };
    let right = question.right_answer(&data(&app).dataset).unwrap().province;
    let target = inside_province(&app, &right);
    steer_crosshair(&mut app, target, 20.0, None, |app| match &quiz(app).draft {
        Some(Draft::WhichProvince(draft)) => draft.crosshair.at,
        _ => None,
    });
    tap(&mut app, KeyCode::Enter);
    app.update();
    assert_eq!(phase(&app), QuizPhase::Feedback);
    assert!(quiz(&app).last_grade.as_ref().unwrap().correct);

    let (_dir, mut app) = map_quiz_app_at("find-on-map");
    let Question::FindOnMap(question) = current(&app) else {
        panic!()
    };
    let target = city_at(&app, &question.city.0);
    steer_crosshair(&mut app, target, 20.0, None, |app| match &quiz(app).draft {
        Some(Draft::FindOnMap(draft)) => draft.crosshair.at,
        _ => None,
    });
    tap(&mut app, KeyCode::Enter);
    app.update();
    assert_eq!(phase(&app), QuizPhase::Feedback);
    assert_eq!(last_points(&app), 1000, "found on the first try by keys");
}
