//! The Explore screen: the map with every city. Hovering names a city or province; clicking a
//! city (or finding it by search) opens its card. `state` holds what it shows, `actions` the
//! keys and what they do, `mouse` the pointer on the map, `panel` the search and the card.

mod actions;
mod mouse;
mod panel;
pub(crate) mod state;

use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((actions::plugin, mouse::plugin, panel::plugin));
}
