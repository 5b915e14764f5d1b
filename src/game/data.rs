//! The city dataset and the map, loaded once while the loading screen shows, then shared by
//! every screen. A dataset with problems stops the game on a screen that lists them all.

use std::sync::Arc;

use bevy::prelude::*;
use geo::BoundingRect;

use super::map::cities::MapCities;
use super::options::GameOptions;
use crate::dataset::{CityId, CityKey, Dataset};
use crate::geography::{LatLon, MapShapes, Projection};
use crate::plan::{Plan, Shelf, built_in_plans};

#[derive(Resource, Clone)]
pub struct GameData {
    pub dataset: Arc<Dataset>,
    pub map: Arc<MapShapes>,
    /// The dataset's cities as the map draws them.
    pub cities: Arc<MapCities>,
    /// Every built-in plan (modes and levels of levels/), in file-name order.
    pub plans: Arc<Vec<Arc<Plan>>>,
}

impl GameData {
    pub fn load(options: &GameOptions) -> Result<GameData, String> {
        let map = MapShapes::built_in().map_err(|err| err.to_string())?;
        let dataset = Dataset::load(options.dataset.as_deref(), Some(&map.country))?;
        let plans = built_in_plans(&dataset)
            .map_err(|problems| problems.to_string())?
            .into_iter()
            .map(Arc::new)
            .collect();
        let dataset = Arc::new(dataset);
        Ok(GameData {
            plans: Arc::new(plans),
            cities: Arc::new(MapCities::new(dataset.clone())),
            dataset,
            map: Arc::new(map),
        })
    }

    /// The plan with this id.
    pub fn plan(&self, id: &str) -> Option<Arc<Plan>> {
        self.plans.iter().find(|plan| plan.id == id).cloned()
    }

    /// The plans on one shelf (the levels, the title's modes), in file-name order.
    pub fn shelf(&self, shelf: Shelf) -> impl Iterator<Item = &Arc<Plan>> {
        self.plans.iter().filter(move |plan| plan.shelf == shelf)
    }

    pub fn position(&self, city: CityId) -> [f64; 2] {
        self.cities.position(city)
    }

    /// The handles of the cities these keys name (keys this dataset lacks are left out).
    pub fn city_ids(&self, keys: &[CityKey]) -> Vec<CityId> {
        self.cities.city_ids(keys)
    }

    /// The country's extent in projected km: what a whole-country view shows.
    pub fn country_bounds(&self) -> ([f64; 2], [f64; 2]) {
        let (low, high) = match self.map.country.0.bounding_rect() {
            Some(rect) => (
                LatLon {
                    lat: rect.min().y,
                    lon: rect.min().x,
                },
                LatLon {
                    lat: rect.max().y,
                    lon: rect.max().x,
                },
            ),
            None => crate::geography::MAP_BOUNDS,
        };
        let projection = Projection::NORTH_KOREA;
        (projection.project(low), projection.project(high))
    }

    /// The radius of the city's dot on the map, in pixels.
    pub fn marker_radius(&self, city: CityId) -> f32 {
        self.cities.marker_radius(city)
    }
}

/// Why the data could not be loaded: every problem, one per line.
#[derive(Resource, Clone, Debug, PartialEq, Eq)]
pub struct LoadFailure(pub String);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, load_game_data);
}

fn load_game_data(mut commands: Commands, options: Res<GameOptions>) {
    match GameData::load(&options) {
        Ok(data) => commands.insert_resource(data),
        Err(problems) => {
            error!("the city data could not be loaded:\n{problems}");
            commands.insert_resource(LoadFailure(problems));
        }
    }
}
