//! Where things are: latitude/longitude, distances on the globe, the map projection, and the
//! map's shapes (country, neighbours, coast, borders, provinces) read from GeoJSON.

use geo::{Contains, Distance, Euclidean, Haversine, LineString, MultiPolygon, Point};
use geojson::GeoJson;

/// A place on the globe in decimal degrees (WGS 84), north and east positive.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LatLon {
    pub lat: f64,
    pub lon: f64,
}

impl LatLon {
    pub fn point(self) -> Point<f64> {
        Point::new(self.lon, self.lat)
    }
}

/// Lat/lon must lie in this box: the area the map draws.
pub const MAP_BOUNDS: (LatLon, LatLon) = (
    LatLon {
        lat: 37.0,
        lon: 123.5,
    },
    LatLon {
        lat: 43.5,
        lon: 131.5,
    },
);

/// How far outside the country outline a city may lie: border towns sit on the river that is
/// the border, just outside the simplified outline.
pub const OUTLINE_SLACK_DEGREES: f64 = 0.02;

/// Great-circle distance in kilometres (haversine, the mean Earth radius).
pub fn distance_km(a: LatLon, b: LatLon) -> f64 {
    Haversine.distance(a.point(), b.point()) / 1000.0
}

/// Mean Earth radius in km, as geo's haversine uses.
const EARTH_RADIUS_KM: f64 = 6_371.008_8;

/// Mercator centred on the map and scaled to kilometres at the centre's latitude. Mercator is
/// conformal, so coastlines keep their true shape at every latitude the map shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projection {
    pub center: LatLon,
}

impl Projection {
    /// The projection of the North Korea map.
    pub const NORTH_KOREA: Projection = Projection {
        center: LatLon {
            lat: 40.2,
            lon: 127.3,
        },
    };

    fn scale(self) -> f64 {
        EARTH_RADIUS_KM * self.center.lat.to_radians().cos()
    }

    fn mercator_y(lat: f64) -> f64 {
        (std::f64::consts::FRAC_PI_4 + lat.to_radians() / 2.0)
            .tan()
            .ln()
    }

    /// Map coordinates in km: x east, y north, (0, 0) at the centre.
    pub fn project(self, at: LatLon) -> [f64; 2] {
        let x = (at.lon - self.center.lon).to_radians() * self.scale();
        let y = (Self::mercator_y(at.lat) - Self::mercator_y(self.center.lat)) * self.scale();
        [x, y]
    }

    /// The inverse of `project`.
    pub fn unproject(self, [x, y]: [f64; 2]) -> LatLon {
        let lon = self.center.lon + (x / self.scale()).to_degrees();
        let mercator = y / self.scale() + Self::mercator_y(self.center.lat);
        let lat = (2.0 * mercator.exp().atan() - std::f64::consts::FRAC_PI_2).to_degrees();
        LatLon { lat, lon }
    }
}

/// The country's outline, for "is this point in North Korea?".
#[derive(Clone, Debug, PartialEq)]
pub struct CountryShape(pub MultiPolygon<f64>);

impl CountryShape {
    /// 0 inside the outline, else the distance to it in degrees.
    pub fn degrees_outside(&self, at: LatLon) -> f64 {
        if self.0.contains(&at.point()) {
            0.0
        } else {
            Euclidean.distance(&self.0, &at.point())
        }
    }
}

/// A named area on the map: a neighbouring country or a province.
#[derive(Clone, Debug, PartialEq)]
pub struct Area {
    pub name: String,
    /// Korean name, where the map file gives one (provinces).
    pub name_ko: Option<String>,
    /// ISO code: numeric for countries, 3166-2 for provinces.
    pub code: String,
    pub shape: MultiPolygon<f64>,
}

/// Everything the map draws, in lon/lat.
#[derive(Clone, Debug, PartialEq)]
pub struct MapShapes {
    pub country: CountryShape,
    pub neighbours: Vec<Area>,
    pub provinces: Vec<Area>,
    pub coast: Vec<LineString<f64>>,
    pub borders: Vec<LineString<f64>>,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum MapError {
    #[error("{file}: not GeoJSON: {reason}")]
    NotGeoJson { file: String, reason: String },
    #[error("{file}: feature {index} ({name}): {reason}")]
    BadFeature {
        file: String,
        index: usize,
        name: String,
        reason: String,
    },
    #[error(
        "{file}: no feature has role \"country\"; mark the country's polygon with \"role\": \"country\""
    )]
    NoCountry { file: String },
}

pub const COUNTRY_ASSET: &str = "maps/north_korea.geojson";
pub const PROVINCES_ASSET: &str = "maps/provinces.geojson";
const BUILT_IN_COUNTRY: &str = include_str!("../assets/maps/north_korea.geojson");
const BUILT_IN_PROVINCES: &str = include_str!("../assets/maps/provinces.geojson");

impl MapShapes {
    /// The built-in map of North Korea and its neighbours.
    pub fn built_in() -> Result<MapShapes, MapError> {
        MapShapes::parse(
            (COUNTRY_ASSET, BUILT_IN_COUNTRY),
            (PROVINCES_ASSET, BUILT_IN_PROVINCES),
        )
    }

    /// Reads the country file (features with `role` = country | neighbour | coast | border) and
    /// the provinces file (features with `iso_3166_2`, `name_en`, `name_ko`).
    pub fn parse(country: (&str, &str), provinces: (&str, &str)) -> Result<MapShapes, MapError> {
        let mut shapes = MapShapes {
            country: CountryShape(MultiPolygon::new(Vec::new())),
            neighbours: Vec::new(),
            provinces: Vec::new(),
            coast: Vec::new(),
            borders: Vec::new(),
        };
        let mut found_country = false;
        for feature in features(country.0, country.1)? {
            let role = feature.text("role");
            match role.as_str() {
                "country" => {
                    shapes.country = CountryShape(feature.polygons()?);
                    found_country = true;
                }
                "neighbour" => shapes.neighbours.push(feature.area("name", "iso_n3")?),
                "coast" => shapes.coast.extend(feature.lines()?),
                "border" => shapes.borders.extend(feature.lines()?),
                _ => {
                    return Err(feature.error(format!(
                        "unknown role \"{role}\"; use country, neighbour, coast or border"
                    )));
                }
            }
        }
        if !found_country {
            return Err(MapError::NoCountry {
                file: country.0.to_string(),
            });
        }
        for feature in features(provinces.0, provinces.1)? {
            shapes
                .provinces
                .push(feature.area("name_en", "iso_3166_2")?);
        }
        Ok(shapes)
    }

    /// The province the point lies in, if any.
    pub fn province_at(&self, at: LatLon) -> Option<&Area> {
        self.provinces
            .iter()
            .find(|area| area.shape.contains(&at.point()))
    }

    /// The neighbouring country the point lies in, if any.
    pub fn neighbour_at(&self, at: LatLon) -> Option<&Area> {
        self.neighbours
            .iter()
            .find(|area| area.shape.contains(&at.point()))
    }
}

struct Feature<'a> {
    file: &'a str,
    index: usize,
    inner: geojson::Feature,
}

fn features<'a>(file: &'a str, text: &str) -> Result<Vec<Feature<'a>>, MapError> {
    let parsed: GeoJson = text
        .parse()
        .map_err(|err: geojson::Error| MapError::NotGeoJson {
            file: file.to_string(),
            reason: err.to_string(),
        })?;
    let GeoJson::FeatureCollection(collection) = parsed else {
        return Err(MapError::NotGeoJson {
            file: file.to_string(),
            reason: "expected a FeatureCollection".into(),
        });
    };
    Ok(collection
        .features
        .into_iter()
        .enumerate()
        .map(|(index, inner)| Feature { file, index, inner })
        .collect())
}

impl Feature<'_> {
    fn text(&self, key: &str) -> String {
        self.inner
            .property(key)
            .and_then(|value| value.as_str())
            .unwrap_or_default()
            .to_string()
    }

    fn error(&self, reason: String) -> MapError {
        MapError::BadFeature {
            file: self.file.to_string(),
            index: self.index,
            name: self.text("name"),
            reason,
        }
    }

    fn geometry(&self) -> Result<geo::Geometry<f64>, MapError> {
        let geometry = self
            .inner
            .geometry
            .as_ref()
            .ok_or_else(|| self.error("it has no geometry".into()))?;
        geo::Geometry::try_from(geometry).map_err(|err| self.error(err.to_string()))
    }

    fn polygons(&self) -> Result<MultiPolygon<f64>, MapError> {
        match self.geometry()? {
            geo::Geometry::Polygon(polygon) => Ok(MultiPolygon::new(vec![polygon])),
            geo::Geometry::MultiPolygon(polygons) => Ok(polygons),
            _ => Err(self.error("expected a Polygon or MultiPolygon".into())),
        }
    }

    fn lines(&self) -> Result<Vec<LineString<f64>>, MapError> {
        match self.geometry()? {
            geo::Geometry::LineString(line) => Ok(vec![line]),
            geo::Geometry::MultiLineString(lines) => Ok(lines.0),
            _ => Err(self.error("expected a LineString or MultiLineString".into())),
        }
    }

    fn area(&self, name_key: &str, code_key: &str) -> Result<Area, MapError> {
        let name_ko = self.text("name_ko");
        Ok(Area {
            name: self.text(name_key),
            name_ko: (!name_ko.is_empty()).then_some(name_ko),
            code: self.text(code_key),
            shape: self.polygons()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PYONGYANG: LatLon = LatLon {
        lat: 39.03385,
        lon: 125.75432,
    };
    const KAESONG: LatLon = LatLon {
        lat: 37.97083,
        lon: 126.55444,
    };

    #[test]
    fn pyongyang_to_kaesong_is_about_140_km() {
        let km = distance_km(PYONGYANG, KAESONG);
        assert!((130.0..150.0).contains(&km), "{km}");
        assert_eq!(distance_km(PYONGYANG, PYONGYANG), 0.0);
    }

    #[test]
    fn projection_round_trips_exactly_across_the_map() {
        let projection = Projection::NORTH_KOREA;
        for lat in [37.0, 38.5, 40.2, 41.7, 43.5] {
            for lon in [123.5, 125.0, 127.3, 129.9, 131.5] {
                let at = LatLon { lat, lon };
                let back = projection.unproject(projection.project(at));
                assert!(
                    (back.lat - lat).abs() < 1e-9 && (back.lon - lon).abs() < 1e-9,
                    "{at:?} -> {back:?}"
                );
            }
        }
        assert_eq!(projection.project(projection.center), [0.0, 0.0]);
    }

    #[test]
    fn projected_distances_are_close_to_true_ones_near_the_centre() {
        // Mercator scaled at the centre: a 100 km stretch there measures about 100 map units.
        let projection = Projection::NORTH_KOREA;
        let a = LatLon {
            lat: 40.2,
            lon: 127.0,
        };
        let b = LatLon {
            lat: 40.2,
            lon: 128.0,
        };
        let [ax, ay] = projection.project(a);
        let [bx, by] = projection.project(b);
        let on_map = ((bx - ax).powi(2) + (by - ay).powi(2)).sqrt();
        let true_km = distance_km(a, b);
        assert!(
            (on_map / true_km - 1.0).abs() < 0.001,
            "{on_map} vs {true_km}"
        );
    }

    #[test]
    fn built_in_map_has_the_country_its_neighbours_and_eleven_provinces() {
        let map = MapShapes::built_in().unwrap();
        let names: Vec<_> = map.neighbours.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["China", "South Korea", "Russia"]);
        assert_eq!(map.provinces.len(), 11);
        assert!(!map.coast.is_empty() && !map.borders.is_empty());
        assert_eq!(map.country.degrees_outside(PYONGYANG), 0.0);
        assert_eq!(
            map.province_at(PYONGYANG).map(|a| a.code.as_str()),
            Some("KP-01")
        );
        let seoul = LatLon {
            lat: 37.5665,
            lon: 126.978,
        };
        assert!(map.country.degrees_outside(seoul) > 0.2);
        assert_eq!(
            map.neighbour_at(seoul).map(|a| a.name.as_str()),
            Some("South Korea")
        );
    }

    #[test]
    fn a_map_without_a_country_says_how_to_mark_it() {
        let empty = r#"{"type":"FeatureCollection","features":[]}"#;
        let err = MapShapes::parse(("a.geojson", empty), ("b.geojson", empty)).unwrap_err();
        assert!(err.to_string().contains("\"role\": \"country\""), "{err}");
        let err = MapShapes::parse(("a.geojson", "{"), ("b.geojson", empty)).unwrap_err();
        assert!(
            err.to_string().starts_with("a.geojson: not GeoJSON"),
            "{err}"
        );
    }
}
