//! The Quiz screen's panels: progress, score and streak on top; the question with its kind's
//! panel; after an answer, the verdict and the kind's feedback; and the pause menu. Right and
//! wrong are shown by icon and words as well as colour.
//!
//! Each question kind has one file here: `asking` and `feedback` draw over the core's draft and
//! feedback and return what the player did, `keys` reads its keys, `HINTS` names them. The
//! `match`es in this file are the registry: one arm per kind.

mod board;
mod choices;
mod find;
mod guess;
mod higher_or_lower;
pub(super) mod map_overlay;
mod name;
mod order;
mod province;
pub(super) mod results_map;
mod true_false;
mod where_is;
mod which_city;
mod which_fact;

use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy_egui::egui::{self, Color32, RichText, Sense};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::fit_whole_country;
use super::map_labels::{MapLabels, draw_city_labels};
use super::page::menu_lines;
use super::theme::{Palette, palette};
use crate::dataset::{CityKey, Dataset};
use crate::format::thousands;
use crate::game::data::GameData;
use crate::game::map::MapScene;
use crate::game::menu::{DIGIT_KEYS, Menu, MenuAction};
use crate::game::preferences::Preferences;
use crate::game::screens::Screen;
use crate::game::screens::quiz::{ActiveQuiz, QuizAction, QuizPhase};
use crate::map_view::ScreenPoint;
use crate::quiz::population::CitedFigure;
use crate::quiz::{Answer, Draft, Feedback, Grade, Question};
use crate::settings::Theme;
use map_overlay::{MapFrame, RIGHT, WRONG};

pub(super) const COLUMN_WIDTH: f32 = 760.0;
/// The side panel beside the map while a map question is asked.
const MAP_SIDE_PANEL_WIDTH: f32 = 360.0;
/// One arrow-key step of the crosshair in km, and with Shift held.
const CROSSHAIR_STEP_KM: f64 = 20.0;
const CROSSHAIR_FINE_STEP_KM: f64 = 4.0;

fn verdict_colour(correct: bool) -> Color32 {
    if correct { RIGHT } else { WRONG }
}

/// The arrow keys as a crosshair move in km east and north (Shift: finer).
fn crosshair_keys(keys: &ButtonInput<KeyCode>) -> Option<[f64; 2]> {
    let step = if keys.any_pressed([KeyCode::ShiftLeft, KeyCode::ShiftRight]) {
        CROSSHAIR_FINE_STEP_KM
    } else {
        CROSSHAIR_STEP_KM
    };
    let mut by = [0.0, 0.0];
    if keys.just_pressed(KeyCode::ArrowLeft) {
        by[0] -= step;
    }
    if keys.just_pressed(KeyCode::ArrowRight) {
        by[0] += step;
    }
    if keys.just_pressed(KeyCode::ArrowUp) {
        by[1] += step;
    }
    if keys.just_pressed(KeyCode::ArrowDown) {
        by[1] -= step;
    }
    (by != [0.0, 0.0]).then_some(by)
}

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(results_map::plugin);
    app.add_systems(
        EguiPrimaryContextPass,
        (draw_quiz, draw_pause_menu)
            .chain()
            .run_if(in_state(Screen::Quiz).and_then(resource_exists::<ActiveQuiz>)),
    );
}

#[allow(clippy::too_many_arguments)]
fn draw_quiz(
    mut contexts: EguiContexts,
    quiz: Res<ActiveQuiz>,
    data: Res<GameData>,
    phase: Res<State<QuizPhase>>,
    preferences: Res<Preferences>,
    mut actions: MessageWriter<QuizAction>,
    scene: Option<ResMut<MapScene>>,
    mut redraw: MessageWriter<RequestRedraw>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let colours = palette(preferences.theme());
    let mut root = super::window_ui(ctx, "quiz");
    let mut out = Vec::new();
    egui::Panel::top("quiz_progress")
        .frame(egui::Frame::new().fill(colours.background).inner_margin(12))
        .show(&mut root, |ui| {
            let answered_now = *phase.get() == QuizPhase::Feedback;
            progress_bar(ui, &quiz, answered_now, colours, &mut out)
        });
    egui::Panel::bottom("quiz_keys")
        .frame(egui::Frame::new().fill(colours.background).inner_margin(10))
        .show(&mut root, |ui| {
            ui.vertical_centered(|ui| {
                ui.label(
                    RichText::new(key_hints(&quiz, *phase.get()))
                        .small()
                        .color(colours.weak_text),
                );
            });
        });
    match (phase.get(), &quiz.last_grade) {
        (QuizPhase::Feedback, Some(grade)) => {
            // The figures on the left; the rest of the window shows the shared map (a map
            // question's feedback leaves the map more room).
            let width = if grade.feedback.is_on_map() {
                MAP_SIDE_PANEL_WIDTH + 60.0
            } else {
                (root.available_width() * 0.56).min(COLUMN_WIDTH + 48.0)
            };
            egui::Panel::left("quiz_feedback")
                .exact_size(width)
                .resizable(false)
                .frame(egui::Frame::new().fill(colours.panel).inner_margin(24))
                .show(&mut root, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        ui.vertical_centered(|ui| {
                            feedback(ui, &quiz, grade, &data.dataset, colours, &mut out)
                        });
                    });
                });
            let map_rect = root.available_rect_before_wrap();
            if let Some(mut scene) = scene {
                if fit_whole_country(ctx, map_rect, &mut scene.view, &data) {
                    redraw.write(RequestRedraw);
                }
                let frame = MapFrame::new(ctx, map_rect, &scene.view, colours_dark(&preferences));
                if !feedback_overlay(&frame, grade, &data) {
                    label_cities(ctx, map_rect, &scene, &data, &preferences);
                }
            }
        }
        (QuizPhase::Asking, _)
            if quiz.session.current().is_some_and(Question::is_on_map) && scene.is_some() =>
        {
            egui::Panel::left("quiz_map_question")
                .exact_size(MAP_SIDE_PANEL_WIDTH)
                .resizable(false)
                .frame(egui::Frame::new().fill(colours.panel).inner_margin(20))
                .show(&mut root, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        out.extend(asking(ui, &quiz, &data.dataset, &preferences, colours));
                    });
                });
            let map_rect = root.available_rect_before_wrap();
            if let Some(mut scene) = scene {
                // Until the player zooms or pans, the map fits the room beside the panel.
                if !quiz.map_moved && fit_whole_country(ctx, map_rect, &mut scene.view, &data) {
                    redraw.write(RequestRedraw);
                }
                let frame = MapFrame::new(ctx, map_rect, &scene.view, colours_dark(&preferences));
                asking_overlay(&frame, &quiz, &data);
            }
        }
        _ => {
            egui::CentralPanel::default()
                .frame(egui::Frame::new().fill(colours.panel).inner_margin(24))
                .show(&mut root, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        ui.vertical_centered(|ui| {
                            ui.set_max_width(COLUMN_WIDTH);
                            out.extend(asking(ui, &quiz, &data.dataset, &preferences, colours));
                        });
                    });
                });
        }
    }
    for action in out {
        actions.write(action);
    }
    Ok(())
}

pub(super) fn colours_dark(preferences: &Preferences) -> bool {
    preferences.theme() == Theme::Dark
}

/// Draws a map kind's feedback over the map; false for kinds whose map only labels cities.
fn feedback_overlay(frame: &MapFrame, grade: &Grade, data: &GameData) -> bool {
    match &grade.feedback {
        Feedback::WhereIs(f) => where_is::feedback_overlay(frame, f, &data.dataset),
        Feedback::FindOnMap(f) => find::feedback_overlay(frame, f, data),
        Feedback::NameMarked(f) => name::feedback_overlay(frame, f, &data.dataset),
        Feedback::WhichProvince(f) => province::feedback_overlay(frame, f, data),
        _ => return false,
    }
    true
}

/// What a map question draws over the map while it is asked.
fn asking_overlay(frame: &MapFrame, quiz: &ActiveQuiz, data: &GameData) {
    let names_shown = quiz.settings.map.difficulty.shows_province_names();
    match (quiz.session.current(), &quiz.draft) {
        (Some(Question::WhereIs(_)), Some(Draft::WhereIs(draft))) => {
            where_is::asking_overlay(frame, draft)
        }
        (Some(Question::FindOnMap(_)), Some(Draft::FindOnMap(draft))) => {
            find::asking_overlay(frame, draft, data)
        }
        (Some(Question::NameMarked(question)), _) => {
            name::asking_overlay(frame, question, &data.dataset)
        }
        (Some(Question::WhichProvince(_)), Some(Draft::WhichProvince(draft))) => {
            province::asking_overlay(frame, draft, data, names_shown)
        }
        _ => {}
    }
}

/// A click on the map during a map question, as the question's kind reads it.
pub fn map_click(
    quiz: &ActiveQuiz,
    at: ScreenPoint,
    scene: &MapScene,
    data: &GameData,
) -> Vec<QuizAction> {
    match quiz.session.current() {
        Some(Question::WhereIs(_)) => where_is::click(at, &scene.view),
        Some(Question::FindOnMap(_)) => find::click(at, scene, data),
        Some(Question::WhichProvince(_)) => province::click(at, &scene.view, data),
        // Name the marked city is answered in the side panel.
        _ => Vec::new(),
    }
}

/// Labels the cities the feedback is about (the scene's emphasis), so the player learns where
/// the cities just ranked lie.
fn label_cities(
    ctx: &egui::Context,
    map_rect: egui::Rect,
    scene: &MapScene,
    data: &GameData,
    preferences: &Preferences,
) {
    let labels = MapLabels {
        cities: scene.emphasis.clone(),
        emphasis: scene.emphasis.clone(),
        hangul: preferences.settings.hangul,
    };
    draw_city_labels(ctx, map_rect, &scene.view, &labels, data, preferences);
}

/// Where the quiz is; during feedback the number is the question just answered.
fn progress_bar(
    ui: &mut egui::Ui,
    quiz: &ActiveQuiz,
    answered_now: bool,
    colours: &Palette,
    out: &mut Vec<QuizAction>,
) {
    let session = &quiz.session;
    let summary = session.summary();
    ui.horizontal(|ui| {
        let title = if session.is_reviewing() {
            "Review your mistakes (not scored)".to_string()
        } else if answered_now {
            format!(
                "Question {} of {}",
                session.results.len(),
                session.questions.len()
            )
        } else {
            let (number, total) = session.progress();
            format!("Question {number} of {total}")
        };
        ui.label(RichText::new(title).strong());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("Pause (Esc)").clicked() {
                out.push(QuizAction::Pause);
            }
            ui.label(format!("Streak {}", session.streak));
            ui.label(RichText::new(format!("{} points", summary.points)).strong());
        });
    });
    let (answered, total) = (session.results.len(), session.questions.len().max(1));
    ui.add(
        egui::ProgressBar::new(answered as f32 / total as f32)
            .desired_height(8.0)
            .fill(colours.accent),
    );
}

fn key_hints(quiz: &ActiveQuiz, phase: QuizPhase) -> &'static str {
    if quiz.paused {
        return "Up/Down  choose      Enter  select      Esc  resume";
    }
    if phase == QuizPhase::Feedback {
        return "Enter  next question      Esc  pause";
    }
    match quiz.session.current() {
        Some(Question::OrderByPopulation(_)) => order::HINTS,
        Some(Question::HigherOrLower(_)) => higher_or_lower::HINTS,
        Some(Question::GuessPopulation(_)) => guess::HINTS,
        Some(Question::WhereIs(_)) => where_is::HINTS,
        Some(Question::FindOnMap(_)) => find::HINTS,
        Some(Question::NameMarked(_)) => name::HINTS,
        Some(Question::WhichProvince(_)) => province::HINTS,
        Some(Question::WhichCity(_)) => which_city::HINTS,
        Some(Question::TrueFalse(_)) => true_false::HINTS,
        Some(Question::WhichFact(_)) => which_fact::HINTS,
        Some(Question::MatchBoard(_)) => board::HINTS,
        None => "",
    }
}

/// The keys of the current question's kind, as actions.
pub fn kind_keys(
    keys: &ButtonInput<KeyCode>,
    question: &Question,
    draft: &Draft,
    data: &GameData,
) -> Vec<QuizAction> {
    match (question, draft) {
        (Question::OrderByPopulation(_), Draft::OrderByPopulation(draft)) => {
            order::keys(keys, draft)
        }
        (Question::HigherOrLower(question), Draft::HigherOrLower(_)) => {
            higher_or_lower::keys(keys, question)
        }
        (Question::GuessPopulation(_), Draft::GuessPopulation(_)) => guess::keys(keys),
        (Question::WhereIs(_), Draft::WhereIs(_)) => where_is::keys(keys),
        (Question::FindOnMap(_), Draft::FindOnMap(draft)) => find::keys(keys, draft, data),
        (Question::NameMarked(question), Draft::NameMarked(_)) => name::keys(keys, question),
        (Question::WhichProvince(_), Draft::WhichProvince(draft)) => {
            province::keys(keys, draft, data)
        }
        (Question::WhichCity(question), Draft::WhichCity(_)) => which_city::keys(keys, question),
        (Question::TrueFalse(_), Draft::TrueFalse(_)) => true_false::keys(keys),
        (Question::WhichFact(question), Draft::WhichFact(_)) => which_fact::keys(keys, question),
        (Question::MatchBoard(question), Draft::MatchBoard(_)) => board::keys(keys, question),
        _ => Vec::new(),
    }
}

/// The question and its kind's answer controls.
fn asking(
    ui: &mut egui::Ui,
    quiz: &ActiveQuiz,
    dataset: &Dataset,
    preferences: &Preferences,
    colours: &Palette,
) -> Vec<QuizAction> {
    let (Some(question), Some(draft)) = (quiz.session.current(), &quiz.draft) else {
        return Vec::new();
    };
    ui.add_space(12.0);
    ui.label(RichText::new(question.prompt(dataset)).size(24.0).strong());
    if preferences.settings.hangul
        && !matches!(question, Question::NameMarked(_))
        && let [only] = question.cities().as_slice()
        && let Some(city) = dataset.city_by_key(only)
    {
        ui.label(RichText::new(&city.hangul).size(22.0));
    }
    ui.add_space(16.0);
    match (question, draft) {
        (Question::OrderByPopulation(_), Draft::OrderByPopulation(draft)) => {
            order::asking(ui, draft, dataset, colours)
        }
        (Question::HigherOrLower(question), Draft::HigherOrLower(_)) => {
            higher_or_lower::asking(ui, question, dataset)
        }
        (Question::GuessPopulation(_), Draft::GuessPopulation(draft)) => {
            guess::asking(ui, draft, quiz.incomplete, colours)
        }
        (Question::WhereIs(_), Draft::WhereIs(draft)) => {
            where_is::asking(ui, draft, quiz.incomplete, colours);
            Vec::new()
        }
        (Question::FindOnMap(_), Draft::FindOnMap(draft)) => {
            find::asking(ui, draft, dataset, colours);
            Vec::new()
        }
        (Question::NameMarked(question), Draft::NameMarked(draft)) => {
            name::asking(ui, question, draft, dataset, colours)
        }
        (Question::WhichProvince(_), Draft::WhichProvince(_)) => {
            let names_shown = quiz.settings.map.difficulty.shows_province_names();
            province::asking(ui, names_shown, colours);
            Vec::new()
        }
        (Question::WhichCity(question), Draft::WhichCity(_)) => {
            which_city::asking(ui, question, dataset)
        }
        (Question::TrueFalse(_), Draft::TrueFalse(_)) => true_false::asking(ui),
        (Question::WhichFact(question), Draft::WhichFact(_)) => {
            which_fact::asking(ui, question, dataset)
        }
        (Question::MatchBoard(question), Draft::MatchBoard(draft)) => {
            board::asking(ui, question, draft, dataset, colours)
        }
        _ => Vec::new(),
    }
}

/// The verdict, then the kind's figures, then the way on.
fn feedback(
    ui: &mut egui::Ui,
    quiz: &ActiveQuiz,
    grade: &Grade,
    dataset: &Dataset,
    colours: &Palette,
    out: &mut Vec<QuizAction>,
) {
    verdict(ui, grade, quiz.session.last_points());
    match (&grade.feedback, quiz.last_answer.as_ref()) {
        (Feedback::OrderByPopulation(feedback), answer) => {
            let answer = match answer {
                Some(Answer::OrderByPopulation(answer)) => Some(answer),
                _ => None,
            };
            order::feedback(ui, feedback, answer, dataset, colours)
        }
        (Feedback::HigherOrLower(feedback), _) => {
            higher_or_lower::feedback(ui, feedback, dataset, colours)
        }
        (Feedback::GuessPopulation(feedback), answer) => {
            let answer = match answer {
                Some(Answer::GuessPopulation(answer)) => Some(answer),
                _ => None,
            };
            guess::feedback(ui, feedback, answer, colours)
        }
        (Feedback::WhereIs(feedback), _) => {
            where_is::feedback(ui, feedback, dataset, grade.correct)
        }
        (Feedback::FindOnMap(feedback), _) => find::feedback(ui, feedback, dataset),
        (Feedback::NameMarked(feedback), _) => name::feedback(ui, feedback, dataset, grade.correct),
        (Feedback::WhichProvince(feedback), _) => {
            province::feedback(ui, feedback, dataset, grade.correct)
        }
        (Feedback::WhichCity(feedback), _) => {
            which_city::feedback(ui, feedback, dataset, grade.correct, colours)
        }
        (Feedback::TrueFalse(feedback), _) => {
            true_false::feedback(ui, feedback, dataset, grade.correct, colours)
        }
        (Feedback::WhichFact(feedback), _) => {
            which_fact::feedback(ui, feedback, dataset, grade.correct, colours)
        }
        (Feedback::MatchBoard(feedback), _) => {
            board::feedback(ui, feedback, dataset, grade.correct, colours)
        }
    }
    next_button(ui, out);
}

/// A city as lists show it: its English name and its Hangul.
fn city_line(dataset: &Dataset, key: &CityKey) -> String {
    match dataset.city_by_key(key) {
        Some(city) => format!("{}  {}", city.name, city.hangul),
        None => key.0.clone(),
    }
}

/// The digit whose key (number row or keypad) was just pressed.
fn digit_pressed(keys: &ButtonInput<KeyCode>) -> Option<u8> {
    (0..10u8).find(|&d| {
        keys.just_pressed(DIGIT_KEYS[usize::from(d)])
            || keys.just_pressed(KEYPAD_DIGITS[usize::from(d)])
    })
}

/// The keypad's digits, 0 to 9, read beside the number row's.
const KEYPAD_DIGITS: [KeyCode; 10] = [
    KeyCode::Numpad0,
    KeyCode::Numpad1,
    KeyCode::Numpad2,
    KeyCode::Numpad3,
    KeyCode::Numpad4,
    KeyCode::Numpad5,
    KeyCode::Numpad6,
    KeyCode::Numpad7,
    KeyCode::Numpad8,
    KeyCode::Numpad9,
];

fn verdict(ui: &mut egui::Ui, grade: &Grade, points: Option<(u32, u32)>) {
    ui.add_space(12.0);
    let (text, colour) = if grade.correct {
        ("✔  Right!", RIGHT)
    } else if grade.accuracy > 0.0 {
        ("✖  Not quite", WRONG)
    } else {
        ("✖  Wrong", WRONG)
    };
    ui.label(RichText::new(text).size(34.0).strong().color(colour));
    if let Some((points, bonus)) = points {
        let bonus = if bonus > 0 {
            format!(" + {bonus} streak bonus")
        } else {
            String::new()
        };
        ui.label(format!(
            "{:.0} % right · {points} points{bonus}",
            grade.accuracy * 100.0
        ));
    }
    ui.add_space(12.0);
}

/// A figure as a bar (its share of `largest`) and its number; its year, kind and source on a
/// small line below unless `cited_above` (every figure shares one citation, shown once).
fn figure_bar(
    ui: &mut egui::Ui,
    figure: &CitedFigure,
    largest: u32,
    cited_above: bool,
    colours: &Palette,
) {
    ui.horizontal(|ui| {
        let width = ui.available_width() * 0.55;
        let (rect, _) = ui.allocate_exact_size(egui::vec2(width, 16.0), Sense::hover());
        let share = (figure.count as f32 / largest.max(1) as f32).clamp(0.0, 1.0);
        let filled = egui::Rect::from_min_size(rect.min, egui::vec2(width * share, 16.0));
        ui.painter().rect_filled(filled, 3.0, colours.accent);
        ui.label(RichText::new(thousands(figure.count)).strong());
    });
    if !cited_above {
        ui.label(
            RichText::new(figure.citation())
                .small()
                .color(colours.weak_text),
        );
    }
}

/// "Figures: total, 2008 — DPRK 2008 Population Census" when every figure shares that
/// citation; then each figure's bar shows just its number.
fn shared_citation<'f>(
    ui: &mut egui::Ui,
    figures: impl IntoIterator<Item = &'f CitedFigure>,
    colours: &Palette,
) -> bool {
    let mut citations = figures.into_iter().map(CitedFigure::citation);
    let Some(first) = citations.next() else {
        return false;
    };
    let shared = citations.all(|other| other == first);
    if shared {
        ui.label(RichText::new(format!("Figures: {first}")).color(colours.weak_text));
    }
    shared
}

/// A large button that only the mouse clicks (Enter is the game's own key, read once).
fn big_button(ui: &mut egui::Ui, text: &str) -> bool {
    ui.add(egui::Button::new(RichText::new(text).size(20.0)).sense(Sense::CLICK))
        .clicked_by(egui::PointerButton::Primary)
}

fn next_button(ui: &mut egui::Ui, out: &mut Vec<QuizAction>) {
    ui.add_space(16.0);
    if big_button(ui, "Next (Enter)") {
        out.push(QuizAction::Next);
    }
}

/// While paused: the pause menu over the question, driven by the menu system's keys too.
fn draw_pause_menu(
    mut contexts: EguiContexts,
    quiz: Res<ActiveQuiz>,
    preferences: Res<Preferences>,
    mut menu: ResMut<Menu>,
    mut actions: MessageWriter<MenuAction>,
) -> Result {
    if !quiz.paused {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let colours = palette(preferences.theme());
    egui::Area::new("pause".into())
        .order(egui::Order::Foreground)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style())
                .fill(colours.panel)
                .inner_margin(24)
                .show(ui, |ui| {
                    ui.vertical_centered(|ui| {
                        ui.heading("Paused");
                        ui.add_space(12.0);
                        let (clicked, hovered) = menu_lines(ui, &menu, colours);
                        if let Some(index) = hovered {
                            menu.focus = index;
                        }
                        if let Some(item) = clicked.and_then(|index| menu.items.get(index)) {
                            actions.write(item.action);
                        }
                    });
                });
        });
    Ok(())
}
