//! The Results screen. The outcome of your last quiz: every question with your answer, the right answer and the points.

use bevy::prelude::*;

use super::Screen;
use crate::game::menu;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Results), |mut commands: Commands| {
        menu::show_not_built_yet(
            &mut commands,
            Screen::Results,
            "The outcome of your last quiz: every question with your answer, the right answer and the points.",
        );
    });
}
