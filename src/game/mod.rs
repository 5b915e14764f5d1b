//! The Bevy layer: states, screens, input and drawing. It calls the plain-Rust core and holds
//! no game rules of its own.
//!
//! Below the screens sit the parts they share: the `Screen` state, the messages between the
//! layers, menus, options, preferences, the data, the map, the page layout and theme (`ui`),
//! and the listeners that keep progress and records. The screens (`screens/`) sit above and
//! name none of each other; this file only puts the plugins together. `cargo test` checks the
//! shape (`import_rules`).

pub mod automation;
pub mod data;
pub mod keys;
pub(crate) mod map;
pub mod menu;
pub mod messages;
pub mod notices;
pub mod options;
pub mod preferences;
pub mod progress;
pub(crate) mod records;
pub mod screen;
pub(crate) mod screens;
pub(crate) mod systems;
pub mod testing;
mod ui;

use std::time::Instant;

use bevy::prelude::*;
use bevy::window::{WindowResizeConstraints, WindowResolution};
use bevy::winit::{UpdateMode, WinitSettings};

pub use options::{ExploreStart, GameOptions};
pub use screen::Screen;

/// Everything but drawing: states, screens, menus, settings, messages and what listens to
/// them. The headless tests run exactly this; the screens' panels are registered too, and run
/// only where egui runs.
pub struct GameLogicPlugin {
    pub options: GameOptions,
}

impl Plugin for GameLogicPlugin {
    fn build(&self, app: &mut App) {
        app.insert_resource(self.options.clone());
        app.add_plugins((
            systems::plugin,
            messages::plugin,
            notices::plugin,
            preferences::plugin,
            data::plugin,
            menu::plugin,
            screen::plugin,
            screens::plugin,
            records::plugin,
            progress::plugin,
            map::pointer::plugin,
            automation::plugin,
        ));
    }
}

/// Runs the game in a window until the player quits (or its script ends the run).
pub fn run(options: GameOptions) -> AppExit {
    let started = Instant::now();
    let (width, height) = options.window_size;
    let mut app = App::new();
    app.add_plugins(DefaultPlugins.set(WindowPlugin {
        primary_window: Some(Window {
            title: "cityquiz — the cities of North Korea".into(),
            name: Some("cityquiz".into()),
            resolution: WindowResolution::new(width, height),
            resize_constraints: WindowResizeConstraints {
                min_width: 640.0,
                min_height: 400.0,
                ..default()
            },
            ..default()
        }),
        ..default()
    }));
    // Redraw only on input or when asked, so a game waiting for the player uses no CPU. A
    // script needs frames to keep coming until it is done.
    app.insert_resource(if options.script.is_some() {
        WinitSettings {
            focused_mode: UpdateMode::Continuous,
            unfocused_mode: UpdateMode::Continuous,
        }
    } else {
        WinitSettings::desktop_app()
    });
    app.add_plugins(GameLogicPlugin { options });
    app.add_plugins((ui::plugin, map::plugin));
    app.add_systems(Last, move |mut logged: Local<bool>| {
        if !*logged {
            info!(
                "first frame {} ms after start",
                started.elapsed().as_millis()
            );
            *logged = true;
        }
    });
    app.run()
}
