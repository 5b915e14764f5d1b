//! The map as the player sees it: which part is on screen (pan and zoom), converting between
//! screen pixels and map kilometres, picking the city under the cursor, and choosing which labels
//! fit without overlapping. Plain Rust: the Bevy camera mirrors `MapView` exactly.

/// A point on the projected map, in km (x east, y north).
pub type MapPoint = [f64; 2];
/// A point on screen, in logical pixels from the top-left corner (y down).
pub type ScreenPoint = [f64; 2];

/// How far the player may zoom.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ZoomLimits {
    /// Most zoomed in.
    pub min_km_per_pixel: f64,
    /// Most zoomed out.
    pub max_km_per_pixel: f64,
}

/// The visible part of the map.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapView {
    /// The map point at the centre of the viewport.
    pub center: MapPoint,
    pub km_per_pixel: f64,
    /// Viewport size in logical pixels.
    pub viewport: [f64; 2],
    /// Pixels on the right covered by a panel: the view centres and fits in the rest.
    pub inset_right: f64,
    /// The map's extent: the centre may not leave it.
    pub bounds: (MapPoint, MapPoint),
    pub limits: ZoomLimits,
}

impl MapView {
    /// The view that shows all of `bounds`, with a small margin, in the part of a viewport of
    /// this size that `inset_right` pixels of panel leave free.
    pub fn fit(bounds: (MapPoint, MapPoint), viewport: [f64; 2], inset_right: f64) -> MapView {
        let (low, high) = bounds;
        let width = (high[0] - low[0]).max(1.0);
        let height = (high[1] - low[1]).max(1.0);
        let free_width = (viewport[0] - inset_right).max(1.0);
        let fit = (width / free_width).max(height / viewport[1].max(1.0)) * 1.08;
        let mut view = MapView {
            center: [0.0, 0.0],
            km_per_pixel: fit,
            viewport,
            inset_right,
            bounds,
            limits: ZoomLimits {
                min_km_per_pixel: 0.05,
                max_km_per_pixel: fit * 1.5,
            },
        };
        view.center_on([(low[0] + high[0]) / 2.0, (low[1] + high[1]) / 2.0]);
        view
    }

    /// The view that shows all of `bounds` inside `rect` (left, top, right, bottom in logical
    /// pixels) of a window of size `viewport`: a map beside other panels. Pan and zoom keep to
    /// the window's free width as `fit` does; this view is meant to stay put.
    pub fn fit_in_rect(
        bounds: (MapPoint, MapPoint),
        viewport: [f64; 2],
        [left, top, right, bottom]: [f64; 4],
    ) -> MapView {
        let (low, high) = bounds;
        let width = (high[0] - low[0]).max(1.0);
        let height = (high[1] - low[1]).max(1.0);
        let fit = (width / (right - left).max(1.0)).max(height / (bottom - top).max(1.0)) * 1.08;
        let middle = [(low[0] + high[0]) / 2.0, (low[1] + high[1]) / 2.0];
        // The map point that lands on the window's centre when `middle` is at the rect's.
        let offset = [
            (viewport[0] / 2.0 - (left + right) / 2.0) * fit,
            ((top + bottom) / 2.0 - viewport[1] / 2.0) * fit,
        ];
        MapView {
            center: [middle[0] + offset[0], middle[1] + offset[1]],
            km_per_pixel: fit,
            viewport,
            inset_right: 0.0,
            bounds,
            limits: ZoomLimits {
                min_km_per_pixel: fit,
                max_km_per_pixel: fit,
            },
        }
    }

    /// The middle of the part of the screen no panel covers.
    pub fn visible_center(&self) -> ScreenPoint {
        [
            (self.viewport[0] - self.inset_right) / 2.0,
            self.viewport[1] / 2.0,
        ]
    }

    pub fn screen_to_map(&self, [sx, sy]: ScreenPoint) -> MapPoint {
        [
            self.center[0] + (sx - self.viewport[0] / 2.0) * self.km_per_pixel,
            self.center[1] - (sy - self.viewport[1] / 2.0) * self.km_per_pixel,
        ]
    }

    pub fn map_to_screen(&self, [mx, my]: MapPoint) -> ScreenPoint {
        [
            (mx - self.center[0]) / self.km_per_pixel + self.viewport[0] / 2.0,
            (self.center[1] - my) / self.km_per_pixel + self.viewport[1] / 2.0,
        ]
    }

    /// Zooms by `factor` (> 1 zooms in) keeping the map point under `cursor` where it is, as far
    /// as the zoom and pan limits allow.
    pub fn zoom_at(&mut self, cursor: ScreenPoint, factor: f64) {
        if !(factor.is_finite() && factor > 0.0) {
            return;
        }
        let anchor = self.screen_to_map(cursor);
        self.km_per_pixel = (self.km_per_pixel / factor)
            .clamp(self.limits.min_km_per_pixel, self.limits.max_km_per_pixel);
        // Put the anchor back under the cursor.
        let moved = self.screen_to_map(cursor);
        self.center[0] += anchor[0] - moved[0];
        self.center[1] += anchor[1] - moved[1];
        self.keep_in_bounds();
    }

    /// Moves the map with the pointer: a drag of `delta` pixels moves the content by as much.
    pub fn pan_pixels(&mut self, [dx, dy]: [f64; 2]) {
        self.center[0] -= dx * self.km_per_pixel;
        self.center[1] += dy * self.km_per_pixel;
        self.keep_in_bounds();
    }

    /// Puts a map point in the middle of the visible part of the screen.
    pub fn center_on(&mut self, at: MapPoint) {
        self.center = [at[0] + self.inset_right / 2.0 * self.km_per_pixel, at[1]];
        self.keep_in_bounds();
    }

    /// A new window size or panel width; the map point in the visible middle stays there.
    pub fn resize(&mut self, viewport: [f64; 2], inset_right: f64) {
        let middle = self.screen_to_map(self.visible_center());
        self.viewport = viewport;
        self.inset_right = inset_right;
        self.center_on(middle);
    }

    /// The visible middle may not leave the map's extent.
    fn keep_in_bounds(&mut self) {
        let (low, high) = self.bounds;
        let middle = self.screen_to_map(self.visible_center());
        let clamped = [
            middle[0].clamp(low[0], high[0]),
            middle[1].clamp(low[1], high[1]),
        ];
        self.center[0] += clamped[0] - middle[0];
        self.center[1] += clamped[1] - middle[1];
    }

    /// Whether a screen point is in the part of the window no panel covers.
    pub fn is_visible(&self, [sx, sy]: ScreenPoint) -> bool {
        (0.0..=self.viewport[0] - self.inset_right).contains(&sx)
            && (0.0..=self.viewport[1]).contains(&sy)
    }
}

/// The index of the point nearest to `cursor`, if it lies within its own `reach` (pixels).
pub fn nearest_within(points: &[(ScreenPoint, f64)], cursor: ScreenPoint) -> Option<usize> {
    points
        .iter()
        .enumerate()
        .map(|(index, ([x, y], reach))| {
            let distance = ((x - cursor[0]).powi(2) + (y - cursor[1]).powi(2)).sqrt();
            (index, distance, *reach)
        })
        .filter(|(_, distance, reach)| distance <= reach)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(index, _, _)| index)
}

/// A rectangle on screen: min x, min y, max x, max y in pixels.
pub type ScreenRect = [f64; 4];

/// A label that wants a place on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelBox {
    /// Where it may go, best first (e.g. right of its marker, then left, above, below).
    pub places: Vec<ScreenRect>,
    /// Higher wins a contested place (e.g. population; the selected city above all).
    pub priority: u64,
}

fn overlaps(a: &ScreenRect, b: &ScreenRect) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// Which labels to draw and where: the highest priority first, each in its first place that
/// overlaps no label already placed and no obstacle (the cities' markers), so the smaller city's
/// label is the one moved aside or hidden. Returns (label index, place) pairs.
pub fn declutter(labels: &[LabelBox], obstacles: &[ScreenRect]) -> Vec<(usize, ScreenRect)> {
    let mut order: Vec<usize> = (0..labels.len()).collect();
    order.sort_by(|&a, &b| labels[b].priority.cmp(&labels[a].priority).then(a.cmp(&b)));
    let mut placed: Vec<(usize, ScreenRect)> = Vec::new();
    for index in order {
        let free = labels[index].places.iter().find(|place| {
            placed.iter().all(|(_, other)| !overlaps(place, other))
                && obstacles.iter().all(|obstacle| !overlaps(place, obstacle))
        });
        if let Some(place) = free {
            placed.push((index, *place));
        }
    }
    placed
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_view_fitted_in_a_rect_puts_the_bounds_inside_it() {
        let bounds = ([-300.0, -200.0], [300.0, 400.0]);
        let rect = [700.0, 80.0, 1260.0, 640.0];
        let view = MapView::fit_in_rect(bounds, [1280.0, 720.0], rect);
        let [x0, y0] = view.map_to_screen([bounds.0[0], bounds.1[1]]);
        let [x1, y1] = view.map_to_screen([bounds.1[0], bounds.0[1]]);
        assert!(x0 >= rect[0] && x1 <= rect[2], "{x0}..{x1}");
        assert!(y0 >= rect[1] && y1 <= rect[3], "{y0}..{y1}");
        let [cx, cy] = view.map_to_screen([0.0, 100.0]);
        assert!((cx - 980.0).abs() < 1e-9 && (cy - 360.0).abs() < 1e-9);
    }

    use super::*;
    use crate::geography::{LatLon, Projection};
    use proptest::prelude::*;

    fn view() -> MapView {
        MapView::fit(([-400.0, -400.0], [400.0, 400.0]), [1280.0, 720.0], 0.0)
    }

    #[test]
    fn fit_shows_the_whole_extent() {
        let view = view();
        let top_left = view.map_to_screen([-400.0, 400.0]);
        let bottom_right = view.map_to_screen([400.0, -400.0]);
        assert!(view.is_visible(top_left) && view.is_visible(bottom_right));
    }

    #[test]
    fn a_panel_on_the_right_moves_the_fit_and_the_centre_into_the_free_part() {
        let view = MapView::fit(([-400.0, -400.0], [400.0, 400.0]), [1280.0, 720.0], 380.0);
        assert!(view.is_visible(view.map_to_screen([-400.0, 400.0])));
        assert!(view.is_visible(view.map_to_screen([400.0, -400.0])));
        let middle = view.map_to_screen([0.0, 0.0]);
        assert!((middle[0] - 450.0).abs() < 1e-9 && (middle[1] - 360.0).abs() < 1e-9);
        let mut moved = view;
        moved.center_on([100.0, 50.0]);
        let at = moved.map_to_screen([100.0, 50.0]);
        assert!((at[0] - 450.0).abs() < 1e-9 && (at[1] - 360.0).abs() < 1e-9);
        // Resizing keeps the visible middle.
        moved.resize([1600.0, 900.0], 380.0);
        let at = moved.map_to_screen([100.0, 50.0]);
        assert!((at[0] - 610.0).abs() < 1e-9 && (at[1] - 450.0).abs() < 1e-9);
    }

    #[test]
    fn click_to_lat_lon_and_back_is_exact() {
        let projection = Projection::NORTH_KOREA;
        let mut view = view();
        view.zoom_at([300.0, 200.0], 3.7);
        let hamhung = LatLon {
            lat: 39.91833,
            lon: 127.53639,
        };
        let on_screen = view.map_to_screen(projection.project(hamhung));
        let back = projection.unproject(view.screen_to_map(on_screen));
        assert!((back.lat - hamhung.lat).abs() < 1e-9 && (back.lon - hamhung.lon).abs() < 1e-9);
    }

    proptest! {
        #[test]
        fn screen_and_map_round_trip(x in 0.0..1280.0f64, y in 0.0..720.0f64, zoom in 0.2..20.0f64) {
            let mut view = view();
            view.zoom_at([640.0, 360.0], zoom);
            let back = view.map_to_screen(view.screen_to_map([x, y]));
            prop_assert!((back[0] - x).abs() < 1e-6 && (back[1] - y).abs() < 1e-6);
        }

        #[test]
        fn zoom_keeps_the_point_under_the_cursor(x in 100.0..1180.0f64, y in 100.0..620.0f64, factor in 0.5..2.0f64) {
            let mut view = view();
            view.zoom_at([640.0, 360.0], 2.0);
            let before = view.screen_to_map([x, y]);
            view.zoom_at([x, y], factor);
            let after = view.screen_to_map([x, y]);
            prop_assert!((before[0] - after[0]).abs() < 1e-6 && (before[1] - after[1]).abs() < 1e-6);
        }
    }

    #[test]
    fn zoom_and_pan_stop_at_their_limits() {
        let mut view = view();
        view.zoom_at([640.0, 360.0], 1e9);
        assert_eq!(view.km_per_pixel, view.limits.min_km_per_pixel);
        view.zoom_at([640.0, 360.0], 1e-9);
        assert_eq!(view.km_per_pixel, view.limits.max_km_per_pixel);
        view.pan_pixels([-1e7, 1e7]);
        assert_eq!(view.screen_to_map(view.visible_center()), [400.0, 400.0]);
        // Nonsense factors change nothing.
        let before = view;
        view.zoom_at([1.0, 1.0], f64::NAN);
        view.zoom_at([1.0, 1.0], 0.0);
        assert_eq!(view, before);
    }

    #[test]
    fn dragging_moves_the_content_with_the_pointer() {
        let mut view = view();
        view.zoom_at([640.0, 360.0], 2.0);
        let grabbed = view.screen_to_map([500.0, 300.0]);
        view.pan_pixels([40.0, -25.0]);
        let now = view.map_to_screen(grabbed);
        assert!((now[0] - 540.0).abs() < 1e-9 && (now[1] - 275.0).abs() < 1e-9);
    }

    #[test]
    fn nearest_city_within_reach_is_picked() {
        let points = [
            ([100.0, 100.0], 8.0),
            ([110.0, 100.0], 8.0),
            ([300.0, 300.0], 20.0),
        ];
        assert_eq!(nearest_within(&points, [104.0, 100.0]), Some(0));
        assert_eq!(nearest_within(&points, [107.0, 101.0]), Some(1));
        assert_eq!(nearest_within(&points, [315.0, 300.0]), Some(2));
        assert_eq!(nearest_within(&points, [200.0, 200.0]), None);
    }

    fn one_place(rect: ScreenRect, priority: u64) -> LabelBox {
        LabelBox {
            places: vec![rect],
            priority,
        }
    }

    #[test]
    fn declutter_hides_the_smaller_city_first() {
        let big = one_place([0.0, 0.0, 100.0, 20.0], 3_000_000);
        let small_overlapping = one_place([50.0, 10.0, 150.0, 30.0], 300_000);
        let small_apart = one_place([0.0, 40.0, 100.0, 60.0], 200_000);
        let kept: Vec<usize> = declutter(&[small_overlapping, big, small_apart], &[])
            .iter()
            .map(|(index, _)| *index)
            .collect();
        assert_eq!(kept, vec![1, 2]);
    }

    #[test]
    fn a_label_moves_to_its_next_place_and_never_covers_a_marker() {
        let big = one_place([0.0, 0.0, 100.0, 20.0], 10);
        let small = LabelBox {
            places: vec![
                [50.0, 5.0, 150.0, 25.0],
                [-120.0, 5.0, -20.0, 25.0],
                [200.0, 0.0, 300.0, 20.0],
            ],
            priority: 1,
        };
        let marker = [-60.0, 10.0, -50.0, 20.0];
        let placed = declutter(&[big, small], &[marker]);
        assert_eq!(placed[1], (1, [200.0, 0.0, 300.0, 20.0]));
    }

    proptest! {
        #[test]
        fn decluttered_labels_never_overlap(boxes in proptest::collection::vec((0.0..500.0f64, 0.0..500.0f64, 10.0..120.0f64, 0u64..1000), 0..40)) {
            let labels: Vec<LabelBox> = boxes
                .iter()
                .map(|&(x, y, w, p)| LabelBox {
                    places: vec![[x, y, x + w, y + 18.0], [x - w - 10.0, y, x - 10.0, y + 18.0]],
                    priority: p,
                })
                .collect();
            let placed = declutter(&labels, &[]);
            for (i, (_, a)) in placed.iter().enumerate() {
                for (_, b) in &placed[i + 1..] {
                    prop_assert!(!overlaps(a, b));
                }
            }
        }
    }
}
