//! What the kinds' panels share: the column width, the crosshair's keys, digits from the number
//! row and keypad, a city's line, figures as bars with their citation, a large button.

use bevy::prelude::*;
use bevy_egui::egui::{self, Color32, RichText, Sense};

use crate::dataset::{CityKey, Dataset};
use crate::format::thousands;
use crate::game::keys::DIGIT_KEYS;
use crate::game::map::overlay::{RIGHT, WRONG};
use crate::game::ui::theme::Palette;
use crate::quiz::population::CitedFigure;

pub const COLUMN_WIDTH: f32 = 760.0;
/// One arrow-key step of the crosshair in km, and with Shift held.
const CROSSHAIR_STEP_KM: f64 = 20.0;
const CROSSHAIR_FINE_STEP_KM: f64 = 4.0;

pub fn verdict_colour(correct: bool) -> Color32 {
    if correct { RIGHT } else { WRONG }
}

/// The arrow keys as a crosshair move in km east and north (Shift: finer).
pub fn crosshair_keys(keys: &ButtonInput<KeyCode>) -> Option<[f64; 2]> {
    let step = if keys.any_pressed([KeyCode::ShiftLeft, KeyCode::ShiftRight]) {
        CROSSHAIR_FINE_STEP_KM
    } else {
        CROSSHAIR_STEP_KM
    };
    let mut by = [0.0, 0.0];
    if keys.just_pressed(KeyCode::ArrowLeft) {
        by[0] -= step;
    }
    if keys.just_pressed(KeyCode::ArrowRight) {
        by[0] += step;
    }
    if keys.just_pressed(KeyCode::ArrowUp) {
        by[1] += step;
    }
    if keys.just_pressed(KeyCode::ArrowDown) {
        by[1] -= step;
    }
    (by != [0.0, 0.0]).then_some(by)
}

/// A city as lists show it: its English name and its Hangul.
pub fn city_line(dataset: &Dataset, key: &CityKey) -> String {
    match dataset.city_by_key(key) {
        Some(city) => format!("{}  {}", city.name, city.hangul),
        None => key.0.clone(),
    }
}

/// The digit whose key (number row or keypad) was just pressed.
pub fn digit_pressed(keys: &ButtonInput<KeyCode>) -> Option<u8> {
    (0..10u8).find(|&d| {
        keys.just_pressed(DIGIT_KEYS[usize::from(d)])
            || keys.just_pressed(KEYPAD_DIGITS[usize::from(d)])
    })
}

/// The keypad's digits, 0 to 9, read beside the number row's.
const KEYPAD_DIGITS: [KeyCode; 10] = [
    KeyCode::Numpad0,
    KeyCode::Numpad1,
    KeyCode::Numpad2,
    KeyCode::Numpad3,
    KeyCode::Numpad4,
    KeyCode::Numpad5,
    KeyCode::Numpad6,
    KeyCode::Numpad7,
    KeyCode::Numpad8,
    KeyCode::Numpad9,
];

/// A figure as a bar (its share of `largest`) and its number; its year, kind and source on a
/// small line below unless `cited_above` (every figure shares one citation, shown once).
pub fn figure_bar(
    ui: &mut egui::Ui,
    figure: &CitedFigure,
    largest: u32,
    cited_above: bool,
    colours: &Palette,
) {
    ui.horizontal(|ui| {
        let width = ui.available_width() * 0.55;
        let (rect, _) = ui.allocate_exact_size(egui::vec2(width, 16.0), Sense::hover());
        let share = (figure.count as f32 / largest.max(1) as f32).clamp(0.0, 1.0);
        let filled = egui::Rect::from_min_size(rect.min, egui::vec2(width * share, 16.0));
        ui.painter().rect_filled(filled, 3.0, colours.accent);
        ui.label(RichText::new(thousands(figure.count)).strong());
    });
    if !cited_above {
        ui.label(
            RichText::new(figure.citation())
                .small()
                .color(colours.weak_text),
        );
    }
}

/// "Figures: total, 2008 — DPRK 2008 Population Census" when every figure shares that
/// citation; then each figure's bar shows just its number.
pub fn shared_citation<'f>(
    ui: &mut egui::Ui,
    figures: impl IntoIterator<Item = &'f CitedFigure>,
    colours: &Palette,
) -> bool {
    let mut citations = figures.into_iter().map(CitedFigure::citation);
    let Some(first) = citations.next() else {
        return false;
    };
    let shared = citations.all(|other| other == first);
    if shared {
        ui.label(RichText::new(format!("Figures: {first}")).color(colours.weak_text));
    }
    shared
}

/// A large button that only the mouse clicks (Enter is the game's own key, read once).
pub fn big_button(ui: &mut egui::Ui, text: &str) -> bool {
    ui.add(egui::Button::new(RichText::new(text).size(20.0)).sense(Sense::CLICK))
        .clicked_by(egui::PointerButton::Primary)
}
