//! The hairline's transition band: what it does to the dots at each point. Ahead of the line,
//! single leading dots that thin out with distance; behind it, a band across which density,
//! dot size and shade all rise from sparse, small and light to the zone's own; and a line that
//! wanders at two scales ([`super::edge_noise`]) so the front is never a straight, hard line
//! (shared/domain.md, after Shapiro; the ramp's figures are `design::Transition`'s).
//!
//! Leading dots are the tile's blue-noise points at the density just ahead of the line, each
//! kept by a seeded draw whose chance falls with the distance ahead. A rank threshold alone
//! would keep the same few points of every tile, a pattern repeating every tile's width along
//! the line; the draw differs from tile to tile, and thinning blue noise never clumps it.

use super::edge_noise::EdgeNoise;
use super::{cell_index, clamped_cell_index};
use crate::design::{Transition, View};
use crate::geometry::sample_curve;

/// Density at the very front of the band, as a share of the full density.
const FRONT_DENSITY: f64 = 0.12;

/// What the band does to a dot at one point, each as a share of the zone's own: how many dots
/// are kept, how large they are and how much of the skin they hide.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Grade {
    pub density: f64,
    pub size: f64,
    pub shade: f64,
    /// The chance that a dot the density keeps is laid (below 1 only for leading dots).
    pub keep: f64,
}

impl Grade {
    /// The zone's own dots, untouched.
    pub const FULL: Self = Self { density: 1.0, size: 1.0, shade: 1.0, keep: 1.0 };
    /// No dots.
    const EMPTY: Self = Self { density: 0.0, size: 1.0, shade: 1.0, keep: 1.0 };
}

/// How the band's density factor varies over an area.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Over {
    /// 1 everywhere: the zone's full density.
    Full,
    /// 0 everywhere: no dots.
    Empty,
    /// Ask [`HairlineBand::factor`] point by point.
    Varies,
}

/// A view's hairline prepared for density queries, in millimetres.
pub struct HairlineBand {
    /// The hairline as a polyline, with the distance along it at each point.
    line: Vec<[f64; 2]>,
    along_mm: Vec<f64>,
    /// Unit vector "up the head": the side of the line the band lies on.
    up: [f64; 2],
    /// The line's extent across the head (perpendicular to `up`) and up it, in mm.
    across_range: [f64; 2],
    up_range: [f64; 2],
    /// How far from the line the band and its leading dots reach.
    reach: f64,
    transition: Transition,
    /// How far the edge lies ahead of the drawn line, along it.
    edge: EdgeNoise,
    /// Which segments to check for points in each cell of a coarse grid over the band's box.
    grid: SegmentGrid,
}

/// Side of the grid's cells, in mm.
const GRID_CELL_MM: f64 = 2.0;

/// For each cell, the segments that can be nearest to a point in it within the band's reach;
/// cells with none are wholly ahead of, behind or beside the line.
#[derive(Default)]
struct SegmentGrid {
    min: [f64; 2],
    columns: usize,
    rows: usize,
    cells: Vec<Vec<u32>>,
}

impl HairlineBand {
    /// The band of `view`'s hairline, if it has one of at least two points and a midline.
    pub fn new(view: &View, mm_per_px: f64, seed: u64) -> Option<Self> {
        let curve = &view.curves[view.hairline_index()?];
        if curve.points.len() < 2 {
            return None;
        }
        let [a, b] = view.midline()?;
        let (dx, dy) = if b.y <= a.y { (b.x - a.x, b.y - a.y) } else { (a.x - b.x, a.y - b.y) };
        let length = dx.hypot(dy).max(f64::EPSILON);
        let line: Vec<[f64; 2]> =
            sample_curve(&curve.points).iter().map(|p| [p.x * mm_per_px, p.y * mm_per_px]).collect();
        let mut along_mm = Vec::with_capacity(line.len());
        let mut total = 0.0;
        for (i, p) in line.iter().enumerate() {
            if i > 0 {
                total += (p[0] - line[i - 1][0]).hypot(p[1] - line[i - 1][1]);
            }
            along_mm.push(total);
        }
        let t = &curve.transition;
        let edge = EdgeNoise::new(t, total, seed);
        let reach = t.band_width_mm + t.micro_lead_mm + edge.max_offset_mm() + 1.0;
        let up = [dx / length, dy / length];
        let range = |direction: [f64; 2]| {
            line.iter()
                .map(|p| p[0] * direction[0] + p[1] * direction[1])
                .fold([f64::INFINITY, f64::NEG_INFINITY], |r, v| [r[0].min(v), r[1].max(v)])
        };
        let (across_range, up_range) = (range([-up[1], up[0]]), range(up));
        let mut band = Self {
            line,
            along_mm,
            up,
            across_range,
            up_range,
            reach,
            transition: t.clone(),
            edge,
            grid: SegmentGrid::default(),
        };
        band.grid = band.build_grid();
        Some(band)
    }

    fn build_grid(&self) -> SegmentGrid {
        let fold = |f: fn(f64, f64) -> f64, axis: usize, start: f64| self.line.iter().map(|p| p[axis]).fold(start, f);
        let min = [fold(f64::min, 0, f64::INFINITY) - self.reach, fold(f64::min, 1, f64::INFINITY) - self.reach];
        let max =
            [fold(f64::max, 0, f64::NEG_INFINITY) + self.reach, fold(f64::max, 1, f64::NEG_INFINITY) + self.reach];
        // A hairline's box in 2 mm cells: a few thousand at most.
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "small cell counts")]
        let (columns, rows) =
            (((max[0] - min[0]) / GRID_CELL_MM).ceil() as usize, ((max[1] - min[1]) / GRID_CELL_MM).ceil() as usize);
        // Each segment is listed in every cell its box, grown by the reach, touches.
        let mut cells = vec![Vec::new(); columns * rows];
        let cell = |v: f64, origin: f64, count: usize| clamped_cell_index((v - origin) / GRID_CELL_MM, count);
        for (i, pair) in self.line.windows(2).enumerate() {
            let (a, b) = (pair[0], pair[1]);
            let (x0, x1) = (
                cell(a[0].min(b[0]) - self.reach, min[0], columns),
                cell(a[0].max(b[0]) + self.reach, min[0], columns),
            );
            let (y0, y1) =
                (cell(a[1].min(b[1]) - self.reach, min[1], rows), cell(a[1].max(b[1]) + self.reach, min[1], rows));
            let index = u32::try_from(i).unwrap_or(u32::MAX);
            for row in y0..=y1 {
                for column in x0..=x1 {
                    cells[row * columns + column].push(index);
                }
            }
        }
        SegmentGrid { min, columns: columns.max(1), rows: rows.max(1), cells }
    }

    /// The segments worth checking for `p`; `None` outside the grid.
    fn candidates(&self, p: [f64; 2]) -> Option<&[u32]> {
        let grid = &self.grid;
        let column = cell_index((p[0] - grid.min[0]) / GRID_CELL_MM, grid.columns)?;
        let row = cell_index((p[1] - grid.min[1]) / GRID_CELL_MM, grid.rows)?;
        Some(grid.cells[row * grid.columns + column].as_slice())
    }

    /// How [`Self::grade`] varies over the box from `min` to `max` (mm). Behind the band or
    /// beside the line's ends it is 1, well ahead of the leading dots 0; only a strip along the
    /// line needs asking point by point.
    pub fn over_box(&self, min: [f64; 2], max: [f64; 2]) -> Over {
        if self.is_full_over(min, max) {
            return Over::Full;
        }
        let corners = [min, [max[0], min[1]], [min[0], max[1]], max];
        let across = corners.map(|p| -p[0] * self.up[1] + p[1] * self.up[0]);
        if across.iter().any(|&a| a < self.across_range[0] || a > self.across_range[1]) {
            return Over::Varies;
        }
        let up = corners.map(|p| p[0] * self.up[0] + p[1] * self.up[1]);
        if up.iter().all(|&u| u < self.up_range[0] - self.reach) {
            // Well ahead of the whole line, as `factor` says without measuring.
            return Over::Empty;
        }
        // The depth behind the line at the centre decides, if the corners agree and none lies
        // past the line's ends (where the factor is 1 whatever the depth). Every point of the
        // box lies within half its diagonal of the centre; the margin covers the small turns of
        // the sampled line, where the depth jumps a little.
        let centre = [f64::midpoint(min[0], max[0]), f64::midpoint(min[1], max[1])];
        let Some((centre_depth, _)) = self.depth(centre) else {
            return Over::Varies;
        };
        let half_diagonal = (max[0] - min[0]).hypot(max[1] - min[1]) / 2.0;
        let spread = half_diagonal + self.edge.max_offset_mm() + 0.5 + 0.1 * centre_depth.abs();
        let t = &self.transition;
        let is_full = |depth: f64| depth - spread >= t.band_width_mm;
        let is_empty = |depth: f64| depth + spread < -t.micro_lead_mm;
        let (over, decided): (Over, &dyn Fn(f64) -> bool) =
            if is_full(centre_depth) && up.iter().all(|&u| u >= self.up_range[0] - self.reach) {
                (Over::Full, &is_full)
            } else if is_empty(centre_depth) && up.iter().all(|&u| u <= self.up_range[1] + self.reach) {
                (Over::Empty, &is_empty)
            } else {
                return Over::Varies;
            };
        let corners_agree = corners.iter().all(|&corner| self.depth(corner).is_some_and(|(depth, _)| decided(depth)));
        if corners_agree { over } else { Over::Varies }
    }

    /// Whether [`Self::grade`] is full everywhere in the box from `min` to `max` (mm): the box lies
    /// beside the line's ends or well behind it. Checked on the corners, as both tests are linear.
    fn is_full_over(&self, min: [f64; 2], max: [f64; 2]) -> bool {
        let corners = [min, [max[0], min[1]], [min[0], max[1]], max];
        let across = corners.map(|p| -p[0] * self.up[1] + p[1] * self.up[0]);
        let up = corners.map(|p| p[0] * self.up[0] + p[1] * self.up[1]);
        across.iter().all(|&a| a < self.across_range[0])
            || across.iter().all(|&a| a > self.across_range[1])
            || up.iter().all(|&u| u > self.up_range[1] + self.reach)
    }

    /// What the band does to a dot at `p` (mm). Beside the line's ends nothing changes; well
    /// behind it everything is kept, and well ahead of it nothing.
    pub fn grade(&self, p: [f64; 2]) -> Grade {
        let across = -p[0] * self.up[1] + p[1] * self.up[0];
        if across < self.across_range[0] || across > self.across_range[1] {
            return Grade::FULL;
        }
        let up = p[0] * self.up[0] + p[1] * self.up[1];
        if up > self.up_range[1] + self.reach {
            return Grade::FULL;
        }
        if up < self.up_range[0] - self.reach {
            return Grade::EMPTY;
        }
        let Some((depth_mm, along_mm)) = self.depth(p) else {
            return Grade::FULL;
        };
        let t = &self.transition;
        // Depth behind the edge, which lies `offset` ahead of the drawn line.
        let depth_mm = depth_mm + self.edge.offset_mm(along_mm);
        if depth_mm >= t.band_width_mm {
            return Grade::FULL;
        }
        let front = Grade { density: FRONT_DENSITY, size: t.front_size_share, shade: t.front_shade_share, keep: 1.0 };
        if depth_mm >= 0.0 {
            // One ramp for all three, flat at both ends so neither edge of the band shows.
            let x = depth_mm / t.band_width_mm.max(f64::EPSILON);
            let rise = x * x * (3.0 - 2.0 * x);
            let ramp = |front: f64| front + (1.0 - front) * rise;
            Grade { density: ramp(front.density), size: ramp(front.size), shade: ramp(front.shade), keep: 1.0 }
        } else if -depth_mm < t.micro_lead_mm {
            // Single leading dots, fewer the further ahead: the chance of a dot falls evenly
            // from the share just ahead of the line to none at the lead's reach.
            let ahead = -depth_mm / t.micro_lead_mm;
            Grade { density: t.micro_cluster_share.clamp(0.0, 1.0), keep: 1.0 - ahead, ..front }
        } else {
            Grade::EMPTY
        }
    }

    /// Signed distance behind the line (positive up the head) and the distance along it, or
    /// `None` when `p` lies beyond the line's ends (the band does not wrap around them).
    #[expect(clippy::many_single_char_names, reason = "p, q, a, b, t, i as in the geometry")]
    fn depth(&self, p: [f64; 2]) -> Option<(f64, f64)> {
        let mut best: Option<(f64, usize, f64)> = None;
        let mut consider = |i: usize| {
            let (distance, t) = segment_distance(p, self.line[i], self.line[i + 1]);
            if best.is_none_or(|(d, _, _)| distance < d) {
                best = Some((distance, i, t));
            }
        };
        match self.candidates(p) {
            // Near the line: only the segments the grid lists can be nearest.
            Some(near) if !near.is_empty() => near.iter().for_each(|&i| consider(i as usize)),
            // Far from it (or off the grid): every segment, which is rare and exact.
            _ => (0..self.line.len() - 1).for_each(&mut consider),
        }
        let (_, i, t) = best?;
        let last = self.line.len() - 2;
        if (i == 0 && t <= 0.0) || (i == last && t >= 1.0) {
            return None;
        }
        let (a, b) = (self.line[i], self.line[i + 1]);
        let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
        let length = dx.hypot(dy).max(1e-12);
        let mut normal = [-dy / length, dx / length];
        if normal[0] * self.up[0] + normal[1] * self.up[1] < 0.0 {
            normal = [-normal[0], -normal[1]];
        }
        let q = [a[0] + t * dx, a[1] + t * dy];
        let depth = (p[0] - q[0]) * normal[0] + (p[1] - q[1]) * normal[1];
        Some((depth, self.along_mm[i] + t * length))
    }
}

/// Distance from `p` to the segment from `a` to `b`, and where along it (0 to 1) the nearest
/// point is.
fn segment_distance(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> (f64, f64) {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let length_sq = (dx * dx + dy * dy).max(1e-12);
    let t = (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length_sq).clamp(0.0, 1.0);
    let (ex, ey) = (p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
    ((ex * ex + ey * ey).sqrt(), t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::{Curve, CurveRole, PhotoPoint, PhotoRef, ViewKind};

    /// The band of a hairline through `points` (px) on a 1000 px photo at 0.1 mm per pixel.
    fn band(points: &[(f64, f64)]) -> HairlineBand {
        let mut view = View::new(ViewKind::Front);
        view.photo = Some(PhotoRef { path: String::new(), sha256: String::new(), width_px: 1000, height_px: 1000 });
        let points = points.iter().map(|&(x, y)| PhotoPoint::new(x, y)).collect();
        view.curves.push(Curve { name: "Hairline".into(), role: CurveRole::Hairline, points, ..Curve::default() });
        HairlineBand::new(&view, 0.1, 7).expect("a hairline with a midline")
    }

    /// A wavy line, a line whose end hooks back down, and a line with a sharp kink (a repeated
    /// control point).
    fn hairlines() -> Vec<Vec<(f64, f64)>> {
        let wavy = (0..9)
            .map(|i| {
                let x = 100.0 + 100.0 * f64::from(i);
                (x, 600.0 - 30.0 * (f64::from(i) - 4.0).abs() + 15.0 * (x / 90.0).sin())
            })
            .collect();
        let hooked = vec![(100.0, 300.0), (500.0, 250.0), (900.0, 300.0), (900.0, 400.0), (860.0, 420.0)];
        let kinked =
            vec![(100.0, 500.0), (400.0, 450.0), (500.0, 300.0), (500.0, 300.0), (600.0, 450.0), (900.0, 500.0)];
        vec![wavy, hooked, kinked]
    }

    #[test]
    fn boxes_called_full_or_empty_are_so_at_every_point() {
        for (index, line) in hairlines().iter().enumerate() {
            let band = band(line);
            let side = 3.6;
            let (mut full, mut empty, mut varies) = (0, 0, 0);
            for row in 0..28 {
                for column in 0..28 {
                    let min = [f64::from(column) * side, f64::from(row) * side];
                    let max = [min[0] + side, min[1] + side];
                    let over = band.over_box(min, max);
                    let steps =
                        (0..=12).flat_map(|i| (0..=12).map(move |j| (f64::from(i) / 12.0, f64::from(j) / 12.0)));
                    for (u, v) in steps {
                        let factor = band.grade([min[0] + u * side, min[1] + v * side]).density;
                        let wrong = match over {
                            Over::Full => (factor - 1.0).abs() > 1e-12,
                            Over::Empty => factor.abs() > 1e-12,
                            Over::Varies => false,
                        };
                        assert!(!wrong, "line {index}, box at {min:?} called {over:?}: factor {factor}");
                    }
                    match over {
                        Over::Full => full += 1,
                        Over::Empty => empty += 1,
                        Over::Varies => varies += 1,
                    }
                }
            }
            // Most of the photo is decided per box; only a strip along the line is asked per
            // point (a wider one around the hook, whose end is asked point by point).
            let decided = if index == 0 { full + empty } else { 2 * (full + empty) };
            assert!(varies < decided, "line {index}: {full} full, {empty} empty, {varies} varying");
        }
    }
}
