//! Edits of whole shapes: drawing a zone corner by corner and closing it, a zone filled behind
//! the hairline, a hairline from a starting shape, and outline curves.

use crate::design::{Curve, CurveRole, PhotoPoint, View, Zone, ZoneId, ZoneKind};
use crate::geometry::{HairlineShape, polygon_self_intersects};

use super::pick::{Selection, ShapeRef};
use super::points::remove_zone;
use super::{Made, Outcome, Refused};

/// Starts a zone of `kind` with its first corner at `at`.
pub(super) fn start_zone(view: &mut View, kind: ZoneKind, at: PhotoPoint) -> Outcome {
    let mut zone = Zone::new(kind, format!("Zone {}", view.zones.len() + 1));
    zone.vertices.push(at);
    let id = view.add_zone(zone);
    Outcome { select: Some(Selection::point(ShapeRef::Zone(id), 0)), made: Some(Made::Zone(id)), ..Outcome::default() }
}

/// Adds a corner at the end of zone `zone`, the one being drawn.
pub(super) fn add_zone_corner(view: &mut View, zone: ZoneId, at: PhotoPoint) -> Result<Outcome, Refused> {
    let vertices = &mut view.zone_mut(zone).ok_or(Refused::Gone)?.vertices;
    vertices.push(at);
    Ok(Outcome::select(Selection::point(ShapeRef::Zone(zone), vertices.len() - 1)))
}

/// Closes the zone being drawn: corners closer than `merge_px` merge (a double-click lands two
/// clicks on one spot); a zone with fewer than three corners is removed; one whose edges cross
/// is refused and stays open.
pub(super) fn close_zone(view: &mut View, zone: ZoneId, merge_px: f64) -> Result<Outcome, Refused> {
    let mut vertices = view.zone(zone).ok_or(Refused::Gone)?.vertices.clone();
    vertices.dedup_by(|a, b| a.distance_to(*b) < merge_px);
    if vertices.len() < 3 {
        remove_zone(view, zone)?;
        return Ok(Outcome::deselect("A zone needs at least three corners; it was removed.".to_owned()));
    }
    if polygon_self_intersects(&vertices) {
        return Err(Refused::ZoneEdgesCross);
    }
    let closed = view.zone_mut(zone).ok_or(Refused::Gone)?;
    closed.vertices = vertices;
    Ok(Outcome {
        select: Some(Selection::shape(ShapeRef::Zone(zone))),
        message: Some(format!("{} closed.", closed.name)),
        ..Outcome::default()
    })
}

/// A new, empty outline curve (a temple point, a scar outline), selected for its points.
pub(super) fn add_outline_curve(view: &mut View) -> Outcome {
    let name = format!("Outline {}", view.curves.len());
    let id = view.add_curve(Curve { name, role: CurveRole::Outline, ..Curve::default() });
    Outcome { select: Some(Selection::shape(ShapeRef::Curve(id))), made: Some(Made::Curve(id)), ..Outcome::default() }
}

/// A zone from the hairline back `depth_mm` up the head, along the midline.
pub(super) fn fill_behind_hairline(view: &mut View, depth_mm: f64) -> Result<Outcome, Refused> {
    let hairline = view.hairline().filter(|c| c.points.len() >= 2).ok_or(Refused::NoHairline)?;
    let mm_per_px = view.mm_per_px().ok_or(Refused::NotCalibrated)?;
    let [a, b] = view.midline().ok_or(Refused::NoPhoto)?;
    let (dx, dy) = if b.y <= a.y { (b.x - a.x, b.y - a.y) } else { (a.x - b.x, a.y - b.y) };
    let length = dx.hypot(dy).max(f64::EPSILON);
    let shift = depth_mm / mm_per_px;
    let back =
        hairline.points.iter().rev().map(|p| PhotoPoint::new(p.x + dx / length * shift, p.y + dy / length * shift));
    let mut zone = Zone::new(ZoneKind::Frontal, "Behind the hairline");
    zone.vertices = hairline.points.iter().copied().chain(back).collect();
    let id = view.add_zone(zone);
    Ok(Outcome { select: Some(Selection::shape(ShapeRef::Zone(id))), made: Some(Made::Zone(id)), ..Outcome::default() })
}

/// Replaces the hairline's points with `shape`, laid out from the view's guides (creating the
/// hairline if there is none).
pub(super) fn apply_shape(view: &mut View, shape: HairlineShape) -> Result<Outcome, Refused> {
    let frame = view.face_frame().ok_or(Refused::NoFaceFrame)?;
    let points = shape.points(&frame, view.guides.mid_frontal_height_mm);
    let id = match view.hairline().map(|c| c.id) {
        Some(id) => id,
        None => view.add_curve(Curve { name: "Hairline".to_owned(), role: CurveRole::Hairline, ..Curve::default() }),
    };
    view.curve_mut(id).ok_or(Refused::Gone)?.points = points;
    Ok(Outcome::select(Selection::shape(ShapeRef::Curve(id))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::Calibration;
    use crate::edit::pick::tests::view;

    fn p(x: f64, y: f64) -> PhotoPoint {
        PhotoPoint::new(x, y)
    }

    #[test]
    fn a_zone_is_drawn_corner_by_corner_and_closed() {
        let mut view = view();
        let made = start_zone(&mut view, ZoneKind::Crown, p(100.0, 500.0)).made;
        let Some(Made::Zone(zone)) = made else { panic!("{made:?}") };
        for at in [p(200.0, 500.0), p(150.0, 600.0), p(150.5, 600.5)] {
            add_zone_corner(&mut view, zone, at).unwrap();
        }
        let outcome = close_zone(&mut view, zone, 2.0).unwrap();
        assert_eq!(view.zone(zone).unwrap().vertices.len(), 3, "the double-click's twin corner merged");
        assert_eq!(view.zone(zone).unwrap().kind, ZoneKind::Crown);
        assert!(outcome.message.is_some_and(|m| m.ends_with("closed.")));
    }

    #[test]
    fn closing_a_zone_with_crossing_edges_is_refused_and_one_with_two_corners_removed() {
        let mut view = view();
        let Some(Made::Zone(bow)) = start_zone(&mut view, ZoneKind::Crown, p(0.0, 0.0)).made else { panic!() };
        for at in [p(100.0, 100.0), p(100.0, 0.0), p(0.0, 100.0)] {
            add_zone_corner(&mut view, bow, at).unwrap();
        }
        assert_eq!(close_zone(&mut view, bow, 2.0), Err(Refused::ZoneEdgesCross));
        assert!(view.zone(bow).is_some(), "still there to be mended");
        let Some(Made::Zone(line)) = start_zone(&mut view, ZoneKind::Crown, p(0.0, 0.0)).made else { panic!() };
        add_zone_corner(&mut view, line, p(10.0, 0.0)).unwrap();
        assert!(close_zone(&mut view, line, 2.0).unwrap().deselect);
        assert!(view.zone(line).is_none());
    }

    #[test]
    fn the_fill_behind_the_hairline_reaches_back_its_depth() {
        let mut view = view();
        view.calibration = Some(Calibration { length_mm: 100.0, ..view.calibration.clone().unwrap() }); // 1 mm/px
        let Some(Made::Zone(zone)) = fill_behind_hairline(&mut view, 60.0).unwrap().made else { panic!() };
        let vertices = &view.zone(zone).unwrap().vertices;
        assert_eq!(vertices.len(), 6);
        assert_eq!(vertices[3], p(700.0, 340.0), "60 px up the midline from the last hairline point");
        view.calibration = None;
        assert_eq!(fill_behind_hairline(&mut view, 60.0), Err(Refused::NotCalibrated));
    }

    #[test]
    fn a_starting_shape_needs_the_face_frame_and_replaces_the_hairline() {
        let mut view = view();
        assert_eq!(apply_shape(&mut view, HairlineShape::Rounded), Err(Refused::NoFaceFrame));
        view.landmarks.glabella = Some(p(500.0, 560.0));
        apply_shape(&mut view, HairlineShape::Rounded).unwrap();
        assert_eq!(view.curves.len(), 1, "the hairline replaced, not added");
        assert!(view.curves[0].points.len() > 3);
    }
}
