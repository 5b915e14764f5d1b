//! The Scores screen and the mastery map. Scores: every mode's top-ten table, the player's
//! bests, and their history as plots (score over time per mode, accuracy per mode, answers per
//! day), and "Export" for a spreadsheet. The mastery map: every city marked by how well the
//! player knows it, with drills for the weakest. Both read the same history (`data`).

pub(crate) mod data;
mod export;
mod mastery;
mod mastery_panel;
mod panel;

use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((
        data::plugin,
        export::plugin,
        mastery::plugin,
        mastery_panel::plugin,
        panel::plugin,
    ));
}
