//! The order the game's `Update` systems run in: a new system picks a set, not an ad-hoc
//! `.after(..)`.

use bevy::prelude::*;

#[derive(SystemSet, Debug, Clone, Copy, Eq, PartialEq, Hash, PartialOrd, Ord)]
pub enum AppSystems {
    /// Advance timers.
    TickTimers,
    /// Turn keys and clicks into messages.
    RecordInput,
    /// Act on those messages: change state, grade answers, save.
    Update,
}

pub(super) fn plugin(app: &mut App) {
    app.configure_sets(
        Update,
        (
            AppSystems::TickTimers,
            AppSystems::RecordInput,
            AppSystems::Update,
        )
            .chain(),
    );
}
