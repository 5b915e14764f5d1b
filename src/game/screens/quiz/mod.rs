//! The Quiz screen and its Results. A quiz asks one question at a time (Asking), then shows its
//! grade (Feedback), then the next; at the end the Results screen lists every answer and offers
//! the review of the mistakes or another round. Escape pauses; quitting asks first.
//!
//! - `active`: the quiz being played and what the player can do to it;
//! - `flow`: starting, answering (announced with `AnswerGiven` / `QuizFinished`), pause, replay;
//! - `input` and `map`: the keys every kind shares, and the shared map of a map question;
//! - `kinds`: one panel per question kind, and the registry that dispatches to them;
//! - `panel`, `pause`: the screen's layout around the kind's panel, and the pause menu;
//! - `results` and `results_map`: the Results screen.

pub(crate) mod active;
mod flow;
mod input;
mod kinds;
mod map;
mod panel;
mod pause;
mod results;
mod results_map;

use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((
        flow::plugin,
        input::plugin,
        map::plugin,
        panel::plugin,
        pause::plugin,
        results::plugin,
        results_map::plugin,
    ));
}
