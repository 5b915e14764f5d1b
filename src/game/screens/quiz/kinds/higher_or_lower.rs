//! Higher or lower: two big buttons (← and →), and both cities' cited figures as bars.

use bevy::prelude::*;
use bevy_egui::egui::{self, RichText, Sense};

use super::widgets::{city_line, figure_bar, shared_citation};
use crate::dataset::{CityKey, Dataset};
use crate::game::screens::quiz::active::QuizAction;
use crate::game::ui::theme::Palette;
use crate::quiz::higher_or_lower::{ComparisonFeedback, HigherOrLowerQuestion, PickEdit};
use crate::quiz::{Edit, city_name};

pub const HINTS: &str = "Left  the left city      Right  the right city      Esc  pause";

/// Choosing a city is the answer: the edit and the check at once.
fn choose(city: &CityKey) -> [QuizAction; 2] {
    [
        QuizAction::Edit(Edit::HigherOrLower(PickEdit::Choose(city.clone()))),
        QuizAction::Submit,
    ]
}

pub fn keys(keys: &ButtonInput<KeyCode>, question: &HigherOrLowerQuestion) -> Vec<QuizAction> {
    if keys.just_pressed(KeyCode::ArrowLeft) {
        choose(&question.left).into()
    } else if keys.just_pressed(KeyCode::ArrowRight) {
        choose(&question.right).into()
    } else {
        Vec::new()
    }
}

pub fn asking(
    ui: &mut egui::Ui,
    question: &HigherOrLowerQuestion,
    dataset: &Dataset,
) -> Vec<QuizAction> {
    let mut out = Vec::new();
    ui.columns(2, |columns| {
        let sides = [
            (
                &question.left,
                format!("◀  {}", city_line(dataset, &question.left)),
            ),
            (
                &question.right,
                format!("{}  ▶", city_line(dataset, &question.right)),
            ),
        ];
        for (column, (city, label)) in columns.iter_mut().zip(sides) {
            let button = egui::Button::new(RichText::new(label).size(24.0))
                .min_size(egui::vec2(column.available_width(), 96.0))
                .sense(Sense::CLICK);
            if column.add(button).clicked_by(egui::PointerButton::Primary) {
                out.extend(choose(city));
            }
        }
    });
    out
}

pub fn feedback(
    ui: &mut egui::Ui,
    feedback: &ComparisonFeedback,
    dataset: &Dataset,
    colours: &Palette,
) {
    ui.label(format!(
        "{} has more people than {}.",
        city_name(dataset, &feedback.larger.city),
        city_name(dataset, &feedback.smaller.city)
    ));
    let cited_above = shared_citation(ui, [&feedback.larger, &feedback.smaller], colours);
    let largest = feedback.larger.count.max(1);
    for figure in [&feedback.larger, &feedback.smaller] {
        ui.label(city_line(dataset, &figure.city));
        figure_bar(ui, figure, largest, cited_above, colours);
    }
}
