//! What is drawn over the photo besides the design's shapes: the anatomical guides, the
//! landmarks, the calibration reference and each hairline's transition band.

use egui::{Align2, Color32, FontId, Painter, Pos2, Stroke};

use crate::design::{CurveRole, Landmark, PhotoPoint, View, ViewKind};
use crate::geometry::{FacePoint, sample_curve};

use crate::edit::{CalibrationEnd, Handle};

const GUIDE_COLOUR: Color32 = Color32::from_rgb(90, 210, 230);
const MID_FRONTAL_COLOUR: Color32 = Color32::from_rgb(255, 200, 90);
const LANDMARK_COLOUR: Color32 = Color32::from_rgb(255, 120, 200);
const CALIBRATION_COLOUR: Color32 = Color32::from_rgb(150, 255, 150);
const BAND_COLOUR: Color32 = Color32::from_rgb(255, 140, 40);

/// What the overlay needs besides the view.
pub struct Overlay<'a> {
    pub view: &'a View,
    /// The head the view is mapped onto: the mid-frontal guide is placed along its skin.
    pub head: &'a crate::design::HeadFit,
    /// Whether to paint the anatomical guides.
    pub guides: bool,
    pub hover: Option<Handle>,
}

/// Paints the band behind each hairline, below the shapes.
pub fn paint_bands(painter: &Painter, overlay: &Overlay<'_>, to_screen: &impl Fn(PhotoPoint) -> Pos2) {
    let view = overlay.view;
    let (Some(mm_per_px), Some(axis)) = (view.mm_per_px(), view.midline()) else {
        return;
    };
    // "Up the head" along the midline, in photo pixels.
    let [a, b] = axis;
    let up = if b.y <= a.y { (b.x - a.x, b.y - a.y) } else { (a.x - b.x, a.y - b.y) };
    for curve in view.curves.iter().filter(|c| c.role == CurveRole::Hairline) {
        let band_px = curve.transition.band_width_mm / mm_per_px;
        let line = sample_curve(&curve.points);
        if line.len() < 2 || band_px <= 0.0 {
            continue;
        }
        let mut mesh = egui::Mesh::default();
        for (i, &p) in line.iter().enumerate() {
            let (prev, next) = (line[i.saturating_sub(1)], line[(i + 1).min(line.len() - 1)]);
            let (tx, ty) = (next.x - prev.x, next.y - prev.y);
            let length = tx.hypot(ty).max(f64::EPSILON);
            let mut normal = (-ty / length, tx / length);
            if normal.0 * up.0 + normal.1 * up.1 < 0.0 {
                normal = (-normal.0, -normal.1);
            }
            let back = PhotoPoint::new(p.x + normal.0 * band_px, p.y + normal.1 * band_px);
            // Sparse at the front, full at the back: the band darkens the way density builds.
            mesh.colored_vertex(to_screen(p), BAND_COLOUR.gamma_multiply(0.05));
            mesh.colored_vertex(to_screen(back), BAND_COLOUR.gamma_multiply(0.35));
        }
        for i in 0..line.len() - 1 {
            // Two triangles per quad between consecutive samples; counts are far below u32::MAX.
            let i = u32::try_from(2 * i).unwrap_or(u32::MAX - 3);
            mesh.add_triangle(i, i + 1, i + 2);
            mesh.add_triangle(i + 1, i + 3, i + 2);
        }
        painter.add(egui::Shape::mesh(mesh));
    }
}

/// Paints the guides, landmarks and calibration reference, above the shapes.
pub fn paint_overlay(painter: &Painter, overlay: &Overlay<'_>, to_screen: &impl Fn(PhotoPoint) -> Pos2) {
    let view = overlay.view;
    // The face's guides are drawn on the face: a side view shows no midline to hang them on.
    if overlay.guides && !matches!(view.kind, ViewKind::Left | ViewKind::Right) {
        paint_guides(painter, view, overlay.head, to_screen);
    }
    if let Some(calibration) = &view.calibration {
        let (a, b) = (to_screen(calibration.a), to_screen(calibration.b));
        let stroke = Stroke::new(1.5, CALIBRATION_COLOUR);
        painter.line_segment([a, b], stroke);
        for (end, which) in [(a, CalibrationEnd::A), (b, CalibrationEnd::B)] {
            let hovered = overlay.hover == Some(Handle::Calibration(which));
            painter.circle_stroke(end, if hovered { 7.0 } else { 5.0 }, stroke);
        }
        label(painter, a.lerp(b, 0.5), &format!("{:.1} mm", calibration.length_mm), CALIBRATION_COLOUR);
    }
    for landmark in Landmark::ALL {
        let Some(point) = view.landmarks.get(landmark) else {
            continue;
        };
        let centre = to_screen(point);
        let hovered = overlay.hover == Some(Handle::Landmark(landmark));
        let radius = if hovered { 8.0 } else { 6.0 };
        let stroke = Stroke::new(if hovered { 2.5 } else { 1.5 }, LANDMARK_COLOUR);
        painter.circle_stroke(centre, radius, stroke);
        painter.line_segment([centre - egui::vec2(radius + 3.0, 0.0), centre + egui::vec2(radius + 3.0, 0.0)], stroke);
        painter.line_segment([centre - egui::vec2(0.0, radius + 3.0), centre + egui::vec2(0.0, radius + 3.0)], stroke);
        if hovered {
            label(painter, centre + egui::vec2(0.0, -18.0), landmark.label(), LANDMARK_COLOUR);
        }
    }
}

fn paint_guides(
    painter: &Painter,
    view: &View,
    head: &crate::design::HeadFit,
    to_screen: &impl Fn(PhotoPoint) -> Pos2,
) {
    if let Some([a, b]) = view.midline() {
        // Extend the midline well past its two points.
        let (dx, dy) = (b.x - a.x, b.y - a.y);
        let far = 20.0;
        let ends = [PhotoPoint::new(a.x - dx * far, a.y - dy * far), PhotoPoint::new(b.x + dx * far, b.y + dy * far)];
        let dashed = egui::Shape::dashed_line(&ends.map(to_screen), Stroke::new(1.0, GUIDE_COLOUR), 8.0, 6.0);
        painter.extend(dashed);
    }
    let Some(frame) = view.face_frame() else {
        return;
    };
    let line = |ends: [PhotoPoint; 2], colour: Color32, width: f32| {
        painter.extend(egui::Shape::dashed_line(&ends.map(to_screen), Stroke::new(width, colour), 6.0, 5.0));
    };
    // The guide's height is along the skin; it is drawn where the photo shows that point.
    let skin_mm = view.guides.mid_frontal_height_mm;
    let height_mm = head.map.as_ref().map_or(skin_mm, |map| map.shape.midline_photo_mm(skin_mm));
    let guide = frame.horizontal(height_mm, 75.0);
    line(guide, MID_FRONTAL_COLOUR, 1.5);
    let mid_frontal = to_screen(frame.to_photo(FacePoint { x_mm: 0.0, y_mm: height_mm }));
    painter.circle_filled(mid_frontal, 4.0, MID_FRONTAL_COLOUR);
    let text = match &head.map {
        Some(_) => format!(
            "mid-frontal: {:.1} cm on the skin{}, {:.1} in the photo",
            skin_mm / 10.0,
            if head.estimated() { " (est.)" } else { "" },
            height_mm / 10.0
        ),
        None => format!("mid-frontal point: {:.1} cm above the glabella", skin_mm / 10.0),
    };
    label_at(painter, to_screen(guide[1]) + egui::vec2(6.0, 0.0), Align2::LEFT_CENTER, &text, MID_FRONTAL_COLOUR);
    if let Some(chin) = view.landmarks.chin {
        // Rule of thirds: brow to hairline equals brow to nose base equals nose base to chin.
        let brow_to_chin_mm = -frame.to_face(chin).y_mm;
        if brow_to_chin_mm > 0.0 {
            let third = brow_to_chin_mm / 2.0;
            for (y_mm, text) in [(third, "upper third"), (0.0, ""), (-third, ""), (-2.0 * third, "")] {
                let ends = frame.horizontal(y_mm, 85.0);
                line(ends, GUIDE_COLOUR, 1.0);
                if !text.is_empty() {
                    label(painter, to_screen(ends[0]) + egui::vec2(30.0, -10.0), text, GUIDE_COLOUR);
                }
            }
        }
    }
    // Mid-pupil lines (where the convex centre turns concave) and lateral-canthus lines (where
    // the frontotemporal angles sit), from just below the eyes to above the hairline.
    let verticals = [
        (view.landmarks.left_pupil, ""),
        (view.landmarks.right_pupil, ""),
        (view.landmarks.left_canthus, "frontotemporal"),
        (view.landmarks.right_canthus, "frontotemporal"),
    ];
    for (point, text) in verticals {
        if let Some(point) = point {
            let x_mm = frame.to_face(point).x_mm;
            let ends = frame.vertical(x_mm, -8.0, height_mm + 25.0);
            line(ends, GUIDE_COLOUR, 1.0);
            if !text.is_empty() {
                label_at(painter, to_screen(ends[0]) + egui::vec2(0.0, 4.0), Align2::CENTER_TOP, text, GUIDE_COLOUR);
            }
        }
    }
}

/// A small label centred on `at`, with a dark backdrop readable on any skin tone.
pub fn label(painter: &Painter, at: Pos2, text: &str, colour: Color32) {
    label_at(painter, at, Align2::CENTER_CENTER, text, colour);
}

fn label_at(painter: &Painter, at: Pos2, align: Align2, text: &str, colour: Color32) {
    let galley = painter.layout_no_wrap(text.to_owned(), FontId::proportional(12.0), colour);
    let rect = align.anchor_size(at, galley.size() + egui::vec2(6.0, 6.0));
    painter.rect_filled(rect, 3.0, Color32::from_black_alpha(170));
    painter.galley(rect.min + egui::vec2(3.0, 3.0), galley, colour);
}
