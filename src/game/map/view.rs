//! Fitting the map's view to the room a screen's panels leave it.

use bevy_egui::egui;

use crate::game::data::GameData;
use crate::map_view::MapView;

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
pub fn fit_whole_country(
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
