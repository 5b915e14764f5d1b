//! What the multiple-choice panels share (the fact kinds, naming a marked city): a fact as a
//! card with its source, and numbered choices read by click or by the keys 1–n, where choosing
//! is the answer.

use bevy::prelude::*;
use bevy_egui::egui::{self, RichText, Sense};

use super::widgets::digit_pressed;
use crate::game::screens::quiz::active::QuizAction;
use crate::game::ui::theme::Palette;
use crate::quiz::Edit;
use crate::quiz::facts::CitedFact;

/// The fact's sentence, large, and its source below it.
pub fn fact_card(ui: &mut egui::Ui, fact: &CitedFact, colours: &Palette) {
    ui.label(RichText::new(format!("“{}”", fact.text)).size(20.0));
    ui.label(
        RichText::new(format!("Source: {}", fact.source))
            .small()
            .color(colours.weak_text),
    );
}

/// Numbered buttons, one per label; the index of the one clicked.
pub fn numbered_choices(ui: &mut egui::Ui, labels: &[String]) -> Option<usize> {
    let mut clicked = None;
    for (index, label) in labels.iter().enumerate() {
        let text = RichText::new(format!("{}   {label}", index + 1)).size(19.0);
        let button = egui::Button::new(text)
            .wrap()
            .min_size(egui::vec2(ui.available_width(), 44.0))
            .sense(Sense::CLICK);
        if ui.add(button).clicked_by(egui::PointerButton::Primary) {
            clicked = Some(index);
        }
        ui.add_space(4.0);
    }
    clicked
}

/// The choice whose number key (1 to `count`) was just pressed.
pub fn choice_key(keys: &ButtonInput<KeyCode>, count: usize) -> Option<usize> {
    match digit_pressed(keys) {
        Some(digit @ 1..) if usize::from(digit) <= count => Some(usize::from(digit) - 1),
        _ => None,
    }
}

/// Choosing is the answer: the edit and the check at once.
pub fn choose(edit: Edit) -> Vec<QuizAction> {
    vec![QuizAction::Edit(edit), QuizAction::Submit]
}

/// The key of a numbered choice (1–n), as choosing it.
pub fn choice_keys<T>(
    keys: &ButtonInput<KeyCode>,
    choices: &[T],
    edit: impl Fn(&T) -> Edit,
) -> Vec<QuizAction> {
    choice_key(keys, choices.len())
        .map(|index| choose(edit(&choices[index])))
        .unwrap_or_default()
}

/// A numbered button per choice; a click chooses it.
pub fn choice_buttons<T>(
    ui: &mut egui::Ui,
    choices: &[T],
    label: impl Fn(&T) -> String,
    edit: impl Fn(&T) -> Edit,
) -> Vec<QuizAction> {
    let labels: Vec<String> = choices.iter().map(label).collect();
    numbered_choices(ui, &labels)
        .map(|index| choose(edit(&choices[index])))
        .unwrap_or_default()
}
