//! What is under the pointer: the handles that can be grabbed and the shapes that can be
//! selected, named by id so that an undo between two frames cannot make them point elsewhere.

use crate::design::{CurveId, CurveRole, Landmark, PhotoPoint, View, ZoneId};
use crate::geometry::{distance_to_curve, mirror_point, nearest_point_index, polygon_contains};

/// A curve or a zone of a view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ShapeRef {
    Curve(CurveId),
    Zone(ZoneId),
}

/// A shape, and optionally one of its points (by position along the shape).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Selection {
    pub shape: ShapeRef,
    pub point: Option<usize>,
}

impl Selection {
    /// The whole shape.
    pub fn shape(shape: ShapeRef) -> Self {
        Self { shape, point: None }
    }

    /// One point of a shape.
    pub fn point(shape: ShapeRef, point: usize) -> Self {
        Self { shape, point: Some(point) }
    }

    /// Whether the shape (and point) still exist in `view`.
    pub fn exists_in(self, view: &View) -> bool {
        points_of(view, self.shape).is_some_and(|points| self.point.is_none_or(|i| i < points.len()))
    }
}

/// One end of the calibration reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CalibrationEnd {
    A,
    B,
}

/// Anything on the canvas that can be grabbed and dragged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Handle {
    Point(ShapeRef, usize),
    Landmark(Landmark),
    Calibration(CalibrationEnd),
}

impl Handle {
    /// Whether the handle is a point of the view's hairline (these snap onto the midline).
    pub fn is_hairline_point(self, view: &View) -> bool {
        matches!(self, Self::Point(ShapeRef::Curve(c), _) if view.curve(c).is_some_and(|c| c.role == CurveRole::Hairline))
    }
}

/// The points of `shape` in `view`, if it exists.
pub fn points_of(view: &View, shape: ShapeRef) -> Option<&Vec<PhotoPoint>> {
    match shape {
        ShapeRef::Curve(id) => view.curve(id).map(|c| &c.points),
        ShapeRef::Zone(id) => view.zone(id).map(|z| &z.vertices),
    }
}

pub(super) fn points_of_mut(view: &mut View, shape: ShapeRef) -> Option<&mut Vec<PhotoPoint>> {
    match shape {
        ShapeRef::Curve(id) => view.curve_mut(id).map(|c| &mut c.points),
        ShapeRef::Zone(id) => view.zone_mut(id).map(|z| &mut z.vertices),
    }
}

/// Where a handle is, if it exists.
pub fn handle_position(view: &View, handle: Handle) -> Option<PhotoPoint> {
    match handle {
        Handle::Point(shape, index) => points_of(view, shape)?.get(index).copied(),
        Handle::Landmark(landmark) => view.landmarks.get(landmark),
        Handle::Calibration(end) => view.calibration.as_ref().map(|c| match end {
            CalibrationEnd::A => c.a,
            CalibrationEnd::B => c.b,
        }),
    }
}

pub(super) fn handle_mut(view: &mut View, handle: Handle) -> Option<&mut PhotoPoint> {
    match handle {
        Handle::Point(shape, index) => points_of_mut(view, shape)?.get_mut(index),
        Handle::Landmark(landmark) => view.landmarks.slot_mut(landmark).as_mut(),
        Handle::Calibration(end) => view.calibration.as_mut().map(|c| match end {
            CalibrationEnd::A => &mut c.a,
            CalibrationEnd::B => &mut c.b,
        }),
    }
}

/// The shapes of a view, curves first, each with its points.
fn shapes(view: &View) -> impl Iterator<Item = (ShapeRef, &Vec<PhotoPoint>)> {
    let curves = view.curves.iter().map(|c| (ShapeRef::Curve(c.id), &c.points));
    curves.chain(view.zones.iter().map(|z| (ShapeRef::Zone(z.id), &z.vertices)))
}

/// The handle nearest to `cursor` within `radius_px`: shape points first, then landmarks, then
/// the calibration ends.
pub fn handle_under(view: &View, cursor: PhotoPoint, radius_px: f64) -> Option<Handle> {
    let point = shapes(view)
        .find_map(|(shape, points)| nearest_point_index(points, cursor, radius_px).map(|i| Handle::Point(shape, i)));
    let others = Landmark::ALL
        .iter()
        .map(|&l| Handle::Landmark(l))
        .chain([Handle::Calibration(CalibrationEnd::A), Handle::Calibration(CalibrationEnd::B)]);
    point.or_else(|| {
        others
            .filter_map(|h| handle_position(view, h).map(|p| (h, p.distance_to(cursor))))
            .filter(|&(_, d)| d <= radius_px)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(h, _)| h)
    })
}

/// The handle that mirrors `handle` about the midline: the pupil or eye corner on the other
/// side, or the point of the same shape nearest the mirror image (within `tolerance_px`). A
/// point on the midline is its own partner.
pub fn mirror_partner(view: &View, handle: Handle, tolerance_px: f64) -> Option<Handle> {
    match handle {
        Handle::Landmark(landmark) => {
            let other = match landmark {
                Landmark::LeftPupil => Landmark::RightPupil,
                Landmark::RightPupil => Landmark::LeftPupil,
                Landmark::LeftCanthus => Landmark::RightCanthus,
                Landmark::RightCanthus => Landmark::LeftCanthus,
                Landmark::LeftHeadSide => Landmark::RightHeadSide,
                Landmark::RightHeadSide => Landmark::LeftHeadSide,
                _ => return None,
            };
            Some(Handle::Landmark(other))
        }
        // A side view's profile has no mirror image: the midline is not in it.
        Handle::Point(ShapeRef::Curve(curve), _) if view.curve(curve).is_some_and(|c| c.role == CurveRole::Profile) => {
            None
        }
        Handle::Point(shape, index) => {
            let axis = view.midline()?;
            let points = points_of(view, shape)?;
            let image = mirror_point(*points.get(index)?, axis);
            // `tolerance_px` bounds the search, but never below the point's own distance to its
            // image, so that a point on the midline finds itself.
            nearest_point_index(points, image, tolerance_px.max(points[index].distance_to(image) + 1e-9))
                .map(|other| Handle::Point(shape, other))
        }
        Handle::Calibration(_) => None,
    }
}

/// The zone edge (zone, index of its first corner) passing within `radius_px` of `cursor`, the
/// topmost zone first.
pub fn zone_edge_under(view: &View, cursor: PhotoPoint, radius_px: f64) -> Option<(ZoneId, usize)> {
    view.zones.iter().rev().find_map(|zone| {
        let n = zone.vertices.len();
        if n < 3 {
            return None;
        }
        (0..n)
            .find(|&i| distance_to_curve(&[zone.vertices[i], zone.vertices[(i + 1) % n]], cursor) <= radius_px)
            .map(|i| (zone.id, i))
    })
}

/// The curve passing near `cursor`, or else the topmost zone containing it.
pub fn shape_under(view: &View, cursor: PhotoPoint, radius_px: f64) -> Option<Selection> {
    let near_curve = view.curves.iter().find(|c| distance_to_curve(&c.points, cursor) <= radius_px);
    let shape = near_curve.map(|c| ShapeRef::Curve(c.id)).or_else(|| {
        view.zones.iter().rev().find(|z| polygon_contains(&z.vertices, cursor)).map(|z| ShapeRef::Zone(z.id))
    })?;
    Some(Selection::shape(shape))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::design::{Calibration, CalibrationSource, Curve, PhotoRef, ViewKind, Zone, ZoneKind};

    fn p(x: f64, y: f64) -> PhotoPoint {
        PhotoPoint::new(x, y)
    }

    /// A 1000 px square photo with a hairline across it, a square zone, pupils and a calibration.
    pub(crate) fn view() -> View {
        let mut view = View::new(ViewKind::Front);
        view.photo = Some(PhotoRef { path: "p.jpg".into(), sha256: String::new(), width_px: 1000, height_px: 1000 });
        view.add_curve(Curve {
            name: "Hairline".into(),
            points: vec![p(300.0, 400.0), p(500.0, 350.0), p(700.0, 400.0)],
            ..Curve::default()
        });
        let mut zone = Zone::new(ZoneKind::Frontal, "Front");
        zone.vertices = vec![p(300.0, 100.0), p(700.0, 100.0), p(700.0, 300.0), p(300.0, 300.0)];
        view.add_zone(zone);
        view.landmarks.left_pupil = Some(p(420.0, 600.0));
        view.landmarks.right_pupil = Some(p(580.0, 600.0));
        view.calibration = Some(Calibration {
            source: CalibrationSource::Ruler,
            a: p(100.0, 900.0),
            b: p(200.0, 900.0),
            length_mm: 10.0,
        });
        view
    }

    #[test]
    fn points_are_grabbed_before_landmarks_and_calibration_ends() {
        let view = view();
        let hairline = ShapeRef::Curve(view.curves[0].id);
        assert_eq!(handle_under(&view, p(503.0, 352.0), 9.0), Some(Handle::Point(hairline, 1)));
        assert_eq!(handle_under(&view, p(421.0, 598.0), 9.0), Some(Handle::Landmark(Landmark::LeftPupil)));
        assert_eq!(handle_under(&view, p(198.0, 901.0), 9.0), Some(Handle::Calibration(CalibrationEnd::B)));
        assert_eq!(handle_under(&view, p(50.0, 50.0), 9.0), None);
    }

    #[test]
    fn the_mirror_partner_is_across_the_midline_and_a_centre_point_is_its_own() {
        let view = view();
        let hairline = ShapeRef::Curve(view.curves[0].id);
        assert_eq!(mirror_partner(&view, Handle::Point(hairline, 0), 9.0), Some(Handle::Point(hairline, 2)));
        assert_eq!(mirror_partner(&view, Handle::Point(hairline, 1), 9.0), Some(Handle::Point(hairline, 1)));
        assert_eq!(
            mirror_partner(&view, Handle::Landmark(Landmark::RightPupil), 9.0),
            Some(Handle::Landmark(Landmark::LeftPupil))
        );
        assert_eq!(
            mirror_partner(&view, Handle::Landmark(Landmark::LeftHeadSide), 9.0),
            Some(Handle::Landmark(Landmark::RightHeadSide))
        );
        let mut side = view.clone();
        side.curves[0].role = CurveRole::Profile;
        assert_eq!(mirror_partner(&side, Handle::Point(hairline, 0), 9.0), None, "a profile is not mirrored");
    }

    #[test]
    fn shapes_are_picked_by_their_line_or_their_inside() {
        let view = view();
        let (curve, zone) = (view.curves[0].id, view.zones[0].id);
        let on_curve = {
            use kurbo::ParamCurve;
            let segment = crate::geometry::curve_path(&view.curves[0].points).segments().next().unwrap();
            PhotoPoint::from(segment.eval(0.5))
        };
        assert_eq!(shape_under(&view, on_curve, 9.0), Some(Selection::shape(ShapeRef::Curve(curve))));
        assert_eq!(shape_under(&view, p(500.0, 200.0), 9.0), Some(Selection::shape(ShapeRef::Zone(zone))));
        assert_eq!(zone_edge_under(&view, p(500.0, 104.0), 9.0), Some((zone, 0)));
        assert_eq!(zone_edge_under(&view, p(296.0, 200.0), 9.0), Some((zone, 3)));
    }

    #[test]
    fn a_selection_of_a_removed_shape_or_point_no_longer_exists() {
        let mut view = view();
        let zone = ShapeRef::Zone(view.zones[0].id);
        assert!(Selection::point(zone, 3).exists_in(&view));
        assert!(!Selection::point(zone, 4).exists_in(&view));
        view.zones.clear();
        assert!(!Selection::shape(zone).exists_in(&view));
    }
}
