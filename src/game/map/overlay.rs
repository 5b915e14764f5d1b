//! Drawing over the shared map during a map question and its feedback: the crosshair, a click
//! and its line to the city, rings and crosses on markers, province outlines and names. Every
//! right or wrong cue has a shape as well as a colour (a ring ✔, a cross ✖, solid or dashed), in
//! colours that colour-blind players tell apart (Okabe and Ito's palette).

use bevy_egui::egui::{self, Color32, FontId, Pos2, Stroke};
use geo::{InteriorPoint, MultiPolygon};

use super::labels::to_points;
use crate::geography::{LatLon, Projection};
use crate::map_view::MapView;

/// Okabe–Ito bluish green: right.
pub const RIGHT: Color32 = Color32::from_rgb(0x00, 0x9E, 0x73);
/// Okabe–Ito vermillion: wrong.
pub const WRONG: Color32 = Color32::from_rgb(0xD5, 0x5E, 0x00);
/// Okabe–Ito blue: the player's own click or crosshair.
pub const PLAYER: Color32 = Color32::from_rgb(0x00, 0x72, 0xB2);

/// The map's rectangle on screen and the view that places things in it.
pub struct MapFrame<'a> {
    ctx: &'a egui::Context,
    view: &'a MapView,
    painter: egui::Painter,
    text: Color32,
    halo: Color32,
}

impl<'a> MapFrame<'a> {
    pub fn new(ctx: &'a egui::Context, rect: egui::Rect, view: &'a MapView, dark: bool) -> Self {
        let painter = ctx
            .layer_painter(egui::LayerId::new(
                egui::Order::Background,
                "map_overlay".into(),
            ))
            .with_clip_rect(rect);
        let (text, halo) = if dark {
            (
                Color32::from_rgb(0xF2, 0xF2, 0xF2),
                Color32::from_black_alpha(190),
            )
        } else {
            (
                Color32::from_rgb(0x1C, 0x22, 0x2B),
                Color32::from_white_alpha(215),
            )
        };
        Self {
            ctx,
            view,
            painter,
            text,
            halo,
        }
    }

    /// The painter over the map, for marks of other shapes.
    pub fn painter(&self) -> &egui::Painter {
        &self.painter
    }

    /// Where a place is drawn, in egui points.
    pub fn at(&self, place: LatLon) -> Pos2 {
        let on_map = Projection::NORTH_KOREA.project(place);
        to_points(self.ctx, self.view.map_to_screen(on_map))
    }

    /// A crosshair: two lines with a gap and a small ring.
    pub fn crosshair(&self, place: LatLon) {
        let at = self.at(place);
        let stroke = Stroke::new(2.5, PLAYER);
        for (dx, dy) in [(1.0, 0.0), (-1.0, 0.0), (0.0, 1.0), (0.0, -1.0)] {
            let direction = egui::vec2(dx, dy);
            self.painter
                .line_segment([at + direction * 6.0, at + direction * 18.0], stroke);
        }
        self.painter.circle_stroke(at, 4.0, stroke);
    }

    /// A cross (✖): a wrong click or a missed marker.
    pub fn cross(&self, at: Pos2, colour: Color32) {
        let r = 8.0;
        let halo = Stroke::new(7.0, self.halo);
        let stroke = Stroke::new(3.0, colour);
        for s in [halo, stroke] {
            self.painter
                .line_segment([at + egui::vec2(-r, -r), at + egui::vec2(r, r)], s);
            self.painter
                .line_segment([at + egui::vec2(-r, r), at + egui::vec2(r, -r)], s);
        }
    }

    /// A ring around a marker: the right city, or the marked one.
    pub fn ring(&self, at: Pos2, radius: f32, colour: Color32) {
        self.painter
            .circle_stroke(at, radius + 2.0, Stroke::new(6.0, self.halo));
        self.painter
            .circle_stroke(at, radius, Stroke::new(3.0, colour));
    }

    /// A straight line, solid or dashed.
    pub fn line(&self, from: Pos2, to: Pos2, colour: Color32, dashed: bool) {
        let stroke = Stroke::new(3.0, colour);
        if dashed {
            self.painter
                .extend(egui::Shape::dashed_line(&[from, to], stroke, 9.0, 6.0));
        } else {
            self.painter
                .line_segment([from, to], Stroke::new(6.0, self.halo));
            self.painter.line_segment([from, to], stroke);
        }
    }

    /// Text on a light (or dark) plate so it reads over any part of the map.
    pub fn label(&self, at: Pos2, text: &str, colour: Option<Color32>, size: f32) {
        let galley = self.painter.layout_no_wrap(
            text.to_string(),
            FontId::proportional(size),
            colour.unwrap_or(self.text),
        );
        let rect = egui::Rect::from_min_size(at, galley.size()).expand(3.0);
        self.painter.rect_filled(rect, 4.0, self.halo);
        self.painter.galley(at, galley, self.text);
    }

    /// A label centred above a point.
    pub fn label_above(&self, at: Pos2, text: &str, colour: Option<Color32>) {
        let width = text.chars().count() as f32 * 7.5;
        self.label(at + egui::vec2(-width / 2.0, -34.0), text, colour, 16.0);
    }

    /// An area's outline (lon/lat rings), solid or dashed.
    pub fn outline(&self, shape: &MultiPolygon<f64>, colour: Color32, dashed: bool) {
        for polygon in shape {
            for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
                let points: Vec<Pos2> = ring
                    .coords()
                    .map(|c| self.at(LatLon { lat: c.y, lon: c.x }))
                    .collect();
                let stroke = Stroke::new(if dashed { 3.0 } else { 4.0 }, colour);
                if dashed {
                    self.painter
                        .extend(egui::Shape::dashed_line(&points, stroke, 10.0, 6.0));
                } else {
                    self.painter.add(egui::Shape::line(points, stroke));
                }
            }
        }
    }

    /// An area's name at a point inside it.
    pub fn area_name(&self, shape: &MultiPolygon<f64>, name: &str) {
        if let Some(inside) = shape.interior_point() {
            let at = self.at(LatLon {
                lat: inside.y(),
                lon: inside.x(),
            });
            let width = name.chars().count() as f32 * 7.0;
            self.label(at - egui::vec2(width / 2.0, 8.0), name, None, 14.0);
        }
    }
}
