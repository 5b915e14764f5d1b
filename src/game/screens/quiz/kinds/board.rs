//! The match board: facts on the left (A, B, …), cities on the right (1, 2, …). Click or press
//! a fact's letter, then a city's number; a right pair locks with ✔ and moves to the list below,
//! a wrong pair is marked ✖ on both sides and counts a miss. The feedback lists every pair with
//! its source, the misses and the time.

use bevy::prelude::*;
use bevy_egui::egui::{self, RichText, Sense};

use super::widgets::digit_pressed;
use super::widgets::{city_line, verdict_colour};
use crate::dataset::Dataset;
use crate::game::keys::LETTER_KEYS;
use crate::game::map::overlay::{RIGHT, WRONG};
use crate::game::screens::quiz::active::QuizAction;
use crate::game::ui::theme::Palette;
use crate::quiz::facts::resolve_fact;
use crate::quiz::match_board::{BoardDraft, BoardEdit, BoardFeedback, MatchBoardQuestion};
use crate::quiz::{Edit, city_name};

pub const HINTS: &str = "A–H  pick a fact      1–8  its city      Esc  pause";

fn edit(edit: BoardEdit) -> QuizAction {
    QuizAction::Edit(Edit::MatchBoard(edit))
}

/// Picking a city: the quiz screen stamps the time on the board's clock.
fn pick_city(index: usize) -> QuizAction {
    edit(BoardEdit::PickCity {
        index,
        at_seconds: 0.0,
    })
}

fn letter(index: usize) -> char {
    char::from(b'A' + index as u8)
}

pub fn keys(keys: &ButtonInput<KeyCode>, question: &MatchBoardQuestion) -> Vec<QuizAction> {
    let mut out = Vec::new();
    for (index, key) in LETTER_KEYS.iter().enumerate().take(question.facts.len()) {
        if keys.just_pressed(*key) {
            out.push(edit(BoardEdit::SelectFact(index)));
        }
    }
    if let Some(digit @ 1..) = digit_pressed(keys)
        && usize::from(digit) <= question.cities.len()
    {
        out.push(pick_city(usize::from(digit) - 1));
    }
    out
}

pub fn asking(
    ui: &mut egui::Ui,
    question: &MatchBoardQuestion,
    draft: &BoardDraft,
    dataset: &Dataset,
    colours: &Palette,
) -> Vec<QuizAction> {
    let mut out = Vec::new();
    ui.label(
        RichText::new(format!(
            "Misses: {}   ·   the clock stops at the last pair",
            draft.misses
        ))
        .color(colours.weak_text),
    );
    ui.add_space(8.0);
    let wrong = draft.last_wrong.as_ref();
    ui.columns(2, |columns| {
        for (index, id) in question.facts.iter().enumerate() {
            if draft.matched[index] {
                continue;
            }
            let text =
                resolve_fact(dataset, id).map_or_else(|_| id.0.clone(), |p| p.fact.text.clone());
            let missed = wrong.is_some_and(|w| w.fact == index);
            let mark = if missed { "✖ " } else { "" };
            let label = RichText::new(format!("{mark}{}   {text}", letter(index))).size(16.0);
            let selected = draft.selected == Some(index);
            // Picked up: light text on the accent, so it reads in both themes.
            let label = match (missed, selected) {
                (true, _) => label.color(WRONG),
                (false, true) => label.color(egui::Color32::WHITE),
                (false, false) => label,
            };
            let button = egui::Button::new(label)
                .wrap()
                .selected(selected)
                .min_size(egui::vec2(columns[0].available_width(), 40.0))
                .sense(Sense::CLICK);
            if columns[0]
                .add(button)
                .clicked_by(egui::PointerButton::Primary)
            {
                out.push(edit(BoardEdit::SelectFact(index)));
            }
            columns[0].add_space(4.0);
        }
        for (index, city) in question.cities.iter().enumerate() {
            if draft.city_taken(index) {
                continue;
            }
            let missed = wrong.is_some_and(|w| w.city == index);
            let mark = if missed { "✖ " } else { "" };
            let label = RichText::new(format!(
                "{mark}{}   {}",
                index + 1,
                city_line(dataset, city)
            ))
            .size(18.0);
            let button = egui::Button::new(if missed { label.color(WRONG) } else { label })
                .min_size(egui::vec2(columns[1].available_width(), 40.0))
                .sense(Sense::CLICK);
            if columns[1]
                .add(button)
                .clicked_by(egui::PointerButton::Primary)
            {
                out.push(pick_city(index));
            }
            columns[1].add_space(4.0);
        }
    });
    let done: Vec<usize> = (0..question.facts.len())
        .filter(|&i| draft.matched[i])
        .collect();
    if !done.is_empty() {
        ui.add_space(12.0);
        ui.label(RichText::new("Matched").strong());
        for index in done {
            let fact = &question.facts[index];
            let text = resolve_fact(dataset, fact).map_or_else(
                |_| fact.0.clone(),
                |p| format!("✔  {} — {}", p.city.name, p.fact.text),
            );
            ui.label(RichText::new(text).color(RIGHT));
        }
    }
    out
}

pub fn feedback(
    ui: &mut egui::Ui,
    feedback: &BoardFeedback,
    dataset: &Dataset,
    correct: bool,
    colours: &Palette,
) {
    let time = feedback
        .seconds
        .map_or_else(String::new, |s| format!(" in {s:.1} s"));
    ui.label(
        RichText::new(format!(
            "{} pairs{time}, {} {}",
            feedback.pairs.len(),
            feedback.misses,
            if feedback.misses == 1 {
                "miss"
            } else {
                "misses"
            }
        ))
        .size(22.0)
        .color(verdict_colour(correct)),
    );
    for (fact, city) in &feedback.pairs {
        ui.add_space(6.0);
        ui.label(RichText::new(format!(
            "{}: “{}”",
            city_name(dataset, city),
            fact.text
        )));
        ui.label(
            RichText::new(format!("Source: {}", fact.source))
                .small()
                .color(colours.weak_text),
        );
    }
}
