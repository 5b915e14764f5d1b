//! The Scores screen. High scores per level and mode, your history, and a plot of your progress.

use bevy::prelude::*;

use super::Screen;
use crate::game::menu;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Scores), |mut commands: Commands| {
        menu::show_not_built_yet(
            &mut commands,
            Screen::Scores,
            "High scores per level and mode, your history, and a plot of your progress.",
        );
    });
}
