//! App builders and input helpers for the integration tests: every test starts the same way.

use std::path::Path;

use bevy::input::ButtonState;
use bevy::input::InputPlugin;
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;

use crate::game::{GameLogicPlugin, GameOptions, Screen};

/// A headless game: no window, no GPU, the real logic plugins, progress kept in `data_dir`.
pub fn headless_app(data_dir: &Path) -> App {
    headless_app_with(GameOptions {
        seed: 7,
        data_dir: Some(data_dir.to_path_buf()),
        start_screen: Screen::Title,
        ..GameOptions::default()
    })
}

pub fn headless_app_with(options: GameOptions) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin, InputPlugin))
        .add_plugins(GameLogicPlugin { options });
    // Startup, then Loading hands over to the start screen.
    app.update();
    app.update();
    app
}

/// Presses and releases one key, one frame each, as a player would.
pub fn tap(app: &mut App, key: KeyCode) {
    send_key(app, key, ButtonState::Pressed);
    app.update();
    send_key(app, key, ButtonState::Released);
    app.update();
}

/// Holds `modifier` while tapping `key` (e.g. Shift+Tab).
pub fn tap_with(app: &mut App, modifier: KeyCode, key: KeyCode) {
    send_key(app, modifier, ButtonState::Pressed);
    tap(app, key);
    send_key(app, modifier, ButtonState::Released);
    app.update();
}

fn send_key(app: &mut App, key_code: KeyCode, state: ButtonState) {
    app.world_mut().write_message(KeyboardInput {
        key_code,
        logical_key: Key::Unidentified(bevy::input::keyboard::NativeKey::Unidentified),
        state,
        text: None,
        repeat: false,
        window: Entity::PLACEHOLDER,
    });
}

/// The screen the game is on now.
pub fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}
