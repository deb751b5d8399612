//! Starting shapes for a hairline, laid out in the face frame and then freely editable.
//!
//! Each shape is a list of (across, height) pairs in millimetres for the photo's right half,
//! mirrored for the left; heights are relative to the chosen mid-frontal height `h` above the
//! glabella. The outermost points turn down the temples towards the sideburns. The proportions
//! follow the hair-restoration rules in shared/domain.md: a convex centre turning concave near the
//! mid-pupil lines, the frontotemporal angle above the lateral canthus (~45 mm out).

use super::PhotoPoint;

use super::anatomy::{FaceFrame, FacePoint};

/// The starting shapes on offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HairlineShape {
    /// Low and nearly straight, temples full: the teenage line artists warn against, for reference.
    Juvenile,
    /// Recessed temples: the frontotemporal angles sit 10 mm or so behind the centre.
    Mature,
    /// A soft, even arc with no marked temple recession.
    Rounded,
    /// A central V dipping below the line.
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
            Self::Juvenile => &[(0.0, -8.0), (22.0, -8.0), (42.0, -7.0), (54.0, -10.0), (61.0, -25.0), (65.0, -45.0)],
            Self::Mature => {
                &[(0.0, 0.0), (22.0, -2.0), (38.0, 2.0), (47.0, 10.0), (56.0, -4.0), (62.0, -25.0), (65.0, -45.0)]
            }
            Self::Rounded => &[(0.0, 0.0), (22.0, -3.0), (40.0, -9.0), (53.0, -18.0), (61.0, -30.0), (65.0, -45.0)],
            Self::WidowsPeak => &[
                (0.0, -8.0),
                (9.0, -1.0),
                (24.0, 0.0),
                (39.0, 3.0),
                (47.0, 9.0),
                (56.0, -4.0),
                (62.0, -25.0),
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
