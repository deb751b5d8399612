//! The face's own frame of reference, and the guides and measurements built on it.
//!
//! A [`FaceFrame`] has its origin at the glabella, its vertical axis along the facial midline
//! (pointing up the forehead) and millimetres as its unit, so that "8 cm above the glabella" or
//! "45 mm to the side" become plain coordinates whatever the photo's scale or tilt.

use super::PhotoPoint;

use super::curve::sample_curve;

/// A point in the face frame, in millimetres: `x_mm` across (positive to the photo's right),
/// `y_mm` up the midline from the glabella.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FacePoint {
    pub x_mm: f64,
    pub y_mm: f64,
}

/// Maps between photo pixels and the face frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FaceFrame {
    /// The glabella projected onto the midline, in photo pixels.
    origin: PhotoPoint,
    /// Unit vector up the midline (towards the top of the head), in photo pixels.
    up: (f64, f64),
    mm_per_px: f64,
}

impl FaceFrame {
    /// The frame from a midline (two points, either order), the glabella and the scale.
    /// `None` when the midline's points coincide or the scale is not positive.
    pub fn new(midline: [PhotoPoint; 2], glabella: PhotoPoint, mm_per_px: f64) -> Option<Self> {
        let [a, b] = midline;
        let (dx, dy) = (b.x - a.x, b.y - a.y);
        let length = dx.hypot(dy);
        if length <= f64::EPSILON || mm_per_px.is_nan() || mm_per_px <= 0.0 {
            return None;
        }
        // Photo y grows downwards: "up" is the direction of decreasing y.
        let up = if dy <= 0.0 { (dx / length, dy / length) } else { (-dx / length, -dy / length) };
        let t = (glabella.x - a.x) * up.0 + (glabella.y - a.y) * up.1;
        let origin = PhotoPoint::new(a.x + t * up.0, a.y + t * up.1);
        Some(Self { origin, up, mm_per_px })
    }

    /// Unit vector to the photo's right, perpendicular to the midline.
    fn right(&self) -> (f64, f64) {
        (-self.up.1, self.up.0)
    }

    pub fn to_photo(&self, face: FacePoint) -> PhotoPoint {
        let (rx, ry) = self.right();
        let (x_px, y_px) = (face.x_mm / self.mm_per_px, face.y_mm / self.mm_per_px);
        PhotoPoint::new(self.origin.x + x_px * rx + y_px * self.up.0, self.origin.y + x_px * ry + y_px * self.up.1)
    }

    pub fn to_face(&self, point: PhotoPoint) -> FacePoint {
        let (dx, dy) = (point.x - self.origin.x, point.y - self.origin.y);
        let (rx, ry) = self.right();
        FacePoint {
            x_mm: (dx * rx + dy * ry) * self.mm_per_px,
            y_mm: (dx * self.up.0 + dy * self.up.1) * self.mm_per_px,
        }
    }

    pub fn mm_per_px(&self) -> f64 {
        self.mm_per_px
    }

    /// A line across the face at `y_mm` above the glabella, `half_width_mm` to each side.
    pub fn horizontal(&self, y_mm: f64, half_width_mm: f64) -> [PhotoPoint; 2] {
        [
            self.to_photo(FacePoint { x_mm: -half_width_mm, y_mm }),
            self.to_photo(FacePoint { x_mm: half_width_mm, y_mm }),
        ]
    }

    /// A line parallel to the midline at `x_mm`, from `y_from_mm` to `y_to_mm`.
    pub fn vertical(&self, x_mm: f64, y_from_mm: f64, y_to_mm: f64) -> [PhotoPoint; 2] {
        [self.to_photo(FacePoint { x_mm, y_mm: y_from_mm }), self.to_photo(FacePoint { x_mm, y_mm: y_to_mm })]
    }
}

/// `point` mirrored about the line through `axis` (the facial midline).
pub fn mirror_point(point: PhotoPoint, axis: [PhotoPoint; 2]) -> PhotoPoint {
    let [a, b] = axis;
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let length_sq = dx * dx + dy * dy;
    if length_sq <= f64::EPSILON {
        return point;
    }
    let t = ((point.x - a.x) * dx + (point.y - a.y) * dy) / length_sq;
    let foot = PhotoPoint::new(a.x + t * dx, a.y + t * dy);
    PhotoPoint::new(2.0 * foot.x - point.x, 2.0 * foot.y - point.y)
}

/// The nearest point on the line through `axis`.
pub fn project_onto_line(point: PhotoPoint, axis: [PhotoPoint; 2]) -> PhotoPoint {
    let mirrored = mirror_point(point, axis);
    PhotoPoint::new(f64::midpoint(point.x, mirrored.x), f64::midpoint(point.y, mirrored.y))
}

/// The height above the glabella (mm) at which the curve through `points` crosses the vertical
/// at `x_mm`; the highest crossing if it crosses more than once (a temple turning back down).
pub fn height_at(frame: &FaceFrame, points: &[PhotoPoint], x_mm: f64) -> Option<f64> {
    let samples: Vec<FacePoint> = sample_curve(points).into_iter().map(|p| frame.to_face(p)).collect();
    samples
        .windows(2)
        .filter_map(|pair| {
            let (a, b) = (pair[0], pair[1]);
            let crosses = (a.x_mm - x_mm) * (b.x_mm - x_mm) <= 0.0 && (a.x_mm - b.x_mm).abs() > f64::EPSILON;
            crosses.then(|| a.y_mm + (x_mm - a.x_mm) / (b.x_mm - a.x_mm) * (b.y_mm - a.y_mm))
        })
        .max_by(f64::total_cmp)
}

/// Where the lateral canthus usually is, across from the midline, when it is not marked: half of
/// a typical adult biocular width of about 90 mm.
pub const DEFAULT_CANTHUS_OFFSET_MM: f64 = 45.0;

/// The measurements of a view's hairline, in millimetres.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct HairlineMeasures {
    /// Height of the hairline above the glabella, on the midline.
    pub height_above_glabella_mm: Option<f64>,
    /// Heights at the frontotemporal angles, above the lateral canthi (photo left, photo right).
    pub frontotemporal_heights_mm: [Option<f64>; 2],
    /// Where those were measured, across from the midline; the default offsets when the canthi
    /// are not marked.
    pub frontotemporal_offsets_mm: [f64; 2],
    /// How much higher one side of the hairline is than the other, compared at the same
    /// distance from the midline (the mean of the two frontotemporal offsets): the hairline's
    /// asymmetry, not the face's, so a mirrored line measures 0 even when the eye corners are not
    /// placed symmetrically.
    pub left_right_difference_mm: Option<f64>,
    /// Length along the curve.
    pub length_mm: f64,
}

/// Measures the hairline through `points` in the face `frame`, at the frontotemporal angles
/// above the outer eye corners `canthi` (photo left, photo right) where they are placed.
pub fn measure_hairline(frame: &FaceFrame, canthi: [Option<PhotoPoint>; 2], points: &[PhotoPoint]) -> HairlineMeasures {
    let offset = |canthus: Option<PhotoPoint>, default_mm: f64| canthus.map_or(default_mm, |c| frame.to_face(c).x_mm);
    let offsets = [offset(canthi[0], -DEFAULT_CANTHUS_OFFSET_MM), offset(canthi[1], DEFAULT_CANTHUS_OFFSET_MM)];
    let heights = offsets.map(|x_mm| height_at(frame, points, x_mm));
    let across_mm = f64::midpoint(offsets[0].abs(), offsets[1].abs());
    let difference = match [-across_mm, across_mm].map(|x_mm| height_at(frame, points, x_mm)) {
        [Some(left), Some(right)] => Some((left - right).abs()),
        _ => None,
    };
    HairlineMeasures {
        height_above_glabella_mm: height_at(frame, points, 0.0),
        frontotemporal_heights_mm: heights,
        frontotemporal_offsets_mm: offsets,
        left_right_difference_mm: difference,
        length_mm: super::curve_length_px(points) * frame.mm_per_px(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn an_upright_frame_maps_millimetres_to_pixels() {
        // Midline at x = 500, glabella at y = 800, 0.2 mm per pixel.
        let frame = FaceFrame::new(
            [PhotoPoint::new(500.0, 0.0), PhotoPoint::new(500.0, 1000.0)],
            PhotoPoint::new(510.0, 800.0),
            0.2,
        )
        .unwrap();
        let mid_frontal = frame.to_photo(FacePoint { x_mm: 0.0, y_mm: 80.0 });
        assert!(close(mid_frontal.x, 500.0) && close(mid_frontal.y, 400.0), "{mid_frontal:?}");
        let right = frame.to_photo(FacePoint { x_mm: 10.0, y_mm: 0.0 });
        assert!(close(right.x, 550.0) && close(right.y, 800.0), "{right:?}");
        let back = frame.to_face(PhotoPoint::new(450.0, 700.0));
        assert!(close(back.x_mm, -10.0) && close(back.y_mm, 20.0), "{back:?}");
    }

    #[test]
    fn a_tilted_frame_round_trips() {
        let frame = FaceFrame::new(
            [PhotoPoint::new(100.0, 900.0), PhotoPoint::new(300.0, 100.0)],
            PhotoPoint::new(150.0, 700.0),
            0.25,
        )
        .unwrap();
        let point = PhotoPoint::new(321.0, 456.0);
        let again = frame.to_photo(frame.to_face(point));
        assert!(close(again.x, point.x) && close(again.y, point.y));
    }

    #[test]
    fn mirroring_is_exact_and_its_own_inverse() {
        let axis = [PhotoPoint::new(500.0, 0.0), PhotoPoint::new(500.0, 1000.0)];
        assert_eq!(mirror_point(PhotoPoint::new(420.0, 300.0), axis), PhotoPoint::new(580.0, 300.0));
        let tilted = [PhotoPoint::new(0.0, 0.0), PhotoPoint::new(10.0, 10.0)];
        let mirrored = mirror_point(PhotoPoint::new(3.0, 1.0), tilted);
        assert!(close(mirrored.x, 1.0) && close(mirrored.y, 3.0), "{mirrored:?}");
        let twice = mirror_point(mirrored, tilted);
        assert!(close(twice.x, 3.0) && close(twice.y, 1.0));
    }

    #[test]
    fn hairline_heights_are_read_where_the_curve_crosses() {
        let frame = FaceFrame::new(
            [PhotoPoint::new(500.0, 0.0), PhotoPoint::new(500.0, 1000.0)],
            PhotoPoint::new(500.0, 800.0),
            0.2,
        )
        .unwrap();
        // A straight hairline 80 mm above the glabella, from 60 mm left to 60 mm right.
        let line = [-60.0, 0.0, 60.0].map(|x_mm| frame.to_photo(FacePoint { x_mm, y_mm: 80.0 }));
        let height = height_at(&frame, &line, 0.0).unwrap();
        assert!((height - 80.0).abs() < 1e-6, "{height}");
        assert!(height_at(&frame, &line, 70.0).is_none(), "no crossing beyond the line's end");
    }
}
