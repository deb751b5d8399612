//! What clicks and drags on the canvas do, per tool. Every change goes through
//! [`Document::design_mut`], so each click is one undo step and each drag is one too.

use egui::Key;

use crate::design::{Curve, CurveRole, Document, PhotoPoint, View, Zone, ZoneKind};
use crate::geometry::{distance_to_curve, nearest_point_index, polygon_contains, span_near};

use super::canvas::CanvasView;
use super::tools::Tool;

/// Grab radius around a point, in screen points.
const GRAB_RADIUS_POINTS: f32 = 9.0;

/// A curve or a zone of the active view, by index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShapeId {
    Curve(usize),
    Zone(usize),
}

/// A shape, and optionally one of its points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Selection {
    pub shape: ShapeId,
    pub point: Option<usize>,
}

/// The point under the cursor.
pub type Hover = Selection;

/// The canvas's interaction state: what is selected, hovered, dragged or being drawn.
#[derive(Debug, Default)]
pub struct Interaction {
    pub selection: Option<Selection>,
    pub hover: Option<Hover>,
    pub dragging: Option<Selection>,
    /// From the pointer to the dragged point when the drag began, in photo pixels.
    drag_offset_px: (f64, f64),
    /// The zone whose corners are being clicked in.
    pub drawing_zone: Option<usize>,
    pub cursor_in_photo: Option<PhotoPoint>,
}

impl Interaction {
    /// Drops references to shapes that no longer exist (after undo, or another design).
    pub fn forget_missing(&mut self, view: Option<&View>) {
        let exists = |s: &Selection| {
            view.is_some_and(|v| points_of(v, s.shape).is_some_and(|p| s.point.is_none_or(|i| i < p.len())))
        };
        self.selection = self.selection.filter(exists);
        self.hover = self.hover.filter(exists);
        self.dragging = self.dragging.filter(exists);
        self.drawing_zone = self.drawing_zone.filter(|&i| view.is_some_and(|v| i < v.zones.len()));
    }

    pub fn clear(&mut self) {
        *self = Self::default();
    }

    /// Handles the tool's clicks, drags and keys on the canvas. Returns a message for the status
    /// bar when something needs saying.
    pub fn handle(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        canvas_view: &CanvasView,
        tool: Tool,
        document: &mut Document,
        view_index: usize,
    ) -> Option<String> {
        let canvas = response.rect;
        let grab_radius_px = f64::from(GRAB_RADIUS_POINTS / canvas_view.zoom);
        self.cursor_in_photo = response.hover_pos().map(|p| canvas_view.to_photo(canvas, p));
        let view = document.design().views.get(view_index)?;
        if self.dragging.is_none() {
            self.hover = self.cursor_in_photo.and_then(|c| point_under(view, c, grab_radius_px));
        }
        let (enter, escape) = ui.input(|i| (i.key_pressed(Key::Enter), i.key_pressed(Key::Escape)));

        if escape && self.dragging.take().is_some() {
            document.abort();
            return None;
        }
        if let Some(zone) = self.drawing_zone
            && (enter || escape || response.double_clicked())
        {
            return Some(self.finish_zone(document, view_index, zone, grab_radius_px));
        }
        if tool == Tool::Pan {
            return None;
        }
        if response.drag_started_by(egui::PointerButton::Primary) {
            // egui reports a drag only once the pointer has moved a few points: grab what was
            // under the pointer when the button went down, and keep the offset from it.
            let origin = ui.input(|i| i.pointer.press_origin()).map(|p| canvas_view.to_photo(canvas, p));
            if let Some(origin) = origin {
                let grabbed = point_under(view, origin, grab_radius_px);
                if let Some(point) = grabbed.and_then(|g| point_of(view, g)) {
                    self.drag_offset_px = (point.x - origin.x, point.y - origin.y);
                    self.dragging = grabbed;
                    self.selection = grabbed;
                }
            }
        }
        if let Some(target) = self.dragging {
            if let (true, Some(cursor)) = (response.dragged_by(egui::PointerButton::Primary), self.cursor_in_photo) {
                let (dx, dy) = self.drag_offset_px;
                if let Some(point) = point_mut(document, view_index, target) {
                    *point = PhotoPoint::new(cursor.x + dx, cursor.y + dy);
                }
            }
            if response.drag_stopped() {
                self.dragging = None;
            }
            return None;
        }
        let click = response.clicked_by(egui::PointerButton::Primary);
        let cursor = self.cursor_in_photo?;
        if !click {
            return None;
        }
        match tool {
            Tool::Select | Tool::Pan => {
                self.selection = self.hover.or_else(|| shape_under(view, cursor, grab_radius_px));
                None
            }
            Tool::Hairline if self.hover.is_some() => {
                self.selection = self.hover;
                None
            }
            Tool::Hairline => {
                self.selection = Some(add_hairline_point(document, view_index, cursor, grab_radius_px));
                None
            }
            Tool::Zone => {
                if let Some(zone) = self.drawing_zone {
                    let vertices = &mut document.design_mut().views[view_index].zones[zone].vertices;
                    vertices.push(cursor);
                    self.selection = Some(Selection { shape: ShapeId::Zone(zone), point: Some(vertices.len() - 1) });
                    None
                } else if self.hover.is_some() {
                    self.selection = self.hover;
                    None
                } else {
                    let zones = &mut document.design_mut().views[view_index].zones;
                    let mut zone = Zone::new(ZoneKind::Frontal, format!("Zone {}", zones.len() + 1));
                    zone.vertices.push(cursor);
                    zones.push(zone);
                    self.drawing_zone = Some(zones.len() - 1);
                    self.selection = Some(Selection { shape: ShapeId::Zone(zones.len() - 1), point: Some(0) });
                    Some("Click the zone's corners; Enter or double-click closes it.".to_owned())
                }
            }
        }
    }

    fn finish_zone(&mut self, document: &mut Document, view_index: usize, zone: usize, merge_radius_px: f64) -> String {
        self.drawing_zone = None;
        let zones = &mut document.design_mut().views[view_index].zones;
        // A double-click lands two clicks on one spot: merge corners that coincide.
        zones[zone].vertices.dedup_by(|a, b| a.distance_to(*b) < merge_radius_px);
        if zones[zone].vertices.len() < 3 {
            zones.remove(zone);
            self.selection = None;
            return "A zone needs at least three corners; it was removed.".to_owned();
        }
        self.selection = Some(Selection { shape: ShapeId::Zone(zone), point: None });
        format!("{} closed.", zones[zone].name)
    }

    /// Deletes the selected point, or the selected shape when no point is selected.
    pub fn delete_selection(&mut self, document: &mut Document, view_index: usize) -> Option<String> {
        let selection = self.selection.take()?;
        let view = document.design_mut().views.get_mut(view_index)?;
        let message = match (selection.shape, selection.point) {
            (ShapeId::Curve(c), Some(p)) => {
                view.curves[c].points.remove(p);
                if view.curves[c].points.is_empty() {
                    view.curves.remove(c);
                }
                None
            }
            (ShapeId::Zone(z), Some(p)) if view.zones[z].vertices.len() > 3 || self.drawing_zone == Some(z) => {
                view.zones[z].vertices.remove(p);
                None
            }
            (ShapeId::Zone(z), Some(_)) => {
                let name = view.zones.remove(z).name;
                Some(format!("{name} had only three corners, so the whole zone was deleted."))
            }
            (ShapeId::Curve(c), None) => Some(format!("Deleted {}.", view.curves.remove(c).name)),
            (ShapeId::Zone(z), None) => Some(format!("Deleted {}.", view.zones.remove(z).name)),
        };
        self.forget_missing(document.design().views.get(view_index));
        message
    }
}

fn points_of(view: &View, shape: ShapeId) -> Option<&Vec<PhotoPoint>> {
    match shape {
        ShapeId::Curve(i) => view.curves.get(i).map(|c| &c.points),
        ShapeId::Zone(i) => view.zones.get(i).map(|z| &z.vertices),
    }
}

fn point_of(view: &View, target: Selection) -> Option<PhotoPoint> {
    points_of(view, target.shape)?.get(target.point?).copied()
}

fn point_mut(document: &mut Document, view_index: usize, target: Selection) -> Option<&mut PhotoPoint> {
    let view = document.design_mut().views.get_mut(view_index)?;
    let points = match target.shape {
        ShapeId::Curve(i) => &mut view.curves.get_mut(i)?.points,
        ShapeId::Zone(i) => &mut view.zones.get_mut(i)?.vertices,
    };
    points.get_mut(target.point?)
}

/// The control point nearest to `cursor` within `radius_px`; curves win over zones.
fn point_under(view: &View, cursor: PhotoPoint, radius_px: f64) -> Option<Hover> {
    let curves = view.curves.iter().enumerate().map(|(i, c)| (ShapeId::Curve(i), &c.points));
    let zones = view.zones.iter().enumerate().map(|(i, z)| (ShapeId::Zone(i), &z.vertices));
    curves.chain(zones).find_map(|(shape, points)| {
        nearest_point_index(points, cursor, radius_px).map(|i| Selection { shape, point: Some(i) })
    })
}

/// The curve passing near `cursor`, or else the zone containing it.
fn shape_under(view: &View, cursor: PhotoPoint, radius_px: f64) -> Option<Selection> {
    let near_curve = view.curves.iter().position(|c| distance_to_curve(&c.points, cursor) <= radius_px);
    let shape = near_curve
        .map(ShapeId::Curve)
        .or_else(|| view.zones.iter().rposition(|z| polygon_contains(&z.vertices, cursor)).map(ShapeId::Zone))?;
    Some(Selection { shape, point: None })
}

/// Adds `cursor` to the view's hairline (creating it if needed): inserted into the segment it
/// was clicked on, or else at the nearer end. Returns the new point.
fn add_hairline_point(document: &mut Document, view_index: usize, cursor: PhotoPoint, radius_px: f64) -> Selection {
    let view = &mut document.design_mut().views[view_index];
    let curve_index = view.hairline_index().unwrap_or_else(|| {
        view.curves.push(Curve { name: "Hairline".to_owned(), role: CurveRole::Hairline, points: Vec::new() });
        view.curves.len() - 1
    });
    let points = &mut view.curves[curve_index].points;
    let index = insertion_index(points, cursor, radius_px);
    points.insert(index, cursor);
    Selection { shape: ShapeId::Curve(curve_index), point: Some(index) }
}

fn insertion_index(points: &[PhotoPoint], cursor: PhotoPoint, radius_px: f64) -> usize {
    let (Some(&first), Some(&last)) = (points.first(), points.last()) else {
        return 0;
    };
    match span_near(points, cursor, radius_px) {
        Some(span) => span + 1,
        None if cursor.distance_to(first) < cursor.distance_to(last) => 0,
        None => points.len(),
    }
}
