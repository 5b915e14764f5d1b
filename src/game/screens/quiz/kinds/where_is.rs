//! Where is X? The side panel names the city; the player clicks the map or steers the crosshair
//! with the arrow keys and presses Enter. The feedback draws the click, a line to the city and
//! the distance and direction in words.

use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};

use super::widgets::{crosshair_keys, verdict_colour};
use crate::dataset::Dataset;
use crate::game::map::overlay::{MapFrame, PLAYER, RIGHT, WRONG};
use crate::game::screens::quiz::active::QuizAction;
use crate::game::ui::theme::Palette;
use crate::geography::Projection;
use crate::map_view::{MapView, ScreenPoint};
use crate::quiz::placement::RIGHT_WITHIN_KM;
use crate::quiz::where_is::{PlaceDraft, PlaceEdit, PlaceFeedback};
use crate::quiz::{Edit, city_name};

pub const HINTS: &str = "Click the map, or arrows move the crosshair (Shift: finer) and Enter places it      Wheel/drag  zoom and pan      Esc  pause";

fn edit(edit: PlaceEdit) -> QuizAction {
    QuizAction::Edit(Edit::WhereIs(edit))
}

pub fn keys(keys: &ButtonInput<KeyCode>) -> Vec<QuizAction> {
    crosshair_keys(keys)
        .map(|by| vec![edit(PlaceEdit::Nudge(by))])
        .unwrap_or_default()
}

/// A click anywhere on the map (land or sea) is the answer.
pub fn click(at: ScreenPoint, view: &MapView) -> Vec<QuizAction> {
    let place = Projection::NORTH_KOREA.unproject(view.screen_to_map(at));
    vec![edit(PlaceEdit::Click(place))]
}

pub fn asking(ui: &mut egui::Ui, draft: &PlaceDraft, incomplete: bool, colours: &Palette) {
    ui.label("Click where it is on the map.");
    ui.label(
        RichText::new("Or move the crosshair with the arrow keys and press Enter.")
            .color(colours.weak_text),
    );
    if incomplete && draft.crosshair.at.is_none() {
        ui.add_space(8.0);
        ui.label(
            RichText::new("Click the map first, or move the crosshair with the arrow keys.")
                .color(colours.warning)
                .strong(),
        );
    }
}

pub fn asking_overlay(frame: &MapFrame, draft: &PlaceDraft) {
    if let Some(at) = draft.crosshair.at {
        frame.crosshair(at);
    }
}

pub fn feedback(ui: &mut egui::Ui, feedback: &PlaceFeedback, dataset: &Dataset, correct: bool) {
    let name = city_name(dataset, &feedback.city);
    match &feedback.guess {
        Some(placed) => {
            ui.label(
                RichText::new(format!("Your click: {}", placed.in_words()))
                    .size(22.0)
                    .color(verdict_colour(correct)),
            );
            ui.label(format!("{name} is where the green ring is on the map."));
            if let Some(other) = &placed.hit_instead {
                ui.label(format!(
                    "You put {name} where {} is.",
                    city_name(dataset, other)
                ));
            }
        }
        None => {
            ui.label(format!("No answer: {name} is where the green ring is."));
        }
    }
    if let Some(place) = dataset
        .city_by_key(&feedback.city)
        .and_then(|city| city.place.as_ref())
    {
        ui.label(format!("The ring marks {place}."));
    }
}

pub fn feedback_overlay(frame: &MapFrame, feedback: &PlaceFeedback, dataset: &Dataset) {
    let truth = frame.at(feedback.truth);
    if let Some(placed) = &feedback.guess {
        let click = frame.at(placed.at);
        let right = placed.km <= crate::quiz::placement::RIGHT_WITHIN_KM;
        frame.line(click, truth, if right { RIGHT } else { WRONG }, !right);
        frame.cross(click, PLAYER);
        let middle = click + (truth - click) / 2.0;
        frame.label(
            // Below the line: the city's name sits above its ring.
            middle + egui::vec2(-18.0, 10.0),
            &format!("{:.0} km", placed.km),
            None,
            16.0,
        );
    }
    frame.ring(truth, 11.0, RIGHT);
    frame.label_above(
        truth,
        &format!("✔ {}", city_name(dataset, &feedback.city)),
        None,
    );
}

/// On the results map: the click, crossed, and its line to the city (solid when right).
pub fn results_overlay(frame: &MapFrame, feedback: &PlaceFeedback) {
    if let Some(placed) = &feedback.guess {
        let (click, truth) = (frame.at(placed.at), frame.at(feedback.truth));
        let right = placed.km <= RIGHT_WITHIN_KM;
        frame.line(click, truth, if right { RIGHT } else { WRONG }, !right);
        frame.cross(click, PLAYER);
    }
}
