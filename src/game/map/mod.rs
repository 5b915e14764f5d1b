//! The map drawn in Bevy: sea, neighbours, the country, province boundaries, coast, borders and
//! city markers as meshes under the 2D camera, which mirrors the Explore screen's `MapView`.
//! Also the mouse on the map: wheel zoom at the cursor, drag to pan, hover and click.

mod meshes;

use bevy::input::mouse::{MouseScrollUnit, MouseWheel};
use bevy::prelude::*;
use bevy::window::PrimaryWindow;

use super::AppSystems;
use super::data::GameData;
use super::menu::PointerTakenByUi;
use super::preferences::Preferences;
use super::screens::Screen;
use super::screens::explore::{Explore, ExploreAction, Hover, map_bounds, panel_inset};
use crate::dataset::{CityId, PopulationKind};
use crate::geography::Projection;
use crate::map_view::{MapView, nearest_within};
use crate::settings::Theme;
pub use meshes::MapColours;

/// A city's dot on the map; its size on screen stays the same at every zoom.
#[derive(Component, Clone, Copy, Debug)]
pub struct CityMarker {
    pub city: CityId,
    pub radius_px: f32,
}

/// The light ring around a marker, drawn behind it so it reads on any background.
#[derive(Component)]
pub struct MarkerRing;

/// A pointer press further than this from where it started is a drag, not a click.
const CLICK_SLOP_PIXELS: f32 = 4.0;
/// How far from its edge a marker still counts as under the pointer.
const HOVER_REACH_PIXELS: f64 = 6.0;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(meshes::plugin)
        .add_systems(OnEnter(Screen::Explore), meshes::spawn_map)
        .add_systems(
            Update,
            (
                fit_view_to_window.in_set(AppSystems::TickTimers),
                read_map_mouse.in_set(AppSystems::RecordInput),
            )
                .run_if(in_state(Screen::Explore).and_then(resource_exists::<Explore>)),
        )
        .add_systems(
            PostUpdate,
            (sync_camera, size_markers, meshes::restroke_on_zoom)
                .run_if(in_state(Screen::Explore).and_then(resource_exists::<Explore>)),
        )
        .add_systems(OnExit(Screen::Explore), reset_camera);
}

/// Marker radius in pixels: the area grows with the population (census total).
pub fn marker_radius(population: u32, largest: u32) -> f32 {
    3.5 + 8.5 * (population as f32 / largest.max(1) as f32).sqrt()
}

/// The population a city's marker is sized by: its census total, else its largest figure.
pub fn marker_population(data: &GameData, city: CityId) -> u32 {
    let city = data.dataset.city(city);
    city.figure(PopulationKind::Total)
        .map(|p| p.amount.low())
        .or_else(|| city.population.iter().map(|p| p.amount.low()).max())
        .unwrap_or(0)
}

/// Keeps the view in step with the window and the side panel; a view the player has not moved
/// yet keeps showing the whole country.
fn fit_view_to_window(
    window: Single<&Window, With<PrimaryWindow>>,
    preferences: Res<Preferences>,
    data: Res<GameData>,
    mut explore: ResMut<Explore>,
) {
    let viewport = [f64::from(window.width()), f64::from(window.height())];
    let inset = panel_inset(&preferences, viewport);
    if explore.view.viewport == viewport && explore.view.inset_right == inset {
        return;
    }
    let untouched = explore.view == explore.home;
    explore.home = MapView::fit(map_bounds(&data), viewport, inset);
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

#[allow(clippy::too_many_arguments)]
fn read_map_mouse(
    window: Single<&Window, With<PrimaryWindow>>,
    buttons: Res<ButtonInput<MouseButton>>,
    mut wheel: MessageReader<MouseWheel>,
    pointer_taken: Res<PointerTakenByUi>,
    data: Res<GameData>,
    markers: Query<&CityMarker, Without<MarkerRing>>,
    mut explore: ResMut<Explore>,
    mut actions: MessageWriter<ExploreAction>,
    mut drag: Local<Option<Drag>>,
) {
    let cursor = window.cursor_position();
    // A press that began on the map keeps dragging even over a panel.
    let over_map = cursor.is_some() && (!pointer_taken.0 || drag.is_some());
    for event in wheel.read() {
        let (Some(at), true) = (cursor, over_map) else {
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
    let Some(at) = cursor.filter(|_| over_map) else {
        explore.hovered = None;
        if buttons.just_released(MouseButton::Left) {
            *drag = None;
        }
        return;
    };
    let hovered = hover_at(&data, &explore, &markers, at);
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
fn hover_at(
    data: &GameData,
    explore: &Explore,
    markers: &Query<&CityMarker, Without<MarkerRing>>,
    at: Vec2,
) -> Option<Hover> {
    let cursor = [f64::from(at.x), f64::from(at.y)];
    let candidates: Vec<(CityId, ([f64; 2], f64))> = markers
        .iter()
        .map(|marker| {
            let on_screen = explore.view.map_to_screen(data.position(marker.city));
            let reach = f64::from(marker.radius_px) + HOVER_REACH_PIXELS;
            (marker.city, (on_screen, reach))
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
        .position(|area| geo::Contains::contains(&area.shape, &place.point()))
    {
        return Some(Hover::Province(index));
    }
    data.map
        .neighbours
        .iter()
        .position(|area| geo::Contains::contains(&area.shape, &place.point()))
        .map(Hover::Neighbour)
}

/// The camera shows exactly `Explore.view`: its centre, and one pixel per `km_per_pixel`.
fn sync_camera(
    explore: Res<Explore>,
    camera: Single<(&mut Transform, &mut Projection2d), With<Camera2d>>,
) {
    let (mut transform, mut projection) = camera.into_inner();
    let view = &explore.view;
    let translation = Vec3::new(
        view.center[0] as f32,
        view.center[1] as f32,
        transform.translation.z,
    );
    if transform.translation != translation {
        transform.translation = translation;
    }
    if let bevy::camera::Projection::Orthographic(ortho) = projection.as_mut()
        && ortho.scale != view.km_per_pixel as f32
    {
        ortho.scale = view.km_per_pixel as f32;
    }
}

type Projection2d = bevy::camera::Projection;

/// Markers keep their size in pixels: scale them by the km a pixel spans. The selected and the
/// hovered city grow a little, so they stand out by size as well as by colour.
fn size_markers(
    explore: Res<Explore>,
    mut markers: Query<(&CityMarker, &mut Transform, Has<MarkerRing>)>,
) {
    let km_per_pixel = explore.view.km_per_pixel as f32;
    for (marker, mut transform, is_ring) in &mut markers {
        let highlighted = explore.selected == Some(marker.city)
            || explore.hovered == Some(Hover::City(marker.city));
        let radius = marker.radius_px * if highlighted { 1.35 } else { 1.0 };
        let pixels = if is_ring { radius + 1.5 } else { radius };
        let scale = Vec3::new(pixels * km_per_pixel, pixels * km_per_pixel, 1.0);
        if transform.scale != scale {
            transform.scale = scale;
        }
    }
}

fn reset_camera(camera: Single<(&mut Transform, &mut Projection2d), With<Camera2d>>) {
    let (mut transform, mut projection) = camera.into_inner();
    transform.translation = Vec3::ZERO.with_z(transform.translation.z);
    if let bevy::camera::Projection::Orthographic(ortho) = projection.as_mut() {
        ortho.scale = 1.0;
    }
}

/// The map's colours in the current theme.
pub fn colours_for(preferences: &Preferences) -> &'static MapColours {
    match preferences.theme() {
        Theme::Light => &meshes::LIGHT_MAP,
        Theme::Dark => &meshes::DARK_MAP,
    }
}
