//! The map's colours in each theme.

use bevy::prelude::*;

use crate::game::preferences::Preferences;
use crate::settings::Theme;

/// The map's colours in one theme.
pub struct MapColours {
    pub sea: Color,
    pub neighbour: Color,
    pub country: Color,
    pub province_line: Color,
    pub coast: Color,
    pub border: Color,
    pub marker: Color,
    pub marker_ring: Color,
}

pub const LIGHT_MAP: MapColours = MapColours {
    sea: Color::srgb(0.70, 0.82, 0.89),
    neighbour: Color::srgb(0.86, 0.85, 0.81),
    country: Color::srgb(0.97, 0.95, 0.88),
    province_line: Color::srgb(0.70, 0.66, 0.57),
    coast: Color::srgb(0.34, 0.47, 0.56),
    border: Color::srgb(0.55, 0.33, 0.25),
    marker: Color::srgb(0.75, 0.20, 0.16),
    marker_ring: Color::srgb(1.0, 1.0, 1.0),
};

pub const DARK_MAP: MapColours = MapColours {
    sea: Color::srgb(0.07, 0.13, 0.19),
    neighbour: Color::srgb(0.16, 0.18, 0.21),
    country: Color::srgb(0.25, 0.27, 0.30),
    province_line: Color::srgb(0.42, 0.45, 0.50),
    coast: Color::srgb(0.47, 0.63, 0.75),
    border: Color::srgb(0.80, 0.52, 0.38),
    marker: Color::srgb(0.96, 0.45, 0.36),
    marker_ring: Color::srgb(0.10, 0.11, 0.13),
};

/// The map's colours in the current theme.
pub fn colours_for(preferences: &Preferences) -> &'static MapColours {
    match preferences.theme() {
        Theme::Light => &LIGHT_MAP,
        Theme::Dark => &DARK_MAP,
    }
}
