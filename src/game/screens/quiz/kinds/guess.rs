//! Guess the population: a log slider, typed digits or Up/Down; the draft starts with no
//! number, so checking first asks for one. The feedback gives the cited figure and the range of
//! figures the sources give.

use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};

use super::widgets::{COLUMN_WIDTH, big_button, digit_pressed};
use crate::format::thousands;
use crate::game::screens::quiz::active::QuizAction;
use crate::game::ui::theme::Palette;
use crate::quiz::Edit;
use crate::quiz::guess_population::{GuessAnswer, GuessDraft, GuessEdit, GuessFeedback};

pub const HINTS: &str = "Type the number, or Up/Down to step it      Backspace  delete      Enter  check      Esc  pause";

fn edit(edit: GuessEdit) -> QuizAction {
    QuizAction::Edit(Edit::GuessPopulation(edit))
}

pub fn keys(keys: &ButtonInput<KeyCode>) -> Vec<QuizAction> {
    let mut out = Vec::new();
    if let Some(digit) = digit_pressed(keys) {
        out.push(edit(GuessEdit::TypeDigit(digit)));
    }
    if keys.just_pressed(KeyCode::Backspace) {
        out.push(edit(GuessEdit::DeleteDigit));
    }
    if keys.just_pressed(KeyCode::ArrowUp) {
        out.push(edit(GuessEdit::Step(1)));
    }
    if keys.just_pressed(KeyCode::ArrowDown) {
        out.push(edit(GuessEdit::Step(-1)));
    }
    out
}

pub fn asking(
    ui: &mut egui::Ui,
    draft: &GuessDraft,
    incomplete: bool,
    colours: &Palette,
) -> Vec<QuizAction> {
    let mut out = Vec::new();
    let (low, high) = draft.range;
    let mut value = draft.slider_position();
    let slider = egui::Slider::new(&mut value, low..=high)
        .logarithmic(true)
        .show_value(false);
    ui.spacing_mut().slider_width = COLUMN_WIDTH - 40.0;
    if ui.add(slider).changed() {
        out.push(edit(GuessEdit::Set(value)));
    }
    let shown = match draft.number() {
        Some(number) => format!("{} people", thousands(number)),
        None => "— people".into(),
    };
    ui.label(RichText::new(shown).size(30.0).strong());
    if incomplete {
        ui.label(
            RichText::new("Give a number first: type it, drag the slider or press Up/Down.")
                .color(colours.warning)
                .strong(),
        );
    } else if !draft.typed.is_empty() {
        ui.label(RichText::new("typed").color(colours.weak_text));
    }
    ui.add_space(12.0);
    if big_button(ui, "Check my guess (Enter)") {
        out.push(QuizAction::Submit);
    }
    out
}

pub fn feedback(
    ui: &mut egui::Ui,
    feedback: &GuessFeedback,
    answer: Option<&GuessAnswer>,
    colours: &Palette,
) {
    let truth = &feedback.truth;
    ui.label(RichText::new(format!("{} people", thousands(truth.count))).size(26.0));
    ui.label(RichText::new(truth.citation()).color(colours.weak_text));
    if let Some(answer) = answer {
        ui.label(format!("Your guess: {}", thousands(answer.number)));
    }
    if let Some((low, high)) = feedback.sources_range
        && low != high
    {
        ui.label(
            RichText::new(format!(
                "The sources give figures from {} to {} (census total and urban, estimates).",
                thousands(low),
                thousands(high)
            ))
            .color(colours.weak_text),
        );
    }
}
