//! The Quiz screen's panels: progress, score and streak on top; the question and its answer
//! controls (a list to drag into order, two cities to choose from, a slider and typed digits);
//! after an answer, the feedback with the figures behind it; and the pause menu.
//! Right and wrong are shown by icon and words as well as colour.

use bevy::prelude::*;
use bevy_egui::egui::{self, Color32, RichText, Sense};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::page::menu_lines;
use super::theme::{Palette, palette};
use crate::dataset::{CityId, Dataset};
use crate::format::thousands;
use crate::game::data::GameData;
use crate::game::menu::{Menu, MenuAction};
use crate::game::preferences::Preferences;
use crate::game::screens::Screen;
use crate::game::screens::quiz::{ActiveQuiz, QuizAction, QuizPhase, guess_range};
use crate::quiz::{Answer, Feedback, Grade, Question};

const COLUMN_WIDTH: f32 = 760.0;
const RIGHT: Color32 = Color32::from_rgb(0x2E, 0x8B, 0x57);
const WRONG: Color32 = Color32::from_rgb(0xC0, 0x39, 0x2B);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        (draw_quiz, draw_pause_menu)
            .chain()
            .run_if(in_state(Screen::Quiz).and_then(resource_exists::<ActiveQuiz>)),
    );
}

fn draw_quiz(
    mut contexts: EguiContexts,
    quiz: Res<ActiveQuiz>,
    data: Res<GameData>,
    phase: Res<State<QuizPhase>>,
    preferences: Res<Preferences>,
    mut actions: MessageWriter<QuizAction>,
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
    egui::CentralPanel::default()
        .frame(egui::Frame::new().fill(colours.panel).inner_margin(24))
        .show(&mut root, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.vertical_centered(|ui| {
                    ui.set_max_width(COLUMN_WIDTH);
                    match (phase.get(), &quiz.last_grade) {
                        (QuizPhase::Feedback, Some(grade)) => {
                            feedback(ui, &quiz, grade, &data.dataset, colours, &mut out)
                        }
                        _ => asking(ui, &quiz, &data, colours, &mut out),
                    }
                });
            });
        });
    for action in out {
        actions.write(action);
    }
    Ok(())
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
        Some(Question::OrderByPopulation { .. }) => {
            "Up/Down  move      Space  pick up / put down      1-8  move to place      Enter  check      Esc  pause"
        }
        Some(Question::HigherOrLower { .. }) => {
            "Left  the left city      Right  the right city      Esc  pause"
        }
        Some(Question::GuessPopulation { .. }) => {
            "Type the number, or Up/Down to step it      Backspace  delete      Enter  check      Esc  pause"
        }
        None => "",
    }
}

fn city_name(dataset: &Dataset, city: CityId) -> String {
    let city = dataset.city(city);
    format!("{}  {}", city.name, city.hangul)
}

fn asking(
    ui: &mut egui::Ui,
    quiz: &ActiveQuiz,
    data: &GameData,
    colours: &Palette,
    out: &mut Vec<QuizAction>,
) {
    let Some(question) = quiz.session.current() else {
        return;
    };
    ui.add_space(12.0);
    ui.label(
        RichText::new(question.prompt(&data.dataset))
            .size(24.0)
            .strong(),
    );
    ui.add_space(16.0);
    match question {
        Question::OrderByPopulation { .. } => order_list(ui, quiz, &data.dataset, colours, out),
        Question::HigherOrLower { left, right, .. } => {
            ui.columns(2, |columns| {
                for (column, (city, arrow)) in
                    columns.iter_mut().zip([(*left, "◀  "), (*right, "")])
                {
                    let label = if arrow.is_empty() {
                        format!("{}  ▶", city_name(&data.dataset, city))
                    } else {
                        format!("{arrow}{}", city_name(&data.dataset, city))
                    };
                    let button = egui::Button::new(RichText::new(label).size(24.0))
                        .min_size(egui::vec2(column.available_width(), 96.0))
                        .sense(Sense::CLICK);
                    if column.add(button).clicked_by(egui::PointerButton::Primary) {
                        out.push(QuizAction::Pick(city));
                    }
                }
            });
        }
        Question::GuessPopulation { .. } => guess_controls(ui, quiz, data, colours, out),
    }
}

fn order_list(
    ui: &mut egui::Ui,
    quiz: &ActiveQuiz,
    dataset: &Dataset,
    colours: &Palette,
    out: &mut Vec<QuizAction>,
) {
    ui.label(RichText::new("Largest").color(colours.weak_text));
    let mut dropped: Option<(usize, usize)> = None;
    for (place, &city) in quiz.arrangement.iter().enumerate() {
        let focused = place == quiz.cursor;
        let carried = focused && quiz.grabbed;
        let fill = if carried {
            colours.accent
        } else if focused {
            colours.background
        } else {
            colours.panel
        };
        let text_colour = if carried {
            colours.on_accent
        } else {
            colours.text
        };
        let frame = egui::Frame::new()
            .fill(fill)
            .stroke(egui::Stroke::new(
                if focused { 2.0 } else { 1.0 },
                if focused {
                    colours.accent
                } else {
                    colours.weak_text
                },
            ))
            .corner_radius(8)
            .inner_margin(10);
        let (_, payload) = ui.dnd_drop_zone::<usize, _>(egui::Frame::new(), |ui| {
            ui.dnd_drag_source(egui::Id::new(("order_line", place)), place, |ui| {
                frame.show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.horizontal(|ui| {
                        let marker = if carried {
                            "✋ carrying"
                        } else if focused {
                            "▶"
                        } else {
                            "   "
                        };
                        ui.label(
                            RichText::new(format!("{}.", place + 1))
                                .size(20.0)
                                .color(text_colour),
                        );
                        ui.label(
                            RichText::new(city_name(dataset, city))
                                .size(22.0)
                                .color(text_colour),
                        );
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            if ui.small_button("▼").clicked() && place + 1 < quiz.arrangement.len()
                            {
                                out.push(QuizAction::MoveLine {
                                    from: place,
                                    to: place + 1,
                                });
                            }
                            if ui.small_button("▲").clicked() && place > 0 {
                                out.push(QuizAction::MoveLine {
                                    from: place,
                                    to: place - 1,
                                });
                            }
                            ui.label(RichText::new(marker).color(text_colour));
                        });
                    });
                });
            });
        });
        if let Some(from) = payload {
            dropped = Some((*from, place));
        }
    }
    ui.label(RichText::new("Smallest").color(colours.weak_text));
    if let Some((from, to)) = dropped
        && from != to
    {
        out.push(QuizAction::MoveLine { from, to });
    }
    ui.add_space(12.0);
    if big_button(ui, "Check the order (Enter)") {
        out.push(QuizAction::Submit);
    }
}

fn guess_controls(
    ui: &mut egui::Ui,
    quiz: &ActiveQuiz,
    data: &GameData,
    colours: &Palette,
    out: &mut Vec<QuizAction>,
) {
    let (low, high) = guess_range(data);
    let typed = quiz.typed.parse::<u32>().ok();
    let mut value = typed.unwrap_or(quiz.guess).clamp(low, high);
    let slider = egui::Slider::new(&mut value, low..=high)
        .logarithmic(true)
        .show_value(false);
    ui.spacing_mut().slider_width = COLUMN_WIDTH - 40.0;
    if ui.add(slider).changed() {
        out.push(QuizAction::SetGuess(value));
    }
    let shown = typed.unwrap_or(quiz.guess);
    ui.label(
        RichText::new(format!("{} people", thousands(shown)))
            .size(30.0)
            .strong(),
    );
    if !quiz.typed.is_empty() {
        ui.label(RichText::new("typed").color(colours.weak_text));
    }
    ui.add_space(12.0);
    if big_button(ui, "Check my guess (Enter)") {
        out.push(QuizAction::Submit);
    }
}

fn feedback(
    ui: &mut egui::Ui,
    quiz: &ActiveQuiz,
    grade: &Grade,
    dataset: &Dataset,
    colours: &Palette,
    out: &mut Vec<QuizAction>,
) {
    verdict(ui, grade, quiz.last_points);
    let source = format!("2008 census, {}", quiz.settings.measure.kind().label());
    feedback_figures(
        ui,
        grade,
        quiz.last_answer.as_ref(),
        &source,
        dataset,
        colours,
    );
    next_button(ui, out);
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

fn bar(ui: &mut egui::Ui, share: f32, colour: Color32) {
    let width = ui.available_width().min(COLUMN_WIDTH) * 0.6;
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, 16.0), Sense::hover());
    let filled =
        egui::Rect::from_min_size(rect.min, egui::vec2(width * share.clamp(0.0, 1.0), 16.0));
    ui.painter().rect_filled(filled, 3.0, colour);
}

/// The right answer and its figures; `source` names the figure (year, census, kind).
fn feedback_figures(
    ui: &mut egui::Ui,
    grade: &Grade,
    answer: Option<&Answer>,
    source: &str,
    dataset: &Dataset,
    colours: &Palette,
) {
    match &grade.feedback {
        Feedback::Order { truth, in_place } => {
            ui.label(format!(
                "The true order ({} of {} in the right place):",
                in_place,
                truth.len()
            ));
            let largest = truth.first().map_or(1, |(_, n)| (*n).max(1));
            let given = match answer {
                Some(Answer::Order(order)) => order.clone(),
                _ => Vec::new(),
            };
            for (place, (city, count)) in truth.iter().enumerate() {
                let ok = given.get(place) == Some(city);
                ui.horizontal(|ui| {
                    let mark = if ok { ("✔", RIGHT) } else { ("✖", WRONG) };
                    ui.label(RichText::new(mark.0).color(mark.1).strong());
                    ui.label(format!("{}. {}", place + 1, city_name(dataset, *city)));
                });
                ui.horizontal(|ui| {
                    bar(ui, *count as f32 / largest as f32, colours.accent);
                    ui.label(format!("{} ({source})", thousands(*count)));
                });
            }
        }
        Feedback::Comparison { larger, smaller } => {
            ui.label(format!(
                "{} has more people than {}.",
                dataset.city(larger.0).name,
                dataset.city(smaller.0).name
            ));
            for (city, count) in [larger, smaller] {
                ui.label(city_name(dataset, *city));
                ui.horizontal(|ui| {
                    bar(ui, *count as f32 / larger.1.max(1) as f32, colours.accent);
                    ui.label(format!("{} ({source})", thousands(*count)));
                });
            }
        }
        Feedback::Guess {
            truth,
            sources_range,
        } => {
            ui.label(RichText::new(format!("{} people ({source})", thousands(*truth))).size(26.0));
            if let Some(Answer::Number(guess)) = answer {
                ui.label(format!("Your guess: {}", thousands(*guess)));
            }
            if let Some((low, high)) = sources_range
                && low != high
            {
                ui.label(
                    RichText::new(format!(
                        "The sources give figures from {} to {} (census total and urban, estimates).",
                        thousands(*low),
                        thousands(*high)
                    ))
                    .color(colours.weak_text),
                );
            }
        }
    }
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
