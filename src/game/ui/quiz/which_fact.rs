//! Which fact fits X? Four facts (1–4), one true of the city. The feedback shows the right fact
//! with its source and, for a wrong choice, the city that fact is about.

use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};

use super::fact_cards::{choice_key, fact_card, numbered_choices};
use super::map_overlay::WRONG;
use super::verdict_colour;
use crate::dataset::{Dataset, FactId};
use crate::game::screens::quiz::QuizAction;
use crate::game::ui::theme::Palette;
use crate::quiz::facts::resolve_fact;
use crate::quiz::which_fact::{FactChoiceEdit, WhichFactFeedback, WhichFactQuestion};
use crate::quiz::{Edit, city_name};

pub const HINTS: &str = "1–4  choose a fact      Esc  pause";

fn choose(fact: &FactId) -> Vec<QuizAction> {
    vec![
        QuizAction::Edit(Edit::WhichFact(FactChoiceEdit::Choose(fact.clone()))),
        QuizAction::Submit,
    ]
}

pub fn keys(keys: &ButtonInput<KeyCode>, question: &WhichFactQuestion) -> Vec<QuizAction> {
    choice_key(keys, question.choices.len())
        .map(|index| choose(&question.choices[index]))
        .unwrap_or_default()
}

pub fn asking(
    ui: &mut egui::Ui,
    question: &WhichFactQuestion,
    dataset: &Dataset,
) -> Vec<QuizAction> {
    let labels: Vec<String> = question
        .choices
        .iter()
        .map(|id| {
            resolve_fact(dataset, id).map_or_else(|_| id.0.clone(), |pair| pair.fact.text.clone())
        })
        .collect();
    numbered_choices(ui, &labels)
        .map(|index| choose(&question.choices[index]))
        .unwrap_or_default()
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
