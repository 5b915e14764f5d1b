//! The game's screens, one folder (or one file) each, holding its systems and its panels. A
//! screen names the shared parts of the game (menus, theme, map, page layout, messages) and no
//! other screen: what two screens share sits below them. The quiz folder holds the Quiz screen
//! and its Results, which read the same quiz; the scores folder holds Scores and the mastery map,
//! which read the same history.
//!
//! Adding a screen: a variant in `game::screen::Screen` (with its title, id and way back), a
//! folder or file here with a `plugin`, and its line in the tuple below.

mod credits;
pub(crate) mod explore;
mod flashcards;
mod loading;
mod play;
mod players;
pub(crate) mod quiz;
pub(crate) mod scores;
mod settings;
mod title;

use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((
        loading::plugin,
        title::plugin,
        play::plugin,
        quiz::plugin,
        flashcards::plugin,
        explore::plugin,
        scores::plugin,
        players::plugin,
        settings::plugin,
        credits::plugin,
    ));
}
