//! The mouse on the shared map, for any screen whose `MapScene` is interactive: the wheel zooms
//! around the cursor, a drag pans, a press released where it began is a click, and panels take
//! the pointer first (a press that began on the map keeps dragging over a panel). The screen
//! turns these gestures into its own rules: Explore moves its view and opens a city's card; a
//! placement question turns a click into a latitude and longitude with the core's `map_view`.

use bevy::input::mouse::{MouseScrollUnit, MouseWheel};
use bevy::prelude::*;
use bevy::window::PrimaryWindow;

use super::scene::MapScene;
use crate::game::menu::PointerTakenByUi;
use crate::game::systems::AppSystems;
use crate::map_view::ScreenPoint;

/// A pointer press further than this from where it started is a drag, not a click.
const CLICK_SLOP_PIXELS: f32 = 4.0;
/// One line of the wheel zooms by this factor.
const WHEEL_ZOOM: f64 = 1.2;

/// Where the pointer is over the map (logical pixels), or `None` over a panel or outside.
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq)]
pub struct MapPointer {
    pub at: Option<ScreenPoint>,
}

/// What the player did to the map with the mouse.
#[derive(Message, Clone, Copy, Debug, PartialEq)]
pub enum MapGesture {
    /// Zoom by `factor` (> 1 zooms in) around a screen point.
    Zoom { at: ScreenPoint, factor: f64 },
    /// Move the content by this many pixels.
    Pan([f64; 2]),
    /// A press and release at one place.
    Click(ScreenPoint),
}

/// The map's input: part of the game's logic, so the headless tests drive it too.
pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<MapPointer>()
        .add_message::<MapGesture>()
        .add_systems(
            Update,
            (read_map_wheel, read_map_pointer)
                .in_set(AppSystems::RecordInput)
                .in_set(MapInput)
                .run_if(resource_exists::<MapScene>.and_then(scene_is_interactive)),
        );
}

/// The systems that turn the mouse into `MapGesture`s: a screen reads them after this set.
#[derive(SystemSet, Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MapInput;

fn scene_is_interactive(scene: Res<MapScene>) -> bool {
    scene.interactive
}

fn screen_point(at: Vec2) -> ScreenPoint {
    [f64::from(at.x), f64::from(at.y)]
}

fn read_map_wheel(
    windows: Query<&Window, With<PrimaryWindow>>,
    mut wheel: MessageReader<MouseWheel>,
    pointer_taken: Res<PointerTakenByUi>,
    mut gestures: MessageWriter<MapGesture>,
) {
    let cursor = windows.single().ok().and_then(Window::cursor_position);
    for event in wheel.read() {
        let Some(at) = cursor.filter(|_| !pointer_taken.0) else {
            continue;
        };
        let steps = match event.unit {
            MouseScrollUnit::Line => f64::from(event.y),
            MouseScrollUnit::Pixel => f64::from(event.y) / 50.0,
        };
        gestures.write(MapGesture::Zoom {
            at: screen_point(at),
            factor: WHEEL_ZOOM.powf(steps),
        });
    }
}

#[derive(Default)]
struct Drag {
    last: Vec2,
    travelled: f32,
}

fn read_map_pointer(
    windows: Query<&Window, With<PrimaryWindow>>,
    buttons: Res<ButtonInput<MouseButton>>,
    pointer_taken: Res<PointerTakenByUi>,
    mut pointer: ResMut<MapPointer>,
    mut gestures: MessageWriter<MapGesture>,
    mut drag: Local<Option<Drag>>,
) {
    let cursor = windows.single().ok().and_then(Window::cursor_position);
    // A press that began on the map keeps dragging even over a panel.
    let over_map = cursor.is_some() && (!pointer_taken.0 || drag.is_some());
    let Some(at) = cursor.filter(|_| over_map) else {
        pointer.set_if_neq(MapPointer { at: None });
        if buttons.just_released(MouseButton::Left) {
            *drag = None;
        }
        return;
    };
    pointer.set_if_neq(MapPointer {
        at: Some(screen_point(at)),
    });
    if buttons.just_pressed(MouseButton::Left) {
        *drag = Some(Drag {
            last: at,
            travelled: 0.0,
        });
    }
    if let Some(state) = drag.as_mut() {
        let delta = at - state.last;
        if delta != Vec2::ZERO {
            state.travelled += delta.length();
            state.last = at;
            gestures.write(MapGesture::Pan(screen_point(delta)));
        }
    }
    if buttons.just_released(MouseButton::Left)
        && let Some(state) = drag.take()
        && state.travelled <= CLICK_SLOP_PIXELS
    {
        gestures.write(MapGesture::Click(screen_point(at)));
    }
}
