//! City labels over the shared map, for any screen that shows it: English (and Hangul) names
//! beside the markers, decluttered so that none covers a marker or another label.

use bevy::color::ColorToPacked;
use bevy_egui::egui::{self, Color32, FontId};

use super::cities::{MapCities, marker_population};
use super::colours::colours_for;
use crate::dataset::{City, CityId};
use crate::game::preferences::Preferences;
use crate::map_view::{LabelBox, MapView, declutter};

/// Which cities get a label, and how.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapLabels {
    pub cities: Vec<CityId>,
    /// Labelled first and a little larger.
    pub emphasis: Vec<CityId>,
    pub hangul: bool,
}

/// Logical pixels (the map's units on screen) to egui points, which the interface size zooms.
pub fn to_points(ctx: &egui::Context, [x, y]: [f64; 2]) -> egui::Pos2 {
    let zoom = ctx.zoom_factor();
    egui::pos2(x as f32 / zoom, y as f32 / zoom)
}

fn city_label(city: &City, hangul: bool) -> String {
    if hangul {
        format!("{} {}", city.name, city.hangul)
    } else {
        city.name.clone()
    }
}

/// Draws the labels of `labels.cities` over the map in `map_rect` (egui points), as `view`
/// places them: larger cities and emphasised ones first, none covering a marker or another.
pub fn draw_city_labels(
    ctx: &egui::Context,
    map_rect: egui::Rect,
    view: &MapView,
    labels: &MapLabels,
    cities: &MapCities,
    preferences: &Preferences,
) {
    let painter = ctx
        .layer_painter(egui::LayerId::new(
            egui::Order::Background,
            "map_labels".into(),
        ))
        .with_clip_rect(map_rect);
    let text_colour = if preferences.theme() == crate::settings::Theme::Dark {
        Color32::from_rgb(0xF2, 0xF2, 0xF2)
    } else {
        Color32::from_rgb(0x1C, 0x22, 0x2B)
    };
    let halo = {
        let [r, g, b, _] = colours_for(preferences).country.to_srgba().to_u8_array();
        Color32::from_rgba_unmultiplied(r, g, b, 210)
    };
    let mut galleys = Vec::new();
    let mut boxes = Vec::new();
    let mut obstacles = Vec::new();
    for &id in &labels.cities {
        let city = cities.dataset.city(id);
        let anchor = to_points(ctx, view.map_to_screen(cities.position(id)));
        if !map_rect.expand(40.0).contains(anchor) {
            continue;
        }
        let radius_px = cities.marker_radius(id);
        let radius = radius_px / ctx.zoom_factor();
        obstacles.push(to_screen_rect(egui::Rect::from_center_size(
            anchor,
            egui::Vec2::splat(radius * 2.0),
        )));
        let emphasised = labels.emphasis.contains(&id);
        let size = if radius_px > 8.0 || emphasised {
            17.0
        } else {
            15.0
        };
        let galley = painter.layout_no_wrap(
            city_label(city, labels.hangul),
            FontId::proportional(size),
            text_colour,
        );
        let label = galley.size() + egui::vec2(4.0, 4.0);
        let gap = radius + 3.0;
        // Right of the marker, then left, above and below.
        let places = [
            anchor + egui::vec2(gap, -label.y / 2.0),
            anchor + egui::vec2(-gap - label.x, -label.y / 2.0),
            anchor + egui::vec2(-label.x / 2.0, -gap - label.y),
            anchor + egui::vec2(-label.x / 2.0, gap),
        ]
        .map(|min| to_screen_rect(egui::Rect::from_min_size(min, label)));
        let population = u64::from(marker_population(city));
        let priority = population + if emphasised { u64::from(u32::MAX) } else { 0 };
        boxes.push(LabelBox {
            places: places.to_vec(),
            priority,
        });
        galleys.push(galley);
    }
    for (index, [x, y, right, bottom]) in declutter(&boxes, &obstacles) {
        let rect = egui::Rect::from_min_max(
            egui::pos2(x as f32, y as f32),
            egui::pos2(right as f32, bottom as f32),
        );
        painter.rect_filled(rect, 4.0, halo);
        painter.galley(
            rect.min + egui::vec2(2.0, 2.0),
            galleys[index].clone(),
            text_colour,
        );
    }
}

fn to_screen_rect(rect: egui::Rect) -> [f64; 4] {
    [rect.min.x, rect.min.y, rect.max.x, rect.max.y].map(f64::from)
}
