//! Find it among the markers: unlabelled markers, three tries. Each miss puts a cross and the
//! clicked city's name on its marker, so the player learns what it was. Keyboard: the crosshair
//! and Enter click the marker nearest to it.

use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};

use super::widgets::crosshair_keys;
use crate::dataset::{CityKey, Dataset};
use crate::game::map::overlay::{MapFrame, RIGHT, WRONG};
use crate::game::map::{MapCities, MapScene};
use crate::game::screens::quiz::active::QuizAction;
use crate::game::ui::theme::Palette;
use crate::geography::distance_km;
use crate::map_view::{ScreenPoint, nearest_within};
use crate::quiz::find_on_map::{FindDraft, FindEdit, FindFeedback, TRIES};
use crate::quiz::{Edit, city_name};

pub const HINTS: &str = "Click a marker, or arrows move the crosshair (Shift: finer) and Enter clicks the nearest      Wheel/drag  zoom and pan      Esc  pause";

/// However small a marker, a click this close (logical pixels) to its centre hits it.
pub const MIN_CLICK_RADIUS_PX: f64 = 14.0;
/// Enter on the crosshair clicks a marker within this many km of it.
const CROSSHAIR_REACH_KM: f64 = 15.0;

fn edit(edit: FindEdit) -> QuizAction {
    QuizAction::Edit(Edit::FindOnMap(edit))
}

pub fn keys(keys: &ButtonInput<KeyCode>, draft: &FindDraft, cities: &MapCities) -> Vec<QuizAction> {
    let mut out = Vec::new();
    if let Some(by) = crosshair_keys(keys) {
        out.push(edit(FindEdit::Nudge(by)));
    }
    if keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter])
        && let Some(at) = draft.crosshair.at
    {
        let nearest = cities
            .dataset
            .cities
            .iter()
            .filter(|city| draft.markers.contains(&cities.dataset.key(city.id)))
            .map(|city| (distance_km(at, city.location), city))
            .filter(|(km, _)| *km <= CROSSHAIR_REACH_KM)
            .min_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((_, city)) = nearest {
            out.push(edit(FindEdit::Click(cities.dataset.key(city.id))));
        }
    }
    out
}

/// A click on (or near) a shown marker tries it; a click between markers does nothing.
pub fn click(at: ScreenPoint, scene: &MapScene) -> Vec<QuizAction> {
    let cities = &scene.cities;
    let shown: Vec<_> = cities
        .dataset
        .cities
        .iter()
        .filter(|city| scene.shows(city.id))
        .collect();
    let points: Vec<(ScreenPoint, f64)> = shown
        .iter()
        .map(|city| {
            let on_screen = scene.view.map_to_screen(cities.position(city.id));
            let reach = (f64::from(cities.marker_radius(city.id)) + 6.0).max(MIN_CLICK_RADIUS_PX);
            (on_screen, reach)
        })
        .collect();
    match nearest_within(&points, at) {
        Some(index) => vec![edit(FindEdit::Click(cities.dataset.key(shown[index].id)))],
        None => Vec::new(),
    }
}

pub fn asking(ui: &mut egui::Ui, draft: &FindDraft, dataset: &Dataset, colours: &Palette) {
    let misses = draft.misses();
    let left = TRIES - misses.len();
    ui.label(format!(
        "{left} {} left.",
        if left == 1 { "try" } else { "tries" }
    ));
    for miss in misses {
        ui.label(RichText::new(format!("✖  That was {}.", city_name(dataset, miss))).color(WRONG));
    }
    ui.label(
        RichText::new("The markers have no names: the ones you miss get theirs.")
            .color(colours.weak_text),
    );
}

pub fn asking_overlay(frame: &MapFrame, draft: &FindDraft, dataset: &Dataset) {
    for miss in draft.misses() {
        label_miss(frame, miss, dataset);
    }
    if let Some(at) = draft.crosshair.at {
        frame.crosshair(at);
    }
}

fn label_miss(frame: &MapFrame, miss: &CityKey, dataset: &Dataset) {
    if let Some(city) = dataset.city_by_key(miss) {
        let at = frame.at(city.location);
        frame.cross(at, WRONG);
        frame.label_above(at, &format!("✖ {}", city.name), None);
    }
}

pub fn feedback(ui: &mut egui::Ui, feedback: &FindFeedback, dataset: &Dataset) {
    let name = city_name(dataset, &feedback.city);
    match feedback.found_on_try {
        Some(1) => ui.label(format!("You found {name} on the first try.")),
        Some(n) => ui.label(format!("You found {name} on try {n} of {TRIES}.")),
        None => ui.label(format!(
            "Not found in {TRIES} tries: {name} is the marker with the green ring."
        )),
    };
    for miss in &feedback.misses {
        ui.label(
            RichText::new(format!("✖  You clicked {}.", city_name(dataset, miss))).color(WRONG),
        );
    }
}

pub fn feedback_overlay(frame: &MapFrame, feedback: &FindFeedback, dataset: &Dataset) {
    for miss in &feedback.misses {
        label_miss(frame, miss, dataset);
    }
    if let Some(city) = dataset.city_by_key(&feedback.city) {
        let at = frame.at(city.location);
        frame.ring(at, 11.0, RIGHT);
        frame.label_above(at, &format!("✔ {}", city.name), None);
    }
}
