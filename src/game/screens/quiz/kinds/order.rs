//! Order by population: a list to drag into order (or ▲▼, or the keys), and the true order with
//! a bar and a cited figure per city.

use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};

use super::widgets::{big_button, city_line, digit_pressed, figure_bar, shared_citation};
use crate::dataset::Dataset;
use crate::game::map::overlay::{RIGHT, WRONG};
use crate::game::screens::quiz::active::QuizAction;
use crate::game::ui::theme::Palette;
use crate::quiz::Edit;
use crate::quiz::order_by_population::{OrderAnswer, OrderDraft, OrderEdit, OrderFeedback};

pub const HINTS: &str = "Up/Down  move      Space  pick up / put down      1-8  move to place      Enter  check      Esc  pause";

fn edit(edit: OrderEdit) -> QuizAction {
    QuizAction::Edit(Edit::OrderByPopulation(edit))
}

/// Up/Down move the cursor (carrying a picked-up line), Space picks up or puts down, a number
/// moves the line under the cursor to that place.
pub fn keys(keys: &ButtonInput<KeyCode>, draft: &OrderDraft) -> Vec<QuizAction> {
    let mut out = Vec::new();
    if keys.just_pressed(KeyCode::ArrowUp) {
        out.push(edit(OrderEdit::MoveCursor(-1)));
    }
    if keys.just_pressed(KeyCode::ArrowDown) {
        out.push(edit(OrderEdit::MoveCursor(1)));
    }
    if keys.just_pressed(KeyCode::Space) {
        out.push(edit(OrderEdit::ToggleCarry));
    }
    if let Some(place) = digit_pressed(keys).filter(|&d| d >= 1) {
        out.push(edit(OrderEdit::MoveLine {
            from: draft.cursor,
            to: usize::from(place - 1),
        }));
    }
    out
}

pub fn asking(
    ui: &mut egui::Ui,
    draft: &OrderDraft,
    dataset: &Dataset,
    colours: &Palette,
) -> Vec<QuizAction> {
    let mut out = Vec::new();
    ui.label(RichText::new("Largest").color(colours.weak_text));
    let mut dropped: Option<(usize, usize)> = None;
    for (place, city) in draft.lines.iter().enumerate() {
        let focused = place == draft.cursor;
        let carried = focused && draft.carrying;
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
                            RichText::new(city_line(dataset, city))
                                .size(22.0)
                                .color(text_colour),
                        );
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            if ui.small_button("▼").clicked() && place + 1 < draft.lines.len() {
                                out.push(edit(OrderEdit::MoveLine {
                                    from: place,
                                    to: place + 1,
                                }));
                            }
                            if ui.small_button("▲").clicked() && place > 0 {
                                out.push(edit(OrderEdit::MoveLine {
                                    from: place,
                                    to: place - 1,
                                }));
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
        out.push(edit(OrderEdit::MoveLine { from, to }));
    }
    ui.add_space(12.0);
    if big_button(ui, "Check the order (Enter)") {
        out.push(QuizAction::Submit);
    }
    out
}

pub fn feedback(
    ui: &mut egui::Ui,
    feedback: &OrderFeedback,
    answer: Option<&OrderAnswer>,
    dataset: &Dataset,
    colours: &Palette,
) {
    ui.label(format!(
        "The true order ({} of {} in the right place):",
        feedback.in_place,
        feedback.truth.len()
    ));
    let cited_above = shared_citation(ui, &feedback.truth, colours);
    let largest = feedback.truth.first().map_or(1, |f| f.count.max(1));
    for (place, figure) in feedback.truth.iter().enumerate() {
        let ok = answer.and_then(|a| a.order.get(place)) == Some(&figure.city);
        ui.horizontal(|ui| {
            let (mark, colour) = if ok { ("✔", RIGHT) } else { ("✖", WRONG) };
            ui.label(RichText::new(mark).color(colour).strong());
            ui.label(format!(
                "{}. {}",
                place + 1,
                city_line(dataset, &figure.city)
            ));
        });
        figure_bar(ui, figure, largest, cited_above, colours);
    }
}
