//! Drawing: the egui setup, the theme and the panels. Only the windowed game adds this plugin;
//! the headless tests run the same logic without it.

mod egui_setup;
mod explore_panel;
mod page;
mod quiz_panel;
mod theme;

use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((
        egui_setup::plugin,
        theme::plugin,
        page::plugin,
        explore_panel::plugin,
        quiz_panel::plugin,
    ));
}
