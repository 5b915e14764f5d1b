//! The mouse on the map, and the map's fit to the window: wheel zoom at the cursor, drag to
//! pan, hover names what is under the pointer, a click on a city opens its card. Panels take the
//! pointer first: what happens over them never reaches the map.

use bevy::input::mouse::{MouseScrollUnit, MouseWheel};
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use geo::Contains;

use super::{Explore, ExploreAction, Hover, panel_inset};
use crate::dataset::CityId;
use crate::game::AppSystems;
use crate::game::data::GameData;
use crate::game::menu::PointerTakenByUi;
use crate::game::preferences::Preferences;
use crate::game::screens::Screen;
use crate::geography::Projection;
use crate::map_view::{MapView, nearest_within};

/// A pointer press further than this from where it started is a drag, not a click.
const CLICK_SLOP_PIXELS: f32 = 4.0;
/// How far from its edge a marker still counts as under the pointer.
const HOVER_REACH_PIXELS: f64 = 6.0;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (
            fit_view_to_window.in_set(AppSystems::TickTimers),
            (read_map_wheel, read_map_pointer).in_set(AppSystems::RecordInput),
        )
            .run_if(in_state(Screen::Explore).and_then(resource_exists::<Explore>)),
    );
}

/// Keeps the view in step with the window and the side panel; a view the player has not moved
/// yet keeps showing the whole country.
fn fit_view_to_window(
    windows: Query<&Window, With<PrimaryWindow>>,
    preferences: Res<Preferences>,
    data: Res<GameData>,
    mut explore: ResMut<Explore>,
) {
    let Ok(window) = windows.single() else {
        return;
    };
    let viewport = [f64::from(window.width()), f64::from(window.height())];
    let inset = panel_inset(&preferences, viewport);
    if explore.view.viewport == viewport && explore.view.inset_right == inset {
        return;
    }
    let untouched = explore.view == explore.home;
    explore.home = MapView::fit(data.country_bounds(), viewport, inset);
    if untouched {
        explore.view = explore.home;
    } else {
        explore.view.resize(viewport, inset);
    }
}

#[derive(Default)]
struct Drag {
    last: Vec2,
    travelled: f32,
}

/// The wheel zooms in and out around the point under the cursor.
fn read_map_wheel(
    windows: Query<&Window, With<PrimaryWindow>>,
    mut wheel: MessageReader<MouseWheel>,
    pointer_taken: Res<PointerTakenByUi>,
    mut actions: MessageWriter<ExploreAction>,
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
        actions.write(ExploreAction::Zoom {
            at: [f64::from(at.x), f64::from(at.y)],
            factor: 1.2_f64.powf(steps),
        });
    }
}

/// Hover, drag to pan, and click to open a city's card (or close it, on empty map).
fn read_map_pointer(
    windows: Query<&Window, With<PrimaryWindow>>,
    buttons: Res<ButtonInput<MouseButton>>,
    pointer_taken: Res<PointerTakenByUi>,
    data: Res<GameData>,
    mut explore: ResMut<Explore>,
    mut actions: MessageWriter<ExploreAction>,
    mut drag: Local<Option<Drag>>,
) {
    let cursor = windows.single().ok().and_then(Window::cursor_position);
    // A press that began on the map keeps dragging even over a panel.
    let over_map = cursor.is_some() && (!pointer_taken.0 || drag.is_some());
    let Some(at) = cursor.filter(|_| over_map) else {
        // Only a real change marks the state changed.
        if explore.hovered.is_some() {
            explore.hovered = None;
        }
        if buttons.just_released(MouseButton::Left) {
            *drag = None;
        }
        return;
    };
    let hovered = hover_at(&data, &explore, at);
    if explore.hovered != hovered {
        explore.hovered = hovered;
    }
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
            actions.write(ExploreAction::Pan([f64::from(delta.x), f64::from(delta.y)]));
        }
    }
    if buttons.just_released(MouseButton::Left)
        && let Some(state) = drag.take()
        && state.travelled <= CLICK_SLOP_PIXELS
    {
        let city = match hovered {
            Some(Hover::City(city)) => Some(city),
            _ => None,
        };
        actions.write(ExploreAction::Select(city));
    }
}

/// The city under the pointer, else the province, else the neighbouring country.
fn hover_at(data: &GameData, explore: &Explore, at: Vec2) -> Option<Hover> {
    let cursor = [f64::from(at.x), f64::from(at.y)];
    let candidates: Vec<(CityId, ([f64; 2], f64))> = data
        .dataset
        .cities
        .iter()
        .map(|city| {
            let on_screen = explore.view.map_to_screen(data.position(city.id));
            let reach = f64::from(data.marker_radius(city.id)) + HOVER_REACH_PIXELS;
            (city.id, (on_screen, reach))
        })
        .collect();
    let points: Vec<([f64; 2], f64)> = candidates.iter().map(|(_, point)| *point).collect();
    if let Some(index) = nearest_within(&points, cursor) {
        return Some(Hover::City(candidates[index].0));
    }
    let place = Projection::NORTH_KOREA.unproject(explore.view.screen_to_map(cursor));
    if let Some(index) = data
        .map
        .provinces
        .iter()
        .position(|area| area.shape.contains(&place.point()))
    {
        return Some(Hover::Province(index));
    }
    data.map
        .neighbours
        .iter()
        .position(|area| area.shape.contains(&place.point()))
        .map(Hover::Neighbour)
}
