//! The Flashcards screen. Self-study with spaced repetition: each card comes back just before you would forget it.

use bevy::prelude::*;

use crate::game::menu;
use crate::game::screen::Screen;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Flashcards), |mut commands: Commands| {
        menu::show_not_built_yet(
            &mut commands,
            Screen::Flashcards,
            "Self-study with spaced repetition: each card comes back just before you would forget it.",
        );
    });
}
