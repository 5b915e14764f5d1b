//! One map for every screen: sea, neighbours, the country, province boundaries, coast, borders
//! and city markers as meshes under the 2D camera. A screen shows the map by inserting a
//! `MapScene` (which part is on screen, which cities stand out) and hides it by removing it; its
//! own overlays and rules stay with the screen (Explore's hover and card, a quiz's feedback).
//! Pan, zoom and picking are plain numbers in the core's `map_view`; labels are drawn by
//! `game::ui::map_labels`.

mod meshes;
pub mod pointer;

use bevy::prelude::*;

use super::preferences::Preferences;
use crate::dataset::CityId;
use crate::map_view::MapView;
use crate::settings::Theme;
pub use meshes::MapColours;

/// The map as a screen wants it shown now. The camera mirrors `view` exactly.
#[derive(Resource, Clone, Debug, PartialEq)]
pub struct MapScene {
    pub view: MapView,
    /// Cities drawn a little larger: the selected and hovered city, or those a question asked.
    pub emphasis: Vec<CityId>,
    /// Whether the mouse pans, zooms and clicks it (see `pointer`); a view laid out beside
    /// other panels stays put.
    pub interactive: bool,
    /// The cities whose markers show; `None` shows every city. A placement question hides the
    /// markers that would give its answer away.
    pub markers: Option<Vec<CityId>>,
}

impl MapScene {
    /// Whether this city's marker is on the map.
    pub fn shows(&self, city: CityId) -> bool {
        self.markers
            .as_ref()
            .is_none_or(|shown| shown.contains(&city))
    }
}

/// Every entity of the map, despawned when the scene goes.
#[derive(Component, Clone, Copy, Default)]
pub struct MapPart;

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
    app.add_systems(
        PostUpdate,
        (
            meshes::spawn_map.run_if(resource_added::<MapScene>),
            (
                sync_camera,
                size_markers,
                meshes::restroke_on_zoom,
                meshes::recolour_on_theme_change,
            )
                .run_if(resource_exists::<MapScene>),
            clear_map.run_if(resource_removed::<MapScene>),
        )
            .chain(),
    );
}

/// The camera shows exactly the scene's view: its centre, and one pixel per `km_per_pixel`.
fn sync_camera(
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
fn size_markers(
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
fn clear_map(
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

/// The map's colours in the current theme.
pub fn colours_for(preferences: &Preferences) -> &'static MapColours {
    match preferences.theme() {
        Theme::Light => &meshes::LIGHT_MAP,
        Theme::Dark => &meshes::DARK_MAP,
    }
}
