//! The Players screen: who is playing. Choose a player, add one, rename one, or delete one with
//! everything they played (asked first). On a first start it asks for a name, or plays as
//! "Player 1". The panel (`panel`) sends `PlayerAction`s; `game::progress` applies
//! them to the database.

mod form;
mod panel;

use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((form::plugin, panel::plugin));
}
