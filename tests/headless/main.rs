//! Whole-game flows driven headless through the real App: screens, menus, settings.

use bevy::prelude::*;
use cityquiz::game::Screen;
use cityquiz::game::menu::{Menu, MenuAction, Page};
use cityquiz::game::notices::Notices;
use cityquiz::game::preferences::Preferences;
use cityquiz::game::testing::{headless_app, screen, tap, tap_with};
use cityquiz::settings::{Settings, Theme, UiScale};

mod facts_quiz;
mod levels;
mod listeners;
mod map_quiz;
mod progress;

/// A quiz of this kind started from the title menu, untimed (points then do not depend on the
/// machine's speed); with a window when the quiz needs the pointer.
fn untimed_quiz_app(plan: &str, window: bool) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = cityquiz::game::testing::untimed_app(dir.path());
    if window {
        cityquiz::game::testing::add_window(&mut app);
    }
    play_level(&mut app, plan);
    assert_eq!(screen(&app), Screen::Quiz);
    (dir, app)
}

fn active_quiz(app: &App) -> &cityquiz::game::testing::ActiveQuiz {
    app.world()
        .resource::<cityquiz::game::testing::ActiveQuiz>()
}

fn quiz_phase(app: &App) -> cityquiz::game::testing::QuizPhase {
    *app.world()
        .resource::<State<cityquiz::game::testing::QuizPhase>>()
        .get()
}

fn menu(app: &App) -> &Menu {
    app.world().resource::<Menu>()
}

fn page(app: &App) -> &Page {
    app.world().resource::<Page>()
}

/// Moves the focus down to the line that opens `target`, then presses Enter.
fn choose(app: &mut App, action: MenuAction) {
    let index = menu(app)
        .items
        .iter()
        .position(|item| item.action == action)
        .unwrap_or_else(|| panic!("no menu line does {action:?} on {:?}", screen(app)));
    tap(app, KeyCode::Home);
    for _ in 0..index {
        tap(app, KeyCode::ArrowDown);
    }
    assert_eq!(menu(app).focus, index);
    tap(app, KeyCode::Enter);
}

/// Opens the Play screen, chooses the plan and starts it from its instructions.
fn play_level(app: &mut App, plan: &str) {
    use cityquiz::game::messages::QuizCommand;
    choose(app, MenuAction::Open(Screen::Play));
    choose(
        app,
        MenuAction::Quiz(QuizCommand::Preview(Some(plan.into()))),
    );
    assert_eq!(screen(app), Screen::Play);
    assert!(
        menu(app).items[0].action == MenuAction::Quiz(QuizCommand::Start(plan.into())),
        "the instructions of {plan} offer Start first"
    );
    choose(app, MenuAction::Quiz(QuizCommand::Start(plan.into())));
}

#[test]
fn starts_on_the_title_menu() {
    let dir = tempfile::tempdir().unwrap();
    let app = headless_app(dir.path());
    assert_eq!(screen(&app), Screen::Title);
    assert_eq!(page(&app).heading, "cityquiz");
    let labels: Vec<_> = menu(&app).items.iter().map(|i| i.label.as_str()).collect();
    assert!(labels[0].starts_with("Quiz of the day — "), "{labels:?}");
    assert_eq!(labels[1], "Play");
    assert_eq!(labels.last(), Some(&"Quit"));
}

#[test]
fn keyboard_walks_from_title_to_every_screen_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = headless_app(dir.path());
    let reachable: Vec<Screen> = Screen::ALL
        .into_iter()
        // The quiz pauses on Escape instead (see the quiz tests).
        .filter(|s| {
            !matches!(
                s,
                // The mastery map opens from the Scores screen.
                Screen::Loading | Screen::Title | Screen::Results | Screen::Quiz | Screen::Mastery
            )
        })
        .collect();
    for target in reachable {
        choose(&mut app, MenuAction::Open(target));
        assert_eq!(screen(&app), target, "Enter on its line opens {target:?}");
        assert!(!page(&app).heading.is_empty(), "{target:?} shows a heading");
        tap(&mut app, KeyCode::Escape);
        assert_eq!(
            screen(&app),
            target.back().unwrap(),
            "Escape from {target:?}"
        );
        if screen(&app) != Screen::Title {
            tap(&mut app, KeyCode::Escape);
        }
        assert_eq!(screen(&app), Screen::Title, "Escape from {target:?}");
    }
}

#[test]
fn unbuilt_screens_say_so_and_offer_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = headless_app(dir.path());
    choose(&mut app, MenuAction::Open(Screen::Flashcards));
    let text = page(&app).paragraphs.join(" ");
    assert!(text.contains("not built yet"), "{text}");
    // The Back line works like Escape.
    choose(&mut app, MenuAction::Back);
    assert_eq!(screen(&app), Screen::Title);
}

#[test]
fn focus_moves_with_arrows_tab_and_shift_tab_and_wraps() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = headless_app(dir.path());
    let lines = menu(&app).items.len();
    tap(&mut app, KeyCode::ArrowUp);
    assert_eq!(
        menu(&app).focus,
        lines - 1,
        "up from the first line wraps to the last"
    );
    tap(&mut app, KeyCode::Tab);
    assert_eq!(menu(&app).focus, 0);
    tap_with(&mut app, KeyCode::ShiftLeft, KeyCode::Tab);
    assert_eq!(menu(&app).focus, lines - 1);
    // A number key chooses its line at once: 6 is the player's line.
    tap(&mut app, KeyCode::Digit6);
    assert_eq!(screen(&app), Screen::Players);
}

#[test]
fn escape_on_the_title_stays_and_quit_exits() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = headless_app(dir.path());
    tap(&mut app, KeyCode::Escape);
    assert_eq!(screen(&app), Screen::Title);
    choose(&mut app, MenuAction::Quit);
    assert_eq!(app.should_exit(), Some(AppExit::Success));
}

#[test]
fn settings_change_by_keys_and_are_saved_and_reloaded() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = headless_app(dir.path());
    choose(&mut app, MenuAction::Open(Screen::Settings));
    assert_eq!(menu(&app).items[0].label, "Theme: Light");
    tap(&mut app, KeyCode::Enter);
    assert_eq!(menu(&app).items[0].label, "Theme: Dark");
    tap(&mut app, KeyCode::ArrowDown);
    tap(&mut app, KeyCode::ArrowRight);
    tap(&mut app, KeyCode::ArrowRight);
    assert_eq!(menu(&app).items[1].label, "Interface size: 90 %");
    tap(&mut app, KeyCode::ArrowLeft);
    assert_eq!(menu(&app).focus, 1, "relabelling keeps the focus");

    let saved = Settings::load(dir.path()).0;
    assert_eq!(saved.theme, Theme::Dark);
    assert_eq!(saved.ui_scale, UiScale::Percent(75));

    // A new run reads them back.
    let app = headless_app(dir.path());
    assert_eq!(app.world().resource::<Preferences>().theme(), Theme::Dark);
}

#[test]
fn a_corrupt_settings_file_is_kept_aside_and_the_player_told() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("settings.toml"), "theme = [broken").unwrap();
    let app = headless_app(dir.path());
    assert_eq!(screen(&app), Screen::Title, "the game still starts");
    let notices = &app.world().resource::<Notices>().0;
    assert_eq!(notices.len(), 1);
    assert!(notices[0].contains("kept as"), "{}", notices[0]);
    let kept = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|entry| entry.ok())
        .find(|entry| entry.file_name().to_string_lossy().contains(".corrupt-"))
        .expect("the unreadable file is kept");
    assert_eq!(
        std::fs::read_to_string(kept.path()).unwrap(),
        "theme = [broken"
    );
}

#[test]
fn every_screen_can_be_the_start_screen() {
    use cityquiz::game::GameOptions;
    use cityquiz::game::testing::headless_app_with;
    let dir = tempfile::tempdir().unwrap();
    for start in Screen::ALL {
        let app = headless_app_with(GameOptions {
            data_dir: Some(dir.path().to_path_buf()),
            start_screen: start,
            ..GameOptions::default()
        });
        assert_eq!(
            screen(&app),
            GameOptions {
                start_screen: start,
                ..default()
            }
            .first_screen()
        );
        assert!(!page(&app).heading.is_empty(), "{start:?} shows a heading");
    }
}

mod explore {
    use super::*;
    use cityquiz::game::data::GameData;
    use cityquiz::game::testing::headless_app_with;
    use cityquiz::game::testing::{Explore, ExploreAction, Hover};
    use cityquiz::game::{ExploreStart, GameOptions};

    fn explore_app(start: ExploreStart) -> (tempfile::TempDir, App) {
        let dir = tempfile::tempdir().unwrap();
        let app = headless_app_with(GameOptions {
            data_dir: Some(dir.path().to_path_buf()),
            start_screen: Screen::Explore,
            explore: start,
            ..GameOptions::default()
        });
        (dir, app)
    }

    fn explore(app: &App) -> &Explore {
        app.world().resource::<Explore>()
    }

    fn slug_position(app: &App, slug: &str) -> [f64; 2] {
        let data = app.world().resource::<GameData>();
        let city = data.dataset.city_by_slug(slug).unwrap();
        explore(app).view.map_to_screen(data.position(city.id))
    }

    #[test]
    fn a_city_named_at_start_is_selected_and_in_the_visible_middle() {
        let (_dir, app) = explore_app(ExploreStart {
            city: Some("hamhung".into()),
            zoom: Some(2.0),
            hangul: false,
        });
        let data = app.world().resource::<GameData>();
        let hamhung = data.dataset.city_by_slug("hamhung").unwrap().id;
        assert_eq!(explore(&app).selected, Some(hamhung));
        let at = slug_position(&app, "hamhung");
        let middle = explore(&app).view.visible_center();
        assert!(
            (at[0] - middle[0]).abs() < 1e-6 && (at[1] - middle[1]).abs() < 1e-6,
            "{at:?} vs {middle:?}"
        );
    }

    #[test]
    fn keys_pan_zoom_and_reset_the_map() {
        let (_dir, mut app) = explore_app(ExploreStart::default());
        let home = explore(&app).view;
        tap(&mut app, KeyCode::Equal);
        assert!(
            explore(&app).view.km_per_pixel < home.km_per_pixel,
            "+ zooms in"
        );
        let before = slug_position(&app, "pyongyang");
        tap(&mut app, KeyCode::ArrowLeft);
        let after = slug_position(&app, "pyongyang");
        assert!(
            after[0] > before[0],
            "the left arrow shows what lies to the west"
        );
        tap(&mut app, KeyCode::Digit0);
        assert_eq!(explore(&app).view, home);
        tap(&mut app, KeyCode::KeyH);
        assert!(explore(&app).show_hangul);
        tap(&mut app, KeyCode::Escape);
        assert_eq!(screen(&app), Screen::Title);
    }

    #[test]
    fn selecting_a_city_found_by_search_brings_it_into_view() {
        let (_dir, mut app) = explore_app(ExploreStart {
            city: Some("sinuiju".into()),
            zoom: Some(8.0),
            hangul: false,
        });
        let data = app.world().resource::<GameData>().clone();
        let found = data.dataset.search("Rajin-Sonbong");
        let rason = data.dataset.city_by_slug("rason").unwrap().id;
        assert_eq!(found.first(), Some(&rason));
        assert!(!explore(&app).view.is_visible(slug_position(&app, "rason")));
        app.world_mut()
            .write_message(ExploreAction::Select(Some(rason)));
        app.update();
        assert_eq!(explore(&app).selected, Some(rason));
        assert!(explore(&app).view.is_visible(slug_position(&app, "rason")));
        // Hover is the mouse's; it starts empty.
        assert_eq!(explore(&app).hovered, None::<Hover>);
    }
}

mod explore_mouse {
    use super::*;
    use cityquiz::game::data::GameData;
    use cityquiz::game::testing::{Explore, Hover};
    use cityquiz::game::testing::{
        add_window, click, drag_to, headless_app_with, move_pointer, scroll,
    };
    use cityquiz::game::{ExploreStart, GameOptions};

    fn explore_app() -> (tempfile::TempDir, App) {
        let dir = tempfile::tempdir().unwrap();
        let mut app = headless_app_with(GameOptions {
            data_dir: Some(dir.path().to_path_buf()),
            start_screen: Screen::Explore,
            explore: ExploreStart::default(),
            ..GameOptions::default()
        });
        add_window(&mut app);
        (dir, app)
    }

    fn explore(app: &App) -> &Explore {
        app.world().resource::<Explore>()
    }

    fn on_screen(app: &App, slug: &str) -> Vec2 {
        let data = app.world().resource::<GameData>();
        let city = data.dataset.city_by_slug(slug).unwrap();
        let [x, y] = explore(app).view.map_to_screen(data.position(city.id));
        Vec2::new(x as f32, y as f32)
    }

    fn city_id(app: &App, slug: &str) -> cityquiz::dataset::CityId {
        let data = app.world().resource::<GameData>();
        data.dataset.city_by_slug(slug).unwrap().id
    }

    #[test]
    fn hovering_names_the_city_and_clicking_opens_its_card() {
        let (_dir, mut app) = explore_app();
        let hamhung = city_id(&app, "hamhung");
        let near_hamhung = on_screen(&app, "hamhung") + Vec2::new(3.0, -2.0);
        move_pointer(&mut app, near_hamhung);
        assert_eq!(explore(&app).hovered, Some(Hover::City(hamhung)));
        click(&mut app);
        assert_eq!(explore(&app).selected, Some(hamhung));
        // Open sea: no city, so the card closes.
        move_pointer(&mut app, Vec2::new(5.0, 5.0));
        assert_eq!(explore(&app).hovered, None);
        click(&mut app);
        assert_eq!(explore(&app).selected, None);
    }

    #[test]
    fn hovering_between_cities_names_the_province_or_the_neighbour() {
        let (_dir, mut app) = explore_app();
        // Halfway between Hamhung and Tanchon lies South Hamgyong, far from any marker.
        let middle = (on_screen(&app, "hamhung") + on_screen(&app, "kanggye")) / 2.0;
        move_pointer(&mut app, middle);
        let data = app.world().resource::<GameData>().clone();
        let Some(Hover::Province(index)) = explore(&app).hovered else {
            panic!("expected a province, got {:?}", explore(&app).hovered);
        };
        assert!(
            data.map.provinces[index].name.contains("Hamgyong")
                || data.map.provinces[index].name == "Ryanggang"
        );
        // Well north-west of Sinuiju: China.
        let over_china = on_screen(&app, "sinuiju") + Vec2::new(-20.0, -120.0);
        move_pointer(&mut app, over_china);
        let Some(Hover::Neighbour(index)) = explore(&app).hovered else {
            panic!("expected a neighbour, got {:?}", explore(&app).hovered);
        };
        assert_eq!(data.map.neighbours[index].name, "China");
    }

    #[test]
    fn clicks_on_a_panel_never_reach_the_map() {
        let (_dir, mut app) = explore_app();
        let hamhung = on_screen(&app, "hamhung");
        move_pointer(&mut app, hamhung);
        cityquiz::game::testing::pointer_over_panel(&mut app, true);
        click(&mut app);
        scroll(&mut app, 3.0);
        assert_eq!(explore(&app).selected, None);
        assert_eq!(explore(&app).view, explore(&app).home, "no zoom either");
    }

    #[test]
    fn dragging_pans_without_selecting_and_the_wheel_zooms_at_the_cursor() {
        let (_dir, mut app) = explore_app();
        let start = on_screen(&app, "pyongyang");
        move_pointer(&mut app, start);
        drag_to(&mut app, start + Vec2::new(120.0, -40.0), 6);
        let moved = on_screen(&app, "pyongyang");
        assert!(
            (moved - (start + Vec2::new(120.0, -40.0))).length() < 0.01,
            "{moved}"
        );
        assert_eq!(explore(&app).selected, None, "a drag is not a click");

        let before = explore(&app).view.km_per_pixel;
        scroll(&mut app, 2.0);
        assert!(explore(&app).view.km_per_pixel < before);
        let after = on_screen(&app, "pyongyang");
        assert!(
            (after - moved).length() < 0.01,
            "the point under the cursor stays put: {after}"
        );
    }
}

#[test]
fn a_broken_dataset_stops_on_a_screen_that_lists_its_problems_and_exits_with_1() {
    use cityquiz::game::GameOptions;
    use cityquiz::game::testing::headless_app_with;
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("cities.toml");
    let good = cityquiz::dataset::BUILT_IN;
    std::fs::write(&broken, good.replacen("year = 2008\n", "", 1)).unwrap();
    let mut app = headless_app_with(GameOptions {
        data_dir: Some(dir.path().to_path_buf()),
        dataset: Some(broken.clone()),
        ..GameOptions::default()
    });
    assert_eq!(
        screen(&app),
        Screen::Loading,
        "the game does not go on with bad data"
    );
    let text = page(&app).paragraphs.join("\n");
    let line = good.lines().position(|l| l == "year = 2008").unwrap();
    // The figure's table starts a few lines above its missing year.
    assert!(text.contains(&broken.display().to_string()), "{text}");
    assert!(text.contains("has no year"), "{text}");
    assert!(text.contains("fix: add year = 2008"), "{text}");
    let reported: usize = text
        .split(':')
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(
        (line.saturating_sub(4)..=line + 1).contains(&reported),
        "{text}"
    );
    tap(&mut app, KeyCode::Enter);
    assert_eq!(app.should_exit(), Some(AppExit::error()));
}

mod quiz {
    use super::*;
    use cityquiz::game::data::GameData;
    use cityquiz::game::messages::QuizCommand;
    use cityquiz::game::testing::{ActiveQuiz, QuizPhase};
    use cityquiz::quiz::{Answer, Draft, Question, Stage};

    fn quiz_app() -> (tempfile::TempDir, App) {
        // No time limit, so the points do not depend on how fast the test machine is.
        let dir = tempfile::tempdir().unwrap();
        let mut app = cityquiz::game::testing::untimed_app(dir.path());
        play_level(&mut app, "quick-play");
        assert_eq!(screen(&app), Screen::Quiz);
        (dir, app)
    }

    fn quiz(app: &App) -> &ActiveQuiz {
        app.world().resource::<ActiveQuiz>()
    }

    fn phase(app: &App) -> QuizPhase {
        *app.world().resource::<State<QuizPhase>>().get()
    }

    fn digit_key(digit: u32) -> KeyCode {
        cityquiz::game::keys::DIGIT_KEYS[digit as usize]
    }

    /// Answers the current question by keys alone, with `answer`.
    fn answer_by_keys(app: &mut App, answer: &Answer) {
        let question = quiz(app).session.current().cloned().unwrap();
        match (&question, answer) {
            (Question::OrderByPopulation(_), Answer::OrderByPopulation(target)) => {
                let lines = |app: &App| match &quiz(app).draft {
                    Some(Draft::OrderByPopulation(draft)) => draft.clone(),
                    other => panic!("an order draft, not {other:?}"),
                };
                for (place, city) in target.order.iter().enumerate() {
                    let at = lines(app).lines.iter().position(|c| c == city).unwrap();
                    while lines(app).cursor < at {
                        tap(app, KeyCode::ArrowDown);
                    }
                    while lines(app).cursor > at {
                        tap(app, KeyCode::ArrowUp);
                    }
                    tap(app, digit_key(place as u32 + 1));
                }
                assert_eq!(lines(app).lines, target.order);
                tap(app, KeyCode::Enter);
            }
            (Question::HigherOrLower(question), Answer::HigherOrLower(pick)) => {
                tap(
                    app,
                    if pick.city == question.left {
                        KeyCode::ArrowLeft
                    } else {
                        KeyCode::ArrowRight
                    },
                );
            }
            (Question::GuessPopulation(_), Answer::GuessPopulation(guess)) => {
                for digit in guess
                    .number
                    .to_string()
                    .chars()
                    .filter_map(|c| c.to_digit(10))
                {
                    tap(app, digit_key(digit));
                }
                tap(app, KeyCode::Enter);
            }
            other => panic!("no keys for {other:?}"),
        }
        assert_eq!(phase(app), QuizPhase::Feedback);
        tap(app, KeyCode::Enter);
    }

    fn right_answer(app: &App, question: &Question) -> Answer {
        let data = app.world().resource::<GameData>();
        question.right_answer(&data.dataset).unwrap()
    }

    fn wrong_answer(app: &App, question: &Question) -> Answer {
        let data = app.world().resource::<GameData>();
        question.wrong_answer(&data.dataset).unwrap()
    }

    /// Plays the main round; `right(i)` says whether question i gets the perfect answer.
    fn play(app: &mut App, right: impl Fn(usize) -> bool) {
        let mut number = 0;
        while screen(app) == Screen::Quiz {
            let question = quiz(app).session.current().cloned().unwrap();
            let answer = if right(number) {
                right_answer(app, &question)
            } else {
                wrong_answer(app, &question)
            };
            answer_by_keys(app, &answer);
            number += 1;
        }
        assert_eq!(number, 10);
        assert_eq!(screen(app), Screen::Results);
    }

    #[test]
    fn a_perfect_quiz_by_keys_alone_gets_the_maximum_and_three_stars() {
        let (_dir, mut app) = quiz_app();
        play(&mut app, |_| true);
        let summary = quiz(&app).session.summary();
        assert_eq!(summary.points, 10_000 + 100 + 200 + 300 + 400 + 500 * 5);
        assert_eq!(summary.correct, 10);
        let text = page(&app).paragraphs.join("\n");
        assert!(text.starts_with("★★★"), "{text}");
        assert!(
            text.contains("13500 points (10000 of 10000 for answers, 3500 streak bonus)"),
            "{text}"
        );
        assert!(
            !menu(&app)
                .items
                .iter()
                .any(|i| i.label.starts_with("Review"))
        );
    }

    #[test]
    fn an_all_wrong_quiz_gets_zero_points() {
        let (_dir, mut app) = quiz_app();
        play(&mut app, |_| false);
        let summary = quiz(&app).session.summary();
        assert_eq!(summary.points, 0);
        assert_eq!(summary.correct, 0);
        assert!(page(&app).details.join("\n").contains("✖ wrong"));
    }

    #[test]
    fn a_mixed_quiz_gets_the_expected_points_and_reviews_exactly_the_misses() {
        let (_dir, mut app) = quiz_app();
        // Wrong, right, right, wrong, …: three streaks of two.
        play(&mut app, |i| i % 3 != 0);
        let summary = quiz(&app).session.summary();
        assert_eq!(summary.points, 6 * 1000 + 3 * 100);
        let missed = quiz(&app).session.missed();
        assert_eq!(missed.len(), 4);
        let review = menu(&app)
            .items
            .iter()
            .position(|i| i.label == "Review your 4 mistakes");
        assert_eq!(review, Some(0));
        tap(&mut app, KeyCode::Enter);
        assert_eq!(screen(&app), Screen::Quiz);
        assert!(quiz(&app).session.is_reviewing());
        let Stage::Review(queue) = &quiz(&app).session.stage else {
            panic!("review stage");
        };
        assert_eq!(queue.iter().cloned().collect::<Vec<_>>(), missed);
        for _ in 0..4 {
            let question = quiz(&app).session.current().cloned().unwrap();
            let answer = right_answer(&app, &question);
            answer_by_keys(&mut app, &answer);
        }
        assert_eq!(screen(&app), Screen::Results);
        assert_eq!(
            quiz(&app).session.summary().points,
            6300,
            "the review is not scored"
        );
        assert!(
            page(&app)
                .paragraphs
                .join("\n")
                .contains("Review round: 4 of 4 answers right")
        );
    }

    #[test]
    fn escape_pauses_and_quitting_asks_first() {
        let (_dir, mut app) = quiz_app();
        tap(&mut app, KeyCode::Escape);
        assert!(quiz(&app).paused);
        assert_eq!(menu(&app).items[0].label, "Resume");
        // Keys for the question do nothing while paused.
        let before = quiz(&app).session.results.len();
        tap(&mut app, KeyCode::ArrowLeft);
        tap(&mut app, KeyCode::Escape);
        assert!(!quiz(&app).paused, "Escape resumes");
        assert_eq!(quiz(&app).session.results.len(), before);
        tap(&mut app, KeyCode::Escape);
        tap(&mut app, KeyCode::ArrowDown);
        tap(&mut app, KeyCode::Enter);
        assert!(quiz(&app).confirm_quit);
        assert_eq!(
            menu(&app).items[1].label,
            "Quit for now (resume it from the title menu)"
        );
        tap(&mut app, KeyCode::Enter);
        assert_eq!(screen(&app), Screen::Quiz, "the first line keeps playing");
        assert!(!quiz(&app).paused);
        tap(&mut app, KeyCode::Escape);
        tap(&mut app, KeyCode::ArrowDown);
        tap(&mut app, KeyCode::Enter);
        tap(&mut app, KeyCode::ArrowDown);
        tap(&mut app, KeyCode::Enter);
        assert_eq!(screen(&app), Screen::Title);
    }

    #[test]
    fn play_again_with_the_same_seed_asks_the_same_questions() {
        let (_dir, mut app) = quiz_app();
        let first = quiz(&app).session.questions.clone();
        play(&mut app, |_| true);
        choose(
            &mut app,
            MenuAction::Quiz(cityquiz::game::messages::QuizCommand::PlayAgain { same_seed: true }),
        );
        assert_eq!(screen(&app), Screen::Quiz);
        assert_eq!(phase(&app), QuizPhase::Asking);
        assert_eq!(quiz(&app).session.questions, first);
        assert!(quiz(&app).session.results.is_empty());
        play(&mut app, |_| true);
        choose(
            &mut app,
            MenuAction::Quiz(cityquiz::game::messages::QuizCommand::PlayAgain { same_seed: false }),
        );
        assert_ne!(quiz(&app).session.questions, first);
    }

    /// Plays endless higher or lower: `right` right answers, then a miss.
    fn play_higher_or_lower(app: &mut App, right: usize) {
        play_level(app, "higher-or-lower");
        assert_eq!(screen(app), Screen::Quiz);
        for number in 0..=right {
            let question = quiz(app).session.current().cloned().unwrap();
            assert!(matches!(question, Question::HigherOrLower(_)));
            let answer = if number < right {
                right_answer(app, &question)
            } else {
                wrong_answer(app, &question)
            };
            answer_by_keys(app, &answer);
        }
        assert_eq!(screen(app), Screen::Results);
    }

    #[test]
    fn endless_higher_or_lower_runs_to_the_first_miss_and_keeps_the_best_streak() {
        let (_dir, mut app) = quiz_app();
        tap(&mut app, KeyCode::Escape);
        choose(&mut app, MenuAction::Quiz(QuizCommand::AskQuit));
        choose(&mut app, MenuAction::Quiz(QuizCommand::ConfirmQuit));
        assert_eq!(screen(&app), Screen::Title);
        play_higher_or_lower(&mut app, 6);
        assert_eq!(page(&app).paragraphs[0], "6 right in a row: a new best!");
        // Kept with the player's own sessions, not in a file shared by everyone.
        let progress = app.world().resource::<cityquiz::game::progress::Progress>();
        let player = progress.player.unwrap();
        let records = progress
            .with_db(|db| db.player_records(player, &["higher-or-lower"]))
            .unwrap()
            .unwrap();
        assert_eq!(records.best_streak, 6);
        choose(&mut app, MenuAction::Open(Screen::Title));
        play_higher_or_lower(&mut app, 2);
        assert_eq!(
            page(&app).paragraphs[0],
            "2 right in a row. Your best is 6."
        );
    }

    #[test]
    fn an_untouched_guess_asks_for_a_number_instead_of_scoring() {
        let (_dir, mut app) = quiz_app();
        // Answer right until the first guess question, then press Enter without a number.
        while !matches!(
            quiz(&app).session.current(),
            Some(Question::GuessPopulation(_))
        ) {
            let question = quiz(&app).session.current().cloned().unwrap();
            let answer = right_answer(&app, &question);
            answer_by_keys(&mut app, &answer);
        }
        let answered = quiz(&app).session.results.len();
        tap(&mut app, KeyCode::Enter);
        assert_eq!(phase(&app), QuizPhase::Asking, "nothing was handed in");
        assert!(quiz(&app).incomplete, "the panel asks for a number");
        assert_eq!(quiz(&app).session.results.len(), answered);
        tap(&mut app, KeyCode::ArrowUp);
        assert!(!quiz(&app).incomplete);
        tap(&mut app, KeyCode::Enter);
        assert_eq!(phase(&app), QuizPhase::Feedback);
    }

    #[test]
    fn the_feedback_shows_the_cities_asked_about_on_the_shared_map() {
        use cityquiz::game::testing::MapScene;
        let (_dir, mut app) = quiz_app();
        assert!(app.world().get_resource::<MapScene>().is_none());
        let question = quiz(&app).session.current().cloned().unwrap();
        let answer = right_answer(&app, &question);
        let asked: Vec<_> = {
            let data = app.world().resource::<GameData>();
            question
                .cities()
                .iter()
                .map(|key| data.dataset.city_by_key(key).unwrap().id)
                .collect()
        };
        // Hand the answer in, but stay on the feedback.
        submit_without_going_on(&mut app, &answer);
        let scene = app.world().resource::<MapScene>();
        let mut shown = scene.emphasis.clone();
        shown.sort();
        let mut expected = asked.clone();
        expected.sort();
        assert_eq!(shown, expected);
        tap(&mut app, KeyCode::Enter);
        assert!(
            app.world().get_resource::<MapScene>().is_none(),
            "gone with the feedback"
        );
    }

    /// Answers by keys and stops on the feedback.
    fn submit_without_going_on(app: &mut App, answer: &Answer) {
        let question = quiz(app).session.current().cloned().unwrap();
        match (&question, answer) {
            (Question::HigherOrLower(q), Answer::HigherOrLower(pick)) => tap(
                app,
                if pick.city == q.left {
                    KeyCode::ArrowLeft
                } else {
                    KeyCode::ArrowRight
                },
            ),
            _ => {
                // Any other kind: hand in the draft as it stands (graded, right or not); a
                // figure to guess is typed first.
                if let Question::GuessPopulation(_) = question {
                    for digit in [1, 0, 0, 0, 0, 0] {
                        tap(app, digit_key(digit));
                    }
                }
                tap(app, KeyCode::Enter);
            }
        }
        assert_eq!(phase(app), QuizPhase::Feedback);
    }
}
