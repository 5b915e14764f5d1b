//! Explore's rules for the mouse on the shared map, and the map's fit to the window: the map's
//! wheel and drag gestures move the view, hover names what is under the pointer, a click on a
//! city opens its card. The gestures themselves (and panels taking the pointer first) are the
//! map's, in `game::map::pointer`.

use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use geo::Contains;

use super::state::{Explore, ExploreAction, Hover, panel_inset};
use crate::dataset::CityId;
use crate::game::data::GameData;
use crate::game::map::pointer::{MapGesture, MapInput, MapPointer};
use crate::game::preferences::Preferences;
use crate::game::screen::Screen;
use crate::game::systems::AppSystems;
use crate::geography::Projection;
use crate::map_view::{MapView, ScreenPoint, nearest_within};

/// How far from its edge a marker still counts as under the pointer.
const HOVER_REACH_PIXELS: f64 = 6.0;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (
            fit_view_to_window.in_set(AppSystems::TickTimers),
            (hover_under_pointer, apply_map_gestures)
                .in_set(AppSystems::RecordInput)
                .after(MapInput),
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

/// Explore's rules for the map's gestures: the wheel and a drag move its view; a click opens
/// the card of the city under it, or closes the card on empty map.
fn apply_map_gestures(
    mut gestures: MessageReader<MapGesture>,
    data: Res<GameData>,
    explore: Res<Explore>,
    mut actions: MessageWriter<ExploreAction>,
) {
    for gesture in gestures.read() {
        actions.write(match *gesture {
            MapGesture::Zoom { at, factor } => ExploreAction::Zoom { at, factor },
            MapGesture::Pan(delta) => ExploreAction::Pan(delta),
            MapGesture::Click(at) => ExploreAction::Select(match hover_at(&data, &explore, at) {
                Some(Hover::City(city)) => Some(city),
                _ => None,
            }),
        });
    }
}

/// Hovering names what is under the pointer (nothing over a panel).
fn hover_under_pointer(
    pointer: Res<MapPointer>,
    data: Res<GameData>,
    mut explore: ResMut<Explore>,
) {
    let hovered = pointer.at.and_then(|at| hover_at(&data, &explore, at));
    // Only a real change marks the state changed.
    if explore.hovered != hovered {
        explore.hovered = hovered;
    }
}

/// The city under the pointer, else the province, else the neighbouring country.
fn hover_at(data: &GameData, explore: &Explore, cursor: ScreenPoint) -> Option<Hover> {
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
