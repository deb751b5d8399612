//! Starting shapes for a hairline, laid out in the face frame and then freely editable.
//!
//! Each shape is a list of (across, height) pairs in millimetres for the photo's right half,
//! mirrored for the left; heights are relative to the chosen mid-frontal height `h` above the
//! glabella. The outermost points turn down the temples towards the sideburns. The proportions
//! follow the hair-restoration rules in shared/domain.md: a convex centre turning concave near the
//! mid-pupil lines, the frontotemporal angle above the lateral canthus (~45 mm out).
//!
//! The curve through the points is the same uniform Catmull-Rom spline as every drawn hairline
//! ([`super::curve_path`]), deliberately: changing the spline would move the curves of every saved
//! design. Instead each shape's points are laid so that the spline cannot overshoot them. Along
//! each coordinate a span is a cubic Hermite piece whose end tangents are half the chord between
//! the neighbouring points; it stays inside its two points' box when both tangents have the sign
//! of the span's own step and at most three times its size (Fritsch and Carlson 1980). So heights
//! rise (or fall) steadily outwards, every crest is a point whose two neighbours are level (its
//! tangent is flat), and the steps grow or shrink gradually. The tests check the box and a bound
//! on the curvature: the frontotemporal angle is rounded, never a spike or a square corner.

use super::PhotoPoint;

use super::anatomy::{FaceFrame, FacePoint};

/// The starting shapes on offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HairlineShape {
    /// Low and nearly straight, temples full: the teenage line artists warn against, for reference.
    Juvenile,
    /// Recessed temples: the frontotemporal angles sit 9 mm or so behind the centre.
    Mature,
    /// A soft, even arc with no marked temple recession.
    Rounded,
    /// A central point dipping below the line, rounded rather than a hard V.
    WidowsPeak,
}

impl HairlineShape {
    pub const ALL: [Self; 4] = [Self::Juvenile, Self::Mature, Self::Rounded, Self::WidowsPeak];

    pub fn label(self) -> &'static str {
        match self {
            Self::Juvenile => "Juvenile (low, straight)",
            Self::Mature => "Mature (recessed temples)",
            Self::Rounded => "Rounded",
            Self::WidowsPeak => "Widow's peak",
        }
    }

    /// (across, height relative to `h`) in mm for the right half, from the centre outwards.
    fn right_half_mm(self) -> &'static [(f64, f64)] {
        match self {
            // Low and flat, then a wide, even turn down the temple.
            Self::Juvenile => {
                &[(0.0, -8.0), (20.0, -8.6), (36.0, -10.0), (47.0, -13.0), (55.0, -19.0), (61.0, -29.0), (65.0, -45.0)]
            }
            // Rising steadily to a rounded crest of 9 mm at 48 mm (the frontotemporal angle),
            // whose neighbours are level, then down the temple.
            Self::Mature => &[
                (0.0, 0.0),
                (16.0, 0.6),
                (30.0, 3.0),
                (40.0, 7.0),
                (48.0, 9.0),
                (55.0, 7.0),
                (60.0, -1.0),
                (63.5, -18.0),
                (65.0, -45.0),
            ],
            Self::Rounded => &[(0.0, 0.0), (22.0, -3.0), (40.0, -9.0), (53.0, -18.0), (61.0, -30.0), (65.0, -45.0)],
            // A rounded central point 8 mm below the line, then temples like the mature line's.
            Self::WidowsPeak => &[
                (0.0, -8.0),
                (10.0, -4.5),
                (22.0, -1.0),
                (33.0, 2.5),
                (41.0, 6.0),
                (48.0, 8.0),
                (55.0, 6.0),
                (60.0, -1.0),
                (63.5, -18.0),
                (65.0, -45.0),
            ],
        }
    }

    /// The shape's control points, from the photo's left temple to its right, with its
    /// mid-frontal level at `height_mm` above the glabella.
    pub fn points(self, frame: &FaceFrame, height_mm: f64) -> Vec<PhotoPoint> {
        let half = self.right_half_mm();
        let left = half.iter().rev().filter(|(x, _)| *x > 0.0).map(|&(x, dy)| (-x, dy));
        left.chain(half.iter().copied())
            .map(|(x_mm, dy_mm)| frame.to_photo(FacePoint { x_mm, y_mm: height_mm + dy_mm }))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry::anatomy::{height_at, mirror_point};

    fn frame() -> FaceFrame {
        FaceFrame::new(
            [PhotoPoint::new(600.0, 0.0), PhotoPoint::new(600.0, 1500.0)],
            PhotoPoint::new(600.0, 820.0),
            0.21,
        )
        .unwrap()
    }

    #[test]
    fn every_shape_is_symmetric_and_centred_on_the_chosen_height() {
        let frame = frame();
        let axis = [PhotoPoint::new(600.0, 0.0), PhotoPoint::new(600.0, 1500.0)];
        for shape in HairlineShape::ALL {
            let points = shape.points(&frame, 80.0);
            for (a, b) in points.iter().zip(points.iter().rev()) {
                let mirrored = mirror_point(*a, axis);
                assert!(mirrored.distance_to(*b) < 1e-9, "{shape:?}");
            }
            let centre = height_at(&frame, &points, 0.0).unwrap();
            let expected =
                if matches!(shape, HairlineShape::Juvenile | HairlineShape::WidowsPeak) { 72.0 } else { 80.0 };
            assert!((centre - expected).abs() < 0.5, "{shape:?}: {centre}");
        }
    }

    #[test]
    fn the_mature_line_is_recessed_at_the_temples() {
        let frame = frame();
        let points = HairlineShape::Mature.points(&frame, 80.0);
        let temple = height_at(&frame, &points, 47.0).unwrap();
        let centre = height_at(&frame, &points, 0.0).unwrap();
        assert!(temple > centre + 5.0, "temple {temple} vs centre {centre}");
    }

    /// The curvature no starting shape may exceed, in mm⁻¹: a radius of curvature of at least
    /// about 6.7 mm. The tightest turn of a natural line, the frontotemporal angle, is rounded
    /// over a centimetre or so of line; the old mature and widow's-peak shapes spiked upwards at
    /// the temples with a radius of 1.7 mm (0.58 mm⁻¹).
    const MAX_CURVATURE_PER_MM: f64 = 0.15;
    /// How far past the box of its two control points a span may stray, in mm: a tenth of a
    /// dot's spacing, invisible, and well above the sampling's rounding.
    const BOX_TOLERANCE_MM: f64 = 0.1;

    #[test]
    fn every_shape_is_smooth_and_stays_within_each_span_of_its_points() {
        use kurbo::{ParamCurve, ParamCurveDeriv, PathSeg};
        let frame = frame();
        let mm_per_px = frame.mm_per_px();
        for shape in HairlineShape::ALL {
            let points = shape.points(&frame, 80.0);
            let (mut max_curvature, mut max_stray) = (0.0_f64, 0.0_f64);
            for (span, segment) in crate::geometry::curve_path(&points).segments().enumerate() {
                let PathSeg::Cubic(cubic) = segment else { panic!("{shape:?}: a span that is not a cubic") };
                let (a, b) = (points[span], points[span + 1]);
                let (first, second) = (cubic.deriv(), cubic.deriv().deriv());
                for step in 0..=200 {
                    let t = f64::from(step) / 200.0;
                    let (d1, d2) = (first.eval(t), second.eval(t));
                    let speed = d1.to_vec2().hypot();
                    let curvature_per_px = d1.to_vec2().cross(d2.to_vec2()).abs() / speed.powi(3);
                    max_curvature = max_curvature.max(curvature_per_px / mm_per_px);
                    let p = cubic.eval(t);
                    let stray_px = [(p.x, a.x, b.x), (p.y, a.y, b.y)]
                        .iter()
                        .map(|&(v, lo, hi)| (lo.min(hi) - v).max(v - lo.max(hi)).max(0.0))
                        .fold(0.0, f64::max);
                    max_stray = max_stray.max(stray_px * mm_per_px);
                }
            }
            assert!(max_curvature <= MAX_CURVATURE_PER_MM, "{shape:?}: curvature {max_curvature:.3} per mm");
            assert!(max_stray <= BOX_TOLERANCE_MM, "{shape:?}: {max_stray:.3} mm outside a span's box");
            println!("{shape:?}: max curvature {max_curvature:.3} per mm, max stray {max_stray:.3} mm");
        }
    }

    /// Regression: with the eye corners placed a little off symmetric (as on any real photo), a
    /// freshly laid, mirror-symmetric shape measured a left/right difference of about 2 mm.
    #[test]
    fn a_symmetric_shape_measures_no_left_right_difference_whatever_the_eye_corners() {
        let frame = frame();
        let canthi =
            [Some(PhotoPoint::new(600.0 - 47.0 / 0.21, 830.0)), Some(PhotoPoint::new(600.0 + 42.0 / 0.21, 826.0))];
        for shape in HairlineShape::ALL {
            let points = shape.points(&frame, 80.0);
            let measures = crate::geometry::measure_hairline(&frame, canthi, &points);
            let difference = measures.left_right_difference_mm.unwrap();
            assert!(difference < 0.05, "{shape:?}: {difference} mm");
            assert!((measures.frontotemporal_offsets_mm[0] + 47.0).abs() < 1e-6, "heights still at each eye corner");
        }
    }
}
