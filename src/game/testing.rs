//! App builders, input helpers and read-only views for the integration tests: every test
//! starts the same way and plays as a player would (keys, clicks, menu actions, the messages a
//! panel sends), reading the state it checks through the types re-exported here. This harness
//! sits above the screens, like `game/mod.rs`: it is the one shared file that may name them.

use std::path::Path;

use bevy::input::ButtonState;
use bevy::input::InputPlugin;
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;

use super::{GameLogicPlugin, GameOptions, Screen};
use crate::geography::{LatLon, Projection};
use crate::quiz::Edit;
use crate::quiz::name_marked::NameEdit;

pub use super::map::{MapCities, MapScene};
pub use super::screens::explore::state::{Explore, ExploreAction, Hover};
pub use super::screens::quiz::active::{ActiveQuiz, QuizAction, QuizPhase, QuizRequest};
pub use super::screens::scores::data::ScoresData;

/// A headless game: no window, no GPU, the real logic plugins, progress kept in `data_dir`.
pub fn headless_app(data_dir: &Path) -> App {
    headless_app_with(GameOptions {
        seed: 7,
        data_dir: Some(data_dir.to_path_buf()),
        start_screen: Screen::Title,
        ..GameOptions::default()
    })
}

/// The same, with every quiz untimed, so points do not depend on how fast the machine is.
pub fn untimed_app(data_dir: &Path) -> App {
    headless_app_with(GameOptions {
        seed: 7,
        data_dir: Some(data_dir.to_path_buf()),
        start_screen: Screen::Title,
        untimed: true,
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

/// Gives a headless app a primary window (1280×720, no real window behind it), so systems that
/// read the pointer can run.
pub fn add_window(app: &mut App) -> Entity {
    let window = app
        .world_mut()
        .spawn((Window::default(), bevy::window::PrimaryWindow))
        .id();
    app.update();
    window
}

/// Moves the pointer to a point in the window (logical pixels from the top-left), one frame.
pub fn move_pointer(app: &mut App, at: Vec2) {
    let mut windows = app
        .world_mut()
        .query_filtered::<&mut Window, With<bevy::window::PrimaryWindow>>();
    for mut window in windows.iter_mut(app.world_mut()) {
        window.set_cursor_position(Some(at));
    }
    app.update();
}

/// Presses and releases the left mouse button where the pointer is.
pub fn click(app: &mut App) {
    send_button(app, ButtonState::Pressed);
    app.update();
    send_button(app, ButtonState::Released);
    app.update();
}

/// Drags with the left button held from the pointer's place to `to`, in `steps` moves.
pub fn drag_to(app: &mut App, to: Vec2, steps: u32) {
    let from = app
        .world_mut()
        .query_filtered::<&Window, With<bevy::window::PrimaryWindow>>()
        .single(app.world())
        .ok()
        .and_then(Window::cursor_position)
        .unwrap_or_default();
    send_button(app, ButtonState::Pressed);
    app.update();
    for step in 1..=steps {
        move_pointer(app, from.lerp(to, step as f32 / steps as f32));
    }
    send_button(app, ButtonState::Released);
    app.update();
}

/// Turns the mouse wheel by `lines` (positive zooms in) where the pointer is.
pub fn scroll(app: &mut App, lines: f32) {
    app.world_mut()
        .write_message(bevy::input::mouse::MouseWheel {
            unit: bevy::input::mouse::MouseScrollUnit::Line,
            x: 0.0,
            y: lines,
            window: Entity::PLACEHOLDER,
            phase: bevy::input::touch::TouchPhase::Moved,
        });
    app.update();
}

fn send_button(app: &mut App, state: ButtonState) {
    app.world_mut()
        .write_message(bevy::input::mouse::MouseButtonInput {
            button: MouseButton::Left,
            state,
            window: Entity::PLACEHOLDER,
        });
}

/// The quiz being played.
pub fn quiz(app: &App) -> &ActiveQuiz {
    app.world().resource::<ActiveQuiz>()
}

/// Where the quiz is: asking or showing the feedback.
pub fn quiz_phase(app: &App) -> QuizPhase {
    *app.world().resource::<State<QuizPhase>>().get()
}

/// Types a name into the name field and presses Enter in it, as the panel reports them.
pub fn type_name(app: &mut App, text: &str) {
    app.world_mut()
        .write_message(QuizAction::Edit(Edit::NameMarked(NameEdit::Type(
            text.to_string(),
        ))));
    app.world_mut().write_message(QuizAction::Submit);
    app.update();
    app.update();
}

/// Where a place is on screen (logical pixels) on the map now shown.
pub fn on_screen(app: &App, at: LatLon) -> Vec2 {
    let scene = app.world().resource::<MapScene>();
    let [x, y] = scene
        .view
        .map_to_screen(Projection::NORTH_KOREA.project(at));
    Vec2::new(x as f32, y as f32)
}

/// Clicks there on the map now shown, and lets the next frame show what the click did.
pub fn click_map_at(app: &mut App, at: LatLon) {
    let point = on_screen(app, at);
    move_pointer(app, point);
    click(app);
    app.update();
}

/// Whether the pointer is over a panel (which then takes clicks from the map), as egui reports
/// it in a window.
pub fn pointer_over_panel(app: &mut App, over: bool) {
    app.world_mut()
        .insert_resource(super::menu::PointerTakenByUi(over));
}
