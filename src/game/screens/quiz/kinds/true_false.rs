//! True or false: T or 1 says true, F or 2 says false. The feedback shows the fact with its
//! source and, for a false statement, the city it is really about.

use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};

use super::choices::{fact_card, numbered_choices};
use super::widgets::{digit_pressed, verdict_colour};
use crate::dataset::Dataset;
use crate::game::screens::quiz::active::QuizAction;
use crate::game::ui::theme::Palette;
use crate::quiz::true_false::{TrueFalseEdit, TrueFalseFeedback};
use crate::quiz::{Edit, city_name};

pub const HINTS: &str = "T or 1  true      F or 2  false      Esc  pause";

fn say(says_true: bool) -> Vec<QuizAction> {
    vec![
        QuizAction::Edit(Edit::TrueFalse(TrueFalseEdit::Say(says_true))),
        QuizAction::Submit,
    ]
}

pub fn keys(keys: &ButtonInput<KeyCode>) -> Vec<QuizAction> {
    if keys.just_pressed(KeyCode::KeyT) || digit_pressed(keys) == Some(1) {
        say(true)
    } else if keys.just_pressed(KeyCode::KeyF) || digit_pressed(keys) == Some(2) {
        say(false)
    } else {
        Vec::new()
    }
}

pub fn asking(ui: &mut egui::Ui) -> Vec<QuizAction> {
    let labels = ["✔  True".to_string(), "✖  False".to_string()];
    match numbered_choices(ui, &labels) {
        Some(0) => say(true),
        Some(_) => say(false),
        None => Vec::new(),
    }
}

pub fn feedback(
    ui: &mut egui::Ui,
    feedback: &TrueFalseFeedback,
    dataset: &Dataset,
    correct: bool,
    colours: &Palette,
) {
    let city = city_name(dataset, &feedback.city);
    let verdict = if feedback.truth {
        format!("True: this is said of {city}.")
    } else {
        format!(
            "False: this is said of {}, not {city}.",
            city_name(dataset, &feedback.fact_city)
        )
    };
    ui.label(
        RichText::new(verdict)
            .size(22.0)
            .color(verdict_colour(correct)),
    );
    fact_card(ui, &feedback.fact, colours);
}
