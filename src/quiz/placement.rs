//! What the map-placement kinds share: which cities a difficulty asks about, how a click's
//! distance becomes points, the direction of a miss in words, the city a click was nearest to,
//! and the keyboard crosshair that stands in for the mouse.
//!
//! # Points for a click (`place_accuracy`)
//! With `d` the great-circle distance (haversine) from the click to the city:
//! accuracy = 1 within `FULL_MARKS_KM` (5 km); beyond it `exp(−(d − 5) / 150)`, multiplied by a
//! fade that runs linearly from 1 at `FADE_FROM_KM` (300 km) to 0 at `NOTHING_FROM_KM` (400 km).
//! A question's points are 1000 × accuracy (less for time, see `scoring`). So a click 100 km off
//! keeps 53 %, half is lost at 109 km, 300 km keeps 14 % and from 400 km nothing is left.
//!
//! Why these are fair for a country about 600 km across (Sinuiju to Rason is 650 km): a city
//! marker is a few km wide at the whole-country view, so 5 km is "on it"; neighbouring cities
//! lie 30–100 km apart, so confusing a city with its neighbour still keeps about half; 400 km
//! is the other end of the country, where a click shows no knowledge at all. A click counts as
//! *right* (streak, review round) within `RIGHT_WITHIN_KM` (50 km, 74 % of the points): inside
//! the city's own part of its province.

use geo::{Bearing, Haversine};
use serde::{Deserialize, Serialize};

use crate::dataset::{City, CityId, CityKey, Dataset, PopulationKind};
use crate::geography::{LatLon, Projection, distance_km};

/// A click this close scores full marks.
pub const FULL_MARKS_KM: f64 = 5.0;
/// Beyond full marks, accuracy falls by a factor e every this many km.
pub const DECAY_KM: f64 = 150.0;
/// From here accuracy fades linearly…
pub const FADE_FROM_KM: f64 = 300.0;
/// …to nothing here.
pub const NOTHING_FROM_KM: f64 = 400.0;
/// A click this close counts as right.
pub const RIGHT_WITHIN_KM: f64 = 50.0;
/// A click nearer than this to another city "hit" that city instead.
pub const HIT_WITHIN_KM: f64 = 40.0;

/// The share of a question's points a click `km` from the city earns. Never rises with `km`.
pub fn place_accuracy(km: f64) -> f64 {
    if !km.is_finite() || km < 0.0 {
        return 0.0;
    }
    if km <= FULL_MARKS_KM {
        return 1.0;
    }
    let decay = (-(km - FULL_MARKS_KM) / DECAY_KM).exp();
    let fade = ((NOTHING_FROM_KM - km) / (NOTHING_FROM_KM - FADE_FROM_KM)).clamp(0.0, 1.0);
    decay * fade
}

/// How many cities each difficulty asks about and shows, and whether province names show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Difficulty {
    /// The 12 largest cities; province names on the map.
    Easy,
    /// The 20 largest; province names on the map.
    #[default]
    Normal,
    /// Every city in the dataset; no province names.
    Hard,
}

impl Difficulty {
    pub const ALL: [Difficulty; 3] = [Difficulty::Easy, Difficulty::Normal, Difficulty::Hard];

    pub fn label(self) -> &'static str {
        match self {
            Difficulty::Easy => "Easy (12 largest cities)",
            Difficulty::Normal => "Normal (20 largest cities)",
            Difficulty::Hard => "Hard (every city, no province names)",
        }
    }

    /// How many of the largest cities this difficulty uses (`None`: all of them).
    pub fn city_count(self) -> Option<usize> {
        match self {
            Difficulty::Easy => Some(12),
            Difficulty::Normal => Some(20),
            Difficulty::Hard => None,
        }
    }

    pub fn shows_province_names(self) -> bool {
        self != Difficulty::Hard
    }

    pub fn next(self) -> Self {
        match self {
            Difficulty::Easy => Difficulty::Normal,
            Difficulty::Normal => Difficulty::Hard,
            Difficulty::Hard => Difficulty::Easy,
        }
    }

    pub fn previous(self) -> Self {
        self.next().next()
    }
}

/// The cities a difficulty asks about and shows as markers, largest (census total) first; a
/// city without a census total comes after those with one.
pub fn city_pool(dataset: &Dataset, difficulty: Difficulty) -> Vec<CityId> {
    let mut cities: Vec<&City> = dataset.cities.iter().collect();
    let total = |city: &City| {
        city.figure(PopulationKind::Total)
            .map_or(0, |figure| figure.amount.high())
    };
    cities.sort_by_key(|city| std::cmp::Reverse(total(city)));
    let count = difficulty.city_count().unwrap_or(cities.len());
    cities.iter().take(count).map(|city| city.id).collect()
}

/// One of the eight compass directions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Compass {
    North,
    NorthEast,
    East,
    SouthEast,
    South,
    SouthWest,
    West,
    NorthWest,
}

impl Compass {
    /// The direction of a bearing in degrees (0 north, 90 east).
    pub fn from_bearing(degrees: f64) -> Self {
        const ALL: [Compass; 8] = [
            Compass::North,
            Compass::NorthEast,
            Compass::East,
            Compass::SouthEast,
            Compass::South,
            Compass::SouthWest,
            Compass::West,
            Compass::NorthWest,
        ];
        let sector = ((degrees.rem_euclid(360.0) + 22.5) / 45.0).floor() as usize % 8;
        ALL[sector]
    }

    /// From `from` to `to` on the globe.
    pub fn between(from: LatLon, to: LatLon) -> Self {
        Self::from_bearing(Haversine.bearing(from.point(), to.point()))
    }

    pub fn word(self) -> &'static str {
        match self {
            Compass::North => "north",
            Compass::NorthEast => "north-east",
            Compass::East => "east",
            Compass::SouthEast => "south-east",
            Compass::South => "south",
            Compass::SouthWest => "south-west",
            Compass::West => "west",
            Compass::NorthWest => "north-west",
        }
    }
}

/// "82 km too far north-west", or "right on it" within full marks.
pub fn miss_in_words(km: f64, direction: Compass) -> String {
    if km <= FULL_MARKS_KM {
        "right on it".into()
    } else {
        format!("{:.0} km too far {}", km, direction.word())
    }
}

/// The city nearest to `at` other than `except`, when it lies within `HIT_WITHIN_KM` and nearer
/// than `except`: the city the player put where `except` should be.
pub fn city_hit_instead(dataset: &Dataset, at: LatLon, except: &CityKey) -> Option<CityKey> {
    let to_target = dataset
        .city_by_key(except)
        .map_or(f64::INFINITY, |city| distance_km(at, city.location));
    dataset
        .cities
        .iter()
        .filter(|city| city.slug != except.0)
        .map(|city| (distance_km(at, city.location), city))
        .filter(|(km, _)| *km <= HIT_WITHIN_KM && *km < to_target)
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, city)| dataset.key(city.id))
}

/// The keyboard's stand-in for the mouse on a map question: arrow keys move it, Enter clicks
/// where it is. It appears at the middle of the country on the first move.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Crosshair {
    pub at: Option<LatLon>,
}

impl Crosshair {
    /// Moves by this many km east and north (negative: west, south), staying on the map.
    pub fn nudge(&mut self, [east_km, north_km]: [f64; 2]) {
        let projection = Projection::NORTH_KOREA;
        let start = self.at.unwrap_or(projection.center);
        let [x, y] = projection.project(start);
        let moved = projection.unproject([x + east_km, y + north_km]);
        let (low, high) = crate::geography::MAP_BOUNDS;
        self.at = Some(LatLon {
            lat: moved.lat.clamp(low.lat, high.lat),
            lon: moved.lon.clamp(low.lon, high.lon),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::test_dataset;
    use geo::Destination;
    use proptest::prelude::*;

    #[test]
    fn the_documented_figures_hold() {
        assert_eq!(place_accuracy(0.0), 1.0);
        assert_eq!(place_accuracy(5.0), 1.0);
        assert_eq!((place_accuracy(100.0) * 1000.0).round(), 531.0);
        assert!((place_accuracy(5.0 + DECAY_KM * 2f64.ln()) - 0.5).abs() < 1e-9);
        assert_eq!((place_accuracy(300.0) * 100.0).round(), 14.0);
        assert_eq!(place_accuracy(400.0), 0.0);
        assert_eq!(place_accuracy(900.0), 0.0);
        assert_eq!(place_accuracy(f64::NAN), 0.0);
        assert!(place_accuracy(RIGHT_WITHIN_KM) > 0.7);
    }

    #[test]
    fn directions_read_the_compass() {
        let hamhung = LatLon {
            lat: 39.91833,
            lon: 127.53639,
        };
        let east = Haversine.destination(hamhung.point(), 90.0, 100_000.0);
        let east = LatLon {
            lat: east.y(),
            lon: east.x(),
        };
        assert_eq!(Compass::between(hamhung, east), Compass::East);
        assert_eq!(Compass::from_bearing(315.0), Compass::NorthWest);
        assert_eq!(Compass::from_bearing(-10.0), Compass::North);
        assert_eq!(Compass::from_bearing(200.0), Compass::South);
        assert_eq!(
            miss_in_words(82.4, Compass::NorthWest),
            "82 km too far north-west"
        );
        assert_eq!(miss_in_words(3.0, Compass::East), "right on it");
    }

    #[test]
    fn difficulties_take_the_largest_cities() {
        let d = test_dataset();
        let easy = city_pool(&d, Difficulty::Easy);
        assert_eq!(easy.len(), 12);
        assert_eq!(d.city(easy[0]).slug, "pyongyang");
        assert_eq!(city_pool(&d, Difficulty::Normal).len(), 20);
        assert_eq!(city_pool(&d, Difficulty::Hard).len(), d.cities.len());
        assert!(
            easy.iter()
                .all(|id| city_pool(&d, Difficulty::Normal).contains(id))
        );
    }

    #[test]
    fn a_click_on_hungnam_side_names_the_city_hit() {
        let d = test_dataset();
        let sinpo = d.city_by_slug("sinpo").unwrap().location;
        let hit = city_hit_instead(&d, sinpo, &CityKey::new("hamhung"));
        assert_eq!(hit, Some(CityKey::new("sinpo")));
        let hamhung = d.city_by_slug("hamhung").unwrap().location;
        assert_eq!(
            city_hit_instead(&d, hamhung, &CityKey::new("hamhung")),
            None
        );
    }

    #[test]
    fn the_crosshair_starts_in_the_middle_and_stays_on_the_map() {
        let mut crosshair = Crosshair::default();
        crosshair.nudge([0.0, 0.0]);
        let start = crosshair.at.unwrap();
        assert!(distance_km(start, Projection::NORTH_KOREA.center) < 1e-6);
        crosshair.nudge([100.0, 0.0]);
        let moved = crosshair.at.unwrap();
        assert!((distance_km(Projection::NORTH_KOREA.center, moved) - 100.0).abs() < 1.0);
        for _ in 0..100 {
            crosshair.nudge([0.0, 500.0]);
        }
        assert_eq!(
            crosshair.at.unwrap().lat,
            crate::geography::MAP_BOUNDS.1.lat
        );
    }

    proptest! {
        #[test]
        fn points_never_rise_as_the_distance_grows(a in 0.0..2000.0f64, b in 0.0..2000.0f64) {
            let (near, far) = if a <= b { (a, b) } else { (b, a) };
            prop_assert!(place_accuracy(far) <= place_accuracy(near));
            prop_assert!((0.0..=1.0).contains(&place_accuracy(near)));
        }
    }
}
