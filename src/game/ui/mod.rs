//! Drawing: the egui setup, the theme and the panels. Only the windowed game adds this plugin;
//! the headless tests run the same logic without it.

mod egui_setup;
mod explore_panel;
mod map_labels;
mod page;
pub(crate) mod quiz;
mod theme;

use bevy::prelude::*;
use bevy_egui::egui;

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
    ));
}
