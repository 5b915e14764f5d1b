//! One way to script the game: `--script FILE`, `--steps "STEP; STEP"` or `--screenshot FILE`
//! give it steps to play by itself (see `script` for the steps), through the same input a
//! player's keys and clicks make. The end-to-end check, the frame-time measurements and the
//! README's pictures use it; no screen has a special case for them.

mod run;
pub mod script;

use bevy::prelude::*;

use super::options::GameOptions;
pub use script::{Script, ScriptError, Step, Target, key_code};

pub(super) fn plugin(app: &mut App) {
    let Some(script) = app
        .world()
        .get_resource::<GameOptions>()
        .and_then(|options| options.script.clone())
    else {
        return;
    };
    app.insert_resource(run::ScriptRun::new(script))
        .add_systems(Last, run::play_script);
}
