//! The cities a map shows: a dataset with each city's place on the projected map and the size
//! of its marker. The game's own dataset has one; a quiz whose dataset is another (a set that
//! brings its own towns) makes its own, and its scenes draw those.

use std::sync::Arc;

use crate::dataset::{City, CityId, CityKey, Dataset, PopulationKind};
use crate::geography::Projection;

#[derive(Debug)]
pub struct MapCities {
    pub dataset: Arc<Dataset>,
    /// Each city's place on the projected map (km), indexed by `CityId`.
    positions: Vec<[f64; 2]>,
    /// Each city's marker radius in pixels, indexed by `CityId`.
    radii: Vec<f32>,
}

impl MapCities {
    pub fn new(dataset: Arc<Dataset>) -> MapCities {
        let positions = dataset
            .cities
            .iter()
            .map(|city| Projection::NORTH_KOREA.project(city.location))
            .collect();
        let populations: Vec<u32> = dataset.cities.iter().map(marker_population).collect();
        let largest = populations.iter().copied().max().unwrap_or(1);
        let radii = populations
            .iter()
            .map(|&population| marker_radius(population, largest))
            .collect();
        MapCities {
            dataset,
            positions,
            radii,
        }
    }

    pub fn position(&self, city: CityId) -> [f64; 2] {
        self.positions[usize::from(city.0)]
    }

    /// The radius of the city's dot on the map, in pixels.
    pub fn marker_radius(&self, city: CityId) -> f32 {
        self.radii[usize::from(city.0)]
    }

    /// The handles of the cities these keys name (keys this dataset lacks are left out).
    pub fn city_ids(&self, keys: &[CityKey]) -> Vec<CityId> {
        keys.iter()
            .filter_map(|key| self.dataset.city_by_key(key))
            .map(|city| city.id)
            .collect()
    }
}

/// The same cities when made from the same dataset (one `Arc`): a scene compares its cities
/// every frame, and a whole dataset is too much to compare that often.
impl PartialEq for MapCities {
    fn eq(&self, other: &MapCities) -> bool {
        Arc::ptr_eq(&self.dataset, &other.dataset)
    }
}

/// Marker radius in pixels: the dot's area grows with the population.
fn marker_radius(population: u32, largest: u32) -> f32 {
    3.5 + 8.5 * (population as f32 / largest.max(1) as f32).sqrt()
}

/// The population a city's marker is sized by: its census total, else its largest figure.
pub fn marker_population(city: &City) -> u32 {
    city.figure(PopulationKind::Total)
        .map(|p| p.amount.low())
        .or_else(|| city.population.iter().map(|p| p.amount.low()).max())
        .unwrap_or(0)
}
