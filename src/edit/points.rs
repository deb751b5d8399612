//! Edits of single points: adding a hairline point, a zone's corners, moving any handle with
//! snapping and mirroring, and deleting points or whole shapes.

use crate::design::{Curve, CurveId, CurveRole, PhotoPoint, View, ZoneId};
use crate::geometry::{mirror_point, polygon_self_intersects, project_onto_line, span_near};

use super::pick::{Handle, Selection, ShapeRef, handle_mut, mirror_partner, points_of, points_of_mut};
use super::{Outcome, Refused};

/// How a point is placed: how near a line counts as "on" it, how near the midline snaps onto it,
/// how far beyond a curve's ends a click still extends it, and whether to mirror.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placing {
    /// A click this close to a curve's span inserts into it, in photo pixels.
    pub on_line_px: f64,
    /// Hairline points this close to the midline snap onto it, in photo pixels.
    pub snap_px: f64,
    /// A click this close to a curve's first or last point extends the curve there; elsewhere
    /// it is refused (a stray click must not drag the hairline to the chin). In photo pixels;
    /// infinite for "anywhere".
    pub reach_px: f64,
    /// Mirror the edit about the midline.
    pub mirror: bool,
}

/// Snaps `point` onto the midline `axis` when within `snap_px` of it.
fn snapped(point: PhotoPoint, axis: Option<[PhotoPoint; 2]>, snap_px: f64) -> PhotoPoint {
    match axis.map(|axis| project_onto_line(point, axis)) {
        Some(on_midline) if on_midline.distance_to(point) < snap_px => on_midline,
        _ => point,
    }
}

/// Where `cursor` goes into `points`: into the span it was clicked on, or else before the first
/// or after the last point, whichever is nearer, if within `reach_px` of it.
fn insertion_index(points: &[PhotoPoint], cursor: PhotoPoint, placing: &Placing) -> Option<usize> {
    let (Some(&first), Some(&last)) = (points.first(), points.last()) else {
        return Some(0);
    };
    if let Some(span) = span_near(points, cursor, placing.on_line_px) {
        return Some(span + 1);
    }
    let (to_first, to_last) = (cursor.distance_to(first), cursor.distance_to(last));
    // One point is no line yet: the second may go anywhere.
    if points.len() > 1 && to_first.min(to_last) > placing.reach_px {
        return None;
    }
    Some(if to_first < to_last { 0 } else { points.len() })
}

/// Adds `at` to the view's profile, creating it if there is none: only on a side view.
pub(super) fn add_profile_point(view: &mut View, at: PhotoPoint, placing: &Placing) -> Result<Outcome, Refused> {
    if !matches!(view.kind, crate::design::ViewKind::Left | crate::design::ViewKind::Right) {
        return Err(Refused::NotASideView);
    }
    let profile = match view.profile() {
        Some(curve) => curve.id,
        None => view.add_curve(Curve { name: "Profile".to_owned(), role: CurveRole::Profile, ..Curve::default() }),
    };
    // A profile has no midline to snap to or mirror about.
    add_curve_point(view, Some(profile), at, &Placing { mirror: false, snap_px: 0.0, ..*placing })
}

/// Adds `at` to curve `target` (if it exists), else to the view's hairline, creating it if there
/// is none; snapped onto the midline when close and mirrored in mirror mode. Selects the point.
pub(super) fn add_curve_point(
    view: &mut View,
    target: Option<CurveId>,
    at: PhotoPoint,
    placing: &Placing,
) -> Result<Outcome, Refused> {
    let axis = view.midline();
    let curve = match target.filter(|&id| view.curve(id).is_some()).or_else(|| view.hairline().map(|c| c.id)) {
        Some(id) => id,
        None => view.add_curve(Curve { name: "Hairline".to_owned(), role: CurveRole::Hairline, ..Curve::default() }),
    };
    let point = snapped(at, axis, placing.snap_px);
    let Some(points) = view.curve_mut(curve).map(|c| &mut c.points) else {
        return Err(Refused::Gone);
    };
    let index = insertion_index(points, point, placing).ok_or(Refused::FarFromCurve)?;
    points.insert(index, point);
    let mut selected = index;
    if let (true, Some(axis)) = (placing.mirror, axis) {
        let image = mirror_point(point, axis);
        // A point on the midline is its own image.
        if image.distance_to(point) >= placing.snap_px
            && let Some(image_index) = insertion_index(points, image, &Placing { reach_px: f64::INFINITY, ..*placing })
        {
            points.insert(image_index, image);
            if image_index <= selected {
                selected += 1;
            }
        }
    }
    Ok(Outcome::select(Selection::point(ShapeRef::Curve(curve), selected)))
}

/// Inserts a corner into zone `zone` after corner `after`.
pub(super) fn insert_zone_corner(
    view: &mut View,
    zone: ZoneId,
    after: usize,
    at: PhotoPoint,
) -> Result<Outcome, Refused> {
    let vertices = &mut view.zone_mut(zone).ok_or(Refused::Gone)?.vertices;
    let index = (after + 1).min(vertices.len());
    vertices.insert(index, at);
    Ok(Outcome::select(Selection::point(ShapeRef::Zone(zone), index)))
}

/// Moves `handle` to `to` (hairline points snap onto the midline) and, in mirror mode, its
/// `partner` to the mirror image. A move that would make a zone's edges cross is refused and
/// changes nothing.
pub(super) fn move_handle(
    view: &mut View,
    handle: Handle,
    partner: Option<Handle>,
    to: PhotoPoint,
    placing: &Placing,
) -> Result<Outcome, Refused> {
    let axis = view.midline();
    let on_midline = partner == Some(handle);
    let to = match axis {
        Some(axis) if on_midline => project_onto_line(to, axis),
        _ if handle.is_hairline_point(view) => snapped(to, axis, placing.snap_px),
        _ => to,
    };
    if let Handle::Point(ShapeRef::Zone(zone), index) = handle {
        let mut moved = view.zone(zone).ok_or(Refused::Gone)?.vertices.clone();
        if let Some(point) = moved.get_mut(index) {
            *point = to;
        }
        if let (true, Some(Handle::Point(_, other)), Some(axis)) = (placing.mirror, partner, axis)
            && let Some(point) = moved.get_mut(other)
        {
            *point = mirror_point(to, axis);
        }
        if polygon_self_intersects(&moved) {
            return Err(Refused::CrossingEdges);
        }
    }
    *handle_mut(view, handle).ok_or(Refused::Gone)? = to;
    if let (true, Some(partner), Some(axis)) = (placing.mirror, partner, axis)
        && partner != handle
        && let Some(point) = handle_mut(view, partner)
    {
        *point = mirror_point(to, axis);
    }
    Ok(Outcome::default())
}

/// The partner of `handle` for a drag started on it: its mirror image in mirror mode.
pub fn drag_partner(view: &View, handle: Handle, tolerance_px: f64, mirror: bool) -> Option<Handle> {
    if mirror { mirror_partner(view, handle, tolerance_px) } else { None }
}

/// Deletes the selected point (and its mirror image in mirror mode), or the selected shape when
/// no point is selected. A zone left with fewer than three corners goes whole, unless it is
/// `open_zone`, the one being drawn.
pub(super) fn delete_selection(
    view: &mut View,
    selection: Selection,
    mirror: bool,
    open_zone: Option<ZoneId>,
) -> Result<Outcome, Refused> {
    let Some(point) = selection.point else {
        return delete_shape(view, selection.shape);
    };
    let partner = match mirror_partner(view, Handle::Point(selection.shape, point), f64::INFINITY) {
        Some(Handle::Point(_, other)) if mirror && other != point => Some(other),
        _ => None,
    };
    let count = points_of(view, selection.shape).ok_or(Refused::Gone)?.len();
    let mut doomed: Vec<usize> = std::iter::once(point).chain(partner).filter(|&i| i < count).collect();
    doomed.sort_unstable_by(|a, b| b.cmp(a));
    let left = count - doomed.len();
    match selection.shape {
        ShapeRef::Zone(zone) if left < 3 && open_zone != Some(zone) => {
            let name = remove_zone(view, zone)?;
            Ok(Outcome::deselect(format!(
                "{name} would have had fewer than three corners, so the whole zone was deleted."
            )))
        }
        ShapeRef::Curve(curve) if left == 0 => {
            let name = remove_curve(view, curve)?;
            Ok(Outcome::deselect(format!("Deleted {name}.")))
        }
        shape => {
            let points = points_of_mut(view, shape).ok_or(Refused::Gone)?;
            for index in doomed {
                points.remove(index);
            }
            Ok(Outcome { deselect: true, ..Outcome::default() })
        }
    }
}

fn delete_shape(view: &mut View, shape: ShapeRef) -> Result<Outcome, Refused> {
    let name = match shape {
        ShapeRef::Curve(id) => remove_curve(view, id)?,
        ShapeRef::Zone(id) => remove_zone(view, id)?,
    };
    Ok(Outcome::deselect(format!("Deleted {name}.")))
}

fn remove_curve(view: &mut View, id: CurveId) -> Result<String, Refused> {
    let index = view.curves.iter().position(|c| c.id == id).ok_or(Refused::Gone)?;
    Ok(view.curves.remove(index).name)
}

pub(super) fn remove_zone(view: &mut View, id: ZoneId) -> Result<String, Refused> {
    let index = view.zones.iter().position(|z| z.id == id).ok_or(Refused::Gone)?;
    Ok(view.zones.remove(index).name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::{Zone, ZoneKind};
    use crate::edit::pick::tests::view;

    fn p(x: f64, y: f64) -> PhotoPoint {
        PhotoPoint::new(x, y)
    }

    const ANYWHERE: Placing = Placing { on_line_px: 9.0, snap_px: 10.0, reach_px: f64::INFINITY, mirror: false };

    fn hairline(view: &View) -> Vec<PhotoPoint> {
        view.hairline().map(|c| c.points.clone()).unwrap_or_default()
    }

    #[test]
    fn a_click_on_the_curve_inserts_and_one_beyond_an_end_extends() {
        let mut view = view();
        let first_span = {
            use kurbo::ParamCurve;
            let segment = crate::geometry::curve_path(&hairline(&view)).segments().next().unwrap();
            PhotoPoint::from(segment.eval(0.5))
        };
        let outcome = add_curve_point(&mut view, None, first_span, &ANYWHERE).unwrap();
        assert_eq!(hairline(&view).len(), 4);
        assert_eq!(outcome.select.and_then(|s| s.point), Some(1), "inserted between the first two");
        add_curve_point(&mut view, None, p(800.0, 450.0), &ANYWHERE).unwrap();
        assert_eq!(hairline(&view).last(), Some(&p(800.0, 450.0)), "beyond the last point: appended");
        add_curve_point(&mut view, None, p(200.0, 450.0), &ANYWHERE).unwrap();
        assert_eq!(hairline(&view).first(), Some(&p(200.0, 450.0)), "beyond the first: prepended");
    }

    #[test]
    fn a_click_far_from_both_ends_is_refused_and_changes_nothing() {
        let mut view = view();
        let before = view.clone();
        let near = Placing { reach_px: 150.0, ..ANYWHERE };
        assert_eq!(add_curve_point(&mut view, None, p(500.0, 950.0), &near), Err(Refused::FarFromCurve));
        assert_eq!(view, before);
        add_curve_point(&mut view, None, p(800.0, 450.0), &near).unwrap();
        assert_eq!(hairline(&view).len(), 4, "near the end it still extends");
    }

    #[test]
    fn points_near_the_midline_snap_onto_it_and_mirror_mode_adds_the_twin() {
        let mut view = view();
        view.curves.clear();
        let mirrored = Placing { mirror: true, ..ANYWHERE };
        add_curve_point(&mut view, None, p(505.0, 300.0), &mirrored).unwrap();
        assert_eq!(hairline(&view), vec![p(500.0, 300.0)], "snapped, and its own twin");
        add_curve_point(&mut view, None, p(300.0, 400.0), &mirrored).unwrap();
        let points = hairline(&view);
        assert_eq!(points.len(), 3);
        assert!(points.contains(&p(700.0, 400.0)), "{points:?}");
    }

    #[test]
    fn moving_a_zone_corner_across_an_edge_is_refused() {
        let mut view = view();
        let zone = view.zones[0].id;
        let before = view.clone();
        let corner = Handle::Point(ShapeRef::Zone(zone), 0);
        assert_eq!(move_handle(&mut view, corner, None, p(800.0, 200.0), &ANYWHERE), Err(Refused::CrossingEdges));
        assert_eq!(view, before);
        move_handle(&mut view, corner, None, p(250.0, 80.0), &ANYWHERE).unwrap();
        assert_eq!(view.zones[0].vertices[0], p(250.0, 80.0));
    }

    #[test]
    fn a_dragged_point_moves_its_mirror_twin_and_a_centre_point_stays_on_the_midline() {
        let mut view = view();
        let hairline_id = ShapeRef::Curve(view.curves[0].id);
        let mirrored = Placing { mirror: true, ..ANYWHERE };
        let left = Handle::Point(hairline_id, 0);
        let partner = drag_partner(&view, left, 9.0, true);
        move_handle(&mut view, left, partner, p(280.0, 420.0), &mirrored).unwrap();
        assert_eq!(hairline(&view)[2], p(720.0, 420.0));
        let centre = Handle::Point(hairline_id, 1);
        let partner = drag_partner(&view, centre, 9.0, true);
        move_handle(&mut view, centre, partner, p(530.0, 330.0), &mirrored).unwrap();
        assert_eq!(hairline(&view)[1], p(500.0, 330.0));
    }

    #[test]
    fn deleting_a_zone_corner_below_three_deletes_the_zone_unless_it_is_being_drawn() {
        let mut view = view();
        let mut triangle = Zone::new(ZoneKind::Crown, "Crown");
        triangle.vertices = vec![p(100.0, 100.0), p(200.0, 100.0), p(150.0, 200.0)];
        let crown = view.add_zone(triangle);
        let corner = Selection::point(ShapeRef::Zone(crown), 0);
        let drawing = delete_selection(&mut view.clone(), corner, false, Some(crown)).unwrap();
        assert!(drawing.message.is_none(), "still being drawn: only the corner goes");
        let outcome = delete_selection(&mut view, corner, false, None).unwrap();
        assert!(view.zone(crown).is_none());
        assert!(outcome.message.is_some_and(|m| m.contains("fewer than three")));
        assert!(outcome.deselect);
    }

    #[test]
    fn deleting_with_mirror_on_takes_the_twin_too() {
        let mut view = view();
        let hairline_id = ShapeRef::Curve(view.curves[0].id);
        delete_selection(&mut view, Selection::point(hairline_id, 0), true, None).unwrap();
        assert_eq!(hairline(&view), vec![p(500.0, 350.0)]);
    }
}
