//! Drawing: the egui setup, the theme and the panels. Only the windowed game adds this plugin;
//! the headless tests run the same logic without it.

mod egui_setup;
mod explore_panel;
mod map_labels;
mod mastery;
pub(crate) mod page;
mod players;
pub(crate) mod quiz;
mod scores;
mod theme;

use bevy::prelude::*;
use bevy_egui::egui;

use crate::game::data::GameData;
use crate::map_view::MapView;

/// A Ui over the whole window, on the background layer, for a screen's panels to divide up.
pub(super) fn window_ui(ctx: &egui::Context, id: &'static str) -> egui::Ui {
    egui::Ui::new(
        ctx.clone(),
        id.into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    )
}

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((
        egui_setup::plugin,
        theme::plugin,
        page::plugin,
        explore_panel::plugin,
        quiz::plugin,
        players::plugin,
        scores::plugin,
        mastery::plugin,
    ));
}

/// The view that shows the whole country in `map_rect` (egui points).
fn whole_country_in(ctx: &egui::Context, map_rect: egui::Rect, data: &GameData) -> MapView {
    let zoom = f64::from(ctx.zoom_factor());
    let window = ctx.viewport_rect();
    let pixels = |v: f32| f64::from(v) * zoom;
    MapView::fit_in_rect(
        data.country_bounds(),
        [pixels(window.width()), pixels(window.height())],
        [
            map_rect.min.x,
            map_rect.min.y,
            map_rect.max.x,
            map_rect.max.y,
        ]
        .map(pixels),
    )
}

/// Fits `view` to show the whole country in `map_rect`; true if it changed (the camera follows
/// next frame, so the caller asks for one even when the game is idle).
pub(crate) fn fit_whole_country(
    ctx: &egui::Context,
    map_rect: egui::Rect,
    view: &mut MapView,
    data: &GameData,
) -> bool {
    let fitted = whole_country_in(ctx, map_rect, data);
    let changed = *view != fitted;
    if changed {
        *view = fitted;
    }
    changed
}
