//! What clicks and drags on the canvas do, per tool. Every change goes through
//! [`Document::design_mut`], so each click is one undo step and each drag is one too.

use egui::{Key, PointerButton};

use crate::design::{Curve, CurveRole, Document, Landmark, PhotoPoint, View, Zone, ZoneKind};
use crate::geometry::{
    distance_to_curve, mirror_point, nearest_point_index, polygon_contains, polygon_self_intersects, project_onto_line,
    span_near,
};

use super::canvas::CanvasView;
use super::tools::Tool;

/// Grab radius around a point, in screen points.
const GRAB_RADIUS_POINTS: f32 = 9.0;
/// Hairline points closer than this to the midline snap onto it, in screen points.
const SNAP_RADIUS_POINTS: f32 = 10.0;

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

/// Anything on the canvas that can be grabbed and dragged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Handle {
    Point(ShapeId, usize),
    Landmark(Landmark),
    /// One end (0 or 1) of the calibration reference.
    Calibration(usize),
}

#[derive(Clone, Copy, Debug)]
struct Drag {
    handle: Handle,
    /// From the pointer to the handle when the drag began, in photo pixels.
    offset_px: (f64, f64),
    /// The mirror-image handle that follows the dragged one in mirror mode (itself for a point
    /// on the midline, which then stays on it).
    partner: Option<Handle>,
}

/// The canvas's interaction state: what is selected, hovered, dragged or being drawn.
#[derive(Debug)]
pub struct Interaction {
    pub selection: Option<Selection>,
    pub hover: Option<Handle>,
    drag: Option<Drag>,
    /// The zone whose corners are being clicked in.
    pub drawing_zone: Option<usize>,
    pub cursor_in_photo: Option<PhotoPoint>,
    /// The first click of a two-click tool (calibrate, ruler).
    pub first_click: Option<PhotoPoint>,
    /// The ruler's last measurement (not part of the design).
    pub ruler: Option<[PhotoPoint; 2]>,
    /// Two clicked points waiting for their true length, asked for in a dialog.
    pub pending_calibration: Option<[PhotoPoint; 2]>,
    /// The landmark the Landmarks tool places next.
    pub next_landmark: Landmark,
    /// Mirror every edit about the midline.
    pub mirror: bool,
    /// Where the skin eyedropper was clicked, for the studio to sample the photo there.
    pub skin_click: Option<PhotoPoint>,
}

impl Default for Interaction {
    fn default() -> Self {
        Self {
            selection: None,
            hover: None,
            drag: None,
            drawing_zone: None,
            cursor_in_photo: None,
            first_click: None,
            ruler: None,
            pending_calibration: None,
            next_landmark: Landmark::ALL[0],
            mirror: false,
            skin_click: None,
        }
    }
}

impl Interaction {
    /// Drops references to shapes that no longer exist (after undo, or another design).
    pub fn forget_missing(&mut self, view: Option<&View>) {
        let exists = |h: &Handle| view.is_some_and(|v| handle_position(v, *h).is_some());
        let selection_exists = |s: &Selection| {
            view.is_some_and(|v| points_of(v, s.shape).is_some_and(|p| s.point.is_none_or(|i| i < p.len())))
        };
        self.selection = self.selection.filter(selection_exists);
        self.hover = self.hover.filter(exists);
        self.drag = self.drag.filter(|d| exists(&d.handle));
        self.drawing_zone = self.drawing_zone.filter(|&i| view.is_some_and(|v| i < v.zones.len()));
    }

    /// Forgets everything but the mode switches, as when another design opens.
    pub fn clear(&mut self) {
        *self = Self { mirror: self.mirror, ..Self::default() };
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
        let radius_px = f64::from(GRAB_RADIUS_POINTS / canvas_view.zoom);
        let snap_px = f64::from(SNAP_RADIUS_POINTS / canvas_view.zoom);
        self.cursor_in_photo = response.hover_pos().map(|p| canvas_view.to_photo(canvas, p));
        let view = document.design().views.get(view_index)?;
        if self.drag.is_none() {
            self.hover = self.cursor_in_photo.and_then(|c| handle_under(view, c, radius_px));
        }
        let (enter, escape) = ui.input(|i| (i.key_pressed(Key::Enter), i.key_pressed(Key::Escape)));
        if escape {
            self.first_click = None;
            if self.drag.take().is_some() {
                document.abort();
                return None;
            }
        }
        if let Some(zone) = self.drawing_zone
            && (enter || escape || response.double_clicked())
        {
            return Some(self.finish_zone(document, view_index, zone, radius_px));
        }
        if tool == Tool::Pan {
            return None;
        }
        if tool == Tool::Ruler {
            return self.ruler_input(ui, response, canvas_view);
        }

        if response.drag_started_by(PointerButton::Primary) {
            let origin = ui.input(|i| i.pointer.press_origin()).map(|p| canvas_view.to_photo(canvas, p));
            if let Some(origin) = origin {
                self.start_drag(view, origin, radius_px);
                if self.drag.is_none() && tool == Tool::Calibrate {
                    self.first_click = Some(origin);
                }
            }
        }
        if let Some(drag) = self.drag {
            if let (true, Some(cursor)) = (response.dragged_by(PointerButton::Primary), self.cursor_in_photo) {
                let target = PhotoPoint::new(cursor.x + drag.offset_px.0, cursor.y + drag.offset_px.1);
                if let Some(message) = move_handle(document, view_index, drag, target, snap_px, self.mirror) {
                    return Some(message);
                }
            }
            if response.drag_stopped() {
                self.drag = None;
            }
            return None;
        }
        if tool == Tool::Calibrate && response.drag_stopped() {
            return self.second_calibration_click();
        }
        if !response.clicked_by(PointerButton::Primary) {
            return None;
        }
        let cursor = self.cursor_in_photo?;
        let hovered_point = match self.hover {
            Some(Handle::Point(shape, point)) => Some(Selection { shape, point: Some(point) }),
            _ => None,
        };
        match tool {
            Tool::Select | Tool::Pan | Tool::Ruler => {
                self.selection = hovered_point.or_else(|| shape_under(view, cursor, radius_px));
                None
            }
            Tool::Hairline | Tool::Zone if hovered_point.is_some() && self.drawing_zone.is_none() => {
                self.selection = hovered_point;
                None
            }
            Tool::Hairline => {
                // Points go to the selected curve (an outline, a temple point), else the hairline.
                let target = match self.selection {
                    Some(Selection { shape: ShapeId::Curve(c), .. }) => Some(c),
                    _ => None,
                };
                let added = add_curve_point(document, view_index, target, cursor, radius_px, snap_px, self.mirror);
                self.selection = Some(added);
                None
            }
            Tool::Zone => match zone_edge_under(view, cursor, radius_px) {
                Some((zone, edge)) if self.drawing_zone.is_none() => {
                    let vertices = &mut document.design_mut().views[view_index].zones[zone].vertices;
                    vertices.insert(edge + 1, cursor);
                    self.selection = Some(Selection { shape: ShapeId::Zone(zone), point: Some(edge + 1) });
                    None
                }
                _ => self.zone_click(document, view_index, cursor),
            },
            Tool::Calibrate => {
                if self.first_click.is_none() {
                    self.first_click = Some(cursor);
                    Some("Now click the other end of the reference.".to_owned())
                } else {
                    self.second_calibration_click()
                }
            }
            Tool::Landmarks => Some(self.place_landmark(document, view_index, cursor)),
            Tool::Skin => {
                self.skin_click = Some(cursor);
                None
            }
        }
    }

    fn ruler_input(&mut self, ui: &egui::Ui, response: &egui::Response, canvas_view: &CanvasView) -> Option<String> {
        let cursor = self.cursor_in_photo;
        if response.drag_started_by(PointerButton::Primary) {
            self.first_click = ui.input(|i| i.pointer.press_origin()).map(|p| canvas_view.to_photo(response.rect, p));
        }
        if response.drag_stopped() || response.clicked_by(PointerButton::Primary) {
            match (self.first_click.take(), cursor) {
                (Some(first), Some(second)) if first.distance_to(second) > 0.0 => self.ruler = Some([first, second]),
                (_, second) => {
                    self.first_click = second;
                    self.ruler = None;
                }
            }
        }
        None
    }

    fn second_calibration_click(&mut self) -> Option<String> {
        let (first, second) = (self.first_click.take()?, self.cursor_in_photo?);
        if first.distance_to(second) < 1.0 {
            return Some("The two ends coincide; click both ends of the reference.".to_owned());
        }
        self.pending_calibration = Some([first, second]);
        None
    }

    fn zone_click(&mut self, document: &mut Document, view_index: usize, cursor: PhotoPoint) -> Option<String> {
        let zones = &mut document.design_mut().views[view_index].zones;
        if let Some(zone) = self.drawing_zone {
            let vertices = &mut zones[zone].vertices;
            vertices.push(cursor);
            self.selection = Some(Selection { shape: ShapeId::Zone(zone), point: Some(vertices.len() - 1) });
            return None;
        }
        let mut zone = Zone::new(ZoneKind::Frontal, format!("Zone {}", zones.len() + 1));
        zone.vertices.push(cursor);
        document.design_mut().views[view_index].add_zone(zone);
        let zones = &document.design().views[view_index].zones;
        self.drawing_zone = Some(zones.len() - 1);
        self.selection = Some(Selection { shape: ShapeId::Zone(zones.len() - 1), point: Some(0) });
        Some("Click the zone's corners; Enter or double-click closes it.".to_owned())
    }

    fn place_landmark(&mut self, document: &mut Document, view_index: usize, cursor: PhotoPoint) -> String {
        let placed = self.next_landmark;
        let landmarks = &mut document.design_mut().views[view_index].landmarks;
        *landmarks.slot_mut(placed) = Some(cursor);
        // Move on to the next landmark still missing, in the inspector's order.
        let after = Landmark::ALL.iter().position(|&l| l == placed).unwrap_or(0);
        let next = Landmark::ALL
            .iter()
            .cycle()
            .skip(after + 1)
            .take(Landmark::ALL.len())
            .find(|&&l| landmarks.get(l).is_none());
        match next {
            Some(&next) => {
                self.next_landmark = next;
                format!("Placed: {}. Next: {}.", placed.label(), next.label())
            }
            None => format!("Placed: {}. All landmarks are placed; drag any of them to adjust.", placed.label()),
        }
    }

    fn start_drag(&mut self, view: &View, origin: PhotoPoint, radius_px: f64) {
        let Some(handle) = handle_under(view, origin, radius_px) else {
            return;
        };
        let Some(position) = handle_position(view, handle) else {
            return;
        };
        let partner = if self.mirror { mirror_partner(view, handle, radius_px) } else { None };
        self.drag = Some(Drag { handle, offset_px: (position.x - origin.x, position.y - origin.y), partner });
        if let Handle::Point(shape, point) = handle {
            self.selection = Some(Selection { shape, point: Some(point) });
        }
    }

    fn finish_zone(&mut self, document: &mut Document, view_index: usize, zone: usize, merge_radius_px: f64) -> String {
        self.drawing_zone = None;
        let zones = &mut document.design_mut().views[view_index].zones;
        // A double-click lands two clicks on one spot: merge corners that coincide.
        zones[zone].vertices.dedup_by(|a, b| a.distance_to(*b) < merge_radius_px);
        if polygon_self_intersects(&zones[zone].vertices) {
            self.drawing_zone = Some(zone);
            return "The zone's edges cross, so it has no clear inside. Move or delete a corner (Delete), then close it again."
                .to_owned();
        }
        if zones[zone].vertices.len() < 3 {
            zones.remove(zone);
            self.selection = None;
            return "A zone needs at least three corners; it was removed.".to_owned();
        }
        self.selection = Some(Selection { shape: ShapeId::Zone(zone), point: None });
        format!("{} closed.", zones[zone].name)
    }

    /// Deletes the selected point (and its mirror image in mirror mode), or the selected shape
    /// when no point is selected.
    pub fn delete_selection(&mut self, document: &mut Document, view_index: usize) -> Option<String> {
        let selection = self.selection.take()?;
        let partner = match (self.mirror, selection.point) {
            (true, Some(point)) => document.design().views.get(view_index).and_then(|view| {
                match mirror_partner(view, Handle::Point(selection.shape, point), f64::INFINITY) {
                    Some(Handle::Point(_, other)) if other != point => Some(other),
                    _ => None,
                }
            }),
            _ => None,
        };
        let view = document.design_mut().views.get_mut(view_index)?;
        let drawing = self.drawing_zone;
        let message = match (selection.shape, selection.point) {
            (shape, Some(point)) => delete_points(view, shape, point, partner, drawing),
            (ShapeId::Curve(c), None) => Some(format!("Deleted {}.", view.curves.remove(c).name)),
            (ShapeId::Zone(z), None) => Some(format!("Deleted {}.", view.zones.remove(z).name)),
        };
        self.forget_missing(document.design().views.get(view_index));
        message
    }
}

/// Removes point `point` (and `partner`) of `shape`; a zone left with fewer than three corners
/// is removed whole.
fn delete_points(
    view: &mut View,
    shape: ShapeId,
    point: usize,
    partner: Option<usize>,
    drawing: Option<usize>,
) -> Option<String> {
    let mut doomed: Vec<usize> = std::iter::once(point).chain(partner).collect();
    doomed.sort_unstable_by(|a, b| b.cmp(a));
    match shape {
        ShapeId::Curve(c) => {
            for index in doomed {
                view.curves[c].points.remove(index);
            }
            if view.curves[c].points.is_empty() {
                view.curves.remove(c);
            }
            None
        }
        ShapeId::Zone(z) if view.zones[z].vertices.len() - doomed.len() >= 3 || drawing == Some(z) => {
            for index in doomed {
                view.zones[z].vertices.remove(index);
            }
            None
        }
        ShapeId::Zone(z) => {
            let name = view.zones.remove(z).name;
            Some(format!("{name} would have had fewer than three corners, so the whole zone was deleted."))
        }
    }
}

fn points_of(view: &View, shape: ShapeId) -> Option<&Vec<PhotoPoint>> {
    match shape {
        ShapeId::Curve(i) => view.curves.get(i).map(|c| &c.points),
        ShapeId::Zone(i) => view.zones.get(i).map(|z| &z.vertices),
    }
}

/// Where a handle is, if it exists.
pub fn handle_position(view: &View, handle: Handle) -> Option<PhotoPoint> {
    match handle {
        Handle::Point(shape, index) => points_of(view, shape)?.get(index).copied(),
        Handle::Landmark(landmark) => view.landmarks.get(landmark),
        Handle::Calibration(end) => view.calibration.as_ref().map(|c| if end == 0 { c.a } else { c.b }),
    }
}

fn handle_mut(view: &mut View, handle: Handle) -> Option<&mut PhotoPoint> {
    match handle {
        Handle::Point(ShapeId::Curve(i), index) => view.curves.get_mut(i)?.points.get_mut(index),
        Handle::Point(ShapeId::Zone(i), index) => view.zones.get_mut(i)?.vertices.get_mut(index),
        Handle::Landmark(landmark) => view.landmarks.slot_mut(landmark).as_mut(),
        Handle::Calibration(end) => view.calibration.as_mut().map(|c| if end == 0 { &mut c.a } else { &mut c.b }),
    }
}

/// The handle nearest to `cursor` within `radius_px`: shape points first, then landmarks, then
/// the calibration ends.
fn handle_under(view: &View, cursor: PhotoPoint, radius_px: f64) -> Option<Handle> {
    let curves = view.curves.iter().enumerate().map(|(i, c)| (ShapeId::Curve(i), &c.points));
    let zones = view.zones.iter().enumerate().map(|(i, z)| (ShapeId::Zone(i), &z.vertices));
    let point = curves
        .chain(zones)
        .find_map(|(shape, points)| nearest_point_index(points, cursor, radius_px).map(|i| Handle::Point(shape, i)));
    let others =
        Landmark::ALL.iter().map(|&l| Handle::Landmark(l)).chain([Handle::Calibration(0), Handle::Calibration(1)]);
    point.or_else(|| {
        others
            .filter_map(|h| handle_position(view, h).map(|p| (h, p.distance_to(cursor))))
            .filter(|&(_, d)| d <= radius_px)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(h, _)| h)
    })
}

/// The handle that mirrors `handle` about the midline: the pupil or eye corner on the other
/// side, or the point of the same shape nearest the mirror image (within `tolerance_px`).
fn mirror_partner(view: &View, handle: Handle, tolerance_px: f64) -> Option<Handle> {
    match handle {
        Handle::Landmark(landmark) => {
            let other = match landmark {
                Landmark::LeftPupil => Landmark::RightPupil,
                Landmark::RightPupil => Landmark::LeftPupil,
                Landmark::LeftCanthus => Landmark::RightCanthus,
                Landmark::RightCanthus => Landmark::LeftCanthus,
                _ => return None,
            };
            Some(Handle::Landmark(other))
        }
        Handle::Point(shape, index) => {
            let axis = view.midline()?;
            let points = points_of(view, shape)?;
            let image = mirror_point(*points.get(index)?, axis);
            // A point on the midline is its own partner; `tolerance_px` bounds the search.
            nearest_point_index(points, image, tolerance_px.max(points[index].distance_to(image) + 1e-9))
                .map(|other| Handle::Point(shape, other))
        }
        Handle::Calibration(_) => None,
    }
}

fn is_hairline_point(view: &View, handle: Handle) -> bool {
    matches!(handle, Handle::Point(ShapeId::Curve(c), _) if view.curves.get(c).is_some_and(|c| c.role == CurveRole::Hairline))
}

/// Moves a dragged handle to `target` (snapping hairline points onto the midline) and its
/// mirror partner to the mirror image. A move that would make a zone's edges cross is refused,
/// with the reason.
fn move_handle(
    document: &mut Document,
    view_index: usize,
    drag: Drag,
    target: PhotoPoint,
    snap_px: f64,
    mirror: bool,
) -> Option<String> {
    let zone_before = match drag.handle {
        Handle::Point(ShapeId::Zone(z), _) => document.design().views.get(view_index)?.zones.get(z).cloned(),
        _ => None,
    };
    let view = document.design_mut().views.get_mut(view_index)?;
    let axis = view.midline();
    let mut target = target;
    if let Some(axis) = axis {
        let on_midline = project_onto_line(target, axis);
        let self_partner = drag.partner == Some(drag.handle);
        if self_partner || (is_hairline_point(view, drag.handle) && on_midline.distance_to(target) < snap_px) {
            target = on_midline;
        }
    }
    if let Some(point) = handle_mut(view, drag.handle) {
        *point = target;
    }
    if let (true, Some(partner), Some(axis)) = (mirror, drag.partner, axis)
        && partner != drag.handle
        && let Some(point) = handle_mut(view, partner)
    {
        *point = mirror_point(target, axis);
    }
    if let (Handle::Point(ShapeId::Zone(z), _), Some(before)) = (drag.handle, zone_before)
        && polygon_self_intersects(&view.zones[z].vertices)
    {
        view.zones[z] = before;
        return Some("A zone's edges may not cross: that corner cannot go there.".to_owned());
    }
    None
}

/// The zone edge (zone, index of its first corner) passing within `radius_px` of `cursor`.
fn zone_edge_under(view: &View, cursor: PhotoPoint, radius_px: f64) -> Option<(usize, usize)> {
    view.zones.iter().enumerate().rev().find_map(|(z, zone)| {
        let n = zone.vertices.len();
        if n < 3 {
            return None;
        }
        (0..n)
            .find(|&i| distance_to_curve(&[zone.vertices[i], zone.vertices[(i + 1) % n]], cursor) <= radius_px)
            .map(|i| (z, i))
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

/// Adds `cursor` to curve `target`, or else to the view's hairline (creating it if needed):
/// inserted into the span it was clicked on, or else at the nearer end; snapped onto the
/// midline when close to it, and mirrored in mirror mode. Returns the new point.
fn add_curve_point(
    document: &mut Document,
    view_index: usize,
    target: Option<usize>,
    cursor: PhotoPoint,
    radius_px: f64,
    snap_px: f64,
    mirror: bool,
) -> Selection {
    let view = &mut document.design_mut().views[view_index];
    let axis = view.midline();
    let curve_index =
        target.filter(|&c| c < view.curves.len()).or_else(|| view.hairline_index()).unwrap_or_else(|| {
            view.add_curve(Curve { name: "Hairline".to_owned(), role: CurveRole::Hairline, ..Curve::default() });
            view.curves.len() - 1
        });
    let mut point = cursor;
    if let Some(axis) = axis {
        let on_midline = project_onto_line(point, axis);
        if on_midline.distance_to(point) < snap_px {
            point = on_midline;
        }
    }
    let points = &mut view.curves[curve_index].points;
    let index = insertion_index(points, point, radius_px);
    points.insert(index, point);
    let mut selected = index;
    if let (true, Some(axis)) = (mirror, axis) {
        let image = mirror_point(point, axis);
        if image.distance_to(point) >= snap_px {
            let image_index = insertion_index(points, image, radius_px);
            points.insert(image_index, image);
            if image_index <= selected {
                selected += 1;
            }
        }
    }
    Selection { shape: ShapeId::Curve(curve_index), point: Some(selected) }
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
