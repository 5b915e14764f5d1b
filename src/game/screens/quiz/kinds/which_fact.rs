//! Which fact fits X? Four facts (1–4), one true of the city. The feedback shows the right fact
//! with its source and, for a wrong choice, the city that fact is about.

use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};

use super::choices::{choice_buttons, choice_keys, fact_card};
use super::widgets::verdict_colour;
use crate::dataset::{Dataset, FactId};
use crate::game::map::overlay::WRONG;
use crate::game::screens::quiz::active::QuizAction;
use crate::game::ui::theme::Palette;
use crate::quiz::facts::resolve_fact;
use crate::quiz::which_fact::{FactChoiceEdit, WhichFactFeedback, WhichFactQuestion};
use crate::quiz::{Edit, city_name};

pub const HINTS: &str = "1–4  choose a fact      Esc  pause";

fn edit(fact: &FactId) -> Edit {
    Edit::WhichFact(FactChoiceEdit::Choose(fact.clone()))
}

pub fn keys(keys: &ButtonInput<KeyCode>, question: &WhichFactQuestion) -> Vec<QuizAction> {
    choice_keys(keys, &question.choices, edit)
}

pub fn asking(
    ui: &mut egui::Ui,
    question: &WhichFactQuestion,
    dataset: &Dataset,
) -> Vec<QuizAction> {
    let text = |id: &FactId| {
        resolve_fact(dataset, id).map_or_else(|_| id.0.clone(), |pair| pair.fact.text.clone())
    };
    choice_buttons(ui, &question.choices, text, edit)
}

pub fn feedback(
    ui: &mut egui::Ui,
    feedback: &WhichFactFeedback,
    dataset: &Dataset,
    correct: bool,
    colours: &Palette,
) {
    let city = city_name(dataset, &feedback.city);
    ui.label(
        RichText::new(format!("True of {city}:"))
            .size(22.0)
            .color(verdict_colour(correct)),
    );
    fact_card(ui, &feedback.right, colours);
    if let Some((chosen, about)) = feedback.chosen.as_ref().filter(|_| !correct) {
        ui.add_space(8.0);
        ui.label(
            RichText::new(format!(
                "✖  Your choice is said of {}, not {city}:",
                city_name(dataset, about)
            ))
            .color(WRONG),
        );
        fact_card(ui, chosen, colours);
    }
}
