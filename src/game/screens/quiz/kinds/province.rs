//! Which province? The player clicks a province on the map (or steers the crosshair there and
//! presses Enter). Province names show unless the difficulty is hard; the feedback outlines the
//! right province (solid) and the one clicked (dashed), both named.

use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};

use super::widgets::{crosshair_keys, verdict_colour};
use crate::dataset::Dataset;
use crate::game::map::overlay::{MapFrame, RIGHT, WRONG};
use crate::game::screens::quiz::active::QuizAction;
use crate::game::ui::theme::Palette;
use crate::geography::{Area, LatLon, MapShapes, Projection};
use crate::map_view::{MapView, ScreenPoint};
use crate::quiz::which_province::{
    ProvinceDraft, ProvinceEdit, ProvinceFeedback, province_by_iso, province_name,
};
use crate::quiz::{Edit, city_name};

pub const HINTS: &str = "Click a province, or arrows move the crosshair (Shift: finer) and Enter chooses      Wheel/drag  zoom and pan      Esc  pause";

fn edit(edit: ProvinceEdit) -> QuizAction {
    QuizAction::Edit(Edit::WhichProvince(edit))
}

/// The provinces as the map draws them (`shapes`) and as the quiz's dataset names them.
#[derive(Clone, Copy)]
pub struct Provinces<'a> {
    pub shapes: &'a MapShapes,
    pub dataset: &'a Dataset,
}

impl<'a> Provinces<'a> {
    /// The province (by slug) drawn at a place, if any: the sea and the neighbours have none.
    fn at(self, place: LatLon) -> Option<String> {
        let area = self.shapes.province_at(place)?;
        province_by_iso(self.dataset, &area.code).map(|p| p.slug.clone())
    }

    fn area_of(self, slug: &str) -> Option<&'a Area> {
        let province = self.dataset.provinces.iter().find(|p| p.slug == slug)?;
        self.shapes
            .provinces
            .iter()
            .find(|a| a.code == province.iso)
    }
}

pub fn keys(
    keys: &ButtonInput<KeyCode>,
    draft: &ProvinceDraft,
    provinces: Provinces<'_>,
) -> Vec<QuizAction> {
    let mut out = Vec::new();
    if let Some(by) = crosshair_keys(keys) {
        out.push(edit(ProvinceEdit::Nudge(by)));
    }
    if keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter])
        && let Some(slug) = draft.crosshair.at.and_then(|at| provinces.at(at))
    {
        out.push(edit(ProvinceEdit::Choose(slug)));
    }
    out
}

/// A click on a province chooses it; on the sea or a neighbour it does nothing.
pub fn click(at: ScreenPoint, view: &MapView, provinces: Provinces<'_>) -> Vec<QuizAction> {
    let place = Projection::NORTH_KOREA.unproject(view.screen_to_map(at));
    provinces
        .at(place)
        .map(|slug| vec![edit(ProvinceEdit::Choose(slug))])
        .unwrap_or_default()
}

pub fn asking(ui: &mut egui::Ui, names_shown: bool, colours: &Palette) {
    ui.label("Click the province on the map.");
    if !names_shown {
        ui.label(RichText::new("Hard: the provinces are not named.").color(colours.weak_text));
    }
    ui.label(
        RichText::new("Or move the crosshair with the arrow keys and press Enter.")
            .color(colours.weak_text),
    );
}

pub fn asking_overlay(
    frame: &MapFrame,
    draft: &ProvinceDraft,
    provinces: Provinces<'_>,
    names_shown: bool,
) {
    if names_shown {
        name_provinces(frame, provinces);
    }
    if let Some(at) = draft.crosshair.at {
        frame.crosshair(at);
    }
}

fn name_provinces(frame: &MapFrame, provinces: Provinces<'_>) {
    for area in &provinces.shapes.provinces {
        if let Some(province) = province_by_iso(provinces.dataset, &area.code) {
            frame.area_name(&area.shape, &province.name);
        }
    }
}

pub fn feedback(ui: &mut egui::Ui, feedback: &ProvinceFeedback, dataset: &Dataset, correct: bool) {
    let city = city_name(dataset, &feedback.city);
    let right = province_name(dataset, &feedback.right);
    ui.label(
        RichText::new(format!("{city} is in {right}: the solid outline."))
            .size(22.0)
            .color(verdict_colour(correct)),
    );
    match &feedback.chosen {
        Some(chosen) if *chosen != feedback.right => {
            ui.label(
                RichText::new(format!(
                    "✖  You clicked {}: the dashed outline.",
                    province_name(dataset, chosen)
                ))
                .color(WRONG),
            );
        }
        None => {
            ui.label("No province was chosen.");
        }
        _ => {}
    }
}

pub fn feedback_overlay(frame: &MapFrame, feedback: &ProvinceFeedback, provinces: Provinces<'_>) {
    let dataset = provinces.dataset;
    if let Some(chosen) = feedback.chosen.as_ref().filter(|c| **c != feedback.right)
        && let Some(area) = provinces.area_of(chosen)
    {
        frame.outline(&area.shape, WRONG, true);
        frame.area_name(
            &area.shape,
            &format!("✖ {}", province_name(dataset, chosen)),
        );
    }
    if let Some(area) = provinces.area_of(&feedback.right) {
        frame.outline(&area.shape, RIGHT, false);
        frame.area_name(
            &area.shape,
            &format!("✔ {}", province_name(dataset, &feedback.right)),
        );
    }
    if let Some(city) = dataset.city_by_key(&feedback.city) {
        let at = frame.at(city.location);
        frame.ring(at, 8.0, RIGHT);
        // Above the marker: the province's name sits inside the province, often beside it.
        frame.label_above(at, &city.name, None);
    }
}
