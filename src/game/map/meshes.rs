//! Building the map's meshes from its shapes, and keeping line widths and colours right as the
//! player zooms and changes theme.

use std::sync::Arc;

use bevy::asset::RenderAssetUsages;
use bevy::mesh::{Indices, PrimitiveTopology};
use bevy::prelude::*;

use super::cities::MapCities;
use super::colours::{MapColours, colours_for};
use super::scene::{CityMarker, MapPart, MapScene, MarkerRing};
use crate::game::data::GameData;
use crate::game::preferences::Preferences;
use crate::geography::Projection;
use crate::map_geometry::{Triangles, fill, rings, stroke};

/// Which line layer a stroke mesh draws, and how wide it is on screen.
#[derive(Component, Clone, Copy, PartialEq)]
pub(super) struct Stroke {
    layer: LineLayer,
    width_px: f64,
    /// The zoom the mesh was last built for.
    built_for_km_per_pixel: f64,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum LineLayer {
    Provinces,
    Coast,
    Borders,
}

/// Picks one colour of a palette.
type PaintFn = fn(&MapColours) -> Color;

/// Which colour of the palette a map material takes.
#[derive(Component, Clone, Copy)]
pub(super) struct Paint(PaintFn);

fn mesh(triangles: Triangles) -> Mesh {
    let positions: Vec<[f32; 3]> = triangles
        .positions
        .iter()
        .map(|&[x, y]| [x, y, 0.0])
        .collect();
    Mesh::new(
        PrimitiveTopology::TriangleList,
        RenderAssetUsages::default(),
    )
    .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, positions)
    .with_inserted_indices(Indices::U32(triangles.indices))
}

fn line_triangles(data: &GameData, layer: LineLayer, width_km: f64) -> Triangles {
    let projection = Projection::NORTH_KOREA;
    match layer {
        LineLayer::Provinces => {
            let lines: Vec<_> = data
                .map
                .provinces
                .iter()
                .flat_map(|area| rings(&area.shape))
                .collect();
            stroke(&lines, projection, width_km)
        }
        LineLayer::Coast => stroke(&data.map.coast, projection, width_km),
        LineLayer::Borders => stroke(&data.map.borders, projection, width_km),
    }
}

/// Spawns the map for a new scene. A scene replaced in the same frame (one screen's map handed
/// to the next) finds the old parts still there: they go first, so the map is never doubled.
pub(super) fn spawn_map(
    mut commands: Commands,
    data: Option<Res<GameData>>,
    preferences: Res<Preferences>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
    old_parts: Query<Entity, With<MapPart>>,
) {
    let Some(data) = data else {
        return;
    };
    for part in &old_parts {
        commands.entity(part).despawn();
    }
    let colours = colours_for(&preferences);
    let projection = Projection::NORTH_KOREA;
    let mut paint = |paint: PaintFn| {
        (
            Paint(paint),
            MeshMaterial2d(materials.add(ColorMaterial::from_color(paint(colours)))),
        )
    };
    let scoped = MapPart;

    // The sea: one rectangle far larger than anything the view can show.
    commands.spawn((
        Name::new("Sea"),
        Mesh2d(meshes.add(Rectangle::new(20_000.0, 20_000.0))),
        paint(|c| c.sea),
        Transform::from_xyz(0.0, 0.0, -10.0),
        scoped,
    ));
    for area in &data.map.neighbours {
        commands.spawn((
            Name::new(area.name.clone()),
            Mesh2d(meshes.add(mesh(fill(&area.shape, projection)))),
            paint(|c| c.neighbour),
            Transform::from_xyz(0.0, 0.0, -6.0),
            scoped,
        ));
    }
    commands.spawn((
        Name::new("North Korea"),
        Mesh2d(meshes.add(mesh(fill(&data.map.country.0, projection)))),
        paint(|c| c.country),
        Transform::from_xyz(0.0, 0.0, -5.0),
        scoped,
    ));
    let lines: [(LineLayer, f64, PaintFn, f32); 3] = [
        (LineLayer::Provinces, 1.0, |c| c.province_line, -4.0),
        (LineLayer::Coast, 1.6, |c| c.coast, -3.0),
        (LineLayer::Borders, 2.2, |c| c.border, -2.0),
    ];
    for (layer, width_px, colour, z) in lines {
        commands.spawn((
            Name::new("Map lines"),
            // Built on the first frame, once the view's zoom is known.
            Mesh2d(meshes.add(mesh(Triangles::default()))),
            paint(colour),
            Stroke {
                layer,
                width_px,
                built_for_km_per_pixel: 0.0,
            },
            Transform::from_xyz(0.0, 0.0, z),
            scoped,
        ));
    }
}

/// The cities' markers, from the scene's own cities: spawned with the map, and again when a
/// scene brings other cities (a quiz whose dataset is not the game's).
pub(super) fn spawn_markers(
    mut commands: Commands,
    scene: Res<MapScene>,
    preferences: Res<Preferences>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
    markers: Query<Entity, With<CityMarker>>,
    mut built_for: Local<Option<Arc<MapCities>>>,
) {
    let current = built_for
        .as_ref()
        .is_some_and(|cities| Arc::ptr_eq(cities, &scene.cities));
    if current && !markers.is_empty() {
        return;
    }
    for marker in &markers {
        commands.entity(marker).despawn();
    }
    let colours = colours_for(&preferences);
    let mut paint = |paint: PaintFn| {
        (
            Paint(paint),
            MeshMaterial2d(materials.add(ColorMaterial::from_color(paint(colours)))),
        )
    };
    let cities = &scene.cities;
    let circle = meshes.add(Circle::new(1.0));
    let ring_material = paint(|c| c.marker_ring);
    let dot_material = paint(|c| c.marker);
    for city in &cities.dataset.cities {
        let [x, y] = cities.position(city.id);
        let marker = CityMarker {
            city: city.id,
            radius_px: cities.marker_radius(city.id),
        };
        // Smaller cities on top, so a big dot never hides a small neighbour's.
        let z = 1.0 + 1.0 - marker.radius_px / 20.0;
        commands.spawn((
            Name::new(format!("{} ring", city.name)),
            marker,
            MarkerRing,
            Mesh2d(circle.clone()),
            ring_material.clone(),
            Transform::from_xyz(x as f32, y as f32, z),
            MapPart,
        ));
        commands.spawn((
            Name::new(city.name.clone()),
            marker,
            Mesh2d(circle.clone()),
            dot_material.clone(),
            Transform::from_xyz(x as f32, y as f32, z + 0.01),
            MapPart,
        ));
    }
    *built_for = Some(cities.clone());
}

/// Lines keep their width in pixels: rebuild a layer once the zoom has changed by a quarter.
pub(super) fn restroke_on_zoom(
    scene: Res<MapScene>,
    data: Res<GameData>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut strokes: Query<(&mut Stroke, &Mesh2d)>,
) {
    let km_per_pixel = scene.view.km_per_pixel;
    for (mut stroke, handle) in &mut strokes {
        let ratio = km_per_pixel / stroke.built_for_km_per_pixel;
        if (0.8..1.25).contains(&ratio) {
            continue;
        }
        let triangles = line_triangles(&data, stroke.layer, stroke.width_px * km_per_pixel);
        // The handle stays; the asset behind it gets the new geometry.
        let _ = meshes.insert(handle.0.id(), mesh(triangles));
        stroke.built_for_km_per_pixel = km_per_pixel;
    }
}

pub(super) fn recolour_on_theme_change(
    preferences: Res<Preferences>,
    painted: Query<(&Paint, &MeshMaterial2d<ColorMaterial>)>,
    mut materials: ResMut<Assets<ColorMaterial>>,
) {
    if !preferences.is_changed() {
        return;
    }
    let colours = colours_for(&preferences);
    for (paint, material) in &painted {
        if let Some(mut material) = materials.get_mut(&material.0) {
            material.color = (paint.0)(colours);
        }
    }
}
