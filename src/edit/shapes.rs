//! Edits of whole shapes: drawing a zone corner by corner and closing it, a zone filled behind
//! the hairline, a hairline from a starting shape, and outline curves.

use crate::design::{Curve, CurveRole, PhotoPoint, View, ViewKind, Zone, ZoneId, ZoneKind};
use crate::geometry::{HairlineShape, polygon_self_intersects};

use super::pick::{Selection, ShapeRef};
use super::points::remove_zone;
use super::{Made, Outcome, Refused};

/// Starts a zone of `kind` with its first corner at `at`, with the kind's defaults on a design
/// whose shade is `design_water_parts`.
pub(super) fn start_zone(view: &mut View, kind: ZoneKind, design_water_parts: f64, at: PhotoPoint) -> Outcome {
    let mut zone = Zone::new(kind, format!("Zone {}", view.zones.len() + 1));
    zone.set_kind(kind, design_water_parts, true);
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
/// is refused and stays open. A zone whose place suggests its kind ([`suggested_kind`]) takes
/// it, with its defaults on a design whose shade is `design_water_parts`.
pub(super) fn close_zone(
    view: &mut View,
    zone: ZoneId,
    design_water_parts: f64,
    merge_px: f64,
) -> Result<Outcome, Refused> {
    let mut vertices = view.zone(zone).ok_or(Refused::Gone)?.vertices.clone();
    vertices.dedup_by(|a, b| a.distance_to(*b) < merge_px);
    if vertices.len() < 3 {
        remove_zone(view, zone)?;
        return Ok(Outcome::deselect("A zone needs at least three corners; it was removed.".to_owned()));
    }
    if polygon_self_intersects(&vertices) {
        return Err(Refused::ZoneEdgesCross);
    }
    let suggested = suggested_kind(view, &vertices);
    let closed = view.zone_mut(zone).ok_or(Refused::Gone)?;
    closed.vertices = vertices;
    let message = match suggested {
        Some(kind) if kind != closed.kind && closed.customised(design_water_parts).is_empty() => {
            closed.set_kind(kind, design_water_parts, false);
            format!(
                "{} closed: a {} zone, as its place suggests; its kind can be changed in the inspector.",
                closed.name,
                kind.label()
            )
        }
        _ => format!("{} closed.", closed.name),
    };
    follow_density_around(view, zone, design_water_parts);
    Ok(Outcome { select: Some(Selection::shape(ShapeRef::Zone(zone))), message: Some(message), ..Outcome::default() })
}

/// A scar zone with its kind's own density takes the density of the scalp around it (on a
/// design whose shade is `design_water_parts`).
fn follow_density_around(view: &mut View, zone: ZoneId, design_water_parts: f64) {
    let around = view.density_around(zone);
    if let (Some(density), Some(scar)) = (around, view.zone_mut(zone))
        && scar.kind == ZoneKind::ScarCamouflage
        && !scar.customised(design_water_parts).contains(&"density")
    {
        scar.density_per_cm2 = density;
    }
}

/// How far from the hairline (mm, on the photo) a zone's centre is taken for the hairline's
/// transition band, and how far out from the midline for a temple: about half a biocular width.
const NEAR_HAIRLINE_MM: f64 = 12.0;
const TEMPLE_FROM_MIDLINE_MM: f64 = 45.0;

/// The kind a zone with corners `vertices` is, judged by where it is: on a crown view, the
/// crown; on a calibrated front view with a hairline, a zone centred on the hairline is its
/// transition band, and one centred far to a side (past the outer eye corners), between the
/// brows and the hairline's top, a temple. `None`
/// where its place says nothing (the artist's last kind is kept).
pub fn suggested_kind(view: &View, vertices: &[PhotoPoint]) -> Option<ZoneKind> {
    match view.kind {
        ViewKind::Crown => return Some(ZoneKind::Crown),
        ViewKind::Front => {}
        _ => return None,
    }
    let frame = view.face_frame()?;
    let hairline = view.hairline().filter(|c| c.points.len() >= 2)?;
    let centre = frame.to_face(crate::geometry::vertex_mean(vertices));
    let hairline_y = crate::geometry::height_at(&frame, &hairline.points, centre.x_mm);
    let hairline_top = crate::geometry::sample_curve(&hairline.points)
        .into_iter()
        .map(|p| frame.to_face(p).y_mm)
        .fold(f64::NEG_INFINITY, f64::max);
    let beside_the_forehead = (0.0..=hairline_top).contains(&centre.y_mm);
    match hairline_y {
        Some(y) if (centre.y_mm - y).abs() <= NEAR_HAIRLINE_MM => Some(ZoneKind::HairlineTransition),
        _ if centre.x_mm.abs() >= TEMPLE_FROM_MIDLINE_MM && beside_the_forehead => Some(ZoneKind::Temple),
        _ => None,
    }
}

/// A new, empty outline curve (a temple point, a scar outline), selected for its points.
pub(super) fn add_outline_curve(view: &mut View) -> Outcome {
    let name = format!("Outline {}", view.curves.len());
    let id = view.add_curve(Curve { name, role: CurveRole::Outline, ..Curve::default() });
    Outcome { select: Some(Selection::shape(ShapeRef::Curve(id))), made: Some(Made::Curve(id)), ..Outcome::default() }
}

/// A zone from the hairline back `depth_mm` up the head, along the midline: along the skin of
/// the head `skin` maps the view onto, where there is one, else in the photo's plane.
pub(super) fn fill_behind_hairline(
    view: &mut View,
    depth_mm: f64,
    skin: Option<&crate::geometry::SkinMap>,
) -> Result<Outcome, Refused> {
    let hairline = view.hairline().filter(|c| c.points.len() >= 2).ok_or(Refused::NoHairline)?;
    let mm_per_px = view.mm_per_px().ok_or(Refused::NotCalibrated)?;
    let [a, b] = view.midline().ok_or(Refused::NoPhoto)?;
    let (dx, dy) = if b.y <= a.y { (b.x - a.x, b.y - a.y) } else { (a.x - b.x, a.y - b.y) };
    let length = dx.hypot(dy).max(f64::EPSILON);
    let shift = depth_mm / mm_per_px;
    let back = hairline.points.iter().rev().map(|&p| match skin {
        Some(map) => map.up_the_skin(p, depth_mm),
        None => PhotoPoint::new(p.x + dx / length * shift, p.y + dy / length * shift),
    });
    let mut zone = Zone::new(ZoneKind::Frontal, "Behind the hairline");
    zone.vertices = hairline.points.iter().copied().chain(back).collect();
    let id = view.add_zone(zone);
    Ok(Outcome { select: Some(Selection::shape(ShapeRef::Zone(id))), made: Some(Made::Zone(id)), ..Outcome::default() })
}

/// Replaces the hairline's points with `shape`, laid out from the view's guides with its centre
/// `height_mm` above the glabella in the photo (creating the hairline if there is none).
pub(super) fn apply_shape(view: &mut View, shape: HairlineShape, height_mm: f64) -> Result<Outcome, Refused> {
    let frame = view.face_frame().ok_or(Refused::NoFaceFrame)?;
    let points = shape.points(&frame, height_mm);
    let id = match view.hairline().map(|c| c.id) {
        Some(id) => id,
        None => view.add_curve(Curve { name: "Hairline".to_owned(), role: CurveRole::Hairline, ..Curve::default() }),
    };
    view.curve_mut(id).ok_or(Refused::Gone)?.points = points;
    Ok(Outcome::select(Selection::shape(ShapeRef::Curve(id))))
}

#[cfg(test)]
#[expect(clippy::float_cmp, reason = "defaults and set values are copied, never computed")]
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
        let made = start_zone(&mut view, ZoneKind::Crown, 18.0, p(100.0, 500.0)).made;
        let Some(Made::Zone(zone)) = made else { panic!("{made:?}") };
        for at in [p(200.0, 500.0), p(150.0, 600.0), p(150.5, 600.5)] {
            add_zone_corner(&mut view, zone, at).unwrap();
        }
        let outcome = close_zone(&mut view, zone, 18.0, 2.0).unwrap();
        assert_eq!(view.zone(zone).unwrap().vertices.len(), 3, "the double-click's twin corner merged");
        assert_eq!(view.zone(zone).unwrap().kind, ZoneKind::Crown);
        assert!(outcome.message.is_some_and(|m| m.ends_with("closed.")));
    }

    #[test]
    fn closing_a_zone_with_crossing_edges_is_refused_and_one_with_two_corners_removed() {
        let mut view = view();
        let Some(Made::Zone(bow)) = start_zone(&mut view, ZoneKind::Crown, 18.0, p(0.0, 0.0)).made else { panic!() };
        for at in [p(100.0, 100.0), p(100.0, 0.0), p(0.0, 100.0)] {
            add_zone_corner(&mut view, bow, at).unwrap();
        }
        assert_eq!(close_zone(&mut view, bow, 18.0, 2.0), Err(Refused::ZoneEdgesCross));
        assert!(view.zone(bow).is_some(), "still there to be mended");
        let Some(Made::Zone(line)) = start_zone(&mut view, ZoneKind::Crown, 18.0, p(0.0, 0.0)).made else { panic!() };
        add_zone_corner(&mut view, line, p(10.0, 0.0)).unwrap();
        assert!(close_zone(&mut view, line, 18.0, 2.0).unwrap().deselect);
        assert!(view.zone(line).is_none());
    }

    /// Draws a square zone of `kind` with its centre at `centre`, 40 px a side, and closes it.
    fn square(view: &mut View, kind: ZoneKind, centre: PhotoPoint) -> ZoneId {
        let Some(Made::Zone(zone)) = start_zone(view, kind, 18.0, p(centre.x - 20.0, centre.y - 20.0)).made else {
            panic!()
        };
        for (dx, dy) in [(20.0, -20.0), (20.0, 20.0), (-20.0, 20.0)] {
            add_zone_corner(view, zone, p(centre.x + dx, centre.y + dy)).unwrap();
        }
        close_zone(view, zone, 18.0, 2.0).unwrap();
        zone
    }

    #[test]
    fn a_zone_takes_the_kind_its_place_suggests() {
        let mut view = view();
        view.landmarks.glabella = Some(p(500.0, 560.0));
        view.calibration = Some(Calibration { length_mm: 100.0, ..view.calibration.clone().unwrap() }); // 1 mm/px
        let on_the_hairline = square(&mut view, ZoneKind::Frontal, p(500.0, 355.0));
        let zone = view.zone(on_the_hairline).unwrap();
        assert_eq!(zone.kind, ZoneKind::HairlineTransition);
        assert_eq!(zone.dot_diameter_mm, ZoneKind::HairlineTransition.defaults().dot_diameter_mm, "its defaults too");
        assert_eq!(zone.water_parts, Some(18.0 + 4.0), "a lighter shade than the design's");
        let beside_the_eye = square(&mut view, ZoneKind::Frontal, p(560.0, 500.0));
        assert_eq!(view.zone(beside_the_eye).unwrap().kind, ZoneKind::Temple);
        let up_the_head = square(&mut view, ZoneKind::MidScalp, p(500.0, 150.0));
        assert_eq!(view.zone(up_the_head).unwrap().kind, ZoneKind::MidScalp, "no suggestion: the kind drawn");
        view.kind = ViewKind::Crown;
        let on_the_crown = square(&mut view, ZoneKind::Frontal, p(500.0, 150.0));
        assert_eq!(view.zone(on_the_crown).unwrap().kind, ZoneKind::Crown);
    }

    #[test]
    fn a_scar_zone_follows_the_density_around_it() {
        let mut view = view();
        view.zones[0].density_per_cm2 = 150.0;
        let scar = square(&mut view, ZoneKind::ScarCamouflage, p(500.0, 200.0));
        assert_eq!(view.zone(scar).unwrap().density_per_cm2, 150.0, "the frontal zone's around it");
        let apart = square(&mut view, ZoneKind::ScarCamouflage, p(900.0, 900.0));
        let default = ZoneKind::ScarCamouflage.defaults().density_per_cm2;
        assert_eq!(view.zone(apart).unwrap().density_per_cm2, default, "nothing around: its own default");
    }

    #[test]
    fn a_new_kind_brings_its_defaults_but_keeps_what_the_artist_set_unless_told() {
        let mut zone = Zone::new(ZoneKind::Frontal, "Z");
        assert!(zone.customised(18.0).is_empty(), "a new zone has its kind's defaults");
        zone.set_kind(ZoneKind::ScarCamouflage, 18.0, false);
        let scar = ZoneKind::ScarCamouflage.defaults();
        assert_eq!((zone.edge_feather_mm, zone.water_parts), (scar.edge_feather_mm, Some(24.0)));
        assert!(zone.customised(18.0).is_empty());
        zone.density_per_cm2 = 150.0;
        assert_eq!(zone.customised(18.0), ["density"]);
        zone.set_kind(ZoneKind::Temple, 18.0, false);
        let temple = ZoneKind::Temple.defaults();
        assert_eq!(zone.density_per_cm2, 150.0, "the artist's density kept");
        assert_eq!((zone.dot_diameter_mm, zone.water_parts), (temple.dot_diameter_mm, None), "the rest the temple's");
        zone.set_kind(ZoneKind::Density, 18.0, true);
        assert_eq!(zone.density_per_cm2, ZoneKind::Density.defaults().density_per_cm2, "overwritten when told");
    }

    #[test]
    fn the_fill_behind_the_hairline_reaches_back_its_depth() {
        let mut view = view();
        view.calibration = Some(Calibration { length_mm: 100.0, ..view.calibration.clone().unwrap() }); // 1 mm/px
        let Some(Made::Zone(zone)) = fill_behind_hairline(&mut view, 60.0, None).unwrap().made else { panic!() };
        let vertices = &view.zone(zone).unwrap().vertices;
        assert_eq!(vertices.len(), 6);
        assert_eq!(vertices[3], p(700.0, 340.0), "60 px up the midline from the last hairline point");
        view.calibration = None;
        assert_eq!(fill_behind_hairline(&mut view, 60.0, None), Err(Refused::NotCalibrated));
    }

    #[test]
    fn a_starting_shape_needs_the_face_frame_and_replaces_the_hairline() {
        let mut view = view();
        assert_eq!(apply_shape(&mut view, HairlineShape::Rounded, 80.0), Err(Refused::NoFaceFrame));
        view.landmarks.glabella = Some(p(500.0, 560.0));
        apply_shape(&mut view, HairlineShape::Rounded, 80.0).unwrap();
        assert_eq!(view.curves.len(), 1, "the hairline replaced, not added");
        assert!(view.curves[0].points.len() > 3);
    }
}
