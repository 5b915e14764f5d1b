//! What the Explore screen shows and what the player can ask of it.

use bevy::prelude::*;

use crate::dataset::CityId;
use crate::game::preferences::Preferences;
use crate::map_view::MapView;

/// What is under the pointer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hover {
    City(CityId),
    /// Index into `MapShapes::provinces`.
    Province(usize),
    /// Index into `MapShapes::neighbours`.
    Neighbour(usize),
}

#[derive(Resource, Clone, Debug, PartialEq)]
pub struct Explore {
    pub view: MapView,
    /// The view `Reset` returns to.
    pub home: MapView,
    pub selected: Option<CityId>,
    pub hovered: Option<Hover>,
    pub show_hangul: bool,
    pub search: String,
}

impl Explore {
    /// The cities that stand out on the map: the selected one and the one under the pointer.
    pub fn emphasis(&self) -> Vec<CityId> {
        let hovered = match self.hovered {
            Some(Hover::City(city)) => Some(city),
            _ => None,
        };
        self.selected.into_iter().chain(hovered).collect()
    }
}

/// What the player asked of the Explore screen (keys, clicks and the panel all send these).
#[derive(Message, Clone, Copy, Debug, PartialEq)]
pub enum ExploreAction {
    Select(Option<CityId>),
    /// Zoom by a factor (> 1 zooms in) around a screen point.
    Zoom {
        at: [f64; 2],
        factor: f64,
    },
    /// Move the content by this many pixels.
    Pan([f64; 2]),
    Reset,
    ToggleHangul,
}

/// The viewport headless tests and the first frame assume before the window reports its size.
pub const DEFAULT_VIEWPORT: [f64; 2] = [1280.0, 720.0];
/// Width of the side panel with the search box and the city card, in interface points.
pub const CARD_PANEL_WIDTH: f32 = 380.0;

/// The pixels the side panel covers at this window size and interface size.
pub fn panel_inset(preferences: &Preferences, viewport: [f64; 2]) -> f64 {
    let zoom = preferences
        .settings
        .ui_scale
        .factor(viewport[0] as f32, viewport[1] as f32);
    f64::from(CARD_PANEL_WIDTH * zoom)
}
