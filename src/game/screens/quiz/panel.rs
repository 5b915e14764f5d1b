//! The Quiz screen's layout: progress, score and streak on top; the question with its kind's
//! panel (beside the map for a map question); after an answer, the verdict and the kind's
//! feedback beside the map; the keys at the bottom. Right and wrong are shown by icon and words
//! as well as colour.

use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy_egui::egui::{self, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::active::{ActiveQuiz, QuizAction, QuizPhase};
use super::kinds::{self, widgets::COLUMN_WIDTH, widgets::big_button};
use crate::dataset::Dataset;
use crate::game::data::GameData;
use crate::game::map::MapScene;
use crate::game::map::labels::{MapLabels, draw_city_labels};
use crate::game::map::overlay::{MapFrame, RIGHT, WRONG};
use crate::game::map::view::fit_whole_country;
use crate::game::preferences::Preferences;
use crate::game::screen::Screen;
use crate::game::ui::theme::{Palette, colours_dark, palette};
use crate::game::ui::window::window_ui;
use crate::quiz::{Grade, Question};

/// The side panel beside the map while a map question is asked.
const MAP_SIDE_PANEL_WIDTH: f32 = 360.0;
pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw_quiz.run_if(in_state(Screen::Quiz).and_then(resource_exists::<ActiveQuiz>)),
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
    let mut root = window_ui(ctx, "quiz");
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
                            feedback(ui, &quiz, grade, &quiz.dataset, colours, &mut out)
                        });
                    });
                });
            let map_rect = root.available_rect_before_wrap();
            if let Some(mut scene) = scene {
                if fit_whole_country(ctx, map_rect, &mut scene.view, &data) {
                    redraw.write(RequestRedraw);
                }
                let frame = MapFrame::new(ctx, map_rect, &scene.view, colours_dark(&preferences));
                if !kinds::feedback_overlay(&frame, grade, &quiz, &data) {
                    label_cities(ctx, map_rect, &scene, &preferences);
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
                        out.extend(asking(ui, &quiz, &quiz.dataset, &preferences, colours));
                    });
                });
            let map_rect = root.available_rect_before_wrap();
            if let Some(mut scene) = scene {
                // Until the player zooms or pans, the map fits the room beside the panel.
                if !quiz.map_moved && fit_whole_country(ctx, map_rect, &mut scene.view, &data) {
                    redraw.write(RequestRedraw);
                }
                let frame = MapFrame::new(ctx, map_rect, &scene.view, colours_dark(&preferences));
                kinds::asking_overlay(&frame, &quiz, &data);
            }
        }
        _ => {
            egui::CentralPanel::default()
                .frame(egui::Frame::new().fill(colours.panel).inner_margin(24))
                .show(&mut root, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        ui.vertical_centered(|ui| {
                            ui.set_max_width(COLUMN_WIDTH);
                            out.extend(asking(ui, &quiz, &quiz.dataset, &preferences, colours));
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

/// Labels the cities the feedback is about (the scene's emphasis), so the player learns where
/// the cities just ranked lie.
fn label_cities(
    ctx: &egui::Context,
    map_rect: egui::Rect,
    scene: &MapScene,
    preferences: &Preferences,
) {
    let labels = MapLabels {
        cities: scene.emphasis.clone(),
        emphasis: scene.emphasis.clone(),
        hangul: preferences.settings.hangul,
    };
    draw_city_labels(
        ctx,
        map_rect,
        &scene.view,
        &labels,
        &scene.cities,
        preferences,
    );
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

fn next_button(ui: &mut egui::Ui, out: &mut Vec<QuizAction>) {
    ui.add_space(16.0);
    if big_button(ui, "Next (Enter)") {
        out.push(QuizAction::Next);
    }
}

fn key_hints(quiz: &ActiveQuiz, phase: QuizPhase) -> &'static str {
    if quiz.paused {
        return "Up/Down  choose      Enter  select      Esc  resume";
    }
    if phase == QuizPhase::Feedback {
        return "Enter  next question      Esc  pause";
    }
    quiz.session.current().map_or("", kinds::hints)
}

/// The question's prompt (and its city's Hangul name), then its kind's answer controls.
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
    kinds::asking(ui, quiz, question, draft, dataset, colours)
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
    kinds::feedback(ui, grade, quiz.last_answer.as_ref(), dataset, colours);
    next_button(ui, out);
}
