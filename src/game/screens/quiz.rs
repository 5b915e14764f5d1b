//! The Quiz screen. Quiz questions on the cities: rank them by population, place them on the map, match facts to them.

use bevy::prelude::*;

use super::Screen;
use crate::game::menu;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Quiz), |mut commands: Commands| {
        menu::show_not_built_yet(
            &mut commands,
            Screen::Quiz,
            "Quiz questions on the cities: rank them by population, place them on the map, match facts to them.",
        );
    });
}
