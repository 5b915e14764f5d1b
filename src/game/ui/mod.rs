//! What every screen's panels share: the egui setup, the theme, the standard page of heading
//! and menu, and a Ui over the whole window. Only the windowed game adds this plugin; the
//! screens' own panels sit with their screens, and run only where egui does.

mod egui_setup;
pub mod page;
pub mod theme;
pub mod window;

use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((egui_setup::plugin, theme::plugin, page::plugin));
}
