//! The Explore screen. The map of North Korea with every city: hover to name it, click to open its card.

use bevy::prelude::*;

use super::Screen;
use crate::game::menu;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Explore), |mut commands: Commands| {
        menu::show_not_built_yet(
            &mut commands,
            Screen::Explore,
            "The map of North Korea with every city: hover to name it, click to open its card.",
        );
    });
}
