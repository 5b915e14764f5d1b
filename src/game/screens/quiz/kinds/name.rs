//! Name the marked city: the marked marker has a ring on the map; four names to choose (keys
//! 1–4 or a click) or a text field to type it in any recorded spelling.

use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};

use super::choices::{choice_buttons, choice_keys};
use super::widgets::{big_button, verdict_colour};
use crate::dataset::{CityId, CityKey, Dataset};
use crate::game::map::overlay::{MapFrame, PLAYER, RIGHT, WRONG};
use crate::game::screens::quiz::active::ActiveQuiz;
use crate::game::screens::quiz::active::QuizAction;
use crate::game::ui::theme::Palette;
use crate::quiz::name_marked::{NameDraft, NameEdit, NameFeedback, NameQuestion};
use crate::quiz::placement::city_pool;
use crate::quiz::{Edit, city_name};

pub const HINTS: &str = "1–4  choose a name      or type it and press Enter      Wheel/drag  zoom and pan      Esc  pause";

fn edit(edit: NameEdit) -> QuizAction {
    QuizAction::Edit(Edit::NameMarked(edit))
}

fn choose_city(city: &CityKey) -> Edit {
    Edit::NameMarked(NameEdit::Choose(city.clone()))
}

/// Keys 1–4 (read only while the text field does not have the keyboard).
pub fn keys(keys: &ButtonInput<KeyCode>, question: &NameQuestion) -> Vec<QuizAction> {
    choice_keys(keys, &question.choices, choose_city)
}

pub fn asking(
    ui: &mut egui::Ui,
    question: &NameQuestion,
    draft: &NameDraft,
    dataset: &Dataset,
    colours: &Palette,
) -> Vec<QuizAction> {
    ui.label("The city with the blue ring on the map:");
    ui.add_space(8.0);
    let name = |city: &CityKey| city_name(dataset, city);
    let mut out = choice_buttons(ui, &question.choices, name, choose_city);
    ui.add_space(12.0);
    ui.label(
        RichText::new("Or type its name (any spelling, Hangul too):").color(colours.weak_text),
    );
    let mut text = draft.typed.clone();
    let field = ui.add(egui::TextEdit::singleline(&mut text).hint_text("e.g. Hamhŭng or 함흥"));
    if field.changed() {
        out.push(edit(NameEdit::Type(text)));
    }
    if field.lost_focus()
        && ui.input(|i| i.key_pressed(egui::Key::Enter))
        && !draft.typed.trim().is_empty()
    {
        out.push(QuizAction::Submit);
    }
    if big_button(ui, "Check the typed name") {
        out.push(QuizAction::Submit);
    }
    out
}

pub fn asking_overlay(frame: &MapFrame, question: &NameQuestion, dataset: &Dataset) {
    if let Some(city) = dataset.city_by_key(&question.city) {
        let at = frame.at(city.location);
        frame.ring(at, 12.0, PLAYER);
        frame.ring(at, 18.0, PLAYER);
    }
}

pub fn feedback(ui: &mut egui::Ui, feedback: &NameFeedback, dataset: &Dataset, correct: bool) {
    let name = dataset.city_by_key(&feedback.city).map_or_else(
        || feedback.city.0.clone(),
        |c| format!("{} ({}, {})", c.name, c.name_mr, c.hangul),
    );
    ui.label(
        RichText::new(format!("It is {name}."))
            .size(22.0)
            .color(verdict_colour(correct)),
    );
    if let Some(note) = &feedback.spelling_note {
        ui.label(note);
    }
    match &feedback.named {
        Some(other) if *other != feedback.city => {
            ui.label(
                RichText::new(format!(
                    "✖  You named {}: the cross on the map.",
                    city_name(dataset, other)
                ))
                .color(WRONG),
            );
        }
        None if !correct => {
            ui.label("Your answer named no city in the dataset.");
        }
        _ => {}
    }
}

pub fn feedback_overlay(frame: &MapFrame, feedback: &NameFeedback, dataset: &Dataset) {
    if let Some(other) = feedback.named.as_ref().filter(|n| **n != feedback.city)
        && let Some(city) = dataset.city_by_key(other)
    {
        let at = frame.at(city.location);
        frame.cross(at, WRONG);
        frame.label_above(at, &format!("✖ {}", city.name), None);
    }
    if let Some(city) = dataset.city_by_key(&feedback.city) {
        let at = frame.at(city.location);
        frame.ring(at, 12.0, RIGHT);
        frame.label_above(at, &format!("✔ {}", city.name), None);
    }
}

/// The markers a name-the-marked-city question shows: the cities of its difficulty, with the
/// marked one among them and standing out.
pub fn map_markers(question: &NameQuestion, quiz: &ActiveQuiz) -> (Vec<CityId>, Vec<CityId>) {
    let mut shown = city_pool(&quiz.dataset, quiz.choices.difficulty);
    let marked = quiz.cities.city_ids(std::slice::from_ref(&question.city));
    for id in &marked {
        if !shown.contains(id) {
            shown.push(*id);
        }
    }
    (shown, marked)
}
