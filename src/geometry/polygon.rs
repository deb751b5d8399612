//! Polygon measures for zones, and picking the control point under the cursor.

use super::PhotoPoint;

/// Area enclosed by the polygon `vertices` (closed implicitly), in square photo pixels, by the
/// shoelace formula; always non-negative.
/// The mean of a polygon's vertices: its centre for placing a label or judging where it lies
/// (the origin for no vertices).
pub fn vertex_mean(vertices: &[PhotoPoint]) -> PhotoPoint {
    #[expect(clippy::cast_precision_loss, reason = "a few thousand vertices at most")]
    let count = vertices.len().max(1) as f64;
    let (x, y) = vertices.iter().fold((0.0, 0.0), |(x, y), p| (x + p.x, y + p.y));
    PhotoPoint::new(x / count, y / count)
}

pub fn polygon_area_px2(vertices: &[PhotoPoint]) -> f64 {
    if vertices.len() < 3 {
        return 0.0;
    }
    let twice_signed: f64 =
        vertices.iter().zip(vertices.iter().cycle().skip(1)).map(|(a, b)| a.x * b.y - b.x * a.y).sum();
    twice_signed.abs() / 2.0
}

/// The index of the point of `points` nearest to `target`, if it lies within `radius`.
pub fn nearest_point_index(points: &[PhotoPoint], target: PhotoPoint, radius: f64) -> Option<usize> {
    points
        .iter()
        .enumerate()
        .map(|(i, p)| (i, p.distance_to(target)))
        .filter(|&(_, d)| d <= radius)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

/// Splits a simple polygon (convex or not, either winding) into triangles by ear clipping, as
/// indices into `vertices`. A self-intersecting polygon yields as many triangles as could be
/// clipped. O(n²): meant for zone outlines of tens to hundreds of vertices.
#[expect(clippy::many_single_char_names, reason = "a, b, c and p name the corners and the point as in the maths")]
pub fn triangulate(vertices: &[PhotoPoint]) -> Vec<[usize; 3]> {
    let mut remaining: Vec<usize> = (0..vertices.len()).collect();
    let mut triangles = Vec::with_capacity(vertices.len().saturating_sub(2));
    if vertices.len() < 3 {
        return triangles;
    }
    let signed_area: f64 =
        vertices.iter().zip(vertices.iter().cycle().skip(1)).map(|(a, b)| a.x * b.y - b.x * a.y).sum();
    let orientation = signed_area.signum();
    let cross = |a: PhotoPoint, b: PhotoPoint, c: PhotoPoint| (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
    while remaining.len() > 3 {
        let n = remaining.len();
        let ear = (0..n).find(|&i| {
            let (ia, ib, ic) = (remaining[(i + n - 1) % n], remaining[i], remaining[(i + 1) % n]);
            let (a, b, c) = (vertices[ia], vertices[ib], vertices[ic]);
            if cross(a, b, c) * orientation <= 0.0 {
                return false; // reflex or degenerate corner
            }
            remaining.iter().all(|&j| {
                if j == ia || j == ib || j == ic {
                    return true;
                }
                let p = vertices[j];
                let inside = cross(a, b, p) * orientation > 0.0
                    && cross(b, c, p) * orientation > 0.0
                    && cross(c, a, p) * orientation > 0.0;
                !inside
            })
        });
        let Some(i) = ear else {
            break; // self-intersecting: no ear left
        };
        triangles.push([remaining[(i + n - 1) % n], remaining[i], remaining[(i + 1) % n]]);
        remaining.remove(i);
    }
    if remaining.len() == 3 {
        triangles.push([remaining[0], remaining[1], remaining[2]]);
    }
    triangles
}

/// Whether any two non-adjacent edges of the closed polygon `vertices` cross (or touch): such a
/// zone has no clear inside and is refused.
pub fn polygon_self_intersects(vertices: &[PhotoPoint]) -> bool {
    let n = vertices.len();
    if n < 4 {
        return false;
    }
    let edge = |i: usize| (vertices[i], vertices[(i + 1) % n]);
    (0..n).any(|i| {
        (i + 2..n).any(|j| {
            // Edges i and j share a vertex when j is i's successor, or when they close the loop.
            if i == 0 && j == n - 1 {
                return false;
            }
            segments_intersect(edge(i), edge(j))
        })
    })
}

#[expect(clippy::float_cmp, reason = "compares signs, which are exact")]
fn segments_intersect((a, b): (PhotoPoint, PhotoPoint), (c, d): (PhotoPoint, PhotoPoint)) -> bool {
    let orient =
        |p: PhotoPoint, q: PhotoPoint, r: PhotoPoint| ((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x)).signum();
    let on_segment = |p: PhotoPoint, q: PhotoPoint, r: PhotoPoint| {
        r.x >= p.x.min(q.x) && r.x <= p.x.max(q.x) && r.y >= p.y.min(q.y) && r.y <= p.y.max(q.y)
    };
    let (o1, o2, o3, o4) = (orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b));
    if o1 != o2 && o3 != o4 && o1 != 0.0 && o2 != 0.0 && o3 != 0.0 && o4 != 0.0 {
        return true;
    }
    (o1 == 0.0 && on_segment(a, b, c))
        || (o2 == 0.0 && on_segment(a, b, d))
        || (o3 == 0.0 && on_segment(c, d, a))
        || (o4 == 0.0 && on_segment(c, d, b))
}

/// Whether `p` lies inside the polygon `vertices` (even-odd rule, closed implicitly).
pub fn polygon_contains(vertices: &[PhotoPoint], p: PhotoPoint) -> bool {
    let mut inside = false;
    for (a, b) in vertices.iter().zip(vertices.iter().cycle().skip(1)) {
        if (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x {
            inside = !inside;
        }
    }
    inside
}

#[cfg(test)]
#[expect(clippy::float_cmp, reason = "shoelace sums of small integers are exact")]
mod tests {
    use super::*;

    #[test]
    fn area_of_a_rectangle_and_a_triangle() {
        let rect = [(0.0, 0.0), (4.0, 0.0), (4.0, 3.0), (0.0, 3.0)].map(|(x, y)| PhotoPoint::new(x, y));
        assert_eq!(polygon_area_px2(&rect), 12.0);
        let mut reversed = rect;
        reversed.reverse();
        assert_eq!(polygon_area_px2(&reversed), 12.0);
        let triangle = [(0.0, 0.0), (10.0, 0.0), (0.0, 10.0)].map(|(x, y)| PhotoPoint::new(x, y));
        assert_eq!(polygon_area_px2(&triangle), 50.0);
    }

    #[test]
    fn triangles_of_a_concave_polygon_cover_its_area() {
        // An L shape: 3 x 3 square missing its top-right 2 x 2 quarter, area 5.
        let l_shape = [(0.0, 0.0), (3.0, 0.0), (3.0, 1.0), (1.0, 1.0), (1.0, 3.0), (0.0, 3.0)]
            .map(|(x, y)| PhotoPoint::new(x, y));
        let triangles = triangulate(&l_shape);
        assert_eq!(triangles.len(), 4);
        let area: f64 = triangles.iter().map(|t| polygon_area_px2(&t.map(|i| l_shape[i]))).sum();
        assert!((area - polygon_area_px2(&l_shape)).abs() < 1e-9);
        assert_eq!(area, 5.0);
    }

    #[test]
    fn a_bow_tie_crosses_itself_and_an_l_shape_does_not() {
        let bow_tie = [(0.0, 0.0), (4.0, 4.0), (4.0, 0.0), (0.0, 4.0)].map(|(x, y)| PhotoPoint::new(x, y));
        assert!(polygon_self_intersects(&bow_tie));
        let l_shape = [(0.0, 0.0), (3.0, 0.0), (3.0, 1.0), (1.0, 1.0), (1.0, 3.0), (0.0, 3.0)]
            .map(|(x, y)| PhotoPoint::new(x, y));
        assert!(!polygon_self_intersects(&l_shape));
        let square = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)].map(|(x, y)| PhotoPoint::new(x, y));
        assert!(!polygon_self_intersects(&square));
    }

    #[test]
    fn containment_of_a_concave_polygon() {
        let l_shape = [(0.0, 0.0), (3.0, 0.0), (3.0, 1.0), (1.0, 1.0), (1.0, 3.0), (0.0, 3.0)]
            .map(|(x, y)| PhotoPoint::new(x, y));
        assert!(polygon_contains(&l_shape, PhotoPoint::new(0.5, 2.5)));
        assert!(polygon_contains(&l_shape, PhotoPoint::new(2.5, 0.5)));
        assert!(!polygon_contains(&l_shape, PhotoPoint::new(2.0, 2.0)));
    }

    #[test]
    fn nearest_point_respects_the_radius() {
        let points = [PhotoPoint::new(0.0, 0.0), PhotoPoint::new(10.0, 0.0)];
        assert_eq!(nearest_point_index(&points, PhotoPoint::new(8.0, 1.0), 3.0), Some(1));
        assert_eq!(nearest_point_index(&points, PhotoPoint::new(5.0, 5.0), 3.0), None);
    }
}
