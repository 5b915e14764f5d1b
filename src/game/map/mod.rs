//! One map for every screen: sea, neighbours, the country, province boundaries, coast, borders
//! and city markers as meshes under the 2D camera. A screen shows the map by inserting a
//! `MapScene` (which part is on screen, which cities stand out) and hides it by removing it; its
//! own overlays and rules stay with the screen (Explore's hover and card, a quiz's feedback).
//! Pan, zoom and picking are plain numbers in the core's `map_view`; what screens draw over the
//! map (labels, rings, crosses, outlines) is in `labels` and `overlay`.

mod camera;
pub mod cities;
mod colours;
pub mod labels;
mod meshes;
pub mod overlay;
pub mod pointer;
mod scene;
pub mod view;

use bevy::prelude::*;

pub use cities::MapCities;
pub use scene::MapScene;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        PostUpdate,
        (
            meshes::spawn_map.run_if(resource_added::<MapScene>),
            meshes::spawn_markers.run_if(resource_exists::<MapScene>),
            (
                camera::sync_camera,
                camera::size_markers,
                meshes::restroke_on_zoom,
                meshes::recolour_on_theme_change,
            )
                .run_if(resource_exists::<MapScene>),
            camera::clear_map.run_if(resource_removed::<MapScene>),
        )
            .chain(),
    );
}
