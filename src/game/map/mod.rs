//! The map drawn in Bevy: sea, neighbours, the country, province boundaries, coast, borders and
//! city markers as meshes under the 2D camera, which mirrors the Explore screen's `MapView`.

mod meshes;

use bevy::prelude::*;

use super::preferences::Preferences;
use super::screens::Screen;
use super::screens::explore::{Explore, Hover};
use crate::dataset::CityId;
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

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(meshes::plugin)
        .add_systems(OnEnter(Screen::Explore), meshes::spawn_map)
        .add_systems(
            PostUpdate,
            (sync_camera, size_markers, meshes::restroke_on_zoom)
                .run_if(in_state(Screen::Explore).and_then(resource_exists::<Explore>)),
        )
        .add_systems(OnExit(Screen::Explore), reset_camera);
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
