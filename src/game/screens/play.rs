//! The Play screen. Choose a level — a built-in question set or your own file — and play it.

use bevy::prelude::*;

use crate::game::menu;
use crate::game::screen::Screen;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Play), |mut commands: Commands| {
        menu::show_not_built_yet(
            &mut commands,
            Screen::Play,
            "Choose a level — a built-in question set or your own file — and play it.",
        );
    });
}
