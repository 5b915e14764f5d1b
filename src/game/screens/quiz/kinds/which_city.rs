//! Which city is known for …? The fact in the prompt, four cities (1–4). The feedback shows the
//! fact with its source; the map beside it labels the fact's city and the one chosen.

use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};

use super::choices::{choice_buttons, choice_keys, fact_card};
use super::widgets::{city_line, verdict_colour};
use crate::dataset::{CityKey, Dataset};
use crate::game::map::overlay::WRONG;
use crate::game::screens::quiz::active::QuizAction;
use crate::game::ui::theme::Palette;
use crate::quiz::which_city::{CityChoiceEdit, FactCityFeedback, WhichCityQuestion};
use crate::quiz::{Edit, city_name};

pub const HINTS: &str = "1–4  choose a city      Esc  pause";

fn edit(city: &CityKey) -> Edit {
    Edit::WhichCity(CityChoiceEdit::Choose(city.clone()))
}

pub fn keys(keys: &ButtonInput<KeyCode>, question: &WhichCityQuestion) -> Vec<QuizAction> {
    choice_keys(keys, &question.choices, edit)
}

pub fn asking(
    ui: &mut egui::Ui,
    question: &WhichCityQuestion,
    dataset: &Dataset,
) -> Vec<QuizAction> {
    choice_buttons(ui, &question.choices, |city| city_line(dataset, city), edit)
}

pub fn feedback(
    ui: &mut egui::Ui,
    feedback: &FactCityFeedback,
    dataset: &Dataset,
    correct: bool,
    colours: &Palette,
) {
    ui.label(
        RichText::new(format!("It is {}.", city_name(dataset, &feedback.city)))
            .size(22.0)
            .color(verdict_colour(correct)),
    );
    fact_card(ui, &feedback.fact, colours);
    if let Some(chosen) = feedback.chosen.as_ref().filter(|_| !correct) {
        ui.label(
            RichText::new(format!(
                "✖  You chose {}: the fact is not about it.",
                city_name(dataset, chosen)
            ))
            .color(WRONG),
        );
    }
}
