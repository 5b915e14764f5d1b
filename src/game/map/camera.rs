//! The camera and the markers follow the scene: its view, its emphasis, its hidden markers; and
//! when the scene goes, the map goes with it.

use bevy::prelude::*;

use super::scene::{CityMarker, MapPart, MapScene, MarkerRing};

/// The camera shows exactly the scene's view: its centre, and one pixel per `km_per_pixel`.
pub(super) fn sync_camera(
    scene: Res<MapScene>,
    camera: Single<(&mut Transform, &mut Projection2d), With<Camera2d>>,
) {
    let (mut transform, mut projection) = camera.into_inner();
    let view = &scene.view;
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

/// Markers keep their size in pixels: scale them by the km a pixel spans. Emphasised cities
/// grow a little, so they stand out by size as well as by their label; hidden ones shrink to
/// nothing.
pub(super) fn size_markers(
    scene: Res<MapScene>,
    mut markers: Query<(&CityMarker, &mut Transform, Has<MarkerRing>)>,
) {
    let km_per_pixel = scene.view.km_per_pixel as f32;
    for (marker, mut transform, is_ring) in &mut markers {
        let highlighted = scene.emphasis.contains(&marker.city);
        let radius = marker.radius_px * if highlighted { 1.35 } else { 1.0 };
        let pixels = match (scene.shows(marker.city), is_ring) {
            (false, _) => 0.0,
            (true, true) => radius + 1.5,
            (true, false) => radius,
        };
        let scale = Vec3::new(pixels * km_per_pixel, pixels * km_per_pixel, 1.0);
        if transform.scale != scale {
            transform.scale = scale;
        }
    }
}

/// The scene is gone: no map, and the camera back where the menus expect it.
pub(super) fn clear_map(
    mut commands: Commands,
    parts: Query<Entity, With<MapPart>>,
    camera: Single<(&mut Transform, &mut Projection2d), With<Camera2d>>,
) {
    for part in &parts {
        commands.entity(part).despawn();
    }
    let (mut transform, mut projection) = camera.into_inner();
    transform.translation = Vec3::ZERO.with_z(transform.translation.z);
    if let bevy::camera::Projection::Orthographic(ortho) = projection.as_mut() {
        ortho.scale = 1.0;
    }
}
