//! Aligning two photos of the same head: the similarity (scale, rotation, shift) that takes two
//! points on one photo onto the same two features on the other.

use super::PhotoPoint;

/// `p ↦ scale·R(angle)·p + shift`, written as complex multiplication `p ↦ a·p + b` with
/// `a = (a_re, a_im)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Similarity {
    a_re: f64,
    a_im: f64,
    b: PhotoPoint,
}

impl Similarity {
    /// The similarity taking `from[0]` to `to[0]` and `from[1]` to `to[1]`; `None` when either
    /// pair's points coincide (no direction to align) or a coordinate is not finite.
    pub fn from_pairs(from: [PhotoPoint; 2], to: [PhotoPoint; 2]) -> Option<Self> {
        let (dx, dy) = (from[1].x - from[0].x, from[1].y - from[0].y);
        let (ex, ey) = (to[1].x - to[0].x, to[1].y - to[0].y);
        let length2 = dx * dx + dy * dy;
        if length2 < 1e-6 || (ex * ex + ey * ey) < 1e-6 {
            return None;
        }
        // a = e / d in complex numbers.
        let a_re = (ex * dx + ey * dy) / length2;
        let a_im = (ey * dx - ex * dy) / length2;
        let shifted = Self { a_re, a_im, b: PhotoPoint::new(0.0, 0.0) }.apply(from[0]);
        let b = PhotoPoint::new(to[0].x - shifted.x, to[0].y - shifted.y);
        let similarity = Self { a_re, a_im, b };
        [a_re, a_im, b.x, b.y].iter().all(|v| v.is_finite()).then_some(similarity)
    }

    pub fn apply(&self, p: PhotoPoint) -> PhotoPoint {
        PhotoPoint::new(self.a_re * p.x - self.a_im * p.y + self.b.x, self.a_im * p.x + self.a_re * p.y + self.b.y)
    }

    /// The similarity that undoes this one.
    #[must_use]
    pub fn inverse(&self) -> Self {
        let norm = self.a_re * self.a_re + self.a_im * self.a_im;
        // 1 / a, then b' = -b / a.
        let (a_re, a_im) = (self.a_re / norm, -self.a_im / norm);
        let b = PhotoPoint::new(-(a_re * self.b.x - a_im * self.b.y), -(a_im * self.b.x + a_re * self.b.y));
        Self { a_re, a_im, b }
    }

    /// How much larger things come out than they go in.
    pub fn scale(&self) -> f64 {
        self.a_re.hypot(self.a_im)
    }

    /// The rotation, in degrees, counter-clockwise in the photo's y-down axes.
    pub fn rotation_degrees(&self) -> f64 {
        self.a_im.atan2(self.a_re).to_degrees()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(x: f64, y: f64) -> PhotoPoint {
        PhotoPoint::new(x, y)
    }

    fn close(a: PhotoPoint, b: PhotoPoint) -> bool {
        a.distance_to(b) < 1e-9
    }

    #[test]
    fn takes_both_points_onto_their_partners() {
        let from = [p(100.0, 200.0), p(400.0, 260.0)];
        let to = [p(50.0, 80.0), p(170.0, 300.0)];
        let s = Similarity::from_pairs(from, to).unwrap();
        assert!(close(s.apply(from[0]), to[0]) && close(s.apply(from[1]), to[1]));
        let ratio = to[0].distance_to(to[1]) / from[0].distance_to(from[1]);
        assert!((s.scale() - ratio).abs() < 1e-12);
    }

    #[test]
    fn a_known_move_is_recovered() {
        // Half the size, turned a quarter, moved: (x, y) ↦ (−y/2 + 10, x/2 + 20).
        let known = |q: PhotoPoint| p(-q.y / 2.0 + 10.0, q.x / 2.0 + 20.0);
        let from = [p(0.0, 0.0), p(100.0, 40.0)];
        let s = Similarity::from_pairs(from, from.map(known)).unwrap();
        assert!((s.scale() - 0.5).abs() < 1e-12);
        assert!((s.rotation_degrees() - 90.0).abs() < 1e-9);
        for q in [p(7.0, -3.0), p(1200.0, 800.0)] {
            assert!(close(s.apply(q), known(q)), "{q:?}");
        }
    }

    #[test]
    fn the_inverse_undoes_it() {
        let s = Similarity::from_pairs([p(10.0, 20.0), p(300.0, 90.0)], [p(-40.0, 7.0), p(120.0, 260.0)]).unwrap();
        for q in [p(0.0, 0.0), p(512.0, -33.0), p(1e4, 3e3)] {
            assert!(s.inverse().apply(s.apply(q)).distance_to(q) < 1e-6, "{q:?}");
        }
        assert!((s.inverse().scale() * s.scale() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn coinciding_points_align_nothing() {
        let same = [p(5.0, 5.0), p(5.0, 5.0)];
        let apart = [p(0.0, 0.0), p(10.0, 0.0)];
        assert_eq!(Similarity::from_pairs(same, apart), None);
        assert_eq!(Similarity::from_pairs(apart, same), None);
        assert_eq!(Similarity::from_pairs([p(f64::NAN, 0.0), p(1.0, 1.0)], apart), None);
    }
}
