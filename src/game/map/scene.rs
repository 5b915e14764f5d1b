//! What a screen asks the map to show (`MapScene`), and the components of what is drawn.

use std::sync::Arc;

use bevy::prelude::*;

use super::cities::MapCities;
use crate::dataset::CityId;
use crate::map_view::MapView;

/// The map as a screen wants it shown now. The camera mirrors `view` exactly.
#[derive(Resource, Clone, Debug, PartialEq)]
pub struct MapScene {
    /// The cities it draws: the game's, or a quiz's own. Every `CityId` below is one of theirs.
    pub cities: Arc<MapCities>,
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
