//! The mastery map's panel and marks: on the map every city is drawn by how well the player
//! knows it, in colour *and* shape (known ●, learning ■, weak ▲, not asked yet ○), named beside
//! it; on the left a legend, the weakest cities and the pairs most often confused, each with a
//! button that starts a drill of exactly those cities.

use bevy::prelude::*;
use bevy_egui::egui::{self, Color32, Pos2, RichText, Stroke, pos2, vec2};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::data::ScoresData;
use super::mastery::{WEAKEST, weakest_cities};
use crate::dataset::CityKey;
use crate::game::data::GameData;
use crate::game::map::MapScene;
use crate::game::map::overlay::MapFrame;
use crate::game::map::view::fit_whole_country;
use crate::game::menu::{MenuAction, Page};
use crate::game::messages::DrillRequest;
use crate::game::preferences::Preferences;
use crate::game::screen::Screen;
use crate::game::ui::theme::{colours_dark, palette};
use crate::game::ui::window::window_ui;
use crate::progress::Mastery;

const PANEL_WIDTH: f32 = 400.0;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw_mastery.run_if(in_state(Screen::Mastery).and_then(resource_exists::<MapScene>)),
    );
}

/// Each level's colour (Okabe–Ito); `mark` gives each its shape.
fn level_colour(level: Mastery) -> Color32 {
    match level {
        Mastery::Known => Color32::from_rgb(0x00, 0x9E, 0x73),
        Mastery::Learning => Color32::from_rgb(0xF0, 0xE4, 0x42),
        Mastery::Weak => Color32::from_rgb(0xD5, 0x5E, 0x00),
        Mastery::Unseen => Color32::from_gray(0x99),
    }
}

/// A city's mark: its level's shape, filled with its colour, outlined so it reads on any land.
fn mark(painter: &egui::Painter, at: Pos2, level: Mastery, outline: Color32) {
    let colour = level_colour(level);
    let stroke = Stroke::new(1.5, outline);
    match level {
        Mastery::Known => {
            painter.circle(at, 7.0, colour, stroke);
        }
        Mastery::Learning => {
            painter.rect(
                egui::Rect::from_center_size(at, vec2(12.0, 12.0)),
                0.0,
                colour,
                stroke,
                egui::StrokeKind::Middle,
            );
        }
        Mastery::Weak => {
            let points = vec![
                at + vec2(0.0, -9.0),
                at + vec2(8.0, 6.0),
                at + vec2(-8.0, 6.0),
            ];
            painter.add(egui::Shape::convex_polygon(points, colour, stroke));
        }
        Mastery::Unseen => {
            painter.circle_stroke(at, 6.0, Stroke::new(2.5, colour));
        }
    }
}

/// A city's mark in a line of text, as the map draws it.
fn mark_in_line(ui: &mut egui::Ui, level: Mastery, outline: Color32) {
    let (rect, _) = ui.allocate_exact_size(vec2(20.0, 18.0), egui::Sense::hover());
    mark(ui.painter(), rect.center(), level, outline);
}

#[allow(clippy::too_many_arguments)]
fn draw_mastery(
    mut contexts: EguiContexts,
    page: Res<Page>,
    scores: Res<ScoresData>,
    mut scene: ResMut<MapScene>,
    data: Res<GameData>,
    preferences: Res<Preferences>,
    mut drills: MessageWriter<DrillRequest>,
    mut menu_actions: MessageWriter<MenuAction>,
    mut redraw: MessageWriter<bevy::window::RequestRedraw>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let colours = palette(preferences.theme());
    let mut root = window_ui(ctx, "mastery");
    let view = &scores.view;
    let level_of = |key: &CityKey| {
        view.mastery
            .iter()
            .find(|m| &m.city == key)
            .map_or(Mastery::Unseen, |m| m.level)
    };
    let name_of = |key: &CityKey| {
        data.dataset
            .city_by_key(key)
            .map_or_else(|| key.0.clone(), |city| city.name.clone())
    };
    let outline = if colours_dark(&preferences) {
        Color32::from_gray(0xF2)
    } else {
        Color32::from_gray(0x20)
    };
    egui::Panel::left("mastery_panel")
        .exact_size(PANEL_WIDTH)
        .resizable(false)
        .frame(egui::Frame::new().fill(colours.panel).inner_margin(16))
        .show(&mut root, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.heading(RichText::new(&page.heading).strong());
                for paragraph in &page.paragraphs {
                    ui.label(paragraph);
                }
                ui.add_space(8.0);
                for level in [
                    Mastery::Known,
                    Mastery::Learning,
                    Mastery::Weak,
                    Mastery::Unseen,
                ] {
                    let count = data
                        .dataset
                        .cities
                        .iter()
                        .filter(|city| level_of(&data.dataset.key(city.id)) == level)
                        .count();
                    ui.horizontal(|ui| {
                        mark_in_line(ui, level, outline);
                        ui.label(format!("{} — {count} cities", level.label()));
                    });
                }
                ui.label(
                    RichText::new(
                        "Judged on each city's latest 8 answers in every mode: known is 80 % \
                         right or more, weak under half.",
                    )
                    .small()
                    .color(colours.weak_text),
                );
                ui.add_space(12.0);
                ui.label(RichText::new("Weakest cities").strong().size(17.0));
                let weakest = weakest_cities(&view.mastery, WEAKEST);
                if weakest.is_empty() {
                    ui.label("None yet: play a map or facts quiz.");
                }
                for key in &weakest {
                    let Some(city) = view.mastery.iter().find(|m| &m.city == key) else {
                        continue;
                    };
                    ui.horizontal(|ui| {
                        let recent = (city.recent * 100.0).round();
                        mark_in_line(ui, city.level, outline);
                        ui.label(format!("{} — {recent:.0} % right lately", name_of(key)));
                        if ui.button("Drill").clicked() {
                            drills.write(DrillRequest(vec![key.clone()]));
                        }
                    });
                }
                if weakest.len() > 1
                    && ui
                        .button(format!("Drill these {} cities", weakest.len()))
                        .clicked()
                {
                    drills.write(DrillRequest(weakest.clone()));
                }
                ui.add_space(12.0);
                ui.label(RichText::new("Most often confused").strong().size(17.0));
                if view.confused.is_empty() {
                    ui.label("No mix-ups yet.");
                }
                for pair in &view.confused {
                    ui.horizontal(|ui| {
                        ui.label(format!(
                            "{} ↔ {} ({}×)",
                            name_of(&pair.cities[0]),
                            name_of(&pair.cities[1]),
                            pair.times
                        ));
                        if ui.button("Drill the pair").clicked() {
                            drills.write(DrillRequest(pair.cities.to_vec()));
                        }
                    });
                }
                ui.add_space(16.0);
                if ui.button("Back to the scores").clicked() {
                    menu_actions.write(MenuAction::Back);
                }
            });
        });
    let rect = root.available_rect_before_wrap();
    if fit_whole_country(ctx, rect, &mut scene.view, &data) {
        redraw.write(bevy::window::RequestRedraw);
    }
    let frame = MapFrame::new(ctx, rect, &scene.view, colours_dark(&preferences));
    for city in &data.dataset.cities {
        let key = data.dataset.key(city.id);
        let at = frame.at(city.location);
        mark(frame.painter(), at, level_of(&key), outline);
        frame.label(at + vec2(10.0, -8.0), &city.name, None, 13.0);
    }
    // The legend again on the map, in the corner, so a screenshot explains itself.
    let mut at = pos2(rect.max.x - 150.0, rect.max.y - 110.0);
    for level in [
        Mastery::Known,
        Mastery::Learning,
        Mastery::Weak,
        Mastery::Unseen,
    ] {
        mark(frame.painter(), at, level, outline);
        frame.label(at + vec2(12.0, -8.0), level.label(), None, 13.0);
        at.y += 24.0;
    }
    Ok(())
}
