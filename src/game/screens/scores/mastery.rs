//! The mastery map: the shared map with every city marked by how well the current player knows
//! it (colour *and* shape), beside the weakest cities and the pairs most often confused, each
//! a button that starts a drill of exactly those cities. The panel and the marks are
//! `mastery_panel`.

use bevy::prelude::*;

use super::data::{ScoresData, read_scores, show_page_of};
use crate::dataset::CityKey;
use crate::game::data::GameData;
use crate::game::map::MapScene;
use crate::game::screen::Screen;
use crate::map_view::MapView;
use crate::progress::{CityMastery, Mastery};

/// How many of the weakest cities are listed (and drilled together).
pub const WEAKEST: usize = 5;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        OnEnter(Screen::Mastery),
        (read_scores, show_mastery_page, show_mastery_map).chain(),
    )
    .add_systems(OnExit(Screen::Mastery), |mut commands: Commands| {
        commands.remove_resource::<MapScene>();
    });
}

/// The cities to work on first: weak before learning, the fewest right lately first, then the
/// most asked. Cities never asked are not listed (the map shows them hollow).
pub fn weakest_cities(mastery: &[CityMastery], count: usize) -> Vec<CityKey> {
    let mut candidates: Vec<&CityMastery> = mastery
        .iter()
        .filter(|city| matches!(city.level, Mastery::Weak | Mastery::Learning))
        .collect();
    candidates.sort_by(|a, b| {
        a.level
            .cmp(&b.level)
            .then(a.recent.total_cmp(&b.recent))
            .then(b.answered.cmp(&a.answered))
            .then(a.city.cmp(&b.city))
    });
    candidates
        .into_iter()
        .take(count)
        .map(|city| city.city.clone())
        .collect()
}

fn show_mastery_page(mut commands: Commands, data: Res<ScoresData>) {
    show_page_of(&mut commands, Screen::Mastery, &data);
}

/// The map beside the panel, with no markers of its own: the marks are drawn over it.
fn show_mastery_map(mut commands: Commands, data: Option<Res<GameData>>) {
    let Some(data) = data else {
        return;
    };
    commands.insert_resource(MapScene {
        cities: data.cities.clone(),
        view: MapView::fit_in_rect(data.country_bounds(), [1280.0, 720.0], MASTERY_MAP_RECT),
        emphasis: Vec::new(),
        interactive: false,
        markers: Some(Vec::new()),
    });
}

/// Where the map goes in a 1280×720 window until the panel has laid itself out.
pub const MASTERY_MAP_RECT: [f64; 4] = [420.0, 0.0, 1280.0, 720.0];
