//! Turning the map's shapes into triangles the renderer can draw: filled areas by earcut
//! (country and province outlines are far from convex), lines as thin quads.

use geo::{LineString, MultiPolygon, TriangulateEarcut};

use crate::geography::{LatLon, Projection};

/// Vertices (projected map km) and triangle indices.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Triangles {
    pub positions: Vec<[f32; 2]>,
    pub indices: Vec<u32>,
}

impl Triangles {
    fn push_vertex(&mut self, at: [f64; 2]) -> u32 {
        self.positions.push([at[0] as f32, at[1] as f32]);
        (self.positions.len() - 1) as u32
    }

    pub fn triangle_count(&self) -> usize {
        self.indices.len() / 3
    }

    /// Total area of the triangles, in km² (for tests: a fill must cover its shape).
    pub fn area(&self) -> f64 {
        self.indices
            .chunks_exact(3)
            .map(|t| {
                let [a, b, c] = [0, 1, 2].map(|i| self.positions[t[i] as usize]);
                let cross = (b[0] - a[0]) as f64 * (c[1] - a[1]) as f64
                    - (c[0] - a[0]) as f64 * (b[1] - a[1]) as f64;
                cross.abs() / 2.0
            })
            .sum()
    }
}

fn project(projection: Projection, lon: f64, lat: f64) -> [f64; 2] {
    projection.project(LatLon { lat, lon })
}

/// Fills every polygon of the shape (holes stay open).
pub fn fill(shape: &MultiPolygon<f64>, projection: Projection) -> Triangles {
    let mut out = Triangles::default();
    for polygon in shape {
        let raw = polygon.earcut_triangles_raw();
        let first = out.positions.len() as u32;
        for [lon, lat] in raw.vertices {
            out.push_vertex(project(projection, lon, lat));
        }
        out.indices
            .extend(raw.triangle_indices.iter().map(|&i| first + i as u32));
    }
    out
}

/// Every ring of the shape as a line (for drawing province boundaries).
pub fn rings(shape: &MultiPolygon<f64>) -> Vec<LineString<f64>> {
    shape
        .iter()
        .flat_map(|polygon| std::iter::once(polygon.exterior()).chain(polygon.interiors()))
        .cloned()
        .collect()
}

/// Lines as quads `width_km` wide, one per segment; at the widths a map uses, the joins need
/// no filling.
pub fn stroke(lines: &[LineString<f64>], projection: Projection, width_km: f64) -> Triangles {
    let mut out = Triangles::default();
    let half = width_km / 2.0;
    for line in lines {
        let points: Vec<[f64; 2]> = line
            .coords()
            .map(|c| project(projection, c.x, c.y))
            .collect();
        for pair in points.windows(2) {
            let [a, b] = [pair[0], pair[1]];
            let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
            let length = (dx * dx + dy * dy).sqrt();
            if length == 0.0 {
                continue;
            }
            // Half a width along the normal, and half a width of overhang along the line so
            // consecutive segments overlap at their joins.
            let (nx, ny) = (-dy / length * half, dx / length * half);
            let (ex, ey) = (dx / length * half, dy / length * half);
            let corners = [
                [a[0] - ex + nx, a[1] - ey + ny],
                [a[0] - ex - nx, a[1] - ey - ny],
                [b[0] + ex - nx, b[1] + ey - ny],
                [b[0] + ex + nx, b[1] + ey + ny],
            ];
            let first = out.push_vertex(corners[0]);
            for corner in &corners[1..] {
                out.push_vertex(*corner);
            }
            out.indices
                .extend([first, first + 1, first + 2, first, first + 2, first + 3]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geography::MapShapes;
    use geo::{Area, MultiPolygon, polygon};

    #[test]
    fn a_concave_shape_is_filled_exactly() {
        // An L shape: a convex-only mesher would cover its notch.
        let shape = MultiPolygon::new(vec![polygon![
            (x: 127.0, y: 40.0), (x: 127.2, y: 40.0), (x: 127.2, y: 40.1),
            (x: 127.1, y: 40.1), (x: 127.1, y: 40.2), (x: 127.0, y: 40.2),
        ]]);
        let triangles = fill(&shape, Projection::NORTH_KOREA);
        assert_eq!(triangles.triangle_count(), 4);
        // Three equal squares of the six the bounding box would give... in projected km.
        let square = fill(
            &MultiPolygon::new(vec![polygon![
                (x: 127.0, y: 40.0), (x: 127.1, y: 40.0), (x: 127.1, y: 40.1), (x: 127.0, y: 40.1),
            ]]),
            Projection::NORTH_KOREA,
        );
        let ratio = triangles.area() / square.area();
        assert!((ratio - 3.0).abs() < 0.01, "{ratio}");
    }

    #[test]
    fn the_country_fill_covers_its_outline() {
        let map = MapShapes::built_in().unwrap();
        let triangles = fill(&map.country.0, Projection::NORTH_KOREA);
        // North Korea is about 120,500 km²; Mercator scaled at 40.2° N stays within a few %.
        let km2 = triangles.area();
        assert!((110_000.0..135_000.0).contains(&km2), "{km2}");
        assert!(map.country.0.unsigned_area() > 0.0);
    }

    #[test]
    fn strokes_are_as_wide_as_asked() {
        let line = LineString::from(vec![(127.0, 40.2), (128.0, 40.2)]);
        let triangles = stroke(&[line], Projection::NORTH_KOREA, 2.0);
        assert_eq!(triangles.triangle_count(), 2);
        let ys: Vec<f32> = triangles.positions.iter().map(|p| p[1]).collect();
        let spread = ys.iter().cloned().fold(f32::MIN, f32::max)
            - ys.iter().cloned().fold(f32::MAX, f32::min);
        assert!((spread - 2.0).abs() < 1e-3, "{spread}");
    }
}
