//! Hairline curves: a centripetal-free, uniform Catmull-Rom spline through the control points,
//! expressed as cubic Béziers so that kurbo can flatten, measure and hit-test it.

use kurbo::{BezPath, ParamCurveArclen, ParamCurveNearest, PathEl, Point};

use super::PhotoPoint;

/// How far (in photo pixels) a flattened curve may stray from the true one. Half a pixel is
/// invisible at 100 % zoom and keeps a 30-point hairline to a few hundred segments.
pub const FLATTEN_TOLERANCE_PX: f64 = 0.5;

/// The smooth curve through `points`, passing through every one of them.
///
/// Each span from `p1` to `p2` is the uniform Catmull-Rom segment with neighbours `p0` and `p3`
/// (the ends repeat), whose Bézier control points are `p1 + (p2 - p0) / 6` and
/// `p2 - (p3 - p1) / 6`.
pub fn curve_path(points: &[PhotoPoint]) -> BezPath {
    let mut path = BezPath::new();
    let points: Vec<Point> = points.iter().map(|&p| p.into()).collect();
    let Some(&first) = points.first() else {
        return path;
    };
    path.move_to(first);
    let last = points.len() - 1;
    for i in 0..last {
        let p0 = points[i.saturating_sub(1)];
        let p1 = points[i];
        let p2 = points[i + 1];
        let p3 = points[(i + 2).min(last)];
        let c1 = p1 + (p2 - p0) / 6.0;
        let c2 = p2 - (p3 - p1) / 6.0;
        path.curve_to(c1, c2, p2);
    }
    path
}

/// The curve through `points` as a polyline fine enough to draw.
pub fn sample_curve(points: &[PhotoPoint]) -> Vec<PhotoPoint> {
    let mut samples = Vec::new();
    kurbo::flatten(curve_path(points), FLATTEN_TOLERANCE_PX, |el| match el {
        PathEl::MoveTo(p) | PathEl::LineTo(p) => samples.push(p.into()),
        _ => {}
    });
    samples
}

/// The length of the curve through `points`, in photo pixels.
pub fn curve_length_px(points: &[PhotoPoint]) -> f64 {
    curve_path(points).segments().map(|segment| segment.arclen(LENGTH_ACCURACY_PX)).sum()
}

/// Accuracy of curve lengths, in photo pixels.
const LENGTH_ACCURACY_PX: f64 = 1e-3;

/// Accuracy of nearest-point searches on a curve, in photo pixels.
const NEAREST_ACCURACY_PX: f64 = 1e-3;

/// The shortest distance from `p` to the curve through `points` (infinite for no points).
pub fn distance_to_curve(points: &[PhotoPoint], p: PhotoPoint) -> f64 {
    match points {
        [] => f64::INFINITY,
        [only] => only.distance_to(p),
        _ => curve_path(points)
            .segments()
            .map(|segment| segment.nearest(p.into(), NEAREST_ACCURACY_PX).distance_sq.sqrt())
            .fold(f64::INFINITY, f64::min),
    }
}

/// The span (from control point `i` to `i + 1`) of the curve passing within `radius_px` of `p`,
/// the nearest if several do.
pub fn span_near(points: &[PhotoPoint], p: PhotoPoint, radius_px: f64) -> Option<usize> {
    curve_path(points)
        .segments()
        .map(|segment| segment.nearest(p.into(), NEAREST_ACCURACY_PX).distance_sq.sqrt())
        .enumerate()
        .filter(|&(_, d)| d <= radius_px)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use kurbo::ParamCurve;

    fn pts(coords: &[(f64, f64)]) -> Vec<PhotoPoint> {
        coords.iter().map(|&(x, y)| PhotoPoint::new(x, y)).collect()
    }

    #[test]
    fn the_curve_passes_through_every_control_point() {
        let points = pts(&[(0.0, 0.0), (10.0, 5.0), (20.0, -3.0), (35.0, 8.0)]);
        let path = curve_path(&points);
        let segments: Vec<_> = path.segments().collect();
        assert_eq!(segments.len(), 3);
        for (segment, pair) in segments.iter().zip(points.windows(2)) {
            assert!(segment.eval(0.0).distance(pair[0].into()) < 1e-9);
            assert!(segment.eval(1.0).distance(pair[1].into()) < 1e-9);
        }
    }

    #[test]
    fn collinear_points_give_a_straight_line_of_the_same_length() {
        let points = pts(&[(0.0, 0.0), (10.0, 0.0), (20.0, 0.0), (30.0, 0.0)]);
        let length = curve_length_px(&points);
        assert!((length - 30.0).abs() < 1e-6, "length {length}");
        assert!(sample_curve(&points).iter().all(|p| p.y.abs() < 1e-12));
    }

    #[test]
    fn a_click_beside_a_span_finds_that_span() {
        let points = pts(&[(0.0, 0.0), (10.0, 0.0), (20.0, 0.0)]);
        assert_eq!(span_near(&points, PhotoPoint::new(15.0, 2.0), 3.0), Some(1));
        assert_eq!(span_near(&points, PhotoPoint::new(4.0, -1.0), 3.0), Some(0));
        assert_eq!(span_near(&points, PhotoPoint::new(15.0, 9.0), 3.0), None);
        assert!((distance_to_curve(&points, PhotoPoint::new(15.0, 2.0)) - 2.0).abs() < 1e-6);
    }

    #[test]
    fn no_points_or_one_point_give_no_segments() {
        assert_eq!(curve_path(&[]).segments().count(), 0);
        assert_eq!(curve_path(&pts(&[(1.0, 1.0)])).segments().count(), 0);
    }
}
